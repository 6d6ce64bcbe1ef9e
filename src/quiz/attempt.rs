use serde::{Deserialize, Serialize};

use crate::deck::{Choice, Question};

/// One graded answer to one question. Only a checked answer becomes an attempt, so an attempt
/// always has its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub question_id: String,
    /// The content hash of the question when it was answered: an attempt on a question whose
    /// content has since changed no longer says anything about the learner.
    pub question_hash: String,
    pub choice_id: String,
    pub correct: bool,
    pub hint_used: bool,
    /// Milliseconds since the Unix epoch, as the device's clock said.
    pub answered_at: u64,
}

impl Attempt {
    /// Grades `choice` as the answer to `question`.
    pub fn grade(question: &Question, choice: &Choice, hint_used: bool, answered_at: u64) -> Self {
        Attempt {
            question_id: question.id.to_owned(),
            question_hash: question.hash.to_owned(),
            choice_id: choice.id.to_owned(),
            correct: choice.correct,
            hint_used,
            answered_at,
        }
    }

    /// Whether this attempt was made on the question as it is now.
    pub fn matches(&self, question: &Question) -> bool {
        self.question_id == question.id && self.question_hash == question.hash
    }
}
