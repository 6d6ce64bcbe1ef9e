//! Lints: warnings, never errors, printed by build.rs as `cargo::warning=` lines.

mod common;

use common::{valid_with, with_order, FILE, VALID};
use deck_compiler::{lint_str, CHOICE_CODE_LINE_MAX, CODE_LINE_MAX};

fn warnings(text: &str) -> Vec<String> {
    // A deck the lints warn about still compiles.
    common::compile(text);
    lint_str(FILE, text)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// `VALID` with the second question's choices "The loop keeps serving." (right) and
/// "The worker blocks." (wrong), and `hint`.
fn with_hint(hint: &str) -> String {
    valid_with("hint = \"Any hint.\"", &format!("hint = {hint:?}"))
        .replace("text = \"This one.\"", "text = \"The loop keeps serving.\"")
        .replace("text = \"That one.\"", "text = \"The worker blocks.\"")
}

#[test]
fn the_fixture_has_no_warnings() {
    assert_eq!(warnings(VALID), Vec::<String>::new());
    assert_eq!(warnings(&with_order()), Vec::<String>::new());
}

#[test]
fn a_hint_sharing_words_with_the_right_choice_only() {
    assert_eq!(
        warnings(&with_hint("Who keeps serving?")),
        [format!(
            r#"{FILE}:43: question "second": warning: the hint shares "keeps", "serving" with the right choice (a) and with no wrong one, so it may give the answer away: reword the hint, or if it is fair, allow it with `hint_allows = ["keeps", "serving"]`"#
        )]
    );
}

#[test]
fn hint_words_in_a_wrong_choice_or_the_prompt_are_fair() {
    let wrong_too = with_hint("Who keeps serving?").replace(
        "text = \"The worker blocks.\"",
        "text = \"The worker keeps blocking.\"",
    );
    let found = warnings(&wrong_too);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(r#"the hint shares "serving" with"#),
        "{found:?}"
    );

    let in_prompt = with_hint("Who keeps serving?").replace(
        "prompt = \"Pick one.\"",
        "prompt = \"Who keeps serving, then?\"",
    );
    assert_eq!(warnings(&in_prompt), Vec::<String>::new());
}

#[test]
fn stop_words_and_short_words_are_not_distinctive() {
    // "is", "the" and "on" are stop words or short; "loop" (any case) is distinctive.
    let found = warnings(&with_hint("Is the LOOP on?"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(r#"the hint shares "loop" with"#),
        "{found:?}"
    );
    assert!(deck_compiler::STOP_WORDS.contains(&"the"));
    assert_eq!(deck_compiler::MIN_WORD_LEN, 3);
}

#[test]
fn words_are_lowercase_identifiers() {
    let words: Vec<String> =
        deck_compiler::words("Use `Sync_To_Async(f)`, asyncio.gather; HTTP-500!").collect();
    assert_eq!(
        words,
        [
            "use",
            "sync_to_async",
            "f",
            "asyncio",
            "gather",
            "http",
            "500"
        ]
    );
    let deck = with_hint("Try `Sync_To_Async`.")
        .replace("The loop keeps serving.", "Wrap it: `sync_to_async(f)`");
    let found = warnings(&deck);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(r#"the hint shares "sync_to_async" with"#),
        "{found:?}"
    );
}

#[test]
fn hint_allows_accepts_a_justified_word() {
    let allowed = with_hint("Who keeps serving?").replace(
        "topic = \"more\"\n",
        "topic = \"more\"\nhint_allows = [\"keeps\", \"serving\"]\n",
    );
    assert_eq!(warnings(&allowed), Vec::<String>::new());
    let partly = with_hint("Who keeps serving?").replace(
        "topic = \"more\"\n",
        "topic = \"more\"\nhint_allows = [\"keeps\"]\n",
    );
    let found = warnings(&partly);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(r#"the hint shares "serving" with the right choice (a)"#),
        "{found:?}"
    );
}

#[test]
fn an_unneeded_allowance_is_a_warning() {
    let deck = valid_with(
        "topic = \"more\"\n",
        "topic = \"more\"\nhint_allows = [\"other\"]\n",
    );
    assert_eq!(
        warnings(&deck),
        [format!(
            r#"{FILE}:43: question "second": warning: `hint_allows` lists "other", which the hint lint does not flag: drop it"#
        )]
    );
}

#[test]
fn multi_select_hints_are_judged_against_every_right_choice() {
    let deck = with_hint("Who keeps serving, or blocks?")
        .replace("answer = \"a\"", "answer = [\"a\", \"b\"]")
        .replace(
            "text = \"The loop keeps serving.\"",
            "text = \"The loop keeps serving.\"\nwhy = \"Yes.\"",
        );
    let found = warnings(&deck);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(
            r#"the hint shares "blocks", "keeps", "serving" with the right choices (a, b)"#
        ),
        "{found:?}"
    );
}

#[test]
fn order_hints_are_not_linted() {
    let deck = with_order().replace(
        "hint = \"Who waits longer?\"",
        "hint = \"Request 1 starts.\"",
    );
    assert_eq!(warnings(&deck), Vec::<String>::new());
}

// ---- code lines ---------------------------------------------------------------------------

#[test]
fn the_code_line_widths_are_a_phone_s() {
    // Measured in Chromium (13.25 px monospace, 7.94 px per character) at 390 px: a prompt's,
    // hint's or explanation's code block fits 42 characters, a choice's only 30.
    assert_eq!(CODE_LINE_MAX, 42);
    assert_eq!(CHOICE_CODE_LINE_MAX, 30);
}

#[test]
fn a_code_line_wider_than_a_phone() {
    let fits = format!("x = \"{}\"", "a".repeat(CODE_LINE_MAX - 6));
    let wide = format!("y = \"{}\"", "b".repeat(CODE_LINE_MAX - 5));
    assert_eq!(fits.chars().count(), CODE_LINE_MAX);
    assert_eq!(wide.chars().count(), CODE_LINE_MAX + 1);
    let deck = valid_with(
        "print(\"hi\")\n",
        &format!("print(\"hi\")\n{fits}\n{wide}\n"),
    );
    // VALID's prompt code: print at line 22, fits at 23, wide at 24.
    assert_eq!(
        warnings(&deck),
        [format!(
            r#"{FILE}:28: question "first": warning: prompt: a code line is 43 characters, wider than the 42 a 390 px phone shows: "y = \"{}\"""#,
            "b".repeat(CODE_LINE_MAX - 5)
        )]
    );
}

#[test]
fn a_choice_s_code_lines_are_held_to_the_narrower_width() {
    // 30 characters fit in a choice; 31 do not, though they would fit in a prompt.
    let fits = format!("x = {}", "1".repeat(CHOICE_CODE_LINE_MAX - 4));
    let wide = format!("y = {}", "2".repeat(CHOICE_CODE_LINE_MAX - 3));
    assert_eq!(fits.chars().count(), CHOICE_CODE_LINE_MAX);
    assert_eq!(wide.chars().count(), CHOICE_CODE_LINE_MAX + 1);
    assert!(wide.chars().count() <= CODE_LINE_MAX);
    let deck = valid_with(
        "text = \"That one.\"",
        &format!("text = '''\n```python\n{fits}\n{wide}\n```'''"),
    );
    assert_eq!(
        warnings(&deck),
        [format!(
            r#"{FILE}:65: question "second": warning: choice "b" text: a code line is 31 characters, wider than the 30 a 390 px phone shows: "{wide}""#
        )]
    );
    // The same lines in a prompt fit.
    let in_prompt = valid_with("print(\"hi\")\n", &format!("{fits}\n{wide}\n"));
    assert_eq!(warnings(&in_prompt), Vec::<String>::new());
}

#[test]
fn code_lines_in_choices_and_explanations_and_tabs() {
    let long = format!("z = {}", "1".repeat(CODE_LINE_MAX));
    let deck = valid_with(
        "text = \"That one.\"",
        &format!("text = '''\n```python\n{long}\n```'''"),
    )
    .replace(
        "explanation = \"Because.\"",
        &format!(
            "explanation = '''\nSee:\n\n```text\n\t{}\n```\n\nAnd `{long}` inline is fine.'''",
            "2".repeat(CODE_LINE_MAX - 3)
        ),
    );
    let found = warnings(&deck);
    assert_eq!(found.len(), 2, "{found:?}");
    // The tab counts to 4: 4 + 39 = 43.
    assert!(
        found[0].starts_with(&format!(
            r#"{FILE}:53: question "second": warning: explanation: a code line is 43 characters, wider than the 42 "#
        )),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(&format!(
            r#"{FILE}:56: question "second": warning: choice "b" text: a code line is 46 characters, wider than the 30 "#
        )),
        "{found:?}"
    );
}

#[test]
fn a_repeated_long_line_is_reported_where_each_one_is() {
    let long = format!("w = {}", "3".repeat(CODE_LINE_MAX));
    let deck = valid_with(
        "print(\"hi\")\n",
        &format!("{long}\nprint(\"hi\")\n{long}\n"),
    );
    let found = warnings(&deck);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with(&format!("{FILE}:26: ")), "{found:?}");
    assert!(found[1].starts_with(&format!("{FILE}:28: ")), "{found:?}");
}

#[test]
fn lints_need_a_readable_deck_only() {
    // A deck with rule errors is still linted (the build reports both).
    let broken = valid_with("hint = \"Any hint.\"", "hint = \"\"");
    assert!(lint_str(FILE, &broken).is_ok());
    // One that cannot be read at all is an error.
    assert!(lint_str(FILE, "[deck").is_err());
}
