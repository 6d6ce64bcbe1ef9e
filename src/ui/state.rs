//! The state the components share, as context: [`AppState`] for the whole app, and an
//! [`OpenDeck`] for the screens of one deck.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::navigation::AppBase;
use crate::deck::Deck;
use crate::quiz::{Library, Session, Settings};
use crate::storage::{Fault, LoadNotice};

/// Shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The settings of every deck, and the deck the learner was last in.
    pub library: RwSignal<Library>,
    /// A session per compiled-in deck, in the library's order (`DECKS`).
    decks: StoredValue<Vec<OpenDeck>>,
    /// Why the last save failed, while saving fails.
    pub save_fault: RwSignal<Option<Fault>>,
    /// What loading found wrong, per deck, until the learner dismisses it.
    pub load_notices: RwSignal<Vec<(&'static Deck, LoadNotice)>>,
    /// The time screens count due reviews against (ms since the epoch; see
    /// `browser::use_clock`).
    pub clock: ReadSignal<u64>,
    /// Whether the browser promised to keep the learner's data (`None` until it answers).
    pub storage_persisted: ReadSignal<Option<bool>>,
    /// Whether this browser deletes the data after 7 days without a visit (Safari, iOS).
    pub data_evicted_unless_installed: ReadSignal<bool>,
}

/// What [`AppState::new`] is given: what was read from storage, and the clock. What the
/// browser says about storage starts unknown, for the app to ask.
pub struct Opened {
    pub library: Library,
    /// One per deck, in the library's order.
    pub sessions: Vec<Session>,
    pub load_notices: Vec<(&'static Deck, LoadNotice)>,
    pub clock: ReadSignal<u64>,
}

impl AppState {
    pub fn new(opened: Opened) -> AppState {
        let decks = opened
            .sessions
            .into_iter()
            .map(|session| OpenDeck {
                deck: session.deck(),
                session: RwSignal::new(session),
            })
            .collect();
        AppState {
            library: RwSignal::new(opened.library),
            decks: StoredValue::new(decks),
            save_fault: RwSignal::new(None),
            load_notices: RwSignal::new(opened.load_notices),
            clock: opened.clock,
            storage_persisted: signal(None).0,
            data_evicted_unless_installed: signal(false).0,
        }
    }

    pub fn get() -> AppState {
        // Provided by <App/> around every component that asks; a missing context is a
        // programming error caught by the first test that mounts the component.
        expect_context::<AppState>()
    }

    /// Every deck, in the library's order.
    pub fn decks(&self) -> Vec<OpenDeck> {
        self.decks.get_value()
    }

    pub fn deck(&self, id: &str) -> Option<OpenDeck> {
        self.decks
            .with_value(|decks| decks.iter().find(|open| open.deck.id == id).copied())
    }

    /// The deck the app opens on when it has only one: then there is no library screen.
    pub fn only_deck(&self) -> Option<OpenDeck> {
        self.decks.with_value(|decks| match decks.as_slice() {
            [only] => Some(*only),
            _ => None,
        })
    }

    /// Whether any deck has an answer: data worth asking the browser to keep.
    pub fn has_answers(&self) -> bool {
        self.decks().iter().any(|open| {
            open.session
                .with(|session| !session.progress().history.is_empty())
        })
    }

    /// The settings as they are now, for an action (not tracked).
    pub fn settings(&self) -> Settings {
        self.library
            .with_untracked(|library| library.settings.clone())
    }

    /// Changes the library record; observers only hear about it when something changed.
    pub fn change_library(&self, change: impl FnOnce(&mut Library) -> bool) -> bool {
        update_if_changed(self.library, change)
    }

    /// The deck the learner is in when the screen is the whole app's (the settings): the only
    /// deck, or the one they were last in.
    pub fn last_deck(&self) -> Option<OpenDeck> {
        self.only_deck().or_else(|| {
            let id = self.library.with(|library| library.last_deck.clone())?;
            self.deck(&id)
        })
    }

    /// Shows `notice` about `deck` (once: a notice already shown is not repeated).
    pub fn notify(&self, deck: &'static Deck, notice: LoadNotice) {
        self.load_notices.update(|notices| {
            if !notices
                .iter()
                .any(|(shown_on, shown)| shown_on.id == deck.id && *shown == notice)
            {
                notices.push((deck, notice));
            }
        });
    }

    /// Records how the last save went (`None`: it worked), telling observers only of a change.
    pub fn record_save(&self, fault: Option<Fault>) {
        if self.save_fault.get_untracked() != fault {
            self.save_fault.set(fault);
        }
    }
}

/// Runs `change` on the value of `signal`, which says whether it changed anything: only then
/// do observers hear of it.
fn update_if_changed<T: Send + Sync + 'static>(
    signal: RwSignal<T>,
    change: impl FnOnce(&mut T) -> bool,
) -> bool {
    let mut changed = false;
    signal.maybe_update(|value| {
        changed = change(value);
        changed
    });
    changed
}

/// One deck and the learner's session on it.
#[derive(Clone, Copy, PartialEq)]
pub struct OpenDeck {
    pub deck: &'static Deck,
    pub session: RwSignal<Session>,
}

impl OpenDeck {
    /// Applies one user action; observers only hear about it when it changed something.
    pub fn act(&self, action: impl FnOnce(&mut Session) -> bool) -> bool {
        update_if_changed(self.session, action)
    }
}

/// The deck whose screens are shown, provided by its route (see `app::DeckRoute`).
pub fn use_open_deck() -> OpenDeck {
    expect_context::<OpenDeck>()
}

/// The deck the address is in (the only one, in an app of one deck; on a screen of the whole
/// app, such as the settings, the deck the learner was last in), for what stands outside the
/// screens: the app bar's Stats link, the announcer. `None` on the library screen.
pub fn use_current_deck() -> Memo<Option<OpenDeck>> {
    let app = AppState::get();
    let base = expect_context::<AppBase>().0;
    let path = use_location().pathname;
    Memo::new(move |_| {
        let path = path.get();
        let path = path.strip_prefix(base.as_str()).unwrap_or(&path);
        match path.strip_prefix("/deck/") {
            Some(in_deck) => app.deck(in_deck.split('/').next()?),
            None => app.last_deck(),
        }
    })
}
