//! Each way a deck can be wrong fails with its own message naming the file and the question.

mod common;

use common::{
    assert_contains, compile, errors, order_line, order_with, valid_with, with_order, FILE, VALID,
};

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
        &format!(r#"{FILE}:19: question "first": answer "e" is not among the choices (a, b)"#),
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
        &format!(r#"{FILE}:43: question "second": missing field `hint`"#),
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
        &format!(r#"{FILE}:47: question "second": duplicate key"#),
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
        &format!(r#"{FILE}:15: topic "unused" has no questions"#),
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
    assert_eq!(deck.questions[1].evidence, Evidence::Checked);
    let rust = common::rust(&deck);
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
        &format!(r#"{FILE}:19: question "first": has neither a `check` nor a `source`"#),
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

// ---- handlers -----------------------------------------------------------------------------

/// The errors of `VALID` with the second question's check given `run` and `handlers`.
fn handlers_errors(run: &str, handlers: &str) -> String {
    errors(&valid_with(
        r#"run = "script""#,
        &format!("run = {run:?}\nhandlers = {handlers}"),
    ))
}

#[test]
fn handlers_name_or_narrow_the_default_set() {
    for (run, handlers) in [
        ("script", r#"["script"]"#),
        ("view", r#"["asgi"]"#),
        ("view", r#"["wsgi", "async-client"]"#),
        ("view", r#"["asgi", "async-client", "wsgi"]"#),
        ("server", r#"["asgi"]"#),
        ("server", r#"["wsgi"]"#),
    ] {
        compile(&valid_with(
            r#"run = "script""#,
            &format!("run = {run:?}\nhandlers = {handlers}"),
        ));
    }
    use deck_compiler::{default_handlers, Handler, Runner};
    assert_eq!(
        default_handlers(Runner::Django, "view"),
        [Handler::Asgi, Handler::AsyncClient]
    );
    assert_eq!(default_handlers(Runner::Django, "server"), [Handler::Asgi]);
    assert_eq!(
        default_handlers(Runner::Django, "script"),
        [Handler::Script]
    );
    assert_eq!(
        default_handlers(Runner::Python, "script"),
        [Handler::Script]
    );
}

#[test]
fn handlers_must_be_known() {
    assert_contains(
        &handlers_errors("view", r#"["asgi", "daphne"]"#),
        &format!(
            r#"{FILE}:43: question "second": check: unknown handler "daphne" (known: asgi, async-client, wsgi, script)"#
        ),
    );
}

#[test]
fn handlers_must_not_be_empty() {
    assert_contains(
        &handlers_errors("view", "[]"),
        &format!(
            r#"{FILE}:43: question "second": check: `handlers = []` names no handler: leave it out for the default (asgi, async-client)"#
        ),
    );
}

#[test]
fn handlers_must_not_repeat() {
    assert_contains(
        &handlers_errors("view", r#"["asgi", "asgi"]"#),
        &format!(r#"{FILE}:43: question "second": check: `handlers` lists "asgi" twice"#),
    );
}

#[test]
fn a_view_runs_under_request_handlers_only() {
    assert_contains(
        &handlers_errors("view", r#"["asgi", "script"]"#),
        &format!(
            r#"{FILE}:43: question "second": check: `run = "view"` takes any of "asgi", "async-client", "wsgi" as `handlers`, not ["asgi", "script"]"#
        ),
    );
}

#[test]
fn a_server_is_one_real_server() {
    for handlers in [r#"["asgi", "wsgi"]"#, r#"["async-client"]"#] {
        assert_contains(
            &handlers_errors("server", handlers),
            &format!(
                r#"{FILE}:43: question "second": check: `run = "server"` takes one real server: ["asgi"] or ["wsgi"] as `handlers`, not {handlers}"#
            ),
        );
    }
}

#[test]
fn a_script_runs_under_script_only() {
    assert_contains(
        &handlers_errors("script", r#"["asgi"]"#),
        &format!(
            r#"{FILE}:43: question "second": check: `run = "script"` takes only ["script"] as `handlers`, not ["asgi"]"#
        ),
    );
}

#[test]
fn handlers_must_be_strings() {
    assert_contains(
        &handlers_errors("view", "[1]"),
        r#"question "second": invalid type: integer `1`, expected a string"#,
    );
}

// ---- proofs -------------------------------------------------------------------------------

const PROOF: &str = r#"
[[question.proof]]
says = "`main` returns one."
run = "script"
code = "def main(): return 1"
expect = { returns = 1 }
"#;

/// `VALID` with `PROOF` (changed by `from` → `to`) as the second question's proof.
fn with_proof(from: &str, to: &str) -> String {
    assert!(PROOF.contains(from), "{from:?}");
    valid_with(
        "code = \"def main(): return 1\"\n",
        &format!(
            "code = \"def main(): return 1\"\n{}",
            PROOF.replacen(from, to, 1)
        ),
    )
}

#[test]
fn proofs_are_validated_but_not_compiled_in() {
    let deck = compile(&with_proof("run", "run"));
    let rust = common::rust(&deck);
    assert!(!rust.contains("returns one"), "{rust}");
    assert!(!rust.contains("def main"), "{rust}");
    // Proofs do not change what a learner sees, so not the hash either.
    assert_eq!(deck.questions[1].hash, compile(VALID).questions[1].hash);
    // Several proofs, under named handlers.
    compile(&with_proof(
        "run = \"script\"\n",
        "run = \"view\"\nhandlers = [\"wsgi\"]\nsetup = \"X = 1\"\nenv = { A = \"1\" }\n",
    ));
}

#[test]
fn a_proof_needs_says_code_and_expect() {
    for (field, line) in [
        ("says", "says = \"`main` returns one.\"\n"),
        ("code", "code = \"def main(): return 1\"\n"),
        ("expect", "expect = { returns = 1 }\n"),
        ("run", "run = \"script\"\n"),
    ] {
        assert_contains(
            &errors(&with_proof(line, "")),
            &format!(r#"{FILE}:43: question "second": proof 0: missing field `{field}`"#),
        );
    }
}

#[test]
fn a_proof_has_no_unknown_fields() {
    assert_contains(
        &errors(&with_proof(
            "run = \"script\"",
            "run = \"script\"\nclaim = { returns = 1 }",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: unknown field `claim`"#),
    );
}

#[test]
fn a_proof_says_one_non_empty_line() {
    assert_contains(
        &errors(&with_proof(
            "says = \"`main` returns one.\"",
            "says = \" \"",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `says` is empty"#),
    );
    assert_contains(
        &errors(&with_proof(
            "says = \"`main` returns one.\"",
            "says = '''\nOne.\nTwo.'''",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `says` must be one line"#),
    );
}

#[test]
fn a_proof_runs_like_a_check() {
    assert_contains(
        &errors(&with_proof("run = \"script\"", "run = \"shell\"")),
        &format!(
            r#"{FILE}:43: question "second": proof 0: `run = "shell"` is not one of view, server, script"#
        ),
    );
    assert_contains(
        &errors(&with_proof(
            "run = \"script\"",
            "run = \"script\"\nhandlers = [\"asgi\"]",
        )),
        &format!(
            r#"{FILE}:43: question "second": proof 0: `run = "script"` takes only ["script"] as `handlers`, not ["asgi"]"#
        ),
    );
    assert_contains(
        &errors(&with_proof(
            "run = \"script\"",
            "run = \"script\"\nsetup = \"\"",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `setup` is empty"#),
    );
    assert_contains(
        &errors(&with_proof(
            "run = \"script\"",
            "run = \"script\"\nenv = { A = 1 }",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `env.A` must be a string"#),
    );
}

#[test]
fn a_proof_has_code_and_a_known_expect() {
    assert_contains(
        &errors(&with_proof(
            "code = \"def main(): return 1\"",
            "code = \"  \"",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `code` is empty"#),
    );
    assert_contains(
        &errors(&with_proof(
            "expect = { returns = 1 }",
            "expect = { retruns = 1 }",
        )),
        &format!(r#"{FILE}:43: question "second": proof 0: `expect`: unknown key `retruns`"#),
    );
    assert_contains(
        &errors(&with_proof("expect = { returns = 1 }", "expect = {}")),
        &format!(r#"{FILE}:43: question "second": proof 0: `expect` is empty"#),
    );
}

#[test]
fn the_second_proof_is_proof_1() {
    let deck = valid_with(
        "code = \"def main(): return 1\"\n",
        &format!(
            "code = \"def main(): return 1\"\n{PROOF}{}",
            PROOF.replace("says = \"`main` returns one.\"", "says = \"\"")
        ),
    );
    let message = errors(&deck);
    assert_contains(
        &message,
        &format!(r#"{FILE}:43: question "second": proof 1: `says` is empty"#),
    );
    assert!(!message.contains("proof 0"), "{message}");
}

// ---- order questions ----------------------------------------------------------------------

#[test]
fn an_order_question_compiles_in_file_order_with_every_choice_correct() {
    use deck_compiler::Kind;
    let deck = compile(&with_order());
    let order = &deck.questions[2];
    assert_eq!(order.kind, Kind::Order);
    let ids: Vec<&str> = order.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(order.choices.iter().all(|c| c.correct));
    assert_eq!(order.choices[2].reason_html, "It slept for less time.");
    assert_eq!(order.choices[0].reason_html, "");
    let rust = common::rust(&deck);
    assert_contains(&rust, "kind: QuestionKind::Order,");
    // The events and the proof are the oracle's, not the app's.
    assert!(!rust.contains("start 1"), "{rust}");
    assert!(!rust.contains("The second request"), "{rust}");
}

#[test]
fn an_order_question_has_three_to_six_choices() {
    let start = common::ORDER
        .find("\n[[question.choice]]\nid = \"c\"")
        .unwrap();
    let two = format!("{VALID}{}", &common::ORDER[..start]);
    assert_contains(
        &errors(&two),
        &format!(
            r#"{FILE}:{}: question "gather-order": an order question has 2 choices; it needs 3 to 6 ([[question.choice]] tables)"#,
            order_line()
        ),
    );
    let extra: String = (0..3)
        .map(|n| {
            format!("\n[[question.choice]]\nid = \"x{n}\"\ntext = \"More\"\nevent = \"x{n}\"\n")
        })
        .collect();
    assert_contains(
        &errors(&format!("{}{extra}", with_order())),
        &format!(
            r#"{FILE}:{}: question "gather-order": an order question has 7 choices; it needs 3 to 6"#,
            order_line()
        ),
    );
    let extra: String = (0..2)
        .map(|n| {
            format!("\n[[question.choice]]\nid = \"x{n}\"\ntext = \"More\"\nevent = \"x{n}\"\n")
        })
        .collect();
    compile(&format!("{}{extra}", with_order()));
}

#[test]
fn an_order_question_has_no_answer() {
    assert_contains(
        &errors(&order_with(
            "kind = \"order\"\n",
            "kind = \"order\"\nanswer = \"a\"\n",
        )),
        &format!(
            r#"{FILE}:{}: question "gather-order": an order question has no `answer`: the right order is the order of its choices in the file"#,
            order_line()
        ),
    );
}

#[test]
fn every_order_choice_has_an_event() {
    assert_contains(
        &errors(&order_with("event = \"start 2\"\n", "")),
        &format!(
            r#"{FILE}:{}: question "gather-order": choice "b" has no `event`: in an order question each choice names the string the check's code appends to `events` when it happens"#,
            order_line()
        ),
    );
}

#[test]
fn order_events_are_not_empty() {
    assert_contains(
        &errors(&order_with("event = \"start 2\"", "event = \" \"")),
        &format!(
            r#"{FILE}:{}: question "gather-order": choice "b": `event` is empty"#,
            order_line()
        ),
    );
}

#[test]
fn order_events_are_unique() {
    assert_contains(
        &errors(&order_with("event = \"end 2\"", "event = \"start 1\"")),
        &format!(
            r#"{FILE}:{}: question "gather-order": choices "a" and "d" have the same `event` "start 1": each event of an order question is unique"#,
            order_line()
        ),
    );
}

#[test]
fn order_choices_have_no_expect() {
    assert_contains(
        &errors(&order_with(
            "event = \"start 2\"",
            "event = \"start 2\"\nexpect = { status = 200 }",
        )),
        &format!(
            r#"{FILE}:{}: question "gather-order": choice "b" has an `expect`: an order question's claim is the order of its choices' events, not per-choice outcomes"#,
            order_line()
        ),
    );
}

#[test]
fn order_choices_have_no_code() {
    assert_contains(
        &errors(&order_with(
            "event = \"start 2\"",
            "event = \"start 2\"\ncode = \"x = 1\"",
        )),
        &format!(
            r#"{FILE}:{}: question "gather-order": choice "b" has `code`: an order question runs one piece of code, the check's"#,
            order_line()
        ),
    );
}

#[test]
fn an_order_check_has_no_claim() {
    assert_contains(
        &errors(&order_with(
            "run = \"server\"",
            "run = \"server\"\nclaim = { status = 200 }",
        )),
        &format!(
            r#"{FILE}:{}: question "gather-order": check: an order question has no `claim`: its claim is the order of its choices' events"#,
            order_line()
        ),
    );
}

#[test]
fn an_order_question_needs_a_check() {
    let start = common::ORDER.find("[question.check]").unwrap();
    let end = common::ORDER.find("[[question.proof]]").unwrap();
    let sourced = format!(
        "{VALID}{}source = {{ title = \"T\", url = \"https://example.org/\", version = \"1\" }}\n\n{}",
        &common::ORDER[..start],
        &common::ORDER[end..]
    );
    let message = errors(&sourced);
    assert_contains(
        &message,
        &format!(
            r#"{FILE}:{}: question "gather-order": an order question needs a [question.check] whose code appends its events (a `source` is not enough)"#,
            order_line()
        ),
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn an_order_check_has_code_to_run() {
    assert_contains(
        &errors(&order_with(
            "code = '''\nasync def my_view(request):\n    events.append(\"start\")\n'''\n",
            "",
        )),
        &format!(
            r#"{FILE}:{}: question "gather-order": check: without `code` the oracle runs the prompt's ```python block, but the prompt has none or several: give the check a `code` that appends the events"#,
            order_line()
        ),
    );
}

#[test]
fn events_belong_to_order_questions_only() {
    assert_contains(
        &errors(&valid_with(
            "text = \"That one.\"",
            "text = \"That one.\"\nevent = \"b\"",
        )),
        &format!(
            r#"{FILE}:43: question "second": choice "b" has an `event`, which only the choices of an order question (`kind = "order"`) have"#
        ),
    );
}

#[test]
fn kind_is_order_or_absent() {
    assert_contains(
        &errors(&valid_with(
            "topic = \"more\"\n",
            "topic = \"more\"\nkind = \"single\"\n",
        )),
        &format!(
            r#"{FILE}:43: question "second": `kind = "single"` is not a kind: write `kind = "order"`, or leave `kind` out for single or multiple choice (decided by `answer`)"#
        ),
    );
}

#[test]
fn a_choice_question_needs_an_answer() {
    assert_contains(
        &errors(&valid_with("answer = \"a\"\n", "")),
        &format!(r#"{FILE}:43: question "second": missing field `answer`"#),
    );
}

#[test]
fn order_choices_follow_the_common_rules() {
    let message = errors(&order_with(
        "why = \"It slept for less time.\"",
        "why = \"\"",
    ));
    assert_contains(
        &message,
        &format!(
            r#"{FILE}:{}: question "gather-order": choice "c": `why` is empty"#,
            order_line()
        ),
    );
    let message = errors(&order_with("id = \"d\"", "id = \"a\""));
    assert_contains(
        &message,
        r#"question "gather-order": duplicate choice id "a""#,
    );
}

// ---- hint_allows --------------------------------------------------------------------------

#[test]
fn hint_allows_lists_lowercase_words() {
    compile(&valid_with(
        "topic = \"more\"\n",
        "topic = \"more\"\nhint_allows = [\"one\", \"sync_to_async\"]\n",
    ));
    assert_contains(
        &errors(&valid_with(
            "topic = \"more\"\n",
            "topic = \"more\"\nhint_allows = [\"This one\"]\n",
        )),
        &format!(
            r#"{FILE}:43: question "second": `hint_allows`: "This one" is not a word as the hint lint reads them (lowercase letters, digits and `_`)"#
        ),
    );
}
