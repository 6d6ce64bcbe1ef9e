use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::a_dialog_is_open;

const SHORTCUTS: &[(&str, &str)] = &[
    ("1 – 9", "Choose (or tick) the option with that number"),
    ("H", "Show the hint"),
    ("Enter", "Check the answer, then go to the next question"),
    ("Tab, arrow keys", "Move between controls and options"),
    ("?", "Show this list"),
    ("Escape", "Close this list"),
];

/// The keyboard shortcuts, in a native modal dialog opened with "?" (Escape closes it, as
/// every native dialog does).
#[component]
pub fn ShortcutsHelp() -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let open = move || {
        // Never stacked on another open dialog (the reset confirmation, say).
        if let Some(dialog) = dialog.get_untracked().filter(|_| !a_dialog_is_open()) {
            let _ = dialog.show_modal();
        }
    };
    let on_question_mark = window_event_listener(ev::keydown, move |event| {
        if event.key() == "?" && !event.ctrl_key() && !event.meta_key() && !event.alt_key() {
            event.prevent_default();
            open();
        }
    });
    on_cleanup(move || on_question_mark.remove());
    let rows = SHORTCUTS
        .iter()
        .map(|(keys, action)| view! { <tr><th scope="row"><kbd>{*keys}</kbd></th><td>{*action}</td></tr> })
        .collect_view();
    view! {
        <dialog node_ref=dialog class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <form method="dialog">
                <button type="submit" class="primary">"Close"</button>
            </form>
        </dialog>
        <button type="button" class="quiet shortcuts-link" aria-keyshortcuts="?" on:click=move |_| open()>
            "Keyboard shortcuts (?)"
        </button>
    }
}
