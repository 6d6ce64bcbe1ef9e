//! Days as the learner's calendar counts them. The domain never reads the clock: the caller
//! passes the time and the UTC offset.

use chrono::{DateTime, Datelike};

pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// A point in time as the learner's calendar sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// Milliseconds since the Unix epoch.
    pub now: u64,
    /// Minutes to add to UTC for local time (e.g. 60 in Paris in winter).
    pub utc_offset_minutes: i32,
}

impl LocalTime {
    /// The local day (days since 1970-01-01, local) of an instant.
    pub fn day_of(&self, ms: u64) -> i64 {
        (ms as i64 + i64::from(self.utc_offset_minutes) * 60_000).div_euclid(DAY_MS as i64)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }
}

/// A local day (as [`LocalTime::day_of`] counts them) as `YYYY-MM-DD`.
pub fn iso_date(day: i64) -> String {
    let date = DateTime::from_timestamp(day * (DAY_MS / 1000) as i64, 0)
        .unwrap_or_default()
        .date_naive();
    format!("{}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_of_local_days() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(20_424), "2025-12-02");
        assert_eq!(iso_date(-1), "1969-12-31");
    }

    #[test]
    fn a_local_day_follows_the_offset() {
        // 2025-12-01 23:30 UTC is already 2 December in Paris (UTC+1).
        let late = 20_423 * DAY_MS + 23 * 3_600_000 + 30 * 60_000;
        let utc = LocalTime {
            now: late,
            utc_offset_minutes: 0,
        };
        let paris = LocalTime {
            now: late,
            utc_offset_minutes: 60,
        };
        assert_eq!(utc.today(), 20_423);
        assert_eq!(paris.today(), 20_424);
    }
}
