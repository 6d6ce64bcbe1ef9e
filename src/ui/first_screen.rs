//! The first screen, in index.html before the wasm has arrived (issue 6).
//!
//! At build time, `render` draws it with the app's own components: the app bar, a new
//! learner's start screen and, hidden, the first question of the round Start begins
//! (`FIRST_ROUND_SEED`). assets/boot.js makes it usable before the app is: Start shows that
//! question, its options are native inputs, and Check or Show hint wait for the app. A learner
//! with saved progress sees "Loading the quiz…" instead, since the start screen shown would
//! be a new learner's. When the wasm runs, `take_over` reads what the learner did there and
//! removes it; the app replays it through the session ([`HeadStart`]), then the focus goes
//! back where it was.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::quiz::HeadStart;

/// What the first screen leaves to the app (nothing, when there is none).
#[derive(Default)]
pub struct TakeOver {
    /// What the learner did there, when they pressed Start before the app was up.
    pub head_start: Option<HeadStart>,
    /// The same element in the app's markup as the one focused there (a selector).
    focused: Option<String>,
}

impl TakeOver {
    /// Focuses, in the mounted app, the element that had the focus on the first screen. Run
    /// after mounting: a new question focuses its heading first.
    pub fn restore_focus(self) {
        let Some(selector) = self.focused else {
            return;
        };
        leptos::prelude::request_animation_frame(move || {
            let target = leptos::prelude::document().query_selector(&selector);
            if let Ok(Some(target)) = target {
                let _ = target.unchecked_into::<HtmlElement>().focus();
            }
        });
    }
}

/// Reads the first screen and removes it (so the app's ids are never doubled); the app takes
/// its place in the same frame.
pub fn take_over() -> TakeOver {
    let document = leptos::prelude::document();
    let Ok(Some(shell)) = document.query_selector(".boot-shell") else {
        return TakeOver::default();
    };
    // boot.js marks what cannot be read from the inputs themselves.
    let head_start = shell.has_attribute("data-started").then(|| HeadStart {
        selected: checked_options(&shell),
        hint_shown: shell.has_attribute("data-hint"),
        check_pressed: shell.has_attribute("data-check"),
    });
    let focused = document
        .active_element()
        .filter(|element| shell.contains(Some(element)))
        .and_then(|element| same_element_in_app(&element));
    shell.remove();
    TakeOver {
        head_start,
        focused,
    }
}

fn checked_options(shell: &Element) -> Vec<String> {
    let Ok(inputs) = shell.query_selector_all(".first-question fieldset.choices input:checked")
    else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|index| inputs.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|input| input.get_attribute("value"))
        .collect()
}

/// Only an option or the question's heading has a counterpart for sure: Check and Show hint
/// are gone once the app has replayed them.
fn same_element_in_app(element: &Element) -> Option<String> {
    if element.id() == "question-number" {
        return Some("#question-number".to_owned());
    }
    let value = element.get_attribute("value")?;
    element
        .matches("fieldset.choices input")
        .unwrap_or(false)
        .then(|| format!("fieldset.choices input[value=\"{value}\"]"))
}

/// The first screen's markup, for index.html (`src/bin/prerender.rs`).
#[cfg(feature = "prerender")]
pub fn render() -> String {
    use leptos::prelude::*;

    use super::components::AppBar;
    use super::pages::{QuestionPage, StartPage};
    use crate::deck::DECK;
    use crate::progress::Progress;
    use crate::quiz::{Session, FIRST_ROUND_SEED};

    // Drawn once, as a server would: effects never run and nothing is tracked.
    let _ = any_spawner::Executor::init_local_custom_executor(NoEffects);
    let _untracked = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();

    let new_learner = Session::new(&DECK, Progress::default());
    let mut first_round = new_learner.clone();
    first_round.start_over(FIRST_ROUND_SEED);
    let first_question = render_for(first_round, || view! { <QuestionPage /> });
    render_for(new_learner, move || {
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

/// `view` as HTML, its components given `session` in the context, under a server's shared
/// context: Leptos' `is_server()` is true, so nothing asks for or listens to a browser.
#[cfg(feature = "prerender")]
fn render_for<V: leptos::prelude::RenderHtml>(
    session: crate::quiz::Session,
    view: impl FnOnce() -> V,
) -> String {
    use leptos::prelude::*;
    use std::sync::Arc;

    let server = Arc::new(hydration_context::SsrSharedContext::new());
    Owner::new_root(Some(server)).with(|| {
        provide_context(super::Quiz {
            session: RwSignal::new(session),
            save_fault: signal(None).0,
            load_notice: RwSignal::new(None),
            // Nothing is due for a new learner, whatever the time.
            clock: signal(0).0,
        });
        view().to_html()
    })
}

/// The pre-render's executor: a spawned task (an effect: focus, saving, listening) is dropped
/// unrun, since there is no page yet to act on.
#[cfg(feature = "prerender")]
struct NoEffects;

#[cfg(feature = "prerender")]
impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}
