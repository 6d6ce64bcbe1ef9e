//! The domain: a learner's progress on each deck, what they keep across decks ([`Library`]),
//! and the rules that change them (rounds, grading, option shuffling, review scheduling,
//! merging two copies) and read them (views, tallies, stats). Plain Rust, no browser: time and randomness are passed in by the caller.

mod attempt;
mod head_start;
mod library;
mod progress;
mod round;
mod schedule;
mod session;
mod settings;
mod shuffle;
mod stats;
mod tally;
mod time;
mod views;

pub use attempt::Attempt;
pub use head_start::{HeadStart, FIRST_ROUND_SEED};
pub use library::Library;
pub use progress::{DeckUpdate, MergeReport, Progress, RoundMisfit, Screen, UpdateCost};
pub use round::{Draft, Round, RoundKind, Step};
pub use schedule::{Phase, Rating, ReviewCard, Schedule};
pub use session::Session;
pub use settings::{ReviewLimit, Settings, Theme};
pub use shuffle::{choice_order, order_to_arrange};
pub use stats::{Day, Stats};
pub use tally::{Tallies, Tally};
pub use time::{iso_date, LocalTime, DAY_MS};
pub use views::{chosen_choices, CurrentQuestion, Missed, Overview, RoundStatus, Summary};
