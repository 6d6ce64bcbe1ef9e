use serde::{Deserialize, Serialize};

use super::{choice_order, order_to_arrange, Attempt};
use crate::deck::{Deck, Question, QuestionKind};

/// Which questions a round was made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// Every question of the deck.
    Full,
    /// The questions missed in the previous round.
    Missed,
    /// The questions of one topic (its id).
    Topic(String),
    /// The questions spaced repetition says are due, most overdue first.
    Review,
}

/// What the learner has done so far on the question in front of them, before checking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The selected choices, in the order they were picked (at most one for single choice).
    /// On an order question: every choice in the order the learner has put them, once they
    /// have moved one (empty until then: the order shown).
    pub selected: Vec<String>,
    pub hint_shown: bool,
}

/// Where a round stands. The current position is implied: while answering it is the next
/// unanswered question; with feedback it is the question just answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Answering(Draft),
    Feedback,
    Finished,
}

/// One pass over a list of questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub kind: RoundKind,
    /// Shuffles the choices of every question in this round (see [`choice_order`]); `None`
    /// shows them in deck order (shuffling turned off in the settings).
    pub seed: Option<u64>,
    pub question_ids: Vec<String>,
    /// One attempt per question answered in this round, in round order.
    pub attempts: Vec<Attempt>,
    pub step: Step,
}

impl Round {
    /// A round over `question_ids`, or `None` when there is nothing to ask.
    pub fn new(kind: RoundKind, seed: Option<u64>, question_ids: Vec<String>) -> Option<Self> {
        if question_ids.is_empty() {
            return None;
        }
        Some(Round {
            kind,
            seed,
            question_ids,
            attempts: Vec::new(),
            step: Step::Answering(Draft::default()),
        })
    }

    pub fn len(&self) -> usize {
        self.question_ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.question_ids.is_empty()
    }

    pub fn is_finished(&self) -> bool {
        self.step == Step::Finished
    }

    /// Index of the question on screen, or `None` once the round is finished.
    pub fn position(&self) -> Option<usize> {
        match self.step {
            Step::Answering(_) => Some(self.attempts.len()),
            Step::Feedback => self.attempts.len().checked_sub(1),
            Step::Finished => None,
        }
    }

    pub fn current_question(&self, deck: &'static Deck) -> Option<&'static Question> {
        self.position()
            .and_then(|position| deck.question(&self.question_ids[position]))
    }

    /// The current question's choices in this round's shuffled order (indices into the deck).
    /// An order question's are never shown in their right order, shuffling on or off.
    pub fn current_choice_order(&self, deck: &'static Deck) -> Option<Vec<usize>> {
        let position = self.position()?;
        let question = self.current_question(deck)?;
        let count = question.choices.len();
        Some(match (question.kind, self.seed) {
            (QuestionKind::Order, seed) => order_to_arrange(seed, position, count),
            (_, Some(seed)) => choice_order(seed, position, count),
            (_, None) => (0..count).collect(),
        })
    }

    /// An order question's choices as the learner has arranged them so far: as shown, until
    /// they move one.
    pub fn arrangement(&self, deck: &'static Deck) -> Option<Vec<&'static str>> {
        let question = self.current_question(deck)?;
        let draft = self.draft()?;
        if question.kind != QuestionKind::Order {
            return None;
        }
        if draft.selected.is_empty() {
            let shown = self.current_choice_order(deck)?;
            return Some(
                shown
                    .into_iter()
                    .map(|index| question.choices[index].id)
                    .collect(),
            );
        }
        draft
            .selected
            .iter()
            .map(|id| question.choice(id).map(|choice| choice.id))
            .collect()
    }

    /// Moves a choice of an order question `by` places (negative: up), within the list.
    pub fn move_choice(&mut self, deck: &'static Deck, choice_id: &str, by: isize) -> bool {
        let Some(mut order) = self.arrangement(deck) else {
            return false;
        };
        let Some(from) = order.iter().position(|id| *id == choice_id) else {
            return false;
        };
        let to = from.saturating_add_signed(by).min(order.len() - 1);
        if to == from {
            return false;
        }
        let moved = order.remove(from);
        order.insert(to, moved);
        let Step::Answering(draft) = &mut self.step else {
            return false;
        };
        draft.selected = order.into_iter().map(str::to_owned).collect();
        true
    }

    pub fn draft(&self) -> Option<&Draft> {
        match &self.step {
            Step::Answering(draft) => Some(draft),
            _ => None,
        }
    }

    /// The attempt whose feedback is on screen.
    pub fn feedback(&self) -> Option<&Attempt> {
        match self.step {
            Step::Feedback => self.attempts.last(),
            _ => None,
        }
    }

    pub fn score(&self) -> usize {
        self.attempts
            .iter()
            .filter(|attempt| attempt.correct)
            .count()
    }

    pub fn missed(&self) -> impl Iterator<Item = &Attempt> {
        self.attempts.iter().filter(|attempt| !attempt.correct)
    }

    /// Selects a choice; on a "select all that apply" question, toggles it.
    pub fn select(&mut self, deck: &'static Deck, choice_id: &str) -> bool {
        let Some(question) = self.current_question(deck) else {
            return false;
        };
        let Step::Answering(draft) = &mut self.step else {
            return false;
        };
        if question.choice(choice_id).is_none() {
            return false;
        }
        let already = draft.selected.iter().position(|id| id == choice_id);
        match (question.kind, already) {
            (QuestionKind::Single, Some(_)) => return false,
            (QuestionKind::Single, None) => draft.selected = vec![choice_id.to_owned()],
            (QuestionKind::Multiple, Some(index)) => {
                draft.selected.remove(index);
            }
            (QuestionKind::Multiple, None) => draft.selected.push(choice_id.to_owned()),
            // Its choices are arranged ([`Round::move_choice`]), not picked.
            (QuestionKind::Order, _) => return false,
        }
        true
    }

    pub fn show_hint(&mut self) -> bool {
        match &mut self.step {
            Step::Answering(draft) if !draft.hint_shown => {
                draft.hint_shown = true;
                true
            }
            _ => false,
        }
    }

    /// Grades the selection. Returns the new attempt.
    pub fn check(&mut self, deck: &'static Deck, now: u64) -> Option<Attempt> {
        let question = self.current_question(deck)?;
        let draft = self.draft()?;
        let answer: Vec<String> = match self.arrangement(deck) {
            Some(order) => order.into_iter().map(str::to_owned).collect(),
            None => draft.selected.clone(),
        };
        let attempt = Attempt::grade(question, &answer, draft.hint_shown, now)?;
        self.attempts.push(attempt.clone());
        self.step = Step::Feedback;
        Some(attempt)
    }

    pub fn next_question(&mut self) -> bool {
        if self.step != Step::Feedback {
            return false;
        }
        self.step = if self.attempts.len() == self.len() {
            Step::Finished
        } else {
            Step::Answering(Draft::default())
        };
        true
    }

    /// Whether a round read back from storage still fits `deck` and its own rules, so the UI
    /// can trust every index it derives from it.
    pub fn is_consistent_with(&self, deck: &'static Deck) -> bool {
        let questions: Option<Vec<&Question>> = self
            .question_ids
            .iter()
            .map(|id| deck.question(id))
            .collect();
        let Some(questions) = questions else {
            return false;
        };
        let attempts_fit = self.attempts.len() <= questions.len()
            && self
                .attempts
                .iter()
                .zip(&questions)
                .all(|(attempt, question)| {
                    attempt.matches(question)
                        && Attempt::grade(question, &attempt.choice_ids, false, 0)
                            .is_some_and(|regraded| regraded.correct == attempt.correct)
                });
        let step_fits = match &self.step {
            Step::Answering(draft) => {
                self.attempts.len() < questions.len()
                    && (draft.selected.is_empty()
                        || Attempt::grade(
                            questions[self.attempts.len()],
                            &draft.selected,
                            false,
                            0,
                        )
                        .is_some())
            }
            Step::Feedback => !self.attempts.is_empty(),
            Step::Finished => self.attempts.len() == questions.len(),
        };
        !questions.is_empty() && attempts_fit && step_fits
    }
}
