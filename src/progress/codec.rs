//! The stored form of [`Progress`]: a JSON envelope that says whose data it is, which schema
//! wrote it and which deck content it was made against.
//!
//! ```json
//! {"app":"quizdeck","schema":1,"deck":"django-async","deck_hash":"…","progress":{…}}
//! ```
//! Every change to the stored shape bumps [`SCHEMA_VERSION`], adds a migration from the
//! previous version (see [`migrate`]), and adds a fixture of the old format under
//! `tests/fixtures/`.
//!
//! - 1: the first release (single-choice answers: `choice_id`, `selected` a string or null).
//! - 2: multi-select answers (`choice_ids`, `selected` a list), topic and review rounds,
//!   optional shuffle seed, settings.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    let mut value: Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    if value.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(Unreadable::Foreign);
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(newer) if newer > SCHEMA_VERSION => return Err(Unreadable::FutureSchema(newer)),
        Some(version @ 1..) => migrate(&mut value, version),
        _ => return Err(Unreadable::Damaged("unknown schema".to_owned())),
    }
    let envelope: Envelope<Progress> =
        serde_json::from_value(value).map_err(|error| Unreadable::Damaged(error.to_string()))?;
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

/// Brings a stored value of schema `from` up to [`SCHEMA_VERSION`], one version at a time.
/// A value of the wrong shape is left as it is for deserialisation to reject.
fn migrate(value: &mut Value, from: u64) {
    if from < 2 {
        v1_to_v2(value);
    }
    value["schema"] = SCHEMA_VERSION.into();
}

/// 1 → 2: a single `choice_id` becomes `choice_ids`, and a draft's `selected` becomes a list.
fn v1_to_v2(value: &mut Value) {
    fn attempts(list: Option<&mut Value>) {
        for attempt in list.and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(object) = attempt.as_object_mut() {
                if let Some(choice) = object.remove("choice_id") {
                    object.insert("choice_ids".to_owned(), Value::Array(vec![choice]));
                }
            }
        }
    }
    let Some(progress) = value.get_mut("progress") else {
        return;
    };
    attempts(progress.get_mut("history"));
    let Some(round) = progress.get_mut("round").filter(|round| round.is_object()) else {
        return;
    };
    attempts(round.get_mut("attempts"));
    if let Some(selected) = round.pointer_mut("/step/answering/selected") {
        *selected = match selected.take() {
            Value::Null => Value::Array(Vec::new()),
            single => Value::Array(vec![single]),
        };
    }
}
