use leptos::prelude::*;
use leptos_router::components::A;

use crate::quiz::Session;
use crate::ui::address::Address;
use crate::ui::navigation::use_href;
use crate::ui::AppState;

/// The top bar: the app's name and a link to each screen (the router marks the one shown with
/// `aria-current="page"`).
#[component]
pub fn AppBar() -> impl IntoView {
    let deck = AppState::get().session.with_untracked(Session::deck);
    let href = use_href();
    view! {
        <header class="app-bar">
            <span class="brand">"quizdeck"</span>
            <nav aria-label="Main">
                <A href=href(Address::Home.path()) exact=true attr:class="nav-link">
                    "Home"
                </A>
                <A href=href(Address::Stats(deck).path()) attr:class="nav-link">
                    "Stats"
                </A>
                <A href=href(Address::Settings.path()) attr:class="nav-link">
                    "Settings"
                </A>
            </nav>
        </header>
    }
}
