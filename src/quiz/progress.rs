use std::num::NonZeroUsize;

use serde::{Deserialize, Serialize};

use super::{Attempt, Round};
use crate::deck::Deck;

/// The screen the learner was last on; saved so that opening the app's bare address lands on
/// it again (an address names its own screen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    #[default]
    Start,
    /// The current round: its question, or its summary once finished.
    Round,
    Stats,
    Settings,
}

/// Everything kept for one learner on one deck. Review cards and statistics are not kept:
/// they are derived from the history, so two copies merge by merging histories. Stored in the
/// codec's shape (`codec::compact`); this one is schemas 2 and 3's, still read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Progress {
    pub screen: Screen,
    pub round: Option<Round>,
    /// Every attempt ever made, oldest first.
    pub history: Vec<Attempt>,
    /// When the learner last reset their progress (ms since the epoch): another tab's copy
    /// must not bring back answers from before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<u64>,
}

/// What a merge brought in, per question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Questions that had no answers here before.
    pub added: usize,
    /// Questions that already had answers here and got newer ones.
    pub updated: usize,
    /// Questions whose new answers were all given to them as they were once worded, or to
    /// questions since removed: kept, but not counted toward the questions as they are.
    pub uncounted: usize,
}

impl MergeReport {
    pub fn changed_anything(&self) -> bool {
        *self != MergeReport::default()
    }
}

/// What opening progress on a newer version of its deck cost the learner: nothing, when the
/// questions they answered and the round they were in are unchanged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeckUpdate {
    /// The unfinished round no longer fitted the deck, so it was closed.
    pub round_closed: bool,
    /// How many questions the learner last answered as they were then, and that have since
    /// changed what they ask or been removed: answers to them say nothing about the questions
    /// as they are, so they no longer count toward them (they are kept all the same).
    pub questions_changed: usize,
}

/// What a deck update cost the learner, when it cost anything: the form a notice takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateCost {
    RoundClosed,
    AnswersUncounted { questions: NonZeroUsize },
    RoundClosedAndAnswersUncounted { questions: NonZeroUsize },
}

impl DeckUpdate {
    /// `None` when the update cost nothing.
    pub fn cost(self) -> Option<UpdateCost> {
        let changed = NonZeroUsize::new(self.questions_changed);
        match (self.round_closed, changed) {
            (false, None) => None,
            (true, None) => Some(UpdateCost::RoundClosed),
            (false, Some(questions)) => Some(UpdateCost::AnswersUncounted { questions }),
            (true, Some(questions)) => {
                Some(UpdateCost::RoundClosedAndAnswersUncounted { questions })
            }
        }
    }
}

/// The saved round claims questions, answers or a step that the deck it was made on cannot
/// have produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundMisfit;

impl Progress {
    /// Makes progress saved against the deck whose hash was `saved_deck_hash` fit `deck`, and
    /// says what that cost. An answer saved under a question's first-definition hash
    /// (`Question::hash_v1`) is the answer to the question as it is, and is kept under its
    /// hash. On the deck it was saved against, a round that does not fit is damage; on a newer
    /// deck it is closed, and kept when every question it asked and answered is unchanged.
    pub fn fit_to(
        &mut self,
        deck: &'static Deck,
        saved_deck_hash: &str,
    ) -> Result<DeckUpdate, RoundMisfit> {
        if saved_deck_hash == deck.hash {
            return match &self.round {
                Some(round) if !round.is_consistent_with(deck) => Err(RoundMisfit),
                _ => Ok(DeckUpdate::default()),
            };
        }
        let mut update = DeckUpdate::default();
        let carry_over = |attempt: &mut Attempt| {
            deck.question(&attempt.question_id)
                .is_some_and(|question| attempt.carry_over_to(question))
        };
        if let Some(round) = &mut self.round {
            if !(round.attempts.iter_mut().all(carry_over) && round.is_consistent_with(deck)) {
                self.round = None;
                update.round_closed = true;
            }
        }
        // Every answer is kept: one that no longer fits is not counted toward any question
        // (whatever reads the history matches attempts to questions), yet it is still a day
        // studied, it stays in an export, and it counts again should its question return as
        // it was.
        let fits: Vec<bool> = self.history.iter_mut().map(carry_over).collect();
        // Each question by its latest answer, the newest first.
        let mut seen: Vec<&str> = Vec::new();
        for (attempt, fits) in self.history.iter().zip(fits).rev() {
            if !seen.contains(&attempt.question_id.as_str()) {
                seen.push(&attempt.question_id);
                update.questions_changed += usize::from(!fits);
            }
        }
        Ok(update)
    }

    /// Adds every attempt of `other` that is not already here, keeping the history in time
    /// order, and reports what they bring to `deck`'s questions. Nothing here is ever dropped,
    /// so no answer is lost whichever copy was newer.
    pub fn merge_history(&mut self, other: &[Attempt], deck: &'static Deck) -> MergeReport {
        let mut added_to: Vec<&str> = Vec::new();
        let mut report = MergeReport::default();
        let new: Vec<Attempt> = {
            // Looked up by time, since another tab sends its whole history at every save:
            // comparing each of its attempts with each of ours would take years of answers
            // squared.
            let mut known: Vec<&Attempt> = self.history.iter().collect();
            known.sort_by_key(|attempt| attempt.answered_at);
            let is_known = |attempt: &Attempt| {
                let from = known.partition_point(|mine| mine.answered_at < attempt.answered_at);
                known[from..]
                    .iter()
                    .take_while(|mine| mine.answered_at == attempt.answered_at)
                    .any(|mine| *mine == attempt)
            };
            other
                .iter()
                .filter(|attempt| !is_known(attempt))
                .cloned()
                .collect()
        };
        for attempt in &new {
            let id = attempt.question_id.as_str();
            if added_to.contains(&id) {
                continue;
            }
            added_to.push(id);
            let counts_toward_it =
                |other: &Attempt| other.question_id == id && other.counted_question(deck).is_some();
            if !new.iter().any(counts_toward_it) {
                report.uncounted += 1;
            } else if self.history.iter().any(counts_toward_it) {
                report.updated += 1;
            } else {
                report.added += 1;
            }
        }
        self.history.extend(new);
        self.history.sort_by_key(|attempt| attempt.answered_at);
        report
    }

    /// Takes in what another tab saved: a reset made there also forgets the answers here that
    /// came before it, and its newer answers are added. The round here stays.
    /// Whether the history changed.
    pub fn merge_from_other_tab(&mut self, other: &Progress, deck: &'static Deck) -> bool {
        let mut forgot = false;
        if other.reset_at > self.reset_at {
            let reset_at = other.reset_at.unwrap_or_default();
            self.reset_at = other.reset_at;
            self.history
                .retain(|attempt| attempt.answered_at > reset_at);
            forgot = true;
        }
        let reset_at = self.reset_at;
        let newer: Vec<Attempt> = other
            .history
            .iter()
            .filter(|attempt| reset_at.is_none_or(|reset| attempt.answered_at > reset))
            .cloned()
            .collect();
        self.merge_history(&newer, deck).changed_anything() || forgot
    }

    /// Forgets every answer and the current round at `now`; the screen stays unless it was the
    /// round's. Whether there was anything to forget.
    pub fn reset(&mut self, now: u64) -> bool {
        if self.history.is_empty() && self.round.is_none() {
            return false;
        }
        let screen = match self.screen {
            Screen::Round => Screen::Start,
            other => other,
        };
        *self = Progress {
            screen,
            reset_at: Some(now),
            ..Progress::default()
        };
        true
    }
}
