//! The JSON Schema of the deck format: committed up to date, and agreeing with the compiler on
//! the fixtures (what it accepts, and the shape errors it rejects).

mod common;

use common::{errors, valid_with, with_order, VALID};
use deck_compiler::{deck_schema, SCHEMA_FILE};
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether the schema accepts the deck file contents `toml`; the validator's messages if not.
fn schema_verdict(toml: &str) -> Result<(), String> {
    let schema: Value = serde_json::from_str(&deck_schema()).unwrap();
    let instance: Value = toml::from_str(toml).unwrap_or_else(|e| panic!("not TOML: {e}"));
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("deck.schema.json", schema).unwrap();
    let index = compiler
        .compile("deck.schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"));
    schemas
        .validate(&instance, index)
        .map_err(|error| format!("{error:#}"))
}

#[track_caller]
fn assert_accepted(toml: &str) {
    if let Err(error) = schema_verdict(toml) {
        panic!("the schema rejects a valid deck:\n{error}\n{toml}");
    }
}

/// Rejected by the schema, and by the compiler too.
#[track_caller]
fn assert_rejected(toml: &str) {
    assert!(
        schema_verdict(toml).is_err(),
        "the schema accepts an invalid deck:\n{toml}"
    );
    errors(toml);
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(root().join(SCHEMA_FILE)).unwrap_or_default();
    assert!(
        committed == deck_schema(),
        "{SCHEMA_FILE} is stale (the deck format changed): regenerate it with \
         `scripts/deck schema > {SCHEMA_FILE}` and commit it"
    );
}

#[test]
fn the_schema_accepts_every_valid_deck() {
    assert_accepted(VALID);
    assert_accepted(&with_order());
    assert_accepted(&deck_compiler::new_deck("new-deck", "A new deck").unwrap());
    for file in deck_compiler::deck_files(&root()).unwrap() {
        assert_accepted(&std::fs::read_to_string(&file.path).unwrap());
    }
}

#[test]
fn the_schema_rejects_what_the_compiler_rejects_by_shape() {
    // An unknown field, in the deck, a question, a choice, a check, a proof.
    assert_rejected(&valid_with(
        "title = \"Test deck\"",
        "title = \"Test deck\"\nauthor = \"me\"",
    ));
    assert_rejected(&valid_with("hint = \"Any hint.\"", "hnit = \"Any hint.\""));
    assert_rejected(&valid_with(
        "why = \"Not that one.\"",
        "why = \"Not that one.\"\nwhy_not = \"?\"",
    ));
    assert_rejected(&valid_with(
        "run = \"script\"",
        "run = \"script\"\ntimeout = 3",
    ));
    // A missing required field.
    assert_rejected(&valid_with("hint = \"Any hint.\"\n", ""));
    assert_rejected(&valid_with("runner = \"django\"\n", ""));
    assert_rejected(&valid_with("id = \"b\"\ntext = \"That one.\"\n", ""));
    // A name out of its list.
    assert_rejected(&valid_with("runner = \"django\"", "runner = \"node\""));
    assert_rejected(&valid_with("run = \"script\"", "run = \"shell\""));
    assert_rejected(&valid_with(
        "run = \"script\"",
        "run = \"script\"\nhandlers = [\"daphne\"]",
    ));
    assert_rejected(&valid_with(
        "expect = { returns = 2 }",
        "expect = { retruns = 2 }",
    ));
    // A wrong type.
    assert_rejected(&valid_with("answer = \"a\"", "answer = 1"));
}
