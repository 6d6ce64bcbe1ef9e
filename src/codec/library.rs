//! The stored [`Library`] record: `{"app":"quizdeck","schema":4,"library":{…}}`.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{check_schema, why_unreadable, Unreadable, APP, SCHEMA_VERSION};
use crate::quiz::{Library, Settings};

#[derive(Serialize, Deserialize)]
struct LibraryEnvelope<L> {
    app: String,
    schema: u64,
    library: L,
}

/// The [`Library`] record as it is stored, encoded once (see [`super::encode_record`]).
pub fn encode_library_record(library: &Library) -> Box<RawValue> {
    let envelope = LibraryEnvelope {
        app: APP.to_owned(),
        schema: SCHEMA_VERSION,
        library,
    };
    // Serialising plain structs of strings, numbers and enums cannot fail.
    serde_json::value::to_raw_value(&envelope).unwrap_or_default()
}

/// [`encode_library_record`] as a string.
pub fn encode_library(library: &Library) -> String {
    Box::<str>::from(encode_library_record(library)).into_string()
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
