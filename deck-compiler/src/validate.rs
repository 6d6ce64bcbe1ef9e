//! The rules a deck must follow beyond its shape: ids, uniqueness, the answer key, the reasons.

use std::collections::{HashMap, HashSet};

use toml::Table;

use crate::error::{DeckError, Subject};
use crate::source::{
    SourceCheck, SourceDeck, SourceOracle, SourceProof, SourceQuestion, SourceRef, ORDER_KIND,
};
use crate::{Handler, OraclePin, Runner};

/// A question must offer at least this many choices.
pub const MIN_CHOICES: usize = 2;

/// How the oracle runs a check (`[question.check] run = …`; see `tests/oracle/`).
pub const CHECK_RUNS: &[&str] = &["view", "server", "script"];

/// An order question (`kind = "order"`) has this many choices, at least and at most.
pub const ORDER_CHOICES: std::ops::RangeInclusive<usize> = 3..=6;

/// The handlers a run uses when `handlers` is absent (none for an unknown `run`).
pub fn default_handlers(runner: Runner, run: &str) -> &'static [Handler] {
    match (runner, run) {
        (Runner::Python, _) | (Runner::Django, "script") => &[Handler::Script],
        (Runner::Django, "view") => &[Handler::Asgi, Handler::AsyncClient],
        (Runner::Django, "server") => &[Handler::Asgi],
        _ => &[],
    }
}

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

/// Every rule broken by `deck`, in file order; `pin` is the Django its "django" oracle runs.
pub(crate) fn validate(file: &str, deck: &SourceDeck, pin: &OraclePin) -> Vec<DeckError> {
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
    // The file's name is the deck's: one deck per file, found by its id.
    let stem = std::path::Path::new(file)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    if stem != deck.id {
        errors.push(deck_error(format!(
            "deck id {:?} is not the file's name {stem:?}: rename the file to {}.toml or set \
             `[deck] id = {stem:?}`",
            deck.id, deck.id
        )));
    }
    if deck.title.is_empty() {
        errors.push(deck_error("deck `title` is empty".to_owned()));
    }
    if deck.description.is_empty() {
        errors.push(deck_error("deck `description` is empty".to_owned()));
    }
    errors.extend(check_oracle(&deck.oracle, pin).into_iter().map(deck_error));
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
        if question.is_order() {
            check_order(question, &mut problems);
        } else {
            check_choices(question, &mut problems);
        }
        check_evidence(question, &deck.oracle, &mut problems);
        for (index, proof) in question.proofs.iter().enumerate() {
            check_proof(index, proof, deck.oracle.runner, &mut problems);
        }
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

/// `[deck.oracle]`: the docs prefixes the sources are held to.
fn check_oracle(oracle: &SourceOracle, pin: &OraclePin) -> Vec<String> {
    let mut problems = Vec::new();
    if oracle.docs.is_empty() {
        problems.push(
            "`[deck.oracle] docs` is empty: list the URL prefixes the deck's sources may cite \
             (e.g. [\"https://docs.python.org/3.11/\"])"
                .to_owned(),
        );
    }
    let series = pin.django_series();
    for prefix in &oracle.docs {
        if !prefix.starts_with("https://") || !prefix.ends_with('/') {
            // Ending in `/` keeps `…/3.1` from admitting `…/3.11/` pages.
            problems.push(format!(
                "`[deck.oracle] docs`: {prefix:?} is not an https URL ending in `/`"
            ));
        }
        // A Django deck cites the docs of the Django its oracle runs.
        if oracle.runner == Runner::Django
            && prefix.starts_with(DJANGO_DOCS)
            && !prefix.contains(&format!("/{series}/"))
        {
            problems.push(format!(
                "`[deck.oracle] docs`: {prefix:?} is not the docs of Django {series}, \
                 which the oracle pins ({}): write \"{DJANGO_DOCS}en/{series}/\"",
                crate::ORACLE_REQUIREMENTS
            ));
        }
    }
    problems
}

const DJANGO_DOCS: &str = "https://docs.djangoproject.com/";

fn check_question(question: &SourceQuestion, problems: &mut Vec<String>) {
    if !is_slug(&question.id) {
        problems.push(format!("question id {:?} {SLUG_RULE}", question.id));
    }
    if let Some(kind) = &question.kind {
        if kind != ORDER_KIND {
            problems.push(format!(
                "`kind = {kind:?}` is not a kind: write `kind = \"order\"`, or leave `kind` out \
                 for single or multiple choice (decided by `answer`)"
            ));
        }
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
    let mut seen_ids = HashSet::new();
    for choice in &question.choices {
        if !is_slug(&choice.id) {
            problems.push(format!("choice id {:?} {SLUG_RULE}", choice.id));
        }
        if !seen_ids.insert(choice.id.as_str()) {
            problems.push(format!("duplicate choice id {:?}", choice.id));
        }
        if choice.text.is_empty() {
            problems.push(format!("choice {:?}: `text` is empty", choice.id));
        }
    }
    for word in &question.hint_allows {
        if !crate::lint::is_word(word) {
            problems.push(format!(
                "`hint_allows`: {word:?} is not a word as the hint lint reads them \
                 (lowercase letters, digits and `_`)"
            ));
        }
    }
}

/// Single and multiple choice: the answer key and the reasons.
fn check_choices(question: &SourceQuestion, problems: &mut Vec<String>) {
    let choices = &question.choices;
    if choices.len() < MIN_CHOICES {
        problems.push(format!(
            "has {} choice{}; a question needs at least {MIN_CHOICES} ([[question.choice]] tables)",
            choices.len(),
            if choices.len() == 1 { "" } else { "s" }
        ));
    }
    for choice in choices {
        if choice.event.is_some() {
            problems.push(format!(
                "choice {:?} has an `event`, which only the choices of an order question \
                 (`kind = \"order\"`) have",
                choice.id
            ));
        }
    }
    let Some(answer) = &question.answer else {
        problems.push("missing field `answer`".to_owned());
        return;
    };
    // With a broken answer key, which choices are wrong is unknown: judge no `why` then.
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
    for choice in choices {
        if !answer_known {
            break;
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

/// `kind = "order"`: the choices are events in the right order; the check proves the order.
fn check_order(question: &SourceQuestion, problems: &mut Vec<String>) {
    let choices = &question.choices;
    if !ORDER_CHOICES.contains(&choices.len()) {
        problems.push(format!(
            "an order question has {} choice{}; it needs {} to {} ([[question.choice]] tables)",
            choices.len(),
            if choices.len() == 1 { "" } else { "s" },
            ORDER_CHOICES.start(),
            ORDER_CHOICES.end()
        ));
    }
    if question.answer.is_some() {
        problems.push(
            "an order question has no `answer`: the right order is the order of its choices \
             in the file"
                .to_owned(),
        );
    }
    let mut events: HashMap<&str, &str> = HashMap::new();
    for choice in choices {
        match choice.event.as_deref() {
            None => problems.push(format!(
                "choice {:?} has no `event`: in an order question each choice names the string \
                 the check's code appends to `events` when it happens",
                choice.id
            )),
            Some(event) if event.trim().is_empty() => {
                problems.push(format!("choice {:?}: `event` is empty", choice.id))
            }
            Some(event) => {
                if let Some(first) = events.insert(event, &choice.id) {
                    problems.push(format!(
                        "choices {first:?} and {:?} have the same `event` {event:?}: \
                         each event of an order question is unique",
                        choice.id
                    ));
                }
            }
        }
        if choice.expect.is_some() {
            problems.push(format!(
                "choice {:?} has an `expect`: an order question's claim is the order of its \
                 choices' events, not per-choice outcomes",
                choice.id
            ));
        }
        if choice.code.is_some() {
            problems.push(format!(
                "choice {:?} has `code`: an order question runs one piece of code, the check's",
                choice.id
            ));
        }
        if choice.why.as_deref().is_some_and(str::is_empty) {
            problems.push(format!("choice {:?}: `why` is empty", choice.id));
        }
    }
    if question
        .check
        .as_ref()
        .is_some_and(|check| check.claim.is_some())
    {
        problems.push(
            "check: an order question has no `claim`: its claim is the order of its choices' \
             events"
                .to_owned(),
        );
    }
}

/// A question rests on exactly one kind of evidence: a `check` the oracle runs, or a `source`.
fn check_evidence(question: &SourceQuestion, oracle: &SourceOracle, problems: &mut Vec<String>) {
    match (&question.check, &question.source) {
        (None, _) if question.is_order() => problems.push(
            "an order question needs a [question.check] whose code appends its events \
             (a `source` is not enough)"
                .to_owned(),
        ),
        (None, None) => problems.push(
            "has neither a `check` nor a `source`: add a [question.check] the oracle can run, \
             or cite the documentation with `source = { title, url, version }`"
                .to_owned(),
        ),
        (Some(_), Some(_)) => problems.push(
            "has both a `check` and a `source`: keep the check (it is proven) and drop the source"
                .to_owned(),
        ),
        (Some(check), None) => check_check(question, check, oracle.runner, problems),
        (None, Some(source)) => check_source(source, &oracle.docs, problems),
    }
    if question.check.is_none() && !question.is_order() {
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

fn check_check(
    question: &SourceQuestion,
    check: &SourceCheck,
    runner: Runner,
    problems: &mut Vec<String>,
) {
    check_run(
        "check",
        runner,
        &RunFields {
            run: &check.run,
            handlers: check.handlers.as_deref(),
            setup: check.setup.as_deref(),
            env: check.env.as_ref(),
        },
        problems,
    );
    match (&check.code, &check.claim) {
        (Some(code), _) if question.is_order() => {
            if code.trim().is_empty() {
                problems.push("check: `code` is empty".to_owned());
            }
        }
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
        (None, None) | (None, Some(_)) if question.is_order() => {
            if question.prompt.matches("```python").count() != 1 {
                problems.push(
                    "check: without `code` the oracle runs the prompt's ```python block, \
                     but the prompt has none or several: give the check a `code` that appends \
                     the events"
                        .to_owned(),
                );
            }
        }
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
    if question.is_order() {
        return; // No per-choice `expect`: `check_order` reports any.
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

/// `[[question.proof]]`: the same run rules as a check, a one-line `says`, code and an expect.
fn check_proof(index: usize, proof: &SourceProof, runner: Runner, problems: &mut Vec<String>) {
    let label = format!("proof {index}");
    if proof.says.is_empty() {
        problems.push(format!("{label}: `says` is empty"));
    } else if proof.says.contains('\n') {
        problems.push(format!(
            "{label}: `says` must be one line: the sentence (or its gist) this run proves"
        ));
    }
    check_run(
        &label,
        runner,
        &RunFields {
            run: &proof.run,
            handlers: proof.handlers.as_deref(),
            setup: proof.setup.as_deref(),
            env: proof.env.as_ref(),
        },
        problems,
    );
    if proof.code.trim().is_empty() {
        problems.push(format!("{label}: `code` is empty"));
    }
    check_outcome(&format!("{label}: `expect`"), &proof.expect, problems);
}

/// The fields a check and a proof share.
struct RunFields<'a> {
    run: &'a str,
    handlers: Option<&'a [String]>,
    setup: Option<&'a str>,
    env: Option<&'a Table>,
}

fn check_run(label: &str, runner: Runner, fields: &RunFields, problems: &mut Vec<String>) {
    let run = fields.run;
    let run_known = CHECK_RUNS.contains(&run);
    if !run_known {
        problems.push(format!(
            "{label}: `run = {run:?}` is not one of {}",
            CHECK_RUNS.join(", ")
        ));
    } else if runner == Runner::Python && run != "script" {
        problems.push(format!(
            "{label}: `run = {run:?}` needs Django, but the deck's oracle runner is \"python\": \
             write `run = \"script\"` (a `main()` run under plain python3)"
        ));
    }
    if let Some(handlers) = fields.handlers {
        check_handlers(label, runner, run_known.then_some(run), handlers, problems);
    }
    if fields.setup.is_some_and(|setup| setup.trim().is_empty()) {
        problems.push(format!("{label}: `setup` is empty"));
    }
    if let Some(env) = fields.env {
        for (name, value) in env {
            if !value.is_str() {
                problems.push(format!("{label}: `env.{name}` must be a string"));
            }
        }
    }
}

/// `handlers` only narrows or names the set a `run` allows: `view` any non-empty subset of
/// asgi, async-client, wsgi; `server` asgi or wsgi (one); `script` only script. A "python"
/// deck's runner has only `script`.
fn check_handlers(
    label: &str,
    runner: Runner,
    run: Option<&str>,
    handlers: &[String],
    problems: &mut Vec<String>,
) {
    if handlers.is_empty() {
        let default = run.map_or(String::new(), |run| {
            format!(" ({})", Handler::ids(default_handlers(runner, run)))
        });
        problems.push(format!(
            "{label}: `handlers = []` names no handler: leave it out for the default{default}"
        ));
        return;
    }
    let mut seen = HashSet::new();
    let mut all_known = true;
    for id in handlers {
        match Handler::from_id(id) {
            None => {
                problems.push(format!(
                    "{label}: unknown handler {id:?} (known: {})",
                    Handler::ids(runner.handlers())
                ));
                all_known = false;
            }
            Some(handler) if !runner.handlers().contains(&handler) => {
                problems.push(format!(
                    "{label}: handler {id:?} needs Django, but the deck's oracle runner is \
                     {:?}: its only handler is \"script\"",
                    runner.id()
                ));
                all_known = false;
            }
            Some(_) if !seen.insert(id.as_str()) => {
                problems.push(format!("{label}: `handlers` lists {id:?} twice"));
            }
            Some(_) => {}
        }
    }
    let Some(run) = run.filter(|_| all_known) else {
        return;
    };
    let listed = || {
        handlers
            .iter()
            .map(|handler| format!("{handler:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let allowed = match run {
        "view" => handlers.iter().all(|handler| handler != "script"),
        "server" => handlers.len() == 1 && handlers[0] != "script" && handlers[0] != "async-client",
        _ => handlers.iter().all(|handler| handler == "script"),
    };
    if !allowed {
        let rule = match run {
            "view" => "any of \"asgi\", \"async-client\", \"wsgi\"",
            "server" => "one real server: [\"asgi\"] or [\"wsgi\"]",
            _ => "only [\"script\"]",
        };
        problems.push(format!(
            "{label}: `run = {run:?}` takes {rule} as `handlers`, not [{}]",
            listed()
        ));
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

fn check_source(source: &SourceRef, docs: &[String], problems: &mut Vec<String>) {
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
    } else if !source.url.is_empty() && !docs.iter().any(|prefix| source.url.starts_with(prefix)) {
        problems.push(format!(
            "source: url {:?} is not in the docs the deck cites: it must start with one of \
             `[deck.oracle] docs` ({})",
            source.url,
            docs.join(", ")
        ));
    }
    // A Django docs link must point at the version it claims to have been checked against.
    if source.url.starts_with(DJANGO_DOCS)
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
