//! quizdeck's deck compiler: reads a deck file (TOML, texts in Markdown), validates it, renders
//! the Markdown to HTML with code highlighted, hashes the content, and writes Rust source that
//! the app compiles in. It runs from the app's `build.rs`; the browser never sees a deck file,
//! a Markdown parser or a highlighter.
//!
//! The deck file format is described in `decks/README.md`.

mod codegen;
mod error;
mod hash;
mod markdown;
mod source;
mod validate;

use std::path::Path;

pub use error::{DeckError, DeckErrors, Subject};
pub use markdown::{render, Layout, TOKEN_CLASSES};
pub use validate::{is_slug, CHECK_RUNS, EXPECT_KEYS, MIN_CHOICES};

/// The oracle's pinned environment, `tests/oracle/requirements.txt` (see [`OraclePin::read`]).
pub const ORACLE_REQUIREMENTS: &str = "tests/oracle/requirements.txt";

/// What the oracle proves checked questions against. The version is read from the oracle's pin,
/// never written in the deck, so the app cannot claim a version the oracle did not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OraclePin {
    /// The exact Django version, e.g. `5.2.19`.
    pub django: String,
}

impl OraclePin {
    /// Reads the `Django==X.Y.Z` line of a pip requirements file.
    pub fn read(path: &Path, display_name: &str) -> Result<OraclePin, DeckErrors> {
        let error = |message: String| {
            DeckErrors::single(DeckError {
                file: display_name.to_owned(),
                line: None,
                subject: Subject::File,
                message,
            })
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(format!("cannot read the oracle's pins: {e}")))?;
        OraclePin::parse(&text).ok_or_else(|| error("no `Django==X.Y.Z` pin".to_owned()))
    }

    /// The version in a `Django==X.Y.Z` line (case-insensitive name, comments ignored).
    pub fn parse(requirements: &str) -> Option<OraclePin> {
        requirements.lines().find_map(|line| {
            let line = line.split('#').next()?.trim();
            let (name, version) = line.split_once("==")?;
            let version = version.trim();
            let well_formed = !version.is_empty()
                && version
                    .split('.')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
            (name.trim().eq_ignore_ascii_case("django") && well_formed).then(|| OraclePin {
                django: version.to_owned(),
            })
        })
    }
}

/// A deck ready to be written out: the same shape as the app's `Deck`, with owned strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledDeck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub hash: String,
    pub topics: Vec<CompiledTopic>,
    pub questions: Vec<CompiledQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledTopic {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledQuestion {
    pub id: String,
    pub hash: String,
    /// Id of its topic (declared in the deck).
    pub topic: String,
    pub kind: Kind,
    pub prompt_html: String,
    pub choices: Vec<CompiledChoice>,
    pub hint_html: String,
    pub explanation_html: String,
    pub evidence: Evidence,
}

/// Single choice (`answer = "b"`, radio buttons) or select all that apply (`answer = [...]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
}

/// What a question's answer rests on. A check's code stays in the deck file and the oracle:
/// the app only learns which Django version proved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    Checked {
        django: String,
    },
    Source {
        title: String,
        url: String,
        version: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledChoice {
    pub id: String,
    pub html: String,
    pub correct: bool,
    /// Why this choice is wrong, or (on right choices) why it is right; empty only on the
    /// right choice of a single-choice question that has no `why`.
    pub reason_html: String,
}

impl CompiledDeck {
    /// The Rust source defining `pub static DECK: Deck`; `source_name` goes in its header.
    pub fn to_rust(&self, source_name: &str) -> String {
        codegen::to_rust(self, source_name)
    }
}

/// Compiles the deck file at `path`; errors name it as `display_name` (e.g. the path relative
/// to the crate root, as the author knows it).
pub fn compile_file(
    path: &Path,
    display_name: &str,
    oracle: &OraclePin,
) -> Result<CompiledDeck, DeckErrors> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        DeckErrors::single(DeckError {
            file: display_name.to_owned(),
            line: None,
            subject: Subject::File,
            message: format!("cannot read the deck file: {error}"),
        })
    })?;
    compile_str(display_name, &text, oracle)
}

/// Compiles deck file contents `text`; errors name the file as `file`. Checked questions are
/// recorded as proven against `oracle.django`.
pub fn compile_str(file: &str, text: &str, oracle: &OraclePin) -> Result<CompiledDeck, DeckErrors> {
    let deck = source::parse(file, text)?;
    let mut errors = validate::validate(file, &deck);

    let mut questions = Vec::with_capacity(deck.questions.len());
    for question in &deck.questions {
        let mut render = |field: &str, markdown: &str, layout: Layout| {
            if markdown.is_empty() {
                return String::new(); // already reported by `validate`
            }
            markdown::render(markdown, layout).unwrap_or_else(|message| {
                errors.push(DeckError {
                    file: file.to_owned(),
                    line: Some(question.line),
                    subject: question.subject(),
                    message: format!("{field}: {message}"),
                });
                String::new()
            })
        };
        let prompt_html = render("prompt", &question.prompt, Layout::Block);
        let choices = question
            .choices
            .iter()
            .map(|choice| CompiledChoice {
                id: choice.id.clone(),
                html: render(
                    &format!("choice {:?} text", choice.id),
                    &choice.text,
                    Layout::Choice,
                ),
                correct: question.answer.contains(&choice.id),
                reason_html: choice.why.as_deref().map_or(String::new(), |why| {
                    render(
                        &format!("choice {:?} why", choice.id),
                        why,
                        Layout::OneParagraph,
                    )
                }),
            })
            .collect();
        let hint_html = render("hint", &question.hint, Layout::Inline);
        let explanation_html = render("explanation", &question.explanation, Layout::Block);
        let evidence = match (&question.check, &question.source) {
            (None, Some(source)) => Evidence::Source {
                title: source.title.trim().to_owned(),
                url: source.url.trim().to_owned(),
                version: source.version.trim().to_owned(),
            },
            // With a check (or, already reported, both or neither).
            _ => Evidence::Checked {
                django: oracle.django.clone(),
            },
        };
        questions.push(CompiledQuestion {
            id: question.id.clone(),
            hash: hash::question_hash(question),
            topic: question.topic.clone(),
            kind: if question.answer.is_multiple() {
                Kind::Multiple
            } else {
                Kind::Single
            },
            prompt_html,
            choices,
            hint_html,
            explanation_html,
            evidence,
        });
    }
    if !errors.is_empty() {
        // File-level problems first, then questions in file order.
        errors.sort_by_key(|error| error.line.unwrap_or(0));
        return Err(DeckErrors(errors));
    }

    let hash = hash::deck_hash(
        &deck.id,
        questions
            .iter()
            .map(|question| (question.id.as_str(), question.hash.as_str())),
    );
    Ok(CompiledDeck {
        id: deck.id,
        title: deck.title,
        description: deck.description,
        hash,
        topics: deck
            .topics
            .into_iter()
            .map(|topic| CompiledTopic {
                id: topic.id,
                title: topic.title,
            })
            .collect(),
        questions,
    })
}
