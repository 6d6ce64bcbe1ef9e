use serde::{Deserialize, Serialize};

/// The colour theme: follow the system, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The learner's preferences, saved with their progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// Show each round's options in a new order.
    pub shuffle: bool,
    /// The most questions one review round asks.
    pub daily_review_limit: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            shuffle: true,
            daily_review_limit: 20,
        }
    }
}
