//! Browser tests (wasm-bindgen-test in headless Chromium and Firefox): the storage adapter
//! against the real `localStorage`, the mounted app driven through its DOM, and the take-over
//! of index.html's first screen (its reading of the page and the focus it gives back).
#![cfg(target_arch = "wasm32")]

use quizdeck::deck::DECK;
use quizdeck::codec::{Unreadable};
use quizdeck::quiz::{Progress};
use quizdeck::quiz::{HeadStart, Session};
use quizdeck::browser::LocalStorage;
use quizdeck::storage::{LoadNotice, ProgressStore};
use quizdeck::ui::{first_screen, App};
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
    session.start_over(11);
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

/// Mounts the app in a fresh container, returning it and the handle that keeps it mounted.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || leptos::view! { <App /> });
    (container, handle)
}

fn button(container: &web_sys::HtmlElement, label: &str) -> web_sys::HtmlButtonElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlButtonElement>())
        .find(|button| button.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
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
    let (container, _mounted) = mount_app();
    assert_eq!(text_of(&container, "h1"), DECK.title);

    button(&container, "Start").click();
    leptos::task::tick().await;
    assert_eq!(
        text_of(&container, "article h1"),
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
    let (container, _mounted) = mount_app();
    leptos::task::tick().await;
    let notice = text_of(&container, "[data-testid=load-notice]");
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(notice.contains(BACKUP), "{notice}");
    assert_eq!(
        local_storage().get_item(BACKUP).unwrap().as_deref(),
        Some("{\"app\":\"quizdeck\",\"sch")
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
    shell.set_attribute("data-started", "").unwrap();
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
