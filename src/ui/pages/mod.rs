//! One component per screen.

mod question;
mod round;
mod settings;
mod start;
mod stats;
mod summary;

#[cfg(not(target_arch = "wasm32"))]
pub use question::QuestionPage;
pub use round::RoundPage;
pub use settings::SettingsPage;
pub use start::StartPage;
pub use stats::StatsPage;
