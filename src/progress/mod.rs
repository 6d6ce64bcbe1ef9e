//! Everything saved for a learner, and how it is written to and read back from text.

mod codec;

pub use codec::{decode, encode, Loaded, Unreadable, SCHEMA_VERSION};

use serde::{Deserialize, Serialize};

use crate::quiz::{Attempt, Round, Screen};

/// The persisted record of one learner on one deck.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub screen: Screen,
    pub round: Option<Round>,
    /// Every attempt ever made, oldest first.
    pub history: Vec<Attempt>,
}
