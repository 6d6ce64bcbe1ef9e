//! Content hashes ignore how the TOML is laid out and change with any change a learner sees.

mod common;

use common::{compile, order_with, valid_with, with_order, VALID};

/// `VALID`, written differently: keys reordered, other quoting, indentation, blank lines,
/// extra newlines inside multi-line strings, comments, CRLF line ends.
const REFORMATTED: &str = "
# the same deck, laid out differently\r
topic = [ { id = 'basics', title = 'Basics' }, { id = 'more', title = 'More' } ]
[deck]\r
description   =   \"A deck for the compiler's tests.\"
title = 'Test deck'
id='test-deck'
oracle = { runner = 'django', docs = ['https://docs.python.org/3/'] }

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
    let renamed_deck = deck_compiler::compile_str(
        "decks/other-deck.toml",
        &valid_with(r#"id = "test-deck""#, r#"id = "other-deck""#),
        &common::pin(),
    )
    .unwrap_or_else(|errors| panic!("{errors}"));
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
fn the_teaching_around_a_question_is_not_hashed() {
    // Rewording a hint or an explanation keeps learners' answers; the first definition of the
    // hash (`hash_v1`, what answers saved before were saved under) covered both.
    let original = compile(VALID);
    for (from, to) in [
        ("Look at the *argument*.", "Look."),
        ("It prints `hi`.", "It prints hi."),
    ] {
        let reworded = compile(&valid_with(from, to));
        assert_eq!(
            original.questions[0].hash, reworded.questions[0].hash,
            "{from} -> {to}"
        );
        assert_eq!(
            original.hash, reworded.hash,
            "deck hash after {from} -> {to}"
        );
        assert_ne!(
            original.questions[0].hash_v1, reworded.questions[0].hash_v1,
            "{from} -> {to}"
        );
    }
}

#[test]
fn wrong_choice_reasons_are_not_hashed() {
    // Rewording a reason keeps learners' saved attempts (see the hash module).
    let original = compile(VALID);
    let reworded = compile(&valid_with("Not that one.", "Clearly not that one."));
    assert_eq!(original.questions[1].hash, reworded.questions[1].hash);
}

#[test]
fn single_and_multiple_hashes_are_pinned() {
    // Learners' saved attempts depend on these staying put: `hash_v1` as computed before order
    // questions, receipts and proofs existed, `hash` since hints and explanations left it.
    let deck = compile(VALID);
    assert_eq!(deck.questions[0].hash_v1, "b8641a00e4779355");
    assert_eq!(deck.questions[1].hash_v1, "dcd31796e34e3a7d");
    assert_eq!(deck.questions[0].hash, "d15f7d663e0c6b09");
    assert_eq!(deck.questions[1].hash, "6784a29ec9e7fe5b");
    assert_eq!(deck.hash, "cc23bab8ab82ab2f");
    // Order questions, proofs, handlers and hint_allows around them change none of them.
    let more = compile(&with_order().replacen(
        "run = \"script\"\ncode = \"def main(): return 1\"\n",
        "run = \"script\"\nhandlers = [\"script\"]\ncode = \"def main(): return 1\"\n\n\
         [[question.proof]]\nsays = \"One.\"\nrun = \"script\"\ncode = \"x\"\nexpect = { returns = 1 }\n",
        1,
    ));
    assert_eq!(more.questions[0].hash, deck.questions[0].hash);
    assert_eq!(more.questions[1].hash, deck.questions[1].hash);
    assert_eq!(more.questions[0].hash_v1, "b8641a00e4779355");
    assert_eq!(more.questions[1].hash_v1, "dcd31796e34e3a7d");
}

#[test]
fn the_order_kind_is_hashed() {
    // The same question as select-all-that-apply with every choice right: only the kind differs
    // (reasons, events and evidence are not hashed).
    let multiple = format!(
        "{VALID}{}",
        r#"
[[question]]
id = "gather-order"
topic = "more"
answer = ["a", "b", "c", "d"]
prompt = "In which order do these happen?"
hint = "Who waits longer?"
explanation = "The first request waits longest."
source = { title = "T", url = "https://docs.python.org/3/t.html", version = "1" }

[[question.choice]]
id = "a"
text = "Request 1 starts waiting"
why = "Yes."

[[question.choice]]
id = "b"
text = "Request 2 starts waiting"
why = "Yes."

[[question.choice]]
id = "c"
text = "Request 1 ends"
why = "Yes."

[[question.choice]]
id = "d"
text = "Request 2 ends"
why = "Yes."
"#
    );
    let order = compile(&with_order());
    let multiple = compile(&multiple);
    assert_eq!(multiple.questions[2].kind, deck_compiler::Kind::Multiple);
    let seen = |deck: &deck_compiler::CompiledDeck| -> Vec<(String, String, bool)> {
        deck.questions[2]
            .choices
            .iter()
            .map(|c| (c.id.clone(), c.html.clone(), c.correct))
            .collect()
    };
    assert_eq!(seen(&order), seen(&multiple));
    assert_ne!(order.questions[2].hash, multiple.questions[2].hash);
}

#[test]
fn an_order_question_hash_follows_the_order_not_the_events() {
    let original = compile(&with_order());
    let renamed_event = compile(&order_with("event = \"end 2\"", "event = \"finish 2\""));
    assert_eq!(original.questions[2].hash, renamed_event.questions[2].hash);

    let c = "\n[[question.choice]]\nid = \"c\"\ntext = \"Request 1 ends\"\nevent = \"end 1\"\nwhy = \"It slept for less time.\"\n";
    let swapped = with_order().replacen(c, "\n", 1) + c;
    let swapped = compile(&swapped);
    let ids: Vec<&str> = swapped.questions[2]
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "d", "c"]);
    assert_ne!(original.questions[2].hash, swapped.questions[2].hash);
}
