//! A small valid deck that each test breaks in one way.

#![allow(dead_code)]

use deck_compiler::{compile_str, decks_to_rust, CompiledDeck, OraclePin};

pub const FILE: &str = "decks/test-deck.toml";

pub fn pin() -> OraclePin {
    OraclePin {
        django: "5.2.19".to_owned(),
    }
}

pub const VALID: &str = r#"
[deck]
id = "test-deck"
title = "Test deck"
description = "A deck for the compiler's tests."

[deck.oracle]
runner = "django"
docs = ["https://docs.python.org/3/", "https://docs.djangoproject.com/en/5.2/"]

[[topic]]
id = "basics"
title = "Basics"

[[topic]]
id = "more"
title = "More"

[[question]]
id = "first"
topic = "basics"
prompt = '''
What does this print?

```python
print("hi")
```
'''
hint = "Look at the *argument*."
answer = "b"
explanation = "It prints `hi`."
source = { title = "Built-in Functions", url = "https://docs.python.org/3/library/functions.html", version = "3.11" }

[[question.choice]]
id = "a"
text = "Nothing."
why = "`print` writes to standard output."

[[question.choice]]
id = "b"
text = "`hi`"

[[question]]
id = "second"
topic = "more"
prompt = "Pick one."
hint = "Any hint."
answer = "a"
explanation = "Because."

[question.check]
run = "script"
code = "def main(): return 1"

[[question.choice]]
id = "a"
text = "This one."
expect = { returns = 1 }

[[question.choice]]
id = "b"
text = "That one."
why = "Not that one."
expect = { returns = 2 }
"#;

pub fn compile(text: &str) -> CompiledDeck {
    compile_str(FILE, text, &pin())
        .unwrap_or_else(|errors| panic!("expected a valid deck, got:\n{errors}"))
}

/// The Rust source the build writes for `deck` alone.
pub fn rust(deck: &CompiledDeck) -> String {
    decks_to_rust(std::slice::from_ref(deck))
}

/// Every error message for `text`, as the build would print them.
pub fn errors(text: &str) -> String {
    match compile_str(FILE, text, &pin()) {
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

/// An order question to append to `VALID` (topic "more"): four events, with a check that runs
/// under the default handlers of `run = "server"`, and one proof.
pub const ORDER: &str = r#"
[[question]]
id = "gather-order"
topic = "more"
kind = "order"
prompt = "In which order do these happen?"
hint = "Who waits longer?"
explanation = "The first request waits longest."

[question.check]
run = "server"
code = '''
async def my_view(request):
    events.append("start")
'''

[[question.proof]]
says = "The second request starts before the first ends."
run = "script"
code = "def main(): return 1"
expect = { returns = 1 }

[[question.choice]]
id = "a"
text = "Request 1 starts waiting"
event = "start 1"

[[question.choice]]
id = "b"
text = "Request 2 starts waiting"
event = "start 2"

[[question.choice]]
id = "c"
text = "Request 1 ends"
event = "end 1"
why = "It slept for less time."

[[question.choice]]
id = "d"
text = "Request 2 ends"
event = "end 2"
"#;

/// `VALID` followed by `ORDER`.
pub fn with_order() -> String {
    format!("{VALID}{ORDER}")
}

/// `with_order()` with one exact piece of `ORDER` replaced (which must occur exactly once in it).
pub fn order_with(from: &str, to: &str) -> String {
    assert_eq!(
        ORDER.matches(from).count(),
        1,
        "{from:?} must occur once in ORDER"
    );
    format!("{VALID}{}", ORDER.replacen(from, to, 1))
}

/// The line of the order question's `[[question]]` header in `with_order()`.
pub fn order_line() -> usize {
    VALID.lines().count() + 2
}
