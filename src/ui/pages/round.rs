use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::question::QuestionPage;
use super::summary::SummaryPage;
use crate::browser::{fresh_seed, now};
use crate::quiz::{RoundKind, Screen};
use crate::ui::address::Address;
use crate::ui::navigation::use_go;
use crate::ui::{use_open_deck, AppState};

/// A round's address (`/deck/<id>/round`, `/review`, `/missed`): its current question.
#[component]
pub fn RoundRoute(kind: RoundKind) -> impl IntoView {
    view! { <RoundOf kind=Memo::new(move |_| Some(kind.clone())) /> }
}

/// A topic's round (`/deck/<id>/topic/<topic>`).
#[component]
pub fn TopicRoute() -> impl IntoView {
    let params = use_params_map();
    // `None` while the router leaves this route (its params no longer name a topic).
    let kind = Memo::new(move |_| params.read().get("topic").map(RoundKind::Topic));
    view! { <RoundOf kind /> }
}

/// The question of the round `kind` names. Arriving here resumes that round if it is the
/// current one and unfinished, and otherwise begins it, so an address shared, bookmarked or
/// opened from the installed app's shortcuts always has a round to show. When the round is
/// over, its summary takes this screen's place in the history, so Back goes to the start screen
/// rather than to a round that has ended.
#[component]
fn RoundOf(kind: Memo<Option<RoundKind>>) -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    let go = use_go();
    // Runs when the address names another round (a memo: only a change of round re-runs it).
    Effect::new(move |_| {
        let Some(kind) = kind.get() else {
            return;
        };
        let resumed = open
            .session
            .with_untracked(|session| session.unfinished_round(&kind).is_some());
        let settings = app.settings();
        if resumed || open.act(|session| session.start(&kind, &settings, fresh_seed(), now())) {
            super::record_visit(app, open, Screen::Round);
        } else {
            // Nothing to begin: no question due, none missed, or a topic the deck lacks.
            go.replace(Address::Deck(open.deck).path());
        }
    });
    let on_screen = Memo::new(move |_| {
        let kind = kind.get()?;
        Some(
            open.session
                .with(|session| session.unfinished_round(&kind).is_some()),
        )
    });
    Effect::new(move |was_on_screen: Option<Option<bool>>| {
        let on_screen = on_screen.get();
        if was_on_screen.flatten() == Some(true) && on_screen == Some(false) {
            // The finished round's summary (or the start screen, should the round be gone).
            let next = open.session.with_untracked(Address::of_round);
            go.replace(next.unwrap_or_else(|| Address::Deck(open.deck).path()));
        }
        on_screen
    });
    move || (on_screen.get() == Some(true)).then(|| view! { <QuestionPage /> })
}

/// A finished round's result (`/deck/<id>/summary`). Arriving without one, the round in
/// progress or the start screen takes its place.
#[component]
pub fn SummaryRoute() -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    let go = use_go();
    Effect::new(move |_| {
        let (finished, elsewhere) = open.session.with_untracked(|session| {
            (
                session.finished_round().is_some(),
                Address::of_round(session),
            )
        });
        if finished {
            super::record_visit(app, open, Screen::Round);
        } else {
            go.replace(elsewhere.unwrap_or_else(|| Address::Deck(open.deck).path()));
        }
    });
    move || {
        open.session
            .with(|session| session.finished_round().is_some())
            .then(|| view! { <SummaryPage /> })
    }
}
