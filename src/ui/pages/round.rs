use leptos::prelude::*;

use super::question::QuestionPage;
use super::summary::SummaryPage;
use crate::quiz::Session;
use crate::ui::AppState;

/// The round on screen: its current question, or its summary once every question is answered.
#[component]
pub fn RoundPage() -> impl IntoView {
    let app = AppState::get();
    let finished = Memo::new(move |_| app.session.with(Session::summary_on_screen));
    move || {
        if finished.get() {
            view! { <SummaryPage /> }.into_any()
        } else {
            view! { <QuestionPage /> }.into_any()
        }
    }
}
