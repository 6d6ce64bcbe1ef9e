//! The browser's clock, randomness and files, handed to the domain as plain values.

use crate::progress::{ImportError, MAX_IMPORT_BYTES};

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh seed for shuffling a new round.
pub fn fresh_seed() -> u64 {
    // 53 bits: all the precision an f64 from Math.random() carries.
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The learner's local time at `now` (ms since the epoch), for counting study days.
pub fn local_time(now: u64) -> crate::quiz::LocalTime {
    crate::quiz::LocalTime {
        now,
        // getTimezoneOffset is UTC minus local, in minutes.
        utc_offset_minutes: -(js_sys::Date::new_0().get_timezone_offset() as i32),
    }
}

/// Offers `text` to the learner as a downloaded file.
pub fn download(file_name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Reads a progress file the learner picked, refusing it unread when it is too large.
pub async fn read_progress_file(file: web_sys::File) -> Result<String, ImportError> {
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ImportError::CouldNotRead)?;
    text.as_string().ok_or(ImportError::CouldNotRead)
}
