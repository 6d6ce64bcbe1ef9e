//! Saving and loading progress: the policy (keys, backups, failures) over a small key-value
//! [`Backend`], so it is tested natively against [`MemoryBackend`] and runs in the browser
//! against `browser::LocalStorage`.

mod memory;

use std::cell::{Cell, RefCell};

pub use memory::MemoryBackend;

use serde_json::value::RawValue;

use crate::codec::{
    decode, decode_library, encode, encode_library, encode_library_record, encode_record,
    settings_of_schema_2, Unreadable,
};
use crate::deck::Deck;
use crate::quiz::{Library, Progress, UpdateCost};

/// Why the backend refused a read or a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The browser denies access to storage (privacy settings, sandboxed frame).
    Blocked,
    /// The storage quota is used up.
    Full,
    /// The existing value could not be kept aside, so it is not overwritten.
    Protected,
    Other(String),
}

/// A place that keeps strings under keys, like `localStorage`.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    /// Keeps `value` exactly as given (a backup of a value that may not even be JSON).
    fn set(&self, key: &str, value: &str) -> Result<(), Fault>;
    /// Writes a record, already encoded as JSON (the browser's backend hands it to
    /// gloo-storage; a plain store of strings keeps its text).
    fn save(&self, key: &str, record: &RawValue) -> Result<(), Fault> {
        self.set(key, record.get())
    }
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// The value under the key already was this one: nothing was written.
    Unchanged,
}

/// What a store knows of the value under its record's key: the value as it last saw it (read,
/// written, or written by another tab), so that saving what is already there writes nothing
/// (opening the app does not write every record back, and a save is a `setItem` only when
/// something changed); and whether the value must be left alone (one it could not read or keep
/// aside, or a newer version's), so that nothing is ever saved over it.
#[derive(Default)]
struct KeyState {
    last_seen: RefCell<Option<String>>,
    left_alone: Cell<bool>,
}

impl KeyState {
    fn saw(&self, value: Option<String>) {
        *self.last_seen.borrow_mut() = value;
    }

    fn leave_alone(&self) {
        self.left_alone.set(true);
    }

    /// Writes `record` under `key` unless the value there is left alone or is `record` already.
    fn write(
        &self,
        backend: &impl Backend,
        key: &str,
        record: Box<RawValue>,
    ) -> Result<Saved, Fault> {
        if self.left_alone.get() {
            return Err(Fault::Protected);
        }
        if self.last_seen.borrow().as_deref() == Some(record.get()) {
            return Ok(Saved::Unchanged);
        }
        backend.save(key, &record)?;
        self.saw(Some(Box::<str>::from(record).into_string()));
        Ok(Saved::Written)
    }
}

/// Something the learner should be told after loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNotice {
    /// The stored value could not be used; it was copied to `backup_key`.
    SetAside {
        reason: Unreadable,
        backup_key: String,
    },
    /// The stored value could not be used nor copied aside: it is left where it was and new
    /// progress is not saved over it.
    LeftInPlace { reason: Unreadable },
    /// The deck changed since the last visit, and what the learner had was not all kept.
    DeckUpdated(UpdateCost),
    /// The browser refused to read the saved value this time: it is left untouched and this
    /// visit's progress is not saved over it.
    ReadFailed,
    /// A newer version of quizdeck saved this progress (in another tab, or on a visit before
    /// this older copy was served): it is left where that version finds it, and not saved over,
    /// since this version would write it back without what it cannot read.
    WrittenByNewerVersion,
}

/// Where one deck's progress is saved.
pub struct ProgressStore<B> {
    backend: Result<B, Fault>,
    deck: &'static Deck,
    stored: KeyState,
}

impl<B: Backend> ProgressStore<B> {
    pub fn new(backend: Result<B, Fault>, deck: &'static Deck) -> Self {
        ProgressStore {
            backend,
            deck,
            stored: KeyState::default(),
        }
    }

    pub fn deck(&self) -> &'static Deck {
        self.deck
    }

    pub fn key(&self) -> String {
        progress_key(self.deck)
    }

    pub fn backup_key(&self) -> String {
        format!("quizdeck:{}:unreadable", self.deck.id)
    }

    /// Reads the saved progress. Never fails: anything unusable yields fresh progress and a
    /// notice, and the unusable value is kept.
    pub fn load(&self) -> (Progress, Option<LoadNotice>) {
        let Ok(backend) = &self.backend else {
            return (Progress::default(), None);
        };
        let raw = match backend.get(&self.key()) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                // Nothing stored reads as fresh progress: saving it unchanged writes nothing,
                // so a deck only looked at gets no record.
                let fresh = Progress::default();
                self.stored.saw(Some(encode(&fresh, self.deck)));
                return (fresh, None);
            }
            Err(_) => {
                self.stored.leave_alone();
                return (Progress::default(), Some(LoadNotice::ReadFailed));
            }
        };
        let loaded = match decode(&raw, self.deck) {
            Ok(loaded) => {
                let notice = loaded.deck_update.cost().map(LoadNotice::DeckUpdated);
                (loaded.progress, notice)
            }
            Err(Unreadable::FutureSchema(_)) => {
                self.stored.leave_alone();
                (Progress::default(), Some(LoadNotice::WrittenByNewerVersion))
            }
            Err(reason) => (
                Progress::default(),
                Some(self.set_aside(backend, &raw, reason)),
            ),
        };
        self.stored.saw(Some(raw));
        loaded
    }

    fn set_aside(&self, backend: &B, raw: &str, reason: Unreadable) -> LoadNotice {
        // Never overwrite an earlier backup with a newer one: pick the first free key.
        let base = self.backup_key();
        let free_key = (1..=20)
            .map(|n| match n {
                1 => base.clone(),
                n => format!("{base}:{n}"),
            })
            .find(|key| match backend.get(key) {
                Ok(None) => true,
                Ok(Some(existing)) => existing == raw,
                Err(_) => false,
            });
        match free_key.map(|key| backend.set(&key, raw).map(|()| key)) {
            Some(Ok(backup_key)) => LoadNotice::SetAside { reason, backup_key },
            _ => {
                self.stored.leave_alone();
                LoadNotice::LeftInPlace { reason }
            }
        }
    }

    /// What another tab just saved, when a `storage` event concerns our key: its progress, to
    /// merge, or the notice that a newer version wrote it (from then on this store saves
    /// nothing, or it would write back its older view without the newer version's answers).
    /// Anything else unreadable is ignored: the next save replaces it with what this tab knows.
    pub fn saved_elsewhere(
        &self,
        key: Option<&str>,
        new_value: Option<&str>,
    ) -> Option<Result<Progress, LoadNotice>> {
        if key != Some(self.key().as_str()) {
            return None;
        }
        self.stored.saw(new_value.map(str::to_owned));
        match decode(new_value?, self.deck) {
            Ok(loaded) => Some(Ok(loaded.progress)),
            Err(Unreadable::FutureSchema(_)) => {
                self.stored.leave_alone();
                Some(Err(LoadNotice::WrittenByNewerVersion))
            }
            Err(_) => None,
        }
    }

    /// Saves `progress`, unless the value stored is already exactly it.
    pub fn save(&self, progress: &Progress) -> Result<Saved, Fault> {
        let backend = self.backend.as_ref().map_err(Clone::clone)?;
        self.stored
            .write(backend, &self.key(), encode_record(progress, self.deck))
    }
}

/// Where the [`Library`] record is saved: the settings of every deck and the deck the learner
/// was last in. Nothing in it is progress, so a value that cannot be read is simply replaced.
pub struct LibraryStore<B> {
    backend: Result<B, Fault>,
    stored: KeyState,
}

impl<B: Backend> LibraryStore<B> {
    pub const KEY: &'static str = "quizdeck:library";

    pub fn new(backend: Result<B, Fault>) -> Self {
        LibraryStore {
            backend,
            stored: KeyState::default(),
        }
    }

    /// Reads the record. Before there was one (schema 2 and older), the settings were kept
    /// with a deck's progress: the first of `decks` that has some brings them along.
    pub fn load(&self, decks: &[&'static Deck]) -> Library {
        let Ok(backend) = &self.backend else {
            return Library::default();
        };
        match backend.get(Self::KEY) {
            Ok(Some(raw)) => {
                let library = self.read(&raw).unwrap_or_default();
                self.stored.saw(Some(raw));
                library
            }
            Ok(None) => {
                // As with progress, the default record is not written until it changes;
                // settings brought from schema 2 differ from it, so they are written at once.
                self.stored.saw(Some(encode_library(&Library::default())));
                Library {
                    settings: decks
                        .iter()
                        .filter_map(|deck| backend.get(&progress_key(deck)).ok().flatten())
                        .find_map(|raw| settings_of_schema_2(&raw))
                        .unwrap_or_default(),
                    last_deck: None,
                }
            }
            Err(_) => Library::default(),
        }
    }

    /// The record another tab just saved, when a `storage` event concerns it.
    pub fn saved_elsewhere(&self, key: Option<&str>, new_value: Option<&str>) -> Option<Library> {
        if key != Some(Self::KEY) {
            return None;
        }
        self.stored.saw(new_value.map(str::to_owned));
        self.read(new_value?)
    }

    /// The record in `raw`, if this version can read it; a newer version's is left alone from
    /// then on.
    fn read(&self, raw: &str) -> Option<Library> {
        match decode_library(raw) {
            Ok(library) => Some(library),
            Err(Unreadable::FutureSchema(_)) => {
                self.stored.leave_alone();
                None
            }
            Err(_) => None,
        }
    }

    /// Saves `library`, unless the record stored is already exactly it.
    pub fn save(&self, library: &Library) -> Result<Saved, Fault> {
        let backend = self.backend.as_ref().map_err(Clone::clone)?;
        self.stored
            .write(backend, Self::KEY, encode_library_record(library))
    }
}

fn progress_key(deck: &Deck) -> String {
    format!("quizdeck:{}:progress", deck.id)
}
