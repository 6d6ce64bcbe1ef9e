use js_sys::{Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser has promised not to evict this site's data under storage pressure
/// (`None` until it has answered). Once `worth_keeping` turns true (there is a first answer to
/// keep), asks for that promise, once: `navigator.storage.persist()`, which Chromium decides
/// silently (installed or engaged sites get it) and Firefox may ask the learner about.
pub fn use_persistent_storage(worth_keeping: Signal<bool>) -> ReadSignal<Option<bool>> {
    let (persisted, set_persisted) = signal(None::<bool>);
    // The effect's value: whether the promise was asked for.
    Effect::new(move |asked_for_it: Option<bool>| {
        let worth = worth_keeping.get();
        let already_asked = asked_for_it == Some(true);
        if already_asked || (asked_for_it.is_some() && !worth) {
            return already_asked;
        }
        // The first run learns what the browser has promised; the run at which there is
        // something worth keeping asks for the promise.
        spawn_local(async move {
            set_persisted.try_set(Some(storage_answer(worth).await));
        });
        worth
    });
    persisted
}

/// `persist()` when `ask`, else `persisted()`; false when the browser has no answer to give
/// (no StorageManager in an insecure context or some private modes, or a refusal).
async fn storage_answer(ask: bool) -> bool {
    let Some(storage) = storage_manager() else {
        return false;
    };
    let promise: Result<Promise, _> = if ask {
        storage.persist()
    } else {
        storage.persisted()
    };
    let Ok(promise) = promise else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|granted| granted.as_bool())
        .unwrap_or(false)
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    (!storage.is_undefined() && !storage.is_null()).then(|| storage.unchecked_into())
}
