//! Content hashes ignore how the TOML is laid out and change with any change a learner sees.

mod common;

use common::{compile, valid_with, VALID};

/// `VALID`, written differently: keys reordered, other quoting, indentation, blank lines,
/// extra newlines inside multi-line strings, comments, CRLF line ends.
const REFORMATTED: &str = "
# the same deck, laid out differently\r
topic = [ { id = 'basics', title = 'Basics' }, { id = 'more', title = 'More' } ]
[deck]\r
description   =   \"A deck for the compiler's tests.\"
title = 'Test deck'
id='test-deck'

[[question]]
    answer = 'b'
    id = 'first'
    topic = 'basics'
    source.title = 'Built-in Functions'
    source.url = 'https://docs.python.org/3/library/functions.html'
    source.version = '3.11'
    explanation = '''

It prints `hi`.

'''
    hint = \"Look at the *argument*.\"
    prompt = \"What does this print?\\n\\n```python\\nprint(\\\"hi\\\")\\n```\\n\"

    [[question.choice]]
    why = '''`print` writes to standard output.'''
    text = '''Nothing.'''
    id = 'a'

    [[question.choice]]
    text = '`hi`'
    id = 'b'

[[question]]
id = 'second'
topic = 'more'
check = { run = 'script', code = 'def main(): return 1' }
answer = 'a'
prompt = 'Pick one.'
hint = 'Any hint.'
explanation = 'Because.'
choice = [
  { id = 'a', text = 'This one.', expect = { returns = 1 } },
  { id = 'b', text = 'That one.', why = 'Not that one.', expect = { returns = 2 } },
]
";

#[test]
fn hashes_are_short_hex() {
    let deck = compile(VALID);
    for hash in std::iter::once(&deck.hash).chain(deck.questions.iter().map(|q| &q.hash)) {
        assert_eq!(hash.len(), 16, "{hash}");
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
            "{hash}"
        );
    }
}

#[test]
fn hashes_are_stable_across_reformatting() {
    let original = compile(VALID);
    let again = compile(REFORMATTED);
    assert_eq!(
        original, again,
        "the reformatted deck compiles to the same thing"
    );
    assert_eq!(original.hash, again.hash);
}

#[test]
fn hashes_change_with_content() {
    let original = compile(VALID);
    for (from, to, question) in [
        ("print(\"hi\")", "print(\"hello\")", 0),       // prompt
        ("Look at the *argument*.", "Look.", 0),        // hint
        ("It prints `hi`.", "It prints hi.", 0),        // explanation
        ("text = \"Nothing.\"", "text = \"Nada.\"", 0), // choice text
        (
            "id = \"a\"\ntext = \"Nothing.\"",
            "id = \"z\"\ntext = \"Nothing.\"",
            0,
        ), // choice id
        ("text = \"That one.\"", "text = \"That one!\"", 1),
    ] {
        let changed = compile(&valid_with(from, to));
        assert_ne!(
            original.questions[question].hash, changed.questions[question].hash,
            "{from} -> {to}"
        );
        let other = 1 - question;
        assert_eq!(
            original.questions[other].hash, changed.questions[other].hash,
            "{from} -> {to}"
        );
        assert_ne!(
            original.hash, changed.hash,
            "deck hash after {from} -> {to}"
        );
    }
}

#[test]
fn changing_the_answer_key_changes_the_hash() {
    let original = compile(VALID);
    let changed = compile(
        &valid_with(r#"answer = "a""#, r#"answer = "b""#)
            .replace(
                "text = \"This one.\"",
                "text = \"This one.\"\nwhy = \"No.\"",
            )
            .replace("why = \"Not that one.\"\n", ""),
    );
    assert_ne!(original.questions[1].hash, changed.questions[1].hash);
}

#[test]
fn deck_hash_covers_the_deck_id_and_question_ids_and_order() {
    let original = compile(VALID);
    let renamed_deck = compile(&valid_with(r#"id = "test-deck""#, r#"id = "other-deck""#));
    assert_ne!(original.hash, renamed_deck.hash);
    let renamed_question = compile(&valid_with(r#"id = "second""#, r#"id = "later""#));
    assert_eq!(
        original.questions[1].hash,
        renamed_question.questions[1].hash
    );
    assert_ne!(original.hash, renamed_question.hash);

    let split = VALID.find("[[question]]\nid = \"second\"").unwrap();
    let (head, second) = VALID.split_at(split);
    let first_start = head.find("[[question]]").unwrap();
    let swapped = format!(
        "{}{}\n{}",
        &head[..first_start],
        second,
        &head[first_start..]
    );
    let swapped = compile(&swapped);
    assert_eq!(swapped.questions[0].id, "second");
    assert_ne!(original.hash, swapped.hash);
}

#[test]
fn wrong_choice_reasons_are_not_hashed() {
    // Rewording a reason keeps learners' saved attempts (see the hash module).
    let original = compile(VALID);
    let reworded = compile(&valid_with("Not that one.", "Clearly not that one."));
    assert_eq!(original.questions[1].hash, reworded.questions[1].hash);
}
