//! The stored format of progress: round trip, old formats, and everything that is not ours.

mod common;

use std::num::NonZeroUsize;

use common::{answer, DECK, EDITED_DECK, REHASHED_DECK, RIGHT, WRONG};
use quizdeck::codec::{decode, encode, settings_of_schema_2, Unreadable, SCHEMA_VERSION};
use quizdeck::deck::Deck;
use quizdeck::quiz::{DeckUpdate, LocalTime, Progress, Settings, Theme, UpdateCost};
use quizdeck::quiz::{Screen, Session, Step};

const V1_FIXTURE: &str = include_str!("fixtures/progress-v1.json");
const V2_FIXTURE: &str = include_str!("fixtures/progress-v2.json");
const V3_FIXTURE: &str = include_str!("fixtures/progress-v3.json");
const V4_FIXTURE: &str = include_str!("fixtures/progress-v4.json");

fn progress_mid_round() -> Progress {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(42));
    session.select(RIGHT[0]);
    session.check(10);
    session.next_question();
    session.show_hint();
    session.select(WRONG[1]);
    session.progress().clone()
}

#[test]
fn encoding_then_decoding_gives_back_the_same_progress() {
    let progress = progress_mid_round();
    let loaded = decode(&encode(&progress, &DECK), &DECK).unwrap();
    assert_eq!(loaded.progress, progress);
    assert_eq!(loaded.deck_update, DeckUpdate::default());
}

#[test]
fn the_first_released_format_is_migrated() {
    let loaded = decode(V1_FIXTURE, &DECK).unwrap();
    let progress = loaded.progress;
    assert_eq!(progress.screen, Screen::Round);
    let answers: Vec<&[String]> = progress.history.iter().map(|a| &a.choice_ids[..]).collect();
    assert_eq!(
        answers,
        [["a"], ["b"]],
        "a single choice_id became choice_ids"
    );
    assert_eq!(
        settings_of_schema_2(V1_FIXTURE),
        None,
        "the first format had no settings"
    );
    let round = progress.round.clone().unwrap();
    assert_eq!(round.seed, Some(42));
    assert_eq!(round.attempts, progress.history);
    match round.step {
        Step::Answering(draft) => {
            assert_eq!(draft.selected, ["d"], "a selected string became a list");
            assert!(draft.hint_shown);
        }
        other => panic!("expected answering, got {other:?}"),
    }
    // Saved again, it is written in the current format and reads back the same.
    let saved = encode(&progress, &DECK);
    assert!(saved.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
    assert_eq!(decode(&saved, &DECK).unwrap().progress, progress);
}

#[test]
fn a_v1_draft_with_nothing_selected_migrates_to_an_empty_selection() {
    let raw = V1_FIXTURE.replace("\"selected\":\"d\"", "\"selected\":null");
    let round = decode(&raw, &DECK).unwrap().progress.round.unwrap();
    assert_eq!(round.draft().unwrap().selected, Vec::<String>::new());
}

#[test]
fn the_second_format_loads_and_its_settings_are_read_for_the_library() {
    let progress = decode(V2_FIXTURE, &DECK).unwrap().progress;
    let settings = settings_of_schema_2(V2_FIXTURE).unwrap();
    assert_eq!(settings.theme, Theme::Dark);
    assert!(!settings.shuffle);
    assert_ne!(settings, Settings::default());
    assert_eq!(
        settings_of_schema_2(&encode(&progress, &DECK)),
        None,
        "today's progress carries no settings"
    );
    assert_eq!(progress.round.unwrap().seed, None);
    assert_eq!(progress.history[0].choice_ids, ["a"]);
}

#[test]
fn the_third_format_migrates_to_the_compact_history_losing_nothing() {
    let loaded = decode(V3_FIXTURE, &DECK).unwrap();
    assert_eq!(loaded.deck_update, DeckUpdate::default());
    let progress = loaded.progress;
    assert_eq!(progress.history.len(), 6);
    assert_eq!(progress.reset_at, Some(1_763_900_000_000));
    let round = progress.round.clone().unwrap();
    assert_eq!(round.attempts, progress.history[4..]);
    assert_eq!(round.draft().unwrap().selected, ["d"]);

    let saved = encode(&progress, &DECK);
    let stored: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(stored["schema"], SCHEMA_VERSION);
    // Each question once; each attempt its question's place, the ms since the attempt before
    // (the first: since the epoch), flags (1 right, 2 after the hint) and its choices.
    let history = r#""history":{"questions":[["one","h1"],["two","h2"],["three","h3"]],"attempts":[[0,1764000000000,1,"a"],[1,60000,2,"b"],[2,60000,1,"a"],[1,86280000,3,"c"],[0,172800000,1,"a"],[1,20000,0,"a"]]}"#;
    assert!(saved.contains(history), "{saved}");
    assert_eq!(
        stored["progress"]["round"]["attempts"][1]["question_id"],
        "two"
    );
    assert_eq!(decode(&saved, &DECK).unwrap().progress, progress);
    assert!(saved.len() < V3_FIXTURE.len() * 2 / 3);
}

#[test]
fn the_current_format_reads_its_fixture_and_writes_it_byte_for_byte() {
    // The v3 fixture's progress as schema 4 stored it: a change to what the writer produces
    // fails here, and must come with a new schema (and this fixture kept as the old one).
    let loaded = decode(V4_FIXTURE, &DECK).unwrap();
    assert_eq!(loaded.deck_update, DeckUpdate::default());
    assert_eq!(loaded.progress, decode(V3_FIXTURE, &DECK).unwrap().progress);
    assert_eq!(encode(&loaded.progress, &DECK), V4_FIXTURE.trim_end());
}

#[test]
fn a_compact_history_keeps_answers_out_of_time_order_and_multiple_choices() {
    // A device clock set back, two answers in one millisecond, and times at the ends of the
    // range: the gaps restore each one exactly, in the order answered.
    let mut progress = progress_mid_round();
    let answer = progress.history[0].clone();
    for (answered_at, choice_ids) in [
        (5, vec!["a", "c"]),
        (5, vec!["b"]),
        (u64::MAX, vec!["d", "a", "b", "c"]),
        (0, vec![]),
    ] {
        progress.history.push(quizdeck::quiz::Attempt {
            answered_at,
            choice_ids: choice_ids.into_iter().map(str::to_owned).collect(),
            ..answer.clone()
        });
    }
    let loaded = decode(&encode(&progress, &DECK), &DECK).unwrap();
    assert_eq!(loaded.progress, progress);
}

#[test]
fn a_damaged_compact_history_is_refused_with_a_reason() {
    let saved = encode(&decode(V3_FIXTURE, &DECK).unwrap().progress, &DECK);
    for (damage, reason) in [
        ("[1,60000,2,\"b\"]", "[9,60000,2,\"b\"]"),
        ("[1,60000,2,\"b\"]", "[1,60000,4,\"b\"]"),
        ("[1,60000,2,\"b\"]", "[1,60000]"),
        ("[1,60000,2,\"b\"]", "[1,60000,2,7]"),
        ("[1,60000,2,\"b\"]", "[1,60000,300,\"b\"]"),
        ("[\"two\",\"h2\"]", "[\"two\"]"),
    ] {
        let raw = saved.replacen(damage, reason, 1);
        assert_ne!(raw, saved);
        assert!(
            matches!(decode(&raw, &DECK), Err(Unreadable::Damaged(_))),
            "accepted: {reason}"
        );
    }
}

/// A week after the fixtures' answers, for their stats.
const A_WEEK_AFTER_THE_FIXTURE: LocalTime = LocalTime {
    now: 1_764_900_000_000,
    utc_offset_minutes: 0,
};

/// `progress`, saved against `deck` and loaded on it, is what it was, with nothing to tell.
fn assert_saved_again_loads_as_it_is(progress: &Progress, deck: &'static Deck) {
    let again = decode(&encode(progress, deck), deck).unwrap();
    assert_eq!(again.deck_update, DeckUpdate::default());
    assert_eq!(&again.progress, progress);
}

#[test]
fn a_changed_deck_closes_a_round_it_no_longer_fits_and_counts_only_answers_to_unchanged_questions()
{
    let before = decode(V1_FIXTURE, &DECK).unwrap().progress;
    let loaded = decode(V1_FIXTURE, &EDITED_DECK).unwrap();
    assert_eq!(
        loaded.deck_update,
        DeckUpdate {
            round_closed: true,
            questions_changed: 1,
        },
        "the round asked 'three', which is gone; 'two' was reworded"
    );
    assert_eq!(loaded.progress.round, None);
    assert_eq!(
        loaded.progress.history, before.history,
        "every answer is kept, as it was given"
    );
    let session = Session::new(&EDITED_DECK, loaded.progress.clone());
    let counted: Vec<&str> = session
        .answered_questions()
        .iter()
        .map(|question| question.id)
        .collect();
    assert_eq!(
        counted,
        ["one"],
        "'two' was reworded, so its old answer says nothing about it"
    );
    assert_eq!(
        session.stats(A_WEEK_AFTER_THE_FIXTURE).days,
        Session::new(&DECK, before)
            .stats(A_WEEK_AFTER_THE_FIXTURE)
            .days,
        "the days studied stay as they were"
    );
    // Saved again, it is progress on the deck as it is: nothing more to tell.
    assert_saved_again_loads_as_it_is(&loaded.progress, &EDITED_DECK);
}

#[test]
fn answers_to_a_question_count_again_when_it_returns_as_it_was() {
    let before = decode(V1_FIXTURE, &DECK).unwrap().progress;
    let edited = decode(V1_FIXTURE, &EDITED_DECK).unwrap().progress;
    let back = decode(&encode(&edited, &EDITED_DECK), &DECK).unwrap();
    assert_eq!(
        back.deck_update,
        DeckUpdate::default(),
        "every question answered is as it was when answered"
    );
    let answered = |deck, progress| {
        Session::new(deck, progress)
            .answered_questions()
            .iter()
            .map(|question| question.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        answered(&DECK, back.progress),
        answered(&DECK, before),
        "'two' counts again"
    );
}

#[test]
fn a_changed_deck_keeps_the_round_when_its_questions_are_unchanged() {
    // A full round with 'one' missed, then its retry half done: the retry asks only 'one'.
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(5));
    for (n, choice) in [WRONG[0], RIGHT[1], RIGHT[2]].into_iter().enumerate() {
        answer(&mut session, &[choice], false, 1_000 * n as u64);
    }
    assert!(session.retry_missed(Some(6)));
    session.select(RIGHT[0]);
    let saved = session.progress().clone();

    let loaded = decode(&encode(&saved, &DECK), &EDITED_DECK).unwrap();
    assert_eq!(
        loaded.deck_update,
        DeckUpdate {
            round_closed: false,
            questions_changed: 2,
        },
        "'two' was reworded and 'three' removed"
    );
    assert_eq!(loaded.progress.round, saved.round, "the retry goes on");
    let mut session = Session::new(&EDITED_DECK, loaded.progress);
    assert!(session.check(9_000));
    assert_eq!(
        session.feedback().map(|feedback| feedback.correct),
        Some(true)
    );
}

#[test]
fn an_update_is_a_notice_only_when_it_cost_something() {
    let update = |round_closed, questions_changed| DeckUpdate {
        round_closed,
        questions_changed,
    };
    let questions = NonZeroUsize::new(2).unwrap();
    assert_eq!(update(false, 0).cost(), None);
    assert_eq!(update(true, 0).cost(), Some(UpdateCost::RoundClosed));
    assert_eq!(
        update(false, 2).cost(),
        Some(UpdateCost::AnswersUncounted { questions })
    );
    assert_eq!(
        update(true, 2).cost(),
        Some(UpdateCost::RoundClosedAndAnswersUncounted { questions })
    );
}

#[test]
fn answers_saved_under_the_first_hash_definition_are_carried_over() {
    // Question hashes once covered the hint and explanation: rewording them set answers aside.
    // Every answer saved under a question's old hash is the answer to it as it is now.
    let before = decode(V1_FIXTURE, &DECK).unwrap().progress;
    let loaded = decode(V1_FIXTURE, &REHASHED_DECK).unwrap();
    assert_eq!(
        loaded.deck_update,
        DeckUpdate::default(),
        "nothing was lost"
    );
    assert_eq!(loaded.progress.history.len(), before.history.len());
    let round = loaded.progress.round.as_ref().expect("the round goes on");
    let saved_round = before.round.as_ref().unwrap();
    assert_eq!(round.step, saved_round.step);
    assert_eq!(round.attempts.len(), saved_round.attempts.len());
    assert!(round
        .attempts
        .iter()
        .all(|a| a.question_hash.ends_with("-v2")));
    assert!(!before.history.is_empty());
    for (carried, saved) in loaded.progress.history.iter().zip(&before.history) {
        assert_eq!(carried.question_hash, format!("{}-v2", saved.question_hash));
        assert_eq!(carried.choice_ids, saved.choice_ids);
        assert_eq!(carried.answered_at, saved.answered_at);
    }
    let stats = |deck, progress| Session::new(deck, progress).stats(A_WEEK_AFTER_THE_FIXTURE);
    assert_eq!(
        stats(&REHASHED_DECK, loaded.progress.clone()),
        stats(&DECK, before),
        "the learner's figures are what they were"
    );
    // Saved again, the answers are under the new hashes and load as they are.
    assert_saved_again_loads_as_it_is(&loaded.progress, &REHASHED_DECK);
}

#[test]
fn values_that_are_not_ours_are_refused_with_a_reason() {
    let cases = [
        ("", Unreadable::NotJson),
        ("{\"app\":\"quizdeck\",\"sch", Unreadable::NotJson),
        (&V1_FIXTURE[..V1_FIXTURE.len() / 2], Unreadable::NotJson),
        ("not json at all", Unreadable::NotJson),
        ("[1,2,3]", Unreadable::Foreign),
        ("{\"todos\":[]}", Unreadable::Foreign),
        ("\"quizdeck\"", Unreadable::Foreign),
        ("null", Unreadable::Foreign),
        ("{\"app\":[\"quizdeck\"],\"schema\":2}", Unreadable::Foreign),
        ("{\"app\":{\"name\":\"quizdeck\"}}", Unreadable::Foreign),
        (
            "{\"app\":\"quizdeck\",\"schema\":\"2\"}",
            Unreadable::Damaged("unknown schema".into()),
        ),
        (
            "{\"schema\":2.5,\"app\":\"quizdeck\"}",
            Unreadable::Damaged("unknown schema".into()),
        ),
        (
            "{\"app\":\"quizdeck\",\"schema\":99,\"anything\":true}",
            Unreadable::FutureSchema(99),
        ),
    ];
    for (raw, expected) in cases {
        assert_eq!(decode(raw, &DECK).unwrap_err(), expected, "input: {raw:?}");
    }
}

#[test]
fn damaged_values_of_our_own_format_are_refused() {
    let wrong_shape = V1_FIXTURE.replace("\"history\":[", "\"history\":\"none\",\"h\":[");
    let missing_schema = V1_FIXTURE.replace("\"schema\":1,", "");
    let unknown_choice = V1_FIXTURE.replace("\"selected\":\"d\"", "\"selected\":\"zz\"");
    let impossible_step = V1_FIXTURE.replace(
        "\"step\":{\"answering\":{\"selected\":\"d\",\"hint_shown\":true}}",
        "\"step\":\"finished\"",
    );
    let forged_verdict = V1_FIXTURE.replacen("\"correct\":false", "\"correct\":true", 1);
    for raw in [
        wrong_shape,
        missing_schema,
        unknown_choice,
        impossible_step,
        forged_verdict,
    ] {
        assert!(
            matches!(decode(&raw, &DECK), Err(Unreadable::Damaged(_))),
            "accepted: {raw}"
        );
    }
}

#[test]
fn progress_of_another_deck_is_refused() {
    let other = V1_FIXTURE.replace("\"deck\":\"test-deck\"", "\"deck\":\"rust-basics\"");
    assert_eq!(
        decode(&other, &DECK).unwrap_err(),
        Unreadable::OtherDeck("rust-basics".to_owned())
    );
}

#[test]
fn every_refusal_explains_itself_in_words() {
    for reason in [
        Unreadable::NotJson,
        Unreadable::Foreign,
        Unreadable::FutureSchema(2),
        Unreadable::OtherDeck("x".into()),
        Unreadable::Damaged("y".into()),
    ] {
        assert!(reason.to_string().starts_with("it "), "{reason}");
    }
}
