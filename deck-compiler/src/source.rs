//! Reading a deck file: TOML into plain structs, with every serde error tied to a question.
//!
//! Questions are read as loose tables first and then deserialized one by one, so that a missing
//! or misspelled field is reported with the id of the question it is in (serde alone would only
//! give a byte offset into the file).

use serde::Deserialize;
use toml::{Spanned, Table, Value};

use crate::error::{DeckError, DeckErrors, Subject};

/// A deck as written, every text field normalized (see [`normalize`]) but still Markdown.
#[derive(Debug, Clone)]
pub(crate) struct SourceDeck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub topics: Vec<SourceTopic>,
    pub questions: Vec<SourceQuestion>,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    One(String),
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

#[derive(Debug, Clone)]
pub(crate) struct SourceChoice {
    pub id: String,
    pub text: String,
    pub why: Option<String>,
    /// Code the oracle runs for this choice, when it is not the fenced block in `text`.
    pub code: Option<String>,
    /// What the oracle observes when it runs this choice (see `decks/README.md`).
    pub expect: Option<Table>,
    /// Order questions only: the string the check's code appends to `events` when this
    /// choice's event happens. Compared exactly, so not normalized.
    pub event: Option<String>,
}

/// `[question.check]`: the runnable claim. The compiler validates its shape; the oracle
/// (`tests/oracle/`) runs it. None of it reaches the app.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceCheck {
    pub run: String,
    /// The code to run once; when absent, the prompt's ```python block (or, with a `claim`,
    /// each choice's code).
    pub code: Option<String>,
    /// Code run before the code under test (helpers, `MIDDLEWARE`, …), not shown to learners.
    pub setup: Option<String>,
    pub claim: Option<Table>,
    pub env: Option<Table>,
    /// Where the check runs (`asgi`, `async-client`, `wsgi`, `script`); absent: the default
    /// of its `run` (see `validate::default_handlers`).
    pub handlers: Option<Vec<String>>,
}

/// `[[question.proof]]`: one runtime sentence of the explanation or of a `why`, and the run
/// that proves it. Validated like a check; run by the oracle; only its receipts (and its
/// `says`) reach the app.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceProof {
    pub says: String,
    pub run: String,
    pub handlers: Option<Vec<String>>,
    pub setup: Option<String>,
    pub env: Option<Table>,
    pub code: String,
    pub expect: Table,
}

/// `source = { title, url, version }`: the documentation page a non-runnable claim rests on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceRef {
    pub title: String,
    pub url: String,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    deck: RawDeck,
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    question: Vec<Spanned<Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeck {
    id: String,
    title: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    topic: String,
    kind: Option<String>,
    prompt: String,
    hint: String,
    answer: Option<Value>,
    explanation: String,
    #[serde(default)]
    choice: Vec<Table>,
    check: Option<SourceCheck>,
    source: Option<SourceRef>,
    #[serde(default)]
    proof: Vec<Table>,
    #[serde(default)]
    hint_allows: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: String,
    text: String,
    why: Option<String>,
    code: Option<String>,
    expect: Option<Table>,
    event: Option<String>,
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
        let choice: RawChoice =
            Value::Table(table.clone())
                .try_into()
                .map_err(|error: toml::de::Error| {
                    format!("{label}: {}", one_line(&error.to_string()))
                })?;
        choices.push(SourceChoice {
            id: choice.id,
            text: normalize(&choice.text),
            why: choice.why.as_deref().map(normalize),
            code: choice.code.as_deref().map(normalize),
            expect: choice.expect,
            event: choice.event,
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
