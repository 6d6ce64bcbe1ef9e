use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::question::QuestionPage;
use super::summary::SummaryPage;
use crate::browser::{focus_screen_heading, fresh_seed, now};
use crate::quiz::{RoundKind, RoundStatus, Screen, Session};
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
/// opened from the installed app's shortcuts always has a round to show; but should beginning
/// it end another round still unfinished, the learner is asked first ([`BeginInstead`]). When
/// the round is over, its summary takes this screen's place in the history, so Back goes to the
/// start screen rather than to a round that has ended.
#[component]
fn RoundOf(kind: Memo<Option<RoundKind>>) -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    let go = use_go();
    let asking = Memo::new(move |_| {
        let Some(kind) = kind.get() else {
            return false;
        };
        let settings = app.settings();
        open.session.with(|session| {
            session.round_ended_by(&kind).is_some() && session.can_start(&kind, &settings, now())
        })
    });
    // Runs when the address names another round (memos: only a change of round, or of whether
    // the learner is being asked, re-runs it).
    Effect::new(move |_| {
        let Some(kind) = kind.get() else {
            return;
        };
        if asking.get() {
            return;
        }
        untrack(|| {
            let resumed = open
                .session
                .with(|session| session.unfinished_round(&kind).is_some());
            let settings = app.settings();
            if resumed || open.act(|session| session.start(&kind, &settings, fresh_seed(), now())) {
                super::record_visit(app, open, Screen::Round);
            } else {
                // Nothing to begin: no question due, none missed, or a topic the deck lacks.
                go.replace(Address::Deck(open.deck).path());
            }
        });
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
    move || {
        if on_screen.get() == Some(true) {
            view! { <QuestionPage /> }.into_any()
        } else if asking.get() {
            kind.get()
                .map(|kind| view! { <BeginInstead kind /> })
                .into_any()
        } else {
            ().into_any()
        }
    }
}

/// Asks before a round begins in place of another still unfinished (a topic taken or the
/// review's shortcut opened mid-round): begin it, losing the other's place (its answers are
/// kept), or go back to the other. Drawn once: another tab's answers never move this tab's
/// round, and a reset there ends it, which takes this screen away.
#[component]
fn BeginInstead(kind: RoundKind) -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    let go = use_go();
    let deck = open.deck;
    let name = super::round_name(deck, &kind);
    let heading = format!("Start {name}?");
    let start_label = format!("Start {name}");
    let (sentence, continue_label) = match open.session.with_untracked(Session::round_status) {
        RoundStatus::InProgress {
            kind: other,
            number,
            total,
        } => {
            let other = super::round_name(deck, &other);
            (
                format!(
                    "You are at question {number} of {total} in {other}. Starting {name} ends \
                     that round: the answers you gave in it are kept, but not your place."
                ),
                format!("Continue {other}"),
            )
        }
        _ => Default::default(),
    };
    super::use_title({
        let heading = heading.clone();
        move || vec![heading.clone(), deck.title.to_owned()]
    });
    let begin = move |_| {
        let settings = app.settings();
        if open.act(|session| session.start(&kind, &settings, fresh_seed(), now())) {
            // The button pressed is gone with this screen: the question's heading next.
            focus_screen_heading();
        }
    };
    let go_back = move |_| {
        let round = open.session.with_untracked(Address::of_round);
        go.replace(round.unwrap_or_else(|| Address::Deck(deck).path()));
    };
    view! {
        <section class="begin-instead" aria-labelledby="begin-instead-title">
            <h1 id="begin-instead-title" tabindex="-1">{heading}</h1>
            <p>{sentence}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=begin>
                    {start_label}
                </button>
                <button type="button" class="secondary" on:click=go_back>
                    {continue_label}
                </button>
            </div>
        </section>
    }
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
