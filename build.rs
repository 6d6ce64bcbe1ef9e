//! Compiles every deck file (`decks/*.toml`) into `$OUT_DIR/decks.rs`, which `src/deck/mod.rs`
//! includes. A deck that breaks a rule fails the build with one line per problem, naming the
//! file, the line of the question and its id.

use std::path::PathBuf;

use deck_compiler::{OraclePin, DECKS_DIR_VARIABLE, ORACLE_REQUIREMENTS};

fn main() {
    // `decks/`, unless the size budget's build of the smallest decks names another directory.
    println!("cargo::rerun-if-env-changed={DECKS_DIR_VARIABLE}");
    let decks_dir = deck_compiler::decks_dir();
    // A directory is scanned whole: an edited, added or removed deck or receipts file reruns.
    println!("cargo::rerun-if-changed={decks_dir}");
    // Checked questions carry the Django version the oracle pins; it is read from there only.
    println!("cargo::rerun-if-changed={ORACLE_REQUIREMENTS}");
    println!("cargo::rerun-if-changed=build.rs");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let target = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("decks.rs");

    let files = deck_compiler::deck_files_in(&root, &decks_dir);
    // Lints never fail the build; a deck that cannot be read is reported by the compile below.
    for file in files.iter().flatten() {
        for warning in deck_compiler::lint_file(&file.path, &file.name).unwrap_or_default() {
            println!("cargo::warning={warning}");
        }
    }

    let written = files
        .and_then(|files| {
            let pin = OraclePin::read(&root.join(ORACLE_REQUIREMENTS), ORACLE_REQUIREMENTS)?;
            deck_compiler::compile_decks(&files, &pin)
        })
        .map_err(|errors| errors.to_string())
        .and_then(|decks| {
            std::fs::write(&target, deck_compiler::decks_to_rust(&decks))
                .map_err(|error| format!("cannot write {}: {error}", target.display()))
        });
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
