//! "Put the events in order" questions: never shown in their right order, arranged by moving
//! one event at a time, graded all or nothing, scheduled, saved and read back like any other.

mod common;

use common::ORDER_DECK;
use quizdeck::codec::{decode, encode, Unreadable};
use quizdeck::quiz::{chosen_choices, Attempt, Progress, Rating, Session};

const NOW: u64 = 1_764_000_000_000;

/// A session on the order question (the deck's second), answered nothing yet.
fn at_the_order_question(seed: u64) -> Session {
    let mut session = Session::new(&ORDER_DECK, Progress::default());
    assert!(session.start_over(Some(seed)));
    session.select("a");
    assert!(session.check(NOW));
    assert!(session.next_question());
    session
}

fn arranged(session: &Session) -> Vec<&'static str> {
    session.arrangement().expect("an order question on screen")
}

/// Puts the events in the right order by moving each into place from the top, as a learner
/// pressing "Move up" would.
fn put_in_order(session: &mut Session) {
    for (place, id) in ["a", "b", "c", "d"].into_iter().enumerate() {
        while arranged(session)
            .iter()
            .position(|shown| *shown == id)
            .unwrap()
            > place
        {
            assert!(session.move_choice(id, -1));
        }
    }
}

#[test]
fn it_opens_out_of_order_whatever_the_seed_and_with_shuffling_off() {
    for seed in 0..200 {
        let session = at_the_order_question(seed);
        assert_ne!(arranged(&session), ["a", "b", "c", "d"], "seed {seed}");
        let shown: Vec<&str> = session
            .current_question()
            .unwrap()
            .choices
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(arranged(&session), shown, "it starts as shown");
    }
    let mut unshuffled = Session::new(&ORDER_DECK, Progress::default());
    unshuffled.start_over(None);
    unshuffled.select("a");
    unshuffled.check(NOW);
    unshuffled.next_question();
    assert_ne!(arranged(&unshuffled), ["a", "b", "c", "d"]);
}

#[test]
fn moving_an_event_shifts_the_others_and_stops_at_the_ends() {
    let mut session = at_the_order_question(7);
    let before = arranged(&session);
    let first = before[0];
    assert!(!session.move_choice(first, -1), "the first cannot go up");
    assert!(session.move_choice(first, 1));
    let after = arranged(&session);
    assert_eq!((after[0], after[1]), (before[1], first));
    assert_eq!(&after[2..], &before[2..]);
    let last = after[3];
    assert!(!session.move_choice(last, 1), "the last cannot go down");
    assert!(!session.move_choice("zz", 1), "an unknown event");
    assert!(!session.select(first), "events are moved, not picked");
}

#[test]
fn it_is_right_only_in_exactly_the_right_order() {
    let mut wrong = at_the_order_question(3);
    let submitted = arranged(&wrong);
    assert!(wrong.check(NOW + 1), "the order as shown can be checked");
    let attempt = wrong.feedback().unwrap().clone();
    assert!(!attempt.correct);
    assert_eq!(attempt.choice_ids, submitted);
    let question = ORDER_DECK.question("order").unwrap();
    let learner: Vec<&str> = chosen_choices(question, &attempt)
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(learner, submitted, "the feedback shows the learner's order");
    assert_eq!(Rating::of(&attempt), Rating::Again);

    let mut right = at_the_order_question(3);
    put_in_order(&mut right);
    assert!(right.check(NOW + 1));
    assert!(right.feedback().unwrap().correct);
    assert!(!right.move_choice("a", 1), "nothing moves after checking");
    assert_eq!(
        right.schedule().cards().count(),
        2,
        "scheduled like any question"
    );

    for bad in [
        &["a", "b", "c"][..],
        &["a", "b", "c", "c"],
        &["a", "b", "c", "x"],
        &[],
    ] {
        let ids: Vec<String> = bad.iter().map(|id| id.to_string()).collect();
        assert_eq!(Attempt::grade(question, &ids, false, NOW), None, "{bad:?}");
    }
}

#[test]
fn an_arrangement_in_progress_and_a_checked_one_are_saved_and_read_back() {
    let mut session = at_the_order_question(11);
    let shown = arranged(&session);
    session.move_choice(shown[2], -2);
    let moved = arranged(&session);
    let raw = encode(session.progress(), &ORDER_DECK);
    let loaded = decode(&raw, &ORDER_DECK).unwrap();
    assert_eq!(&loaded.progress, session.progress());
    assert_eq!(arranged(&Session::new(&ORDER_DECK, loaded.progress)), moved);

    put_in_order(&mut session);
    session.check(NOW + 5);
    let raw = encode(session.progress(), &ORDER_DECK);
    let reopened = Session::new(&ORDER_DECK, decode(&raw, &ORDER_DECK).unwrap().progress);
    assert!(reopened.feedback().unwrap().correct);
    assert_eq!(reopened.schedule(), session.schedule());

    // A saved arrangement that is not one (an event missing) is damage, not a round to resume.
    let damaged = raw.replacen(
        r#""choice_ids":["a","b","c","d"]"#,
        r#""choice_ids":["a","b","c"]"#,
        1,
    );
    assert_ne!(damaged, raw);
    assert!(matches!(
        decode(&damaged, &ORDER_DECK),
        Err(Unreadable::Damaged(_))
    ));
}

/// The shipped deck's receipts (what Django did in each of the oracle's runs) are compiled in
/// and attached to the question and choice they were recorded for.
#[test]
fn the_real_decks_receipts_attach_to_their_questions_and_choices() {
    use quizdeck::deck::{Evidence, Handler, QuestionKind, ReceiptFor, DECK_DJANGO_ASYNC as DECK};

    let versions = DECK.versions.expect("the deck has receipts");
    let pinned = versions.django.expect("the Django deck records Django");
    assert!(pinned.starts_with("5.2."));
    assert_eq!(DECK.oracle.proven_with, format!("Django {pinned}"));
    assert_eq!(DECK.oracle.release_line, Some("the 5.2 LTS"));
    for question in DECK.questions {
        match question.evidence {
            Evidence::Checked => {
                assert!(
                    !question.receipts.is_empty(),
                    "{} has no receipt",
                    question.id
                );
            }
            Evidence::Source { .. } => assert!(question.receipts.is_empty(), "{}", question.id),
        }
        for receipt in question.receipts {
            assert!(!receipt.handlers.is_empty() && !receipt.summary.is_empty());
            match receipt.of {
                ReceiptFor::Choice(id) => {
                    assert!(
                        question.choice(id).is_some(),
                        "{}: no choice {id}",
                        question.id
                    );
                    assert_ne!(question.kind, QuestionKind::Order, "{}", question.id);
                }
                ReceiptFor::Check | ReceiptFor::Proof { .. } => {}
            }
        }
    }
    // One code-per-choice question, read as a learner would: each option's own run.
    let question = DECK.question("correct-async-view").unwrap();
    for choice in question.choices {
        let receipts: Vec<_> = question
            .receipts
            .iter()
            .filter(|receipt| receipt.of == ReceiptFor::Choice(choice.id))
            .collect();
        assert_eq!(receipts.len(), 1, "choice {}", choice.id);
        assert!(
            receipts[0].handlers.contains(&Handler::Asgi),
            "choice {}",
            choice.id
        );
        if choice.correct {
            assert!(
                receipts[0].summary.contains("200"),
                "{}",
                receipts[0].summary
            );
        }
    }
    // An order question's receipt is of its check's one shared run.
    let order = DECK
        .questions
        .iter()
        .find(|question| question.kind == QuestionKind::Order)
        .expect("an order question");
    assert!(order
        .receipts
        .iter()
        .any(|receipt| receipt.of == ReceiptFor::Check));
}
