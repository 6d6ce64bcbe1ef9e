//! index.html's first screen, as the pre-render draws it (natively, as Trunk's pre_build hook
//! runs it): a new learner's start screen and, hidden, the first question of the round Start
//! begins, ready for boot.js and for the app to take over.
#![cfg(not(target_arch = "wasm32"))]

use quizdeck::deck::DECK;
use quizdeck::quiz::{Progress, Session, FIRST_ROUND_SEED};
use quizdeck::ui::first_screen::render;

/// The part of `html` from the element that opens with `start` on (the rest of the page).
fn from<'a>(html: &'a str, start: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    &html[at..]
}

#[test]
fn it_is_a_new_learners_start_screen_with_the_first_question_hidden() {
    let html = render("/");
    assert!(html.starts_with(r#"<div class="boot-shell">"#), "{html}");
    assert!(html.contains(&format!(
        r#"<h1 id="deck-title" tabindex="-1">{}</h1>"#,
        DECK.title
    )));
    assert!(html.contains("You have not answered any question yet."));
    assert!(html.contains(r#"<div hidden class="first-question">"#));
    // The app's <main> comes with the app: the first screen never doubles it or its id.
    assert!(!html.contains("<main") && !html.contains(r#"id="main""#));
}

#[test]
fn boot_js_finds_start_check_and_the_hint_by_their_hooks_each_once_and_where_it_expects() {
    let html = render("/");
    for hook in ["start", "check", "hint"] {
        let marked = format!(r#"data-boot="{hook}""#);
        assert_eq!(html.matches(&marked).count(), 1, "{marked} in {html}");
    }
    let question = from(&html, r#"<div hidden class="first-question">"#);
    let start_screen =
        &html[html.find(r#"<div class="first-visit">"#).unwrap()..html.len() - question.len()];
    assert!(start_screen
        .contains(r#"<button type="button" data-boot="start" class="primary">Start</button>"#));
    // Nothing is chosen or checked yet, so Check waits for a choice.
    assert!(question.contains(
        r#"<button type="button" data-boot="check" disabled class="primary">Check</button>"#
    ));
    assert!(question.contains(r#"data-boot="hint""#) && question.contains(">Show hint</button>"));
}

#[test]
fn its_question_is_the_first_of_the_round_start_begins_in_the_same_option_order() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(FIRST_ROUND_SEED);
    let current = session.current_question().unwrap();
    let html = render("/");
    assert!(html.contains(&format!(r#"data-question="{}""#, current.question.id)));
    let shown: Vec<&str> = html
        .split(r#"name="choice" value=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let expected: Vec<&str> = current.choices.iter().map(|choice| choice.id).collect();
    assert_eq!(shown, expected);
    assert!(!html.contains("checked") && !html.contains(r#"data-testid="feedback""#));
}

#[test]
fn its_links_point_under_the_public_url_the_build_is_for() {
    let at_root = render("/");
    assert!(
        at_root.contains(r#"href="/deck/django-async/stats""#),
        "{at_root}"
    );
    let sub_path = render("/quizdeck/");
    assert!(
        sub_path.contains(r#"href="/quizdeck/deck/django-async/stats""#),
        "{sub_path}"
    );
    assert!(
        sub_path.contains(r#"href="/quizdeck/settings""#),
        "{sub_path}"
    );
    assert!(!sub_path.contains(r#"href="/deck/"#), "{sub_path}");
}
