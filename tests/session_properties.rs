//! The session under any sequence of user actions, sensible or not (choosing any id, bogus ones
//! too, the hint, check, next, retry, start over, going to the start screen and back, and
//! reloads through the real store and codec): the rules always hold and no answer is ever
//! lost. Deterministic: proptest from a fixed seed.

mod common;

use std::io::Write as _;

use common::DECK;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{RngAlgorithm, RngSeed};
use quizdeck::deck::Deck;
use quizdeck::quiz::{Screen, Session};
use quizdeck::storage::{MemoryBackend, Store};

static REAL_DECK: &Deck = &quizdeck::deck::DECK;

const SEED: u64 = 0x7365_7373_696f_6e21; // "session!"
const FIXTURE_DECK_CASES: u32 = 384;
const REAL_DECK_CASES: u32 = 128;
const MAX_ACTIONS: usize = 160;

#[derive(Clone, Debug)]
enum Action {
    /// Chooses an id from the deck's choice ids and some bogus ones.
    Select(Index),
    ShowHint,
    Check,
    Next,
    RetryMissed(u64),
    StartOver(u64),
    GoToStart,
    Resume,
    /// Save, then a new page: the store loads what was saved into a new session.
    Reload,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        8 => any::<Index>().prop_map(Action::Select),
        2 => Just(Action::ShowHint),
        5 => Just(Action::Check),
        5 => Just(Action::Next),
        1 => any::<u64>().prop_map(Action::RetryMissed),
        1 => any::<u64>().prop_map(Action::StartOver),
        1 => Just(Action::GoToStart),
        2 => Just(Action::Resume),
        1 => Just(Action::Reload),
    ]
}

fn choice_ids(deck: &'static Deck) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = deck
        .questions
        .iter()
        .flat_map(|question| question.choices.iter().map(|choice| choice.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.extend(["", "z", "A", "a ", "one", "<script>", "\u{0}"]);
    ids
}

/// What must hold after every action.
fn check_invariants(session: &Session, deck: &'static Deck) -> Result<(), TestCaseError> {
    let progress = session.progress();
    let (card, draft, feedback, summary) = (
        session.card(),
        session.draft(),
        session.feedback(),
        session.summary(),
    );
    match &progress.round {
        Some(round) => {
            prop_assert!(
                round.is_consistent_with(deck),
                "the round no longer fits the deck: {:?}",
                round
            );
            // score ≤ answered ≤ total
            prop_assert!(round.score() <= round.attempts.len());
            prop_assert!(round.attempts.len() <= round.len());
        }
        None => prop_assert_eq!(session.screen(), Screen::Start),
    }
    match session.screen() {
        Screen::Start => {
            prop_assert!(card.is_none() && draft.is_none() && feedback.is_none());
            prop_assert!(summary.is_none(), "a summary on the start screen");
        }
        Screen::Round => {
            let round = progress.round.as_ref().unwrap();
            // The summary exists iff the round is finished and on screen.
            prop_assert_eq!(summary.is_some(), round.is_finished());
            prop_assert_eq!(card.is_some(), !round.is_finished());
            // One thing at a time: a question being answered, its feedback, or the summary.
            let shown = [draft.is_some(), feedback.is_some(), summary.is_some()];
            prop_assert_eq!(shown.iter().filter(|shown| **shown).count(), 1);
        }
    }
    if let Some(card) = &card {
        let round = progress.round.as_ref().unwrap();
        prop_assert!(card.position < card.total);
        prop_assert_eq!(card.total, round.len());
        prop_assert_eq!(card.question.id, round.question_ids[card.position].as_str());
        let mut shown: Vec<&str> = card.choices.iter().map(|choice| choice.id).collect();
        let mut all: Vec<&str> = card.question.choices.iter().map(|c| c.id).collect();
        shown.sort_unstable();
        all.sort_unstable();
        prop_assert_eq!(shown, all, "the shown choices are not the question's");
    }
    if let Some(feedback) = feedback {
        prop_assert_eq!(
            Some(feedback),
            progress.history.last(),
            "the answer on screen is not the last one saved"
        );
    }
    if let Some(summary) = &summary {
        prop_assert!(summary.score <= summary.total);
        prop_assert_eq!(summary.missed.len(), summary.total - summary.score);
    }
    let overview = session.overview();
    prop_assert_eq!(overview.question_count, deck.questions.len());
    prop_assert!(overview.right_last_time <= overview.answered);
    prop_assert!(overview.answered <= overview.question_count);
    match (&progress.round, overview.in_progress) {
        (Some(round), Some((number, total))) => {
            prop_assert!(!round.is_finished());
            prop_assert!(1 <= number && number <= total && total == round.len());
        }
        (Some(round), None) => prop_assert!(round.is_finished()),
        (None, in_progress) => prop_assert_eq!(in_progress, None),
    }
    Ok(())
}

fn run(deck: &'static Deck, actions: &[Action]) -> Result<(), TestCaseError> {
    let ids = choice_ids(deck);
    let backend = MemoryBackend::default();
    let mut store = Store::new(Ok(&backend), deck);
    let (progress, notice) = store.load();
    prop_assert_eq!(notice, None);
    let mut session = Session::new(deck, progress);
    let mut now = 1_764_000_000_000u64;
    let mut checks = 0usize;

    for action in actions {
        now += 1_000;
        let before = session.clone();
        let changed = match action {
            Action::Select(index) => session.select(*index.get(&ids)),
            Action::ShowHint => session.show_hint(),
            Action::Check => session.check(now),
            Action::Next => session.next(),
            Action::RetryMissed(seed) => session.retry_missed(*seed),
            Action::StartOver(seed) => session.start_over(*seed),
            Action::GoToStart => session.go_to_start(),
            Action::Resume => session.resume(),
            Action::Reload => {
                store = Store::new(Ok(&backend), deck);
                let (progress, notice) = store.load();
                prop_assert_eq!(notice, None, "our own save could not be read back");
                session = Session::new(deck, progress);
                // No answer, selection, hint, screen or round lost.
                prop_assert_eq!(&session, &before, "the reload changed the session");
                false
            }
        };
        if !changed {
            prop_assert_eq!(
                &session,
                &before,
                "{:?} said it changed nothing but did",
                action
            );
        }
        // The app saves after every change.
        if changed {
            prop_assert_eq!(store.save(session.progress()), Ok(()));
        }
        let (old, new) = (&before.progress().history, &session.progress().history);
        prop_assert!(new.starts_with(old), "{:?} rewrote the history", action);
        let checked = matches!(action, Action::Check) && changed;
        prop_assert_eq!(new.len(), old.len() + usize::from(checked), "{:?}", action);
        if checked {
            checks += 1;
            let draft = before.draft().unwrap();
            prop_assert_eq!(new.last().unwrap().hint_used, draft.hint_shown);
            prop_assert_eq!(new.last().unwrap().answered_at, now);
        }
        prop_assert_eq!(new.len(), checks, "answers lost");
        check_invariants(&session, deck)?;
    }
    Ok(())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(SEED),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(FIXTURE_DECK_CASES))]

    #[test]
    fn any_sequence_of_actions_keeps_the_rules_on_the_fixture_deck(
        actions in prop::collection::vec(action(), 0..MAX_ACTIONS)
    ) {
        run(&DECK, &actions)?;
    }
}

proptest! {
    #![proptest_config(config(REAL_DECK_CASES))]

    #[test]
    fn any_sequence_of_actions_keeps_the_rules_on_the_shipped_deck(
        actions in prop::collection::vec(action(), 0..MAX_ACTIONS)
    ) {
        run(REAL_DECK, &actions)?;
    }
}

#[test]
fn property_case_counts_are_reported() {
    let _ = writeln!(
        std::io::stderr(),
        "session_properties: {} cases of up to {MAX_ACTIONS} actions \
         ({FIXTURE_DECK_CASES} on the fixture deck, {REAL_DECK_CASES} on the shipped deck; \
         ChaCha, seed {SEED:#x})",
        FIXTURE_DECK_CASES + REAL_DECK_CASES
    );
}
