//! The first screen, in index.html before the wasm has arrived.
//!
//! At build time, [`render`] draws it with the app's own components: the app bar, a new
//! learner's library (or, in an app of one deck, its start screen) and, in a `<template>`, the
//! first question of the round each deck's Start begins (`FIRST_ROUND_SEED`). assets/boot.js makes
//! it usable before the app is: Start shows its deck's question, its options are native
//! inputs, and Check or Show hint wait for the app. boot.js finds Start, Check and Show hint
//! by their `data-boot` hooks, and a Start's deck by its `data-deck`. A learner with saved progress
//! sees "Loading the quiz…" instead, since the start screen shown would be a new learner's.
//! When the wasm runs, `browser::first_screen::take_over` hands what the learner did there to
//! the app.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;

use super::components::AppBar;
use super::navigation::AppBase;
use super::pages::{HomePage, QuestionPage};
use super::{AppState, Opened};
use crate::deck::{Deck, DECKS};
use crate::quiz::{Library, Progress, Session, FIRST_ROUND_SEED};

/// The first screen's markup, for index.html (`src/bin/prerender.rs`), its links under
/// `base` (the public URL the build is for: `/`, or a sub-path such as `/quizdeck/`): the
/// library (or the only deck's start screen) and, hidden, each deck's first question.
pub fn render(base: &str) -> String {
    render_decks(base, DECKS)
}

/// [`render`] for an app of `decks` (the first screen of an app with one deck, say).
pub fn render_decks(base: &str, decks: &[&'static Deck]) -> String {
    let base = base.trim_end_matches('/');
    let new_learner = || {
        decks
            .iter()
            .map(|deck| Session::new(deck, Progress::default()))
    };
    let first_questions: Vec<(&'static str, String)> = new_learner()
        .map(|mut session| {
            session.start_over(Some(FIRST_ROUND_SEED));
            let deck = session.deck().id;
            (
                deck,
                render_for(base, vec![session], || view! { <QuestionPage /> }),
            )
        })
        .collect();
    render_for(base, new_learner().collect(), move || {
        let first_questions = first_questions
            .into_iter()
            .map(|(deck, question)| {
                // Inert until boot.js takes it out: one deck's question at a time is in the
                // document, so their ids and radio groups never meet.
                view! { <template class="first-question" data-deck=deck inner_html=question></template> }
            })
            .collect_view();
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
                        <HomePage />
                    </div>
                    {first_questions}
                </div>
            </div>
        }
    })
}

/// `view` as HTML, its components given `sessions` (one open deck, or every deck) in the
/// context and a router at the app's bare address, under a server's shared context: Leptos'
/// `is_server()` is true, so nothing asks for or listens to a browser.
fn render_for<V: IntoView + 'static>(
    base: &str,
    sessions: Vec<Session>,
    view: impl FnOnce() -> V + Send + 'static,
) -> String {
    let server = Arc::new(hydration_context::SsrSharedContext::new());
    Owner::new_root(Some(server)).with(|| {
        let app = AppState::new(Opened {
            library: Library::default(),
            sessions,
            load_notices: Vec::new(),
            // Nothing is due for a new learner, whatever the time.
            clock: signal(0).0,
        });
        provide_context(app);
        if let Some(open) = app.only_deck() {
            provide_context(open);
        }
        provide_context(RequestUrl::new(&format!("{base}/")));
        provide_context(AppBase(base.to_owned()));
        let base = base.to_owned();
        view! { <Router base>{view()}</Router> }.to_html()
    })
}
