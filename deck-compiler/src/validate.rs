//! The rules a deck must follow beyond its shape: ids, uniqueness, the answer key, the reasons.

use std::collections::HashSet;

use crate::error::{DeckError, Subject};
use crate::source::{SourceDeck, SourceQuestion};

/// A question must offer at least this many choices.
pub const MIN_CHOICES: usize = 2;

/// Every rule broken by `deck`, in file order.
pub(crate) fn validate(file: &str, deck: &SourceDeck) -> Vec<DeckError> {
    let mut errors = Vec::new();
    let deck_error = |message: String| DeckError {
        file: file.to_owned(),
        line: None,
        subject: Subject::File,
        message,
    };
    if !is_slug(&deck.id) {
        errors.push(deck_error(format!("deck id {:?} {SLUG_RULE}", deck.id)));
    }
    if deck.title.is_empty() {
        errors.push(deck_error("deck `title` is empty".to_owned()));
    }
    if deck.description.is_empty() {
        errors.push(deck_error("deck `description` is empty".to_owned()));
    }
    if deck.questions.is_empty() {
        errors.push(deck_error(
            "the deck has no questions: add a [[question]] table".to_owned(),
        ));
    }

    let mut seen_ids = HashSet::new();
    for question in &deck.questions {
        let mut problems = Vec::new();
        if !seen_ids.insert(question.id.as_str()) {
            problems.push(format!(
                "duplicate question id {:?}: question ids must be unique in a deck",
                question.id
            ));
        }
        check_question(question, &mut problems);
        errors.extend(problems.into_iter().map(|message| DeckError {
            file: file.to_owned(),
            line: Some(question.line),
            subject: question.subject(),
            message,
        }));
    }
    errors
}

fn check_question(question: &SourceQuestion, problems: &mut Vec<String>) {
    if !is_slug(&question.id) {
        problems.push(format!("question id {:?} {SLUG_RULE}", question.id));
    }
    for (field, text) in [
        ("prompt", &question.prompt),
        ("hint", &question.hint),
        ("explanation", &question.explanation),
    ] {
        if text.is_empty() {
            problems.push(format!("`{field}` is empty"));
        }
    }

    let choices = &question.choices;
    if choices.len() < MIN_CHOICES {
        problems.push(format!(
            "has {} choice{}; a question needs at least {MIN_CHOICES} ([[question.choice]] tables)",
            choices.len(),
            if choices.len() == 1 { "" } else { "s" }
        ));
    }
    // With a broken answer key, which choices are wrong is unknown: judge no `why` then.
    let answer_known = choices.iter().any(|choice| choice.id == question.answer);
    let mut seen_ids = HashSet::new();
    for choice in choices {
        if !is_slug(&choice.id) {
            problems.push(format!("choice id {:?} {SLUG_RULE}", choice.id));
        }
        if !seen_ids.insert(choice.id.as_str()) {
            problems.push(format!("duplicate choice id {:?}", choice.id));
        }
        if choice.text.is_empty() {
            problems.push(format!("choice {:?}: `text` is empty", choice.id));
        }
        if !answer_known {
            continue;
        }
        let correct = choice.id == question.answer;
        match (&choice.why, correct) {
            (Some(_), true) => problems.push(format!(
                "choice {:?} is the answer but has a `why`: only wrong choices carry one \
                 (say why it is right in the `explanation`)",
                choice.id
            )),
            (None, false) => problems.push(format!(
                "choice {:?} is wrong but has no `why`: every wrong choice needs a one-line reason",
                choice.id
            )),
            (Some(why), false) if why.is_empty() => {
                problems.push(format!("choice {:?}: `why` is empty", choice.id))
            }
            _ => {}
        }
    }
    if !answer_known {
        let ids: Vec<&str> = choices.iter().map(|choice| choice.id.as_str()).collect();
        problems.push(format!(
            "answer {:?} is not among the choices ({})",
            question.answer,
            ids.join(", ")
        ));
    }
}

const SLUG_RULE: &str =
    "is not a lowercase slug (letters a-z, digits 0-9, single hyphens between them)";

/// `a`, `why-async`, `q2`: lowercase ASCII words joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
