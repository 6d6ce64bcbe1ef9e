//! Export to and import from a file the learner keeps: the stored envelope plus the export
//! time, validated in full before anything is merged.

use std::fmt;

use super::{decode, Envelope, Unreadable};
use crate::deck::Deck;
use crate::quiz::Progress;

/// Larger files are refused before they are read: no progress file comes near this.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

pub fn export(progress: &Progress, deck: &Deck, now: u64) -> String {
    let envelope = Envelope {
        exported_at: Some(now),
        ..Envelope::new(deck, progress)
    };
    // Serialising plain structs into a String cannot fail. Compact like the stored value: a
    // pretty printer would compile every `Serialize` impl into the wasm a second time.
    serde_json::to_string(&envelope).unwrap_or_default()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    /// The browser could not read the file at all.
    CouldNotRead,
    Unreadable(Unreadable),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(bytes) => write!(
                f,
                "the file is {} KiB, more than a progress file can be ({} KiB)",
                bytes.div_ceil(1024),
                MAX_IMPORT_BYTES / 1024
            ),
            ImportError::CouldNotRead => f.write_str("the file could not be read"),
            ImportError::Unreadable(Unreadable::NotJson) => {
                f.write_str("the file is not a quizdeck progress file (not JSON)")
            }
            ImportError::Unreadable(reason) => write!(f, "the file cannot be used: {reason}"),
        }
    }
}

/// Reads an exported file. Only the history is taken from it (the caller merges it); the
/// round and settings on this device stay as they are.
pub fn import(raw: &str, deck: &'static Deck) -> Result<Progress, ImportError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(raw.len()));
    }
    decode(raw, deck)
        .map(|loaded| loaded.progress)
        .map_err(ImportError::Unreadable)
}
