use serde::{Deserialize, Serialize};

use super::{Attempt, Draft, Round, RoundKind};
use crate::deck::{Choice, Deck, Question};
use crate::progress::Progress;

/// The screen the learner was last on; saved so a reload lands on it again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    #[default]
    Start,
    /// The current round: its question, or its summary once finished.
    Round,
}

/// A learner's progress on one deck, with one method per user action. Actions that make no
/// sense in the current state (checking with nothing selected, say) change nothing and
/// return `false`, so a stray key press can never corrupt the state.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    deck: &'static Deck,
    progress: Progress,
}

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
    pub chosen: &'static Choice,
    pub right: Option<&'static Choice>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub kind: RoundKind,
    pub score: usize,
    pub total: usize,
    pub missed: Vec<Missed>,
}

/// What the start screen says about the work done so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub question_count: usize,
    /// Questions answered at least once (in their current wording).
    pub answered: usize,
    /// Questions whose latest answer was right.
    pub right_last_time: usize,
    /// `(question number, questions in round)` of an unfinished round.
    pub in_progress: Option<(usize, usize)>,
}

impl Session {
    pub fn new(deck: &'static Deck, progress: Progress) -> Self {
        Session { deck, progress }
    }

    pub fn deck(&self) -> &'static Deck {
        self.deck
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn screen(&self) -> Screen {
        match self.progress.round {
            Some(_) => self.progress.screen,
            None => Screen::Start,
        }
    }

    /// Begins a new round over the whole deck, abandoning any unfinished one (its answers stay
    /// in the history).
    pub fn start_over(&mut self, seed: u64) -> bool {
        let ids = self
            .deck
            .questions
            .iter()
            .map(|q| q.id.to_owned())
            .collect();
        self.begin(Round::new(RoundKind::Full, seed, ids))
    }

    /// Begins a round of the questions missed in the finished round.
    pub fn retry_missed(&mut self, seed: u64) -> bool {
        let Some(round) = self
            .progress
            .round
            .as_ref()
            .filter(|round| round.is_finished())
        else {
            return false;
        };
        let ids = round.missed().map(|a| a.question_id.clone()).collect();
        self.begin(Round::new(RoundKind::Missed, seed, ids))
    }

    fn begin(&mut self, round: Option<Round>) -> bool {
        let Some(round) = round else {
            return false;
        };
        self.progress.round = Some(round);
        self.progress.screen = Screen::Round;
        true
    }

    /// Goes back to the current round from the start screen.
    pub fn resume(&mut self) -> bool {
        if self.progress.round.is_none() || self.progress.screen == Screen::Round {
            return false;
        }
        self.progress.screen = Screen::Round;
        true
    }

    pub fn go_to_start(&mut self) -> bool {
        let changed = self.progress.screen != Screen::Start;
        self.progress.screen = Screen::Start;
        changed
    }

    fn active_round(&mut self) -> Option<&mut Round> {
        match self.progress.screen {
            Screen::Round => self.progress.round.as_mut(),
            Screen::Start => None,
        }
    }

    pub fn select(&mut self, choice_id: &str) -> bool {
        let deck = self.deck;
        self.active_round()
            .is_some_and(|round| round.select(deck, choice_id))
    }

    pub fn show_hint(&mut self) -> bool {
        self.active_round().is_some_and(Round::show_hint)
    }

    /// Grades the selected choice at time `now` (ms since the epoch) and records the attempt.
    pub fn check(&mut self, now: u64) -> bool {
        let deck = self.deck;
        let Some(attempt) = self.active_round().and_then(|round| round.check(deck, now)) else {
            return false;
        };
        self.progress.history.push(attempt);
        true
    }

    pub fn next(&mut self) -> bool {
        self.active_round().is_some_and(Round::next)
    }

    fn round_on_screen(&self) -> Option<&Round> {
        match self.screen() {
            Screen::Round => self.progress.round.as_ref(),
            Screen::Start => None,
        }
    }

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

    /// The unchecked answer on screen, if any.
    pub fn draft(&self) -> Option<&Draft> {
        self.round_on_screen()?.draft()
    }

    /// The checked answer whose feedback is on screen, if any.
    pub fn feedback(&self) -> Option<&Attempt> {
        self.round_on_screen()?.feedback()
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
                    chosen: question.choice(&attempt.choice_id)?,
                    right: question.correct_choice(),
                })
            })
            .collect();
        Some(Summary {
            kind: round.kind,
            score: round.score(),
            total: round.len(),
            missed,
        })
    }

    pub fn overview(&self) -> Overview {
        let latest = |question: &Question| {
            self.progress
                .history
                .iter()
                .rev()
                .find(|attempt| attempt.matches(question))
        };
        let latest: Vec<Option<&Attempt>> = self.deck.questions.iter().map(latest).collect();
        Overview {
            question_count: self.deck.questions.len(),
            answered: latest.iter().flatten().count(),
            right_last_time: latest.iter().flatten().filter(|a| a.correct).count(),
            in_progress: self
                .progress
                .round
                .as_ref()
                .and_then(|round| Some((round.position()? + 1, round.len()))),
        }
    }
}
