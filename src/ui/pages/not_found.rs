use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::address::Address;
use crate::ui::navigation::use_href;

/// An address that names no screen (mistyped, or from a deck this build does not have).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let href = use_href();
    super::use_title(|| vec!["Nothing here".to_owned()]);
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">"Nothing here"</h1>
            <p>"This address is not a screen of quizdeck."</p>
            <p>
                <A href=href(Address::Home.path())>"Go to the start screen"</A>
            </p>
        </section>
    }
}
