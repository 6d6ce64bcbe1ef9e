use leptos::html::Section;
use leptos::prelude::*;

use super::{AnswerReview, EvidenceLine};
use crate::deck::Question;
use crate::quiz::{chosen_choices, Attempt};

/// The verdict of a check: in words and an icon (never colour alone), the explanation, and
/// what was wrong with the answer. It takes focus when it appears, so keyboard and screen
/// reader users land on it.
#[component]
pub fn Feedback(
    attempt: Attempt,
    question: &'static Question,
    /// The choices' ids in the order they are numbered on screen.
    shown: Vec<&'static str>,
    is_last: bool,
    on_next: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let section = NodeRef::<Section>::new();
    Effect::new(move |_| {
        if let Some(section) = section.get() {
            let _ = section.focus();
        }
    });
    let (icon, verdict) = if attempt.correct {
        ("✓", "Correct")
    } else {
        ("✗", "Incorrect")
    };
    let details = (!attempt.correct).then(|| {
        view! { <AnswerReview question chosen=chosen_choices(question, &attempt) /> }
    });
    view! {
        <section
            node_ref=section
            class="feedback"
            class:correct=attempt.correct
            class:incorrect=!attempt.correct
            tabindex="-1"
            aria-labelledby="feedback-verdict"
            data-testid="feedback"
        >
            <h2 id="feedback-verdict">
                <span class="verdict-icon" aria-hidden="true">{icon}</span>
                {verdict}
                {attempt.hint_used.then_some(" (with the hint)")}
            </h2>
            {details}
            <div class="explanation" inner_html=question.explanation_html></div>
            <EvidenceLine question shown chosen=attempt.choice_ids.clone() />
            <button type="button" class="primary" on:click=move |_| on_next()>
                {if is_last { "See results" } else { "Next question" }}
            </button>
        </section>
    }
}
