use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::address::Address;
use crate::ui::navigation::use_href;
use crate::ui::use_current_deck;

/// The top bar: the app's name and a link to each screen (the router marks the one shown with
/// `aria-current="page"`): Stats is the current deck's, so it is not there on the library.
#[component]
pub fn AppBar() -> impl IntoView {
    let current = use_current_deck();
    let href = use_href();
    let stats_href = href.clone();
    view! {
        <header class="app-bar">
            <span class="brand">"quizdeck"</span>
            <nav aria-label="Main">
                <A href=href(Address::Home.path()) exact=true attr:class="nav-link">
                    "Home"
                </A>
                {move || {
                    current
                        .get()
                        .map(|open| {
                            view! {
                                <A
                                    href=stats_href(Address::Stats(open.deck).path())
                                    attr:class="nav-link"
                                >
                                    "Stats"
                                </A>
                            }
                        })
                }}
                <A href=href(Address::Settings.path()) attr:class="nav-link">
                    "Settings"
                </A>
            </nav>
        </header>
    }
}
