//! The stored form of [`Progress`]: a JSON envelope that says whose data it is, which schema
//! wrote it and which deck content it was made against.
//!
//! ```json
//! {"app":"quizdeck","schema":1,"deck":"django-async","deck_hash":"…","progress":{…}}
//! ```
//! Every change to the stored shape bumps [`SCHEMA_VERSION`], keeps every older schema
//! readable, and adds a fixture of the old format under `tests/fixtures/`.
//!
//! - 1: the first release (single-choice answers: `choice_id`, `selected` a string or null).
//! - 2: multi-select answers (`choice_ids`, `selected` a list), topic and review rounds,
//!   optional shuffle seed, settings. Schema 1 is read by the same types: its two changed
//!   fields are read by [`schema_1_one_or_many`], and everything it lacks has a default.
//!
//! The value is read straight into the typed envelope; only when that fails is it read again
//! as a [`Header`] (is it ours, which schema) to say why. An untyped `serde_json::Value` in
//! between would compile every `Deserialize` impl a second time into the wasm.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::Progress;
use crate::deck::Deck;

pub const APP: &str = "quizdeck";
pub const SCHEMA_VERSION: u64 = 2;

#[derive(Serialize, Deserialize)]
pub(super) struct Envelope<P> {
    pub app: String,
    pub schema: u64,
    pub deck: String,
    pub deck_hash: String,
    /// Only in exported files: when the export was made (ms since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<u64>,
    pub progress: P,
}

impl<P> Envelope<P> {
    pub fn new(deck: &Deck, progress: P) -> Self {
        Envelope {
            app: APP.to_owned(),
            schema: SCHEMA_VERSION,
            deck: deck.id.to_owned(),
            deck_hash: deck.hash.to_owned(),
            exported_at: None,
            progress,
        }
    }
}

/// Progress read back from storage.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    /// The deck's content changed since the save: the unfinished round was closed and the
    /// answers to changed or removed questions were dropped.
    pub deck_changed: bool,
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

pub fn encode(progress: &Progress, deck: &Deck) -> String {
    // Serialising plain structs of strings, numbers and enums into a String cannot fail.
    serde_json::to_string(&Envelope::new(deck, progress)).unwrap_or_default()
}

pub fn decode(raw: &str, deck: &'static Deck) -> Result<Loaded, Unreadable> {
    let envelope: Envelope<Progress> =
        serde_json::from_str(raw).map_err(|error| why_unreadable(raw, &error))?;
    if envelope.app != APP {
        return Err(Unreadable::Foreign);
    }
    check_schema(Some(envelope.schema))?;
    if envelope.deck != deck.id {
        return Err(Unreadable::OtherDeck(envelope.deck));
    }
    let mut progress = envelope.progress;
    let deck_changed = envelope.deck_hash != deck.hash;
    if deck_changed {
        progress.round = None;
        progress.history.retain(|attempt| {
            deck.question(&attempt.question_id)
                .is_some_and(|question| attempt.matches(question))
        });
    } else if let Some(round) = &progress.round {
        if !round.is_consistent_with(deck) {
            return Err(Unreadable::Damaged(
                "the saved round does not fit the deck".to_owned(),
            ));
        }
    }
    Ok(Loaded {
        progress,
        deck_changed,
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

/// What is read of a stored value that does not read as an envelope. It must be a JSON
/// object; `app` and `schema` are kept only when they are a string and a whole number, so that
/// any other JSON still gets a reason (`Foreign`, `Damaged`) rather than "not JSON".
#[derive(Default)]
struct Header {
    app: Option<String>,
    schema: Option<u64>,
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeaderVisitor;
        impl<'de> Visitor<'de> for HeaderVisitor {
            type Value = Header;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Header, A::Error> {
                let mut header = Header::default();
                while let Some(key) = fields.next_key::<String>()? {
                    match (key.as_str(), fields.next_value::<HeaderField>()?) {
                        ("app", HeaderField::Text(app)) => header.app = Some(app),
                        ("schema", HeaderField::Count(schema)) => header.schema = Some(schema),
                        _ => {}
                    }
                }
                Ok(header)
            }
        }
        deserializer.deserialize_map(HeaderVisitor)
    }
}

/// The value of one top-level field, as far as [`Header`] cares.
enum HeaderField {
    Text(String),
    Count(u64),
    Other,
}

impl<'de> Deserialize<'de> for HeaderField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = HeaderField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<HeaderField, E> {
                Ok(HeaderField::Text(text.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, count: u64) -> Result<HeaderField, E> {
                Ok(HeaderField::Count(count))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<HeaderField, A::Error> {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                Ok(HeaderField::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<HeaderField, A::Error> {
                while fields.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(HeaderField::Other)
            }
        }
        deserializer.deserialize_any(FieldVisitor)
    }
}

/// Schema 1 stored a single choice (`choice_id`, or a draft's `selected` as a string or null)
/// where schema 2 stores a list; this reads either into the list.
pub(crate) fn schema_1_one_or_many<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a choice id, a list of them, or null")
        }
        fn visit_str<E: de::Error>(self, id: &str) -> Result<Vec<String>, E> {
            Ok(vec![id.to_owned()])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut ids: A) -> Result<Vec<String>, A::Error> {
            let mut list = Vec::new();
            while let Some(id) = ids.next_element()? {
                list.push(id);
            }
            Ok(list)
        }
    }
    deserializer.deserialize_any(OneOrMany)
}
