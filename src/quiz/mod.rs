//! The quiz rules: rounds, grading, option shuffling and the session that ties them to a deck.
//! Plain Rust, no browser: time and randomness are passed in by the caller.

mod attempt;
mod round;
mod session;
mod shuffle;

pub use attempt::Attempt;
pub use round::{Draft, Round, RoundKind, Step};
pub use session::{Card, Missed, Overview, Screen, Session, Summary};
pub use shuffle::choice_order;
