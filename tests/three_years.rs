//! Three years of daily review on a deck of 100 questions: what is stored stays
//! under 256 KB, and nothing the learner sees (stats, streak, each question's history, the
//! schedule) differs between the session that made the history and the one loaded from it,
//! nor after a schema-3 value of the same history is migrated.

#[path = "common/three_years.rs"]
mod three_years;

use quizdeck::codec::{decode, encode};
use quizdeck::deck::{Choice, Deck, Evidence, Oracle, Question, QuestionKind, Runner, Topic};
use quizdeck::quiz::{DeckUpdate, LocalTime, ReviewLimit, Schedule, Session};
use three_years::{as_schema_3, three_years_on, THE_MORNING_AFTER};

/// localStorage keeps about 5 MB per site; the bound set for one deck after three years.
const STORED_BOUND: usize = 256 * 1024;

fn leaked(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

const TOPICS: &[Topic] = &[
    Topic {
        id: "views",
        title: "Views",
    },
    Topic {
        id: "orm",
        title: "The ORM",
    },
    Topic {
        id: "tasks",
        title: "Tasks",
    },
    Topic {
        id: "order",
        title: "Order",
    },
];

/// 100 questions over four topics: single choice mostly, some "select all that apply" and
/// some to put in order, as the shipped decks mix them.
fn hundred_questions() -> &'static Deck {
    let questions: Vec<Question> = (0..100)
        .map(|n| {
            let kind = match n % 10 {
                7 => QuestionKind::Multiple,
                9 => QuestionKind::Order,
                _ => QuestionKind::Single,
            };
            let right = |index: usize| match kind {
                QuestionKind::Single => index == n % 4,
                QuestionKind::Multiple => index.is_multiple_of(2),
                QuestionKind::Order => true,
            };
            let choices: Vec<Choice> = (0..4)
                .map(|index| Choice {
                    id: ["a", "b", "c", "d"][index],
                    html: "choice",
                    correct: right(index),
                    reason_html: "because",
                })
                .collect();
            Question {
                id: leaked(format!("question-{n:03}")),
                hash: leaked(format!("{:016x}", n * 0x9e37_79b9)),
                hash_v1: "not-a-saved-hash",
                topic: TOPICS[n % TOPICS.len()].id,
                kind,
                prompt_html: "<p>prompt</p>",
                title_in_prompt: (3, 9),
                choices: Box::leak(choices.into_boxed_slice()),
                hint_html: "hint",
                explanation_html: "<p>explanation</p>",
                evidence: Evidence::Checked,
                receipts: &[],
            }
        })
        .collect();
    Box::leak(Box::new(Deck {
        id: "hundred",
        title: "A hundred questions",
        description: "For the three-year test",
        hash: "hundred-1",
        topics: TOPICS,
        questions: Box::leak(questions.into_boxed_slice()),
        oracle: Oracle {
            runner: Runner::Django,
            proven_with: "Django 5.2.19",
            release_line: None,
        },
        versions: None,
    }))
}

/// Everything the learner sees of `seen`, compared with what `made` (the session that answered)
/// shows: the stats (streak, days, due counts, tallies), the start screen, the schedule and
/// every question's history.
fn assert_the_learner_sees_the_same(seen: &Session, made: &Session, deck: &'static Deck) {
    let paris = LocalTime {
        now: THE_MORNING_AFTER,
        utc_offset_minutes: 60,
    };
    assert_eq!(seen.stats(paris), made.stats(paris));
    assert_eq!(
        seen.overview(THE_MORNING_AFTER),
        made.overview(THE_MORNING_AFTER)
    );
    assert_eq!(seen.schedule(), made.schedule());
    assert_eq!(
        seen.due(THE_MORNING_AFTER),
        made.due(THE_MORNING_AFTER),
        "the review round offered"
    );
    for question in deck.questions {
        assert_eq!(
            seen.question_history(question),
            made.question_history(question),
            "the history of {}",
            question.id
        );
    }
}

#[test]
fn three_years_of_daily_review_are_stored_in_256_kb_and_load_back_as_they_were() {
    let deck = hundred_questions();
    let learner = three_years_on(deck, 20261202);
    let progress = learner.progress();
    let attempts = progress.history.len();
    assert!(
        attempts > 5_000,
        "a learner of three years: {attempts} attempts"
    );
    let stats = learner.stats(LocalTime {
        now: THE_MORNING_AFTER,
        utc_offset_minutes: 60,
    });
    assert!(
        stats.days.len() > 700,
        "studied most days: {}",
        stats.days.len()
    );
    assert!(stats.streak_days > 0 && stats.due_now > 0);
    assert_eq!(stats.tallies.deck.answered, 100);

    let stored = encode(progress, deck);
    assert!(
        stored.len() <= STORED_BOUND,
        "{} B stored for {attempts} attempts",
        stored.len()
    );
    let loaded = decode(&stored, deck).expect("what was stored loads");
    assert_eq!(loaded.deck_update, DeckUpdate::default());
    assert_eq!(&loaded.progress, progress);

    let reopened = Session::new(deck, loaded.progress);
    assert_eq!(
        reopened.schedule(),
        &Schedule::from_history(deck, &progress.history),
        "the schedule replayed from the stored history is the full history's"
    );
    assert_the_learner_sees_the_same(&reopened, &learner, deck);

    // Another tab saving the same three years brings in nothing, and the answer it adds is
    // merged in once, rescheduled as it was answered there.
    let mut here = reopened.clone();
    assert!(!here.merge_from_other_tab(progress));
    assert_eq!(here, reopened);
    let mut there = learner.clone();
    assert!(there.start_review(Some(1), THE_MORNING_AFTER, ReviewLimit::default()));
    let question = there.current_question().unwrap().question;
    there.select(question.choices[0].id);
    assert!(there.check(THE_MORNING_AFTER));
    assert!(here.merge_from_other_tab(there.progress()));
    assert_eq!(here.progress().history, there.progress().history);
    assert_eq!(here.schedule(), there.schedule());
}

#[test]
fn a_three_year_value_of_schema_3_migrates_without_changing_what_the_learner_sees() {
    let deck = hundred_questions();
    let learner = three_years_on(deck, 7);
    let schema_3 = as_schema_3(learner.progress(), deck);
    let migrated = decode(&schema_3, deck).expect("a schema-3 value loads");
    assert_eq!(&migrated.progress, learner.progress());
    let stored_again = encode(&migrated.progress, deck);
    assert!(
        stored_again.len() * 5 < schema_3.len(),
        "schema 4 is much smaller: {} B, against {} B in schema 3",
        stored_again.len(),
        schema_3.len()
    );
    let reopened = Session::new(deck, decode(&stored_again, deck).unwrap().progress);
    assert_the_learner_sees_the_same(&reopened, &learner, deck);
}
