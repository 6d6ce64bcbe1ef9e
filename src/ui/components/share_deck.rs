use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{address_of, share_or_copy, Shared};
use crate::deck::Deck;
use crate::ui::address::Address;

/// "Share this deck": the deck's address to the system's share sheet, or to the clipboard
/// where there is none, with a sentence saying which happened.
#[component]
pub fn ShareDeck(deck: &'static Deck) -> impl IntoView {
    let (said, set_said) = signal(None::<String>);
    let share = move |_| {
        let url = address_of(Address::Deck(deck).path().trim_start_matches('/'));
        spawn_local(async move {
            let title = format!("{} · quizdeck", deck.title);
            set_said.set(match share_or_copy(&title, &url).await {
                Shared::Shared | Shared::Cancelled => None,
                Shared::Copied => Some(format!("Link copied: {url}")),
                Shared::Failed => Some(format!("Copy this link to share the deck: {url}")),
            });
        });
    };
    view! {
        <div class="share">
            <button type="button" class="secondary" on:click=share>
                "Share this deck"
            </button>
            <p role="status" data-testid="share-message">{move || said.get()}</p>
        </div>
    }
}
