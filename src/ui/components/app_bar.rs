use leptos::prelude::*;

use crate::quiz::{Screen, Session};
use crate::ui::Quiz;

/// The top bar: the app's name, and a way back to the start screen from a round.
#[component]
pub fn AppBar() -> impl IntoView {
    let quiz = Quiz::get();
    let in_round = Memo::new(move |_| quiz.session.with(Session::screen) == Screen::Round);
    view! {
        <header class="app-bar">
            <span class="brand">"quizdeck"</span>
            <Show when=move || in_round.get()>
                <button
                    type="button"
                    class="quiet"
                    on:click=move |_| {
                        quiz.act(Session::go_to_start);
                    }
                >
                    <span aria-hidden="true">"← "</span>
                    "Back to start"
                </button>
            </Show>
        </header>
    }
}
