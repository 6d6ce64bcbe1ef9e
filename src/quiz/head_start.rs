use super::Session;

/// The seed of the round a new learner starts before the app is up. index.html's first screen
/// shows this round's first question, in this seed's option order (`ui::first_screen`), so the
/// round the app takes over is the one the learner has in front of them.
pub const FIRST_ROUND_SEED: u64 = 20_261_201;

/// What a new learner did on the first screen before the app had loaded: they pressed Start,
/// chose options, maybe asked for the hint or pressed Check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadStart {
    /// The id of the deck whose Start was pressed (the library's first screen has one per deck).
    pub deck: String,
    /// The options chosen on the first question, as they stood when the app took over.
    pub selected: Vec<String>,
    pub hint_shown: bool,
    pub check_pressed: bool,
}

impl HeadStart {
    /// Replays those actions through the session's own methods, so they are graded, scheduled
    /// and saved like any other (`session` is the one of [`HeadStart::deck`]). Changes nothing
    /// when the session already has a round (the learner had progress after all, say saved by
    /// another tab meanwhile): that round wins. A new learner's settings shuffle.
    pub fn replay(&self, session: &mut Session, now: u64) -> bool {
        if session.progress().round.is_some() || !session.start_over(Some(FIRST_ROUND_SEED)) {
            return false;
        }
        for choice_id in &self.selected {
            session.select(choice_id);
        }
        if self.hint_shown {
            session.show_hint();
        }
        if self.check_pressed {
            session.check(now);
        }
        true
    }
}
