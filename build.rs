//! Compiles the deck file into `$OUT_DIR/deck.rs`, which `src/deck/mod.rs` includes.
//! A deck that breaks a rule fails the build with one line per problem, naming the file,
//! the line of the question and its id.

use std::path::{Path, PathBuf};

use deck_compiler::{OraclePin, ORACLE_REQUIREMENTS};

const DECK_FILE: &str = "decks/django-async.toml";

fn main() {
    println!("cargo::rerun-if-changed={DECK_FILE}");
    // The whole directory too, so receipts appearing beside the deck are noticed. The receipts
    // file itself only when it exists: a missing rerun-if-changed path reruns every build.
    println!("cargo::rerun-if-changed=decks");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let receipts = deck_compiler::receipts_path(Path::new(DECK_FILE));
    if manifest_dir.join(&receipts).exists() {
        println!("cargo::rerun-if-changed={}", receipts.display());
    }
    // Checked questions carry the Django version the oracle pins; it is read from there only.
    println!("cargo::rerun-if-changed={ORACLE_REQUIREMENTS}");
    println!("cargo::rerun-if-changed=build.rs");

    let target = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("deck.rs");

    let written = OraclePin::read(&manifest_dir.join(ORACLE_REQUIREMENTS), ORACLE_REQUIREMENTS)
        .and_then(|pin| deck_compiler::compile_file(&manifest_dir.join(DECK_FILE), DECK_FILE, &pin))
        .map_err(|errors| errors.to_string())
        .and_then(|deck| {
            std::fs::write(&target, deck.to_rust(DECK_FILE))
                .map_err(|error| format!("cannot write {}: {error}", target.display()))
        });
    // Lints never fail the build; a deck that cannot be read is reported by the compile above.
    if let Ok(warnings) = deck_compiler::lint_file(&manifest_dir.join(DECK_FILE), DECK_FILE) {
        for warning in warnings {
            println!("cargo::warning={warning}");
        }
    }
    if let Err(message) = written {
        // No stale deck may survive a failed compile, whatever the caller does with the errors.
        let _ = std::fs::remove_file(&target);
        // `cargo::error` makes Cargo fail the build and print exactly these lines, without the
        // "process didn't exit successfully" dump and backtrace hint that a non-zero exit brings.
        for line in message.lines() {
            println!("cargo::error={line}");
        }
    }
}
