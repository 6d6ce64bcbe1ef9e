//! A seeded learner who studies one deck every day for three years: the due reviews each
//! morning (right 85 % of the time, after the hint one time in ten) and a full round every 30
//! days; and how schema 3 stored their progress, to compare. Shared by the three-year test
//! (`tests/three_years.rs`, on a deck of 100 questions) and `examples/three_years.rs` (on the
//! shipped decks), which include this file by its path.

use quizdeck::deck::{Deck, QuestionKind};
use quizdeck::quiz::{Progress, ReviewLimit, Session, DAY_MS};
use serde_json::json;

/// 2023-12-02 00:00 UTC, the first day: the three years end on 2026-11-30, before the value
/// was first written, so the app opened on the real clock finds reviews due (Playwright's fake
/// clock would also stub the User Timing measures the benchmark reads).
pub const FIRST_DAY: u64 = 1_701_475_200_000;
pub const DAYS: u64 = 3 * 365;
/// The morning after the last day: when the learner opens the app again.
pub const THE_MORNING_AFTER: u64 = FIRST_DAY + DAYS * DAY_MS + 8 * 3_600_000;

/// The session of a learner who studied `deck` for [`DAYS`] days, their choices drawn from
/// `seed`.
pub fn three_years_on(deck: &'static Deck, seed: u64) -> Session {
    let mut random = fastrand::Rng::with_seed(seed);
    let mut session = Session::new(deck, Progress::default());
    for day in 0..DAYS {
        let morning = FIRST_DAY + day * DAY_MS + 8 * 3_600_000;
        if day % 30 == 0 {
            session.start_over(Some(random.u64(..)));
            answer_round(&mut session, &mut random, morning);
        }
        let later = morning + 3_600_000;
        if session.start_review(Some(random.u64(..)), later, ReviewLimit::default()) {
            answer_round(&mut session, &mut random, later);
        }
    }
    session
}

/// Answers every question of the round on screen, one every 20 seconds from `now`.
fn answer_round(session: &mut Session, random: &mut fastrand::Rng, mut now: u64) {
    while let Some(current) = session.current_question() {
        let question = current.question;
        if random.u8(..10) == 0 {
            session.show_hint();
        }
        let right = random.u8(..100) < 85;
        match question.kind {
            QuestionKind::Order if right => {
                for (place, choice) in question.choices.iter().enumerate() {
                    let arranged = session.arrangement().unwrap_or_default();
                    let at = arranged
                        .iter()
                        .position(|id| *id == choice.id)
                        .unwrap_or(place);
                    session.move_choice(choice.id, place as isize - at as isize);
                }
            }
            // Shown shuffled, never in the right order: checking it as it is is wrong.
            QuestionKind::Order => {}
            _ if right => {
                for choice in question.correct_choices() {
                    session.select(choice.id);
                }
            }
            _ => {
                if let Some(wrong) = question.choices.iter().find(|choice| !choice.correct) {
                    session.select(wrong.id);
                }
            }
        }
        now += 20_000;
        assert!(
            session.check(now),
            "the learner's answer to {} checks",
            question.id
        );
        session.next_question();
    }
}

/// `progress` as schema 3 stored it: the domain's own shape, each attempt in full.
pub fn as_schema_3(progress: &Progress, deck: &Deck) -> String {
    json!({
        "app": "quizdeck",
        "schema": 3,
        "deck": deck.id,
        "deck_hash": deck.hash,
        "progress": {
            "screen": progress.screen,
            "round": progress.round,
            "history": progress.history,
        },
    })
    .to_string()
}
