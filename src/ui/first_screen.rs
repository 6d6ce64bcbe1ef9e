//! The first screen, in index.html before the wasm has arrived.
//!
//! At build time, [`render`] draws it with the app's own components: the app bar, a new
//! learner's start screen and, hidden, the first question of the round Start begins
//! (`FIRST_ROUND_SEED`). assets/boot.js makes it usable before the app is: Start shows that
//! question, its options are native inputs, and Check or Show hint wait for the app. boot.js
//! finds Start, Check and Show hint by their `data-boot` hooks. A learner with saved progress
//! sees "Loading the quiz…" instead, since the start screen shown would be a new learner's.
//! When the wasm runs, `browser::first_screen::take_over` hands what the learner did there to
//! the app.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;

use super::components::AppBar;
use super::navigation::AppBase;
use super::pages::{QuestionPage, StartPage};
use super::AppState;
use crate::deck::DECK;
use crate::quiz::{Progress, Session, FIRST_ROUND_SEED};

/// The first screen's markup, for index.html (`src/bin/prerender.rs`), its links under
/// `base` (the public URL the build is for: `/`, or a sub-path such as `/quizdeck/`).
pub fn render(base: &str) -> String {
    let base = base.trim_end_matches('/');
    let new_learner = Session::new(&DECK, Progress::default());
    let mut first_round = new_learner.clone();
    first_round.start_over(FIRST_ROUND_SEED);
    let first_question = render_for(base, first_round, || view! { <QuestionPage /> });
    render_for(base, new_learner, move || {
        view! {
            <div class="boot-shell">
                <AppBar />
                // Not a <main>: that is the app's, and what tests wait for.
                <div class="boot-main" role="main">
                    <noscript>
                        <p class="boot">"quizdeck needs JavaScript and WebAssembly turned on."</p>
                    </noscript>
                    <p class="boot boot-loading">"Loading the quiz…"</p>
                    <p class="boot" id="boot" role="status"></p>
                    <div class="first-visit">
                        <StartPage />
                    </div>
                    <div class="first-question" hidden=true inner_html=first_question></div>
                </div>
            </div>
        }
    })
}

/// `view` as HTML, its components given `session` in the context and a router at the app's
/// bare address, under a server's shared context: Leptos' `is_server()` is true, so nothing
/// asks for or listens to a browser.
fn render_for<V: IntoView + 'static>(
    base: &str,
    session: Session,
    view: impl FnOnce() -> V + Send + 'static,
) -> String {
    let server = Arc::new(hydration_context::SsrSharedContext::new());
    Owner::new_root(Some(server)).with(|| {
        provide_context(AppState {
            session: RwSignal::new(session),
            save_fault: signal(None).0,
            load_notice: RwSignal::new(None),
            // Nothing is due for a new learner, whatever the time.
            clock: signal(0).0,
            storage_persisted: signal(None).0,
            data_evicted_unless_installed: signal(false).0,
        });
        provide_context(RequestUrl::new(&format!("{base}/")));
        provide_context(AppBase(base.to_owned()));
        let base = base.to_owned();
        view! { <Router base>{view()}</Router> }.to_html()
    })
}
