use std::collections::BTreeMap;

use super::Attempt;
use crate::deck::{Deck, Question, Topic};

/// How far the learner is in a set of questions (a topic, or the whole deck). Only answers to
/// a question as it is now worded count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub questions: usize,
    /// Questions answered at least once.
    pub answered: usize,
    /// Questions whose first answer was right (without the hint or with it).
    pub right_first_time: usize,
    /// Questions whose latest answer was right.
    pub right_last_time: usize,
    pub attempts: usize,
}

/// What the history says of one question as it is now worded.
struct Answered {
    first_right: bool,
    last_right: bool,
    attempts: usize,
}

impl Tally {
    fn of(
        questions: impl Iterator<Item = &'static Question>,
        answered: &BTreeMap<&str, Answered>,
    ) -> Tally {
        let mut tally = Tally::default();
        for question in questions {
            tally.questions += 1;
            let Some(answered) = answered.get(question.id) else {
                continue;
            };
            tally.answered += 1;
            tally.right_first_time += usize::from(answered.first_right);
            tally.right_last_time += usize::from(answered.last_right);
            tally.attempts += answered.attempts;
        }
        tally
    }
}

/// The deck's tally and each topic's, in deck order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tallies {
    pub deck: Tally,
    pub topics: Vec<(&'static Topic, Tally)>,
}

impl Tallies {
    pub fn of(deck: &'static Deck, history: &[Attempt]) -> Tallies {
        // One pass over the history, however long, then each tally adds its questions up.
        let mut answered: BTreeMap<&str, Answered> = BTreeMap::new();
        for attempt in history {
            let Some(question) = attempt.counted_question(deck) else {
                continue;
            };
            answered
                .entry(question.id)
                .and_modify(|answered| {
                    answered.last_right = attempt.correct;
                    answered.attempts += 1;
                })
                .or_insert(Answered {
                    first_right: attempt.correct,
                    last_right: attempt.correct,
                    attempts: 1,
                });
        }
        Tallies {
            deck: Tally::of(deck.questions.iter(), &answered),
            topics: deck
                .topics
                .iter()
                .map(|topic| (topic, Tally::of(deck.questions_in(topic.id), &answered)))
                .collect(),
        }
    }
}

/// Every attempt on `question` as it is now worded, oldest first.
pub fn attempts_on<'a>(
    question: &'static Question,
    history: &'a [Attempt],
) -> impl DoubleEndedIterator<Item = &'a Attempt> {
    history
        .iter()
        .filter(move |attempt| attempt.matches(question))
}
