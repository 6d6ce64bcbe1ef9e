//! The quiz rules: rounds, grading, option shuffling and the session that ties them to a deck.
//! Plain Rust, no browser: time and randomness are passed in by the caller.

mod attempt;
mod head_start;
mod round;
mod schedule;
mod session;
mod shuffle;
mod stats;
mod views;

pub use attempt::Attempt;
pub use head_start::{HeadStart, FIRST_ROUND_SEED};
pub use round::{Draft, Round, RoundKind, Step};
pub use schedule::{Phase, Rating, ReviewCard};
pub use session::{Screen, Session};
pub use shuffle::choice_order;
pub use stats::{Day, LocalTime, Stats, Tally};
pub use views::{chosen_choices, Card, Coverage, Missed, Overview, Summary};
