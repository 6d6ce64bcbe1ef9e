//! Three years of daily use, simulated: a seeded learner who answers the due reviews every day
//! (right 85 % of the time) and takes a full round every 30 days, on the shipped deck. Prints
//! what the stored progress then weighs and how long saving and loading it take natively
//! (scripts/bench measures the browser). Run: `cargo run --release --example three_years`.

use std::time::Instant;

use quizdeck::codec::{decode, encode};
use quizdeck::deck::{QuestionKind, DECK_DJANGO_ASYNC as DECK};
use quizdeck::quiz::{Progress, ReviewLimit, Session, DAY_MS};

/// Answers every question of the round on screen, right with probability 85 %.
fn answer_round(session: &mut Session, random: &mut fastrand::Rng, mut now: u64) -> u64 {
    while let Some(current) = session.current_question() {
        let question = current.question;
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
                for choice in question.choices.iter().filter(|choice| choice.correct) {
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
        session.check(now);
        session.next_question();
    }
    now
}

fn main() {
    let start = 1_767_225_600_000; // 2026-01-01
    let mut random = fastrand::Rng::with_seed(20261202);
    let mut session = Session::new(&DECK, Progress::default());
    let days = 3 * 365;
    for day in 0..days {
        let morning = start + day * DAY_MS + 8 * 3_600_000;
        if day % 30 == 0 {
            session.start_over(Some(random.u64(..)));
            answer_round(&mut session, &mut random, morning);
        }
        if session.start_review(
            Some(random.u64(..)),
            morning + 3_600_000,
            ReviewLimit::default(),
        ) {
            answer_round(&mut session, &mut random, morning + 3_600_000);
        }
    }
    let stored = encode(session.progress(), &DECK);
    let saves = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(encode(session.progress(), &DECK));
    }
    let save = saves.elapsed() / 20;
    let loads = Instant::now();
    for _ in 0..20 {
        let loaded = decode(&stored, &DECK).expect("what was saved loads");
        std::hint::black_box(Session::new(&DECK, loaded.progress));
    }
    let load = loads.elapsed() / 20;
    println!(
        "{days} days, {} questions: {} attempts; stored progress {} bytes ({:.1} KB); \
         save (encode) {save:?}, cold load (decode + schedule replay) {load:?}, natively",
        DECK.questions.len(),
        session.progress().history.len(),
        stored.len(),
        stored.len() as f64 / 1024.0
    );
}
