use leptos::html::H1;
use leptos::prelude::*;

use crate::quiz::{RoundKind, Session};
use crate::ui::components::AnswerReview;
use crate::ui::navigation::Entry;
use crate::ui::use_open_deck;

/// The score of a finished round, what was missed and why, and what to do next.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let open = use_open_deck();
    let Some(summary) = open.session.with_untracked(Session::summary) else {
        return ().into_any();
    };
    let begin = super::use_begin_round(Entry::InPlace);
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let title = match summary.kind {
        RoundKind::Full | RoundKind::Topic(_) => "Round complete",
        RoundKind::Missed => "Retry complete",
        RoundKind::Review => "Review complete",
    };
    super::use_title(move || vec![title.to_owned(), open.deck.title.to_owned()]);
    let has_missed = !summary.missed.is_empty();
    let missed = summary
        .missed
        .into_iter()
        .map(|missed| {
            view! {
                <li class="missed">
                    <div class="prompt" inner_html=missed.question.prompt_html></div>
                    <AnswerReview question=missed.question chosen=missed.chosen />
                    <div class="explanation" inner_html=missed.question.explanation_html></div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h1 id="summary-title" tabindex="-1" node_ref=heading>
                {title}
            </h1>
            <p class="score" data-testid="score">
                "You got " <strong>{summary.score} " of " {summary.total}</strong> " right."
            </p>
            <meter min="0" max=summary.total value=summary.score aria-label="Score"></meter>
            {has_missed
                .then(|| {
                    view! {
                        <h2>"Missed questions"</h2>
                        <ol class="missed-list">{missed}</ol>
                    }
                })}
            <div class="actions">
                {has_missed
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="primary"
                                on:click=move |_| begin(RoundKind::Missed)
                            >
                                "Retry missed questions"
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| begin(RoundKind::Full)
                >
                    "Start over"
                </button>
            </div>
        </section>
    }
    .into_any()
}
