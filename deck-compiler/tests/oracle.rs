//! `[deck.oracle]`: which oracle proves a deck (its runner), and the docs its sources cite.

mod common;

use common::{assert_contains, compile, errors, pin, valid_with, FILE};
use deck_compiler::{
    compile_with_receipts, CompiledOracle, Evidence, ReceiptsText, Runner, Versions,
};

/// `VALID` proven by plain Python.
fn python_deck() -> String {
    valid_with(r#"runner = "django""#, r#"runner = "python""#)
}

#[test]
fn the_runner_is_compiled_in() {
    let django = compile(common::VALID).oracle;
    assert_eq!(
        django,
        CompiledOracle {
            runner: Runner::Django,
            proven_with: "Django 5.2.19".to_owned(),
            release_line: Some("the 5.2 LTS".to_owned()),
        }
    );
    let deck = compile(&python_deck());
    // No Django proved it, and without receipts there is no Python version to name.
    assert_eq!(
        deck.oracle,
        CompiledOracle {
            runner: Runner::Python,
            proven_with: "Python".to_owned(),
            release_line: None,
        }
    );
    assert_eq!(deck.questions[1].evidence, Evidence::Checked);
    assert_contains(
        &common::rust(&deck),
        r#"    oracle: Oracle { runner: Runner::Python, proven_with: "Python", release_line: None },"#,
    );
}

#[test]
fn an_unknown_runner_is_an_error() {
    assert_contains(
        &errors(&valid_with(r#"runner = "django""#, r#"runner = "node""#)),
        "unknown variant `node`, expected `django` or `python`",
    );
}

#[test]
fn a_python_deck_runs_only_scripts() {
    let deck = python_deck();
    // `script` is the default, and may be named.
    compile(&deck);
    compile(&deck.replacen(
        r#"run = "script""#,
        "run = \"script\"\nhandlers = [\"script\"]",
        1,
    ));
    let view = deck.replacen(r#"run = "script""#, r#"run = "view""#, 1);
    assert_contains(
        &errors(&view),
        &format!(
            r#"{FILE}:43: question "second": check: `run = "view"` needs Django, but the deck's oracle runner is "python": write `run = "script"` (a `main()` run under plain python3)"#
        ),
    );
    let asgi = deck.replacen(
        r#"run = "script""#,
        "run = \"script\"\nhandlers = [\"asgi\"]",
        1,
    );
    assert_contains(
        &errors(&asgi),
        r#"question "second": check: handler "asgi" needs Django, but the deck's oracle runner is "python": its only handler is "script""#,
    );
    let unknown = deck.replacen(
        r#"run = "script""#,
        "run = \"script\"\nhandlers = [\"daphne\"]",
        1,
    );
    assert_contains(
        &errors(&unknown),
        r#"check: unknown handler "daphne" (known: script)"#,
    );
}

#[test]
fn a_django_deck_keeps_every_handler() {
    compile(&valid_with(
        r#"run = "script""#,
        "run = \"view\"\nhandlers = [\"wsgi\"]",
    ));
}

#[test]
fn sources_must_start_with_a_docs_prefix() {
    let outside = valid_with(
        r#"url = "https://docs.python.org/3/library/functions.html""#,
        r#"url = "https://realpython.com/python-print/""#,
    );
    assert_contains(
        &errors(&outside),
        &format!(
            r#"{FILE}:19: question "first": source: url "https://realpython.com/python-print/" is not in the docs the deck cites: it must start with one of `[deck.oracle] docs` (https://docs.python.org/3/, https://docs.djangoproject.com/en/5.2/)"#
        ),
    );
}

#[test]
fn docs_prefixes_are_https_directories() {
    let message = errors(&valid_with(
        r#"docs = ["https://docs.python.org/3/", "https://docs.djangoproject.com/en/5.2/"]"#,
        r#"docs = ["http://docs.python.org/3/", "https://docs.python.org/3"]"#,
    ));
    assert_contains(
        &message,
        &format!(
            r#"{FILE}: `[deck.oracle] docs`: "http://docs.python.org/3/" is not an https URL ending in `/`"#
        ),
    );
    assert_contains(
        &message,
        r#"`[deck.oracle] docs`: "https://docs.python.org/3" is not an https URL ending in `/`"#,
    );
    assert_contains(
        &errors(&valid_with(
            r#"docs = ["https://docs.python.org/3/", "https://docs.djangoproject.com/en/5.2/"]"#,
            "docs = []",
        )),
        "`[deck.oracle] docs` is empty",
    );
}

#[test]
fn a_django_deck_cites_the_pinned_django_docs() {
    let older = valid_with(
        r#""https://docs.djangoproject.com/en/5.2/"]"#,
        r#""https://docs.djangoproject.com/en/4.2/"]"#,
    );
    assert_contains(
        &errors(&older),
        &format!(
            r#"{FILE}: `[deck.oracle] docs`: "https://docs.djangoproject.com/en/4.2/" is not the docs of Django 5.2, which the oracle pins (tests/oracle/requirements.txt): write "https://docs.djangoproject.com/en/5.2/""#
        ),
    );
    // A plain-Python deck runs no Django, so no Django version is pinned for it.
    compile(&older.replacen(r#"runner = "django""#, r#"runner = "python""#, 1));
}

const PYTHON_RECEIPTS: &str = r#"{
  "deck": "test-deck",
  "versions": {
    "python": "3.11"
  },
  "questions": {
    "second": [
      {
        "choice": null,
        "handlers": ["script"],
        "summary": "returned 1"
      }
    ]
  }
}
"#;

fn compile_python_receipts(receipts: &str) -> Result<deck_compiler::CompiledDeck, String> {
    compile_with_receipts(
        FILE,
        &python_deck(),
        &pin(),
        Some(ReceiptsText {
            file: "decks/test-deck.receipts.json",
            text: receipts,
        }),
    )
    .map_err(|errors| errors.to_string())
}

#[test]
fn a_python_decks_receipts_record_only_python() {
    let deck = compile_python_receipts(PYTHON_RECEIPTS).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(
        deck.versions,
        Some(Versions {
            python: "3.11".into(),
            django: None,
            asgiref: None,
            uvicorn: None,
        })
    );
    assert_contains(
        &common::rust(&deck),
        "    versions: Some(Versions { python: \"3.11\", django: None, asgiref: None, uvicorn: None }),",
    );
    let with_django = PYTHON_RECEIPTS.replace(
        r#""python": "3.11""#,
        r#""python": "3.11", "django": "5.2.19""#,
    );
    assert_contains(
        &compile_python_receipts(&with_django).unwrap_err(),
        r#"decks/test-deck.receipts.json: `versions.django` is recorded, but the deck's oracle runner is "python", which runs no Django: these receipts were written by another runner"#,
    );
}
