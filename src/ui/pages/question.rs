use leptos::ev;
use leptos::html::H1;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::browser::now;
use crate::deck::QuestionKind;
use crate::quiz::{chosen_choices, CurrentQuestion, Session};
use crate::ui::components::{ChoiceList, Feedback, Hint, OrderList};
use crate::ui::use_open_deck;

/// The question in front of the learner. It is rebuilt only when the question changes;
/// selection, hint and feedback update in place so focus is never lost.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let open = use_open_deck();
    let current = Memo::new(move |_| open.session.with(Session::current_question));
    super::use_title(move || {
        let position = current.with(|current| {
            current
                .as_ref()
                .map(|current| format!("Question {} of {}", current.position + 1, current.total))
        });
        position
            .into_iter()
            .chain([open.deck.title.to_owned()])
            .collect()
    });
    move || {
        current
            .get()
            .map(|current| view! { <QuestionCard current /> })
    }
}

#[component]
fn QuestionCard(current: CurrentQuestion) -> impl IntoView {
    let open = use_open_deck();
    let session = open.session;
    let draft = Memo::new(move |_| session.with(|s| s.draft().cloned()));
    let checked = Memo::new(move |_| session.with(|s| s.feedback().cloned()));
    let selected = Signal::derive(move || {
        draft.with(|d| d.as_ref().map(|d| d.selected.clone()).unwrap_or_default())
    });
    let hint_shown = Signal::derive(move || {
        draft.with(|d| d.as_ref().is_some_and(|d| d.hint_shown))
            || checked.with(|a| a.as_ref().is_some_and(|a| a.hint_used))
    });

    let select = move |choice_id: &str| {
        open.act(|s| s.select(choice_id));
    };
    let move_choice = move |choice_id: &str, by: isize| {
        open.act(|s| s.move_choice(choice_id, by));
    };
    let show_hint = move || {
        open.act(Session::show_hint);
    };
    let check = move || {
        open.act(|s| s.check(now()));
    };
    let next = move || {
        open.act(Session::next_question);
    };

    let choice_ids: Vec<&'static str> = current.choices.iter().map(|choice| choice.id).collect();
    let shortcuts = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        if event.default_prevented() || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        match event.key().as_str() {
            // Buttons and links already act on Enter themselves.
            "Enter" if !targets_native_control(&event) => {
                event.prevent_default();
                if checked.with_untracked(Option::is_some) {
                    next();
                } else {
                    check();
                }
            }
            "h" | "H" => show_hint(),
            key => {
                let digit = key.parse::<usize>().ok().filter(|&digit| digit >= 1);
                if let Some(id) = digit.and_then(|digit| choice_ids.get(digit - 1)) {
                    select(id);
                }
            }
        }
    });
    on_cleanup(move || shortcuts.remove());

    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        // A new question takes focus, so keyboard and screen reader users start at its top;
        // a restored feedback panel takes focus itself.
        if let Some(heading) = heading.get() {
            if checked.with_untracked(Option::is_none) {
                let _ = heading.focus();
            }
        }
    });

    let CurrentQuestion {
        position,
        total,
        question,
        choices,
    } = current;
    let is_last = position + 1 == total;
    let is_order = question.kind == QuestionKind::Order;
    let shown: Vec<&'static str> = choices.iter().map(|choice| choice.id).collect();
    let options = if is_order {
        let arranged = Memo::new(move |_| session.with(Session::arrangement));
        let arrangement = Signal::derive(move || match checked.get() {
            Some(attempt) => chosen_choices(question, &attempt),
            None => arranged
                .get()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|id| question.choice(id))
                .collect(),
        });
        view! { <OrderList question arrangement checked on_move=move |id, by| move_choice(id, by) /> }
            .into_any()
    } else {
        view! {
            <ChoiceList
                choices
                kind=question.kind
                selected
                checked
                on_select=move |id| select(id)
            />
        }
        .into_any()
    };
    view! {
        <article class="question" aria-labelledby="question-number" data-question=question.id>
            <h1 id="question-number" tabindex="-1" node_ref=heading>
                "Question " {position + 1} " of " {total}
            </h1>
            <progress max=total value=position aria-hidden="true"></progress>
            <div class="prompt" inner_html=question.prompt_html></div>
            {options}
            <Hint
                hint_html=question.hint_html
                shown=hint_shown
                available=Signal::derive(move || checked.with(Option::is_none))
                on_show=show_hint
            />
            {move || match checked.get() {
                None => {
                    view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="primary"
                                data-boot="check"
                                disabled=move || !is_order && selected.with(Vec::is_empty)
                                on:click=move |_| check()
                            >
                                "Check"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Some(attempt) => {
                    let shown = shown.clone();
                    view! { <Feedback attempt question shown is_last on_next=next /> }.into_any()
                }
            }}
        </article>
    }
}

fn targets_native_control(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}
