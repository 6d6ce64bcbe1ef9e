//! The deck the app ships compiles, and says what the issue requires of it.

use deck_compiler::{compile_file, CompiledDeck, CompiledQuestion};

fn real_deck() -> CompiledDeck {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../decks/django-async.toml");
    compile_file(&path, "decks/django-async.toml").unwrap_or_else(|errors| panic!("{errors}"))
}

fn answer(question: &CompiledQuestion) -> &str {
    let correct: Vec<_> = question.choices.iter().filter(|c| c.correct).collect();
    assert_eq!(correct.len(), 1, "{}", question.id);
    &correct[0].id
}

#[test]
fn the_real_deck_compiles() {
    let deck = real_deck();
    assert_eq!(deck.id, "django-async");
    let summary: Vec<(&str, &str)> = deck
        .questions
        .iter()
        .map(|q| (q.id.as_str(), answer(q)))
        .collect();
    assert_eq!(
        summary,
        [
            ("async-view-benefit", "c"),
            ("what-await-does", "a"),
            ("correct-async-view", "b"),
            ("sync-orm-in-async-view", "d"),
            ("mixed-sync-async-orm", "c"),
        ]
    );
    for question in &deck.questions {
        assert_eq!(question.choices.len(), 4, "{}", question.id);
        for choice in &question.choices {
            assert_eq!(
                choice.correct,
                choice.reason_html.is_empty(),
                "{} {}",
                question.id,
                choice.id
            );
        }
    }
}

#[test]
fn code_in_the_real_deck_is_highlighted_python() {
    let deck = real_deck();
    let q3 = &deck.questions[2];
    for choice in &q3.choices {
        assert!(
            choice
                .html
                .starts_with("<pre><code class=\"language-python\">"),
            "{}",
            choice.html
        );
        assert!(choice.html.contains("hl-keyword"), "{}", choice.html);
    }
    // Indentation survived: the body lines of each view are indented by four spaces.
    assert!(
        q3.choices[1].html.contains("\n    "),
        "{}",
        q3.choices[1].html
    );
}

#[test]
fn q4_and_q5_carry_the_corrected_answers() {
    let deck = real_deck();
    for index in [3, 4] {
        let question = &deck.questions[index];
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
    assert!(deck.questions[4].explanation_html.contains("never runs"));
}
