//! Browser tests (wasm-bindgen-test in headless Chromium and Firefox): the storage adapter
//! against the real `localStorage` (and why parts of it cannot be gloo-storage), the mounted
//! app driven through its DOM, and the take-over of index.html's first screen (its reading of
//! the page and the focus it gives back).
#![cfg(target_arch = "wasm32")]

use gloo_storage::Storage as _;
use quizdeck::browser::{first_screen, LocalStorage};
use quizdeck::codec::{encode, Unreadable};
use quizdeck::deck::{DECKS, DECK_DJANGO_ASYNC as DECK};
use quizdeck::quiz::{HeadStart, Progress, Session};
use quizdeck::storage::{Backend, Fault, LoadNotice, ProgressStore};
use quizdeck::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "quizdeck:django-async:progress";
const BACKUP: &str = "quizdeck:django-async:unreadable";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn started_progress() -> Progress {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(Some(11));
    session.show_hint();
    session.progress().clone()
}

#[wasm_bindgen_test]
fn progress_round_trips_through_local_storage() {
    local_storage().clear().unwrap();
    let store = ProgressStore::new(LocalStorage::open(), &DECK);
    store.save(&started_progress()).unwrap();

    let raw = local_storage().get_item(KEY).unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(json["app"], "quizdeck");
    assert_eq!(json["deck_hash"], DECK.hash);

    let reopened = ProgressStore::new(LocalStorage::open(), &DECK);
    assert_eq!(reopened.load(), (started_progress(), None));
}

#[wasm_bindgen_test]
fn a_value_that_is_not_ours_is_kept_aside() {
    local_storage().clear().unwrap();
    local_storage().set_item(KEY, "{\"todos\":[1,2]}").unwrap();
    let store = ProgressStore::new(LocalStorage::open(), &DECK);
    let (progress, notice) = store.load();
    assert_eq!(progress, Progress::default());
    assert_eq!(
        notice,
        Some(LoadNotice::SetAside {
            reason: Unreadable::Foreign,
            backup_key: BACKUP.to_owned()
        })
    );
    assert_eq!(
        local_storage().get_item(BACKUP).unwrap().as_deref(),
        Some("{\"todos\":[1,2]}")
    );
}

/// Runs `script` in the page (the faults the browser can throw, set up as a test would).
fn run_js(script: &str) {
    js_sys::Function::new_no_args(script)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// `localStorage` blocked as a privacy setting blocks it: touching it throws. gloo-storage's
/// accessor `expect_throw`s on exactly that (a panic, which in wasm ends the app), so the
/// backend opens storage with `web_sys` and reports it.
#[wasm_bindgen_test]
fn blocked_storage_is_a_fault_to_report_not_a_panic() {
    run_js(
        "window.__saved = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true,
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    let touched = web_sys::window().unwrap().local_storage();
    let opened = LocalStorage::open();
    run_js(
        "if (window.__saved) Object.defineProperty(window, 'localStorage', window.__saved);
         else delete window.localStorage;",
    );
    assert!(
        touched.is_err(),
        "the access itself throws, which gloo would not survive"
    );
    assert!(matches!(opened, Err(Fault::Blocked)));
}

/// A `getItem` that throws (a corrupted or briefly unavailable storage file): gloo's `get`
/// `expect_throw`s on it, and it parses what it reads, while an unreadable value must be read
/// as text to be kept aside. So reads are `web_sys`, and the failure is a notice.
#[wasm_bindgen_test]
fn a_read_that_throws_is_a_notice_and_the_saved_value_is_not_saved_over() {
    local_storage().clear().unwrap();
    let saved = encode(&started_progress(), &DECK);
    local_storage().set_item(KEY, &saved).unwrap();
    run_js(
        "window.__getItem = Storage.prototype.getItem;
         Storage.prototype.getItem = function () {
           throw new DOMException('NS_ERROR_FILE_CORRUPTED', 'NS_ERROR_FILE_CORRUPTED'); };",
    );
    let raw_read = local_storage().get_item(KEY);
    let store = ProgressStore::new(LocalStorage::open(), &DECK);
    let (progress, notice) = store.load();
    let save = store.save(&progress);
    run_js("Storage.prototype.getItem = window.__getItem;");
    assert!(
        raw_read.is_err(),
        "getItem itself throws, which gloo would not survive"
    );
    assert_eq!(
        (progress, notice),
        (Progress::default(), Some(LoadNotice::ReadFailed))
    );
    assert_eq!(save, Err(Fault::Protected));
    assert_eq!(local_storage().get_item(KEY).unwrap(), Some(saved));
}

/// An unreadable value is copied aside as it was; gloo's `set` would write it as a JSON string
/// (quoted and escaped), so the backup would no longer be the learner's data.
#[wasm_bindgen_test]
fn a_value_is_copied_aside_byte_for_byte_which_gloo_set_would_not_do() {
    local_storage().clear().unwrap();
    let damaged = "{\"app\":\"quizdeck\",\"sch";
    gloo_storage::LocalStorage::set("gloo-copy", damaged).unwrap();
    assert_ne!(
        local_storage().get_item("gloo-copy").unwrap().as_deref(),
        Some(damaged)
    );
    LocalStorage::open()
        .unwrap()
        .set("web-sys-copy", damaged)
        .unwrap();
    assert_eq!(
        local_storage().get_item("web-sys-copy").unwrap().as_deref(),
        Some(damaged)
    );
}

/// The progress itself is written through gloo-storage (encoded once, handed over as a raw
/// JSON value that gloo writes as it is), and the browser's errors come back as
/// `StorageError`s that the backend turns into faults the learner is told about; the value
/// saved before a refused write stays.
#[wasm_bindgen_test]
fn progress_is_saved_through_gloo_and_a_full_storage_is_reported() {
    local_storage().clear().unwrap();
    let store = ProgressStore::new(LocalStorage::open(), &DECK);
    store.save(&started_progress()).unwrap();
    assert_eq!(
        local_storage().get_item(KEY).unwrap(),
        Some(encode(&started_progress(), &DECK)),
        "written exactly as encoded (a JSON record, not a JSON string holding one)"
    );
    run_js(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () {
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
    );
    let full = store.save(&Progress::default());
    run_js("Storage.prototype.setItem = window.__setItem;");
    assert_eq!(full, Err(Fault::Full));
    assert_eq!(
        ProgressStore::new(LocalStorage::open(), &DECK).load().0,
        started_progress()
    );
}

/// Mounts the app in a fresh container at `address` (whatever an earlier test left the page's
/// address at), returning it once the router has drawn its screen, and the handle that keeps
/// it mounted.
async fn mount_app_at(address: &str) -> (web_sys::HtmlElement, impl Drop) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
        .unwrap();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || leptos::view! { <App /> });
    leptos::task::tick().await;
    (container, handle)
}

async fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    mount_app_at("/").await
}

fn button(container: &web_sys::HtmlElement, label: &str) -> web_sys::HtmlButtonElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlButtonElement>())
        .find(|button| button.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

/// The text of what `selector` matches once the app has drawn it: the router draws the screen
/// a click asked for a task or a few frames later.
async fn text_when_drawn(container: &web_sys::HtmlElement, selector: &str) -> String {
    for _ in 0..60 {
        if let Some(element) = container.query_selector(selector).unwrap() {
            return element.text_content().unwrap_or_default();
        }
        next_frame().await;
    }
    panic!("nothing matches {selector}")
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_mounted_app_runs_a_question_and_saves_it() {
    local_storage().clear().unwrap();
    let (container, _mounted) = mount_app_at(&format!("/deck/{}", DECK.id)).await;
    assert_eq!(text_when_drawn(&container, "h1").await, DECK.title);

    button(&container, "Start").click();
    leptos::task::tick().await;
    assert_eq!(
        text_when_drawn(&container, "article h1").await,
        format!("Question 1 of {}", DECK.questions.len())
    );
    let check = button(&container, "Check");
    assert!(check.disabled(), "nothing chosen yet");

    let radio: web_sys::HtmlInputElement = container
        .query_selector("fieldset.choices input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.click();
    leptos::task::tick().await;
    assert!(!check.disabled());
    check.click();
    leptos::task::tick().await;

    let verdict = text_of(&container, "[data-testid=feedback] h2");
    assert!(
        verdict.contains("Correct") || verdict.contains("Incorrect"),
        "{verdict}"
    );
    let saved = ProgressStore::new(LocalStorage::open(), &DECK).load().0;
    assert_eq!(saved.history.len(), 1);
    assert_eq!(saved.history[0].choice_ids, [radio.value()]);
}

#[wasm_bindgen_test]
async fn the_mounted_app_explains_a_corrupt_saved_value() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item(KEY, "{\"app\":\"quizdeck\",\"sch")
        .unwrap();
    let (container, _mounted) = mount_app().await;
    leptos::task::tick().await;
    let notice = text_of(&container, "[data-testid=load-notice]");
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(notice.contains(BACKUP), "{notice}");
    assert_eq!(
        local_storage().get_item(BACKUP).unwrap().as_deref(),
        Some("{\"app\":\"quizdeck\",\"sch")
    );
}

/// The bare address of an app with several decks is the library: a card per deck, and an answer
/// saved in one deck shows on its card only.
#[wasm_bindgen_test]
async fn the_library_shows_each_decks_own_progress() {
    local_storage().clear().unwrap();
    let mut answered = Session::new(&DECK, Progress::default());
    answered.start_over(Some(3));
    let first = answered.current_question().unwrap().question;
    answered.select(first.correct_choice().unwrap().id);
    assert!(answered.check(1_764_000_000_000));
    local_storage()
        .set_item(KEY, &encode(answered.progress(), &DECK))
        .unwrap();

    let (container, _mounted) = mount_app().await;
    assert_eq!(text_when_drawn(&container, "h1").await, "Decks");
    let cards = container.query_selector_all(".deck-card").unwrap();
    assert_eq!(cards.length() as usize, DECKS.len());
    for deck in DECKS {
        let card = text_of(&container, &format!("#deck-{} + p + p + p", deck.id));
        let expected = if deck.id == DECK.id {
            format!("1 of {} answered, 1 right last time.", deck.questions.len())
        } else {
            "Not started yet.".to_owned()
        };
        assert_eq!(card, expected, "{}", deck.id);
    }
    // Continue on the answered deck's card (its round is under way), Start on the others.
    assert!(container
        .query_selector(&format!("[aria-label='Continue {}']", DECK.title))
        .unwrap()
        .is_some());
}

/// Stats opened in this tab follow what another tab answers (a `storage` event), instead of
/// showing the figures they had when the page was opened.
#[wasm_bindgen_test]
async fn stats_follow_answers_made_in_another_tab() {
    local_storage().clear().unwrap();
    let (container, _mounted) = mount_app_at(&format!("/deck/{}/stats", DECK.id)).await;
    text_when_drawn(&container, "tfoot tr td").await;
    let all_topics = || text_of(&container, "tfoot tr td");
    let questions = DECK.questions.len();
    assert_eq!(all_topics(), format!("0 / {questions}"));

    let mut other_tab = Session::new(&DECK, Progress::default());
    other_tab.start_over(Some(3));
    let first = other_tab.current_question().unwrap().question;
    other_tab.select(first.correct_choice().unwrap().id);
    assert!(other_tab.check(1_764_000_000_000));
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(KEY));
    init.set_new_value(Some(&encode(other_tab.progress(), &DECK)));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    assert_eq!(all_topics(), format!("1 / {questions}"));
    assert_eq!(
        text_of(&container, ".every-question summary"),
        "Every answered question (1)"
    );
}

/// Resolves on the next animation frame.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// index.html's first screen as boot.js leaves it after Start, two ticked options on a
/// "select all" question and Show hint; the markup is the parts `take_over` reads (the real
/// page is checked end to end by tests/e2e/first-screen.spec.mjs).
fn first_screen_after_start() -> web_sys::Element {
    let shell = document().create_element("div").unwrap();
    shell.set_class_name("boot-shell");
    shell.set_attribute("data-started", "django-async").unwrap();
    shell.set_attribute("data-hint", "").unwrap();
    shell.set_inner_html(
        r#"<div class="first-question"><article class="question">
             <h1 id="question-number" tabindex="-1">Question 1 of 3</h1>
             <fieldset class="choices">
               <input type="checkbox" name="choice" value="a">
               <input type="checkbox" name="choice" value="b">
               <input type="checkbox" name="choice" value="c">
             </fieldset></article></div>"#,
    );
    document().body().unwrap().append_child(&shell).unwrap();
    for value in ["a", "c"] {
        let input: web_sys::HtmlInputElement = shell
            .query_selector(&format!("input[value={value}]"))
            .unwrap()
            .unwrap()
            .unchecked_into();
        input.set_checked(true);
    }
    shell
}

#[wasm_bindgen_test]
async fn taking_over_the_first_screen_keeps_what_the_learner_did_and_where_they_were() {
    let shell = first_screen_after_start();
    let ticked_last: web_sys::HtmlElement = shell
        .query_selector("input[value=c]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    ticked_last.focus().unwrap();

    let taken = first_screen::take_over();
    assert_eq!(
        taken.head_start,
        Some(HeadStart {
            deck: "django-async".into(),
            selected: vec!["a".into(), "c".into()],
            hint_shown: true,
            check_pressed: false,
        })
    );
    assert!(document().query_selector(".boot-shell").unwrap().is_none());

    // The app's own copy of the option gets the focus back, a frame after it has mounted.
    let app = document().create_element("div").unwrap();
    app.set_inner_html(
        r#"<fieldset class="choices"><input type="checkbox" value="a"><input type="checkbox" value="c"></fieldset>"#,
    );
    document().body().unwrap().append_child(&app).unwrap();
    taken.restore_focus();
    next_frame().await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("value").as_deref(), Some("c"));
    assert!(app.contains(Some(&focused)));
    app.remove();
}

#[wasm_bindgen_test]
fn without_start_the_first_screen_leaves_nothing_to_replay() {
    let shell = first_screen_after_start();
    shell.remove_attribute("data-started").unwrap();
    assert_eq!(first_screen::take_over().head_start, None);
    assert!(document().query_selector(".boot-shell").unwrap().is_none());
    assert_eq!(
        first_screen::take_over().head_start,
        None,
        "no first screen at all"
    );
}
