//! Spaced repetition: every answered question gets a review card scheduled by FSRS
//! (the `rs-fsrs` crate), so the questions a learner is about to forget come back first.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use rs_fsrs::{Parameters, Seed};
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

/// FSRS's parameters: the defaults, in long-term scheduling (intervals in days, since retrying
/// within minutes is what "Retry missed questions" is for) and without fuzz, so intervals are
/// deterministic. Building them reads the clock (the crate's default seed, which only fuzz
/// would read, is the time formatted as a string; in the browser, a call out to JavaScript),
/// so a replay builds them once, not at every answer.
fn parameters() -> Parameters {
    Parameters {
        enable_fuzz: false,
        enable_short_term: false,
        seed: Seed::Empty,
        ..Parameters::default()
    }
}

fn time(ms: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

fn ms(time: DateTime<Utc>) -> u64 {
    time.timestamp_millis().max(0) as u64
}

impl ReviewCard {
    /// The card after answering with `rating` at `now`; `None` for a first answer.
    ///
    /// This is `rs_fsrs::FSRS::next` in long-term mode without fuzz, step for step and with the
    /// crate's own formulas (`Parameters`), but working out only the ratings this answer needs:
    /// the crate's scheduler computes all four, formats a seed string and fills a hash map at
    /// every answer, which is most of a cold load's time once the history is years long (every
    /// load replays it). The test below checks it against the crate on long random histories.
    pub fn after(previous: Option<&ReviewCard>, rating: Rating, now: u64) -> ReviewCard {
        Self::after_with(&parameters(), previous, rating, now)
    }

    /// [`ReviewCard::after`] with the parameters built once for a whole replay.
    fn after_with(
        parameters: &Parameters,
        previous: Option<&ReviewCard>,
        rating: Rating,
        now: u64,
    ) -> ReviewCard {
        let at = time(now);
        // A card FSRS has not scheduled yet starts from the initial memory of each rating.
        let reviewed = previous.filter(|card| card.phase != Phase::New);
        // An answer dated before the last review (the device's clock was set back) counts as
        // given at that review: the crate would put a negative time into the forgetting curve
        // and get a stability of NaN, which would make the question due at every answer after.
        let elapsed_days =
            reviewed.map_or(0, |card| (at - time(card.last_review)).num_days().max(0));
        // How likely it was still recalled: worked out once, for every rating's stability.
        let recalled = reviewed.map(|card| {
            let retrievability = Parameters::forgetting_curve(elapsed_days as f64, card.stability);
            (card, retrievability)
        });
        let stability = |rating: rs_fsrs::Rating| match recalled {
            None => parameters.init_stability(rating),
            Some((card, retrievability)) if rating == rs_fsrs::Rating::Again => {
                parameters.next_forget_stability(card.difficulty, card.stability, retrievability)
            }
            Some((card, retrievability)) => parameters.next_recall_stability(
                card.difficulty,
                card.stability,
                retrievability,
                rating,
            ),
        };
        let interval = |stability| parameters.next_interval(stability, elapsed_days);
        // Each rating's interval is at least a day longer than the one below it, so the answer
        // needs the intervals of the ratings below it (not their difficulty).
        let after_again = stability(rs_fsrs::Rating::Again);
        let after_hard = stability(rs_fsrs::Rating::Hard);
        let hard_interval = interval(after_hard);
        let again_days = interval(after_again).min(hard_interval);
        let hard_days = hard_interval.max(again_days + 1.0);
        let (stability, days) = match rating {
            Rating::Again => (after_again, again_days),
            Rating::Hard => (after_hard, hard_days),
            Rating::Good => {
                let after_good = stability(rs_fsrs::Rating::Good);
                (after_good, interval(after_good).max(hard_days + 1.0))
            }
        };
        let difficulty = match reviewed {
            None => parameters.init_difficulty(rating.fsrs()),
            Some(card) => parameters.next_difficulty(card.difficulty, rating.fsrs()),
        };
        let days = days as i64;
        ReviewCard {
            due: ms(at + Duration::days(days)),
            last_review: ms(at),
            stability,
            difficulty,
            elapsed_days,
            scheduled_days: days,
            reps: previous.map_or(0, |card| card.reps) + 1,
            lapses: previous.map_or(0, |card| card.lapses)
                + i32::from(reviewed.is_some() && rating == Rating::Again),
            phase: Phase::Review,
        }
    }

    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }

    /// Days until due (0 when due today or overdue).
    pub fn days_until_due(&self, now: u64) -> u64 {
        self.due.saturating_sub(now).div_ceil(DAY_MS)
    }
}

/// The review card of every answered question, derived from the history: replaying the same
/// answers always gives the same schedule, so it is never stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule(BTreeMap<&'static str, ReviewCard>);

impl Schedule {
    pub fn from_history(deck: &'static Deck, history: &[Attempt]) -> Self {
        let parameters = parameters();
        let mut schedule = Schedule::default();
        for attempt in history {
            schedule.record_with(&parameters, deck, attempt);
        }
        schedule
    }

    /// Reschedules the question `attempt` answered, if it is still in the deck as answered.
    pub fn record(&mut self, deck: &'static Deck, attempt: &Attempt) {
        self.record_with(&parameters(), deck, attempt);
    }

    fn record_with(&mut self, parameters: &Parameters, deck: &'static Deck, attempt: &Attempt) {
        let Some(question) = attempt.counted_question(deck) else {
            return;
        };
        let card = ReviewCard::after_with(
            parameters,
            self.0.get(question.id),
            Rating::of(attempt),
            attempt.answered_at,
        );
        self.0.insert(question.id, card);
    }

    /// Whether `question` has been answered as it is now worded (only such answers schedule it).
    pub fn has_card(&self, question: &Question) -> bool {
        self.0.contains_key(question.id)
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

#[cfg(test)]
mod tests {
    use rs_fsrs::FSRS;

    use super::*;

    /// What `rs_fsrs`'s own scheduler makes of `previous` after `rating` at `now`.
    fn after_by_the_crate(previous: Option<&ReviewCard>, rating: Rating, now: u64) -> ReviewCard {
        let card = match previous {
            Some(card) => rs_fsrs::Card {
                due: time(card.due),
                stability: card.stability,
                difficulty: card.difficulty,
                elapsed_days: card.elapsed_days,
                scheduled_days: card.scheduled_days,
                reps: card.reps,
                lapses: card.lapses,
                state: match card.phase {
                    Phase::New => rs_fsrs::State::New,
                    Phase::Learning => rs_fsrs::State::Learning,
                    Phase::Review => rs_fsrs::State::Review,
                    Phase::Relearning => rs_fsrs::State::Relearning,
                },
                last_review: time(card.last_review),
            },
            None => rs_fsrs::Card {
                due: time(now),
                last_review: time(now),
                ..Default::default()
            },
        };
        let next = FSRS::new(parameters())
            .next(card, time(now), rating.fsrs())
            .card;
        assert_eq!(
            next.state,
            rs_fsrs::State::Review,
            "long-term: always Review"
        );
        ReviewCard {
            due: ms(next.due),
            last_review: ms(next.last_review),
            stability: next.stability,
            difficulty: next.difficulty,
            elapsed_days: next.elapsed_days,
            scheduled_days: next.scheduled_days,
            reps: next.reps,
            lapses: next.lapses,
            phase: Phase::Review,
        }
    }

    #[test]
    fn every_card_is_the_one_the_crates_scheduler_gives() {
        let mut random = fastrand::Rng::with_seed(17);
        let ratings = [Rating::Again, Rating::Hard, Rating::Good];
        for _ in 0..300 {
            let mut card: Option<ReviewCard> = None;
            let mut now = 1_767_225_600_000 + random.u64(..DAY_MS);
            for _ in 0..40 {
                let rating = ratings[random.usize(..ratings.len())];
                let ours = ReviewCard::after(card.as_ref(), rating, now);
                let theirs = after_by_the_crate(card.as_ref(), rating, now);
                assert_eq!(ours, theirs);
                // Answered when due, early, late or twice within a day (a clock set back is
                // the one place ours differs: see the test below).
                now = match random.u8(..10) {
                    0 | 1 => now + random.u64(..DAY_MS),
                    2 => ours
                        .due
                        .saturating_sub(random.u64(..10 * DAY_MS))
                        .max(ours.last_review),
                    _ => ours.due + random.u64(..40 * DAY_MS),
                };
                card = Some(ours);
            }
        }
    }

    #[test]
    fn an_answer_dated_before_the_last_review_is_scheduled_as_given_at_it() {
        let reviewed = ReviewCard::after(None, Rating::Good, 40 * DAY_MS);
        for days_back in [1, 3, 20] {
            let clock_set_back = reviewed.last_review - days_back * DAY_MS;
            // Why ours differs from the crate here: its stability goes negative, then NaN.
            let by_the_crate = after_by_the_crate(Some(&reviewed), Rating::Good, clock_set_back);
            let stability = by_the_crate.stability;
            assert!(
                stability.is_nan() || stability <= 0.0,
                "{days_back}: {by_the_crate:?}"
            );
            for rating in [Rating::Again, Rating::Hard, Rating::Good] {
                let ours = ReviewCard::after(Some(&reviewed), rating, clock_set_back);
                let at_the_review =
                    ReviewCard::after(Some(&reviewed), rating, reviewed.last_review);
                assert_eq!(ours.stability, at_the_review.stability);
                assert_eq!(ours.scheduled_days, at_the_review.scheduled_days);
                assert!(
                    ours.scheduled_days >= 1,
                    "{rating:?}: not due again at once"
                );
                // And the card stays sound: the next answers schedule it as usual.
                let next = ReviewCard::after(Some(&ours), Rating::Good, ours.due);
                assert!(next.stability > ours.stability, "{rating:?}: {next:?}");
            }
        }
    }

    #[test]
    fn a_new_card_is_scheduled_as_a_first_answer() {
        let new = ReviewCard {
            phase: Phase::New,
            ..ReviewCard::after(None, Rating::Good, 5)
        };
        for rating in [Rating::Again, Rating::Hard, Rating::Good] {
            let now = 9 * DAY_MS;
            assert_eq!(
                ReviewCard::after(Some(&new), rating, now),
                after_by_the_crate(Some(&new), rating, now)
            );
        }
    }
}
