use leptos::prelude::*;

use crate::ui::AppState;

/// One line on the start screen: whether the browser may clear the learner's progress, and on
/// Safari (WebKit) that it does so after 7 days without a visit unless the app is installed.
/// Before the browser has answered (and in the first screen drawn at build time) it says "may
/// be cleared".
#[component]
pub fn StorageStatus() -> impl IntoView {
    let app = AppState::get();
    let persisted = move || app.storage_persisted.get() == Some(true);
    let status = move || match persisted() {
        true => "Storage: persistent. This browser keeps your progress.",
        false => "Storage: may be cleared by the browser when it runs short of space.",
    };
    view! {
        <p class="storage-status" data-testid="storage-status">
            {status}
            <Show when=move || app.data_evicted_unless_installed.get() && !persisted()>
                " Safari deletes this site's data, your progress included, after 7 days without a \
                 visit, unless you add quizdeck to your Home Screen (Share, then Add to Home Screen)."
            </Show>
        </p>
    }
}
