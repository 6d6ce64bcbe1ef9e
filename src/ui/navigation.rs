//! Moving between screens through the router, so every move is an entry in the browser's
//! history (or takes the place of the current one) and Back and Forward retrace it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The path the app is served under (`""`, or `"/quizdeck"` under GitHub Pages): the router's
/// base, provided for links too, since `<A>` takes an absolute path as it is.
#[derive(Clone, Debug)]
pub struct AppBase(pub String);

/// An address (`Address::path`) as a link's `href`, under the app's base.
pub fn use_href() -> impl Fn(String) -> String + Clone {
    let base = expect_context::<AppBase>().0;
    move |path| format!("{base}{path}")
}

/// Goes to an address (`Address::path`): `push` for a screen the learner chose, so Back
/// returns from it; `replace` for one that takes the place of the screen shown (a finished
/// round's summary, a bare address resuming where the learner left off).
#[derive(Clone, Copy)]
pub struct Go(Callback<(String, bool)>);

impl Go {
    pub fn push(self, path: String) {
        self.to(path, Entry::New);
    }

    pub fn replace(self, path: String) {
        self.to(path, Entry::InPlace);
    }

    pub fn to(self, path: String, entry: Entry) {
        self.0.run((path, entry == Entry::InPlace));
    }
}

/// How a move enters the browser's history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry: Back returns to the screen left.
    New,
    /// In place of the screen shown, for a screen Back could not show again (a finished round's
    /// summary, once the next round begins: the session keeps one round).
    InPlace,
}

/// The router's navigation as a `Copy` handle for event handlers and effects.
pub fn use_go() -> Go {
    let navigate = use_navigate();
    Go(Callback::new(move |(path, replace): (String, bool)| {
        navigate(
            &path,
            NavigateOptions {
                replace,
                ..NavigateOptions::default()
            },
        );
    }))
}
