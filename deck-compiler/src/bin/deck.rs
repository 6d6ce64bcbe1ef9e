//! `deck`: the deck author's and the tests' tool, run from the repository root (`scripts/deck`
//! is `cargo run -q --locked -p deck-compiler --bin deck --`). Every command reads decks exactly
//! as the build does; see decks/README.md.
//!
//! - `export <file>`: the validated deck as JSON in the TOML's own shape, on stdout.
//! - `export --all`: `{"<deck id>": <export>, …}` for every decks/*.toml (or the directory
//!   `QUIZDECK_DECKS_DIR` names, as the app's build does).
//! - `check [files…]`: every problem (default: of every decks/*.toml), then the lints' warnings,
//!   one `file:line: question "id": message` a line; exit 1 on any error.
//! - `new <id> ["Title"]`: writes decks/<id>.toml from a commented template.
//! - `schema`: the JSON Schema of the deck format (committed as decks/deck.schema.json).

use std::path::Path;
use std::process::ExitCode;

use deck_compiler::{DeckErrors, DeckFile, OraclePin, DECKS_DIR, ORACLE_REQUIREMENTS};

const USAGE: &str =
    "usage: deck export <file> | export --all | check [files…] | new <id> [\"Title\"] | schema";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = Path::new(".");
    let outcome = match args.as_slice() {
        ["export", "--all"] => export_all(root),
        ["export", file] => export(root, file),
        ["check", files @ ..] => return check(root, files),
        ["new", id] => new(root, id, &title_of(id)),
        ["new", id, title] => new(root, id, title),
        ["schema"] => {
            print!("{}", deck_compiler::deck_schema());
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn pin(root: &Path) -> Result<OraclePin, DeckErrors> {
    OraclePin::read(&root.join(ORACLE_REQUIREMENTS), ORACLE_REQUIREMENTS)
}

fn export(root: &Path, file: &str) -> Result<(), String> {
    let export = pin(root)
        .and_then(|pin| deck_compiler::export_file(&DeckFile::new(root, file), &pin))
        .map_err(|errors| errors.to_string())?;
    println!("{export:#}");
    Ok(())
}

fn export_all(root: &Path) -> Result<(), String> {
    let exports = pin(root)
        .and_then(|pin| {
            deck_compiler::export_decks(
                &deck_compiler::deck_files_in(root, &deck_compiler::decks_dir())?,
                &pin,
            )
        })
        .map_err(|errors| errors.to_string())?;
    println!("{:#}", serde_json::Value::Object(exports));
    Ok(())
}

/// Prints every error, then every warning, on stdout, and how many on stderr.
fn check(root: &Path, names: &[&str]) -> ExitCode {
    let files = if names.is_empty() {
        match deck_compiler::deck_files_in(root, &deck_compiler::decks_dir()) {
            Ok(files) => files,
            Err(errors) => {
                println!("{errors}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        names.iter().map(|name| DeckFile::new(root, name)).collect()
    };
    let errors = match pin(root).and_then(|pin| deck_compiler::compile_decks(&files, &pin)) {
        Ok(_) => Vec::new(),
        Err(DeckErrors(errors)) => errors,
    };
    for error in &errors {
        println!("{error}");
    }
    let mut warnings = 0;
    for file in &files {
        // A file that cannot be read as a deck has had its error printed above.
        for warning in deck_compiler::lint_file(&file.path, &file.name).unwrap_or_default() {
            println!("{warning}");
            warnings += 1;
        }
    }
    eprintln!(
        "{}: {}, {}",
        plural(files.len(), "deck file"),
        plural(errors.len(), "error"),
        plural(warnings, "warning"),
    );
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn new(root: &Path, id: &str, title: &str) -> Result<(), String> {
    let text = deck_compiler::new_deck(id, title)?;
    let name = format!("{DECKS_DIR}/{id}.toml");
    // `create_new` refuses an existing file: a deck is never overwritten.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(root.join(&name))
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(|error| format!("cannot write {name}: {error}"))?;
    eprintln!("wrote {name}: edit it, then `scripts/deck check {name}`");
    Ok(())
}

/// `asyncio-basics` → `Asyncio basics`: a title to start from.
fn title_of(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
