use leptos::prelude::*;

use crate::pwa;

/// One line on the start screen: whether the browser may clear the learner's progress, and on
/// Safari (WebKit) that it does so after 7 days without a visit unless the app is installed.
#[component]
pub fn StorageStatus() -> impl IntoView {
    // None until the browser answers.
    let (persisted, set_persisted) = signal(None::<bool>);
    // Pre-rendered at build time (ui::first_screen) there is no browser to ask: the line says
    // "may be cleared" until the app has asked.
    let in_browser = !is_server();
    if in_browser {
        pwa::storage_persisted(move |persisted| {
            set_persisted.try_set(Some(persisted));
        });
    }
    let webkit_deletes = in_browser && pwa::is_webkit() && !pwa::is_installed();

    let status = move || match persisted.get() {
        Some(true) => "Storage: persistent. This browser keeps your progress.",
        _ => "Storage: may be cleared by the browser when it runs short of space.",
    };
    view! {
        <p class="storage-status" data-testid="storage-status">
            {status}
            <Show when=move || webkit_deletes && persisted.get() != Some(true)>
                " Safari deletes this site's data, your progress included, after 7 days without a \
                 visit, unless you add quizdeck to your Home Screen (Share, then Add to Home Screen)."
            </Show>
        </p>
    }
}
