use leptos::prelude::*;

use crate::browser::use_update_ready;

/// When a new version of the app is waiting, offers a "Reload" that the learner chooses: the
/// app never reloads by itself mid-question.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let update = use_update_ready();
    view! {
        // The live region exists before its text does, so the prompt is announced.
        <div role="status" class="notice-slot">
            <Show when=move || update.ready.get()>
                <div class="notice" data-testid="update-prompt">
                    <p>"A new version of quizdeck is ready."</p>
                    <button type="button" class="primary" on:click=move |_| update.reload()>
                        "Reload"
                    </button>
                </div>
            </Show>
        </div>
    }
}
