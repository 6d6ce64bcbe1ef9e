use leptos::html::Button;
use leptos::prelude::*;

use crate::deck::{Choice, Question};
use crate::quiz::Attempt;

/// An order question's events as a numbered list the learner rearranges with a "Move up" and a
/// "Move down" button per event: native buttons, so it works by keyboard and screen reader,
/// and nothing needs dragging (WCAG 2.2, 2.5.7). Each move is announced with the event's new
/// place. After checking it is disabled and each event says whether it was in its place.
#[component]
pub fn OrderList(
    question: &'static Question,
    /// The events as arranged so far (before checking) or as answered (after).
    #[prop(into)]
    arrangement: Signal<Vec<&'static Choice>>,
    #[prop(into)] checked: Signal<Option<Attempt>>,
    on_move: impl Fn(&'static str, isize) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let (moved, set_moved) = signal(String::new());
    let count = question.choices.len();
    let place_of = move |choice: &'static Choice| {
        move || {
            arrangement.with(|order| {
                order
                    .iter()
                    .position(|other| other.id == choice.id)
                    .unwrap_or_default()
            })
        }
    };
    let row = move |choice: &'static Choice| {
        let place = place_of(choice);
        let right_place = question
            .choices
            .iter()
            .position(|other| other.id == choice.id)
            .unwrap_or_default();
        let is_checked = move || checked.with(Option::is_some);
        let marker = move || match (is_checked(), place() == right_place) {
            (false, _) => String::new(),
            (true, true) => "✓ In its place".to_owned(),
            (true, false) => format!("✗ Belongs at {}", right_place + 1),
        };
        let text_id = format!("order-{}", choice.id);
        let (up, down) = (NodeRef::<Button>::new(), NodeRef::<Button>::new());
        let step = {
            let on_move = on_move.clone();
            move |by: isize| {
                on_move(choice.id, by);
                set_moved.set(format!("Moved to place {} of {count}.", place() + 1));
                // The focus stays with the event that moved (moving its row in the page may
                // drop it), on the other button once this one is disabled at an end.
                // By then the question may be gone (a fast Check, then Next): nothing to do.
                request_animation_frame(move || {
                    let (pressed, other) = if by < 0 { (up, down) } else { (down, up) };
                    let button = |node: NodeRef<Button>| node.try_get_untracked().flatten();
                    let target = button(pressed).filter(|button| !button.disabled());
                    if let Some(button) = target.or_else(|| button(other)) {
                        let _ = button.focus();
                    }
                });
            }
        };
        let step_down = step.clone();
        view! {
            <li
                class="order-item"
                class:right=move || is_checked() && place() == right_place
                class:wrong=move || is_checked() && place() != right_place
            >
                <span class="choice-number" aria-hidden="true">{move || place() + 1}</span>
                <span class="choice-text" id=text_id.clone() inner_html=choice.html></span>
                <span class="order-moves">
                    <button
                        type="button"
                        class="quiet move"
                        node_ref=up
                        aria-describedby=text_id.clone()
                        disabled=move || is_checked() || place() == 0
                        on:click=move |_| step(-1)
                    >
                        <span aria-hidden="true">"↑"</span>
                        <span class="visually-hidden">"Move up"</span>
                    </button>
                    <button
                        type="button"
                        class="quiet move"
                        node_ref=down
                        aria-describedby=text_id
                        disabled=move || is_checked() || place() + 1 == count
                        on:click=move |_| step_down(1)
                    >
                        <span aria-hidden="true">"↓"</span>
                        <span class="visually-hidden">"Move down"</span>
                    </button>
                </span>
                <span class="choice-marker">{marker}</span>
            </li>
        }
    };
    view! {
        <fieldset class="choices order" disabled=move || checked.with(Option::is_some)>
            <legend>"Put these in the order they happen, first at the top"</legend>
            <ol class="order-list">
                <For each=move || arrangement.get() key=|choice| choice.id children=row />
            </ol>
            <p class="visually-hidden" role="status">{moved}</p>
        </fieldset>
    }
}
