//! Study statistics, derived from the history and the review cards. Days are the learner's
//! local days: the caller passes the UTC offset, since the domain never reads the clock.

use super::{Attempt, Session};
use crate::deck::{Question, Topic};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A point in time as the learner's calendar sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// Milliseconds since the Unix epoch.
    pub now: u64,
    /// Minutes to add to UTC for local time (e.g. 60 in Paris in winter).
    pub utc_offset_minutes: i32,
}

impl LocalTime {
    /// The local day (days since 1970-01-01, local) of an instant.
    pub fn day_of(&self, ms: u64) -> i64 {
        (ms as i64 + i64::from(self.utc_offset_minutes) * 60_000).div_euclid(DAY_MS)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub questions: usize,
    /// Questions answered at least once.
    pub answered: usize,
    /// Questions whose first answer was right (without the hint or with it).
    pub right_first_time: usize,
    pub attempts: usize,
}

/// One day's answers, for the accuracy chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub day: i64,
    pub answered: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub overall: Tally,
    pub topics: Vec<(&'static Topic, Tally)>,
    /// Consecutive days with at least one answer, ending today (or yesterday, if nothing was
    /// answered yet today).
    pub streak_days: u32,
    pub due_now: usize,
    pub due_tomorrow: usize,
    /// Due within the next seven days (not counting those due now).
    pub due_this_week: usize,
    /// Days with answers, oldest first.
    pub days: Vec<Day>,
}

impl Session {
    fn tally(&self, questions: impl Iterator<Item = &'static Question>) -> Tally {
        let mut tally = Tally::default();
        for question in questions {
            tally.questions += 1;
            let mut attempts = self.attempts_on(question).peekable();
            if let Some(first) = attempts.peek() {
                tally.answered += 1;
                tally.right_first_time += usize::from(first.correct);
            }
            tally.attempts += attempts.count();
        }
        tally
    }

    /// Every answer to `question` as it is now worded, oldest first.
    pub fn question_history(&self, question: &'static Question) -> Vec<&Attempt> {
        self.attempts_on(question).collect()
    }

    pub fn stats(&self, time: LocalTime) -> Stats {
        let mut days: Vec<Day> = Vec::new();
        for attempt in &self.progress.history {
            let day = time.day_of(attempt.answered_at);
            match days.iter_mut().find(|entry| entry.day == day) {
                Some(entry) => {
                    entry.answered += 1;
                    entry.right += usize::from(attempt.correct);
                }
                None => days.push(Day {
                    day,
                    answered: 1,
                    right: usize::from(attempt.correct),
                }),
            }
        }
        days.sort_by_key(|entry| entry.day);

        let today = time.today();
        let studied = |day: i64| days.iter().any(|entry| entry.day == day);
        let mut streak_end = today;
        if !studied(today) {
            streak_end -= 1;
        }
        let streak_days = (0..).take_while(|back| studied(streak_end - back)).count() as u32;

        let due_days: Vec<i64> = self
            .cards
            .values()
            .map(|card| time.day_of(card.due))
            .collect();
        let due_now = self
            .cards
            .values()
            .filter(|card| card.is_due(time.now))
            .count();
        let not_due_now = self.cards.values().filter(|card| !card.is_due(time.now));
        let due_this_week = not_due_now
            .filter(|card| time.day_of(card.due) <= today + 7)
            .count();

        Stats {
            overall: self.tally(self.deck.questions.iter()),
            topics: self
                .deck
                .topics
                .iter()
                .map(|topic| (topic, self.tally(self.deck.questions_in(topic.id))))
                .collect(),
            streak_days,
            due_now,
            due_tomorrow: due_days.iter().filter(|&&day| day == today + 1).count(),
            due_this_week,
            days,
        }
    }
}
