use serde::{Deserialize, Serialize};

use crate::deck::{Deck, Question, QuestionKind};

/// One graded answer to one question. Only a checked answer becomes an attempt, so an attempt
/// always has its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub question_id: String,
    /// The content hash of the question when it was answered: an attempt on a question whose
    /// content has since changed no longer says anything about the learner.
    pub question_hash: String,
    /// The choices selected (one for a single-choice question), in deck order; for an order
    /// question, every choice in the order the learner put them.
    pub choice_ids: Vec<String>,
    pub correct: bool,
    pub hint_used: bool,
    /// Milliseconds since the Unix epoch, as the device's clock said.
    pub answered_at: u64,
}

impl Attempt {
    /// Grades `selected` as the answer to `question`: right when exactly the correct choices
    /// are selected (all or nothing for "select all that apply"), or, for an order question,
    /// when every choice is in the deck's order. `None` when the selection is not a valid
    /// answer (nothing, an unknown or repeated id, an incomplete arrangement).
    pub fn grade(
        question: &Question,
        selected: &[String],
        hint_used: bool,
        answered_at: u64,
    ) -> Option<Self> {
        let in_deck = |id: &String| question.choice(id).is_some();
        let distinct = selected
            .iter()
            .enumerate()
            .all(|(index, id)| !selected[..index].contains(id));
        if !distinct || !selected.iter().all(in_deck) {
            return None;
        }
        let (choice_ids, correct) = match question.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                let picked: Vec<String> = question
                    .choices
                    .iter()
                    .filter(|choice| selected.iter().any(|id| id == choice.id))
                    .map(|choice| choice.id.to_owned())
                    .collect();
                let count_fits = match question.kind {
                    QuestionKind::Single => picked.len() == 1,
                    _ => !picked.is_empty(),
                };
                if !count_fits {
                    return None;
                }
                let correct = question
                    .choices
                    .iter()
                    .all(|choice| choice.correct == picked.iter().any(|id| id == choice.id));
                (picked, correct)
            }
            // An arrangement of every choice; right only in the deck's order.
            QuestionKind::Order => {
                if selected.len() != question.choices.len() {
                    return None;
                }
                let correct = question
                    .choices
                    .iter()
                    .zip(selected)
                    .all(|(choice, id)| choice.id == id);
                (selected.to_vec(), correct)
            }
        };
        Some(Attempt {
            question_id: question.id.to_owned(),
            question_hash: question.hash.to_owned(),
            choice_ids,
            correct,
            hint_used,
            answered_at,
        })
    }

    pub fn chose(&self, choice_id: &str) -> bool {
        self.choice_ids.iter().any(|id| id == choice_id)
    }

    /// Whether this attempt, saved against an earlier version of the deck, answers `question`
    /// as it is now. One saved under the question's first-definition hash
    /// (`Question::hash_v1`) does, and is filed under the question's hash from then on.
    pub(super) fn carry_over_to(&mut self, question: &Question) -> bool {
        if self.question_hash == question.hash_v1 {
            question.hash.clone_into(&mut self.question_hash);
        }
        self.matches(question)
    }

    /// Whether this attempt was made on the question as it is now.
    pub fn matches(&self, question: &Question) -> bool {
        self.question_id == question.id && self.question_hash == question.hash
    }

    /// The question of `deck` this attempt counts toward: the one it answered, if that is
    /// still in the deck as it was answered.
    pub fn counted_question(&self, deck: &'static Deck) -> Option<&'static Question> {
        deck.question(&self.question_id)
            .filter(|question| self.matches(question))
    }
}
