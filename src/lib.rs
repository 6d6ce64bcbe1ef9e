//! quizdeck: a quiz that runs entirely in the browser.
//!
//! Rooms, in the order data flows through them:
//! - [`deck`]: the questions, validated and compiled in at build time;
//! - [`quiz`]: the rules (rounds, grading, shuffling, the session), plain Rust;
//! - [`progress`]: what is saved and its stored format;
//! - [`storage`]: the only code that touches `localStorage`;
//! - [`ui`]: Leptos components that render the session and call one method per action.

pub mod deck;
pub mod progress;
pub mod pwa;
pub mod quiz;
pub mod storage;
pub mod ui;
