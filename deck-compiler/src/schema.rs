//! The JSON Schema of the deck file format (`decks/deck.schema.json`), generated from the types
//! `source` deserializes, so the schema cannot drift from what the compiler reads. Editors
//! (Taplo, Even Better TOML) find it through each deck's first line, `#:schema
//! ./deck.schema.json`, and show the types' doc comments as field descriptions.
//!
//! The schema checks the shape (fields, types, the names `run`, `kind`, `handlers` and
//! `runner` may take); the rules between fields (the answer names a choice, every wrong choice
//! has a `why`, …) are the validator's, and only `scripts/deck check` and the build report them.
//!
//! The few fields that `source` reads as loose TOML (to report errors with the question's id)
//! or as plain strings (to report unknown names in its own words) get their schema here, from
//! the same constants the validator checks them against.

use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::Schema;
use schemars::JsonSchema;
use serde_json::{json, Value};

use crate::source::{RawFile, ORDER_KIND};
use crate::validate::{CHECK_RUNS, EXPECT_KEYS};
use crate::{Handler, Runner};

/// The schema of a deck file, pretty-printed, with a final newline (as committed).
pub fn deck_schema() -> String {
    // Draft-07: the draft Taplo and Even Better TOML read.
    let settings = SchemaSettings::draft07().with(|settings| {
        // TOML has no null: an absent field is left out, never written as null.
        settings.option_add_null_type = false;
        settings.option_nullable = false;
    });
    let generator = SchemaGenerator::new(settings);
    let schema = generator.into_root_schema_for::<RawFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes to JSON");
    text.push('\n');
    text
}

/// Where the schema is committed, relative to the repository root.
pub const SCHEMA_FILE: &str = "decks/deck.schema.json";

fn from_json(value: Value) -> Schema {
    serde_json::from_value(value).expect("a hand-written schema is a valid Schema")
}

/// One string out of `names`, each described: an editor offers them as completions.
fn one_of_names<'a>(names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Value {
    let variants: Vec<Value> = names
        .into_iter()
        .map(|(name, description)| {
            json!({ "type": "string", "enum": [name], "description": description })
        })
        .collect();
    json!({ "oneOf": variants })
}

impl JsonSchema for Runner {
    fn schema_name() -> String {
        "Runner".to_owned()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        from_json(one_of_names(
            Runner::ALL
                .iter()
                .map(|runner| (runner.id(), runner.description())),
        ))
    }
}

/// The schema of `handlers = [...]` (read as strings by `source`).
pub(crate) struct HandlerIds;

impl JsonSchema for HandlerIds {
    fn schema_name() -> String {
        "Handlers".to_owned()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let handler = one_of_names(
            Handler::ALL
                .iter()
                .map(|handler| (handler.id(), handler.description())),
        );
        from_json(json!({
            "type": "array",
            "items": handler,
            "minItems": 1,
            "uniqueItems": true,
        }))
    }
}

/// The schema of `run = "..."` (read as a string by `source`).
pub(crate) struct RunName;

impl JsonSchema for RunName {
    fn schema_name() -> String {
        "Run".to_owned()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        from_json(json!({ "type": "string", "enum": CHECK_RUNS }))
    }
}

/// The schema of `kind = "order"` (read as a string by `source`).
pub(crate) struct KindName;

impl JsonSchema for KindName {
    fn schema_name() -> String {
        "Kind".to_owned()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        from_json(json!({ "type": "string", "enum": [ORDER_KIND] }))
    }
}

/// The schema of an `expect` or a `claim` (read as a TOML table by `source`): what the oracle
/// observes, by key; any TOML value under each.
pub(crate) struct Outcome;

impl JsonSchema for Outcome {
    fn schema_name() -> String {
        "Outcome".to_owned()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let keys: serde_json::Map<String, Value> = EXPECT_KEYS
            .iter()
            .map(|key| ((*key).to_owned(), Value::Bool(true)))
            .collect();
        from_json(json!({
            "type": "object",
            "description": "What the oracle observes (see decks/README.md, \"Evidence\"); \
                            `message` matches as a substring, the rest exactly.",
            "properties": keys,
            "additionalProperties": false,
            "minProperties": 1,
        }))
    }
}
