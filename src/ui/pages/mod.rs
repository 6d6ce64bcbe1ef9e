//! One component per screen.

mod question;
mod round;
mod start;
mod summary;

pub use round::RoundPage;
pub use start::StartPage;
