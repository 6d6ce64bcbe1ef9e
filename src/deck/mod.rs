//! The compiled-in content: a deck of questions, validated and rendered to HTML at build time
//! by `deck-compiler` (see `build.rs`). Everything here is `'static` data; nothing is parsed at
//! run time.

/// A set of questions on one subject.
#[derive(Debug, PartialEq, Eq)]
pub struct Deck {
    /// Stable identifier, also the namespace of the saved progress.
    pub id: &'static str,
    pub title: &'static str,
    /// Short plain-text blurb for the start screen.
    pub description: &'static str,
    /// Hash of every question's content: a saved round is only resumed on the same deck.
    pub hash: &'static str,
    pub questions: &'static [Question],
}

/// One question of a deck. All `*_html` fields are finished markup produced at build time
/// (Markdown rendered, code highlighted) from the deck file, never from user data.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable identifier: saved attempts refer to it.
    pub id: &'static str,
    /// Hash of this question's content: an attempt is only kept while it matches.
    pub hash: &'static str,
    pub prompt_html: &'static str,
    pub choices: &'static [Choice],
    pub hint_html: &'static str,
    pub explanation_html: &'static str,
}

/// One option a learner can pick.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// Stable identifier within its question (as written in the deck file).
    pub id: &'static str,
    pub html: &'static str,
    pub correct: bool,
    /// Why this choice is wrong (always present on wrong choices; empty on right ones).
    pub reason_html: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/deck.rs"));

impl Deck {
    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|question| question.id == id)
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        self.choices.iter().find(|choice| choice.id == id)
    }

    /// The choice the answer key marks as right.
    pub fn correct_choice(&self) -> Option<&'static Choice> {
        self.choices.iter().find(|choice| choice.correct)
    }
}
