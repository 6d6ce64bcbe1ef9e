//! The Leptos front end. Components render the [`Session`](crate::quiz::Session) held in
//! context and call one session method per user action; they never grade, shuffle or parse.

mod app;
mod components;
mod device;
pub mod first_screen;
mod pages;

pub use app::{App, Quiz};
