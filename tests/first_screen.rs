//! index.html's first screen, as the pre-render draws it (`cargo test --features prerender`,
//! which scripts/test runs): a new learner's start screen and, hidden, the first question of
//! the round Start begins, ready for boot.js and for the app to take over.
#![cfg(feature = "prerender")]

use quizdeck::deck::DECK;
use quizdeck::progress::Progress;
use quizdeck::quiz::{Session, FIRST_ROUND_SEED};
use quizdeck::ui::first_screen::render;

#[test]
fn it_is_a_new_learners_start_screen_with_the_first_question_hidden() {
    let html = render();
    assert!(html.starts_with(r#"<div class="boot-shell">"#), "{html}");
    assert!(html.contains(&format!(r#"<h1 id="deck-title">{}</h1>"#, DECK.title)));
    assert!(html.contains("You have not answered any question yet."));
    assert!(html.contains(r#"<button type="button" class="primary">Start</button>"#));
    assert!(html.contains(r#"<div hidden class="first-question">"#));
    // The app's <main> comes with the app: the first screen never doubles it or its id.
    assert!(!html.contains("<main") && !html.contains(r#"id="main""#));
}

#[test]
fn its_question_is_the_first_of_the_round_start_begins_in_the_same_option_order() {
    let mut session = Session::new(&DECK, Progress::default());
    session.start_over(FIRST_ROUND_SEED);
    let card = session.card().unwrap();
    let html = render();
    assert!(html.contains(&format!(r#"data-question="{}""#, card.question.id)));
    let shown: Vec<&str> = html
        .split(r#"name="choice" value=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let expected: Vec<&str> = card.choices.iter().map(|choice| choice.id).collect();
    assert_eq!(shown, expected);
    // Nothing is chosen or checked yet, so Check waits for a choice.
    assert!(html.contains(r#"<button type="button" disabled class="primary">Check</button>"#));
    assert!(!html.contains("checked") && !html.contains(r#"data-testid="feedback""#));
}
