//! A small valid deck that each test breaks in one way.

#![allow(dead_code)]

use deck_compiler::{compile_str, CompiledDeck};

pub const FILE: &str = "decks/test.toml";

pub const VALID: &str = r#"
[deck]
id = "test-deck"
title = "Test deck"
description = "A deck for the compiler's tests."

[[question]]
id = "first"
prompt = '''
What does this print?

```python
print("hi")
```
'''
hint = "Look at the *argument*."
answer = "b"
explanation = "It prints `hi`."

[[question.choice]]
id = "a"
text = "Nothing."
why = "`print` writes to standard output."

[[question.choice]]
id = "b"
text = "`hi`"

[[question]]
id = "second"
prompt = "Pick one."
hint = "Any hint."
answer = "a"
explanation = "Because."

[[question.choice]]
id = "a"
text = "This one."

[[question.choice]]
id = "b"
text = "That one."
why = "Not that one."
"#;

pub fn compile(text: &str) -> CompiledDeck {
    compile_str(FILE, text).unwrap_or_else(|errors| panic!("expected a valid deck, got:\n{errors}"))
}

/// Every error message for `text`, as the build would print them.
pub fn errors(text: &str) -> String {
    match compile_str(FILE, text) {
        Ok(_) => panic!("expected the deck to be rejected:\n{text}"),
        Err(errors) => errors.to_string(),
    }
}

/// `VALID` with one exact piece replaced (which must occur exactly once).
pub fn valid_with(from: &str, to: &str) -> String {
    assert_eq!(
        VALID.matches(from).count(),
        1,
        "{from:?} must occur once in VALID"
    );
    VALID.replacen(from, to, 1)
}

#[track_caller]
pub fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected {needle:?} in:\n{haystack}"
    );
}
