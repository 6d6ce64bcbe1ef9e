//! The Leptos front end. Components render the [`Session`](crate::quiz::Session) of a deck
//! held in context ([`OpenDeck`], inside [`AppState`]) and call one session method per user
//! action; they never grade, shuffle or parse. They ask the browser for nothing but through
//! [`crate::browser`]; what they handle themselves is their own elements and the events on them
//! (which key, which control, which file an input was given).

mod address;
mod app;
mod components;
mod drawn_when_opened;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
mod navigation;
mod pages;
mod state;

pub use app::App;
pub use state::{use_current_deck, use_open_deck, AppState, OpenDeck, Opened};
