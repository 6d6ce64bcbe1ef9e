//! Where the app is served from. Trunk writes its public URL (`--public-url`, `/` unless a
//! build names a sub-path such as GitHub Pages' `/quizdeck/`) into index.html's `<base href>`;
//! the router takes it as its base, so one route table serves any host.

use leptos::prelude::document;

/// The path the app is served under, without its trailing slash: `""` at a host's root (or
/// with no `<base>`), `"/quizdeck"` under `/quizdeck/`.
pub fn app_base() -> String {
    // The `<base>` element's, not the document's base URI: without the element that is the
    // page's own address, which would make every address the app's root.
    let Some(base) = document()
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|base| base.get_attribute("href"))
    else {
        return String::new();
    };
    let page = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    web_sys::Url::new_with_base(&base, &page)
        .map(|url| url.pathname().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// Whether the page was opened at the app's bare address (its base, with or without the
/// trailing slash or `index.html`), rather than at one naming a screen.
pub fn opened_at_app_root() -> bool {
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    path.trim_end_matches('/') == app_base()
}
