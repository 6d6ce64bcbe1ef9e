//! Moving the focus to a screen the router has just drawn, so keyboard and screen reader users
//! land on it (its heading is read out) instead of on whatever the previous screen left.

/// Focuses the heading of the screen in `<main>` on the next frame (the router draws it in
/// the same task), unless the screen has already put the focus inside it.
pub fn focus_screen_heading() {
    leptos::prelude::request_animation_frame(|| {
        let document = leptos::prelude::document();
        let Ok(Some(main)) = document.query_selector("main") else {
            return;
        };
        if document
            .active_element()
            .is_some_and(|focused| main.contains(Some(&focused)))
        {
            return;
        }
        if let Ok(Some(heading)) = main.query_selector("h1[tabindex]") {
            use wasm_bindgen::JsCast;
            let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}
