//! Receipts (`decks/<stem>.receipts.json`): validated against the deck, compiled in as
//! handlers and summaries per question.

mod common;

use common::{assert_contains, pin, with_order, FILE};
use deck_compiler::{
    compile_with_receipts, CompiledDeck, CompiledReceipt, Handler, ReceiptFor, ReceiptsText,
    Versions,
};

const RECEIPTS_FILE: &str = "decks/test-deck.receipts.json";

/// Receipts for `with_order()`, as the oracle writes them (sorted keys, pretty-printed).
const RECEIPTS: &str = r#"{
  "deck": "test-deck",
  "questions": {
    "gather-order": [
      {
        "choice": null,
        "handlers": [
          "asgi"
        ],
        "observed": {
          "events": ["start 1", "start 2", "end 1", "end 2"]
        },
        "summary": "events in order: start 1, start 2, end 1, end 2"
      },
      {
        "handlers": [
          "script"
        ],
        "observed": {
          "returns": 1
        },
        "proof": 0,
        "summary": "returned 1"
      }
    ],
    "second": [
      {
        "choice": null,
        "handlers": [
          "script"
        ],
        "observed": {
          "returns": 1
        },
        "summary": "returned 1"
      }
    ]
  },
  "versions": {
    "asgiref": "3.13.0",
    "django": "5.2.19",
    "python": "3.11",
    "uvicorn": "0.54.0"
  }
}
"#;

fn compile_receipts(receipts: &str) -> Result<CompiledDeck, String> {
    compile_with_receipts(
        FILE,
        &with_order(),
        &pin(),
        Some(ReceiptsText {
            file: RECEIPTS_FILE,
            text: receipts,
        }),
    )
    .map_err(|errors| errors.to_string())
}

fn receipt_errors(receipts: &str) -> String {
    compile_receipts(receipts).expect_err("expected the receipts to be rejected")
}

/// `RECEIPTS` with one exact piece replaced (which must occur exactly once).
fn receipts_with(from: &str, to: &str) -> String {
    assert_eq!(RECEIPTS.matches(from).count(), 1, "{from:?}");
    RECEIPTS.replacen(from, to, 1)
}

#[test]
fn receipts_are_compiled_per_question() {
    let deck = compile_receipts(RECEIPTS).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(
        deck.versions,
        Some(Versions {
            python: "3.11".into(),
            django: Some("5.2.19".into()),
            asgiref: Some("3.13.0".into()),
            uvicorn: Some("0.54.0".into()),
        })
    );
    assert!(deck.questions[0].receipts.is_empty(), "a sourced question");
    assert_eq!(
        deck.questions[1].receipts,
        [CompiledReceipt {
            of: ReceiptFor::Check,
            handlers: vec![Handler::Script],
            summary: "returned 1".into(),
        }]
    );
    assert_eq!(
        deck.questions[2].receipts,
        [
            CompiledReceipt {
                of: ReceiptFor::Check,
                handlers: vec![Handler::Asgi],
                summary: "events in order: start 1, start 2, end 1, end 2".into(),
            },
            CompiledReceipt {
                of: ReceiptFor::Proof {
                    says_html: "The second request starts before the first ends.".into()
                },
                handlers: vec![Handler::Script],
                summary: "returned 1".into(),
            },
        ]
    );
    // Receipts are evidence, not content: no hash changes.
    let without = common::compile(&with_order());
    assert_eq!(deck.hash, without.hash);
    assert_eq!(without.versions, None);
}

#[test]
fn receipts_are_written_as_static_data() {
    let deck = compile_receipts(RECEIPTS).unwrap_or_else(|errors| panic!("{errors}"));
    let rust = common::rust(&deck);
    assert_contains(
        &rust,
        "            receipts: &[\n                Receipt { of: ReceiptFor::Check, handlers: &[Handler::Script], summary: \"returned 1\" },\n            ],",
    );
    assert_contains(
        &rust,
        "Receipt { of: ReceiptFor::Proof { says_html: \"The second request starts before the first ends.\" }, handlers: &[Handler::Script], summary: \"returned 1\" },",
    );
    assert_contains(&rust, "            receipts: &[],");
    assert_contains(
        &rust,
        "    versions: Some(Versions { python: \"3.11\", django: Some(\"5.2.19\"), asgiref: Some(\"3.13.0\"), uvicorn: Some(\"0.54.0\") }),\n};",
    );
    // Only handlers and summaries: not what was observed.
    assert!(!rust.contains("observed"), "{rust}");
    assert!(!rust.contains("\"end 2\""), "{rust}");
    let plain = common::rust(&common::compile(&with_order()));
    assert_contains(&plain, "    versions: None,\n};");
}

#[test]
fn per_choice_receipts_name_their_choice() {
    let receipts = receipts_with(
        r#""second": [
      {
        "choice": null,"#,
        r#""second": [
      {
        "choice": "b","#,
    );
    let deck = compile_receipts(&receipts).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(
        deck.questions[1].receipts[0].of,
        ReceiptFor::Choice("b".into())
    );
    assert_contains(&common::rust(&deck), "of: ReceiptFor::Choice(\"b\"),");
}

#[test]
fn several_handlers_in_one_receipt() {
    let receipts = receipts_with(
        "\"handlers\": [\n          \"asgi\"\n        ],",
        "\"handlers\": [\"asgi\", \"async-client\", \"wsgi\"],",
    );
    let deck = compile_receipts(&receipts).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(
        deck.questions[2].receipts[0].handlers,
        [Handler::Asgi, Handler::AsyncClient, Handler::Wsgi]
    );
    assert_contains(
        &common::rust(&deck),
        "handlers: &[Handler::Asgi, Handler::AsyncClient, Handler::Wsgi]",
    );
}

#[test]
fn receipts_of_another_deck() {
    assert_eq!(
        receipt_errors(&receipts_with(
            r#""deck": "test-deck""#,
            r#""deck": "other""#
        )),
        format!(
            r#"{RECEIPTS_FILE}: `deck` is "other", not this deck's id "test-deck": these are another deck's receipts"#
        )
    );
}

#[test]
fn receipts_of_another_django() {
    assert_eq!(
        receipt_errors(&receipts_with(
            r#""django": "5.2.19""#,
            r#""django": "5.2.18""#
        )),
        format!(
            r#"{RECEIPTS_FILE}: `versions.django` is "5.2.18" but the oracle pins Django 5.2.19 (tests/oracle/requirements.txt): the receipts are stale, re-run scripts/oracle"#
        )
    );
}

#[test]
fn receipts_need_every_version() {
    assert_eq!(
        receipt_errors(&receipts_with("    \"python\": \"3.11\",\n", "")),
        format!(r#"{RECEIPTS_FILE}: `versions.python` is missing or not a non-empty string"#)
    );
}

#[test]
fn receipts_of_an_unknown_question() {
    assert_eq!(
        receipt_errors(&receipts_with(r#""second": ["#, r#""later": ["#)),
        format!(
            r#"{RECEIPTS_FILE}:26: question "later": is not a question of test-deck (its id was renamed or the question removed: re-run scripts/oracle)"#
        )
    );
}

#[test]
fn receipts_of_a_question_without_a_check() {
    assert_eq!(
        receipt_errors(&receipts_with(r#""second": ["#, r#""first": ["#)),
        format!(
            r#"{RECEIPTS_FILE}:26: question "first": receipt #1 is a check's run, but the question has no [question.check]"#
        )
    );
}

#[test]
fn receipts_of_an_unknown_choice() {
    assert_eq!(
        receipt_errors(&receipts_with(
            "\"second\": [\n      {\n        \"choice\": null,",
            "\"second\": [\n      {\n        \"choice\": \"e\",",
        )),
        format!(
            r#"{RECEIPTS_FILE}:26: question "second": receipt #1: choice "e" is not among the choices (a, b)"#
        )
    );
}

#[test]
fn receipts_of_an_unknown_proof() {
    assert_eq!(
        receipt_errors(&receipts_with(r#""proof": 0"#, r#""proof": 1"#)),
        format!(
            r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #2: proof 1 is not among the question's proofs (it has one: 0)"#
        )
    );
    assert_eq!(
        receipt_errors(&receipts_with(r#""proof": 0"#, r#""proof": "first""#)),
        format!(
            r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #2: `proof` is not an index (0 for the first [[question.proof]])"#
        )
    );
}

#[test]
fn receipts_of_unknown_handlers() {
    assert_eq!(
        receipt_errors(&receipts_with("\"asgi\"\n", "\"daphne\"\n")),
        format!(
            r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #1: unknown handler "daphne" (known: asgi, async-client, wsgi, script)"#
        )
    );
    assert_eq!(
        receipt_errors(&receipts_with(
            "\"handlers\": [\n          \"asgi\"\n        ],",
            "\"handlers\": [],"
        )),
        format!(r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #1: `handlers` is empty"#)
    );
}

#[test]
fn receipts_have_a_summary() {
    assert_eq!(
        receipt_errors(&receipts_with(
            r#""summary": "events in order: start 1, start 2, end 1, end 2""#,
            r#""summary": " ""#,
        )),
        format!(r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #1: `summary` is empty"#)
    );
}

#[test]
fn a_receipt_is_of_a_choice_run_or_a_proof() {
    // A proof's entry may say `"choice": null`, but not name a choice.
    compile_receipts(&receipts_with(
        r#""proof": 0"#,
        r#""proof": 0, "choice": null"#,
    ))
    .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(
        receipt_errors(&receipts_with(
            r#""proof": 0"#,
            r#""proof": 0, "choice": "a""#
        )),
        format!(
            r#"{RECEIPTS_FILE}:4: question "gather-order": receipt #2 has both `choice` and `proof`: it is the run of one or the other"#
        )
    );
    assert_contains(
        &receipt_errors(&receipts_with(r#""proof": 0,"#, "")),
        r#"receipt #2 has neither `choice` (a choice id, or null for the check's shared run) nor `proof` (a proof's index)"#,
    );
}

#[test]
fn unreadable_receipts_name_the_line() {
    assert_contains(
        &receipt_errors(&receipts_with(r#""proof": 0,"#, r#""proof": 0,,"#)),
        &format!("{RECEIPTS_FILE}:22: cannot read the receipts: "),
    );
}

#[test]
fn receipt_errors_follow_the_deck_errors() {
    let broken_deck = with_order().replace("hint = \"Any hint.\"", "hint = \"\"");
    let message = compile_with_receipts(
        FILE,
        &broken_deck,
        &pin(),
        Some(ReceiptsText {
            file: RECEIPTS_FILE,
            text: &receipts_with(r#""deck": "test-deck""#, r#""deck": "other""#),
        }),
    )
    .unwrap_err()
    .to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 2, "{message}");
    assert!(lines[0].starts_with(FILE), "{message}");
    assert!(lines[1].starts_with(RECEIPTS_FILE), "{message}");
}

#[test]
fn compile_file_reads_the_receipts_beside_the_deck() {
    let dir = std::env::temp_dir().join(format!("deck-compiler-receipts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deck_path = dir.join("test-deck.toml");
    std::fs::write(&deck_path, with_order()).unwrap();
    assert_eq!(
        deck_compiler::receipts_path(&deck_path),
        dir.join("test-deck.receipts.json")
    );

    // No receipts: fine, none compiled in.
    let deck = deck_compiler::compile_file(&deck_path, FILE, &pin()).unwrap();
    assert_eq!(deck.versions, None);

    std::fs::write(dir.join("test-deck.receipts.json"), RECEIPTS).unwrap();
    let deck = deck_compiler::compile_file(&deck_path, FILE, &pin()).unwrap();
    assert_eq!(deck.questions[1].receipts.len(), 1);

    std::fs::write(
        dir.join("test-deck.receipts.json"),
        receipts_with(r#""deck": "test-deck""#, r#""deck": "other""#),
    )
    .unwrap();
    let error = deck_compiler::compile_file(&deck_path, FILE, &pin())
        .unwrap_err()
        .to_string();
    // Named as the author knows it: beside the deck's display name.
    assert!(error.starts_with(&format!("{RECEIPTS_FILE}: ")), "{error}");
    std::fs::remove_dir_all(&dir).unwrap();
}
