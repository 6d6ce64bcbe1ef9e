//! The stored format of [`Progress`]: a JSON envelope that says whose data it is, which schema
//! wrote it and which deck content it was made against, read by the reader of its schema.
//!
//! ```json
//! {"app":"quizdeck","schema":4,"deck":"django-async","deck_hash":"…","progress":{…}}
//! ```
//! Every change to the stored shape bumps [`SCHEMA_VERSION`], keeps a reader for every older
//! schema, and adds a fixture of the old format under `tests/fixtures/`.
//!
//! - 1: the first release (single-choice answers), read by [`schema_1`].
//! - 2: multi-select answers, topic and review rounds, optional shuffle seed, settings: the
//!   domain's own serde shape.
//! - 3: several decks. The settings apply to every deck, so they left each deck's progress for
//!   the [`Library`] record (`{"app":"quizdeck","schema":3,"library":{…}}`), which takes them
//!   from a schema-2 value the first time ([`settings_of_schema_2`]); an exported file holds
//!   every deck (see [`transfer`]). A schema-2 progress reads as before, its settings ignored.
//! - 4: the history compacted, losslessly (see [`compact`]): each question answered named once,
//!   each attempt a short array of its question's place, the gap since the attempt before,
//!   its verdict and hint as flags, and its choices. Three years of daily review weigh an
//!   eighth of what schema 3 wrote. Schemas 2 and 3 are read as the domain's own serde shape.
//!
//! The value is read once: the envelope, with its progress left as raw JSON until the schema
//! is known. Only when the envelope does not read is the value read again as a [`Header`] (is
//! it ours, which schema) to say why.

mod compact;
mod header;
mod library;
mod schema_1;
mod transfer;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::deck::Deck;
use crate::quiz::{DeckUpdate, Progress};
use compact::StoredProgress;
use header::Header;
pub use library::{decode_library, encode_library, encode_library_record, settings_of_schema_2};
pub use transfer::{export, import, ImportError, Imported, MAX_IMPORT_BYTES};

pub const APP: &str = "quizdeck";
pub const SCHEMA_VERSION: u64 = 4;

/// The stored value around a learner's progress on one deck (schema 2 exports add an
/// `exported_at`, which is not read).
#[derive(Serialize, Deserialize)]
struct Envelope<P> {
    app: String,
    schema: u64,
    deck: String,
    deck_hash: String,
    progress: P,
}

impl<'a> Envelope<StoredProgress<'a>> {
    /// `progress` on `deck`, as it is saved in the current schema.
    fn new(deck: &Deck, progress: &'a Progress) -> Self {
        Envelope {
            app: APP.to_owned(),
            schema: SCHEMA_VERSION,
            deck: deck.id.to_owned(),
            deck_hash: deck.hash.to_owned(),
            progress: StoredProgress::of(progress),
        }
    }
}

/// Progress read back from storage.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    /// What making it fit the deck as it is now cost, should the deck have changed since.
    pub deck_update: DeckUpdate,
}

/// Why a stored value cannot be used. The value itself is never lost: storage keeps it aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    NotJson,
    /// Valid JSON, but not something this app wrote.
    Foreign,
    /// Written by a newer version of the app.
    FutureSchema(u64),
    /// Progress on a different deck.
    OtherDeck(String),
    /// Ours and of a known schema, but damaged.
    Damaged(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotJson => f.write_str("it is not valid data"),
            Unreadable::Foreign => f.write_str("it was not written by quizdeck"),
            Unreadable::FutureSchema(version) => write!(
                f,
                "it was written by a newer version of quizdeck (format {version})"
            ),
            Unreadable::OtherDeck(deck) => write!(f, "it belongs to another deck ({deck})"),
            Unreadable::Damaged(_) => f.write_str("it is damaged"),
        }
    }
}

/// `progress` on `deck` as it is stored: JSON, kept as a [`RawValue`] so that it is encoded once
/// and written as it is (gloo-storage writes a raw value verbatim).
pub fn encode_record(progress: &Progress, deck: &Deck) -> Box<RawValue> {
    // Serialising plain structs of strings, numbers and enums cannot fail.
    serde_json::value::to_raw_value(&Envelope::new(deck, progress)).unwrap_or_default()
}

/// [`encode_record`] as a string.
pub fn encode(progress: &Progress, deck: &Deck) -> String {
    Box::<str>::from(encode_record(progress, deck)).into_string()
}

pub fn decode(raw: &str, deck: &'static Deck) -> Result<Loaded, Unreadable> {
    let envelope: Envelope<&RawValue> =
        serde_json::from_str(raw).map_err(|error| why_unreadable(raw, &error))?;
    if envelope.app != APP {
        return Err(Unreadable::Foreign);
    }
    check_schema(Some(envelope.schema))?;
    if envelope.deck != deck.id {
        return Err(Unreadable::OtherDeck(envelope.deck));
    }
    read_progress(
        envelope.schema,
        &envelope.deck_hash,
        envelope.progress,
        deck,
    )
}

/// One deck's progress, written by `schema` against the deck content `deck_hash`, made to fit
/// `deck` as it is now.
fn read_progress(
    schema: u64,
    deck_hash: &str,
    progress: &RawValue,
    deck: &'static Deck,
) -> Result<Loaded, Unreadable> {
    let mut progress = match schema {
        1 => schema_1::read(progress.get()).map_err(|error| error.to_string()),
        2 | 3 => serde_json::from_str(progress.get()).map_err(|error| error.to_string()),
        _ => compact::read(progress.get()),
    }
    .map_err(Unreadable::Damaged)?;
    let deck_update = progress
        .fit_to(deck, deck_hash)
        .map_err(|_| Unreadable::Damaged("the saved round does not fit the deck".to_owned()))?;
    Ok(Loaded {
        progress,
        deck_update,
    })
}

/// Why `raw` did not read as an envelope. Only then is its [`Header`] read, so a value that
/// is fine is parsed once.
fn why_unreadable(raw: &str, error: &serde_json::Error) -> Unreadable {
    if !error.is_data() {
        return Unreadable::NotJson;
    }
    match serde_json::from_str::<Header>(raw) {
        Ok(header) if header.app.as_deref() == Some(APP) => match check_schema(header.schema) {
            Ok(()) => Unreadable::Damaged(error.to_string()),
            Err(reason) => reason,
        },
        // Valid JSON (the syntax was fine), but not an object of ours.
        _ => Unreadable::Foreign,
    }
}

fn check_schema(schema: Option<u64>) -> Result<(), Unreadable> {
    match schema {
        Some(newer) if newer > SCHEMA_VERSION => Err(Unreadable::FutureSchema(newer)),
        Some(1..) => Ok(()),
        _ => Err(Unreadable::Damaged("unknown schema".to_owned())),
    }
}
