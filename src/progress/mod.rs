//! Everything saved for a learner, how it is written to and read back from text, and how two
//! copies of it are merged (another tab, an imported file).

mod codec;
mod settings;
mod transfer;

pub(crate) use codec::schema_1_one_or_many;
pub use codec::{decode, encode, Loaded, Unreadable, SCHEMA_VERSION};
pub use settings::{Settings, Theme};
pub use transfer::{export, import, ImportError, MAX_IMPORT_BYTES};

use serde::{Deserialize, Serialize};

use crate::quiz::{Attempt, Round, Screen};

/// The persisted record of one learner on one deck. Review cards and statistics are not
/// stored: they are derived from the history, so two copies merge by merging histories.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub screen: Screen,
    pub round: Option<Round>,
    /// Every attempt ever made, oldest first.
    pub history: Vec<Attempt>,
    #[serde(default)]
    pub settings: Settings,
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

impl Progress {
    /// Adds every attempt of `other` that is not already here, keeping the history in time
    /// order. Nothing here is ever dropped, so no answer is lost whichever copy was newer.
    pub fn merge_history(&mut self, other: &[Attempt]) -> MergeReport {
        let mut added_to: Vec<&str> = Vec::new();
        let mut report = MergeReport::default();
        let new: Vec<Attempt> = other
            .iter()
            .filter(|attempt| !self.history.contains(attempt))
            .cloned()
            .collect();
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
}
