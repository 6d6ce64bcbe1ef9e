//! Sharing an address: the system's share sheet (the Web Share API) where the browser has one,
//! otherwise a copy to the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How sharing went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Handed to the share sheet, which the learner used.
    Shared,
    /// The learner closed the share sheet without sharing.
    Cancelled,
    /// No share sheet here: the address was copied to the clipboard.
    Copied,
    /// Neither worked (no clipboard access, say): the learner can copy it by hand.
    Failed,
}

/// The address `path` names, relative to the app's base (`deck/django-async`), as a full URL.
pub fn address_of(path: &str) -> String {
    let document = leptos::prelude::document();
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(path, &base).map_or(base, |url| url.href())
}

/// Offers `url` under `title` to the share sheet, or copies it where there is none.
pub async fn share_or_copy(title: &str, url: &str) -> Shared {
    let navigator = leptos::prelude::window().navigator();
    let can_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    if can_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        return match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => Shared::Shared,
            Err(error) if is_abort(&error) => Shared::Cancelled,
            // Refused (not allowed here, say): the clipboard may still do.
            Err(_) => copy(&navigator, url).await,
        };
    }
    copy(&navigator, url).await
}

async fn copy(navigator: &web_sys::Navigator, text: &str) -> Shared {
    let has_clipboard =
        js_sys::Reflect::has(navigator, &JsValue::from_str("clipboard")).unwrap_or(false);
    if !has_clipboard {
        return Shared::Failed;
    }
    match JsFuture::from(navigator.clipboard().write_text(text)).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}

fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|error| error.name() == "AbortError")
}
