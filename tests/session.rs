//! The round/session state machine: every user action and what it may and may not do.

mod common;

use common::{answer, DECK, RIGHT, WRONG};
use quizdeck::quiz::{
    HeadStart, Progress, RoundKind, RoundStatus, Screen, Session, Settings, FIRST_ROUND_SEED,
};

const DAY: u64 = 86_400_000;

fn new_session() -> Session {
    Session::new(&DECK, Progress::default())
}

#[test]
fn a_fresh_session_is_on_the_start_screen_with_nothing_done() {
    let session = new_session();
    assert_eq!(session.last_screen(), Screen::Start);
    let overview = session.overview(0);
    assert_eq!(
        (
            overview.tallies.deck.questions,
            overview.tallies.deck.answered
        ),
        (3, 0)
    );
    assert_eq!(overview.due, 0);
    assert_eq!(overview.round, RoundStatus::NoRound);
    assert!(session.current_question().is_none());
}

#[test]
fn actions_that_make_no_sense_change_nothing() {
    let mut session = new_session();
    let before = session.clone();
    assert!(!session.select("a"));
    assert!(!session.check(1));
    assert!(!session.next_question());
    assert!(!session.show_hint());
    assert!(!session.visit(Screen::Round), "no round to be on");
    assert!(!session.retry_missed(Some(1)));
    assert_eq!(session, before);

    session.start_over(Some(1));
    let started = session.clone();
    assert!(!session.check(1), "nothing selected yet");
    assert!(!session.next_question(), "not checked yet");
    assert!(!session.select("no-such-choice"));
    assert_eq!(session, started);
}

#[test]
fn start_shows_question_one_with_every_choice_in_a_shuffled_order() {
    let mut session = new_session();
    assert!(session.start_over(Some(42)));
    assert_eq!(session.last_screen(), Screen::Round);
    let card = session.current_question().unwrap();
    assert_eq!((card.position, card.total), (0, 3));
    assert_eq!(card.question.id, "one");
    let mut ids: Vec<&str> = card.choices.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    // Same seed, same order: a reload shows what the learner saw.
    let mut again = new_session();
    again.start_over(Some(42));
    assert_eq!(again.current_question(), session.current_question());
}

#[test]
fn checking_grades_the_selection_and_records_the_attempt() {
    let mut session = new_session();
    session.start_over(Some(7));
    assert!(session.select("b"));
    assert!(
        session.select("a"),
        "a learner may change their mind before checking"
    );
    assert!(session.check(1_000));
    let attempt = session.feedback().unwrap().clone();
    assert!(attempt.correct);
    assert_eq!(attempt.choice_ids, ["a"]);
    assert_eq!(attempt.question_hash, "h1");
    assert_eq!(attempt.answered_at, 1_000);
    assert!(!attempt.hint_used);
    assert_eq!(session.progress().history, vec![attempt]);
    assert!(!session.select("b"), "a checked answer is final");
    assert!(!session.check(2_000), "and is graded once");
    assert_eq!(session.progress().history.len(), 1);
}

#[test]
fn a_wrong_choice_is_graded_wrong_and_the_hint_is_recorded() {
    let mut session = new_session();
    session.start_over(Some(7));
    assert!(session.show_hint());
    assert!(!session.show_hint(), "the hint is shown once");
    session.select("b");
    session.check(5);
    let attempt = session.feedback().unwrap();
    assert!(!attempt.correct);
    assert!(attempt.hint_used);
}

#[test]
fn a_full_round_ends_in_a_summary_with_the_missed_questions() {
    let mut session = new_session();
    session.start_over(Some(3));
    answer(&mut session, &[RIGHT[0]], false, 1);
    answer(&mut session, &[WRONG[1]], true, 2);
    assert_eq!(session.current_question().unwrap().position, 2);
    assert!(session.summary().is_none());
    answer(&mut session, &[WRONG[2]], false, 3);

    assert!(session.current_question().is_none());
    let summary = session.summary().unwrap();
    assert_eq!(summary.kind, RoundKind::Full);
    assert_eq!((summary.score, summary.total), (1, 3));
    let missed: Vec<(&str, &str, &str)> = summary
        .missed
        .iter()
        .map(|m| {
            (
                m.question.id,
                m.chosen[0].id,
                m.question.correct_choice().unwrap().id,
            )
        })
        .collect();
    assert_eq!(missed, [("two", "a", "c"), ("three", "d", "a")]);
}

#[test]
fn retry_missed_asks_only_the_missed_questions_and_keeps_the_history() {
    let mut session = new_session();
    session.start_over(Some(3));
    answer(&mut session, &[RIGHT[0]], false, 1);
    answer(&mut session, &[WRONG[1]], false, 2);
    answer(&mut session, &[WRONG[2]], false, 3);
    assert!(session.retry_missed(Some(9)));

    let card = session.current_question().unwrap();
    assert_eq!((card.question.id, card.total), ("two", 2));
    answer(&mut session, &[RIGHT[1]], false, 4);
    answer(&mut session, &[RIGHT[2]], false, 5);
    let summary = session.summary().unwrap();
    assert_eq!(summary.kind, RoundKind::Missed);
    assert_eq!((summary.score, summary.total), (2, 2));
    assert!(!session.retry_missed(Some(10)), "nothing left to retry");
    assert_eq!(session.progress().history.len(), 5);
    let overview = session.overview(6);
    assert_eq!(
        (
            overview.tallies.deck.answered,
            overview.tallies.deck.right_last_time
        ),
        (3, 3)
    );
}

#[test]
fn retry_missed_needs_a_finished_round() {
    let mut session = new_session();
    session.start_over(Some(3));
    answer(&mut session, &[WRONG[0]], false, 1);
    assert!(!session.retry_missed(Some(4)));
}

#[test]
fn leaving_and_resuming_keeps_the_round_where_it_was() {
    let mut session = new_session();
    session.start_over(Some(3));
    answer(&mut session, &[RIGHT[0]], false, 1);
    session.show_hint();
    session.select("b");
    let card = session.current_question();
    assert!(session.visit(Screen::Start));
    assert_eq!(session.last_screen(), Screen::Start);
    assert_eq!(
        session.overview(0).round,
        RoundStatus::InProgress {
            kind: RoundKind::Full,
            number: 2,
            total: 3
        }
    );
    assert!(session.unfinished_round(&RoundKind::Full).is_some());
    assert!(session.visit(Screen::Round));
    assert_eq!(session.current_question(), card);
    let draft = session.draft().unwrap();
    assert_eq!(draft.selected, ["b"]);
    assert!(draft.hint_shown);
}

#[test]
fn start_over_begins_a_new_full_round_and_keeps_the_history() {
    let mut session = new_session();
    session.start_over(Some(3));
    answer(&mut session, &[RIGHT[0]], false, 1);
    answer(&mut session, &[RIGHT[1]], false, 2);
    assert!(session.start_over(Some(4)));
    let card = session.current_question().unwrap();
    assert_eq!((card.position, card.question.id), (0, "one"));
    assert_eq!(session.progress().history.len(), 2);
}

#[test]
fn beginning_another_kind_of_round_ends_the_unfinished_one_but_the_same_kind_resumes() {
    let mut session = new_session();
    let settings = Settings::default();
    assert!(
        session.round_ended_by(&RoundKind::Review).is_none(),
        "no round yet"
    );
    session.start_over(Some(3));
    let review = RoundKind::Review;
    assert!(
        session.round_ended_by(&review).is_none(),
        "nothing answered in it yet"
    );
    answer(&mut session, &[RIGHT[0]], false, DAY);
    assert!(
        session.round_ended_by(&RoundKind::Full).is_none(),
        "resumed"
    );
    let ended = session
        .round_ended_by(&review)
        .map(|round| round.kind.clone());
    assert_eq!(ended, Some(RoundKind::Full));
    assert_eq!(
        session.round_status(),
        RoundStatus::InProgress {
            kind: RoundKind::Full,
            number: 2,
            total: 3
        }
    );

    assert!(
        !session.can_start(&review, &settings, DAY),
        "nothing due yet"
    );
    let due_later = 30 * DAY;
    assert!(session.can_start(&review, &settings, due_later));
    assert!(
        !session.can_start(&RoundKind::Missed, &settings, due_later),
        "round unfinished"
    );
    assert!(!session.can_start(&RoundKind::Topic("none".into()), &settings, due_later));
    assert!(session.start(&review, &settings, 5, due_later));
    assert_eq!(session.round().map(|round| round.len()), Some(1));
    assert_eq!(
        session.progress().history.len(),
        1,
        "the ended round's answer kept"
    );

    answer(&mut session, &[RIGHT[0]], false, due_later);
    assert!(
        session.round_ended_by(&RoundKind::Full).is_none(),
        "a finished round ends nothing"
    );
    assert!(session.can_start(&RoundKind::Full, &settings, due_later));
}

/// The first question a round started with `FIRST_ROUND_SEED` shows: what index.html renders.
fn first_round_card() -> quizdeck::quiz::CurrentQuestion {
    let mut session = new_session();
    assert!(session.start_over(Some(FIRST_ROUND_SEED)));
    session.current_question().unwrap()
}

#[test]
fn a_head_start_replays_the_first_question_as_the_learner_left_it() {
    let card = first_round_card();
    let right = card.choices.iter().find(|c| c.correct).unwrap().id;
    let mut session = new_session();
    let head_start = HeadStart {
        deck: DECK.id.to_owned(),
        selected: vec![right.to_owned()],
        hint_shown: true,
        check_pressed: true,
    };
    assert!(head_start.replay(&mut session, 42));

    assert_eq!(session.last_screen(), Screen::Round);
    assert_eq!(session.current_question().unwrap(), card);
    let attempt = session.feedback().expect("the pressed Check is graded");
    assert!(attempt.correct && attempt.hint_used);
    assert_eq!(attempt.answered_at, 42);
    assert_eq!(session.progress().history, vec![attempt.clone()]);
}

#[test]
fn a_head_start_without_check_leaves_the_selection_to_finish() {
    let card = first_round_card();
    let mut session = new_session();
    let chosen = card.choices[1].id.to_owned();
    let head_start = HeadStart {
        deck: DECK.id.to_owned(),
        selected: vec![chosen.clone()],
        ..HeadStart::default()
    };
    assert!(head_start.replay(&mut session, 42));
    let draft = session.draft().unwrap();
    assert_eq!(
        (draft.selected.clone(), draft.hint_shown),
        (vec![chosen], false)
    );
    assert!(session.feedback().is_none() && session.progress().history.is_empty());
}

#[test]
fn a_head_start_never_replaces_a_round_in_progress() {
    let mut session = new_session();
    assert!(session.start_topic("basics", Some(7)));
    assert!(session.select("a"));
    let before = session.clone();
    let head_start = HeadStart {
        deck: DECK.id.to_owned(),
        selected: vec!["b".to_owned()],
        hint_shown: false,
        check_pressed: true,
    };
    assert!(!head_start.replay(&mut session, 42));
    assert_eq!(session, before);
}

#[test]
fn the_answered_questions_are_listed_once_each_in_deck_order() {
    let mut session = new_session();
    assert!(session.answered_questions().is_empty());
    session.start_over(Some(1));
    answer(&mut session, &[RIGHT[0]], false, 1);
    answer(&mut session, &[WRONG[1]], false, 2);
    session.start_over(Some(1));
    answer(&mut session, &[WRONG[0]], false, 3);
    let ids: Vec<&str> = session
        .answered_questions()
        .iter()
        .map(|question| question.id)
        .collect();
    assert_eq!(ids, ["one", "two"]);
}
