//! The compiled-in content: the decks of questions (one per `decks/*.toml`), validated and
//! rendered to HTML at build time by `deck-compiler` (see `build.rs`). Everything here is
//! `'static` data; nothing is parsed at run time. The generated part (`DECKS`, one static per
//! deck, and the enums `Handler` and `Runner`, which the compiler defines) is included below.

/// A set of questions on one subject.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Deck {
    /// Stable identifier, also the namespace of the saved progress.
    pub id: &'static str,
    pub title: &'static str,
    /// Short plain-text blurb for the start screen.
    pub description: &'static str,
    /// Hash of every question's content: a saved round is only resumed on the same deck.
    pub hash: &'static str,
    /// The groups of questions, in deck order; every question belongs to exactly one.
    pub topics: &'static [Topic],
    pub questions: &'static [Question],
    /// What proves the deck's checked questions: Django's stack, or plain Python.
    pub oracle: Oracle,
    /// What the oracle ran the checks and proofs with, from the receipts file
    /// (`decks/<deck>.receipts.json`); `None` when the deck has no receipts yet.
    pub versions: Option<Versions>,
}

/// What proves a deck's checked questions, as the learner is told.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Oracle {
    pub runner: Runner,
    /// What ran the checks, with its version: `"Django 5.2.19"` (the oracle's pin),
    /// `"Python 3.11"` (the receipts'; `"Python"` before there are any).
    pub proven_with: &'static str,
    /// The release line of that version, when it tells the learner what the deck covers:
    /// `"the 5.2 LTS"`.
    pub release_line: Option<&'static str>,
}

/// The versions the oracle's receipts were recorded with, e.g. `"3.11"`, `"5.2.19"`: Python's
/// alone for a [`Runner::Python`] deck. `django` is the oracle's pin (the compiler rejects
/// receipts of another Django).
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Versions {
    pub python: &'static str,
    pub django: Option<&'static str>,
    pub asgiref: Option<&'static str>,
    pub uvicorn: Option<&'static str>,
}

/// A group of questions in a deck (a learner can take one topic as a round).
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Topic {
    pub id: &'static str,
    /// Plain text.
    pub title: &'static str,
}

/// One question of a deck. All `*_html` fields are finished markup produced at build time
/// (Markdown rendered, code highlighted) from the deck file, never from user data.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Question {
    /// Stable identifier: saved attempts refer to it.
    pub id: &'static str,
    /// Hash of what this question's answers are graded against (prompt, choices, answer key,
    /// kind): an attempt counts while it matches.
    pub hash: &'static str,
    /// Its hash under the first definition, which covered the hint and explanation too: answers
    /// saved under it are carried over to `hash` when progress is loaded.
    pub hash_v1: &'static str,
    /// Id of the deck's [`Topic`] this question belongs to.
    pub topic: &'static str,
    pub kind: QuestionKind,
    pub prompt_html: &'static str,
    /// Where in `prompt_html` the markup naming the question is (see [`Question::title_html`]):
    /// a range rather than a copy, so the text is compiled in once.
    pub title_in_prompt: (usize, usize),
    pub choices: &'static [Choice],
    pub hint_html: &'static str,
    pub explanation_html: &'static str,
    /// What the answer key rests on, to show under the explanation.
    pub evidence: Evidence,
    /// What Django did when the oracle ran this question's check and proofs, in the receipts
    /// file's order. Empty for a question with a `source`, and when the deck has no receipts.
    pub receipts: &'static [Receipt],
}

/// How a question is answered.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum QuestionKind {
    /// Exactly one choice is right (radio buttons).
    Single,
    /// Select all that apply (checkboxes): one or more choices are right, and an answer is right
    /// only when it picks exactly those.
    Multiple,
    /// Put the events in order: `choices` are in the right order (the app shuffles them), and
    /// every one is `correct` (each belongs in the answer, at its index). An answer is right
    /// only when it is exactly that order.
    Order,
}

/// One run the oracle made for a question, and what Django did: "What Django 5.2.19 did under
/// uvicorn: <summary>".
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Receipt {
    /// Which run this is.
    pub of: ReceiptFor,
    /// Where it ran (never empty); several when they all observed the same outcome.
    pub handlers: &'static [Handler],
    /// Plain text, one sentence fragment: `raised SynchronousOnlyOperation: …`,
    /// `responded 200 with JSON {"id": 1}`, `events in order: start 1, start 2, …`.
    pub summary: &'static str,
}

/// What a [`Receipt`] is the run of.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum ReceiptFor {
    /// One choice's own code (a check with per-choice code and a `claim`): the choice's id.
    Choice(&'static str),
    /// The check's one shared run: a check without `claim` (each choice's claim is judged
    /// against it), or an order question's.
    Check,
    /// A proof of one runtime sentence of the explanation or of a choice's reason; `says_html`
    /// is that sentence (or its gist) as one line of inline markup.
    Proof { says_html: &'static str },
}

/// Why the answer key can be trusted.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Evidence {
    /// Proven at test time by the deck's [`Oracle`] (`tests/oracle/`), which ran every choice.
    /// The check's code is not in the app.
    Checked,
    /// A documentation page (plain-text title, URL, the Django version it documents, e.g. `"5.2"`).
    Source {
        title: &'static str,
        url: &'static str,
        version: &'static str,
    },
}

/// One option a learner can pick.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Choice {
    /// Stable identifier within its question (as written in the deck file).
    pub id: &'static str,
    pub html: &'static str,
    /// Right by the answer key. On an [`QuestionKind::Order`] question every choice is
    /// `correct`: the answer is the order of `choices`, not a subset of them.
    pub correct: bool,
    /// One line on why this choice is wrong, or why it is right. Always present on wrong
    /// choices and on the right choices of a multi-select question; may be empty on the right
    /// choice of a single-choice question.
    pub reason_html: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/decks.rs"));

impl Deck {
    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&'static Topic> {
        self.topics.iter().find(|topic| topic.id == id)
    }

    /// The questions of one topic, in deck order (none for an unknown topic).
    pub fn questions_in<'a>(
        &self,
        topic_id: &'a str,
    ) -> impl Iterator<Item = &'static Question> + 'a {
        let questions: &'static [Question] = self.questions;
        questions
            .iter()
            .filter(move |question| question.topic == topic_id)
    }
}

impl Question {
    /// Inline markup that names the question where the whole prompt would be too much (its
    /// history on the stats page): the prompt's first paragraph, without its code.
    pub fn title_html(&self) -> &'static str {
        let (start, end) = self.title_in_prompt;
        self.prompt_html.get(start..end).unwrap_or(self.prompt_html)
    }

    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        self.choices.iter().find(|choice| choice.id == id)
    }

    /// The (first) choice the answer key marks as right: the right one of a single-choice
    /// question.
    pub fn correct_choice(&self) -> Option<&'static Choice> {
        self.choices.iter().find(|choice| choice.correct)
    }

    /// Every choice the answer key marks as right, in deck order (for an order question: all
    /// of them, in the right order).
    pub fn correct_choices(&self) -> impl Iterator<Item = &'static Choice> {
        let choices: &'static [Choice] = self.choices;
        choices.iter().filter(|choice| choice.correct)
    }
}
