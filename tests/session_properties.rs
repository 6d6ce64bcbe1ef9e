//! The session under any sequence of user actions, sensible or not (choosing any id, bogus ones
//! too, the hint, check, next, retry, start over, topic and review rounds, other screens,
//! settings, forgetting everything, time passing, and reloads through the real store and
//! codec): the rules always hold and no answer is ever lost. Also two tabs acting in turn and
//! hearing of each other's saves: every answer either makes is saved. Deterministic: proptest
//! from a fixed seed.
// Native only: proptest is a native-only dev-dependency (Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use common::{DECK, TOPIC_DECK};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{RngAlgorithm, RngSeed};
use quizdeck::deck::{Deck, QuestionKind};
use quizdeck::quiz::{
    Attempt, MergeReport, ReviewLimit, RoundKind, RoundStatus, Screen, Session, Settings, Theme,
    DAY_MS,
};
use quizdeck::storage::{MemoryBackend, ProgressStore};

static REAL_DECK: &Deck = &quizdeck::deck::DECK_DJANGO_ASYNC;

const SEED: u64 = 0x7365_7373_696f_6e21; // "session!"
const FIXTURE_DECK_CASES: u32 = 160;
const TOPIC_DECK_CASES: u32 = 160;
const REAL_DECK_CASES: u32 = 96;
const TWO_TAB_CASES: u32 = 96;
const MAX_ACTIONS: usize = 160;

#[derive(Clone, Debug)]
enum Action {
    /// Chooses one of the deck's choice ids (not necessarily one of the current question's).
    Select(Index),
    /// Chooses an id no question has.
    SelectBogus(Index),
    /// Moves one of the deck's choice ids up (-1) or down (1) on an order question.
    Move(Index, isize),
    ShowHint,
    Check,
    Next,
    RetryMissed(u64),
    StartOver(u64),
    /// One of the deck's topics, or a topic that does not exist.
    StartTopic(Index, u64),
    StartReview(u64),
    /// The learner moves to another screen (an address): the round stays as it is.
    Visit(Screen),
    Settings {
        shuffle: bool,
        limit: u32,
        theme: Theme,
    },
    /// "Forget everything".
    Reset,
    /// Time passes (days), so reviews fall due.
    Wait(u64),
    /// Save, then a new page: the store loads what was saved into a new session.
    Reload,
}

fn action(with_reset: bool) -> BoxedStrategy<Action> {
    let screen = prop::sample::select(vec![
        Screen::Start,
        Screen::Round,
        Screen::Stats,
        Screen::Settings,
    ]);
    let theme = prop::sample::select(vec![Theme::System, Theme::Light, Theme::Dark]);
    let others = prop_oneof![
        16 => any::<Index>().prop_map(Action::Select),
        2 => any::<Index>().prop_map(Action::SelectBogus),
        3 => (any::<Index>(), prop_oneof![Just(-1isize), Just(1isize)])
            .prop_map(|(index, by)| Action::Move(index, by)),
        4 => Just(Action::ShowHint),
        10 => Just(Action::Check),
        10 => Just(Action::Next),
        2 => any::<u64>().prop_map(Action::RetryMissed),
        2 => any::<u64>().prop_map(Action::StartOver),
        1 => (any::<Index>(), any::<u64>()).prop_map(|(i, seed)| Action::StartTopic(i, seed)),
        2 => any::<u64>().prop_map(Action::StartReview),
        6 => screen.prop_map(Action::Visit),
        1 => (any::<bool>(), 0u32..25, theme)
            .prop_map(|(shuffle, limit, theme)| Action::Settings { shuffle, limit, theme }),
        2 => (0u64..60).prop_map(Action::Wait),
        2 => Just(Action::Reload),
    ];
    match with_reset {
        true => prop_oneof![60 => others, 1 => Just(Action::Reset)].boxed(),
        false => others.boxed(),
    }
}

fn choice_ids(deck: &'static Deck) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = deck
        .questions
        .iter()
        .flat_map(|question| question.choices.iter().map(|choice| choice.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn topic_ids(deck: &'static Deck) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = deck.topics.iter().map(|topic| topic.id).collect();
    ids.push("no-such-topic");
    ids
}

const BOGUS_IDS: &[&str] = &["", "z", "A", "a ", "one", "<script>", "\u{0}"];

/// What must hold after every action.
fn check_invariants(session: &Session, deck: &'static Deck, now: u64) -> Result<(), TestCaseError> {
    let progress = session.progress();
    let (card, draft, feedback, summary) = (
        session.current_question(),
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
        None => prop_assert_ne!(session.last_screen(), Screen::Round),
    }
    match &progress.round {
        Some(round) => {
            // The summary exists iff the round is finished.
            prop_assert_eq!(summary.is_some(), round.is_finished());
            prop_assert_eq!(card.is_some(), !round.is_finished());
            // One thing at a time: a question being answered, its feedback, or the summary.
            let shown = [draft.is_some(), feedback.is_some(), summary.is_some()];
            prop_assert_eq!(shown.iter().filter(|shown| **shown).count(), 1);
            // An order question being answered is arranged as a whole, never in its right order
            // before a move (`selected` empty: as shown).
            if let (Some(current), Some(draft)) = (&card, draft) {
                if current.question.kind == QuestionKind::Order {
                    let mut arranged = session.arrangement().expect("an arrangement");
                    let right: Vec<&str> = current.question.choices.iter().map(|c| c.id).collect();
                    if draft.selected.is_empty() {
                        prop_assert_ne!(&arranged, &right, "shown in its right order");
                    }
                    arranged.sort_unstable();
                    let mut all = right.clone();
                    all.sort_unstable();
                    prop_assert_eq!(arranged, all);
                }
            }
        }
        None => {
            prop_assert!(card.is_none() && draft.is_none() && feedback.is_none());
            prop_assert!(summary.is_none(), "a summary without a round");
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
        prop_assert!(
            progress.history.contains(feedback),
            "the answer on screen is not saved"
        );
    }
    if let Some(summary) = &summary {
        prop_assert!(summary.score <= summary.total);
        prop_assert_eq!(summary.missed.len(), summary.total - summary.score);
    }
    let overview = session.overview(now);
    prop_assert_eq!(overview.tallies.deck.questions, deck.questions.len());
    prop_assert!(overview.tallies.deck.right_last_time <= overview.tallies.deck.answered);
    prop_assert!(overview.tallies.deck.answered <= overview.tallies.deck.questions);
    prop_assert!(
        overview.due <= overview.tallies.deck.answered,
        "unanswered questions due"
    );
    let topic_total: usize = overview
        .tallies
        .topics
        .iter()
        .map(|(_, tally)| tally.questions)
        .sum();
    prop_assert!(topic_total <= overview.tallies.deck.questions);
    match (&progress.round, overview.round) {
        (
            Some(round),
            RoundStatus::InProgress {
                kind,
                number,
                total,
            },
        ) => {
            prop_assert!(!round.is_finished());
            prop_assert_eq!(&kind, &round.kind);
            prop_assert!(1 <= number && number <= total && total == round.len());
        }
        (Some(round), RoundStatus::Finished) => prop_assert!(round.is_finished()),
        (Some(_), RoundStatus::NoRound) => prop_assert!(false, "a round not shown"),
        (None, status) => prop_assert_eq!(status, RoundStatus::NoRound),
    }
    Ok(())
}

/// One tab: its session and its store over the shared backend.
struct Tab<'a> {
    session: Session,
    store: ProgressStore<&'a MemoryBackend>,
    /// The learner's settings, as the app's library record keeps them (apart from the deck's
    /// progress).
    settings: Settings,
}

impl<'a> Tab<'a> {
    fn open(backend: &'a MemoryBackend, deck: &'static Deck) -> Result<Self, TestCaseError> {
        let store = ProgressStore::new(Ok(backend), deck);
        let (progress, notice) = store.load();
        prop_assert_eq!(notice, None, "our own save could not be read back");
        Ok(Tab {
            session: Session::new(deck, progress),
            store,
            settings: Settings::default(),
        })
    }

    fn save(&self) -> Result<(), TestCaseError> {
        let saved = self.store.save(self.session.progress());
        prop_assert!(saved.is_ok(), "{:?}", saved);
        Ok(())
    }
}

/// Applies `action` as the app would (saving after any change) and checks what it may do to
/// the history. Returns the attempt it made, if it checked an answer.
/// `alone`: no other tab saves meanwhile, so a reload must give back exactly this session.
fn apply<'a>(
    tab: &mut Tab<'a>,
    backend: &'a MemoryBackend,
    action: &Action,
    now: &mut u64,
    alone: bool,
) -> Result<Option<Attempt>, TestCaseError> {
    let deck = tab.session.deck();
    *now += 1_000;
    let before = tab.session.clone();
    if let Action::Reload = action {
        *tab = Tab {
            settings: tab.settings.clone(),
            ..Tab::open(backend, deck)?
        };
        let history = &tab.session.progress().history;
        if alone {
            // No answer, selection, hint, screen, setting or round lost.
            prop_assert_eq!(&tab.session, &before, "the reload changed the session");
        } else {
            for attempt in &before.progress().history {
                prop_assert!(history.contains(attempt), "the reload lost {:?}", attempt);
            }
        }
        check_invariants(&tab.session, deck, *now)?;
        return Ok(None);
    }
    let (session, settings) = (&mut tab.session, &mut tab.settings);
    let changed = match action {
        Action::Select(index) => {
            let ids = choice_ids(deck);
            session.select(ids[index.index(ids.len())])
        }
        Action::SelectBogus(index) => session.select(BOGUS_IDS[index.index(BOGUS_IDS.len())]),
        Action::Move(index, by) => {
            let ids = choice_ids(deck);
            session.move_choice(ids[index.index(ids.len())], *by)
        }
        Action::ShowHint => session.show_hint(),
        Action::Check => session.check(*now),
        Action::Next => session.next_question(),
        Action::RetryMissed(seed) => session.start(&RoundKind::Missed, settings, *seed, *now),
        Action::StartOver(seed) => session.start(&RoundKind::Full, settings, *seed, *now),
        Action::StartTopic(index, seed) => {
            let ids = topic_ids(deck);
            let topic = RoundKind::Topic(ids[index.index(ids.len())].to_owned());
            session.start(&topic, settings, *seed, *now)
        }
        Action::StartReview(seed) => session.start(&RoundKind::Review, settings, *seed, *now),
        Action::Visit(screen) => session.visit(*screen),
        Action::Settings {
            shuffle,
            limit,
            theme,
        } => {
            // The library's settings change; the deck's session does not.
            *settings = Settings {
                shuffle: *shuffle,
                daily_review_limit: ReviewLimit::new(*limit),
                theme: *theme,
            };
            false
        }
        Action::Reset => session.reset(*now),
        Action::Wait(days) => {
            *now += days * DAY_MS;
            false
        }
        Action::Reload => unreachable!("handled above"),
    };
    let session = &tab.session;
    if changed {
        tab.save()?;
    } else {
        prop_assert_eq!(
            session,
            &before,
            "{:?} said it changed nothing but did",
            action
        );
    }
    let (old, new) = (&before.progress().history, &session.progress().history);
    let checked = matches!(action, Action::Check) && changed;
    match action {
        Action::Reset if changed => {
            prop_assert!(new.is_empty(), "reset kept answers");
            prop_assert_eq!(session.progress().round.as_ref(), None);
        }
        _ => {
            prop_assert!(new.starts_with(old), "{:?} rewrote the history", action);
            prop_assert_eq!(new.len(), old.len() + usize::from(checked), "{:?}", action);
        }
    }
    check_invariants(session, deck, *now)?;
    if !checked {
        return Ok(None);
    }
    let attempt = new.last().unwrap().clone();
    let draft = before.draft().unwrap();
    prop_assert_eq!(attempt.hint_used, draft.hint_shown);
    prop_assert_eq!(attempt.answered_at, *now);
    // An order question is graded as arranged, in that order (as shown, until a move).
    if let Some(arranged) = before.arrangement() {
        prop_assert_eq!(
            &attempt.choice_ids,
            &arranged,
            "the graded order is not the one arranged"
        );
        return Ok(Some(attempt));
    }
    let (mut selected, mut graded) = (draft.selected.clone(), attempt.choice_ids.clone());
    selected.sort_unstable();
    graded.sort_unstable();
    prop_assert_eq!(
        selected,
        graded,
        "the graded answer is not the one selected"
    );
    Ok(Some(attempt))
}

/// Walks `actions` through one tab, checking the rules after each; returns what the walk got
/// to do (see [`Reached`]).
fn run(deck: &'static Deck, actions: &[Action]) -> Result<Reached, TestCaseError> {
    let backend = MemoryBackend::default();
    let mut tab = Tab::open(&backend, deck)?;
    let mut now = 1_764_000_000_000u64;
    let mut answers = 0usize;
    let mut reached = Reached::default();
    for action in actions {
        let before = tab.session.clone();
        if apply(&mut tab, &backend, action, &mut now, true)?.is_some() {
            answers += 1;
        }
        reached.note(action, &before, &tab.session);
        if matches!(action, Action::Reset) {
            answers = tab.session.progress().history.len();
        }
        prop_assert_eq!(
            tab.session.progress().history.len(),
            answers,
            "answers lost"
        );
    }
    Ok(reached)
}

/// The situations a walk of actions got into: the rules are checked in every one of them only
/// if the generated walks get there at all.
#[derive(Default)]
struct Reached(BTreeSet<&'static str>);

impl Reached {
    /// Every situation [`Reached::note`] can name.
    const ALL: &[&str] = &[
        "an answer checked",
        "a round finished",
        "missed questions retried",
        "a topic round started",
        "a review round started",
        "answers forgotten",
        "a reload while answering",
        "a reload on the feedback",
    ];

    fn note(&mut self, action: &Action, before: &Session, after: &Session) {
        let changed = before != after;
        let what = match action {
            Action::Check if changed => Some("an answer checked"),
            Action::RetryMissed(_) if changed => Some("missed questions retried"),
            Action::StartTopic(..) if changed => Some("a topic round started"),
            Action::StartReview(_) if changed => Some("a review round started"),
            Action::Reset if !before.progress().history.is_empty() => Some("answers forgotten"),
            Action::Reload if before.draft().is_some() => Some("a reload while answering"),
            Action::Reload if before.feedback().is_some() => Some("a reload on the feedback"),
            _ => None,
        };
        self.0.extend(what);
        if after.summary().is_some() {
            self.0.insert("a round finished");
        }
    }
}

/// Two tabs of the same deck, acting in turn. A tab hears of the other's save as a browser
/// `storage` event ([`ProgressStore::saved_elsewhere`]) and merges its history ([`Session::merge_history`]),
/// saving again when that brought anything new. ("Forget everything" is left out: across tabs
/// it needs a rule of its own.)
fn run_two_tabs(deck: &'static Deck, actions: &[(bool, Action)]) -> Result<(), TestCaseError> {
    let backend = MemoryBackend::default();
    let mut tabs = [Tab::open(&backend, deck)?, Tab::open(&backend, deck)?];
    let mut now = 1_764_000_000_000u64;
    let mut made: Vec<Attempt> = Vec::new();
    for (second, action) in actions {
        let (acting, other) = if *second { (1, 0) } else { (0, 1) };
        let saved_before = backend.value(&tabs[acting].store.key());
        if let Some(attempt) = apply(&mut tabs[acting], &backend, action, &mut now, false)? {
            made.push(attempt);
        }
        // Deliver storage events until neither tab has anything new.
        let mut to = other;
        for _ in 0..4 {
            let key = tabs[to].store.key();
            let value = backend.value(&key);
            if value == saved_before && to == other {
                break;
            }
            let Some(Ok(theirs)) = tabs[to].store.saved_elsewhere(Some(&key), value.as_deref())
            else {
                break;
            };
            if tabs[to].session.merge_history(&theirs.history) == MergeReport::default() {
                break;
            }
            tabs[to].save()?;
            check_invariants(&tabs[to].session, deck, now)?;
            to = 1 - to;
        }
        let stored = ProgressStore::new(Ok(&backend), deck).load().0;
        for attempt in &made {
            prop_assert!(
                stored.history.contains(attempt),
                "an answer made in one tab is not saved: {:?}",
                attempt
            );
        }
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
        actions in prop::collection::vec(action(true), 0..MAX_ACTIONS)
    ) {
        run(&DECK, &actions)?;
    }
}

proptest! {
    #![proptest_config(config(TOPIC_DECK_CASES))]

    #[test]
    fn any_sequence_of_actions_keeps_the_rules_on_a_deck_with_topics_and_multi_select(
        actions in prop::collection::vec(action(true), 0..MAX_ACTIONS)
    ) {
        run(&TOPIC_DECK, &actions)?;
    }
}

proptest! {
    #![proptest_config(config(REAL_DECK_CASES))]

    #[test]
    fn any_sequence_of_actions_keeps_the_rules_on_the_shipped_deck(
        actions in prop::collection::vec(action(true), 0..MAX_ACTIONS)
    ) {
        run(REAL_DECK, &actions)?;
    }
}

proptest! {
    #![proptest_config(config(TWO_TAB_CASES))]

    #[test]
    fn two_tabs_acting_in_turn_never_lose_an_answer(
        actions in prop::collection::vec((any::<bool>(), action(false)), 0..MAX_ACTIONS)
    ) {
        run_two_tabs(&TOPIC_DECK, &actions)?;
    }
}

/// The fixture deck's walks (the same generator, seed and count as its property, so the same
/// walks) get into every situation [`Reached`] names, each in at least a few walks: a generator
/// that never finished a round or never reloaded mid-question would check the rules vacuously.
#[test]
fn the_walks_reach_every_situation_the_rules_are_about() {
    let walks: RefCell<BTreeMap<&'static str, u32>> = RefCell::default();
    let cases = std::cell::Cell::new(0u32);
    proptest::test_runner::TestRunner::new(config(FIXTURE_DECK_CASES))
        .run(
            &prop::collection::vec(action(true), 0..MAX_ACTIONS),
            |actions| {
                cases.set(cases.get() + 1);
                for what in run(&DECK, &actions)?.0 {
                    *walks.borrow_mut().entry(what).or_default() += 1;
                }
                Ok(())
            },
        )
        .expect("the property passes");
    assert_eq!(cases.get(), FIXTURE_DECK_CASES);
    let walks = walks.into_inner();
    for what in Reached::ALL {
        let n = walks.get(what).copied().unwrap_or(0);
        assert!(
            n >= 3,
            "only {n} of {FIXTURE_DECK_CASES} walks reach {what}: {walks:?}"
        );
    }
}
