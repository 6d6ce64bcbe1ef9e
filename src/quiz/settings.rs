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

/// The most questions one review round asks: always within [`ReviewLimit::MIN`] and
/// [`ReviewLimit::MAX`], however it was typed, imported or edited by hand, so a review round
/// can always start when something is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "u32", into = "u32")]
pub struct ReviewLimit(u32);

impl ReviewLimit {
    pub const MIN: u32 = 1;
    pub const MAX: u32 = 200;

    /// The nearest limit allowed.
    pub fn new(questions: u32) -> Self {
        ReviewLimit(questions.clamp(Self::MIN, Self::MAX))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for ReviewLimit {
    fn default() -> Self {
        ReviewLimit(20)
    }
}

impl From<u32> for ReviewLimit {
    fn from(questions: u32) -> Self {
        ReviewLimit::new(questions)
    }
}

impl From<ReviewLimit> for u32 {
    fn from(limit: ReviewLimit) -> Self {
        limit.0
    }
}

/// The learner's preferences, kept with their progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// Show each round's options in a new order.
    pub shuffle: bool,
    pub daily_review_limit: ReviewLimit,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            shuffle: true,
            daily_review_limit: ReviewLimit::default(),
        }
    }
}
