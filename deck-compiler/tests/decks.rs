//! Several decks: the directory the build compiles, the rules between files, the export, and the
//! `deck` tool (`scripts/deck`) as an author runs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_contains, pin, valid_with, VALID};
use deck_compiler::{compile_decks, deck_files, export_decks, export_file, DeckFile};
use serde_json::Value;

/// A throwaway repository root: `decks/` with `files` (name, contents) and the oracle's pins.
struct Root(PathBuf);

impl Root {
    fn new(test: &str, files: &[(&str, &str)]) -> Root {
        let root =
            std::env::temp_dir().join(format!("deck-compiler-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("decks")).unwrap();
        std::fs::create_dir_all(root.join("tests/oracle")).unwrap();
        std::fs::write(
            root.join("tests/oracle/requirements.txt"),
            "Django==5.2.19\n",
        )
        .unwrap();
        for (name, text) in files {
            std::fs::write(root.join(name), text).unwrap();
        }
        Root(root)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Runs `deck args…` here; its exit code, stdout and stderr.
    fn deck(&self, args: &[&str]) -> (i32, String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_deck"))
            .args(args)
            .current_dir(&self.0)
            .output()
            .unwrap();
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `VALID` as the deck `id` (its file: decks/<id>.toml).
fn deck_with_id(id: &str) -> String {
    valid_with(r#"id = "test-deck""#, &format!("id = {id:?}"))
}

#[test]
fn every_deck_file_is_compiled_sorted_by_id() {
    let root = Root::new(
        "sorted",
        &[
            ("decks/test-deck.toml", VALID),
            ("decks/another.toml", &deck_with_id("another")),
            ("decks/notes.md", "not a deck"),
        ],
    );
    let files = deck_files(root.path()).unwrap();
    let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
    assert_eq!(names, ["decks/another.toml", "decks/test-deck.toml"]);
    let decks = compile_decks(&files, &pin()).unwrap_or_else(|errors| panic!("{errors}"));
    let ids: Vec<&str> = decks.iter().map(|deck| deck.id.as_str()).collect();
    assert_eq!(ids, ["another", "test-deck"]);
    assert_contains(
        &deck_compiler::decks_to_rust(&decks),
        "pub static DECKS: &[&Deck] = &[&DECK_ANOTHER, &DECK_TEST_DECK];",
    );
}

/// What build.rs does, on a copy of the real decks with one more: the new file is compiled in.
#[test]
fn a_deck_file_added_beside_the_real_ones_is_compiled_in() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = Root::new(
        "added",
        &[("decks/zz-throwaway.toml", &deck_with_id("zz-throwaway"))],
    );
    for file in deck_files(&real).unwrap() {
        std::fs::copy(&file.path, root.path().join(&file.name)).unwrap();
    }
    let decks = compile_decks(&deck_files(root.path()).unwrap(), &pin())
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert!(decks.iter().any(|deck| deck.id == "django-async"));
    assert_eq!(decks.last().unwrap().id, "zz-throwaway");
}

#[test]
fn no_deck_files_is_an_error() {
    let root = Root::new("empty", &[]);
    assert_eq!(
        deck_files(root.path()).unwrap_err().to_string(),
        "decks: no deck files (decks/*.toml): the app needs at least one; start one with \
         `scripts/deck new <id>`"
    );
}

#[test]
fn a_deck_id_is_its_files_name() {
    let root = Root::new("stem", &[("decks/copy.toml", VALID)]);
    let errors = compile_decks(&deck_files(root.path()).unwrap(), &pin())
        .unwrap_err()
        .to_string();
    assert_eq!(
        errors,
        r#"decks/copy.toml: deck id "test-deck" is not the file's name "copy": rename the file to test-deck.toml or set `[deck] id = "copy"`"#
    );
}

#[test]
fn a_deck_id_two_files_share_is_an_error() {
    let root = Root::new("duplicate", &[("decks/test-deck.toml", VALID)]);
    std::fs::create_dir_all(root.path().join("drafts")).unwrap();
    std::fs::write(root.path().join("drafts/test-deck.toml"), VALID).unwrap();
    let files = [
        DeckFile::new(root.path(), "decks/test-deck.toml"),
        DeckFile::new(root.path(), "drafts/test-deck.toml"),
    ];
    let expected = r#"drafts/test-deck.toml: deck id "test-deck" is also decks/test-deck.toml's: deck ids must be unique across decks"#;
    assert_eq!(
        compile_decks(&files, &pin()).unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        export_decks(&files, &pin()).unwrap_err().to_string(),
        expected
    );
}

#[test]
fn a_deck_with_no_questions_names_its_file() {
    let header = &VALID[..VALID.find("[[question]]").unwrap()];
    let root = Root::new("no-questions", &[("decks/test-deck.toml", header)]);
    assert_contains(
        &compile_decks(&deck_files(root.path()).unwrap(), &pin())
            .unwrap_err()
            .to_string(),
        "decks/test-deck.toml: the deck has no questions: add a [[question]] table",
    );
}

#[test]
fn the_export_is_the_toml_document_as_json() {
    let text = common::with_order();
    let root = Root::new("export", &[("decks/test-deck.toml", &text)]);
    let file = DeckFile::new(root.path(), "decks/test-deck.toml");
    let export = export_file(&file, &pin()).unwrap_or_else(|errors| panic!("{errors}"));
    let as_json: Value = toml::from_str(&text).unwrap();
    assert_eq!(export, as_json);
    // The document's own keys and nesting, nothing renamed, no default filled in.
    assert_eq!(export["deck"]["oracle"]["runner"], "django");
    assert_eq!(export["question"][1]["choice"][0]["expect"]["returns"], 1);
    assert_eq!(export["question"][2]["proof"][0]["run"], "script");
    assert_eq!(export["question"][1]["check"].get("handlers"), None);
    assert_eq!(export["question"][0].get("kind"), None);
    // Texts as TOML reads them, not normalized: the prompt's final newline stays.
    let prompt = export["question"][0]["prompt"].as_str().unwrap();
    assert!(prompt.starts_with("What does this print?") && prompt.ends_with("```\n"));
}

#[test]
fn an_invalid_deck_is_not_exported() {
    let broken = valid_with(r#"answer = "b""#, r#"answer = "e""#);
    let root = Root::new("export-invalid", &[("decks/test-deck.toml", &broken)]);
    let errors = export_file(&DeckFile::new(root.path(), "decks/test-deck.toml"), &pin())
        .unwrap_err()
        .to_string();
    assert_eq!(
        errors,
        r#"decks/test-deck.toml:19: question "first": answer "e" is not among the choices (a, b)"#
    );
    let (code, stdout, stderr) = root.deck(&["export", "decks/test-deck.toml"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(stderr.trim_end(), errors);
}

#[test]
fn the_tool_exports_every_deck_by_id() {
    let root = Root::new(
        "export-all",
        &[
            ("decks/test-deck.toml", VALID),
            ("decks/another.toml", &deck_with_id("another")),
        ],
    );
    let (code, stdout, stderr) = root.deck(&["export", "--all"]);
    assert_eq!(code, 0, "{stderr}");
    let all: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&String> = all.as_object().unwrap().keys().collect();
    assert_eq!(ids, ["another", "test-deck"]);
    assert_eq!(all["test-deck"], toml::from_str::<Value>(VALID).unwrap());

    let (code, stdout, _) = root.deck(&["export", "decks/another.toml"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&stdout).unwrap(),
        all["another"]
    );
}

#[test]
fn check_prints_every_problem_a_line_and_fails() {
    let broken = valid_with(r#"answer = "b""#, r#"answer = "e""#).replacen(
        r#"hint = "Any hint.""#,
        r#"hint = """#,
        1,
    );
    let wide = format!("x = {:?}", "w".repeat(40));
    let lint = deck_with_id("linted").replacen("print(\"hi\")\n", &format!("{wide}\n"), 1);
    let root = Root::new(
        "check",
        &[
            ("decks/test-deck.toml", &broken),
            ("decks/linted.toml", &lint),
        ],
    );
    let (code, stdout, stderr) = root.deck(&["check"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            r#"decks/test-deck.toml:19: question "first": answer "e" is not among the choices (a, b)"#,
            r#"decks/test-deck.toml:43: question "second": `hint` is empty"#,
            &format!(
                r#"decks/linted.toml:26: question "first": warning: prompt: a code line is 46 characters, wider than the 42 a 390 px phone shows: {wide:?}"#
            ),
        ]
    );
    assert_eq!(stderr, "2 deck files: 2 errors, 1 warning\n");

    // Only warnings: success. Named files only.
    let (code, stdout, stderr) = root.deck(&["check", "decks/linted.toml"]);
    assert_eq!((code, stdout.lines().count()), (0, 1), "{stdout}");
    assert_eq!(stderr, "1 deck file: 0 errors, 1 warning\n");
}

#[test]
fn new_writes_a_deck_that_check_passes_and_never_overwrites() {
    let root = Root::new("new", &[]);
    let (code, _, stderr) = root.deck(&["new", "asyncio-basics", "asyncio \"for\" Django"]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(root.path().join("decks/asyncio-basics.toml")).unwrap();
    assert!(text.starts_with("#:schema ./deck.schema.json\n"), "{text}");
    assert_contains(&text, r#"title = "asyncio \"for\" Django""#);
    // Every field is commented.
    for line in text
        .lines()
        .filter(|line| line.contains(" = ") && !line.starts_with('#'))
    {
        let is_prompt = line.starts_with("prompt = ");
        assert!(
            is_prompt || line.contains('#') || line.starts_with("source = "),
            "an uncommented field: {line}"
        );
    }
    assert_eq!(
        root.deck(&["check"]),
        (
            0,
            String::new(),
            "1 deck file: 0 errors, 0 warnings\n".to_owned()
        )
    );

    let (code, _, stderr) = root.deck(&["new", "asyncio-basics"]);
    assert_eq!(code, 1);
    assert_contains(&stderr, "cannot write decks/asyncio-basics.toml: ");
    let (code, _, stderr) = root.deck(&["new", "Not A Slug"]);
    assert_eq!(code, 1);
    assert_contains(&stderr, r#"deck id "Not A Slug" is not a lowercase slug"#);
}

#[test]
fn new_titles_a_deck_from_its_id_by_default() {
    let root = Root::new("new-title", &[]);
    assert_eq!(root.deck(&["new", "asyncio-basics"]).0, 0);
    let text = std::fs::read_to_string(root.path().join("decks/asyncio-basics.toml")).unwrap();
    assert_contains(&text, r#"title = "Asyncio basics""#);
}

#[test]
fn the_tool_prints_the_schema_and_its_usage() {
    let root = Root::new("usage", &[]);
    let (code, stdout, _) = root.deck(&["schema"]);
    assert_eq!((code, stdout), (0, deck_compiler::deck_schema()));
    let (code, _, stderr) = root.deck(&["frobnicate"]);
    assert_eq!(code, 2);
    assert_contains(&stderr, "usage: deck export <file> | export --all | check");
}
