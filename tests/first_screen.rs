//! index.html's first screen, as the pre-render draws it (natively, as Trunk's pre_build hook
//! runs it): a new learner's library (or, with one deck, its start screen) and, hidden, the
//! first question of the round each deck's Start begins, ready for boot.js and for the app to
//! take over.
#![cfg(not(target_arch = "wasm32"))]

use quizdeck::deck::{Deck, DECKS, DECK_DJANGO_ASYNC as DECK};
use quizdeck::quiz::{Progress, Session, FIRST_ROUND_SEED};
use quizdeck::ui::first_screen::{render, render_decks};

/// The part of `html` from the element that opens with `start` on (the rest of the page).
fn from<'a>(html: &'a str, start: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    &html[at..]
}

/// The first question of `deck` (inert in its `<template>`), up to the next one.
fn first_question<'a>(html: &'a str, deck: &Deck) -> &'a str {
    let opening = format!(
        r#"<template data-deck="{}" class="first-question">"#,
        deck.id
    );
    let question = from(html, &opening);
    let end = question[opening.len()..]
        .find(r#"class="first-question">"#)
        .map_or(question.len(), |next| opening.len() + next);
    &question[..end]
}

#[test]
fn with_several_decks_it_is_a_new_learners_library_with_each_first_question_inert() {
    let html = render("/");
    assert!(html.starts_with(r#"<div class="boot-shell">"#), "{html}");
    assert!(html.contains(r#"<h1 id="library-title" tabindex="-1">Decks</h1>"#));
    assert!(DECKS.len() > 1);
    for deck in DECKS {
        assert!(html.contains(&format!(
            r#"<a href="/deck/{}">{}</a>"#,
            deck.id, deck.title
        )));
        assert!(first_question(&html, deck).contains("Question <!>1<!> of"));
    }
    assert_eq!(html.matches("Not started yet.").count(), DECKS.len());
    // The app's <main> comes with the app: the first screen never doubles it or its id.
    assert!(!html.contains("<main") && !html.contains(r#"id="main""#));
}

#[test]
fn with_one_deck_it_is_that_decks_start_screen() {
    let html = render_decks("/", &[&DECK]);
    assert!(html.contains(&format!(
        r#"<h1 id="deck-title" tabindex="-1">{}</h1>"#,
        DECK.title
    )));
    assert!(html.contains("You have not answered any question yet."));
    assert!(!html.contains("library-title"));
    assert_eq!(html.matches(r#"class="first-question""#).count(), 1);
    assert!(first_question(&html, &DECK).contains("Question <!>1<!> of"));
}

#[test]
fn boot_js_finds_each_decks_start_check_and_hint_by_their_hooks_where_it_expects() {
    for decks in [DECKS, &[&DECK]] {
        let html = render_decks("/", decks);
        for hook in ["start", "check", "hint"] {
            let marked = format!(r#"data-boot="{hook}""#);
            assert_eq!(
                html.matches(&marked).count(),
                decks.len(),
                "{marked} in {html}"
            );
        }
        let questions_at = html.find(r#"class="first-question""#).unwrap();
        let start_screen = &html[html.find(r#"<div class="first-visit">"#).unwrap()..questions_at];
        for deck in decks {
            assert!(
                start_screen.contains(&format!(r#"data-boot="start" data-deck="{}""#, deck.id)),
                "{start_screen}"
            );
            let question = first_question(&html, deck);
            // Nothing is chosen or checked yet, so Check waits for a choice.
            assert!(question.contains(
                r#"<button type="button" data-boot="check" disabled class="primary">Check</button>"#
            ));
            assert!(
                question.contains(r#"data-boot="hint""#)
                    && question.contains(">Show hint</button>")
            );
        }
    }
}

#[test]
fn each_question_is_the_first_of_the_round_its_start_begins_in_the_same_option_order() {
    let html = render("/");
    for deck in DECKS {
        let mut session = Session::new(deck, Progress::default());
        session.start_over(Some(FIRST_ROUND_SEED));
        let current = session.current_question().unwrap();
        let question = first_question(&html, deck);
        assert!(question.contains(&format!(r#"data-question="{}""#, current.question.id)));
        let shown: Vec<&str> = from(question, "<fieldset")
            .split(r#" value=""#)
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        let expected: Vec<&str> = current.choices.iter().map(|choice| choice.id).collect();
        assert_eq!(shown, expected, "{}", deck.id);
    }
    assert!(!html.contains("checked") && !html.contains(r#"data-testid="feedback""#));
}

#[test]
fn its_links_point_under_the_public_url_the_build_is_for() {
    let at_root = render_decks("/", &[&DECK]);
    assert!(
        at_root.contains(r#"href="/deck/django-async/stats""#),
        "{at_root}"
    );
    let sub_path = render("/quizdeck/");
    assert!(
        sub_path.contains(r#"href="/quizdeck/deck/django-async""#),
        "{sub_path}"
    );
    assert!(
        sub_path.contains(r#"href="/quizdeck/settings""#),
        "{sub_path}"
    );
    assert!(!sub_path.contains(r#"href="/deck/"#), "{sub_path}");
}
