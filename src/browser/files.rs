use wasm_bindgen::JsCast;

use crate::codec::{ImportError, MAX_IMPORT_BYTES};

/// Offers `text` to the learner as a downloaded file.
pub fn download(file_name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
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
