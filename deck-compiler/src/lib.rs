//! quizdeck's deck compiler: reads the deck files (`decks/*.toml`, texts in Markdown), validates
//! them, renders the Markdown to HTML with code highlighted, hashes the content, and writes Rust
//! source that the app compiles in. It runs from the app's `build.rs`; the browser never sees a
//! deck file, a Markdown parser or a highlighter. The `deck` tool (`src/bin/deck.rs`) checks,
//! exports and starts decks with the same code, and prints the format's JSON Schema.
//!
//! The deck file format is described in `decks/README.md`.

mod codegen;
mod error;
mod hash;
mod lint;
mod markdown;
mod receipts;
mod schema;
mod source;
mod validate;

use std::path::{Path, PathBuf};

pub use error::{DeckError, DeckErrors, DeckWarning, Subject};
pub use lint::{words, CHOICE_CODE_LINE_MAX, CODE_LINE_MAX, MIN_WORD_LEN, STOP_WORDS};
pub use markdown::{render, Layout, MAX_INDENT_LEVEL, TOKEN_CLASSES};
pub use schema::{deck_schema, SCHEMA_FILE};
pub use validate::{
    default_handlers, is_slug, CHECK_RUNS, EXPECT_KEYS, MIN_CHOICES, ORDER_CHOICES,
};

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

    /// The pinned major.minor (`5.2` of `5.2.19`), which the docs a deck cites must name.
    pub fn django_series(&self) -> String {
        let parts: Vec<&str> = self.django.split('.').take(2).collect();
        parts.join(".")
    }

    /// `the 5.2 LTS` when the pin is a long-term support release: in Django's release process
    /// every X.2 feature release is one (docs.djangoproject.com/en/5.2/internals/release-process/).
    pub fn django_release_line(&self) -> Option<String> {
        let series = self.django_series();
        series.ends_with(".2").then(|| format!("the {series} LTS"))
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
    /// What proves the deck's checked questions.
    pub oracle: CompiledOracle,
    /// What the oracle ran, from the receipts file; `None` without one.
    pub versions: Option<Versions>,
}

/// What proves a deck's checked questions, as the app tells the learner (the app's `Oracle`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledOracle {
    /// `[deck.oracle] runner`.
    pub runner: Runner,
    /// What ran the checks, with its version: `Django 5.2.19` (the oracle's pin), `Python 3.11`
    /// (the receipts'; `Python` before there are any).
    pub proven_with: String,
    /// The release line of that version, when it tells the learner what the deck covers:
    /// `the 5.2 LTS`.
    pub release_line: Option<String>,
}

/// The versions the receipts were recorded with (`versions` in the receipts file): Python's
/// alone for a [`Runner::Python`] deck, which runs no Django.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    pub python: String,
    pub django: Option<String>,
    pub asgiref: Option<String>,
    pub uvicorn: Option<String>,
}

/// Which oracle proves a deck (`[deck.oracle] runner`), and so where its code may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Runner {
    Django,
    Python,
}

impl Runner {
    pub const ALL: [Runner; 2] = [Runner::Django, Runner::Python];

    /// The name written in decks (`runner = "python"`).
    pub fn id(self) -> &'static str {
        match self {
            Runner::Django => "django",
            Runner::Python => "python",
        }
    }

    /// What it is, for the schema's and the app's docs.
    pub fn description(self) -> &'static str {
        match self {
            Runner::Django => {
                "The Django pinned in tests/oracle/requirements.txt, with uvicorn and asgiref: \
                 checks and proofs run under asgi, async-client, wsgi or script."
            }
            Runner::Python => {
                "Plain Python 3.11, no Django: checks and proofs run only as `script` \
                 (its default), `main()` called under plain python3."
            }
        }
    }

    /// The handlers its checks and proofs may name.
    pub fn handlers(self) -> &'static [Handler] {
        match self {
            Runner::Django => &Handler::ALL,
            Runner::Python => &[Handler::Script],
        }
    }
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
    /// Its hash under the first definition, which covered the hint and explanation too.
    pub hash_v1: String,
    /// Id of its topic (declared in the deck).
    pub topic: String,
    pub kind: Kind,
    pub prompt_html: String,
    /// Where in `prompt_html` the markup that names the question is (`start..end`): its first
    /// paragraph's content, or the whole prompt when it has none.
    pub title_in_prompt: (usize, usize),
    pub choices: Vec<CompiledChoice>,
    pub hint_html: String,
    pub explanation_html: String,
    pub evidence: Evidence,
    /// What the oracle observed, in the receipts file's order; empty without receipts.
    pub receipts: Vec<CompiledReceipt>,
}

/// Single choice (`answer = "b"`, radio buttons), select all that apply (`answer = [...]`), or
/// put the events in order (`kind = "order"`: the choices in file order are the answer, and
/// every choice is `correct`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
    Order,
}

/// Where a run happened (`handlers` in a check, a proof or a receipt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    Asgi,
    AsyncClient,
    Wsgi,
    Script,
}

impl Handler {
    pub const ALL: [Handler; 4] = [
        Handler::Asgi,
        Handler::AsyncClient,
        Handler::Wsgi,
        Handler::Script,
    ];

    /// The id written in decks and receipts (`async-client`).
    pub fn id(self) -> &'static str {
        match self {
            Handler::Asgi => "asgi",
            Handler::AsyncClient => "async-client",
            Handler::Wsgi => "wsgi",
            Handler::Script => "script",
        }
    }

    /// What it is, for the schema's and the app's docs.
    pub fn description(self) -> &'static str {
        match self {
            Handler::Asgi => {
                "A real ASGI server (uvicorn on 127.0.0.1) serving Django's `ASGIHandler`."
            }
            Handler::AsyncClient => "Django's test `AsyncClient` (no `ASGIHandler`).",
            Handler::Wsgi => "The WSGI path (Django's sync test `Client`, or wsgiref's server).",
            Handler::Script => "Plain Python, no request: `main()` is called.",
        }
    }

    pub fn from_id(id: &str) -> Option<Handler> {
        Handler::ALL.into_iter().find(|handler| handler.id() == id)
    }

    /// Every id, for messages: `asgi, async-client, wsgi, script`.
    pub(crate) fn ids(handlers: &[Handler]) -> String {
        let ids: Vec<&str> = handlers.iter().map(|handler| handler.id()).collect();
        ids.join(", ")
    }
}

/// One receipt: what Django did in one run the oracle made for a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledReceipt {
    pub of: ReceiptFor,
    /// Where it ran; several when they all observed the same.
    pub handlers: Vec<Handler>,
    /// Plain text, e.g. `raised SynchronousOnlyOperation: …`.
    pub summary: String,
}

/// What a receipt is the run of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptFor {
    /// One choice's own code (a check with a `claim`), by choice id.
    Choice(String),
    /// The check's one shared run (a check without `claim`, or an order question).
    Check,
    /// A `[[question.proof]]`: what it proves (its `says`, rendered as one line of Markdown).
    Proof { says_html: String },
}

/// What a question's answer rests on. A check's code stays in the deck file and the oracle:
/// the app only learns that the deck's oracle proved it ([`CompiledOracle`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    Checked,
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
    /// Right by the answer key; on an order question every choice (the answer is their order).
    pub correct: bool,
    /// Why this choice is wrong, or (on right choices) why it is right; empty only on the
    /// right choice of a single-choice question that has no `why`.
    pub reason_html: String,
}

/// The Rust source defining every deck of `decks` (see [`compile_decks`], which sorts them by
/// id), `pub static DECKS` and the enums the app shares with the compiler.
pub fn decks_to_rust(decks: &[CompiledDeck]) -> String {
    codegen::to_rust(decks)
}

/// The directory of the deck files, relative to the repository root.
pub const DECKS_DIR: &str = "decks";

/// The environment variable that makes the app's build compile another directory's decks
/// instead of [`DECKS_DIR`] (relative to the repository root): the size budget builds the app
/// once with the smallest decks (`tests/fixtures/smallest-decks`), to tell the app's code
/// from the decks' content.
pub const DECKS_DIR_VARIABLE: &str = "QUIZDECK_DECKS_DIR";

/// The directory of the decks to build: [`DECKS_DIR_VARIABLE`]'s, or [`DECKS_DIR`].
pub fn decks_dir() -> String {
    std::env::var(DECKS_DIR_VARIABLE).unwrap_or_else(|_| DECKS_DIR.to_owned())
}

/// A deck file: where it is, and the name errors give it (relative to the repository root, as
/// the author knows it: `decks/django-async.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckFile {
    pub path: PathBuf,
    pub name: String,
}

impl DeckFile {
    /// `name` relative to `root`.
    pub fn new(root: &Path, name: &str) -> DeckFile {
        DeckFile {
            path: root.join(name),
            name: name.to_owned(),
        }
    }
}

/// Every deck file in `root`'s `decks/` (each `*.toml`), sorted by name. An error when there is
/// none: the app needs a deck.
pub fn deck_files(root: &Path) -> Result<Vec<DeckFile>, DeckErrors> {
    deck_files_in(root, DECKS_DIR)
}

/// Every deck file (`*.toml`) in `root`'s directory `dir`, sorted by name; see [`deck_files`].
pub fn deck_files_in(root: &Path, dir: &str) -> Result<Vec<DeckFile>, DeckErrors> {
    let error = |message: String| {
        DeckErrors::single(DeckError {
            file: dir.to_owned(),
            line: None,
            subject: Subject::File,
            message,
        })
    };
    let entries = std::fs::read_dir(root.join(dir))
        .map_err(|e| error(format!("cannot read the decks directory: {e}")))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| error(format!("cannot read the decks directory: {e}")))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.ends_with(".toml") {
            names.push(format!("{dir}/{file_name}"));
        }
    }
    if names.is_empty() {
        return Err(error(format!(
            "no deck files ({dir}/*.toml): the app needs at least one; start one with \
             `scripts/deck new <id>`"
        )));
    }
    names.sort();
    Ok(names.iter().map(|name| DeckFile::new(root, name)).collect())
}

/// Compiles every file of `files` (with its receipts), sorted by deck id; the errors of every
/// file, and a deck id that two files share.
pub fn compile_decks(
    files: &[DeckFile],
    oracle: &OraclePin,
) -> Result<Vec<CompiledDeck>, DeckErrors> {
    let decks = read_decks(files, |file| {
        compile_file(&file.path, &file.name, oracle).map(|deck| (deck.id.clone(), deck))
    })?;
    Ok(decks.into_iter().map(|(_, deck)| deck).collect())
}

/// `read` of every file, by deck id and sorted by it; the errors of every file, and a deck id
/// that two files share.
fn read_decks<T>(
    files: &[DeckFile],
    read: impl Fn(&DeckFile) -> Result<(String, T), DeckErrors>,
) -> Result<Vec<(String, T)>, DeckErrors> {
    let mut decks = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match read(file) {
            Ok((id, deck)) => decks.push((id, deck, file)),
            Err(DeckErrors(found)) => errors.extend(found),
        }
    }
    decks.sort_by(|(a, ..), (b, ..)| a.cmp(b));
    errors.extend(duplicate_ids(
        decks.iter().map(|(id, _, file)| (id.as_str(), *file)),
    ));
    if errors.is_empty() {
        Ok(decks.into_iter().map(|(id, deck, _)| (id, deck)).collect())
    } else {
        Err(DeckErrors(errors))
    }
}

/// An error for each file whose deck id an earlier one has; `decks` sorted by id. (A file's id is
/// its stem, which the validator checks, so this only happens when a deck file is named twice.)
fn duplicate_ids<'a>(decks: impl Iterator<Item = (&'a str, &'a DeckFile)>) -> Vec<DeckError> {
    let mut errors = Vec::new();
    let mut previous: Option<(&str, &DeckFile)> = None;
    for (id, file) in decks {
        match previous {
            Some((previous_id, first)) if previous_id == id => errors.push(DeckError {
                file: file.name.clone(),
                line: None,
                subject: Subject::File,
                message: format!(
                    "deck id {id:?} is also {}'s: deck ids must be unique across decks",
                    first.name
                ),
            }),
            _ => previous = Some((id, file)),
        }
    }
    errors
}

/// The deck file `file` as JSON in the TOML document's own shape (same keys and nesting,
/// nothing renamed, no defaults filled in), once it passes the build's rules. Receipts are not
/// read: the oracle exports a deck to (re)write them.
pub fn export_file(file: &DeckFile, oracle: &OraclePin) -> Result<serde_json::Value, DeckErrors> {
    let text = read_deck(&file.path, &file.name)?;
    compile_str(&file.name, &text, oracle)?;
    // A deck that compiles is TOML the JSON data model holds (it has no dates).
    toml::from_str(&text).map_err(|error| {
        DeckErrors::single(DeckError {
            file: file.name.clone(),
            line: None,
            subject: Subject::File,
            message: error.message().to_owned(),
        })
    })
}

/// Every file of `files` exported (see [`export_file`]), by deck id.
pub fn export_decks(
    files: &[DeckFile],
    oracle: &OraclePin,
) -> Result<serde_json::Map<String, serde_json::Value>, DeckErrors> {
    let exports = read_decks(files, |file| {
        let export = export_file(file, oracle)?;
        let id = export["deck"]["id"].as_str().unwrap_or_default().to_owned();
        Ok((id, export))
    })?;
    Ok(exports.into_iter().collect())
}

/// The text of a new deck file (`scripts/deck new`): a minimal valid deck with every field
/// commented, titled `title`. An error when `id` is not a slug.
pub fn new_deck(id: &str, title: &str) -> Result<String, String> {
    if !is_slug(id) {
        return Err(format!(
            "deck id {id:?} is not a lowercase slug (letters a-z, digits 0-9, single hyphens \
             between them)"
        ));
    }
    if title.trim().is_empty() || title.chars().any(char::is_control) {
        return Err(format!("title {title:?} must be one line of plain text"));
    }
    let quoted = format!(
        "\"{}\"",
        title.trim().replace('\\', "\\\\").replace('"', "\\\"")
    );
    Ok(NEW_DECK.replace("{id}", id).replace("{title}", &quoted))
}

/// The template of [`new_deck`], with `{id}` and `{title}` to fill in.
const NEW_DECK: &str = include_str!("new-deck.toml");

/// Where the receipts of the deck file at `deck` are: `<dir>/<stem>.receipts.json`
/// (`decks/django-async.toml` → `decks/django-async.receipts.json`).
pub fn receipts_path(deck: &Path) -> PathBuf {
    let stem = deck.file_stem().unwrap_or_default().to_string_lossy();
    deck.with_file_name(format!("{stem}.receipts.json"))
}

/// A receipts file's contents and the name errors give it.
#[derive(Debug, Clone, Copy)]
pub struct ReceiptsText<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

/// Compiles the deck file at `path`, with the receipts beside it (see [`receipts_path`]) when
/// they exist; errors name them as `display_name` and its receipts path (e.g. relative to the
/// crate root, as the author knows them).
pub fn compile_file(
    path: &Path,
    display_name: &str,
    oracle: &OraclePin,
) -> Result<CompiledDeck, DeckErrors> {
    let text = read_deck(path, display_name)?;
    let receipts_name = receipts_path(Path::new(display_name))
        .to_string_lossy()
        .into_owned();
    let receipts = match std::fs::read_to_string(receipts_path(path)) {
        Ok(receipts) => Some(receipts),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(DeckErrors::single(DeckError {
                file: receipts_name,
                line: None,
                subject: Subject::File,
                message: format!("cannot read the receipts: {error}"),
            }))
        }
    };
    let receipts = receipts.as_deref().map(|text| ReceiptsText {
        file: &receipts_name,
        text,
    });
    compile_with_receipts(display_name, &text, oracle, receipts)
}

/// The warnings for the deck file at `path` (see [`lint_str`]).
pub fn lint_file(path: &Path, display_name: &str) -> Result<Vec<DeckWarning>, DeckErrors> {
    lint_str(display_name, &read_deck(path, display_name)?)
}

/// The lints' warnings for deck file contents `text` (`file` names it), in file order: a hint
/// that may give the answer away, a code line too wide for a phone (see the README's
/// "Lints"). Errors only when the file cannot be read as a deck at all.
pub fn lint_str(file: &str, text: &str) -> Result<Vec<DeckWarning>, DeckErrors> {
    let deck = source::parse(file, text)?;
    Ok(lint::lint(file, text, &deck))
}

fn read_deck(path: &Path, display_name: &str) -> Result<String, DeckErrors> {
    std::fs::read_to_string(path).map_err(|error| {
        DeckErrors::single(DeckError {
            file: display_name.to_owned(),
            line: None,
            subject: Subject::File,
            message: format!("cannot read the deck file: {error}"),
        })
    })
}

/// The content of the first paragraph of rendered `html` (pulldown-cmark writes a plain `<p>`,
/// and inline markup never holds a `</p>`), or all of it.
fn title_in(html: &str) -> (usize, usize) {
    html.find("<p>")
        .map(|open| open + "<p>".len())
        .and_then(|start| Some((start, start + html[start..].find("</p>")?)))
        .unwrap_or((0, html.len()))
}

/// Compiles deck file contents `text` without receipts; errors name the file as `file`.
/// A Django deck's checked questions are recorded as proven against `oracle.django`.
pub fn compile_str(file: &str, text: &str, oracle: &OraclePin) -> Result<CompiledDeck, DeckErrors> {
    compile_with_receipts(file, text, oracle, None)
}

/// Compiles deck file contents `text` with its receipts file, if any.
pub fn compile_with_receipts(
    file: &str,
    text: &str,
    oracle: &OraclePin,
    receipts: Option<ReceiptsText>,
) -> Result<CompiledDeck, DeckErrors> {
    let deck = source::parse(file, text)?;
    let mut errors = validate::validate(file, &deck, oracle);
    let mut receipt_errors = Vec::new();
    let receipts = match receipts {
        Some(receipts) => {
            let (read, problems) = receipts::read(receipts.file, receipts.text, &deck, oracle);
            receipt_errors = problems;
            read
        }
        None => receipts::SourceReceipts::default(),
    };

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
                correct: question.is_correct(&choice.id),
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
        let says_html: Vec<String> = question
            .proofs
            .iter()
            .enumerate()
            .map(|(index, proof)| {
                render(
                    &format!("proof {index} says"),
                    &proof.says,
                    Layout::OneParagraph,
                )
            })
            .collect();
        let evidence = match (&question.check, &question.source) {
            (None, Some(source)) => Evidence::Source {
                title: source.title.trim().to_owned(),
                url: source.url.trim().to_owned(),
                version: source.version.trim().to_owned(),
            },
            // With a check (or, already reported, both or neither).
            _ => Evidence::Checked,
        };
        let receipts = receipts
            .questions
            .get(&question.id)
            .map(|entries| {
                entries
                    .iter()
                    .map(|entry| CompiledReceipt {
                        of: match &entry.of {
                            receipts::Of::Choice(id) => ReceiptFor::Choice(id.clone()),
                            receipts::Of::Check => ReceiptFor::Check,
                            receipts::Of::Proof(index) => ReceiptFor::Proof {
                                says_html: says_html[*index].clone(),
                            },
                        },
                        handlers: entry.handlers.clone(),
                        summary: entry.summary.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        questions.push(CompiledQuestion {
            id: question.id.clone(),
            hash: hash::question_hash(question),
            hash_v1: hash::question_hash_v1(question),
            topic: question.topic.clone(),
            kind: if question.is_order() {
                Kind::Order
            } else if question.is_multiple() {
                Kind::Multiple
            } else {
                Kind::Single
            },
            title_in_prompt: title_in(&prompt_html),
            prompt_html,
            choices,
            hint_html,
            explanation_html,
            evidence,
            receipts,
        });
    }
    if !errors.is_empty() || !receipt_errors.is_empty() {
        // File-level problems first, then questions in file order; the receipts' after the deck's.
        errors.sort_by_key(|error| error.line.unwrap_or(0));
        receipt_errors.sort_by_key(|error| error.line.unwrap_or(0));
        errors.extend(receipt_errors);
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
        oracle: match deck.oracle.runner {
            Runner::Django => CompiledOracle {
                runner: Runner::Django,
                proven_with: format!("Django {}", oracle.django),
                release_line: oracle.django_release_line(),
            },
            // It runs no Django: the Python it ran is the receipts'.
            Runner::Python => CompiledOracle {
                runner: Runner::Python,
                proven_with: receipts
                    .versions
                    .as_ref()
                    .map_or("Python".to_owned(), |versions| {
                        format!("Python {}", versions.python)
                    }),
                release_line: None,
            },
        },
        versions: receipts.versions,
    })
}

#[cfg(test)]
mod tests {
    use super::title_in;

    fn title(html: &str) -> &str {
        let (start, end) = title_in(html);
        &html[start..end]
    }

    #[test]
    fn a_question_is_named_by_its_first_paragraph_even_after_code() {
        assert_eq!(
            title("<p>Which <code>view</code> is async?</p>\n<p>More.</p>"),
            "Which <code>view</code> is async?"
        );
        assert_eq!(
            title("<pre><code>x = 1\n</code></pre>\n<p>What is <em>x</em>?</p>"),
            "What is <em>x</em>?"
        );
        assert_eq!(
            title("<pre><code>x</code></pre>"),
            "<pre><code>x</code></pre>"
        );
    }
}
