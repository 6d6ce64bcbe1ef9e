//! Each way a deck can be wrong fails with its own message naming the file and the question.

mod common;

use common::{assert_contains, compile, errors, valid_with, FILE, VALID};

#[test]
fn a_valid_deck_compiles() {
    let deck = compile(VALID);
    assert_eq!(deck.id, "test-deck");
    assert_eq!(deck.title, "Test deck");
    let ids: Vec<&str> = deck.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["first", "second"]);
    let first = &deck.questions[0];
    assert_eq!(first.choices.len(), 2);
    assert!(!first.choices[0].correct);
    assert!(first.choices[1].correct);
    assert_eq!(
        first.choices[0].reason_html,
        "<code>print</code> writes to standard output."
    );
    assert_eq!(first.choices[1].reason_html, "");
    assert_eq!(first.hint_html, "Look at the <em>argument</em>.");
}

#[test]
fn answer_not_among_choices() {
    let message = errors(&valid_with(r#"answer = "b""#, r#"answer = "e""#));
    assert_contains(
        &message,
        &format!(r#"{FILE}:15: question "first": answer "e" is not among the choices (a, b)"#),
    );
}

#[test]
fn duplicate_question_id() {
    let message = errors(&valid_with(r#"id = "second""#, r#"id = "first""#));
    assert_contains(
        &message,
        r#"question "first": duplicate question id "first""#,
    );
}

#[test]
fn duplicate_choice_id() {
    let message = errors(&valid_with(
        "id = \"b\"\ntext = \"That one.\"",
        "id = \"a\"\ntext = \"That one.\"",
    ));
    assert_contains(&message, r#"question "second": duplicate choice id "a""#);
}

#[test]
fn fewer_than_two_choices() {
    let one_choice = valid_with(
        "\n[[question.choice]]\nid = \"b\"\ntext = \"That one.\"\nwhy = \"Not that one.\"\nexpect = { returns = 2 }\n",
        "\n",
    );
    let message = errors(&one_choice);
    assert_contains(
        &message,
        r#"question "second": has 1 choice; a question needs at least 2"#,
    );

    let start = VALID.find("id = \"second\"").unwrap();
    let no_choices = &VALID[..VALID[start..].find("[[question.choice]]").unwrap() + start];
    assert_contains(
        &errors(no_choices),
        r#"question "second": has 0 choices; a question needs at least 2"#,
    );
}

#[test]
fn wrong_choice_without_why() {
    let message = errors(&valid_with("why = \"Not that one.\"\n", ""));
    assert_contains(
        &message,
        r#"question "second": choice "b" is wrong but has no `why`"#,
    );
}

#[test]
fn right_choice_may_have_a_why() {
    let deck = compile(&valid_with(
        "text = \"This one.\"",
        "text = \"This one.\"\nwhy = \"It is *right*.\"",
    ));
    assert_eq!(
        deck.questions[1].choices[0].reason_html,
        "It is <em>right</em>."
    );
}

#[test]
fn why_must_be_one_line() {
    let message = errors(&valid_with(
        r#"why = "Not that one.""#,
        "why = '''\nNot that one.\n\nReally not.'''",
    ));
    assert_contains(
        &message,
        r#"question "second": choice "b" why: must be a single line of text"#,
    );
}

#[test]
fn empty_prompt_hint_explanation() {
    let deck = valid_with(r#"prompt = "Pick one.""#, r#"prompt = "  ""#);
    assert_contains(&errors(&deck), r#"question "second": `prompt` is empty"#);
    let deck = valid_with(r#"hint = "Any hint.""#, "hint = '''\n\n'''");
    assert_contains(&errors(&deck), r#"question "second": `hint` is empty"#);
    let deck = valid_with(r#"explanation = "Because.""#, r#"explanation = """#);
    assert_contains(
        &errors(&deck),
        r#"question "second": `explanation` is empty"#,
    );
}

#[test]
fn empty_choice_text_and_why() {
    let deck = valid_with(r#"text = "This one.""#, r#"text = "  ""#);
    assert_contains(
        &errors(&deck),
        r#"question "second": choice "a": `text` is empty"#,
    );
    let deck = valid_with(r#"why = "Not that one.""#, r#"why = """#);
    assert_contains(
        &errors(&deck),
        r#"question "second": choice "b": `why` is empty"#,
    );
}

#[test]
fn ids_must_be_lowercase_slugs() {
    for bad in [
        "Second",
        "second question",
        "second_q",
        "-second",
        "second--q",
        "",
    ] {
        let deck = valid_with(r#"id = "second""#, &format!("id = {bad:?}"));
        assert_contains(
            &errors(&deck),
            &format!("question id {bad:?} is not a lowercase slug"),
        );
    }
    let deck = valid_with(r#"id = "test-deck""#, r#"id = "Test Deck""#);
    assert_contains(
        &errors(&deck),
        r#"deck id "Test Deck" is not a lowercase slug"#,
    );
    let deck = valid_with(
        "id = \"b\"\ntext = \"That one.\"",
        "id = \"B\"\ntext = \"That one.\"",
    );
    assert_contains(
        &errors(&deck),
        r#"question "second": choice id "B" is not a lowercase slug"#,
    );
}

#[test]
fn missing_field_names_the_question() {
    let message = errors(&valid_with("hint = \"Any hint.\"\n", ""));
    assert_contains(
        &message,
        &format!(r#"{FILE}:39: question "second": missing field `hint`"#),
    );

    let message = errors(
        &valid_with("why = \"`print` writes to standard output.\"\n", "")
            .replace("text = \"Nothing.\"\n", ""),
    );
    assert_contains(
        &message,
        r#"question "first": choice "a": missing field `text`"#,
    );
}

#[test]
fn missing_question_id_names_the_position() {
    let message = errors(&valid_with("id = \"second\"\n", ""));
    assert_contains(&message, r#"question #2: missing field `id`"#);
}

#[test]
fn unknown_fields_are_typos() {
    let message = errors(&valid_with("hint = \"Any hint.\"", "hnit = \"Any hint.\""));
    assert_contains(&message, r#"question "second": unknown field `hnit`"#);

    let message = errors(&valid_with("text = \"This one.\"", "txt = \"This one.\""));
    assert_contains(
        &message,
        r#"question "second": choice "a": unknown field `txt`"#,
    );

    let message = errors(&valid_with("[deck]\n", "[deck]\nauthor = \"me\"\n"));
    assert_contains(&message, "unknown field `author`");

    let message = errors(&valid_with(
        "[[question]]\nid = \"second\"",
        "[[questoin]]\nid = \"second\"",
    ));
    assert_contains(&message, "unknown field `questoin`");
}

#[test]
fn wrong_types_name_the_field() {
    let message = errors(&valid_with(r#"answer = "a""#, "answer = 1"));
    assert_contains(
        &message,
        r#"question "second": `answer` must be a choice id ("b") or an array of choice ids (["a", "c"]), not integer"#,
    );
}

#[test]
fn toml_syntax_errors_name_the_line_and_question() {
    let message = errors(&valid_with(
        r#"prompt = "Pick one.""#,
        "prompt = \"Pick one.\"\nprompt = \"Again.\"",
    ));
    assert_contains(
        &message,
        &format!(r#"{FILE}:43: question "second": duplicate key"#),
    );
}

#[test]
fn a_deck_without_questions_is_rejected() {
    let header = &VALID[..VALID.find("[[question]]").unwrap()];
    assert_contains(&errors(header), "the deck has no questions");
}

#[test]
fn every_problem_is_reported_at_once() {
    let deck =
        valid_with(r#"answer = "b""#, r#"answer = "e""#).replace("why = \"Not that one.\"\n", "");
    let message = errors(&deck);
    assert_eq!(message.lines().count(), 2, "{message}");
    assert_contains(&message, r#"question "first": answer "e""#);
    assert_contains(
        &message,
        r#"question "second": choice "b" is wrong but has no `why`"#,
    );
}

#[test]
fn a_missing_file_is_reported() {
    let error = deck_compiler::compile_file(
        "/nonexistent/deck.toml".as_ref(),
        "decks/nope.toml",
        &common::pin(),
    )
    .unwrap_err()
    .to_string();
    assert_contains(&error, "decks/nope.toml: cannot read the deck file");
}

// ---- topics -------------------------------------------------------------------------------

#[test]
fn topics_are_compiled_in_order() {
    let deck = compile(VALID);
    let topics: Vec<(&str, &str)> = deck
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str()))
        .collect();
    assert_eq!(topics, [("basics", "Basics"), ("more", "More")]);
    assert_eq!(deck.questions[0].topic, "basics");
    assert_eq!(deck.questions[1].topic, "more");
}

#[test]
fn unknown_topic() {
    let message = errors(&valid_with(r#"topic = "more""#, r#"topic = "moar""#));
    assert_contains(
        &message,
        r#"question "second": topic "moar" is not a declared [[topic]] (basics, more)"#,
    );
}

#[test]
fn missing_topic_names_the_question() {
    let message = errors(&valid_with("topic = \"more\"\n", ""));
    assert_contains(&message, r#"question "second": missing field `topic`"#);
}

#[test]
fn empty_topic() {
    let message = errors(&valid_with(
        "[[topic]]\nid = \"more\"",
        "[[topic]]\nid = \"unused\"\ntitle = \"Unused\"\n\n[[topic]]\nid = \"more\"",
    ));
    assert_contains(
        &message,
        &format!(r#"{FILE}:11: topic "unused" has no questions"#),
    );
}

#[test]
fn duplicate_and_badly_named_topics() {
    let message = errors(&valid_with(
        "[[topic]]\nid = \"more\"",
        "[[topic]]\nid = \"basics\"\ntitle = \"Again\"\n\n[[topic]]\nid = \"more\"",
    ));
    assert_contains(&message, r#"topic "basics": duplicate topic id"#);
    let message = errors(
        &VALID
            .replace(r#"id = "basics""#, r#"id = "Basics""#)
            .replace(r#"topic = "basics""#, r#"topic = "Basics""#),
    );
    assert_contains(
        &message,
        r#"topic "Basics": topic id is not a lowercase slug"#,
    );
}

#[test]
fn a_deck_without_topics() {
    let start = VALID.find("[[topic]]").unwrap();
    let end = VALID.find("[[question]]").unwrap();
    let no_topics = format!("{}{}", &VALID[..start], &VALID[end..]);
    let message = errors(&no_topics);
    assert_contains(&message, "the deck has no topics");
    assert_contains(
        &message,
        r#"question "first": topic "basics" is not a declared"#,
    );
}

// ---- multi-select -------------------------------------------------------------------------

const MULTI: &str = r#"answer = ["a", "b"]
explanation = "Because."
"#;

fn multi_deck() -> String {
    valid_with("answer = \"a\"\nexplanation = \"Because.\"\n", MULTI).replace(
        "text = \"This one.\"",
        "text = \"This one.\"\nwhy = \"Right, that is one.\"",
    )
}

#[test]
fn an_answer_array_makes_a_multi_select_question() {
    let deck = compile(&multi_deck());
    let second = &deck.questions[1];
    assert_eq!(second.kind, deck_compiler::Kind::Multiple);
    assert!(second.choices.iter().all(|c| c.correct));
    assert_eq!(second.choices[0].reason_html, "Right, that is one.");
    assert_eq!(deck.questions[0].kind, deck_compiler::Kind::Single);

    // One element is still "select all that apply".
    let one = compile(&valid_with(r#"answer = "a""#, r#"answer = ["a"]"#).replace(
        "text = \"This one.\"",
        "text = \"This one.\"\nwhy = \"Right.\"",
    ));
    assert_eq!(one.questions[1].kind, deck_compiler::Kind::Multiple);
    assert!(one.questions[1].choices[0].correct);
    assert!(!one.questions[1].choices[1].correct);
}

#[test]
fn multi_select_right_choices_need_a_why() {
    let message = errors(&valid_with(r#"answer = "a""#, r#"answer = ["a", "b"]"#));
    assert_contains(
        &message,
        r#"question "second": choice "a" is right in a multi-select question but has no `why`"#,
    );
}

#[test]
fn multi_select_answer_not_among_choices() {
    let message = errors(&multi_deck().replace(r#"["a", "b"]"#, r#"["a", "e", "f"]"#));
    assert_contains(
        &message,
        r#"question "second": answer "e", "f" are not among the choices (a, b)"#,
    );
    let message = errors(&multi_deck().replace(r#"["a", "b"]"#, r#"["a", "a"]"#));
    assert_contains(&message, r#"question "second": answer lists "a" twice"#);
    let message = errors(&multi_deck().replace(r#"["a", "b"]"#, "[]"));
    assert_contains(
        &message,
        r#"question "second": `answer = []` names no choice"#,
    );
    let message = errors(&multi_deck().replace(r#"["a", "b"]"#, r#"["a", 2]"#));
    assert_contains(&message, "the array holds a non-string");
}

#[test]
fn multi_select_changes_the_hash_but_single_hashes_stay() {
    let single = compile(VALID);
    let multi = compile(&multi_deck());
    assert_eq!(single.questions[0].hash, multi.questions[0].hash);
    let one = compile(&valid_with(r#"answer = "a""#, r#"answer = ["a"]"#).replace(
        "text = \"This one.\"",
        "text = \"This one.\"\nwhy = \"Right.\"",
    ));
    assert_ne!(single.questions[1].hash, one.questions[1].hash);
}

// ---- evidence -----------------------------------------------------------------------------

#[test]
fn evidence_is_compiled_without_the_check_code() {
    use deck_compiler::Evidence;
    let deck = compile(VALID);
    assert_eq!(
        deck.questions[0].evidence,
        Evidence::Source {
            title: "Built-in Functions".into(),
            url: "https://docs.python.org/3/library/functions.html".into(),
            version: "3.11".into(),
        }
    );
    assert_eq!(
        deck.questions[1].evidence,
        Evidence::Checked {
            django: "5.2.19".into()
        }
    );
    let rust = deck.to_rust(FILE);
    assert!(!rust.contains("def main"), "{rust}");
    assert!(!rust.contains("returns"), "{rust}");
}

#[test]
fn a_question_with_neither_check_nor_source() {
    let start = VALID.find("source = {").unwrap();
    let end = start + VALID[start..].find('\n').unwrap() + 1;
    let deck = format!("{}{}", &VALID[..start], &VALID[end..]);
    assert_contains(
        &errors(&deck),
        &format!(r#"{FILE}:15: question "first": has neither a `check` nor a `source`"#),
    );
}

#[test]
fn a_question_with_both_check_and_source() {
    let deck = valid_with(
        "explanation = \"Because.\"\n",
        "explanation = \"Because.\"\nsource = { title = \"T\", url = \"https://example.org/\", version = \"1\" }\n",
    );
    assert_contains(
        &errors(&deck),
        r#"question "second": has both a `check` and a `source`"#,
    );
}

#[test]
fn check_shape_is_validated() {
    let message = errors(&valid_with(r#"run = "script""#, r#"run = "shell""#));
    assert_contains(
        &message,
        r#"question "second": check: `run = "shell"` is not one of view, server, script"#,
    );

    let message = errors(&valid_with("expect = { returns = 2 }\n", ""));
    assert_contains(&message, r#"question "second": choice "b" has no `expect`"#);

    let message = errors(&valid_with(
        "expect = { returns = 2 }",
        "expect = { retruns = 2 }",
    ));
    assert_contains(
        &message,
        r#"question "second": choice "b": `expect`: unknown key `retruns`"#,
    );

    let message = errors(&valid_with(
        "code = \"def main(): return 1\"",
        "claim = { returns = 1 }",
    ));
    assert_contains(
        &message,
        r#"question "second": choice "a": the check has no question-level `code`, so the choice needs a ```python block"#,
    );

    let message = errors(&valid_with(
        "code = \"def main(): return 1\"",
        "code = \"def main(): return 1\"\nclaim = { returns = 1 }",
    ));
    assert_contains(&message, "check: `claim` is only for per-choice code");

    let message = errors(&valid_with("code = \"def main(): return 1\"\n", ""));
    assert_contains(
        &message,
        "check: without `code` the oracle runs the prompt's ```python block, but the prompt has none",
    );

    let message = errors(&valid_with(
        r#"run = "script""#,
        "run = \"script\"\nruns = 2",
    ));
    assert_contains(&message, r#"question "second": unknown field `runs`"#);
}

#[test]
fn expect_without_a_check() {
    let message = errors(&valid_with(
        "why = \"`print` writes to standard output.\"",
        "why = \"`print` writes to standard output.\"\nexpect = { status = 200 }",
    ));
    assert_contains(
        &message,
        r#"question "first": choice "a" has `code` or `expect` but the question has no [question.check]"#,
    );
}

#[test]
fn sources_are_validated() {
    let message = errors(&valid_with(
        r#"url = "https://docs.python.org/3/library/functions.html""#,
        r#"url = "http://docs.python.org/""#,
    ));
    assert_contains(
        &message,
        r#"question "first": source: url "http://docs.python.org/" is not https"#,
    );
    let message = errors(&valid_with(
        r#"url = "https://docs.python.org/3/library/functions.html", version = "3.11""#,
        r#"url = "https://docs.djangoproject.com/en/5.1/topics/async/", version = "5.2""#,
    ));
    assert_contains(&message, r#"is not the version "5.2" docs"#);
    let message = errors(&valid_with(r#"version = "3.11""#, r#"version = """#));
    assert_contains(&message, r#"question "first": source: `version` is empty"#);
    let message = errors(&valid_with(
        r#"version = "3.11""#,
        r#"version = "3.11", page = 2"#,
    ));
    assert_contains(&message, r#"question "first": unknown field `page`"#);
}

#[test]
fn the_oracle_pin_is_read_from_requirements() {
    use deck_compiler::OraclePin;
    let pin =
        OraclePin::parse("# pins\nasgiref==3.13.0\nDjango==5.2.19  # the one\nuvicorn==0.54.0\n");
    assert_eq!(pin.map(|p| p.django).as_deref(), Some("5.2.19"));
    assert_eq!(OraclePin::parse("django>=5.2\n"), None);
    assert_eq!(OraclePin::parse("Django==5.2.x\n"), None);
}
