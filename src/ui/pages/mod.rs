//! One component per screen (per address: see `ui::address`).

use leptos::prelude::*;

use crate::browser::{fresh_seed, now};
use crate::quiz::{RoundKind, Screen, Session};
use crate::ui::address::Address;
use crate::ui::navigation::use_go;
use crate::ui::AppState;

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

/// Begins a round of a kind and goes to its address, as a new history entry: Back from its
/// question returns to the screen that began it (the start screen, where Continue resumes
/// it, or the summary).
fn use_begin_round() -> impl Fn(RoundKind) + Copy {
    let app = AppState::get();
    let deck = app.session.with_untracked(Session::deck);
    let go = use_go();
    move |kind| {
        if app.act(|session| session.start(&kind, fresh_seed(), now())) {
            go.push(Address::Round(deck, &kind).path());
        }
    }
}

/// Records `screen` as the one the learner is on, where the app's bare address brings them
/// back (the address, not this, decides what a tab shows).
fn use_visit(screen: Screen) {
    let app = AppState::get();
    Effect::new(move |_| {
        app.act(|session| session.visit(screen));
    });
}
