use std::rc::Rc;

use leptos::context::Provider;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::path;

use super::address::Address;
use super::components::{AppBar, LiveRegion, ShortcutsHelp, StorageNotices, UpdatePrompt};
use super::navigation::{use_go, AppBase};
use super::pages::{
    HomePage, NotFoundPage, RoundRoute, SettingsPage, StartPage, StatsPage, SummaryRoute,
    TopicRoute,
};
use super::state::{AppState, Opened};
use crate::browser::{
    app_base, focus_screen_heading, now, opened_at_app_root, use_app_badge, use_clock,
    use_data_evicted_unless_installed, use_persistent_storage, use_theme, LocalStorage, Timed,
};
use crate::deck::DECKS;
use crate::quiz::{HeadStart, RoundKind, Session};
use crate::storage::{LibraryStore, ProgressStore, Saved};

/// The whole app. `head_start`: what a new learner did on index.html's first screen before the
/// app was up (see `browser::first_screen`), replayed as the session opens.
#[component]
pub fn App(#[prop(default = None)] head_start: Option<HeadStart>) -> impl IntoView {
    let library_store = Rc::new(LibraryStore::new(LocalStorage::open()));
    let stores: Vec<Rc<ProgressStore<LocalStorage>>> = DECKS
        .iter()
        .map(|deck| Rc::new(ProgressStore::new(LocalStorage::open(), deck)))
        .collect();
    let library = library_store.load(DECKS);
    let mut load_notices = Vec::new();
    let mut sessions: Vec<Session> = stores
        .iter()
        .map(|store| {
            // A cold load: reading and decoding the value, and replaying its schedule.
            let timed = Timed::start("quizdeck:load");
            let (progress, notice) = store.load();
            if let Some(notice) = notice {
                load_notices.push((store.deck(), notice));
            }
            let session = Session::new(store.deck(), progress);
            timed.measure();
            session
        })
        .collect();
    let pressed_start = head_start.is_some();
    let go_on_at = if let Some(head_start) = head_start {
        // Start on the first screen was a move of its own: Back from the question it showed
        // returns to the screen it was pressed on.
        sessions
            .iter_mut()
            .find(|session| session.deck().id == head_start.deck)
            .and_then(|session| {
                head_start.replay(session, now());
                Address::of_round(session)
            })
    } else if opened_at_app_root() {
        // A bare address brings a learner back where they were; one that names a screen
        // shows that screen.
        Address::where_left(&library, &sessions)
    } else {
        None
    };
    let mut app = AppState::new(Opened {
        library,
        sessions,
        load_notices,
        clock: use_clock(now()),
    });
    app.storage_persisted = use_persistent_storage(Signal::derive(move || app.has_answers()));
    app.data_evicted_unless_installed = use_data_evicted_unless_installed();
    provide_context(app);
    let base = app_base();
    provide_context(AppBase(base.clone()));

    // One effect per record saves it after every change, so no action can forget to. Each
    // also runs once as the app opens, when the store finds the value unchanged (unless the
    // opening changed it: a migration, a changed deck, the first screen's head start) and
    // writes nothing.
    let saving = Rc::clone(&library_store);
    Effect::new(move |_| {
        app.record_save(app.library.with(|library| saving.save(library)).err());
    });
    for (open, store) in app.decks().into_iter().zip(stores.iter().map(Rc::clone)) {
        Effect::new(move |_| {
            let timed = Timed::start("quizdeck:save");
            let saved = open.session.with(|session| store.save(session.progress()));
            if saved == Ok(Saved::Written) {
                timed.measure();
            }
            app.record_save(saved.err());
        });
    }

    // Another tab saved: take in its answers, so two tabs never lose one. The merged record
    // is saved back by the effects above, which the other tab merges in turn (a no-op).
    let merge_from_other_tab = window_event_listener(ev::storage, move |event| {
        let (key, value) = (event.key(), event.new_value());
        if let Some(other) = library_store.saved_elsewhere(key.as_deref(), value.as_deref()) {
            app.change_library(|library| library.merge_from_other_tab(&other));
        }
        for (open, store) in app.decks().into_iter().zip(stores.iter()) {
            match store.saved_elsewhere(key.as_deref(), value.as_deref()) {
                Some(Ok(other)) => {
                    open.act(|session| session.merge_from_other_tab(&other));
                }
                Some(Err(notice)) => app.notify(open.deck, notice),
                None => {}
            }
        }
    });
    on_cleanup(move || merge_from_other_tab.remove());

    use_theme(Memo::new(move |_| {
        app.library.with(|library| library.settings.theme)
    }));
    // The number of questions due for review in every deck on the installed app's icon, set
    // again only when it changes.
    let due = Memo::new(move |_| {
        let now = app.clock.get();
        app.decks()
            .iter()
            .map(|open| {
                open.session
                    .with(|session| session.schedule().due_count(now))
            })
            .sum::<usize>()
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
                    <Route path=path!("/") view=HomePage />
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

/// A deck's screens, under `/deck/<id>/`, given that deck as context: a deck this build does
/// not have is not found.
#[component]
fn DeckRoute() -> impl IntoView {
    let app = AppState::get();
    let params = use_params_map();
    // A memo: the outlet is drawn again only when the deck changes, not with every address in
    // it (which would draw the screen being left once more).
    let open = Memo::new(move |_| params.read().get("deck").and_then(|id| app.deck(&id)));
    move || match open.get() {
        Some(open) => view! {
            <Provider value=open>
                <Outlet />
            </Provider>
        }
        .into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
