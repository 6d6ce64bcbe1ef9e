//! The deck the app ships compiles, and says what the issue requires of it.

use deck_compiler::{
    compile_file, CompiledDeck, CompiledQuestion, Evidence, Kind, OraclePin, ORACLE_REQUIREMENTS,
};

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pin() -> OraclePin {
    OraclePin::read(&root().join(ORACLE_REQUIREMENTS), ORACLE_REQUIREMENTS)
        .unwrap_or_else(|errors| panic!("{errors}"))
}

fn real_deck() -> CompiledDeck {
    let path = root().join("decks/django-async.toml");
    compile_file(&path, "decks/django-async.toml", &pin())
        .unwrap_or_else(|errors| panic!("{errors}"))
}

fn answer(question: &CompiledQuestion) -> &str {
    let correct: Vec<_> = question.choices.iter().filter(|c| c.correct).collect();
    assert_eq!(correct.len(), 1, "{}", question.id);
    &correct[0].id
}

fn question<'a>(deck: &'a CompiledDeck, id: &str) -> &'a CompiledQuestion {
    deck.questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn the_real_deck_compiles_and_keeps_the_seed_answers() {
    let deck = real_deck();
    assert_eq!(deck.id, "django-async");
    for (id, right) in [
        ("async-view-benefit", "c"),
        ("what-await-does", "a"),
        ("correct-async-view", "b"),
        ("sync-orm-in-async-view", "d"),
    ] {
        assert_eq!(answer(question(&deck, id)), right, "{id}");
    }
    // The seed's Q5 taught what Q4 does; it now teaches the model-instance methods.
    let q5 = question(&deck, "mixed-sync-async-orm");
    assert_eq!(q5.kind, Kind::Multiple);
    let right: Vec<&str> = q5
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(right, ["b", "c"]);
}

#[test]
fn the_real_deck_is_big_grouped_and_mostly_proven() {
    let deck = real_deck();
    assert!(deck.questions.len() >= 30, "{}", deck.questions.len());
    assert!(
        (6..=8).contains(&deck.topics.len()),
        "{}",
        deck.topics.len()
    );
    let multi = deck
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Multiple)
        .count();
    assert!(multi >= 5, "{multi} multi-select questions");
    let checked = deck
        .questions
        .iter()
        .filter(|q| q.evidence == Evidence::Checked)
        .count();
    assert!(
        checked * 2 > deck.questions.len(),
        "{checked} of {} proven",
        deck.questions.len()
    );
    for question in &deck.questions {
        // The stats page names it by this: text, not the prompt's code or further paragraphs.
        let (start, end) = question.title_in_prompt;
        let title = &question.prompt_html[start..end];
        assert!(
            title.len() > 10 && !title.contains("<pre") && !title.contains("<p>"),
            "{}: {title:?}",
            question.id
        );
        match question.kind {
            Kind::Order => assert!((3..=6).contains(&question.choices.len()), "{}", question.id),
            _ => assert_eq!(question.choices.len(), 4, "{}", question.id),
        }
        for choice in &question.choices {
            // Every wrong choice, and every right choice of a multi-select question, says why.
            if question.kind != Kind::Order && (!choice.correct || question.kind == Kind::Multiple)
            {
                assert!(
                    !choice.reason_html.is_empty(),
                    "{} {}",
                    question.id,
                    choice.id
                );
            }
        }
        if let Evidence::Source { url, version, .. } = &question.evidence {
            assert_eq!(version, "5.2", "{}", question.id);
            assert!(
                url.starts_with("https://docs.djangoproject.com/en/5.2/"),
                "{url}"
            );
        }
    }
}

#[test]
fn code_in_the_real_deck_is_highlighted_python() {
    let deck = real_deck();
    let q3 = question(&deck, "correct-async-view");
    for choice in &q3.choices {
        assert!(
            choice.html.starts_with("<code class=code-block>"),
            "{}",
            choice.html
        );
        assert!(choice.html.contains("<span class=k>"), "{}", choice.html);
    }
    // Indentation survived: the body lines of each view are indented by four spaces, each line
    // its own element marked with its level.
    assert!(
        q3.choices[1]
            .html
            .contains("<span class=\"ln i1\"><span class=\"ind\">    </span>"),
        "{}",
        q3.choices[1].html
    );
}

#[test]
fn q4_carries_the_corrected_answer() {
    let deck = real_deck();
    let question = question(&deck, "sync-orm-in-async-view");
    let right = question.choices.iter().find(|c| c.correct).unwrap();
    assert!(
        right.html.contains("SynchronousOnlyOperation"),
        "{}",
        right.html
    );
    assert!(right.html.contains("HTTP 500"), "{}", right.html);
    for needle in [
        "SynchronousOnlyOperation",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "async.E001",
    ] {
        assert!(
            question.explanation_html.contains(needle),
            "{} lacks {needle}",
            question.id
        );
    }
    // The seed's answer survives only as a wrong choice that says when it would be true.
    assert!(
        question
            .choices
            .iter()
            .any(|c| !c.correct && c.reason_html.contains("DJANGO_ALLOW_ASYNC_UNSAFE")),
        "{}",
        question.id
    );
}

#[test]
fn the_real_deck_can_be_linted() {
    // Warnings are the author's to weigh (build.rs prints them); they never fail the build.
    let path = root().join("decks/django-async.toml");
    let warnings = deck_compiler::lint_file(&path, "decks/django-async.toml")
        .unwrap_or_else(|errors| panic!("{errors}"));
    for warning in &warnings {
        let text = warning.to_string();
        assert!(text.starts_with("decks/django-async.toml:"), "{text}");
        assert!(text.contains(": warning: "), "{text}");
    }
}
