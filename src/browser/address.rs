//! Where the app is served from. Trunk writes its public URL (`--public-url`, `/` unless a
//! build names a sub-path such as GitHub Pages' `/quizdeck/`) into index.html's `<base href>`;
//! the router takes it as its base, so one route table serves any host.

use leptos::prelude::document;

/// The path the app is served under, without its trailing slash: `""` at a host's root,
/// `"/quizdeck"` under `/quizdeck/`.
pub fn app_base() -> String {
    let base = document().base_uri().ok().flatten();
    base.and_then(|base| web_sys::Url::new(&base).ok())
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
