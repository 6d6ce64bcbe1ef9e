//! One component per screen (per address: see `ui::address`).

use leptos::prelude::*;

use leptos::context::Provider;

use crate::browser::{fresh_seed, now, use_document_title};
use crate::deck::Deck;
use crate::quiz::{RoundKind, Screen};
use crate::ui::address::Address;
use crate::ui::navigation::{use_go, Entry};
use crate::ui::{use_open_deck, AppState, OpenDeck};

mod library;
mod not_found;
mod question;
mod round;
mod settings;
mod start;
mod stats;
mod summary;

pub use library::LibraryPage;
pub use not_found::NotFoundPage;
#[cfg(not(target_arch = "wasm32"))]
pub use question::QuestionPage;
pub use round::{RoundRoute, SummaryRoute, TopicRoute};
pub use settings::SettingsPage;
pub use start::StartPage;
pub use stats::StatsPage;

/// Begins a round of a kind in a deck and goes to its address, as a new history entry (Back
/// from its question returns to the screen that began it: the start screen or the library,
/// where Continue resumes it), or in place of the summary it was begun from. Should that end
/// another round still unfinished, it only goes there, and the round's screen asks first.
fn use_begin_round_in(entry: Entry) -> impl Fn(OpenDeck, RoundKind) + Copy {
    let app = AppState::get();
    let go = use_go();
    move |open, kind| {
        let ends_another = open
            .session
            .with_untracked(|session| session.round_ended_by(&kind).is_some());
        let settings = app.settings();
        if ends_another || open.act(|session| session.start(&kind, &settings, fresh_seed(), now()))
        {
            go.to(Address::Round(open.deck, &kind).path(), entry);
        }
    }
}

/// A round named as a sentence names it: "the whole deck", "the topic “Sync and async”".
fn round_name(deck: &'static Deck, kind: &RoundKind) -> String {
    match kind {
        RoundKind::Full => "the whole deck".to_owned(),
        RoundKind::Topic(topic) => match deck.topic(topic) {
            Some(topic) => format!("the topic \u{201c}{}\u{201d}", topic.title),
            None => "a topic".to_owned(),
        },
        RoundKind::Review => "the review".to_owned(),
        RoundKind::Missed => "the missed questions".to_owned(),
    }
}

/// Goes to the current round of a deck (its summary once finished), as a new history entry:
/// Continue, and a finished round's "See last results".
fn use_resume_round_in() -> impl Fn(OpenDeck) + Copy {
    let go = use_go();
    move |open: OpenDeck| {
        if let Some(path) = open.session.with_untracked(Address::of_round) {
            go.push(path);
        }
    }
}

/// [`use_begin_round_in`] the open deck.
fn use_begin_round(entry: Entry) -> impl Fn(RoundKind) + Copy {
    let open = use_open_deck();
    let begin = use_begin_round_in(entry);
    move |kind| begin(open, kind)
}

/// Names the screen in the document's title: `parts` from the screen to its deck, then the
/// app (`Stats · Django async views · quizdeck`).
fn use_title(parts: impl Fn() -> Vec<String> + Send + Sync + 'static) {
    use_document_title(move || {
        let mut title = parts();
        title.push("quizdeck".to_owned());
        title.join(" · ")
    });
}

/// Records `screen` of the open deck as the one the learner is on, where the app's bare
/// address brings them back (the address, not this, decides what a tab shows).
fn use_visit(screen: Screen) {
    let app = AppState::get();
    let open = use_open_deck();
    Effect::new(move |_| record_visit(app, open, screen));
}

/// Records that the learner is on `screen` of `open`'s deck: in that deck, and in the library
/// as the deck they are in.
fn record_visit(app: AppState, open: OpenDeck, screen: Screen) {
    app.change_library(|library| library.visit(Some(open.deck.id)));
    open.act(|session| session.visit(screen));
}

/// Records the settings screen as the one the learner is on, in the deck they were last in
/// (the only deck, in an app of one): a bare address brings them back to it. Seen from the
/// library, it is not recorded.
fn use_visit_settings() {
    let app = AppState::get();
    Effect::new(move |_| {
        // Once, as the screen opens: the visit itself changes nothing it should follow.
        if let Some(open) = untrack(|| app.last_deck()) {
            open.act(|session| session.visit(Screen::Settings));
        }
    });
}

/// The app's bare address: the library, or the start screen of an app with one deck.
#[component]
pub fn HomePage() -> impl IntoView {
    match AppState::get().only_deck() {
        Some(open) => view! {
            <Provider value=open>
                <StartPage />
            </Provider>
        }
        .into_any(),
        None => view! { <LibraryPage /> }.into_any(),
    }
}
