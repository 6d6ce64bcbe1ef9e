use serde::{Deserialize, Serialize};

use super::Settings;

/// What the learner keeps across decks: the settings, which apply to every deck, and the deck
/// they were last in, where the app's bare address takes them back. Each deck's own progress
/// is a [`super::Progress`] of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Library {
    pub settings: Settings,
    /// The id of the deck the learner was last in; `None` when they were last on the library
    /// screen (or have never opened a deck).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_deck: Option<String>,
}

impl Library {
    pub fn update_settings(&mut self, change: impl FnOnce(&mut Settings)) -> bool {
        let before = self.settings.clone();
        change(&mut self.settings);
        self.settings != before
    }

    /// Records that the learner is in the deck `deck_id`, or on the library screen (`None`).
    pub fn visit(&mut self, deck_id: Option<&str>) -> bool {
        if self.last_deck.as_deref() == deck_id {
            return false;
        }
        self.last_deck = deck_id.map(str::to_owned);
        true
    }

    /// Takes in the settings another tab saved: the last change wins, so a theme chosen in one
    /// tab applies in all. The deck each tab is in stays its own.
    pub fn merge_from_other_tab(&mut self, other: &Library) -> bool {
        if self.settings == other.settings {
            return false;
        }
        self.settings = other.settings.clone();
        true
    }
}
