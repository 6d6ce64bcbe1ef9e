use leptos::prelude::*;

use crate::ui::AppState;

/// Announces the verdict of a check to screen readers. It is in the page from the start, so
/// assistive technology is already watching it when its text changes.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let app = AppState::get();
    let verdict = Memo::new(move |_| {
        app.session
            .with(|session| session.feedback().map(|attempt| attempt.correct))
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
