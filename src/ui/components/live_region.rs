use leptos::prelude::*;

use crate::ui::use_current_deck;

/// Announces the verdict of a check to screen readers. It is in the page from the start, so
/// assistive technology is already watching it when its text changes.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let current = use_current_deck();
    let verdict = Memo::new(move |_| {
        current.get().and_then(|open| {
            open.session
                .with(|session| session.feedback().map(|attempt| attempt.correct))
        })
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
            {move || match verdict.get() {
                Some(true) => "Correct.",
                Some(false) => "Incorrect.",
                None => "",
            }}
        </p>
    }
}
