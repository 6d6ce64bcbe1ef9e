use super::{
    Attempt, Draft, MergeReport, Progress, ReviewLimit, Round, RoundKind, Schedule, Screen,
    Settings,
};
use crate::deck::{Deck, Question};

/// A learner's progress on one deck, with one method per user action. Actions that make no
/// sense in the current state (checking with nothing selected, say) change nothing and
/// return `false`, so a stray key press can never corrupt the state.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    deck: &'static Deck,
    progress: Progress,
    /// Derived from the history, kept in step with it by every action that changes it.
    schedule: Schedule,
}

impl Session {
    pub fn new(deck: &'static Deck, progress: Progress) -> Self {
        let schedule = Schedule::from_history(deck, &progress.history);
        Session {
            deck,
            progress,
            schedule,
        }
    }

    pub fn deck(&self) -> &'static Deck {
        self.deck
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The screen the learner was last on, where a bare address takes them back to (the
    /// address, not this, says which screen a tab shows).
    pub fn last_screen(&self) -> Screen {
        match (self.progress.screen, &self.progress.round) {
            (Screen::Round, None) => Screen::Start,
            (screen, _) => screen,
        }
    }

    /// Records that the learner is on `screen`; the round screen only while there is a round.
    pub fn visit(&mut self, screen: Screen) -> bool {
        if self.last_screen() == screen
            || (screen == Screen::Round && self.progress.round.is_none())
        {
            return false;
        }
        self.progress.screen = screen;
        true
    }

    /// Begins a round of `kind`: the whole deck, a topic, the review (due at `now`) or the
    /// questions missed in the finished round, its options shuffled with `seed` unless the
    /// learner's `settings` say not to. Whether one began (a review with nothing due, a retry
    /// with nothing missed, or an unknown topic begins none).
    pub fn start(&mut self, kind: &RoundKind, settings: &Settings, seed: u64, now: u64) -> bool {
        let seed = settings.shuffle.then_some(seed);
        let ids = self.questions_for(kind, now, settings.daily_review_limit);
        self.begin(kind.clone(), seed, ids)
    }

    /// Whether a round of `kind` would have questions, were it begun at `now`.
    pub fn can_start(&self, kind: &RoundKind, settings: &Settings, now: u64) -> bool {
        !self
            .questions_for(kind, now, settings.daily_review_limit)
            .is_empty()
    }

    /// The current round, if it is of `kind` and not finished: the one its address resumes.
    pub fn unfinished_round(&self, kind: &RoundKind) -> Option<&Round> {
        self.round()
            .filter(|round| round.kind == *kind && !round.is_finished())
    }

    /// The round under way that beginning a round of `kind` would end: the current one, if it
    /// is of another kind, unfinished and answered in (one of the same kind is resumed, or
    /// started over when the learner asks for that). Its answers are kept either way; its
    /// place is what is lost.
    pub fn round_ended_by(&self, kind: &RoundKind) -> Option<&Round> {
        self.round().filter(|round| {
            round.kind != *kind && !round.is_finished() && !round.attempts.is_empty()
        })
    }

    /// Begins a new round over the whole deck, abandoning any unfinished one (its answers stay
    /// in the history). Each of these takes the seed that shuffles the options, or `None` to
    /// keep them in deck order.
    pub fn start_over(&mut self, seed: Option<u64>) -> bool {
        let ids = self.questions_for(&RoundKind::Full, 0, ReviewLimit::default());
        self.begin(RoundKind::Full, seed, ids)
    }

    /// Begins a round of one topic's questions.
    pub fn start_topic(&mut self, topic_id: &str, seed: Option<u64>) -> bool {
        let kind = RoundKind::Topic(topic_id.to_owned());
        let ids = self.questions_for(&kind, 0, ReviewLimit::default());
        self.begin(kind, seed, ids)
    }

    /// Begins a round of the questions due at `now`, most overdue first, at most `limit`.
    pub fn start_review(&mut self, seed: Option<u64>, now: u64, limit: ReviewLimit) -> bool {
        let ids = self.questions_for(&RoundKind::Review, now, limit);
        self.begin(RoundKind::Review, seed, ids)
    }

    /// Begins a round of the questions missed in the finished round.
    pub fn retry_missed(&mut self, seed: Option<u64>) -> bool {
        let ids = self.questions_for(&RoundKind::Missed, 0, ReviewLimit::default());
        self.begin(RoundKind::Missed, seed, ids)
    }

    /// The questions a round of `kind` begun at `now` asks, in order (a review: the most
    /// overdue first, at most `limit`).
    fn questions_for(&self, kind: &RoundKind, now: u64, limit: ReviewLimit) -> Vec<String> {
        let questions: Vec<&'static Question> = match kind {
            RoundKind::Full => self.deck.questions.iter().collect(),
            RoundKind::Topic(topic_id) => self.deck.questions_in(topic_id).collect(),
            RoundKind::Review => {
                let mut due = self.due(now);
                due.truncate(limit.get() as usize);
                due
            }
            RoundKind::Missed => {
                let missed = self.finished_round().into_iter().flat_map(Round::missed);
                return missed.map(|a| a.question_id.clone()).collect();
            }
        };
        questions.into_iter().map(|q| q.id.to_owned()).collect()
    }

    fn begin(&mut self, kind: RoundKind, seed: Option<u64>, ids: Vec<String>) -> bool {
        let Some(round) = Round::new(kind, seed, ids) else {
            return false;
        };
        self.progress.round = Some(round);
        self.progress.screen = Screen::Round;
        true
    }

    fn active_round(&mut self) -> Option<&mut Round> {
        self.progress.round.as_mut()
    }

    /// Selects a choice (toggles it on a "select all that apply" question).
    pub fn select(&mut self, choice_id: &str) -> bool {
        let deck = self.deck;
        self.active_round()
            .is_some_and(|round| round.select(deck, choice_id))
    }

    /// Moves a choice of an order question one place up (`by` -1) or down (1), or further.
    pub fn move_choice(&mut self, choice_id: &str, by: isize) -> bool {
        let deck = self.deck;
        self.active_round()
            .is_some_and(|round| round.move_choice(deck, choice_id, by))
    }

    pub fn show_hint(&mut self) -> bool {
        self.active_round().is_some_and(Round::show_hint)
    }

    /// Grades the selection at time `now` (ms since the epoch), records the attempt and
    /// reschedules the question.
    pub fn check(&mut self, now: u64) -> bool {
        let deck = self.deck;
        let Some(attempt) = self.active_round().and_then(|round| round.check(deck, now)) else {
            return false;
        };
        self.schedule.record(deck, &attempt);
        self.progress.history.push(attempt);
        true
    }

    pub fn next_question(&mut self) -> bool {
        self.active_round().is_some_and(Round::next_question)
    }

    /// Forgets every answer and the current round at `now`; the screen stays.
    pub fn reset(&mut self, now: u64) -> bool {
        let reset = self.progress.reset(now);
        if reset {
            self.schedule = Schedule::default();
        }
        reset
    }

    /// Takes in what another tab saved (see [`Progress::merge_from_other_tab`]).
    pub fn merge_from_other_tab(&mut self, other: &Progress) -> bool {
        let changed = self.progress.merge_from_other_tab(other, self.deck);
        if changed {
            self.reschedule();
        }
        changed
    }

    /// Takes in answers made elsewhere (an imported file). The round here stays as it is.
    pub fn merge_history(&mut self, other: &[Attempt]) -> MergeReport {
        let report = self.progress.merge_history(other, self.deck);
        if report.changed_anything() {
            self.reschedule();
        }
        report
    }

    fn reschedule(&mut self) {
        self.schedule = Schedule::from_history(self.deck, &self.progress.history);
    }

    /// The current round, finished or not.
    pub fn round(&self) -> Option<&Round> {
        self.progress.round.as_ref()
    }

    /// The current round once every question in it is answered.
    pub fn finished_round(&self) -> Option<&Round> {
        self.progress
            .round
            .as_ref()
            .filter(|round| round.is_finished())
    }

    /// The unchecked answer to the current question, if any.
    pub fn draft(&self) -> Option<&Draft> {
        self.round()?.draft()
    }

    /// An order question's choices as the learner has arranged them so far, if the current
    /// question is one and not yet checked.
    pub fn arrangement(&self) -> Option<Vec<&'static str>> {
        self.round()?.arrangement(self.deck)
    }

    /// The checked answer to the current question, whose feedback is shown, if any.
    pub fn feedback(&self) -> Option<&Attempt> {
        self.round()?.feedback()
    }

    /// The questions due for review at `now`, most overdue first.
    pub fn due(&self, now: u64) -> Vec<&'static Question> {
        self.schedule.due(self.deck, now)
    }
}
