//! Browser glue: everything that asks the browser for something, one concern per file, in the
//! shape of leptos-use (a `use_*` function per concern, returning signals). The hooks start
//! their work in an `Effect`, so at build time, when the first screen is rendered without a
//! browser (effects do not run under `ssr`), they do nothing and keep their initial values.

mod address;
mod badge;
mod clock;
mod dialog;
mod events;
mod files;
pub mod first_screen;
mod focus;
mod local_storage;
mod persistence;
mod platform;
mod share;
mod theme;
mod timing;
mod title;
mod worker;

pub use address::{app_base, opened_at_app_root};
pub use badge::use_app_badge;
pub use clock::{fresh_seed, local_date_time, local_time, now, use_clock};
pub use dialog::a_dialog_is_open;
pub use events::{use_event_listener, when_back_in_view};
pub use files::{download, read_progress_file};
pub use focus::focus_screen_heading;
pub use local_storage::LocalStorage;
pub use persistence::use_persistent_storage;
pub use platform::use_data_evicted_unless_installed;
pub use share::{address_of, share_or_copy, Shared};
pub use theme::use_theme;
pub use timing::Timed;
pub use title::use_document_title;
pub use worker::{use_update_ready, UpdateReady};
