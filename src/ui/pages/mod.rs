//! One component per screen (per address: see `ui::address`).

use leptos::prelude::*;

mod not_found;
mod question;
mod round;
mod settings;
mod start;
mod stats;
mod summary;

pub use not_found::NotFoundPage;
#[cfg(not(target_arch = "wasm32"))]
pub use question::QuestionPage;
pub use round::{RoundRoute, SummaryRoute, TopicRoute};
pub use settings::SettingsPage;
pub use start::StartPage;
pub use stats::StatsPage;

/// Records `screen` as the one the learner is on, where the app's bare address brings them
/// back (the address, not this, decides what a tab shows).
fn use_visit(screen: crate::quiz::Screen) {
    let app = crate::ui::AppState::get();
    Effect::new(move |_| {
        app.act(|session| session.visit(screen));
    });
}
