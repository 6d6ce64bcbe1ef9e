use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::{download, now, read_progress_file};
use crate::codec::{export, import, Imported};
use crate::deck::{Deck, DECKS};
use crate::quiz::{Progress, ReviewLimit, Settings, Theme};
use crate::ui::AppState;

/// Whose progress a reset forgets.
#[derive(Clone, Copy, Debug)]
enum ResetScope {
    Deck(&'static Deck),
    EveryDeck,
}

impl ResetScope {
    fn includes(self, deck: &Deck) -> bool {
        match self {
            ResetScope::Deck(chosen) => chosen.id == deck.id,
            ResetScope::EveryDeck => true,
        }
    }
}

impl PartialEq for ResetScope {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ResetScope::Deck(a), ResetScope::Deck(b)) => a.id == b.id,
            (ResetScope::EveryDeck, ResetScope::EveryDeck) => true,
            _ => false,
        }
    }
}

/// A native radio button of the group `name`, inside its label.
fn radio_option(
    name: &'static str,
    label: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    pick: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <label class="option">
            <input type="radio" name=name prop:checked=checked on:change=move |_| pick() />
            {label}
        </label>
    }
}

/// Merges what an imported file holds for each deck into that deck's session, and says what
/// came in, deck by deck.
fn imported_message(app: AppState, imported: &Imported) -> String {
    let several = app.decks().len() > 1;
    let mut parts: Vec<String> = imported
        .decks
        .iter()
        .filter_map(|(deck, loaded)| {
            let open = app.deck(deck.id)?;
            let mut report = Default::default();
            open.act(|session| {
                report = session.merge_history(&loaded.progress.history);
                report != Default::default()
            });
            let mut counts = format!(
                "{} questions updated, {} added",
                report.updated, report.added
            );
            match report.uncounted {
                0 => {}
                1 => counts.push_str(", 1 not counted: it changed since it was answered"),
                n => counts.push_str(&format!(
                    ", {n} not counted: they changed since they were answered"
                )),
            }
            Some(if several {
                format!("{}: {counts}", deck.title)
            } else {
                counts
            })
        })
        .collect();
    if !imported.left_out.is_empty() {
        parts.push(format!(
            "left out, not in this app: {}",
            imported.left_out.join(", ")
        ));
    }
    format!(
        "Imported: {}. Your own answers were kept.",
        parts.join("; ")
    )
}

/// The settings of every deck (theme, shuffling, review limit), and the learner's own copy of
/// their progress on every deck: export, import (merged, never replacing) and reset behind a
/// confirmation that names the deck it forgets (the one the learner came from) or every deck.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = AppState::get();
    super::use_visit_settings();
    super::use_title(|| vec!["Settings".to_owned()]);
    let settings = Memo::new(move |_| app.library.with(|library| library.settings.clone()));
    let change = move |change: &dyn Fn(&mut Settings)| {
        app.change_library(|library| library.update_settings(change));
    };
    let (transfer_message, set_transfer_message) = signal(None::<String>);

    let export_progress = move || {
        let decks = app.decks();
        let file = {
            let progress: Vec<(&Deck, Progress)> = decks
                .iter()
                .map(|open| {
                    (
                        open.deck,
                        open.session.with_untracked(|s| s.progress().clone()),
                    )
                })
                .collect();
            let entries: Vec<(&Deck, &Progress)> = progress
                .iter()
                .map(|(deck, progress)| (*deck, progress))
                .collect();
            export(&entries, now())
        };
        let outcome = download("quizdeck-progress.json", &file);
        set_transfer_message.set(Some(match outcome {
            Ok(()) => "Your progress on every deck was exported to a file.".to_owned(),
            Err(_) => "The browser did not let the file be saved.".to_owned(),
        }));
    };

    let import_progress = move |event: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let outcome = read_progress_file(file)
                .await
                .and_then(|raw| import(&raw, DECKS));
            let message = match outcome {
                Ok(imported) => imported_message(app, &imported),
                Err(error) => format!("Nothing was imported: {error}. Your progress is unchanged."),
            };
            set_transfer_message.set(Some(message));
        });
    };

    let confirm = NodeRef::<Dialog>::new();
    let several = app.decks().len() > 1;
    let (reset_scope, set_reset_scope) = signal(ResetScope::EveryDeck);
    let ask_reset = move |_| {
        // The deck the learner came from, as the one a reset most likely means.
        let scope = match (several, app.last_deck()) {
            (true, Some(open)) => ResetScope::Deck(open.deck),
            _ => ResetScope::EveryDeck,
        };
        set_reset_scope.set(scope);
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
        let now = now();
        let scope = reset_scope.get_untracked();
        for open in app.decks() {
            if scope.includes(open.deck) {
                open.act(|session| session.reset(now));
            }
        }
        close_confirm();
        set_transfer_message.set(Some(match scope {
            ResetScope::Deck(deck) => format!("Your progress on {} was reset.", deck.title),
            ResetScope::EveryDeck if several => "Your progress on every deck was reset.".to_owned(),
            ResetScope::EveryDeck => "Your progress was reset.".to_owned(),
        }));
    };
    let scope_option = move |scope: ResetScope, label: &'static str| {
        radio_option(
            "reset-scope",
            label,
            move || reset_scope.get() == scope,
            move || set_reset_scope.set(scope),
        )
    };
    let scope_choice = several.then(|| {
        let decks = DECKS
            .iter()
            .map(|deck| scope_option(ResetScope::Deck(deck), deck.title))
            .collect_view();
        view! {
            <fieldset>
                <legend>"Forget the progress on"</legend>
                {decks}
                {scope_option(ResetScope::EveryDeck, "Every deck")}
            </fieldset>
        }
    });
    let forgotten = move || match reset_scope.get() {
        ResetScope::Deck(deck) => format!(
            "Every answer and the current round in {} will be forgotten; the other decks keep \
             theirs. Export first to keep a copy.",
            deck.title
        ),
        ResetScope::EveryDeck if several => "Every answer and the current round in every deck \
             will be forgotten. Export first to keep a copy."
            .to_owned(),
        ResetScope::EveryDeck => "Every answer and the current round will be forgotten. Export \
             first to keep a copy."
            .to_owned(),
    };

    let theme_option = move |theme: Theme, label: &'static str| {
        radio_option(
            "theme",
            label,
            move || settings.get().theme == theme,
            move || change(&|s| s.theme = theme),
        )
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
                        change(&|s| s.shuffle = !s.shuffle);
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
                            change(&|s| s.daily_review_limit = limit);
                        }
                        // What was typed may be out of range or not a number: show what applies.
                        input.set_value(&settings.get_untracked().daily_review_limit.get().to_string());
                    }
                />
            </label>

            <h2>"Your progress"</h2>
            <p>
                "Progress stays in this browser. Export it to keep a copy or move it to another \
                 device (one file holds every deck); importing merges a file's answers with yours."
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
                <h2 id="reset-title">"Reset progress?"</h2>
                {scope_choice}
                <p aria-live="polite">{forgotten}</p>
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
