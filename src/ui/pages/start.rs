use leptos::prelude::*;

use crate::quiz::Session;
use crate::ui::device::fresh_seed;
use crate::ui::Quiz;

/// The deck, what was done so far, and the way into a round.
#[component]
pub fn StartPage() -> impl IntoView {
    let quiz = Quiz::get();
    let deck = quiz.session.with_untracked(Session::deck);
    let overview = Memo::new(move |_| quiz.session.with(Session::overview));
    let has_results = Memo::new(move |_| {
        quiz.session.with(|session| {
            session
                .progress()
                .round
                .as_ref()
                .is_some_and(|round| round.is_finished())
        })
    });
    let start_over = move |_| {
        quiz.act(|session| session.start_over(fresh_seed()));
    };
    let resume = move |_| {
        quiz.act(Session::resume);
    };

    let done_so_far = move || {
        let overview = overview.get();
        if overview.answered == 0 {
            "You have not answered any question yet.".to_owned()
        } else {
            format!(
                "You have answered {} of {} questions; {} were right the last time you answered them.",
                overview.answered, overview.question_count, overview.right_last_time
            )
        }
    };

    view! {
        <section class="start" aria-labelledby="deck-title">
            <h1 id="deck-title">{deck.title}</h1>
            <p class="lede">{deck.description}</p>
            <p class="deck-size">{deck.questions.len()} " questions"</p>
            <p data-testid="done-so-far">{done_so_far}</p>
            <div class="actions">
                {move || match overview.get().in_progress {
                    Some((number, total)) => {
                        view! {
                            <p class="round-status">
                                "Round in progress: question " {number} " of " {total} "."
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
                    None => {
                        view! {
                            <button type="button" class="primary" on:click=start_over>
                                "Start"
                            </button>
                            <Show when=move || has_results.get()>
                                <button type="button" class="secondary" on:click=resume>
                                    "See last results"
                                </button>
                            </Show>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}
