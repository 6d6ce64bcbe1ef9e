use leptos::prelude::*;

/// Keeps the document's title (the tab, the history menu, what a screen reader reads as the
/// page) to `title`.
pub fn use_document_title(title: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| document().set_title(&title()));
}
