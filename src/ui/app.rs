use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::path;

use super::address::Address;
use super::components::{AppBar, LiveRegion, ShortcutsHelp, StorageNotices, UpdatePrompt};
use super::navigation::{use_go, AppBase};
use super::pages::{
    NotFoundPage, RoundRoute, SettingsPage, StartPage, StatsPage, SummaryRoute, TopicRoute,
};
use crate::browser::{
    app_base, focus_screen_heading, now, opened_at_app_root, use_app_badge, use_clock,
    use_data_evicted_unless_installed, use_persistent_storage, use_theme, LocalStorage,
};
use crate::deck::DECK;
use crate::quiz::{HeadStart, RoundKind, Session};
use crate::storage::{Fault, LoadNotice, ProgressStore};

/// Shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Session>,
    /// Why the last save failed, while saving fails.
    pub save_fault: ReadSignal<Option<Fault>>,
    /// What loading found wrong, until the learner dismisses it.
    pub load_notice: RwSignal<Option<LoadNotice>>,
    /// The time screens count due reviews against (ms since the epoch; see
    /// [`use_clock`]).
    pub clock: ReadSignal<u64>,
    /// Whether the browser promised to keep the learner's data (`None` until it answers).
    pub storage_persisted: ReadSignal<Option<bool>>,
    /// Whether this browser deletes the data after 7 days without a visit (Safari, iOS).
    pub data_evicted_unless_installed: ReadSignal<bool>,
}

impl AppState {
    pub fn get() -> AppState {
        // Provided by <App/> around every component that asks; a missing context is a
        // programming error caught by the first test that mounts the component.
        expect_context::<AppState>()
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
/// app was up (see `browser::first_screen`), replayed as the session opens.
#[component]
pub fn App(#[prop(default = None)] head_start: Option<HeadStart>) -> impl IntoView {
    let store = Rc::new(ProgressStore::new(LocalStorage::open(), &DECK));
    let (progress, load_notice) = store.load();
    let mut opened = Session::new(&DECK, progress);
    let pressed_start = head_start.is_some();
    let go_on_at = if let Some(head_start) = head_start {
        // Start on the first screen was a move of its own: Back from the question it showed
        // returns to the start screen.
        head_start.replay(&mut opened, now());
        Address::of_round(&opened)
    } else if opened_at_app_root() {
        // A bare address brings a learner back where they were; one that names a screen
        // shows that screen.
        Address::where_left(&opened)
    } else {
        None
    };
    let session = RwSignal::new(opened);
    let (save_fault, set_save_fault) = signal(None::<Fault>);
    let has_answers = Signal::derive(move || session.with(|s| !s.progress().history.is_empty()));
    let app = AppState {
        session,
        save_fault,
        load_notice: RwSignal::new(load_notice),
        clock: use_clock(now()),
        storage_persisted: use_persistent_storage(has_answers),
        data_evicted_unless_installed: use_data_evicted_unless_installed(),
    };
    provide_context(app);
    let base = app_base();
    provide_context(AppBase(base.clone()));

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
            app.act(|session| session.merge_from_other_tab(&other));
        }
    });
    on_cleanup(move || merge_from_other_tab.remove());

    use_theme(Memo::new(move |_| {
        session.with(|session| session.settings().theme)
    }));
    // The number of questions due for review on the installed app's icon, set again only when
    // it changes.
    let due = Memo::new(move |_| {
        let now = app.clock.get();
        session.with(|session| session.schedule().due_count(now))
    });
    use_app_badge(due.into());

    view! {
        <Router base=base>
            <GoOnAt path=go_on_at push=pressed_start />
            <FocusOnNewScreen />
            <AppBar />
            <StorageNotices />
            <UpdatePrompt />
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=StartPage />
                    <ParentRoute path=path!("/deck/:deck") view=DeckRoute>
                        <Route path=path!("") view=StartPage />
                        <Route path=path!("round") view=|| view! { <RoundRoute kind=RoundKind::Full /> } />
                        <Route path=path!("topic/:topic") view=TopicRoute />
                        <Route path=path!("review") view=|| view! { <RoundRoute kind=RoundKind::Review /> } />
                        <Route path=path!("missed") view=|| view! { <RoundRoute kind=RoundKind::Missed /> } />
                        <Route path=path!("summary") view=SummaryRoute />
                        <Route path=path!("stats") view=StatsPage />
                    </ParentRoute>
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
            </main>
            <LiveRegion />
            <ShortcutsHelp />
        </Router>
    }
}

/// Moves the focus to each screen the learner moves to (not the first: a page just opened
/// keeps the browser's own starting point).
#[component]
fn FocusOnNewScreen() -> impl IntoView {
    let path = use_location().pathname;
    Effect::new(move |shown: Option<String>| {
        let path = path.get();
        if shown.is_some_and(|shown| shown != path) {
            focus_screen_heading();
        }
        path
    });
}

/// Goes to `path` once the app is up, in place of the address it opened at unless `push`
/// (see [`App`]).
#[component]
fn GoOnAt(path: Option<String>, push: bool) -> impl IntoView {
    let go = use_go();
    Effect::new(move |_| match path.clone() {
        Some(path) if push => go.push(path),
        Some(path) => go.replace(path),
        None => {}
    });
}

/// A deck's screens, under `/deck/<id>/`: a deck this build does not have is not found.
#[component]
fn DeckRoute() -> impl IntoView {
    let params = use_params_map();
    // A memo: the outlet is drawn again only when the deck changes, not with every address in
    // it (which would draw the screen being left once more).
    let known = Memo::new(move |_| params.read().get("deck").as_deref() == Some(DECK.id));
    move || {
        if known.get() {
            view! { <leptos_router::components::Outlet /> }.into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
