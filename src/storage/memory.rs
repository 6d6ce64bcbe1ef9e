use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::{Backend, Fault};

/// An in-memory backend that can be told to fail like a browser does, for tests.
#[derive(Default)]
pub struct MemoryBackend {
    pub values: RefCell<BTreeMap<String, String>>,
    /// When set, every write fails with this fault.
    pub failing_writes: RefCell<Option<Fault>>,
}

impl MemoryBackend {
    pub fn with(key: &str, value: &str) -> Self {
        let backend = MemoryBackend::default();
        backend
            .values
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        backend
    }

    pub fn value(&self, key: &str) -> Option<String> {
        self.values.borrow().get(key).cloned()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        Ok(self.value(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        if let Some(fault) = self.failing_writes.borrow().clone() {
            return Err(fault);
        }
        self.values
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

impl<T: Backend> Backend for &T {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        (*self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        (*self).set(key, value)
    }

    fn save(&self, key: &str, record: &RawValue) -> Result<(), Fault> {
        (*self).save(key, record)
    }
}
