use leptos::prelude::*;

use crate::storage::{Fault, LoadNotice};
use crate::ui::AppState;

fn load_message(notice: &LoadNotice) -> String {
    match notice {
        LoadNotice::SetAside { reason, backup_key } => format!(
            "Your saved progress could not be read ({reason}), so you are starting fresh; \
             the old data is kept in this browser's storage under “{backup_key}”."
        ),
        LoadNotice::LeftInPlace { reason } => format!(
            "Your saved progress could not be read ({reason}) and there was no room to copy \
             it aside, so it is left untouched and new progress will not be saved."
        ),
        LoadNotice::DeckChanged => "This deck has been updated: your unfinished round was \
             closed, and your answers to unchanged questions are kept."
            .to_owned(),
        LoadNotice::ReadFailed => "The browser would not let your saved progress be read just \
             now. It is left untouched, and this visit will not be saved over it; reload the \
             page to try again."
            .to_owned(),
    }
}

fn save_message(fault: &Fault) -> Option<String> {
    match fault {
        Fault::Blocked => Some(
            "This browser is blocking storage, so your progress will not be kept after you \
             leave this page."
                .to_owned(),
        ),
        Fault::Full => Some(
            "Storage is full, so your latest answers are not being saved. They will be saved \
             as soon as there is room again."
                .to_owned(),
        ),
        // Already explained by the load notice.
        Fault::Protected => None,
        Fault::Other(name) => Some(format!(
            "Your progress could not be saved ({name}); the quiz keeps working."
        )),
    }
}

/// Tells the learner, in one sentence each, when progress is not being read or kept.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let app = AppState::get();
    let save_message = move || {
        app.save_fault
            .with(|fault| fault.as_ref().and_then(save_message))
    };
    view! {
        {move || {
            app.load_notice
                .with(|notice| notice.as_ref().map(load_message))
                .map(|message| {
                    view! {
                        <div class="notice" role="status" data-testid="load-notice">
                            <p>{message}</p>
                            <button
                                type="button"
                                class="quiet"
                                on:click=move |_| app.load_notice.set(None)
                            >
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
        }}
        <div role="status" class="notice-slot">
            {move || {
                save_message()
                    .map(|message| {
                        view! {
                            <div class="notice warning" data-testid="save-notice">
                                <p>{message}</p>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
