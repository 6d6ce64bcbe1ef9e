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
}

impl MergeReport {
    pub fn changed_anything(&self) -> bool {
        *self != MergeReport::default()
    }
}

/// Progress made against one version of a deck, opened on another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckFit {
    /// The deck is the one the progress was made on.
    Same,
    /// The deck's content changed: the unfinished round was closed and the answers to
    /// changed or removed questions were dropped.
    Changed,
}

/// The saved round claims questions, answers or a step that the deck it was made on cannot
/// have produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundMisfit;

impl Progress {
    /// Makes progress saved against the deck whose hash was `saved_deck_hash` fit `deck`. An
    /// answer saved under a question's first-definition hash (`Question::hash_v1`) is the
    /// answer to the question as it is, and is kept under its hash.
    pub fn fit_to(
        &mut self,
        deck: &'static Deck,
        saved_deck_hash: &str,
    ) -> Result<DeckFit, RoundMisfit> {
        if saved_deck_hash != deck.hash {
            self.round = None;
            self.history.retain_mut(|attempt| {
                let Some(question) = deck.question(&attempt.question_id) else {
                    return false;
                };
                if attempt.question_hash == question.hash_v1 {
                    question.hash.clone_into(&mut attempt.question_hash);
                }
                attempt.matches(question)
            });
            return Ok(DeckFit::Changed);
        }
        match &self.round {
            Some(round) if !round.is_consistent_with(deck) => Err(RoundMisfit),
            _ => Ok(DeckFit::Same),
        }
    }

    /// Adds every attempt of `other` that is not already here, keeping the history in time
    /// order. Nothing here is ever dropped, so no answer is lost whichever copy was newer.
    pub fn merge_history(&mut self, other: &[Attempt]) -> MergeReport {
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
            if added_to.contains(&attempt.question_id.as_str()) {
                continue;
            }
            added_to.push(&attempt.question_id);
            let known = self
                .history
                .iter()
                .any(|mine| mine.question_id == attempt.question_id);
            if known {
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
    pub fn merge_from_other_tab(&mut self, other: &Progress) -> bool {
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
        self.merge_history(&newer).changed_anything() || forgot
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
