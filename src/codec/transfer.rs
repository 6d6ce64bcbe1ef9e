//! Export to and import from a file the learner keeps: every deck's progress in one file,
//! validated in full before anything is merged.
//!
//! ```json
//! {"app":"quizdeck","schema":4,"exported_at":…,"decks":[{"deck":"…","deck_hash":"…","progress":{…}},…]}
//! ```
//! Each deck's progress is in the shape its schema stores it (schema 4: the compact history).
//! A file exported before schema 3 is one deck's stored envelope (plus `exported_at`), and
//! still imports; one of schema 3 holds the domain's own shape, and imports too.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::compact::StoredProgress;
use super::{
    check_schema, decode, read_progress, why_unreadable, Loaded, Unreadable, APP, SCHEMA_VERSION,
};
use crate::deck::Deck;
use crate::quiz::Progress;

/// Larger files are refused before they are read: no progress file comes near this.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ExportFile<E> {
    app: String,
    schema: u64,
    /// When the export was made (ms since the epoch).
    exported_at: u64,
    decks: Vec<E>,
}

/// One deck's progress in an exported file.
#[derive(Serialize, Deserialize)]
struct DeckEntry<P> {
    deck: String,
    deck_hash: String,
    progress: P,
}

/// Every deck's progress, as one file.
pub fn export(decks: &[(&Deck, &Progress)], now: u64) -> String {
    let file = ExportFile {
        app: APP.to_owned(),
        schema: SCHEMA_VERSION,
        exported_at: now,
        decks: decks
            .iter()
            .map(|(deck, progress)| DeckEntry {
                deck: deck.id.to_owned(),
                deck_hash: deck.hash.to_owned(),
                progress: StoredProgress::of(progress),
            })
            .collect(),
    };
    // Serialising plain structs into a String cannot fail. Compact like the stored value: a
    // pretty printer would compile every `Serialize` impl into the wasm a second time.
    serde_json::to_string(&file).unwrap_or_default()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    /// The browser could not read the file at all.
    CouldNotRead,
    Unreadable(Unreadable),
    /// A quizdeck file, but of decks this app does not have (their ids).
    NoDeckHere(Vec<String>),
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
            ImportError::NoDeckHere(ids) => write!(
                f,
                "the file holds progress on decks this app does not have ({})",
                ids.join(", ")
            ),
        }
    }
}

/// What an exported file holds for this app.
#[derive(Debug, PartialEq)]
pub struct Imported {
    /// The progress on each deck of `decks` that the file has, in the file's order, made to
    /// fit the deck as it is now. Only its history is for merging: the round and settings on
    /// this device stay as they are.
    pub decks: Vec<(&'static Deck, Loaded)>,
    /// The ids of the file's decks that this app does not have: left out.
    pub left_out: Vec<String>,
}

/// Reads an exported file against the app's `decks`. Every deck in it must read, or nothing is
/// imported.
pub fn import(raw: &str, decks: &[&'static Deck]) -> Result<Imported, ImportError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(raw.len()));
    }
    let file: ExportFile<DeckEntry<&RawValue>> = match serde_json::from_str(raw) {
        Ok(file) => file,
        Err(error) => return import_one_deck(raw, decks, &error),
    };
    if file.app != APP {
        return Err(ImportError::Unreadable(Unreadable::Foreign));
    }
    check_schema(Some(file.schema)).map_err(ImportError::Unreadable)?;
    let mut imported = Imported {
        decks: Vec::new(),
        left_out: Vec::new(),
    };
    for entry in file.decks {
        match decks.iter().find(|deck| deck.id == entry.deck) {
            Some(deck) => {
                let loaded = read_progress(file.schema, &entry.deck_hash, entry.progress, deck)
                    .map_err(ImportError::Unreadable)?;
                imported.decks.push((deck, loaded));
            }
            None => imported.left_out.push(entry.deck),
        }
    }
    if imported.decks.is_empty() && !imported.left_out.is_empty() {
        return Err(ImportError::NoDeckHere(imported.left_out));
    }
    Ok(imported)
}

/// A file exported before schema 3 (one deck's envelope), or no export file at all: `error`
/// says why it did not read as one of today's.
fn import_one_deck(
    raw: &str,
    decks: &[&'static Deck],
    error: &serde_json::Error,
) -> Result<Imported, ImportError> {
    #[derive(Deserialize)]
    struct DeckOfFile {
        app: String,
        deck: String,
    }
    let id = match serde_json::from_str::<DeckOfFile>(raw) {
        Ok(file) if file.app == APP => file.deck,
        _ => return Err(ImportError::Unreadable(why_unreadable(raw, error))),
    };
    let Some(deck) = decks.iter().find(|deck| deck.id == id) else {
        return Err(ImportError::NoDeckHere(vec![id]));
    };
    let loaded = decode(raw, deck).map_err(ImportError::Unreadable)?;
    Ok(Imported {
        decks: vec![(deck, loaded)],
        left_out: Vec::new(),
    })
}
