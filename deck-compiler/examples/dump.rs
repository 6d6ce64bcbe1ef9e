//! Preview a deck without building the app: prints the generated Rust, or the errors; the
//! lints' warnings go to stderr either way.
//!
//! `cargo run -p deck-compiler --example dump decks/django-async.toml`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump DECK.toml");
        std::process::exit(2)
    };
    let pins = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(deck_compiler::ORACLE_REQUIREMENTS);
    if let Ok(warnings) = deck_compiler::lint_file(path.as_ref(), &path) {
        for warning in warnings {
            eprintln!("{warning}");
        }
    }
    let compiled = deck_compiler::OraclePin::read(&pins, deck_compiler::ORACLE_REQUIREMENTS)
        .and_then(|pin| deck_compiler::compile_file(path.as_ref(), &path, &pin));
    match compiled {
        Ok(deck) => print!("{}", deck.to_rust(&path)),
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1)
        }
    }
}
