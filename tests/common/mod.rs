//! A small deck for the domain tests, independent of the shipped content.
#![allow(dead_code)] // each test binary uses a different part of this module

use quizdeck::deck::{Choice, Deck, Question};

const fn choice(id: &'static str, correct: bool) -> Choice {
    Choice {
        id,
        html: id,
        correct,
        reason_html: if correct { "" } else { "because" },
    }
}

const CHOICES_A_RIGHT: &[Choice] = &[
    choice("a", true),
    choice("b", false),
    choice("c", false),
    choice("d", false),
];
const CHOICES_C_RIGHT: &[Choice] = &[
    choice("a", false),
    choice("b", false),
    choice("c", true),
    choice("d", false),
];

const fn question(id: &'static str, hash: &'static str, choices: &'static [Choice]) -> Question {
    Question {
        id,
        hash,
        prompt_html: "<p>prompt</p>",
        choices,
        hint_html: "hint",
        explanation_html: "<p>explanation</p>",
    }
}

pub static DECK: Deck = Deck {
    id: "test-deck",
    title: "Test deck",
    description: "For tests",
    hash: "deckhash-1",
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        question("two", "h2", CHOICES_C_RIGHT),
        question("three", "h3", CHOICES_A_RIGHT),
    ],
};

/// The same deck after an edit: "two" was reworded, "three" removed, "four" added.
pub static EDITED_DECK: Deck = Deck {
    id: "test-deck",
    title: "Test deck",
    description: "For tests",
    hash: "deckhash-2",
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        question("two", "h2-edited", CHOICES_C_RIGHT),
        question("four", "h4", CHOICES_A_RIGHT),
    ],
};

pub const RIGHT: [&str; 3] = ["a", "c", "a"];
pub const WRONG: [&str; 3] = ["b", "a", "d"];
