use std::num::NonZeroUsize;

use leptos::prelude::*;

use crate::deck::Deck;
use crate::quiz::UpdateCost;
use crate::storage::{Fault, LoadNotice};
use crate::ui::AppState;

fn load_message(deck: &Deck, notice: &LoadNotice) -> String {
    let title = deck.title;
    match notice {
        LoadNotice::SetAside { reason, backup_key } => format!(
            "Your saved progress on {title} could not be read ({reason}), so you are starting \
             fresh; the old data is kept in this browser's storage under “{backup_key}”."
        ),
        LoadNotice::LeftInPlace { reason } => format!(
            "Your saved progress on {title} could not be read ({reason}) and there was no room \
             to copy it aside, so it is left untouched and new progress will not be saved."
        ),
        LoadNotice::DeckUpdated(cost) => deck_update_message(title, *cost),
        LoadNotice::WrittenByNewerVersion => format!(
            "Your progress on {title} was saved by a newer version of quizdeck, in another tab \
             or on an earlier visit. This page leaves it untouched and will not save over it: \
             reload the page, or close and reopen the app, to carry on with the newer version."
        ),
        LoadNotice::ReadFailed => format!(
            "The browser would not let your saved progress on {title} be read just now. It is \
             left untouched, and this visit will not be saved over it; reload the page to try \
             again."
        ),
    }
}

fn deck_update_message(title: &str, cost: UpdateCost) -> String {
    let uncounted = |questions: NonZeroUsize| match questions.get() {
        1 => "1 question you had answered has changed or been removed, so your answers to it \
              no longer count toward it"
            .to_owned(),
        n => format!(
            "{n} questions you had answered have changed or been removed, so your answers to \
             them no longer count toward them"
        ),
    };
    match cost {
        UpdateCost::RoundClosed => format!(
            "{title} has been updated: your unfinished round no longer fits it, so it was \
             closed. All your answers are kept."
        ),
        UpdateCost::RoundClosedAndAnswersUncounted { questions } => format!(
            "{title} has been updated: your unfinished round was closed, and {}. All your \
             answers are kept, and your days of study stay as they were.",
            uncounted(questions)
        ),
        UpdateCost::AnswersUncounted { questions } => format!(
            "{title} has been updated: {}. All your answers are kept, and your days of study \
             stay as they were.",
            uncounted(questions)
        ),
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
            app.load_notices
                .get()
                .into_iter()
                .map(|(deck, notice)| {
                    let dismiss = move |_| {
                        app.load_notices.update(|notices| notices.retain(|(shown, _)| shown.id != deck.id));
                    };
                    view! {
                        <div class="notice" role="status" data-testid="load-notice">
                            <p>{load_message(deck, &notice)}</p>
                            <button type="button" class="quiet" on:click=dismiss>
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
                .collect_view()
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
