use std::time::Duration;

use leptos::prelude::*;

use super::when_back_in_view;
use crate::quiz::LocalTime;

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh seed for shuffling a new round.
pub fn fresh_seed() -> u64 {
    // 53 bits: all the precision an f64 from Math.random() carries.
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The learner's local time at `now` (ms since the epoch), for counting study days.
pub fn local_time(now: u64) -> LocalTime {
    LocalTime {
        now,
        // getTimezoneOffset is UTC minus local, in minutes.
        utc_offset_minutes: -(js_sys::Date::new_0().get_timezone_offset() as i32),
    }
}

/// The time screens count due reviews against (ms since the epoch): it moves on every minute
/// and whenever the page comes back into view, so a start screen left open overnight, or an
/// installed app resumed the next day, shows what has fallen due. `initial` is the time it
/// starts at (the first screen's render passes a fixed one).
pub fn use_clock(initial: u64) -> ReadSignal<u64> {
    let (clock, set_clock) = signal(initial);
    Effect::new(move |_| {
        let every_minute =
            set_interval_with_handle(move || set_clock.set(now()), Duration::from_secs(60));
        on_cleanup(move || {
            if let Ok(every_minute) = every_minute {
                every_minute.clear();
            }
        });
        when_back_in_view(move || set_clock.set(now()));
    });
    clock
}

/// An instant (ms since the epoch) as the learner's locale writes a date and time.
pub fn local_date_time(ms: u64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    date.to_locale_string("default", &"{}".into()).into()
}
