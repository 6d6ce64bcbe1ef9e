//! Content hashes: a question's changes when what the learner answers changes (its prompt, its
//! choices, which are right, how it is answered), and not when the teaching around it is
//! reworded or the TOML is merely laid out differently (the texts are normalized first).
//!
//! Canonical form: a version tag, then each field as `name`, a NUL, its byte length as 8
//! little-endian bytes, and its bytes. Length prefixes make the encoding unambiguous (no text
//! can pose as a field boundary). Hashes are the first 16 hex digits of SHA-256.

use sha2::{Digest, Sha256};

use crate::source::SourceQuestion;

const QUESTION_TAG: &str = "quizdeck/question/v2";
const QUESTION_TAG_V1: &str = "quizdeck/question/v1";
const DECK_TAG: &str = "quizdeck/deck/v1";

/// Hash of what a learner's answer to the question is graded against: its prompt, choices (id,
/// text, whether correct, in file order) and kind. Its id is not part of it (the id is what the
/// hash is stored under); nor are the hint, the explanation, the choices' `why` lines, its topic
/// or its evidence, so improving the teaching around a question, regrouping questions or adding
/// a check keeps the learner's answers to it.
pub(crate) fn question_hash(question: &SourceQuestion) -> String {
    let mut hasher = Canonical::new(QUESTION_TAG);
    hash_what_is_answered(&mut hasher, question);
    hasher.finish()
}

/// The hash the question had under `quizdeck/question/v1`, which also covered the hint and the
/// explanation: attempts saved under it are carried over to [`question_hash`] when progress is
/// loaded (`Progress::fit_to`), so changing the hash's definition loses no answer.
pub(crate) fn question_hash_v1(question: &SourceQuestion) -> String {
    let mut hasher = Canonical::new(QUESTION_TAG_V1);
    hash_what_is_answered(&mut hasher, question);
    hasher.field("hint", &question.hint);
    hasher.field("explanation", &question.explanation);
    hasher.finish()
}

fn hash_what_is_answered(hasher: &mut Canonical, question: &SourceQuestion) {
    hasher.field("prompt", &question.prompt);
    hasher.field("choices", &question.choices.len().to_string());
    for choice in &question.choices {
        hasher.field("choice.id", &choice.id);
        hasher.field("choice.text", &choice.text);
        let correct = question.is_correct(&choice.id);
        hasher.field("choice.correct", if correct { "true" } else { "false" });
    }
    // Only multi-select and order questions add a field, so single-choice hashes stayed what
    // they were before those kinds existed.
    if question.is_order() {
        hasher.field("kind", "order");
    } else if question.is_multiple() {
        hasher.field("kind", "multiple");
    }
}

/// Hash of the deck id and every question's id and hash, in file order.
pub(crate) fn deck_hash<'a>(
    deck_id: &str,
    questions: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut hasher = Canonical::new(DECK_TAG);
    hasher.field("deck.id", deck_id);
    for (id, hash) in questions {
        hasher.field("question.id", id);
        hasher.field("question.hash", hash);
    }
    hasher.finish()
}

struct Canonical(Sha256);

impl Canonical {
    fn new(tag: &str) -> Self {
        let mut canonical = Canonical(Sha256::new());
        canonical.field("tag", tag);
        canonical
    }

    fn field(&mut self, name: &str, value: &str) {
        self.0.update(name.as_bytes());
        self.0.update([0]);
        self.0.update((value.len() as u64).to_le_bytes());
        self.0.update(value.as_bytes());
    }

    fn finish(self) -> String {
        self.0.finalize()[..8]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}
