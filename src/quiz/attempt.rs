use serde::{Deserialize, Serialize};

use crate::deck::{Question, QuestionKind};

/// One graded answer to one question. Only a checked answer becomes an attempt, so an attempt
/// always has its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub question_id: String,
    /// The content hash of the question when it was answered: an attempt on a question whose
    /// content has since changed no longer says anything about the learner.
    pub question_hash: String,
    /// The choices selected (one for a single-choice question), in deck order.
    pub choice_ids: Vec<String>,
    pub correct: bool,
    pub hint_used: bool,
    /// Milliseconds since the Unix epoch, as the device's clock said.
    pub answered_at: u64,
}

impl Attempt {
    /// Grades `selected` as the answer to `question`: right when exactly the correct choices
    /// are selected (all or nothing for "select all that apply"). `None` when nothing valid
    /// is selected.
    pub fn grade(
        question: &Question,
        selected: &[String],
        hint_used: bool,
        answered_at: u64,
    ) -> Option<Self> {
        let choices: Vec<_> = question
            .choices
            .iter()
            .filter(|choice| selected.iter().any(|id| id == choice.id))
            .collect();
        let count_fits = match question.kind {
            QuestionKind::Single => choices.len() == 1,
            QuestionKind::Multiple => !choices.is_empty(),
        };
        if !count_fits || choices.len() != selected.len() {
            return None;
        }
        let correct = question
            .choices
            .iter()
            .all(|choice| choice.correct == choices.iter().any(|c| c.id == choice.id));
        Some(Attempt {
            question_id: question.id.to_owned(),
            question_hash: question.hash.to_owned(),
            choice_ids: choices.iter().map(|choice| choice.id.to_owned()).collect(),
            correct,
            hint_used,
            answered_at,
        })
    }

    pub fn chose(&self, choice_id: &str) -> bool {
        self.choice_ids.iter().any(|id| id == choice_id)
    }

    /// Whether this attempt was made on the question as it is now.
    pub fn matches(&self, question: &Question) -> bool {
        self.question_id == question.id && self.question_hash == question.hash
    }
}
