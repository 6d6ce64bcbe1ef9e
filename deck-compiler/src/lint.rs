//! Lints: things a deck may do but probably should not. They are warnings, not errors
//! (`cargo::warning=` lines from `build.rs`); [`crate::lint_str`] returns them for tests.
//!
//! - **Hint gives the answer away**: the hint shares a *distinctive* word with the right
//!   choice(s) and with none of the wrong ones. A hint word is distinctive when it is at least
//!   [`MIN_WORD_LEN`] characters long, not one of [`STOP_WORDS`], not a word of the prompt
//!   (the learner has read those already) and not listed in the question's `hint_allows`.
//!   Words are what [`words`] finds: runs of ASCII letters, digits and `_`, lowercased, so an
//!   identifier such as `sync_to_async` is one word, and `asyncio.gather` is two. There is no
//!   stemming: `await` and `awaits` are different words. Order questions are not linted for
//!   this (all their choices are right).
//! - **Code line too long**: a line of a code block (fenced or indented) is longer than a
//!   390 px phone shows in the app's monospace font before the block scrolls:
//!   [`CODE_LINE_MAX`] characters in the prompt, the hint, the explanation or a `why`, and
//!   [`CHOICE_CODE_LINE_MAX`] in a choice's text (an option's text column is narrower).
//!   Characters are Unicode scalar values; a tab counts up to the next multiple of 4.
//!
//! A `hint_allows` word the hint lint does not flag is itself a warning, so allowances do not
//! outlive the hint they were written for.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::error::DeckWarning;
use crate::source::{SourceDeck, SourceQuestion};

/// The widest code line (in characters) a 390 px wide phone shows without scrolling in a code
/// block of the prompt, the hint, the explanation or a `why`. Measured in the release build in
/// Chromium: the app's monospace code font is 13.25 px, 7.94 px per character, and such a block
/// fits 42 characters at 390 px (33 at 320 px). Change it here if the font or the layout
/// changes.
pub const CODE_LINE_MAX: usize = 42;

/// The widest code line (in characters) a 390 px wide phone shows without scrolling in a code
/// block inside a choice's text. Measured as [`CODE_LINE_MAX`] was: an option's text column is
/// narrower (the option's padding and its marker), so it fits only 30 characters at 390 px (22
/// at 320 px).
pub const CHOICE_CODE_LINE_MAX: usize = 30;

/// Hint words shorter than this are never distinctive (`a`, `io` of `I/O`, `to`).
pub const MIN_WORD_LEN: usize = 3;

/// Words too common to give an answer away, whatever they share.
pub const STOP_WORDS: &[&str] = &[
    "about", "above", "after", "again", "against", "all", "also", "and", "another", "any", "are",
    "aren", "around", "because", "been", "before", "being", "below", "between", "both", "but",
    "can", "cannot", "could", "did", "does", "doesn", "doing", "don", "done", "down", "during",
    "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further", "get",
    "gets", "got", "had", "has", "have", "having", "her", "here", "hers", "him", "his", "how",
    "into", "isn", "its", "itself", "just", "let", "like", "look", "made", "make", "makes", "many",
    "may", "might", "more", "most", "much", "must", "need", "needs", "neither", "never", "nor",
    "not", "now", "off", "once", "one", "only", "onto", "other", "others", "our", "ours", "out",
    "over", "own", "same", "see", "should", "since", "some", "still", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "thing", "things", "think",
    "this", "those", "though", "through", "thus", "too", "under", "until", "upon", "use", "used",
    "uses", "using", "very", "via", "was", "wasn", "way", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "won", "would", "yes", "yet", "you", "your", "yours",
];

/// Every warning for `deck` (read from `file`, whose contents are `text`), in file order.
pub(crate) fn lint(file: &str, text: &str, deck: &SourceDeck) -> Vec<DeckWarning> {
    let mut warnings = Vec::new();
    for question in &deck.questions {
        let warn = |line: usize, message: String| DeckWarning {
            file: file.to_owned(),
            line: Some(line),
            subject: question.subject(),
            message,
        };
        for message in hint_warnings(question) {
            warnings.push(warn(question.line, message));
        }
        for (line, message) in code_line_warnings(text, question) {
            warnings.push(warn(line, message));
        }
    }
    warnings.sort_by_key(|warning| warning.line);
    warnings
}

/// The lowercase words of `text`: runs of ASCII letters, digits and `_`.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Whether `word` is one word as [`words`] reads them (what `hint_allows` lists).
pub(crate) fn is_word(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn hint_warnings(question: &SourceQuestion) -> Vec<String> {
    let mut messages = Vec::new();
    let leaks = if question.is_order() {
        BTreeSet::new()
    } else {
        hint_leaks(question)
    };
    let allowed: BTreeSet<&str> = question.hint_allows.iter().map(String::as_str).collect();
    let flagged: Vec<&String> = leaks
        .iter()
        .filter(|word| !allowed.contains(word.as_str()))
        .collect();
    if !flagged.is_empty() {
        let right: Vec<&str> = question
            .choices
            .iter()
            .filter(|choice| question.is_correct(&choice.id))
            .map(|choice| choice.id.as_str())
            .collect();
        let quoted = |words: &[&String]| {
            words
                .iter()
                .map(|word| format!("{word:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        messages.push(format!(
            "the hint shares {} with the right choice{} ({}) and with no wrong one, so it may \
             give the answer away: reword the hint, or if it is fair, allow it with \
             `hint_allows = [{}]`",
            quoted(&flagged),
            if right.len() == 1 { "" } else { "s" },
            right.join(", "),
            quoted(&flagged)
        ));
    }
    for word in &question.hint_allows {
        if !leaks.contains(word) {
            messages.push(format!(
                "`hint_allows` lists {word:?}, which the hint lint does not flag: drop it"
            ));
        }
    }
    messages
}

/// The distinctive hint words found in a right choice's text and in no wrong choice's text.
fn hint_leaks(question: &SourceQuestion) -> BTreeSet<String> {
    let prompt: BTreeSet<String> = words(&question.prompt).collect();
    let stop: BTreeSet<&str> = STOP_WORDS.iter().copied().collect();
    let mut right = BTreeSet::new();
    let mut wrong = BTreeSet::new();
    for choice in &question.choices {
        let set = if question.is_correct(&choice.id) {
            &mut right
        } else {
            &mut wrong
        };
        set.extend(words(&choice.text));
    }
    words(&question.hint)
        .filter(|word| {
            word.len() >= MIN_WORD_LEN
                && !stop.contains(word.as_str())
                && !prompt.contains(word)
                && right.contains(word)
                && !wrong.contains(word)
        })
        .collect()
}

/// `(line in the file, message)` for each code line wider than its field allows
/// ([`CODE_LINE_MAX`], or [`CHOICE_CODE_LINE_MAX`] in a choice's text).
fn code_line_warnings(text: &str, question: &SourceQuestion) -> Vec<(usize, String)> {
    let mut fields = vec![
        ("prompt".to_owned(), question.prompt.as_str(), CODE_LINE_MAX),
        ("hint".to_owned(), question.hint.as_str(), CODE_LINE_MAX),
    ];
    for choice in &question.choices {
        fields.push((
            format!("choice {:?} text", choice.id),
            choice.text.as_str(),
            CHOICE_CODE_LINE_MAX,
        ));
    }
    fields.push((
        "explanation".to_owned(),
        question.explanation.as_str(),
        CODE_LINE_MAX,
    ));
    for choice in &question.choices {
        if let Some(why) = &choice.why {
            fields.push((
                format!("choice {:?} why", choice.id),
                why.as_str(),
                CODE_LINE_MAX,
            ));
        }
    }

    let question_start = offset_of_line(text, question.line);
    let mut found = BTreeSet::new(); // offsets already reported, so a repeated line is found again
    let mut out = Vec::new();
    for (field, markdown, max) in fields {
        for code_line in code_lines(markdown) {
            let width = width(&code_line);
            if width <= max {
                continue;
            }
            // The line as written in the file (literal strings keep it verbatim); else the
            // question's header.
            let at = text[question_start..]
                .match_indices(code_line.as_str())
                .map(|(at, _)| question_start + at)
                .find(|at| !found.contains(at));
            let line = match at {
                Some(at) => {
                    found.insert(at);
                    line_of(text, at)
                }
                None => question.line,
            };
            out.push((
                line,
                format!(
                    "{field}: a code line is {width} characters, wider than the \
                     {max} a 390 px phone shows: {:?}",
                    code_line.trim()
                ),
            ));
        }
    }
    out
}

/// The lines of every code block in `markdown`.
fn code_lines(markdown: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut block: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => block = Some(String::new()),
            Event::Text(text) => {
                if let Some(block) = block.as_mut() {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = block.take() {
                    lines.extend(block.lines().map(str::to_owned));
                }
            }
            _ => {}
        }
    }
    lines
}

/// Display width in characters, tabs to the next multiple of 4.
fn width(line: &str) -> usize {
    line.chars().fold(0, |width, c| {
        if c == '\t' {
            width + 4 - width % 4
        } else {
            width + 1
        }
    })
}

fn offset_of_line(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
