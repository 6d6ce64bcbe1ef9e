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
pub use markdown::{render, Layout, CLASS_PREFIX};
pub use validate::{is_slug, MIN_CHOICES};

/// A deck ready to be written out: the same shape as the app's `Deck`, with owned strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledDeck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub hash: String,
    pub questions: Vec<CompiledQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledQuestion {
    pub id: String,
    pub hash: String,
    pub prompt_html: String,
    pub choices: Vec<CompiledChoice>,
    pub hint_html: String,
    pub explanation_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledChoice {
    pub id: String,
    pub html: String,
    pub correct: bool,
    /// Empty on the correct choice.
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
pub fn compile_file(path: &Path, display_name: &str) -> Result<CompiledDeck, DeckErrors> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        DeckErrors::single(DeckError {
            file: display_name.to_owned(),
            line: None,
            subject: Subject::File,
            message: format!("cannot read the deck file: {error}"),
        })
    })?;
    compile_str(display_name, &text)
}

/// Compiles deck file contents `text`; errors name the file as `file`.
pub fn compile_str(file: &str, text: &str) -> Result<CompiledDeck, DeckErrors> {
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
                    Layout::Inline,
                ),
                correct: choice.id == question.answer,
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
        questions.push(CompiledQuestion {
            id: question.id.clone(),
            hash: hash::question_hash(question),
            prompt_html,
            choices,
            hint_html,
            explanation_html,
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
        questions,
    })
}
