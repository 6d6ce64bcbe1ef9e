use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{download, now, read_progress_file};
use crate::codec::{export, import};
use crate::quiz::{ReviewLimit, Theme};
use crate::quiz::{Screen, Session};
use crate::ui::AppState;

/// Theme, shuffling, review limit, and the learner's own copy of their progress: export,
/// import (merged, never replacing) and reset behind a confirmation.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = AppState::get();
    super::use_visit(Screen::Settings);
    let settings = Memo::new(move |_| app.session.with(|session| session.settings().clone()));
    let deck = app.session.with_untracked(Session::deck);
    let (transfer_message, set_transfer_message) = signal(None::<String>);

    let export_progress = move || {
        let file = app
            .session
            .with_untracked(|session| export(session.progress(), deck, now()));
        let outcome = download(&format!("quizdeck-{}-progress.json", deck.id), &file);
        set_transfer_message.set(Some(match outcome {
            Ok(()) => "Your progress was exported to a file.".to_owned(),
            Err(_) => "The browser did not let the file be saved.".to_owned(),
        }));
    };

    let import_progress = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let outcome = read_progress_file(file)
                .await
                .and_then(|raw| import(&raw, deck));
            let message = match outcome {
                Ok(imported) => {
                    let mut report = Default::default();
                    app.act(|session| {
                        report = session.merge_history(&imported.history);
                        report != Default::default()
                    });
                    format!(
                        "Imported: {} questions updated, {} added. Your own answers were kept.",
                        report.updated, report.added
                    )
                }
                Err(error) => format!("Nothing was imported: {error}. Your progress is unchanged."),
            };
            set_transfer_message.set(Some(message));
        });
    };

    let confirm = NodeRef::<Dialog>::new();
    let ask_reset = move |_| {
        if let Some(dialog) = confirm.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let close_confirm = move || {
        if let Some(dialog) = confirm.get_untracked() {
            dialog.close();
        }
    };
    let reset = move |_| {
        app.act(|session| session.reset(now()));
        close_confirm();
        set_transfer_message.set(Some("Your progress was reset.".to_owned()));
    };

    let theme_option = move |theme: Theme, label: &'static str| {
        view! {
            <label class="option">
                <input
                    type="radio"
                    name="theme"
                    prop:checked=move || settings.get().theme == theme
                    on:change=move |_| {
                        app.act(|session| session.update_settings(|s| s.theme = theme));
                    }
                />
                {label}
            </label>
        }
    };

    view! {
        <section class="settings" aria-labelledby="settings-title">
            <h1 id="settings-title" tabindex="-1">"Settings"</h1>
            <fieldset>
                <legend>"Theme"</legend>
                {theme_option(Theme::System, "Same as the system")}
                {theme_option(Theme::Light, "Light")}
                {theme_option(Theme::Dark, "Dark")}
            </fieldset>
            <label class="option">
                <input
                    type="checkbox"
                    prop:checked=move || settings.get().shuffle
                    on:change=move |_| {
                        app.act(|session| session.update_settings(|s| s.shuffle = !s.shuffle));
                    }
                />
                "Shuffle the options of each new round"
            </label>
            <label class="field">
                "Questions per review round (at most)"
                <input
                    type="number"
                    min=ReviewLimit::MIN
                    max=ReviewLimit::MAX
                    inputmode="numeric"
                    prop:value=move || settings.get().daily_review_limit.get().to_string()
                    on:change:target=move |event| {
                        let input = event.target();
                        if let Ok(typed) = input.value().parse::<u32>() {
                            let limit = ReviewLimit::new(typed);
                            app.act(|session| {
                                session.update_settings(|s| s.daily_review_limit = limit)
                            });
                        }
                        // What was typed may be out of range or not a number: show what applies.
                        input.set_value(&settings.get_untracked().daily_review_limit.get().to_string());
                    }
                />
            </label>

            <h2>"Your progress"</h2>
            <p>
                "Progress stays in this browser. Export it to keep a copy or move it to another \
                 device; importing merges a file's answers with yours."
            </p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| export_progress()>
                    "Export progress"
                </button>
                <label class="file-button">
                    "Import progress"
                    <input
                        type="file"
                        accept=".json,application/json"
                        class="visually-hidden"
                        on:change=import_progress
                    />
                </label>
                <button type="button" class="danger" on:click=ask_reset>
                    "Reset progress…"
                </button>
            </div>
            <p role="status" data-testid="transfer-message">{move || transfer_message.get()}</p>

            <dialog node_ref=confirm aria-labelledby="reset-title">
                <h2 id="reset-title">"Reset all progress?"</h2>
                <p>
                    "Every answer and the current round will be forgotten. Export first to keep a copy."
                </p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| export_progress()>
                        "Export first"
                    </button>
                    <button type="button" class="danger" on:click=reset>
                        "Reset"
                    </button>
                    <button type="button" class="primary" on:click=move |_| close_confirm()>
                        "Cancel"
                    </button>
                </div>
            </dialog>
        </section>
    }
}
