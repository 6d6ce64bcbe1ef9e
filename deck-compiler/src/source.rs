//! Reading a deck file: TOML into plain structs, with every serde error tied to a question.
//!
//! Questions are read as loose tables first and then deserialized one by one, so that a missing
//! or misspelled field is reported with the id of the question it is in (serde alone would only
//! give a byte offset into the file).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::{Spanned, Table, Value};

use crate::error::{DeckError, DeckErrors, Subject};
use crate::schema::{HandlerIds, KindName, Outcome, RunName};
use crate::Runner;

/// A deck as written, every text field normalized (see [`normalize`]) but still Markdown.
#[derive(Debug, Clone)]
pub(crate) struct SourceDeck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub oracle: SourceOracle,
    pub topics: Vec<SourceTopic>,
    pub questions: Vec<SourceQuestion>,
}

/// `[deck.oracle]`: which oracle proves the deck, and which documentation its sources cite.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Oracle")]
pub(crate) struct SourceOracle {
    /// Which oracle proves the deck's checks and proofs: "django" (the Django pinned in
    /// tests/oracle/requirements.txt; handlers asgi, async-client, wsgi, script) or "python"
    /// (plain Python 3.11, no Django; only the script handler).
    pub runner: Runner,
    /// URL prefixes every `source.url` of the deck must start with, e.g.
    /// ["https://docs.python.org/3.11/"]. A docs.djangoproject.com prefix of a "django" deck
    /// names the pinned major.minor (`/en/5.2/`).
    pub docs: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct SourceTopic {
    /// Line of its `[[topic]]` header.
    pub line: usize,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub(crate) struct SourceQuestion {
    /// 1-based position in the file.
    pub index: usize,
    /// Line of its `[[question]]` header.
    pub line: usize,
    pub id: String,
    pub topic: String,
    /// `kind` as written: absent for single or multiple choice (decided by `answer`), or
    /// `"order"`; any other value is reported by `validate`.
    pub kind: Option<String>,
    pub prompt: String,
    pub hint: String,
    /// Absent only where `validate` reports it (required unless `kind = "order"`, where it is
    /// not allowed).
    pub answer: Option<Answer>,
    pub explanation: String,
    pub choices: Vec<SourceChoice>,
    pub check: Option<SourceCheck>,
    pub source: Option<SourceRef>,
    /// `[[question.proof]]` tables in file order (receipts name them by this index, from 0).
    pub proofs: Vec<SourceProof>,
    /// `hint_allows = ["word", ...]`: hint words the hint lint accepts in this question.
    pub hint_allows: Vec<String>,
}

/// The kind `kind = "order"` names.
pub(crate) const ORDER_KIND: &str = "order";

/// The answer key as written: `answer = "b"` (single choice) or `answer = ["a", "c"]` (select
/// all that apply, even with one element).
#[derive(Debug, Clone, PartialEq, Eq, JsonSchema)]
#[serde(untagged)]
pub(crate) enum Answer {
    /// The id of the right choice: a single-choice question.
    One(String),
    /// The ids of the right choices: "select all that apply", even with one id.
    Many(Vec<String>),
}

impl Answer {
    pub fn ids(&self) -> &[String] {
        match self {
            Answer::One(id) => std::slice::from_ref(id),
            Answer::Many(ids) => ids,
        }
    }

    pub fn is_multiple(&self) -> bool {
        matches!(self, Answer::Many(_))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids().iter().any(|answer| answer == id)
    }
}

/// `[[question.choice]]`: one option a learner can pick.
// Read as written; `parse` then normalizes `text`, `why` and `code` (see `normalize`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Choice")]
pub(crate) struct SourceChoice {
    /// Lowercase slug, unique in the question.
    pub id: String,
    /// Markdown (inline code, or a fenced code block).
    pub text: String,
    /// Markdown, one paragraph: why this choice is wrong (required on wrong choices), or why
    /// it is right (required on the right choices of a multi-select question).
    pub why: Option<String>,
    /// Code the oracle runs for this choice, when it is not the ```python block in `text`.
    pub code: Option<String>,
    /// What the oracle observes when it runs this choice (every choice of a checked,
    /// non-order question has one).
    #[schemars(with = "Option<Outcome>")]
    pub expect: Option<Table>,
    /// Order questions only: the string the check's code appends to `events` when this
    /// choice's event happens: unique in the question, compared exactly (never normalized).
    pub event: Option<String>,
}

/// `[question.check]`: the runnable claim. The compiler validates its shape; the oracle
/// (`tests/oracle/`) runs it. None of it reaches the app.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Check")]
pub(crate) struct SourceCheck {
    /// How the oracle runs it: "view" (one request), "server" (a real server, concurrent
    /// requests) or "script" (`main()` is called).
    #[schemars(with = "RunName")]
    pub run: String,
    /// The code to run once; when absent, the prompt's ```python block (or, with a `claim`,
    /// each choice's code).
    pub code: Option<String>,
    /// Code run before the code under test (helpers, `MIDDLEWARE`, …), not shown to learners.
    pub setup: Option<String>,
    /// Per-choice code: what the right choices' code does (the keys of an `expect`); the
    /// others' must not.
    #[schemars(with = "Option<Outcome>")]
    pub claim: Option<Table>,
    /// Environment variables for the run (strings), e.g. { DJANGO_ALLOW_ASYNC_UNSAFE = "true" }.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub env: Option<Table>,
    /// Where the check runs (`asgi`, `async-client`, `wsgi`, `script`); absent, the default of
    /// its `run`: view asgi and async-client, server asgi, script script (a "python" deck:
    /// always script).
    #[schemars(with = "Option<HandlerIds>")]
    pub handlers: Option<Vec<String>>,
}

/// `[[question.proof]]`: one runtime sentence of the explanation or of a `why`, and the run
/// that proves it. Validated like a check; run by the oracle; only its receipts (and its
/// `says`) reach the app.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Proof")]
pub(crate) struct SourceProof {
    /// One line: the sentence of the explanation or of a `why` (or its gist) this run proves.
    pub says: String,
    /// How the oracle runs it: "view", "server" or "script", as for a check.
    #[schemars(with = "RunName")]
    pub run: String,
    /// Where it runs, as for a check; absent: the default of its `run`.
    #[schemars(with = "Option<HandlerIds>")]
    pub handlers: Option<Vec<String>>,
    /// Code run before `code`, not shown to learners.
    pub setup: Option<String>,
    /// Environment variables for the run (strings).
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub env: Option<Table>,
    /// The code the oracle runs.
    pub code: String,
    /// What the oracle must observe (the same keys as a choice's `expect`).
    #[schemars(with = "Outcome")]
    pub expect: Table,
}

/// `source = { title, url, version }`: the documentation page a non-runnable claim rests on.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub(crate) struct SourceRef {
    /// The page's title, plain text.
    pub title: String,
    /// An https URL that starts with one of the deck's `[deck.oracle] docs` prefixes.
    pub url: String,
    /// The version the page documents, e.g. "5.2"; a docs.djangoproject.com URL is that
    /// version's page (`/en/5.2/`).
    pub version: String,
}

impl SourceQuestion {
    /// `kind = "order"`: the choices are events, and their order in the file is the answer.
    pub fn is_order(&self) -> bool {
        self.kind.as_deref() == Some(ORDER_KIND)
    }

    /// Select all that apply (`answer = [...]`).
    pub fn is_multiple(&self) -> bool {
        !self.is_order() && self.answer.as_ref().is_some_and(Answer::is_multiple)
    }

    /// Whether the answer key marks this choice right. Every choice of an order question is:
    /// each belongs in the answer, at its place in the file.
    pub fn is_correct(&self, choice_id: &str) -> bool {
        self.is_order()
            || self
                .answer
                .as_ref()
                .is_some_and(|answer| answer.contains(choice_id))
    }

    pub fn subject(&self) -> Subject {
        Subject::Question {
            index: self.index,
            id: Some(self.id.clone()),
        }
    }
}

// The JSON Schema of the format (decks/deck.schema.json) is generated from these types: their
// doc comments are what an editor shows for each field, so they speak to deck authors.

/// A quizdeck deck file (decks/<id>.toml): the deck, its topics, its questions; texts are
/// Markdown. The author's guide is decks/README.md.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Deck file")]
pub(crate) struct RawFile {
    /// The deck: its id, title, description and oracle.
    deck: RawDeck,
    /// The groups of questions, in deck order; a learner can take one topic as a round.
    #[serde(default)]
    #[schemars(with = "Vec<RawTopic>", length(min = 1))]
    topic: Vec<Spanned<RawTopic>>,
    /// The questions, in deck order (at least one).
    #[serde(default)]
    #[schemars(with = "Vec<RawQuestion>", length(min = 1))]
    question: Vec<Spanned<Table>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Topic")]
struct RawTopic {
    /// Lowercase slug, unique in the deck.
    id: String,
    /// Plain text.
    title: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Deck")]
struct RawDeck {
    /// Lowercase slug (a-z, 0-9, single hyphens), equal to the file's stem
    /// (decks/<id>.toml); also the namespace of the learners' saved progress.
    id: String,
    /// Plain text.
    title: String,
    /// One plain-text sentence for the start screen.
    description: String,
    /// Which oracle proves the deck, and which docs its sources may cite.
    oracle: SourceOracle,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Question")]
struct RawQuestion {
    /// Lowercase slug, unique in the deck: saved attempts refer to it, so never reuse or
    /// rename it lightly.
    id: String,
    /// The id of a declared [[topic]].
    topic: String,
    /// Absent: single or multiple choice (decided by `answer`); "order": put the choices'
    /// events in order (the file order of the choices is the answer).
    #[schemars(with = "Option<KindName>")]
    kind: Option<String>,
    /// Markdown; code goes in ```python fences.
    prompt: String,
    /// Markdown: points at the concept to think about without giving the answer away.
    hint: String,
    /// The right choice's id ("b"), or an array of ids for "select all that apply". Not on an
    /// order question.
    #[schemars(with = "Option<Answer>")]
    answer: Option<Value>,
    /// Markdown: why the right answer is right.
    explanation: String,
    /// The choices (at least 2; 3 to 6 on an order question, in the right order).
    #[serde(default)]
    #[schemars(with = "Vec<SourceChoice>", length(min = 2))]
    choice: Vec<Table>,
    /// A runnable claim the oracle proves. Exactly one of `check` and `source`.
    check: Option<SourceCheck>,
    /// The documentation page a non-runnable claim rests on. Exactly one of `check` and
    /// `source`.
    source: Option<SourceRef>,
    /// Runs that back runtime sentences of the explanation or of a `why`, in file order
    /// (numbered from 0).
    #[serde(default)]
    #[schemars(with = "Vec<SourceProof>")]
    proof: Vec<Table>,
    /// Hint words the hint lint accepts in this question (lowercase letters, digits, `_`).
    #[serde(default)]
    hint_allows: Vec<String>,
}

/// Parses `text` (the contents of `file`) into a [`SourceDeck`], or every error found.
pub(crate) fn parse(file: &str, text: &str) -> Result<SourceDeck, DeckErrors> {
    let raw: RawFile = toml::from_str(text).map_err(|error| {
        let offset = error.span().map(|span| span.start);
        let (line, subject) = match offset {
            Some(offset) => (
                Some(line_of(text, offset)),
                enclosing_question(text, offset),
            ),
            None => (None, Subject::File),
        };
        DeckErrors::single(DeckError {
            file: file.to_owned(),
            line,
            subject,
            message: one_line(error.message()),
        })
    })?;

    let mut errors = Vec::new();
    let mut questions = Vec::new();
    for (n, spanned) in raw.question.into_iter().enumerate() {
        let line = line_of(text, spanned.span().start);
        let table = spanned.into_inner();
        let id = table.get("id").and_then(Value::as_str).map(str::to_owned);
        let error_at = |message: String| DeckError {
            file: file.to_owned(),
            line: Some(line),
            subject: Subject::Question {
                index: n + 1,
                id: id.clone(),
            },
            message,
        };
        match read_question(table) {
            Ok((raw, answer, choices, proofs)) => questions.push(SourceQuestion {
                index: n + 1,
                line,
                id: raw.id,
                topic: raw.topic,
                kind: raw.kind,
                prompt: normalize(&raw.prompt),
                hint: normalize(&raw.hint),
                answer,
                explanation: normalize(&raw.explanation),
                choices,
                check: raw.check,
                source: raw.source,
                proofs,
                hint_allows: raw.hint_allows,
            }),
            Err(message) => errors.push(error_at(message)),
        }
    }
    if !errors.is_empty() {
        return Err(DeckErrors(errors));
    }
    Ok(SourceDeck {
        id: raw.deck.id,
        title: raw.deck.title.trim().to_owned(),
        description: raw.deck.description.trim().to_owned(),
        oracle: raw.deck.oracle,
        topics: raw
            .topic
            .into_iter()
            .map(|spanned| {
                let line = line_of(text, spanned.span().start);
                let topic = spanned.into_inner();
                SourceTopic {
                    line,
                    id: topic.id,
                    title: topic.title.trim().to_owned(),
                }
            })
            .collect(),
        questions,
    })
}

type ReadQuestion = (
    RawQuestion,
    Option<Answer>,
    Vec<SourceChoice>,
    Vec<SourceProof>,
);

fn read_question(table: Table) -> Result<ReadQuestion, String> {
    let raw: RawQuestion = Value::Table(table)
        .try_into()
        .map_err(|error: toml::de::Error| one_line(&error.to_string()))?;
    let answer = raw.answer.as_ref().map(read_answer).transpose()?;
    let mut choices = Vec::with_capacity(raw.choice.len());
    for (n, table) in raw.choice.iter().enumerate() {
        let label = match table.get("id").and_then(Value::as_str) {
            Some(id) => format!("choice {id:?}"),
            None => format!("choice #{}", n + 1),
        };
        let choice: SourceChoice =
            Value::Table(table.clone())
                .try_into()
                .map_err(|error: toml::de::Error| {
                    format!("{label}: {}", one_line(&error.to_string()))
                })?;
        choices.push(SourceChoice {
            text: normalize(&choice.text),
            why: choice.why.as_deref().map(normalize),
            code: choice.code.as_deref().map(normalize),
            ..choice
        });
    }
    let mut proofs = Vec::with_capacity(raw.proof.len());
    for (n, table) in raw.proof.iter().enumerate() {
        let proof: SourceProof =
            Value::Table(table.clone())
                .try_into()
                .map_err(|error: toml::de::Error| {
                    format!("proof {n}: {}", one_line(&error.to_string()))
                })?;
        proofs.push(SourceProof {
            says: normalize(&proof.says),
            ..proof
        });
    }
    Ok((raw, answer, choices, proofs))
}

fn read_answer(value: &Value) -> Result<Answer, String> {
    const SHAPE: &str =
        "`answer` must be a choice id (\"b\") or an array of choice ids ([\"a\", \"c\"])";
    match value {
        Value::String(id) => Ok(Answer::One(id.clone())),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(Answer::Many)
            .ok_or_else(|| format!("{SHAPE}: the array holds a non-string")),
        other => Err(format!("{SHAPE}, not {}", other.type_str())),
    }
}

/// The canonical form of a text field, used both for rendering and for hashing, so that two
/// files that differ only in how the TOML is laid out (quoting style, a newline after `'''`,
/// trailing blank lines, CRLF) compile to the same markup and the same hashes.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    // Drop whole blank lines at the start, but keep the first content line's indentation:
    // Markdown gives leading spaces meaning (an indented code block).
    let start = text
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .filter(|(_, c)| *c == '\n')
        .last()
        .map_or(0, |(i, _)| i + 1);
    text[start..].trim_end().to_owned()
}

/// serde/toml messages may span lines ("…\nin `answer`"); a build log reads better with one.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// For a syntax error: which `[[question]]` table (found by reading the lines) holds `offset`.
fn enclosing_question(text: &str, offset: usize) -> Subject {
    let before = &text[..offset.min(text.len())];
    let mut index = 0;
    let mut in_question = false;
    for line in before.lines() {
        let compact: String = line
            .split('#')
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if compact == "[[question]]" {
            index += 1;
            in_question = true;
        } else if compact.starts_with('[')
            && compact != "[[question.choice]]"
            && compact != "[question.check]"
            && compact != "[[question.proof]]"
        {
            in_question = false;
        }
    }
    if !in_question {
        return Subject::File;
    }
    // The id is usually the first key; read it from the whole table, not just up to the error.
    let header_start = nth_question_header(text, index);
    let id = text[header_start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with('['))
        .find_map(id_from_line);
    Subject::Question { index, id }
}

fn nth_question_header(text: &str, index: usize) -> usize {
    let mut seen = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.starts_with("[[question]]") {
            seen += 1;
            if seen == index {
                return offset;
            }
        }
        offset += line.len();
    }
    0
}

fn id_from_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    if key.trim() != "id" {
        return None;
    }
    let value = value.trim();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &value[1..];
    Some(rest[..rest.find(quote)?].to_owned())
}
