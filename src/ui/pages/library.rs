use leptos::prelude::*;
use leptos_router::components::A;

use super::start::tally_text;
use crate::quiz::{RoundKind, RoundStatus};
use crate::ui::address::Address;
use crate::ui::components::StorageStatus;
use crate::ui::navigation::{use_href, Entry};
use crate::ui::{AppState, OpenDeck};

/// The app's bare address when it has several decks: each deck, what was done in it so far,
/// and the ways in.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = AppState::get();
    Effect::new(move |_| {
        app.change_library(|library| library.visit(None));
    });
    super::use_title(Vec::new);
    let cards = app
        .decks()
        .into_iter()
        .map(|open| view! { <DeckCard open /> })
        .collect_view();
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title" tabindex="-1">"Decks"</h1>
            <p class="lede">
                "Every answer in these decks was proven by running the code it is about."
            </p>
            <ul class="deck-list">{cards}</ul>
            <StorageStatus />
        </section>
    }
}

/// One deck in the library: its title (a link to its start screen), size, progress and due
/// reviews, and Start (or Continue) and Review.
#[component]
fn DeckCard(open: OpenDeck) -> impl IntoView {
    let app = AppState::get();
    let deck = open.deck;
    let overview = Memo::new(move |_| {
        let now = app.clock.get();
        open.session.with(|session| session.overview(now))
    });
    let href = use_href();
    let begin = super::use_begin_round_in(Entry::New);
    let title_id = format!("deck-{}", deck.id);
    let resume_round = super::use_resume_round_in();
    let resume = move |_| resume_round(open);
    let progress = move || {
        let done = overview.get().tallies.deck;
        if done.answered == 0 {
            "Not started yet.".to_owned()
        } else {
            format!("{}.", tally_text(&done))
        }
    };
    view! {
        <li class="deck-card" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>
                <A href=href(Address::Deck(deck).path())>{deck.title}</A>
            </h2>
            <p>{deck.description}</p>
            <p class="deck-size">
                {deck.questions.len()} " questions in " {deck.topics.len()} " topics"
            </p>
            <p data-testid="deck-progress">{progress}</p>
            <meter
                min="0"
                max=deck.questions.len()
                value=move || overview.get().tallies.deck.right_last_time
                aria-label=format!("{}: right last time", deck.title)
            ></meter>
            <div class="actions">
                {move || match overview.get().round {
                    RoundStatus::InProgress { .. } => view! {
                        <button
                            type="button"
                            class="primary"
                            aria-label=format!("Continue {}", deck.title)
                            on:click=resume
                        >
                            "Continue"
                        </button>
                    }
                    .into_any(),
                    _ => view! {
                        <button
                            type="button"
                            class="primary"
                            data-boot="start"
                            data-deck=deck.id
                            aria-label=format!("Start {}", deck.title)
                            on:click=move |_| begin(open, RoundKind::Full)
                        >
                            "Start"
                        </button>
                    }
                    .into_any(),
                }}
                {move || {
                    let due = overview.get().due;
                    (due > 0)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    aria-label=format!("Review {due} due in {}", deck.title)
                                    on:click=move |_| begin(open, RoundKind::Review)
                                >
                                    "Review " {due} " due"
                                </button>
                            }
                        })
                }}
            </div>
        </li>
    }
}
