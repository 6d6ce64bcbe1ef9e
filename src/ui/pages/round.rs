use leptos::prelude::*;

use super::question::QuestionPage;
use super::summary::SummaryPage;
use crate::ui::Quiz;

/// The round on screen: its current question, or its summary once every question is answered.
#[component]
pub fn RoundPage() -> impl IntoView {
    let quiz = Quiz::get();
    let finished = Memo::new(move |_| quiz.session.with(|session| session.summary().is_some()));
    move || {
        if finished.get() {
            view! { <SummaryPage /> }.into_any()
        } else {
            view! { <QuestionPage /> }.into_any()
        }
    }
}
