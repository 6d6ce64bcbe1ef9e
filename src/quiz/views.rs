//! Read-only projections of a session for the screens: nothing here changes state.

use super::{Attempt, Session};
use crate::deck::{Choice, Question, Topic};

/// The fixed part of the question screen: what changes only when the question does.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
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
    pub kind: super::RoundKind,
    pub score: usize,
    pub total: usize,
    pub missed: Vec<Missed>,
}

/// How far the learner is in one topic (or the whole deck).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub total: usize,
    /// Questions answered at least once (in their current wording).
    pub answered: usize,
    /// Questions whose latest answer was right.
    pub right_last_time: usize,
}

/// What the start screen says about the work done so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub deck: Coverage,
    pub topics: Vec<(&'static Topic, Coverage)>,
    /// `(question number, questions in round)` of an unfinished round.
    pub in_progress: Option<(usize, usize)>,
    /// Questions due for review now.
    pub due: usize,
}

impl Session {
    pub fn card(&self) -> Option<Card> {
        let round = self.round_on_screen()?;
        let question = round.current_question(self.deck)?;
        let choices = round
            .current_choice_order(self.deck)?
            .into_iter()
            .filter_map(|index| question.choices.get(index))
            .collect();
        Some(Card {
            position: round.position()?,
            total: round.len(),
            question,
            choices,
        })
    }

    /// The result of the round on screen once it is finished.
    pub fn summary(&self) -> Option<Summary> {
        let round = self.round_on_screen().filter(|round| round.is_finished())?;
        let missed = round
            .missed()
            .filter_map(|attempt| {
                let question = self.deck.question(&attempt.question_id)?;
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

    /// Every attempt on `question` as it is now worded, oldest first.
    pub(super) fn attempts_on(
        &self,
        question: &'static Question,
    ) -> impl DoubleEndedIterator<Item = &Attempt> {
        self.progress
            .history
            .iter()
            .filter(move |attempt| attempt.matches(question))
    }

    fn coverage(&self, questions: impl Iterator<Item = &'static Question>) -> Coverage {
        let latest: Vec<Option<&Attempt>> = questions
            .map(|question| self.attempts_on(question).next_back())
            .collect();
        Coverage {
            total: latest.len(),
            answered: latest.iter().flatten().count(),
            right_last_time: latest.iter().flatten().filter(|a| a.correct).count(),
        }
    }

    pub fn overview(&self, now: u64) -> Overview {
        Overview {
            deck: self.coverage(self.deck.questions.iter()),
            topics: self
                .deck
                .topics
                .iter()
                .map(|topic| (topic, self.coverage(self.deck.questions_in(topic.id))))
                .collect(),
            in_progress: self
                .progress
                .round
                .as_ref()
                .and_then(|round| Some((round.position()? + 1, round.len()))),
            due: self.due(now).len(),
        }
    }

    /// The questions due for review at `now`, most overdue first.
    pub fn due(&self, now: u64) -> Vec<&'static Question> {
        let mut due: Vec<(&'static Question, u64)> = self
            .cards
            .iter()
            .filter(|(_, card)| card.is_due(now))
            .filter_map(|(id, card)| Some((self.deck.question(id)?, card.due)))
            .collect();
        due.sort_by_key(|&(question, due)| (due, question.id));
        due.into_iter().map(|(question, _)| question).collect()
    }
}

/// The choices an attempt selected, in deck order.
pub fn chosen_choices(question: &'static Question, attempt: &Attempt) -> Vec<&'static Choice> {
    question
        .choices
        .iter()
        .filter(|choice| attempt.chose(choice.id))
        .collect()
}
