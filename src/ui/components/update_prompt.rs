use leptos::prelude::*;

use crate::pwa;
use crate::ui::Quiz;

/// Registers the service worker and, when a new version of the app is waiting, offers a
/// "Reload" that the learner chooses: the app never reloads by itself mid-question.
///
/// Mounted once for the app's lifetime, so it also asks the browser to keep the learner's data
/// (`navigator.storage.persist()`) once there is something worth keeping: the first checked
/// answer.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let (update_ready, set_update_ready) = signal(false);
    pwa::register_worker(move || {
        set_update_ready.try_set(true);
    });

    let quiz = Quiz::get();
    let has_answers = Memo::new(move |_| quiz.session.with(|s| !s.progress().history.is_empty()));
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let ask = has_answers.get();
        if ask {
            pwa::request_persistent_storage(|_| {});
        }
        ask
    });

    view! {
        // The live region exists before its text does, so the prompt is announced.
        <div role="status" class="notice-slot">
            <Show when=move || update_ready.get()>
                <div class="notice" data-testid="update-prompt">
                    <p>"A new version of quizdeck is ready."</p>
                    <button type="button" class="primary" on:click=|_| pwa::activate_update()>
                        "Reload"
                    </button>
                </div>
            </Show>
        </div>
    }
}
