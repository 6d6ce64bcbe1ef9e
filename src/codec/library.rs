//! The stored [`Library`] record: `{"app":"quizdeck","schema":4,"library":{…}}`.

use serde::{Deserialize, Serialize};

use super::{check_schema, why_unreadable, Unreadable, APP, SCHEMA_VERSION};
use crate::quiz::{Library, Settings};

#[derive(Serialize, Deserialize)]
struct LibraryEnvelope<L> {
    app: String,
    schema: u64,
    library: L,
}

pub fn encode_library(library: &Library) -> String {
    let envelope = LibraryEnvelope {
        app: APP.to_owned(),
        schema: SCHEMA_VERSION,
        library,
    };
    // Serialising plain structs of strings, numbers and enums into a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

pub fn decode_library(raw: &str) -> Result<Library, Unreadable> {
    let envelope: LibraryEnvelope<Library> =
        serde_json::from_str(raw).map_err(|error| why_unreadable(raw, &error))?;
    if envelope.app != APP {
        return Err(Unreadable::Foreign);
    }
    check_schema(Some(envelope.schema))?;
    Ok(envelope.library)
}

/// The settings a deck's stored progress carried in schema 2, when there was one deck and its
/// progress kept them: read once, while there is no library record yet.
pub fn settings_of_schema_2(raw: &str) -> Option<Settings> {
    #[derive(Deserialize)]
    struct Stored {
        app: String,
        schema: u64,
        progress: WithSettings,
    }
    #[derive(Deserialize)]
    struct WithSettings {
        settings: Option<Settings>,
    }
    let stored: Stored = serde_json::from_str(raw).ok()?;
    if stored.app != APP || stored.schema != 2 {
        return None;
    }
    stored.progress.settings
}
