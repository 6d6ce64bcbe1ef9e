use leptos::prelude::*;

use crate::quiz::Theme;

/// Keeps the page's colours to `theme`: a forced theme sets `data-theme` on the root element;
/// the stylesheet follows the system otherwise.
pub fn use_theme(theme: Memo<Theme>) {
    Effect::new(move |_| {
        let theme = theme.get();
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    });
}
