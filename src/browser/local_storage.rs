use gloo_storage::errors::StorageError;
use gloo_storage::Storage as _;
use serde_json::value::RawValue;
use wasm_bindgen::JsCast;

use crate::storage::{Backend, Fault};

/// The browser's `localStorage`.
///
/// Records are written through `gloo-storage` (serde in, the browser's error as a
/// `StorageError` out), each handed over already encoded as a JSON [`RawValue`], which gloo
/// writes as it is: the store encodes a record once, to compare it with what is stored and to
/// write it. Three things are done with `web_sys` instead, because gloo cannot survive them
/// (`tests/web.rs` shows each): opening the storage (gloo's accessor throws when the browser
/// blocks it), reading (gloo's `get` throws when `getItem` does, and parses what it reads,
/// while an unreadable value must be kept as it is), and copying a value aside (gloo's `set`
/// would write it as a JSON string, not as it was).
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

fn fault_named(name: &str) -> Fault {
    match name {
        "QuotaExceededError" => Fault::Full,
        "SecurityError" => Fault::Blocked,
        other => Fault::Other(other.to_owned()),
    }
}

fn fault(error: wasm_bindgen::JsValue) -> Fault {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => fault_named(&String::from(error.name())),
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

    fn save(&self, key: &str, record: &RawValue) -> Result<(), Fault> {
        gloo_storage::LocalStorage::set(key, record).map_err(|error| match error {
            StorageError::JsError(error) => fault_named(&error.name),
            other => Fault::Other(other.to_string()),
        })
    }
}
