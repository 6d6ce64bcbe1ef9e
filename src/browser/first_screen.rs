//! Taking over from the first screen that index.html showed before the wasm arrived (drawn at
//! build time by `ui::first_screen`, driven by assets/boot.js): `take_over` reads what the
//! learner did there and removes it; the app replays that through the session
//! ([`HeadStart`]), then the focus goes back where it was.

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
    // boot.js marks what cannot be read from the inputs themselves, and in `data-started` the
    // deck whose Start was pressed.
    let head_start = shell.get_attribute("data-started").map(|deck| HeadStart {
        deck,
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
    let Ok(inputs) = shell.query_selector_all(".first-question input:checked") else {
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
