//! The stored form of [`Progress`]: a JSON envelope that says whose data it is, which schema
//! wrote it and which deck content it was made against.
//!
//! ```json
//! {"app":"quizdeck","schema":1,"deck":"django-async","deck_hash":"…","progress":{…}}
//! ```
//! Every change to the stored shape bumps [`SCHEMA_VERSION`], adds a migration from the
//! previous version in [`decode`], and adds a fixture of the old format under `tests/fixtures/`.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Progress;
use crate::deck::Deck;

pub const APP: &str = "quizdeck";
pub const SCHEMA_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope<P> {
    app: String,
    schema: u64,
    deck: String,
    deck_hash: String,
    progress: P,
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
    let envelope = Envelope {
        app: APP.to_owned(),
        schema: SCHEMA_VERSION,
        deck: deck.id.to_owned(),
        deck_hash: deck.hash.to_owned(),
        progress,
    };
    // Serialising plain structs of strings, numbers and enums into a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

pub fn decode(raw: &str, deck: &'static Deck) -> Result<Loaded, Unreadable> {
    let value: Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    if value.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(Unreadable::Foreign);
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(SCHEMA_VERSION) => {}
        Some(newer) if newer > SCHEMA_VERSION => return Err(Unreadable::FutureSchema(newer)),
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
