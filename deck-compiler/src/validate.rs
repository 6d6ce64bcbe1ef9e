//! The rules a deck must follow beyond its shape: ids, uniqueness, the answer key, the reasons.

use std::collections::{HashMap, HashSet};

use toml::Table;

use crate::error::{DeckError, Subject};
use crate::source::{SourceCheck, SourceDeck, SourceQuestion, SourceRef};

/// A question must offer at least this many choices.
pub const MIN_CHOICES: usize = 2;

/// How the oracle runs a check (`[question.check] run = …`; see `tests/oracle/`).
pub const CHECK_RUNS: &[&str] = &["view", "server", "script"];

/// What a choice's `expect` (and a check's `claim`) may say about an observed outcome.
pub const EXPECT_KEYS: &[&str] = &[
    "status",
    "json",
    "body",
    "exception",
    "message",
    "compile_error",
    "returns",
    "events",
];

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

    if deck.topics.is_empty() {
        errors.push(deck_error(
            "the deck has no topics: add a [[topic]] table (id, title) and give each question a `topic`"
                .to_owned(),
        ));
    }
    let mut topic_questions: HashMap<&str, usize> = HashMap::new();
    for topic in &deck.topics {
        let topic_error = |message: String| DeckError {
            file: file.to_owned(),
            line: Some(topic.line),
            subject: Subject::File,
            message: format!("topic {:?}: {message}", topic.id),
        };
        if !is_slug(&topic.id) {
            errors.push(topic_error(format!("topic id {SLUG_RULE}")));
        }
        if topic.title.is_empty() {
            errors.push(topic_error("`title` is empty".to_owned()));
        }
        if topic_questions.insert(&topic.id, 0).is_some() {
            errors.push(topic_error("duplicate topic id".to_owned()));
        }
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
        match topic_questions.get_mut(question.topic.as_str()) {
            Some(count) => *count += 1,
            None => {
                let ids: Vec<&str> = deck.topics.iter().map(|t| t.id.as_str()).collect();
                problems.push(format!(
                    "topic {:?} is not a declared [[topic]] ({})",
                    question.topic,
                    ids.join(", ")
                ))
            }
        }
        check_question(question, &mut problems);
        check_evidence(question, &mut problems);
        errors.extend(problems.into_iter().map(|message| DeckError {
            file: file.to_owned(),
            line: Some(question.line),
            subject: question.subject(),
            message,
        }));
    }
    for topic in &deck.topics {
        if topic_questions.get(topic.id.as_str()) == Some(&0) {
            errors.push(DeckError {
                file: file.to_owned(),
                line: Some(topic.line),
                subject: Subject::File,
                message: format!(
                    "topic {:?} has no questions: give at least one question `topic = {:?}`",
                    topic.id, topic.id
                ),
            });
        }
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
    let answer = &question.answer;
    let unknown: Vec<&str> = answer
        .ids()
        .iter()
        .map(String::as_str)
        .filter(|id| !choices.iter().any(|choice| choice.id == *id))
        .collect();
    let mut answer_known = unknown.is_empty() && !answer.ids().is_empty();
    if answer.ids().is_empty() {
        problems.push(
            "`answer = []` names no choice: a multi-select question needs at least one right choice"
                .to_owned(),
        );
    }
    let mut seen_answers = HashSet::new();
    for id in answer.ids() {
        if !seen_answers.insert(id.as_str()) {
            problems.push(format!("answer lists {id:?} twice"));
            answer_known = false;
        }
    }
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
        let correct = answer.contains(&choice.id);
        match (&choice.why, correct) {
            (None, true) if answer.is_multiple() => problems.push(format!(
                "choice {:?} is right in a multi-select question but has no `why`: \
                 each right choice needs a one-line reason it is right",
                choice.id
            )),
            (None, false) => problems.push(format!(
                "choice {:?} is wrong but has no `why`: every wrong choice needs a one-line reason",
                choice.id
            )),
            (Some(why), _) if why.is_empty() => {
                problems.push(format!("choice {:?}: `why` is empty", choice.id))
            }
            _ => {}
        }
    }
    if !unknown.is_empty() {
        let ids: Vec<&str> = choices.iter().map(|choice| choice.id.as_str()).collect();
        let named = match answer.ids() {
            [one] if !answer.is_multiple() => format!("answer {one:?} is"),
            _ => format!(
                "answer {} {}",
                unknown
                    .iter()
                    .map(|id| format!("{id:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if unknown.len() == 1 { "is" } else { "are" }
            ),
        };
        problems.push(format!(
            "{named} not among the choices ({})",
            ids.join(", ")
        ));
    }
}

/// A question rests on exactly one kind of evidence: a `check` the oracle runs, or a `source`.
fn check_evidence(question: &SourceQuestion, problems: &mut Vec<String>) {
    match (&question.check, &question.source) {
        (None, None) => problems.push(
            "has neither a `check` nor a `source`: add a [question.check] the oracle can run, \
             or cite the documentation with `source = { title, url, version }`"
                .to_owned(),
        ),
        (Some(_), Some(_)) => problems.push(
            "has both a `check` and a `source`: keep the check (it is proven) and drop the source"
                .to_owned(),
        ),
        (Some(check), None) => check_check(question, check, problems),
        (None, Some(source)) => check_source(source, problems),
    }
    if question.check.is_none() {
        for choice in &question.choices {
            if choice.code.is_some() || choice.expect.is_some() {
                problems.push(format!(
                    "choice {:?} has `code` or `expect` but the question has no [question.check]",
                    choice.id
                ));
            }
        }
    }
}

fn check_check(question: &SourceQuestion, check: &SourceCheck, problems: &mut Vec<String>) {
    if !CHECK_RUNS.contains(&check.run.as_str()) {
        problems.push(format!(
            "check: `run = {:?}` is not one of {}",
            check.run,
            CHECK_RUNS.join(", ")
        ));
    }
    match (&check.code, &check.claim) {
        (Some(code), None) => {
            if code.trim().is_empty() {
                problems.push("check: `code` is empty".to_owned());
            }
        }
        (Some(_), Some(_)) => problems.push(
            "check: `claim` is only for per-choice code; with a question-level `code`, \
             each choice's `expect` is its claim"
                .to_owned(),
        ),
        (None, None) => {
            if question.prompt.matches("```python").count() != 1 {
                problems.push(
                    "check: without `code` the oracle runs the prompt's ```python block, \
                     but the prompt has none or several: give `code`, or per-choice code and a `claim`"
                        .to_owned(),
                );
            }
        }
        (None, Some(claim)) => {
            check_outcome("check: `claim`", claim, problems);
            for choice in &question.choices {
                if choice.code.is_none() && !choice.text.contains("```python") {
                    problems.push(format!(
                        "choice {:?}: the check has no question-level `code`, so the choice needs \
                         a ```python block in its `text` or a `code` field",
                        choice.id
                    ));
                }
            }
        }
    }
    if check
        .setup
        .as_deref()
        .is_some_and(|setup| setup.trim().is_empty())
    {
        problems.push("check: `setup` is empty".to_owned());
    }
    if let Some(env) = &check.env {
        for (name, value) in env {
            if !value.is_str() {
                problems.push(format!("check: `env.{name}` must be a string"));
            }
        }
    }
    for choice in &question.choices {
        match &choice.expect {
            None => problems.push(format!(
                "choice {:?} has no `expect`: in a checked question every choice says what the \
                 oracle will observe",
                choice.id
            )),
            Some(expect) => check_outcome(
                &format!("choice {:?}: `expect`", choice.id),
                expect,
                problems,
            ),
        }
    }
}

fn check_outcome(label: &str, outcome: &Table, problems: &mut Vec<String>) {
    if outcome.is_empty() {
        problems.push(format!("{label} is empty"));
    }
    for key in outcome.keys() {
        if !EXPECT_KEYS.contains(&key.as_str()) {
            problems.push(format!(
                "{label}: unknown key `{key}` (known: {})",
                EXPECT_KEYS.join(", ")
            ));
        }
    }
}

fn check_source(source: &SourceRef, problems: &mut Vec<String>) {
    for (field, text) in [
        ("title", &source.title),
        ("url", &source.url),
        ("version", &source.version),
    ] {
        if text.trim().is_empty() {
            problems.push(format!("source: `{field}` is empty"));
        }
    }
    if !source.url.is_empty() && !source.url.starts_with("https://") {
        problems.push(format!("source: url {:?} is not https", source.url));
    }
    // A Django docs link must point at the version it claims to have been checked against.
    if source.url.starts_with("https://docs.djangoproject.com/")
        && !source.version.is_empty()
        && !source.url.contains(&format!("/{}/", source.version))
    {
        problems.push(format!(
            "source: url {:?} is not the version {:?} docs",
            source.url, source.version
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
