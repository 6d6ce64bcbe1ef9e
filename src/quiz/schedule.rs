//! Spaced repetition: every answered question gets a review card scheduled by FSRS
//! (the `rs-fsrs` crate), so the questions a learner is about to forget come back first.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rs_fsrs::{Parameters, Seed, FSRS};
use serde::{Deserialize, Serialize};

use super::time::DAY_MS;
use super::Attempt;
use crate::deck::{Deck, Question};

/// How well a question was recalled, as FSRS rates it.
///
/// A right answer is never rated Easy: the app cannot tell a confident answer from a lucky
/// one (a fast click may be a guess, and a reload resets any timer), so it takes the
/// conservative Good and lets the interval grow through repetition instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    /// Answered wrongly.
    Again,
    /// Answered rightly, but only after looking at the hint.
    Hard,
    /// Answered rightly without help.
    Good,
}

impl Rating {
    pub fn of(attempt: &Attempt) -> Rating {
        match (attempt.correct, attempt.hint_used) {
            (false, _) => Rating::Again,
            (true, true) => Rating::Hard,
            (true, false) => Rating::Good,
        }
    }

    fn fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
        }
    }
}

/// Where a card is in FSRS's learning cycle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// The scheduling state of one question. Stored in our own shape (times in milliseconds since
/// the epoch) so the saved format does not depend on the scheduler crate's types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    /// When the question is next due.
    pub due: u64,
    pub last_review: u64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub phase: Phase,
}

fn scheduler() -> FSRS {
    // Long-term scheduling: intervals in days, since retrying within minutes is what "Retry
    // missed questions" is for. Fuzz off, so intervals are deterministic. (The default seed
    // is built from the clock; it is replaced here and would only be read for fuzzing.)
    FSRS::new(Parameters {
        enable_fuzz: false,
        enable_short_term: false,
        seed: Seed::Empty,
        ..Parameters::default()
    })
}

fn time(ms: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

fn ms(time: DateTime<Utc>) -> u64 {
    time.timestamp_millis().max(0) as u64
}

impl ReviewCard {
    /// The card after answering with `rating` at `now`; `None` for a first answer.
    pub fn after(previous: Option<&ReviewCard>, rating: Rating, now: u64) -> ReviewCard {
        let card = match previous {
            Some(card) => card.to_fsrs(),
            None => rs_fsrs::Card {
                due: time(now),
                last_review: time(now),
                ..Default::default()
            },
        };
        let next = scheduler().next(card, time(now), rating.fsrs()).card;
        ReviewCard::from_fsrs(&next)
    }

    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }

    /// Days until due (0 when due today or overdue).
    pub fn days_until_due(&self, now: u64) -> u64 {
        self.due.saturating_sub(now).div_ceil(DAY_MS)
    }

    fn to_fsrs(&self) -> rs_fsrs::Card {
        rs_fsrs::Card {
            due: time(self.due),
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: match self.phase {
                Phase::New => rs_fsrs::State::New,
                Phase::Learning => rs_fsrs::State::Learning,
                Phase::Review => rs_fsrs::State::Review,
                Phase::Relearning => rs_fsrs::State::Relearning,
            },
            last_review: time(self.last_review),
        }
    }

    fn from_fsrs(card: &rs_fsrs::Card) -> ReviewCard {
        ReviewCard {
            due: ms(card.due),
            last_review: ms(card.last_review),
            stability: card.stability,
            difficulty: card.difficulty,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: card.reps,
            lapses: card.lapses,
            phase: match card.state {
                rs_fsrs::State::New => Phase::New,
                rs_fsrs::State::Learning => Phase::Learning,
                rs_fsrs::State::Review => Phase::Review,
                rs_fsrs::State::Relearning => Phase::Relearning,
            },
        }
    }
}

/// The review card of every answered question, derived from the history: replaying the same
/// answers always gives the same schedule, so it is never stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule(BTreeMap<&'static str, ReviewCard>);

impl Schedule {
    pub fn from_history(deck: &'static Deck, history: &[Attempt]) -> Self {
        let mut schedule = Schedule::default();
        for attempt in history {
            schedule.record(deck, attempt);
        }
        schedule
    }

    /// Reschedules the question `attempt` answered, if it is still in the deck as answered.
    pub fn record(&mut self, deck: &'static Deck, attempt: &Attempt) {
        let Some(question) = deck
            .question(&attempt.question_id)
            .filter(|question| attempt.matches(question))
        else {
            return;
        };
        let card = ReviewCard::after(
            self.0.get(question.id),
            Rating::of(attempt),
            attempt.answered_at,
        );
        self.0.insert(question.id, card);
    }

    pub fn cards(&self) -> impl Iterator<Item = &ReviewCard> {
        self.0.values()
    }

    /// How many questions are due for review at `now` (without listing and sorting them).
    pub fn due_count(&self, now: u64) -> usize {
        self.cards().filter(|card| card.is_due(now)).count()
    }

    /// The questions due for review at `now`, most overdue first.
    pub fn due(&self, deck: &'static Deck, now: u64) -> Vec<&'static Question> {
        let mut due: Vec<(&'static Question, u64)> = self
            .0
            .iter()
            .filter(|(_, card)| card.is_due(now))
            .filter_map(|(id, card)| Some((deck.question(id)?, card.due)))
            .collect();
        due.sort_by_key(|&(question, due)| (due, question.id));
        due.into_iter().map(|(question, _)| question).collect()
    }
}
