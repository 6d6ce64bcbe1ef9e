/// Whether a modal dialog is open anywhere on the page (each component owns its own; one must
/// not be opened over another).
pub fn a_dialog_is_open() -> bool {
    leptos::prelude::document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}
