//! quizdeck: a quiz that runs entirely in the browser.
//!
//! Rooms, in the order data flows through them; each uses only the rooms above it:
//! - [`deck`]: the content, validated and compiled in at build time;
//! - [`quiz`]: the domain: a learner's progress and the rules that change and read it, plain
//!   Rust (no browser, no clock, no randomness of its own);
//! - [`codec`]: the stored format of that progress: versioned envelope, a reader per schema,
//!   export and import;
//! - [`storage`]: the policy for saving it (keys, backups, faults) over a key-value backend;
//! - [`browser`]: everything that asks the browser for something (localStorage, clock,
//!   service worker, files, the first screen), one `use_*` hook per concern;
//! - [`ui`]: Leptos components that render the session and call one method per action.

pub mod browser;
pub mod codec;
pub mod deck;
pub mod quiz;
pub mod storage;
pub mod ui;
