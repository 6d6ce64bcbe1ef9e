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

impl Tally {
    pub fn of(questions: impl Iterator<Item = &'static Question>, history: &[Attempt]) -> Tally {
        let mut tally = Tally::default();
        for question in questions {
            tally.questions += 1;
            let mut attempts = attempts_on(question, history);
            let Some(first) = attempts.next() else {
                continue;
            };
            tally.answered += 1;
            tally.right_first_time += usize::from(first.correct);
            let (count, last) =
                attempts.fold((1, first), |(count, _), attempt| (count + 1, attempt));
            tally.right_last_time += usize::from(last.correct);
            tally.attempts += count;
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
        Tallies {
            deck: Tally::of(deck.questions.iter(), history),
            topics: deck
                .topics
                .iter()
                .map(|topic| (topic, Tally::of(deck.questions_in(topic.id), history)))
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
