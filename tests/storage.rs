//! The storage policy against an in-memory backend that fails like browsers do.

mod common;

use common::{DECK, RIGHT, TOPIC_DECK};
use quizdeck::codec::{decode, Unreadable};
use quizdeck::quiz::{Library, Progress, Session, Theme};
use quizdeck::storage::{
    Backend, Fault, LibraryStore, LoadNotice, MemoryBackend, ProgressStore, Saved,
};

const KEY: &str = "quizdeck:test-deck:progress";
const BACKUP: &str = "quizdeck:test-deck:unreadable";

fn some_progress() -> Progress {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(1));
    session.select(RIGHT[0]);
    session.check(5);
    session.progress().clone()
}

#[test]
fn saved_progress_loads_back() {
    let backend = MemoryBackend::default();
    let store = ProgressStore::new(Ok(&backend), &DECK);
    assert_eq!(store.load(), (Progress::default(), None));
    store.save(&some_progress()).unwrap();
    let again = ProgressStore::new(Ok(&backend), &DECK);
    assert_eq!(again.load(), (some_progress(), None));
}

#[test]
fn saving_what_is_already_stored_writes_nothing() {
    let backend = MemoryBackend::default();
    let store = ProgressStore::new(Ok(&backend), &DECK);
    let (fresh, _) = store.load();
    assert_eq!(store.save(&fresh), Ok(Saved::Unchanged));
    assert_eq!(
        backend.value(KEY),
        None,
        "a visit without an answer leaves no trace"
    );
    assert_eq!(store.save(&some_progress()), Ok(Saved::Written));
    assert_eq!(store.save(&some_progress()), Ok(Saved::Unchanged));

    // Opened again: the value loaded is not written back, which a failing write would show.
    *backend.failing_writes.borrow_mut() = Some(Fault::Full);
    let reopened = ProgressStore::new(Ok(&backend), &DECK);
    let (loaded, _) = reopened.load();
    assert_eq!(reopened.save(&loaded), Ok(Saved::Unchanged));
    assert_eq!(reopened.save(&Progress::default()), Err(Fault::Full));
    *backend.failing_writes.borrow_mut() = None;

    // Another tab's save is what is stored now: saving the same writes nothing, and saving
    // what was there before it writes again.
    let mut elsewhere = Session::new(&DECK, loaded.clone());
    elsewhere.next_question();
    let theirs = quizdeck::codec::encode(elsewhere.progress(), &DECK);
    backend.set(KEY, &theirs).unwrap();
    assert!(matches!(
        reopened.saved_elsewhere(Some(KEY), Some(&theirs)),
        Some(Ok(_))
    ));
    assert_eq!(reopened.save(elsewhere.progress()), Ok(Saved::Unchanged));
    assert_eq!(reopened.save(&loaded), Ok(Saved::Written));
}

#[test]
fn progress_of_an_older_schema_is_written_in_the_current_one_at_the_first_save() {
    let older = include_str!("fixtures/progress-v3.json");
    let backend = MemoryBackend::with(KEY, older);
    let store = ProgressStore::new(Ok(&backend), &DECK);
    let (progress, _) = store.load();
    assert_eq!(store.save(&progress), Ok(Saved::Written));
    assert_ne!(backend.value(KEY).as_deref(), Some(older));
    assert_eq!(
        decode(&backend.value(KEY).unwrap(), &DECK)
            .unwrap()
            .progress,
        progress
    );
}

#[test]
fn an_unreadable_value_is_kept_aside_and_reported() {
    let backend = MemoryBackend::with(KEY, "{corrupt");
    let store = ProgressStore::new(Ok(&backend), &DECK);
    let (progress, notice) = store.load();
    assert_eq!(progress, Progress::default());
    assert_eq!(
        notice,
        Some(LoadNotice::SetAside {
            reason: Unreadable::NotJson,
            backup_key: BACKUP.to_owned()
        })
    );
    assert_eq!(backend.value(BACKUP).as_deref(), Some("{corrupt"));
    store.save(&some_progress()).unwrap();
    assert_eq!(
        backend.value(BACKUP).as_deref(),
        Some("{corrupt"),
        "backup survives saving"
    );
}

#[test]
fn an_earlier_backup_is_never_overwritten() {
    let backend = MemoryBackend::with(KEY, "second bad value");
    backend
        .values
        .borrow_mut()
        .insert(BACKUP.into(), "first bad value".into());
    let (_, notice) = ProgressStore::new(Ok(&backend), &DECK).load();
    let second = format!("{BACKUP}:2");
    assert!(
        matches!(notice, Some(LoadNotice::SetAside { backup_key, .. }) if backup_key == second)
    );
    assert_eq!(backend.value(BACKUP).as_deref(), Some("first bad value"));
    assert_eq!(backend.value(&second).as_deref(), Some("second bad value"));
}

#[test]
fn when_the_backup_cannot_be_written_the_value_is_not_saved_over() {
    let backend = MemoryBackend::with(KEY, "{\"app\":\"quizdeck\",\"schema\":\"4\"}");
    *backend.failing_writes.borrow_mut() = Some(Fault::Full);
    let store = ProgressStore::new(Ok(&backend), &DECK);
    let (_, notice) = store.load();
    assert!(matches!(
        notice,
        Some(LoadNotice::LeftInPlace {
            reason: Unreadable::Damaged(_)
        })
    ));
    *backend.failing_writes.borrow_mut() = None;
    assert_eq!(store.save(&some_progress()), Err(Fault::Protected));
    assert_eq!(
        backend.value(KEY).as_deref(),
        Some("{\"app\":\"quizdeck\",\"schema\":\"4\"}")
    );
}

const BY_A_NEWER_VERSION: &str = "{\"app\":\"quizdeck\",\"schema\":7,\"deck\":\"test-deck\"}";

#[test]
fn progress_a_newer_version_saved_is_left_where_it_finds_it_and_never_saved_over() {
    let backend = MemoryBackend::with(KEY, BY_A_NEWER_VERSION);
    let store = ProgressStore::new(Ok(&backend), &DECK);
    assert_eq!(
        store.load(),
        (Progress::default(), Some(LoadNotice::WrittenByNewerVersion))
    );
    assert_eq!(store.save(&Progress::default()), Err(Fault::Protected));
    assert_eq!(store.save(&some_progress()), Err(Fault::Protected));
    assert_eq!(backend.value(KEY).as_deref(), Some(BY_A_NEWER_VERSION));
    assert_eq!(backend.value(BACKUP), None, "not moved aside either");
}

#[test]
fn once_a_newer_version_saves_in_another_tab_this_tab_saves_no_more() {
    let backend = MemoryBackend::default();
    let store = ProgressStore::new(Ok(&backend), &DECK);
    store.load();
    assert_eq!(store.save(&some_progress()), Ok(Saved::Written));

    // The newer version, in another tab, took this progress in and saved it its own way.
    backend.set(KEY, BY_A_NEWER_VERSION).unwrap();
    assert_eq!(
        store.saved_elsewhere(Some(KEY), Some(BY_A_NEWER_VERSION)),
        Some(Err(LoadNotice::WrittenByNewerVersion))
    );
    // Writing this tab's older view back would drop what the newer version added.
    assert_eq!(store.save(&Progress::default()), Err(Fault::Protected));
    assert_eq!(backend.value(KEY).as_deref(), Some(BY_A_NEWER_VERSION));

    // A damaged value from another tab is not a reason to stop: the next save replaces it.
    let other = ProgressStore::new(Ok(&backend), &DECK);
    assert_eq!(other.saved_elsewhere(Some(KEY), Some("{corrupt")), None);
    assert_eq!(other.save(&some_progress()), Ok(Saved::Written));
}

#[test]
fn a_library_record_a_newer_version_saved_is_never_saved_over() {
    let newer = "{\"app\":\"quizdeck\",\"schema\":7,\"library\":{}}";
    let library_key = LibraryStore::<&MemoryBackend>::KEY;
    let backend = MemoryBackend::with(library_key, newer);
    let store = LibraryStore::new(Ok(&backend));
    let mut library = store.load(&[&DECK]);
    assert_eq!(library, Library::default());
    assert!(library.update_settings(|settings| settings.theme = Theme::Light));
    assert_eq!(store.save(&library), Err(Fault::Protected));
    assert_eq!(backend.value(library_key).as_deref(), Some(newer));

    // The same when it arrives from another tab.
    let fresh = MemoryBackend::default();
    let store = LibraryStore::new(Ok(&fresh));
    store.load(&[&DECK]);
    assert_eq!(store.saved_elsewhere(Some(library_key), Some(newer)), None);
    assert_eq!(store.save(&library), Err(Fault::Protected));
}

#[test]
fn blocked_storage_loads_fresh_and_refuses_to_save() {
    let store = ProgressStore::<MemoryBackend>::new(Err(Fault::Blocked), &DECK);
    assert_eq!(store.load(), (Progress::default(), None));
    assert_eq!(store.save(&some_progress()), Err(Fault::Blocked));
    assert_eq!(
        store.save(&Progress::default()),
        Err(Fault::Blocked),
        "said as the app opens, though nothing changed"
    );
}

#[test]
fn a_full_storage_fails_the_save_and_saving_resumes_when_there_is_room() {
    let backend = MemoryBackend::default();
    let store = ProgressStore::new(Ok(&backend), &DECK);
    store.save(&Progress::default()).unwrap();
    *backend.failing_writes.borrow_mut() = Some(Fault::Full);
    assert_eq!(store.save(&some_progress()), Err(Fault::Full));
    assert_eq!(
        store.load().0,
        Progress::default(),
        "the last good save is intact"
    );
    *backend.failing_writes.borrow_mut() = None;
    store.save(&some_progress()).unwrap();
    assert_eq!(store.load().0, some_progress());
}

/// A backend whose reads fail, as a browser's may for a moment.
struct FailingReads(MemoryBackend);

impl quizdeck::storage::Backend for FailingReads {
    fn get(&self, _key: &str) -> Result<Option<String>, Fault> {
        Err(Fault::Blocked)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.0.set(key, value)
    }
}

#[test]
fn a_failed_read_is_reported_and_the_saved_value_is_not_saved_over() {
    let saved = quizdeck::codec::encode(&some_progress(), &DECK);
    let backend = FailingReads(MemoryBackend::with(KEY, &saved));
    let store = ProgressStore::new(Ok(&backend), &DECK);
    assert_eq!(
        store.load(),
        (Progress::default(), Some(LoadNotice::ReadFailed))
    );
    assert_eq!(store.save(&Progress::default()), Err(Fault::Protected));
    assert_eq!(backend.0.value(KEY), Some(saved));
}

/// Today's stored value, as schema 2 wrote it when there was one deck (its settings inside).
const SAVED_BEFORE_SEVERAL_DECKS: &str = include_str!("fixtures/progress-v2.json");

#[test]
fn each_deck_keeps_its_own_progress_and_a_value_saved_before_there_were_several_still_loads() {
    let backend = MemoryBackend::with(KEY, SAVED_BEFORE_SEVERAL_DECKS);
    let first = ProgressStore::new(Ok(&backend), &DECK);
    let second = ProgressStore::new(Ok(&backend), &TOPIC_DECK);
    assert_ne!(first.key(), second.key());

    let (loaded, notice) = first.load();
    assert_eq!(notice, None);
    let expected = decode(SAVED_BEFORE_SEVERAL_DECKS, &DECK).unwrap().progress;
    assert_eq!(loaded, expected);
    assert!(!loaded.history.is_empty());
    assert_eq!(
        second.load(),
        (Progress::default(), None),
        "a deck of its own"
    );

    // The settings it kept become the library's, the first time.
    let library = LibraryStore::new(Ok(&backend));
    let settings = library.load(&[&TOPIC_DECK, &DECK]).settings;
    assert_eq!(settings.theme, Theme::Dark);
    assert!(!settings.shuffle);

    // Answering in the other deck writes its own key only: the saved value stays as it was.
    let mut other = Session::new(&TOPIC_DECK, Progress::default());
    other.start_over(Some(1));
    other.select("a");
    other.check(5);
    second.save(other.progress()).unwrap();
    assert_eq!(
        backend.get(KEY).unwrap().as_deref(),
        Some(SAVED_BEFORE_SEVERAL_DECKS)
    );
    assert_eq!(first.load().0, expected);
    assert_eq!(second.load().0, *other.progress());
}

#[test]
fn the_library_record_loads_back_and_then_wins_over_the_old_settings() {
    let backend = MemoryBackend::with(KEY, SAVED_BEFORE_SEVERAL_DECKS);
    let store = LibraryStore::new(Ok(&backend));
    let mut library = store.load(&[&DECK]);
    assert!(library.update_settings(|settings| settings.theme = Theme::Light));
    assert!(library.visit(Some(DECK.id)));
    assert_eq!(store.save(&library), Ok(Saved::Written));
    assert_eq!(store.load(&[&DECK]), library);
    assert_eq!(store.save(&library), Ok(Saved::Unchanged));

    // What another tab saved: only the library's own key, and its settings come along.
    let raw = backend.get(LibraryStore::<&MemoryBackend>::KEY).unwrap();
    assert_eq!(
        store.saved_elsewhere(Some(LibraryStore::<&MemoryBackend>::KEY), raw.as_deref()),
        Some(library.clone())
    );
    assert_eq!(store.saved_elsewhere(Some(KEY), raw.as_deref()), None);
    let mut here = Library::default();
    assert!(here.merge_from_other_tab(&library));
    assert_eq!(here.settings, library.settings);
    assert_eq!(here.last_deck, None, "the deck a tab is in stays its own");

    // Before there is a record, the default one is not written; the settings of schema 2 are.
    let fresh = MemoryBackend::default();
    let store = LibraryStore::new(Ok(&fresh));
    assert_eq!(store.save(&store.load(&[&DECK])), Ok(Saved::Unchanged));
    assert!(fresh.values.borrow().is_empty());
    let store = LibraryStore::new(Ok(&backend));
    backend
        .values
        .borrow_mut()
        .remove(LibraryStore::<&MemoryBackend>::KEY);
    assert_eq!(store.save(&store.load(&[&DECK])), Ok(Saved::Written));

    // An unreadable record is not progress: the settings fall back to the defaults.
    let broken = MemoryBackend::with(LibraryStore::<&MemoryBackend>::KEY, "{corrupt");
    assert_eq!(
        LibraryStore::new(Ok(&broken)).load(&[&DECK]),
        Library::default()
    );
    assert_eq!(
        LibraryStore::<&MemoryBackend>::new(Err(Fault::Blocked)).load(&[&DECK]),
        Library::default()
    );
}
