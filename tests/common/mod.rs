//! A small deck for the domain tests, independent of the shipped content.
#![allow(dead_code)] // each test binary uses a different part of this module

use quizdeck::deck::{Choice, Deck, Evidence, Oracle, Question, QuestionKind, Runner, Topic};
use quizdeck::quiz::Session;

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
    in_topic("basics", QuestionKind::Single, id, hash, choices)
}

const fn in_topic(
    topic: &'static str,
    kind: QuestionKind,
    id: &'static str,
    hash: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        id,
        hash,
        // No attempt of the tests is saved under a first-definition hash unless a test says so.
        hash_v1: "not-a-saved-hash",
        topic,
        kind,
        prompt_html: "<p>prompt</p>",
        title_in_prompt: (3, 9),
        choices,
        hint_html: "hint",
        explanation_html: "<p>explanation</p>",
        evidence: Evidence::Checked,
        receipts: &[],
    }
}

/// What the test decks claim proved them.
pub const ORACLE: Oracle = Oracle {
    runner: Runner::Django,
    proven_with: "Django 5.2.19",
    release_line: Some("the 5.2 LTS"),
};

const TOPICS: &[Topic] = &[Topic {
    id: "basics",
    title: "Basics",
}];

pub static DECK: Deck = Deck {
    id: "test-deck",
    title: "Test deck",
    description: "For tests",
    hash: "deckhash-1",
    topics: TOPICS,
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        question("two", "h2", CHOICES_C_RIGHT),
        question("three", "h3", CHOICES_A_RIGHT),
    ],
    oracle: ORACLE,
    versions: None,
};

/// The same deck after an edit: "two" was reworded, "three" removed, "four" added.
pub static EDITED_DECK: Deck = Deck {
    id: "test-deck",
    title: "Test deck",
    description: "For tests",
    hash: "deckhash-2",
    topics: TOPICS,
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        question("two", "h2-edited", CHOICES_C_RIGHT),
        question("four", "h4", CHOICES_A_RIGHT),
    ],
    oracle: ORACLE,
    versions: None,
};

/// The same deck as [`DECK`] after question hashes were redefined: each question's hash is new,
/// and its `hash_v1` is the hash [`DECK`] saved its answers under.
pub static REHASHED_DECK: Deck = Deck {
    hash: "deckhash-v2",
    questions: &[
        Question {
            hash_v1: "h1",
            ..question("one", "h1-v2", CHOICES_A_RIGHT)
        },
        Question {
            hash_v1: "h2",
            ..question("two", "h2-v2", CHOICES_C_RIGHT)
        },
        Question {
            hash_v1: "h3",
            ..question("three", "h3-v2", CHOICES_A_RIGHT)
        },
    ],
    ..DECK
};

pub const RIGHT: [&str; 3] = ["a", "c", "a"];
pub const WRONG: [&str; 3] = ["b", "a", "d"];

const CHOICES_A_AND_C_RIGHT: &[Choice] = &[
    choice("a", true),
    choice("b", false),
    choice("c", true),
    choice("d", false),
];

/// Two topics, the second with a "select all that apply" question (a and c are right).
pub static TOPIC_DECK: Deck = Deck {
    id: "topic-deck",
    title: "Topic deck",
    description: "For tests",
    hash: "topicdeck-1",
    topics: &[
        Topic {
            id: "basics",
            title: "Basics",
        },
        Topic {
            id: "multi",
            title: "Select all",
        },
    ],
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        question("two", "h2", CHOICES_C_RIGHT),
        in_topic(
            "multi",
            QuestionKind::Multiple,
            "many",
            "hm",
            CHOICES_A_AND_C_RIGHT,
        ),
    ],
    oracle: ORACLE,
    versions: None,
};

const EVENTS_IN_ORDER: &[Choice] = &[
    choice("a", true),
    choice("b", true),
    choice("c", true),
    choice("d", true),
];

/// A single-choice question, then an order question ("put the events in order": a, b, c, d is
/// the right order).
pub static ORDER_DECK: Deck = Deck {
    id: "order-deck",
    title: "Order deck",
    description: "For tests",
    hash: "orderdeck-1",
    topics: TOPICS,
    questions: &[
        question("one", "h1", CHOICES_A_RIGHT),
        in_topic(
            "basics",
            QuestionKind::Order,
            "order",
            "ho",
            EVENTS_IN_ORDER,
        ),
    ],
    oracle: ORACLE,
    versions: None,
};

/// Answers the question on screen with `choices` at `at` (after the hint, `with_hint`), and
/// moves on: each step must be taken.
pub fn answer(session: &mut Session, choices: &[&str], with_hint: bool, at: u64) {
    if with_hint {
        assert!(session.show_hint(), "the hint");
    }
    for choice in choices {
        assert!(session.select(choice), "select {choice}");
    }
    assert!(session.check(at), "check");
    assert!(session.next_question(), "next");
}
