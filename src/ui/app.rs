use leptos::prelude::*;

use super::components::{AppBar, LiveRegion, StorageNotices, UpdatePrompt};
use super::pages::{RoundPage, StartPage};
use crate::deck::DECK;
use crate::quiz::{Screen, Session};
use crate::storage::{Fault, LoadNotice, LocalStorage, Store};

/// Shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct Quiz {
    pub session: RwSignal<Session>,
    /// Why the last save failed, while saving fails.
    pub save_fault: ReadSignal<Option<Fault>>,
    /// What loading found wrong, until the learner dismisses it.
    pub load_notice: RwSignal<Option<LoadNotice>>,
}

impl Quiz {
    pub fn get() -> Quiz {
        // Provided by <App/> around every component that asks; a missing context is a
        // programming error caught by the first test that mounts the component.
        expect_context::<Quiz>()
    }

    /// Applies one user action; observers only hear about it when it changed something.
    pub fn act(&self, action: impl FnOnce(&mut Session) -> bool) -> bool {
        let mut applied = false;
        self.session.maybe_update(|session| {
            applied = action(session);
            applied
        });
        applied
    }
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new(LocalStorage::open(), &DECK);
    let (progress, load_notice) = store.load();
    let session = RwSignal::new(Session::new(&DECK, progress));
    let (save_fault, set_save_fault) = signal(None::<Fault>);

    // One effect saves after every change of the session, so no action can forget to.
    Effect::new(move |_| {
        let outcome = session.with(|session| store.save(session.progress())).err();
        if save_fault.get_untracked() != outcome {
            set_save_fault.set(outcome);
        }
    });

    provide_context(Quiz {
        session,
        save_fault,
        load_notice: RwSignal::new(load_notice),
    });

    let screen = Memo::new(move |_| session.with(Session::screen));
    view! {
        <AppBar />
        <StorageNotices />
        <UpdatePrompt />
        <main id="main">
            {move || match screen.get() {
                Screen::Start => view! { <StartPage /> }.into_any(),
                Screen::Round => view! { <RoundPage /> }.into_any(),
            }}
        </main>
        <LiveRegion />
    }
}
