use leptos::html::Section;
use leptos::prelude::*;

use crate::deck::Question;
use crate::quiz::Attempt;

/// The verdict of a check: in words and an icon (never colour alone), the explanation, and
/// why the chosen option was wrong. It takes focus when it appears, so keyboard and screen
/// reader users land on it.
#[component]
pub fn Feedback(
    attempt: Attempt,
    question: &'static Question,
    is_last: bool,
    on_next: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let section = NodeRef::<Section>::new();
    Effect::new(move |_| {
        if let Some(section) = section.get() {
            let _ = section.focus();
        }
    });
    let chosen = question.choice(&attempt.choice_id);
    let right = question.correct_choice();
    let (icon, verdict) = if attempt.correct {
        ("✓", "Correct")
    } else {
        ("✗", "Incorrect")
    };
    let details = (!attempt.correct).then(|| {
        view! {
            <dl class="answer-review">
                <dt>"Your answer"</dt>
                <dd inner_html=chosen.map(|choice| choice.html).unwrap_or_default()></dd>
                <dd class="reason" inner_html=chosen.map(|choice| choice.reason_html).unwrap_or_default()></dd>
                <dt>"Right answer"</dt>
                <dd inner_html=right.map(|choice| choice.html).unwrap_or_default()></dd>
            </dl>
        }
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
            <button type="button" class="primary" on:click=move |_| on_next()>
                {if is_last { "See results" } else { "Next question" }}
            </button>
        </section>
    }
}
