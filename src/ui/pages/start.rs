use leptos::prelude::*;

use crate::quiz::{RoundKind, RoundStatus, Screen, Tally};
use crate::ui::components::{ShareDeck, StorageStatus};
use crate::ui::navigation::Entry;
use crate::ui::{use_open_deck, AppState};

pub(super) fn tally_text(tally: &Tally) -> String {
    format!(
        "{} of {} answered, {} right last time",
        tally.answered, tally.questions, tally.right_last_time
    )
}

/// The deck, what was done so far, and the ways into a round: the whole deck, one topic, or
/// the questions due for review.
#[component]
pub fn StartPage() -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    let deck = open.deck;
    let overview = Memo::new(move |_| {
        let now = app.clock.get();
        open.session.with(|session| session.overview(now))
    });
    super::use_visit(Screen::Start);
    super::use_title(move || vec![deck.title.to_owned()]);
    let begin = super::use_begin_round(Entry::New);
    let start_over = move |_| begin(RoundKind::Full);
    let resume_round = super::use_resume_round_in();
    let resume = move |_| resume_round(open);
    let review = move |_| begin(RoundKind::Review);

    let done_so_far = move || {
        let overview = overview.get();
        let done = overview.tallies.deck;
        if done.answered == 0 {
            "You have not answered any question yet.".to_owned()
        } else {
            format!(
                "You have answered {} of {} questions; {} were right the last time you answered them.",
                done.answered, done.questions, done.right_last_time
            )
        }
    };

    let topics = move || {
        overview
            .get()
            .tallies
            .topics
            .into_iter()
            .map(|(topic, tally)| {
                let take = move |_| begin(RoundKind::Topic(topic.id.to_owned()));
                view! {
                    <li class="topic">
                        <div class="topic-text">
                            <h3>{topic.title}</h3>
                            <p>{tally_text(&tally)}</p>
                            <meter
                                min="0"
                                max=tally.questions
                                value=tally.right_last_time
                                aria-label=format!("{}: right last time", topic.title)
                            ></meter>
                        </div>
                        <button
                            type="button"
                            class="secondary"
                            aria-label=format!("Take topic: {}", topic.title)
                            on:click=take
                        >
                            "Take topic"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="start" aria-labelledby="deck-title">
            <h1 id="deck-title" tabindex="-1">{deck.title}</h1>
            <p class="lede">{deck.description}</p>
            <p class="deck-size">
                {deck.questions.len()} " questions in " {deck.topics.len()} " topics"
            </p>
            <p data-testid="done-so-far">{done_so_far}</p>
            <div class="actions">
                {move || match overview.get().round {
                    RoundStatus::InProgress { kind, number, total } => {
                        view! {
                            <p class="round-status">
                                {format!(
                                    "Round in progress ({}): question {number} of {total}.",
                                    super::round_name(deck, &kind),
                                )}
                            </p>
                            <button type="button" class="primary" on:click=resume>
                                "Continue"
                            </button>
                            <button type="button" class="secondary" on:click=start_over>
                                "Start over"
                            </button>
                        }
                            .into_any()
                    }
                    status => {
                        view! {
                            <button
                                type="button"
                                class="primary"
                                data-boot="start"
                                data-deck=deck.id
                                on:click=start_over
                            >
                                "Start"
                            </button>
                            {(status == RoundStatus::Finished)
                                .then(|| {
                                    view! {
                                        <button type="button" class="secondary" on:click=resume>
                                            "See last results"
                                        </button>
                                    }
                                })}
                        }
                            .into_any()
                    }
                }}
            </div>
            <section class="review" aria-labelledby="review-title">
                <h2 id="review-title">"Review"</h2>
                {move || match overview.get().due {
                    0 if overview.get().tallies.deck.answered == 0 => {
                        view! {
                            <p data-testid="due">
                                "Questions you answer come back here when they are due for review."
                            </p>
                        }
                            .into_any()
                    }
                    0 => {
                        view! { <p data-testid="due">"Nothing is due for review right now."</p> }
                            .into_any()
                    }
                    due => {
                        view! {
                            <p data-testid="due">
                                {due} {if due == 1 { " question is" } else { " questions are" }}
                                " due for review."
                            </p>
                            <button type="button" class="primary" on:click=review>
                                "Review"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </section>
            <section class="topics" aria-labelledby="topics-title">
                <h2 id="topics-title">"Topics"</h2>
                <ul class="topic-list">{topics}</ul>
            </section>
            <ShareDeck deck />
            <StorageStatus />
        </section>
    }
}
