//! Learning beyond one pass: multi-select grading, topic rounds, spaced-repetition review,
//! statistics, merging and export/import.

mod common;

use common::{answer, DECK, EDITED_DECK, RIGHT, TOPIC_DECK, WRONG};
use quizdeck::codec::{
    decode_library, encode, encode_library, export, import, ImportError, Loaded, Unreadable,
    MAX_IMPORT_BYTES, SCHEMA_VERSION,
};
use quizdeck::quiz::{
    Attempt, DeckUpdate, Library, LocalTime, MergeReport, Progress, Rating, ReviewCard,
    ReviewLimit, RoundKind, Session, Settings, DAY_MS,
};

const START: u64 = 1_764_000_000_000; // 2025-11-24, a fixed clock

#[test]
fn multi_select_is_all_or_nothing_and_selecting_twice_unselects() {
    let mut session = Session::new(&TOPIC_DECK, Progress::default());
    assert!(session.start_topic("multi", Some(1)));
    assert!(session.select("a"));
    assert!(session.select("c"));
    assert!(session.select("b"));
    assert!(session.select("b"), "a second click clears a checkbox");
    assert_eq!(session.draft().unwrap().selected, ["a", "c"]);
    assert!(session.check(START));
    assert!(session.feedback().unwrap().correct);

    for (picked, right) in [
        (&["a"][..], false),
        (&["a", "c", "d"][..], false),
        (&["c", "a"][..], true),
    ] {
        let mut session = Session::new(&TOPIC_DECK, Progress::default());
        session.start_topic("multi", Some(1));
        for id in picked {
            session.select(id);
        }
        session.check(START);
        assert_eq!(session.feedback().unwrap().correct, right, "{picked:?}");
    }
}

#[test]
fn single_choice_keeps_one_selection() {
    let mut session = Session::new(&TOPIC_DECK, Progress::default());
    session.start_topic("basics", Some(1));
    session.select("b");
    session.select("a");
    assert!(
        !session.select("a"),
        "choosing the chosen option again changes nothing"
    );
    assert_eq!(session.draft().unwrap().selected, ["a"]);
}

#[test]
fn a_topic_round_asks_only_that_topic_and_the_overview_counts_per_topic() {
    let mut session = Session::new(&TOPIC_DECK, Progress::default());
    assert!(!session.start_topic("no-such-topic", Some(1)));
    assert!(session.start_topic("basics", Some(1)));
    assert_eq!(session.current_question().unwrap().total, 2);
    answer(&mut session, &["a"], false, START);
    answer(&mut session, &["a"], false, START + 1);
    assert_eq!(
        session.summary().unwrap().kind,
        RoundKind::Topic("basics".into())
    );
    let overview = session.overview(START + 2);
    let topics: Vec<(&str, usize, usize)> = overview
        .tallies
        .topics
        .iter()
        .map(|(topic, c)| (topic.id, c.answered, c.right_last_time))
        .collect();
    assert_eq!(topics, [("basics", 2, 1), ("multi", 0, 0)]);
}

fn attempt(correct: bool, hint_used: bool) -> Attempt {
    Attempt {
        question_id: "one".into(),
        question_hash: "h1".into(),
        choice_ids: vec!["a".into()],
        correct,
        hint_used,
        answered_at: START,
    }
}

#[test]
fn answers_map_to_ratings() {
    assert_eq!(Rating::of(&attempt(false, false)), Rating::Again);
    assert_eq!(Rating::of(&attempt(false, true)), Rating::Again);
    assert_eq!(Rating::of(&attempt(true, true)), Rating::Hard);
    assert_eq!(Rating::of(&attempt(true, false)), Rating::Good);
}

#[test]
fn intervals_grow_after_good_and_reset_after_again() {
    let mut card = ReviewCard::after(None, Rating::Good, START);
    let mut now = START;
    let mut intervals = Vec::new();
    for _ in 0..5 {
        now = card.due.max(now);
        card = ReviewCard::after(Some(&card), Rating::Good, now);
        intervals.push(card.due - now);
    }
    assert!(
        intervals.windows(2).all(|pair| pair[1] > pair[0]),
        "intervals must grow: {intervals:?}"
    );
    assert!(*intervals.last().unwrap() > 7 * DAY_MS, "{intervals:?}");

    let last_interval = *intervals.last().unwrap();
    let forgotten = ReviewCard::after(Some(&card), Rating::Again, card.due);
    let relearn = forgotten.due - card.due;
    assert!(
        relearn * 4 < last_interval,
        "Again resets: {relearn} vs {last_interval}"
    );
    assert_eq!(forgotten.lapses, card.lapses + 1);
    // Same inputs, same schedule: no hidden randomness.
    assert_eq!(
        ReviewCard::after(Some(&card), Rating::Hard, now),
        ReviewCard::after(Some(&card), Rating::Hard, now)
    );
}

#[test]
fn review_asks_the_due_questions_most_overdue_first() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    answer(&mut session, &[WRONG[0]], false, START); // Again: due tomorrow
    answer(&mut session, &[RIGHT[1]], false, START + 1_000); // Good: due in days
    answer(&mut session, &[WRONG[2]], false, START + 2_000); // Again, a little later
    assert!(
        session.due(START + DAY_MS / 2).is_empty(),
        "nothing is due the same day"
    );

    let later = START + DAY_MS + 5_000;
    let due: Vec<&str> = session.due(later).iter().map(|q| q.id).collect();
    assert_eq!(
        due,
        ["one", "three"],
        "the two missed ones, oldest due first"
    );
    assert_eq!(session.overview(later).due, 2);
    assert!(session.start_review(Some(7), later, ReviewLimit::default()));
    assert_eq!(session.current_question().unwrap().question.id, "one");
    assert_eq!(session.current_question().unwrap().total, 2);

    let much_later = START + 30 * DAY_MS;
    assert_eq!(session.due(much_later).len(), 3);
}

#[test]
fn review_respects_the_daily_limit() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    for (index, id) in WRONG.iter().enumerate() {
        answer(&mut session, &[id], false, START + index as u64);
    }
    let settings = Settings {
        daily_review_limit: ReviewLimit::new(2),
        ..Settings::default()
    };
    assert_eq!(session.due(START + 2 * DAY_MS).len(), 3);
    session.start(&RoundKind::Review, &settings, 1, START + 2 * DAY_MS);
    assert_eq!(session.current_question().unwrap().total, 2);
}

/// A review limit out of range, however it got into the saved value (edited by hand, an
/// imported file, an older version), reads as the nearest allowed one: with 0, a review round
/// would start with nothing and silently do nothing.
#[test]
fn a_saved_review_limit_out_of_range_still_lets_the_learner_review() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    for (index, id) in WRONG.iter().enumerate() {
        answer(&mut session, &[id], false, START + index as u64);
    }
    let saved = encode_library(&Library::default());
    for (stored, asked) in [(0, 1), (1, 1), (2, 2), (200, 3), (100_000, 3)] {
        let edited = saved.replace(
            "\"daily_review_limit\":20",
            &format!("\"daily_review_limit\":{stored}"),
        );
        assert_ne!(edited, saved, "the saved value has the default limit");
        let settings = decode_library(&edited).unwrap().settings;
        let expected = ReviewLimit::new(stored);
        assert_eq!(settings.daily_review_limit, expected);
        assert!((ReviewLimit::MIN..=ReviewLimit::MAX).contains(&expected.get()));
        assert!(
            session
                .clone()
                .start(&RoundKind::Review, &settings, 1, START + 2 * DAY_MS),
            "limit {stored}"
        );
        let mut reopened = session.clone();
        reopened.start(&RoundKind::Review, &settings, 1, START + 2 * DAY_MS);
        assert_eq!(
            reopened.current_question().unwrap().total,
            asked,
            "limit {stored}"
        );
    }
}

#[test]
fn stats_count_first_tries_streaks_and_days() {
    let mut session = Session::new(&DECK, Progress::default());
    // Day 0: one right, one wrong. Day 1: the wrong one right. Day 3: nothing. Day 4: one.
    session.start_over(Some(1));
    answer(&mut session, &[RIGHT[0]], false, START);
    answer(&mut session, &[WRONG[1]], false, START + 60_000);
    session.start_over(Some(2));
    answer(&mut session, &[RIGHT[0]], false, START + DAY_MS);
    answer(&mut session, &[RIGHT[1]], true, START + DAY_MS + 1);
    session.start_over(Some(3));
    answer(&mut session, &[RIGHT[0]], false, START + 4 * DAY_MS);

    let time = LocalTime {
        now: START + 4 * DAY_MS + 10,
        utc_offset_minutes: 0,
    };
    let stats = session.stats(time);
    assert_eq!(stats.tallies.deck.questions, 3);
    assert_eq!(stats.tallies.deck.answered, 2);
    assert_eq!(stats.tallies.deck.right_first_time, 1);
    assert_eq!(stats.tallies.deck.attempts, 5);
    assert_eq!(stats.streak_days, 1);
    let days: Vec<(usize, usize)> = stats.days.iter().map(|d| (d.answered, d.right)).collect();
    assert_eq!(days, [(2, 1), (2, 2), (1, 1)]);

    let yesterday_too = LocalTime {
        now: START + 2 * DAY_MS,
        utc_offset_minutes: 0,
    };
    assert_eq!(
        session.stats(yesterday_too).streak_days,
        2,
        "a streak ending yesterday still counts"
    );
    let question = &DECK.questions[1];
    let history: Vec<bool> = session
        .question_history(question)
        .iter()
        .map(|a| a.correct)
        .collect();
    assert_eq!(history, [false, true]);
}

#[test]
fn local_days_follow_the_utc_offset() {
    let just_before_midnight_utc = 1_764_028_799_000; // 23:59:59 UTC
    let utc = LocalTime {
        now: 0,
        utc_offset_minutes: 0,
    };
    let paris = LocalTime {
        now: 0,
        utc_offset_minutes: 60,
    };
    assert_eq!(
        paris.day_of(just_before_midnight_utc),
        utc.day_of(just_before_midnight_utc) + 1
    );
}

/// A learner who has answered the first question of a whole-deck round, rightly, at `START`.
fn first_question_answered() -> Session {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    answer(&mut session, &[RIGHT[0]], false, START);
    session
}

#[test]
fn merging_adds_missing_answers_and_reports_per_question() {
    let mut here = first_question_answered();

    let mut there = Session::new(&DECK, Progress::default());
    there.start_over(Some(2));
    answer(&mut there, &[WRONG[0]], false, START + 10);
    answer(&mut there, &[RIGHT[1]], false, START + 20);

    let round_here = here.progress().round.clone();
    let report = here.merge_history(&there.progress().history);
    assert_eq!((report.added, report.updated), (1, 1));
    let times: Vec<u64> = here
        .progress()
        .history
        .iter()
        .map(|a| a.answered_at)
        .collect();
    assert_eq!(
        times,
        [START, START + 10, START + 20],
        "one history, in time order"
    );
    assert_eq!(
        here.progress().round,
        round_here,
        "the round here is untouched"
    );

    let again = here.merge_history(&there.progress().history);
    assert_eq!(
        (again.added, again.updated),
        (0, 0),
        "merging twice changes nothing"
    );
    assert_eq!(here.progress().history.len(), 3);
}

/// Two decks whose question ids are the same ("one", "two"), each answered differently.
fn two_decks() -> (Session, Session) {
    let mut first = Session::new(&DECK, Progress::default());
    first.start_over(Some(1));
    answer(&mut first, &[RIGHT[0]], true, START);
    let mut second = Session::new(&TOPIC_DECK, Progress::default());
    second.start_topic("basics", None);
    answer(&mut second, &["b"], false, START + 1);
    answer(&mut second, &["c"], false, START + 2);
    (first, second)
}

#[test]
fn one_export_holds_every_deck_and_imports_each_into_its_own() {
    let (first, second) = two_decks();
    let file = export(
        &[(&DECK, first.progress()), (&TOPIC_DECK, second.progress())],
        START + 5,
    );
    assert!(file.contains("\"exported_at\":1764000000005"));
    let imported = import(&file, &[&TOPIC_DECK, &DECK]).unwrap();
    assert_eq!(
        imported.decks,
        [
            (&DECK, as_saved(first.progress())),
            (&TOPIC_DECK, as_saved(second.progress()))
        ]
    );
    assert!(imported.left_out.is_empty());

    // Merged into two fresh sessions, each deck gets its own answers and none of the other's.
    let mut here = [
        Session::new(&DECK, Progress::default()),
        Session::new(&TOPIC_DECK, Progress::default()),
    ];
    for (deck, loaded) in &imported.decks {
        let session = here.iter_mut().find(|s| s.deck().id == deck.id).unwrap();
        session.merge_history(&loaded.progress.history);
    }
    assert_eq!(here[0].progress().history, first.progress().history);
    assert_eq!(here[1].progress().history, second.progress().history);
}

#[test]
fn importing_a_file_of_one_deck_never_touches_another() {
    let (first, second) = two_decks();
    let file = export(&[(&DECK, first.progress())], START + 5);
    let imported = import(&file, &[&DECK, &TOPIC_DECK]).unwrap();
    assert_eq!(imported.decks.len(), 1);
    assert_eq!(imported.decks[0].0.id, DECK.id);

    // A file exported before there were several decks (one deck's envelope) still imports,
    // into that deck only.
    let progress = first.progress();
    let old = serde_json::json!({
        "app": "quizdeck",
        "schema": 2,
        "exported_at": 1,
        "deck": DECK.id,
        "deck_hash": DECK.hash,
        "progress": {
            "settings": {"shuffle": false},
            "screen": progress.screen,
            "round": progress.round,
            "history": progress.history,
        },
    })
    .to_string();
    let imported = import(&old, &[&TOPIC_DECK, &DECK]).unwrap();
    assert_eq!(imported.decks, [(&DECK, as_saved(first.progress()))]);

    let mut untouched = second.clone();
    for (deck, loaded) in &imported.decks {
        if deck.id == untouched.deck().id {
            untouched.merge_history(&loaded.progress.history);
        }
    }
    assert_eq!(untouched, second);
}

/// What an import reads from a file saved against the deck as it is now.
fn as_saved(progress: &Progress) -> Loaded {
    Loaded {
        progress: progress.clone(),
        deck_update: DeckUpdate::default(),
    }
}

#[test]
fn a_merge_reports_each_question_once_as_added_or_updated() {
    let mut here = first_question_answered();
    // The other copy went on: "two" for the first time, then "one" again, twice.
    let mut there = here.clone();
    answer(&mut there, &[RIGHT[1]], false, START + 1);
    for n in 2..4 {
        there.start_over(Some(1));
        answer(&mut there, &[WRONG[0]], false, START + n);
    }
    assert_eq!(
        here.merge_history(&there.progress().history),
        MergeReport {
            added: 1,
            updated: 1,
            uncounted: 0,
        },
        "'two' is new here, 'one' had an answer here already"
    );
    assert_eq!(here.progress().history, there.progress().history);
    assert_eq!(
        here.merge_history(&there.progress().history),
        MergeReport::default(),
        "merging the same answers again brings nothing"
    );
}

#[test]
fn an_import_saved_before_a_deck_update_counts_only_answers_to_unchanged_questions() {
    let mut before = Session::new(&DECK, Progress::default());
    before.start_over(Some(1));
    for (n, choice) in RIGHT.into_iter().enumerate() {
        answer(&mut before, &[choice], true, START + n as u64);
    }
    let file = export(&[(&DECK, before.progress())], START + 5);

    let imported = import(&file, &[&EDITED_DECK]).unwrap();
    let (deck, loaded) = &imported.decks[0];
    assert_eq!(deck.id, EDITED_DECK.id);
    assert_eq!(
        loaded.progress.history,
        before.progress().history,
        "the file's every answer is read"
    );
    let mut here = Session::new(&EDITED_DECK, Progress::default());
    assert_eq!(
        here.merge_history(&loaded.progress.history),
        MergeReport {
            added: 1,
            updated: 0,
            uncounted: 2,
        },
        "'two' was reworded and 'three' removed since the file was saved"
    );
    assert_eq!(here.progress().history, before.progress().history);
    let counted: Vec<&str> = here
        .answered_questions()
        .iter()
        .map(|question| question.id)
        .collect();
    assert_eq!(counted, ["one"]);
}

#[test]
fn a_deck_this_app_lacks_is_left_out_of_an_import() {
    let (first, second) = two_decks();
    let file = export(
        &[(&DECK, first.progress()), (&TOPIC_DECK, second.progress())],
        START,
    );
    let imported = import(&file, &[&DECK]).unwrap();
    assert_eq!(imported.decks, [(&DECK, as_saved(first.progress()))]);
    assert_eq!(imported.left_out, ["topic-deck"]);
}

#[test]
fn every_bad_import_is_refused_with_its_reason() {
    let mut good = Session::new(&DECK, Progress::default());
    good.start_over(Some(1));
    answer(&mut good, &[RIGHT[0]], true, START);
    let file = export(&[(&DECK, good.progress())], START);
    let one_deck = encode(good.progress(), &DECK);
    let cases: Vec<(String, ImportError, &str)> = vec![
        (
            "this is a text file".into(),
            ImportError::Unreadable(Unreadable::NotJson),
            "not JSON",
        ),
        (
            "{\"todos\":[]}".into(),
            ImportError::Unreadable(Unreadable::Foreign),
            "not written by quizdeck",
        ),
        (
            file.replace("\"app\":\"quizdeck\"", "\"app\":\"quizdown\""),
            ImportError::Unreadable(Unreadable::Foreign),
            "not written by quizdeck",
        ),
        (
            file.replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":9"),
            ImportError::Unreadable(Unreadable::FutureSchema(9)),
            "newer version",
        ),
        (
            file.replace("\"deck\":\"test-deck\"", "\"deck\":\"rust\""),
            ImportError::NoDeckHere(vec!["rust".into()]),
            "decks this app does not have (rust)",
        ),
        (
            one_deck.replace("\"deck\":\"test-deck\"", "\"deck\":\"rust\""),
            ImportError::NoDeckHere(vec!["rust".into()]),
            "decks this app does not have (rust)",
        ),
        (
            file.replace("\"correct\":true", "\"correct\":false"),
            ImportError::Unreadable(Unreadable::Damaged(
                "the saved round does not fit the deck".into(),
            )),
            "damaged",
        ),
        (
            " ".repeat(MAX_IMPORT_BYTES + 1),
            ImportError::TooLarge(MAX_IMPORT_BYTES + 1),
            "more than a progress file can be",
        ),
    ];
    for (raw, expected, message) in cases {
        assert_ne!(raw, file, "the case changed the file");
        let error = import(&raw, &[&DECK]).unwrap_err();
        assert_eq!(error, expected);
        assert!(error.to_string().contains(message), "{error}");
    }
}

#[test]
fn reset_forgets_answers_but_keeps_the_screen() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    answer(&mut session, &[RIGHT[0]], false, START);
    session.visit(quizdeck::quiz::Screen::Settings);
    assert!(session.reset(START + 10));
    assert!(session.progress().history.is_empty());
    assert!(session.progress().round.is_none());
    assert_eq!(session.last_screen(), quizdeck::quiz::Screen::Settings);
    assert!(
        session.due(START + 365 * DAY_MS).is_empty(),
        "no review cards survive a reset"
    );
    assert!(!session.reset(START + 11), "nothing left to reset");
}

// Native only, as proptest is (Cargo.toml); the rest of this file runs anywhere.
#[cfg(not(target_arch = "wasm32"))]
mod import_properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::RngSeed;

    /// A valid export with one byte range replaced: most are broken, some still valid.
    fn mutated_export() -> impl Strategy<Value = String> {
        let mut session = Session::new(&DECK, Progress::default());
        session.start_over(Some(1));
        answer(&mut session, &[RIGHT[0]], false, START);
        let file = export(&[(&DECK, session.progress())], START);
        let len = file.len();
        (0..len, 0..len, ".{0,12}").prop_map(move |(a, b, junk)| {
            let (from, to) = (a.min(b), a.max(b));
            let mut bytes = file.clone().into_bytes();
            bytes.splice(from..to, junk.into_bytes());
            String::from_utf8_lossy(&bytes).into_owned()
        })
    }

    proptest! {
        // A fixed seed: the same 400 cases on every run.
        #![proptest_config(ProptestConfig {
            cases: 400,
            rng_seed: RngSeed::Fixed(0x5eed_1e4e),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// The settings page's import: read, then merge. When the read fails, nothing changed.
        #[test]
        fn a_failed_import_never_changes_progress(raw in prop_oneof![mutated_export(), ".*"]) {
            let mut session = Session::new(&DECK, Progress::default());
            session.start_over(Some(2));
            answer(&mut session, &[WRONG[0]], true, START + 7);
            let before = session.clone();
            match import(&raw, &[&DECK]) {
                Ok(imported) => {
                    for (_, loaded) in &imported.decks {
                        session.merge_history(&loaded.progress.history);
                    }
                    prop_assert!(session.progress().history.len() >= before.progress().history.len());
                    prop_assert_eq!(&session.progress().round, &before.progress().round);
                }
                Err(_) => prop_assert_eq!(session, before),
            }
        }
    }
}

#[test]
fn a_reset_in_another_tab_is_not_undone_here() {
    let mut here = first_question_answered();
    let mut there = here.clone();

    assert!(there.reset(START + 100));
    assert!(here.merge_from_other_tab(there.progress()));
    assert!(
        here.progress().history.is_empty(),
        "the reset reached this tab"
    );
    assert!(here.due(START + 365 * DAY_MS).is_empty());

    // This tab's next answer is kept; the other tab takes it in, without the old ones.
    answer(&mut here, &[RIGHT[1]], false, START + 200);
    assert!(there.merge_from_other_tab(here.progress()));
    let times: Vec<u64> = there
        .progress()
        .history
        .iter()
        .map(|a| a.answered_at)
        .collect();
    assert_eq!(times, [START + 200]);

    // A copy saved before the reset brings nothing back.
    let mut stale = Session::new(&DECK, Progress::default());
    stale.start_over(Some(1));
    answer(&mut stale, &[WRONG[0]], false, START + 50);
    assert!(!there.merge_from_other_tab(stale.progress()));
    assert_eq!(there.progress().history.len(), 1);
}
