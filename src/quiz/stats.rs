//! Study statistics, derived from the history and the schedule. Days are the learner's local
//! days (see [`LocalTime`]).

use std::collections::BTreeMap;

use super::{LocalTime, Session, Tallies};

/// One day's answers, for the accuracy chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub day: i64,
    pub answered: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub tallies: Tallies,
    /// Consecutive days with at least one answer, ending today (or yesterday, if nothing was
    /// answered yet today).
    pub streak_days: u32,
    pub due_now: usize,
    pub due_tomorrow: usize,
    /// Due within the next seven days (not counting those due now).
    pub due_this_week: usize,
    /// Days with answers, oldest first.
    pub days: Vec<Day>,
}

impl Session {
    pub fn stats(&self, time: LocalTime) -> Stats {
        let history = &self.progress().history;
        // By day, so that years of answers are counted in one pass (and in day order).
        let mut by_day: BTreeMap<i64, Day> = BTreeMap::new();
        for attempt in history {
            let day = time.day_of(attempt.answered_at);
            let entry = by_day.entry(day).or_insert(Day {
                day,
                answered: 0,
                right: 0,
            });
            entry.answered += 1;
            entry.right += usize::from(attempt.correct);
        }

        let today = time.today();
        let studied = |day: i64| by_day.contains_key(&day);
        let mut streak_end = today;
        if !studied(today) {
            streak_end -= 1;
        }
        let streak_days = (0..).take_while(|back| studied(streak_end - back)).count() as u32;

        let cards = || self.schedule().cards();
        let due_now = self.schedule().due_count(time.now);
        let due_tomorrow = cards()
            .filter(|card| time.day_of(card.due) == today + 1)
            .count();
        let due_this_week = cards()
            .filter(|card| !card.is_due(time.now) && time.day_of(card.due) <= today + 7)
            .count();

        Stats {
            tallies: Tallies::of(self.deck(), history),
            streak_days,
            due_now,
            due_tomorrow,
            due_this_week,
            days: by_day.into_values().collect(),
        }
    }
}
