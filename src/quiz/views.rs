//! Read-only projections of a session for the screens: nothing here changes state.

use super::{tally::attempts_on, Attempt, RoundKind, Session, Tallies};
use crate::deck::{Choice, Question};

/// The fixed part of the question screen: what changes only when the question does.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentQuestion {
    /// Zero-based position in the round.
    pub position: usize,
    pub total: usize,
    pub question: &'static Question,
    /// The choices in this round's order.
    pub choices: Vec<&'static Choice>,
}

/// A question answered wrongly in a round, for the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Missed {
    pub question: &'static Question,
    pub chosen: Vec<&'static Choice>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub kind: RoundKind,
    pub score: usize,
    pub total: usize,
    pub missed: Vec<Missed>,
}

/// Where the learner's current round stands, for the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundStatus {
    NoRound,
    /// A round of `kind` at question `number` (from 1) of `total`.
    InProgress {
        kind: RoundKind,
        number: usize,
        total: usize,
    },
    /// Every question answered: its results can be seen again.
    Finished,
}

/// What the start screen says about the work done so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub tallies: Tallies,
    pub round: RoundStatus,
    /// Questions due for review now.
    pub due: usize,
}

impl Session {
    pub fn current_question(&self) -> Option<CurrentQuestion> {
        let round = self.round()?;
        let deck = self.deck();
        let question = round.current_question(deck)?;
        let choices = round
            .current_choice_order(deck)?
            .into_iter()
            .filter_map(|index| question.choices.get(index))
            .collect();
        Some(CurrentQuestion {
            position: round.position()?,
            total: round.len(),
            question,
            choices,
        })
    }

    /// The result of the current round once it is finished.
    pub fn summary(&self) -> Option<Summary> {
        let round = self.finished_round()?;
        let missed = round
            .missed()
            .filter_map(|attempt| {
                let question = self.deck().question(&attempt.question_id)?;
                Some(Missed {
                    question,
                    chosen: chosen_choices(question, attempt),
                })
            })
            .collect();
        Some(Summary {
            kind: round.kind.clone(),
            score: round.score(),
            total: round.len(),
            missed,
        })
    }

    /// Where the current round stands.
    pub fn round_status(&self) -> RoundStatus {
        match self.round() {
            None => RoundStatus::NoRound,
            Some(round) => match round.position() {
                Some(position) => RoundStatus::InProgress {
                    kind: round.kind.clone(),
                    number: position + 1,
                    total: round.len(),
                },
                None => RoundStatus::Finished,
            },
        }
    }

    pub fn overview(&self, now: u64) -> Overview {
        Overview {
            tallies: Tallies::of(self.deck(), &self.progress().history),
            round: self.round_status(),
            due: self.schedule().due_count(now),
        }
    }

    /// The questions answered at least once as they are now worded, in deck order: those the
    /// schedule has a card for (no pass over years of history).
    pub fn answered_questions(&self) -> Vec<&'static Question> {
        self.deck()
            .questions
            .iter()
            .filter(|question| self.schedule().has_card(question))
            .collect()
    }

    /// Every answer to `question` as it is now worded, oldest first.
    pub fn question_history(&self, question: &'static Question) -> Vec<&Attempt> {
        attempts_on(question, &self.progress().history).collect()
    }
}

/// The choices an attempt selected, in deck order; an order question's, in the order the
/// learner put them.
pub fn chosen_choices(question: &'static Question, attempt: &Attempt) -> Vec<&'static Choice> {
    attempt
        .choice_ids
        .iter()
        .filter_map(|id| question.choice(id))
        .collect()
}
