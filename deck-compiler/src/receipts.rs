//! Receipts: what the oracle observed Django do, read from `decks/<deck stem>.receipts.json`
//! (written by `scripts/oracle`, see the shared contract in `decks/README.md`).
//!
//! Only each entry's `handlers` and `summary` reach the app (its `observed` dict is for the
//! oracle's stale check). The file is validated against the deck: the deck id, every question
//! and choice it names, every proof index, the handler ids, and the Django version against the
//! oracle's pin. Keys the compiler does not use are ignored, so the oracle may record more.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::error::{DeckError, Subject};
use crate::source::SourceDeck;
use crate::{Handler, OraclePin, Runner, Versions};

/// What one receipt is the run of (the compiled form lives in [`crate::ReceiptFor`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Of {
    Choice(String),
    Check,
    Proof(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceReceipt {
    pub of: Of,
    pub handlers: Vec<Handler>,
    pub summary: String,
}

/// The receipts file as the compiler uses it: versions, and the entries per question id.
#[derive(Debug, Default)]
pub(crate) struct SourceReceipts {
    pub versions: Option<Versions>,
    pub questions: HashMap<String, Vec<SourceReceipt>>,
}

/// Reads and validates the receipts file `file` (contents `text`) against `deck`.
pub(crate) fn read(
    file: &str,
    text: &str,
    deck: &SourceDeck,
    oracle: &OraclePin,
) -> (SourceReceipts, Vec<DeckError>) {
    let mut errors = Vec::new();
    let mut receipts = SourceReceipts::default();
    let file_error = |line: Option<usize>, message: String| DeckError {
        file: file.to_owned(),
        line,
        subject: Subject::File,
        message,
    };
    let root: Value = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(error) => {
            let line = (error.line() > 0).then_some(error.line());
            errors.push(file_error(
                line,
                format!("cannot read the receipts: {error}"),
            ));
            return (receipts, errors);
        }
    };
    let Some(root) = root.as_object() else {
        errors.push(file_error(
            None,
            "the receipts are not a JSON object".to_owned(),
        ));
        return (receipts, errors);
    };

    match root.get("deck").and_then(Value::as_str) {
        None => errors.push(file_error(None, "no `deck` id (a string)".to_owned())),
        Some(id) if id != deck.id => errors.push(file_error(
            None,
            format!(
                "`deck` is {id:?}, not this deck's id {:?}: these are another deck's receipts",
                deck.id
            ),
        )),
        Some(_) => {}
    }

    // A Django deck's receipts record the whole stack; a plain-Python deck's only Python.
    let (expected, absent): (&[&str], &[&str]) = match deck.oracle.runner {
        Runner::Django => (&["python", "django", "asgiref", "uvicorn"], &[]),
        Runner::Python => (&["python"], &["django", "asgiref", "uvicorn"]),
    };
    match root.get("versions").and_then(Value::as_object) {
        None => errors.push(file_error(
            None,
            format!("no `versions` object ({})", expected.join(", ")),
        )),
        Some(versions) => {
            let mut version = |name: &str| {
                if !expected.contains(&name) {
                    return None;
                }
                match versions.get(name).and_then(Value::as_str) {
                    Some(value) if !value.trim().is_empty() => Some(value.trim().to_owned()),
                    _ => {
                        errors.push(file_error(
                            None,
                            format!("`versions.{name}` is missing or not a non-empty string"),
                        ));
                        None
                    }
                }
            };
            let read = Versions {
                python: version("python").unwrap_or_default(),
                django: version("django"),
                asgiref: version("asgiref"),
                uvicorn: version("uvicorn"),
            };
            for name in absent.iter().filter(|name| versions.contains_key(**name)) {
                errors.push(file_error(
                    None,
                    format!(
                        "`versions.{name}` is recorded, but the deck's oracle runner is \"python\", \
                         which runs no Django: these receipts were written by another runner"
                    ),
                ));
            }
            match &read.django {
                Some(django) if *django != oracle.django => errors.push(file_error(
                    None,
                    format!(
                        "`versions.django` is {django:?} but the oracle pins Django {} ({}): \
                         the receipts are stale, re-run scripts/oracle",
                        oracle.django,
                        crate::ORACLE_REQUIREMENTS
                    ),
                )),
                _ => {}
            }
            receipts.versions = Some(read);
        }
    }

    let Some(questions) = root.get("questions").and_then(Value::as_object) else {
        errors.push(file_error(
            None,
            "no `questions` object (question id to its list of receipts)".to_owned(),
        ));
        return (receipts, errors);
    };
    for (id, entries) in questions {
        let line = line_of_key(text, id);
        let mut problems = Vec::new();
        let question = deck.questions.iter().find(|question| &question.id == id);
        let index = question.map_or(0, |question| question.index);
        match (question, entries.as_array()) {
            (None, _) => problems.push(format!(
                "is not a question of {} (its id was renamed or the question removed: \
                 re-run scripts/oracle)",
                deck.id
            )),
            (Some(_), None) => problems.push("the receipts are not a JSON array".to_owned()),
            (Some(question), Some(entries)) => {
                let mut read = Vec::with_capacity(entries.len());
                for (n, entry) in entries.iter().enumerate() {
                    let label = format!("receipt #{}", n + 1);
                    match entry.as_object() {
                        None => problems.push(format!("{label} is not a JSON object")),
                        Some(entry) => {
                            if let Some(receipt) =
                                read_entry(&label, entry, question, &mut problems)
                            {
                                read.push(receipt);
                            }
                        }
                    }
                }
                receipts.questions.insert(id.clone(), read);
            }
        }
        errors.extend(problems.into_iter().map(|message| DeckError {
            file: file.to_owned(),
            line,
            subject: Subject::Question {
                index,
                id: Some(id.clone()),
            },
            message,
        }));
    }
    (receipts, errors)
}

fn read_entry(
    label: &str,
    entry: &Map<String, Value>,
    question: &crate::source::SourceQuestion,
    problems: &mut Vec<String>,
) -> Option<SourceReceipt> {
    let before = problems.len();
    // A proof's entry may also say `"choice": null` (no choice ran).
    let choice = entry
        .get("choice")
        .filter(|choice| !(choice.is_null() && entry.contains_key("proof")));
    let of = match (choice, entry.get("proof")) {
        (Some(_), Some(_)) => {
            problems.push(format!(
                "{label} has both `choice` and `proof`: it is the run of one or the other"
            ));
            None
        }
        (None, None) => {
            problems.push(format!(
                "{label} has neither `choice` (a choice id, or null for the check's shared run) \
                 nor `proof` (a proof's index)"
            ));
            None
        }
        (Some(choice), None) => {
            if question.check.is_none() {
                problems.push(format!(
                    "{label} is a check's run, but the question has no [question.check]"
                ));
            }
            match choice {
                Value::Null => Some(Of::Check),
                Value::String(id) if question.choices.iter().any(|choice| &choice.id == id) => {
                    Some(Of::Choice(id.clone()))
                }
                Value::String(id) => {
                    let ids: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
                    problems.push(format!(
                        "{label}: choice {id:?} is not among the choices ({})",
                        ids.join(", ")
                    ));
                    None
                }
                _ => {
                    problems.push(format!("{label}: `choice` is not a choice id or null"));
                    None
                }
            }
        }
        (None, Some(proof)) => match proof.as_u64() {
            Some(index) if (index as usize) < question.proofs.len() => {
                Some(Of::Proof(index as usize))
            }
            Some(index) => {
                problems.push(format!(
                    "{label}: proof {index} is not among the question's proofs ({})",
                    match question.proofs.len() {
                        0 => "it has none".to_owned(),
                        1 => "it has one: 0".to_owned(),
                        n => format!("it has {n}: 0 to {}", n - 1),
                    }
                ));
                None
            }
            None => {
                problems.push(format!(
                    "{label}: `proof` is not an index (0 for the first [[question.proof]])"
                ));
                None
            }
        },
    };

    let mut handlers = Vec::new();
    match entry.get("handlers").and_then(Value::as_array) {
        None => problems.push(format!(
            "{label}: no `handlers` (an array of {})",
            Handler::ids(&Handler::ALL)
        )),
        Some(listed) if listed.is_empty() => {
            problems.push(format!("{label}: `handlers` is empty"));
        }
        Some(listed) => {
            for handler in listed {
                match handler.as_str().and_then(Handler::from_id) {
                    Some(handler) if handlers.contains(&handler) => problems.push(format!(
                        "{label}: `handlers` lists {:?} twice",
                        handler.id()
                    )),
                    Some(handler) => handlers.push(handler),
                    None => problems.push(format!(
                        "{label}: unknown handler {handler} (known: {})",
                        Handler::ids(&Handler::ALL)
                    )),
                }
            }
        }
    }

    let summary = match entry.get("summary").and_then(Value::as_str) {
        Some(summary) if !summary.trim().is_empty() => summary.trim().to_owned(),
        Some(_) => {
            problems.push(format!("{label}: `summary` is empty"));
            String::new()
        }
        None => {
            problems.push(format!("{label}: no `summary` (a string)"));
            String::new()
        }
    };

    let of = of.filter(|_| problems.len() == before)?;
    Some(SourceReceipt {
        of,
        handlers,
        summary,
    })
}

/// The line of `"id": [` (the oracle pretty-prints with one key per line), when found.
fn line_of_key(text: &str, id: &str) -> Option<usize> {
    let key = serde_json::to_string(id).ok()?;
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(&key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
                && line.trim_end().ends_with('[')
        })
        .map(|n| n + 1)
}
