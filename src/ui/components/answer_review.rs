use leptos::prelude::*;

use crate::deck::{Choice, Question, QuestionKind};

fn items(choices: impl IntoIterator<Item = &'static Choice>) -> impl IntoView {
    choices
        .into_iter()
        .map(|choice| view! { <dd inner_html=choice.html></dd> })
        .collect_view()
}

fn ordered(choices: impl IntoIterator<Item = &'static Choice>) -> impl IntoView {
    let items = choices
        .into_iter()
        .map(|choice| view! { <li inner_html=choice.html></li> })
        .collect_view();
    view! { <dd><ol>{items}</ol></dd> }
}

/// "Your answer" beside "Right answer" for a wrongly answered question, with why the wrong
/// pick is wrong; for an order question, the learner's order beside the right one. (A
/// multi-select question explains every option in its own row instead.)
#[component]
pub fn AnswerReview(question: &'static Question, chosen: Vec<&'static Choice>) -> impl IntoView {
    if question.kind == QuestionKind::Order {
        return view! {
            <dl class="answer-review order-review">
                <div>
                    <dt>"Your order"</dt>
                    {ordered(chosen)}
                </div>
                <div>
                    <dt>"Right order"</dt>
                    {ordered(question.choices.iter())}
                </div>
            </dl>
        }
        .into_any();
    }
    let reasons = (question.kind == QuestionKind::Single).then(|| {
        chosen
            .iter()
            .filter(|choice| !choice.correct && !choice.reason_html.is_empty())
            .map(|choice| view! { <dd class="reason" inner_html=choice.reason_html></dd> })
            .collect_view()
    });
    view! {
        <dl class="answer-review">
            <dt>"Your answer"</dt>
            {items(chosen)}
            {reasons}
            <dt>"Right answer"</dt>
            {items(question.correct_choices())}
        </dl>
    }
    .into_any()
}
