use leptos::prelude::*;

use crate::quiz::{Screen, Session};
use crate::ui::AppState;

/// The top bar: the app's name and the way to each screen.
#[component]
pub fn AppBar() -> impl IntoView {
    let app = AppState::get();
    let screen = Memo::new(move |_| app.session.with(Session::screen));
    let link = move |target: Screen, label: &'static str| {
        view! {
            <button
                type="button"
                class="nav-link"
                aria-current=move || (screen.get() == target).then_some("page")
                on:click=move |_| {
                    app.act(|session| session.show(target));
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="app-bar">
            <span class="brand">"quizdeck"</span>
            <nav aria-label="Main">
                {link(Screen::Start, "Home")}
                {link(Screen::Stats, "Stats")}
                {link(Screen::Settings, "Settings")}
            </nav>
        </header>
    }
}
