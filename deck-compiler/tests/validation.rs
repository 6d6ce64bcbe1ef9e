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
        &format!(r#"{FILE}:7: question "first": answer "e" is not among the choices (a, b)"#),
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
        "\n[[question.choice]]\nid = \"b\"\ntext = \"That one.\"\nwhy = \"Not that one.\"\n",
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
fn right_choice_with_why() {
    let message = errors(&valid_with(
        "text = \"This one.\"",
        "text = \"This one.\"\nwhy = \"It is right.\"",
    ));
    assert_contains(
        &message,
        r#"question "second": choice "a" is the answer but has a `why`"#,
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
        &format!(r#"{FILE}:29: question "second": missing field `hint`"#),
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
        r#"question "second": invalid type: integer `1`, expected a string, in `answer`"#,
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
        &format!(r#"{FILE}:32: question "second": duplicate key"#),
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
    let error = deck_compiler::compile_file("/nonexistent/deck.toml".as_ref(), "decks/nope.toml")
        .unwrap_err()
        .to_string();
    assert_contains(&error, "decks/nope.toml: cannot read the deck file");
}
