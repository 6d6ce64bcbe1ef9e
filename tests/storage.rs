//! The storage policy against an in-memory backend that fails like browsers do.

mod common;

use common::{DECK, RIGHT};
use quizdeck::codec::Unreadable;
use quizdeck::quiz::Progress;
use quizdeck::quiz::Session;
use quizdeck::storage::{Fault, LoadNotice, MemoryBackend, ProgressStore};

const KEY: &str = "quizdeck:test-deck:progress";
const BACKUP: &str = "quizdeck:test-deck:unreadable";

fn some_progress() -> Progress {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(1);
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
    let backend = MemoryBackend::with(KEY, "{\"app\":\"quizdeck\",\"schema\":7}");
    *backend.failing_writes.borrow_mut() = Some(Fault::Full);
    let store = ProgressStore::new(Ok(&backend), &DECK);
    let (_, notice) = store.load();
    assert_eq!(
        notice,
        Some(LoadNotice::LeftInPlace {
            reason: Unreadable::FutureSchema(7)
        })
    );
    *backend.failing_writes.borrow_mut() = None;
    assert_eq!(store.save(&some_progress()), Err(Fault::Protected));
    assert_eq!(
        backend.value(KEY).as_deref(),
        Some("{\"app\":\"quizdeck\",\"schema\":7}")
    );
}

#[test]
fn blocked_storage_loads_fresh_and_refuses_to_save() {
    let store = ProgressStore::<MemoryBackend>::new(Err(Fault::Blocked), &DECK);
    assert_eq!(store.load(), (Progress::default(), None));
    assert_eq!(store.save(&some_progress()), Err(Fault::Blocked));
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
