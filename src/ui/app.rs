use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::components::{AppBar, LiveRegion, ShortcutsHelp, StorageNotices, UpdatePrompt};
use super::device::now;
use super::pages::{RoundPage, SettingsPage, StartPage, StatsPage};
use crate::deck::DECK;
use crate::progress::Theme;
use crate::quiz::{HeadStart, Screen, Session};
use crate::storage::{Fault, LoadNotice, LocalStorage, Store};

/// Shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct Quiz {
    pub session: RwSignal<Session>,
    /// Why the last save failed, while saving fails.
    pub save_fault: ReadSignal<Option<Fault>>,
    /// What loading found wrong, until the learner dismisses it.
    pub load_notice: RwSignal<Option<LoadNotice>>,
    /// The time screens count due reviews against (ms since the epoch). It moves on every
    /// minute and whenever the page comes back into view, so a start screen left open
    /// overnight, or an installed app resumed the next day, shows what has fallen due.
    pub clock: ReadSignal<u64>,
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

/// The whole app. `head_start`: what a new learner did on index.html's first screen before the
/// app was up (see [`first_screen`](super::first_screen)), replayed as the session opens.
#[component]
pub fn App(#[prop(default = None)] head_start: Option<HeadStart>) -> impl IntoView {
    let store = Rc::new(Store::new(LocalStorage::open(), &DECK));
    let (progress, load_notice) = store.load();
    let mut opened = Session::new(&DECK, progress);
    if let Some(head_start) = head_start {
        head_start.replay(&mut opened, now());
    }
    let session = RwSignal::new(opened);
    let (save_fault, set_save_fault) = signal(None::<Fault>);
    let quiz = Quiz {
        session,
        save_fault,
        load_notice: RwSignal::new(load_notice),
        clock: minute_clock(),
    };
    provide_context(quiz);

    // One effect saves after every change of the session, so no action can forget to.
    let saving = Rc::clone(&store);
    Effect::new(move |_| {
        let outcome = session
            .with(|session| saving.save(session.progress()))
            .err();
        if save_fault.get_untracked() != outcome {
            set_save_fault.set(outcome);
        }
    });

    // Another tab saved: take in its answers, so two tabs never lose one. The merged record
    // is saved back by the effect above, which the other tab merges in turn (a no-op).
    let merge_from_other_tab = window_event_listener(ev::storage, move |event| {
        if let Some(other) =
            store.saved_elsewhere(event.key().as_deref(), event.new_value().as_deref())
        {
            quiz.act(|session| session.merge_from_other_tab(&other));
        }
    });
    on_cleanup(move || merge_from_other_tab.remove());

    Effect::new(move |_| apply_theme(session.with(|session| session.settings().theme)));

    let screen = Memo::new(move |_| session.with(Session::screen));
    view! {
        <AppBar />
        <StorageNotices />
        <UpdatePrompt />
        <main id="main">
            {move || match screen.get() {
                Screen::Start => view! { <StartPage /> }.into_any(),
                Screen::Round => view! { <RoundPage /> }.into_any(),
                Screen::Stats => view! { <StatsPage /> }.into_any(),
                Screen::Settings => view! { <SettingsPage /> }.into_any(),
            }}
        </main>
        <LiveRegion />
        <ShortcutsHelp />
    }
}

fn minute_clock() -> ReadSignal<u64> {
    let (clock, set_clock) = signal(now());
    let every_minute =
        set_interval_with_handle(move || set_clock.set(now()), Duration::from_secs(60));
    let back_in_view = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            set_clock.set(now());
        }
    });
    on_cleanup(move || {
        if let Ok(every_minute) = every_minute {
            every_minute.clear();
        }
        back_in_view.remove();
    });
    clock
}

/// A forced theme sets `data-theme` on the root element; the stylesheet follows the system
/// otherwise.
fn apply_theme(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}
