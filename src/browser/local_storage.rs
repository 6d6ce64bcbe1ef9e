use wasm_bindgen::JsCast;

use crate::storage::{Backend, Fault};

/// The browser's `localStorage`, through `web_sys`, since gloo-storage cannot survive what
/// browsers do (`tests/web.rs` shows each): opening the storage (gloo's accessor throws when
/// the browser blocks it), reading (gloo's `get` throws when `getItem` does, and parses what
/// it reads, while an unreadable value must be kept as it is), and writing a value exactly as
/// given (gloo's `set` serialises: a backup would become a JSON string, and a record encoded
/// once to be compared with the stored one would be encoded twice).
pub struct LocalStorage(web_sys::Storage);

impl LocalStorage {
    /// Opens `localStorage`; merely touching it throws a `SecurityError` when it is blocked.
    /// Once it has opened, gloo's accessor, which reads the same property, cannot throw.
    pub fn open() -> Result<Self, Fault> {
        let window = web_sys::window().ok_or(Fault::Blocked)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorage(storage)),
            Ok(None) | Err(_) => Err(Fault::Blocked),
        }
    }
}

fn fault(error: wasm_bindgen::JsValue) -> Fault {
    let Some(error) = error.dyn_ref::<js_sys::Error>() else {
        return Fault::Other("unknown".to_owned());
    };
    match String::from(error.name()).as_str() {
        "QuotaExceededError" => Fault::Full,
        "SecurityError" => Fault::Blocked,
        other => Fault::Other(other.to_owned()),
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
