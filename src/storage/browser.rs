use wasm_bindgen::JsCast;

use super::{Backend, Fault};

/// The browser's `localStorage`.
///
/// Written against `web_sys` rather than `gloo-storage`: gloo's accessors throw when the
/// browser blocks storage, and surviving exactly that is this type's job.
pub struct LocalStorage(web_sys::Storage);

impl LocalStorage {
    /// Opens `localStorage`; merely touching it throws a `SecurityError` when it is blocked.
    pub fn open() -> Result<Self, Fault> {
        let window = web_sys::window().ok_or(Fault::Blocked)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorage(storage)),
            Ok(None) | Err(_) => Err(Fault::Blocked),
        }
    }
}

fn fault(error: wasm_bindgen::JsValue) -> Fault {
    match error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
    {
        Some(name) if name == "QuotaExceededError" => Fault::Full,
        Some(name) if name == "SecurityError" => Fault::Blocked,
        Some(name) => Fault::Other(name),
        None => Fault::Other("unknown".to_owned()),
    }
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.0.get_item(key).map_err(fault)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.0.set_item(key, value).map_err(fault)
    }
}
