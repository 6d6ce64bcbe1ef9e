use leptos::prelude::*;

use crate::deck::Choice;
use crate::quiz::Attempt;

/// The options as a native radio group. After checking it is disabled and marks, in words as
/// well as colour, the right answer and the learner's choice.
#[component]
pub fn ChoiceList(
    choices: Vec<&'static Choice>,
    #[prop(into)] selected: Signal<Option<String>>,
    #[prop(into)] checked: Signal<Option<Attempt>>,
    on_select: impl Fn(&'static str) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let rows = choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let on_select = on_select.clone();
            let chosen_after_check =
                move || checked.with(|a| a.as_ref().is_some_and(|a| a.choice_id == choice.id));
            let marker = move || {
                let shown = checked.with(Option::is_some);
                match (shown && choice.correct, shown && chosen_after_check()) {
                    (true, true) => "✓ Your answer, right",
                    (true, false) => "✓ Right answer",
                    (false, true) => "✗ Your answer",
                    (false, false) => "",
                }
            };
            view! {
                <label
                    class="choice"
                    class:right=move || checked.with(Option::is_some) && choice.correct
                    class:wrong=move || chosen_after_check() && !choice.correct
                >
                    <input
                        type="radio"
                        name="choice"
                        value=choice.id
                        aria-keyshortcuts=(index + 1).to_string()
                        prop:checked=move || {
                            selected.with(|s| s.as_deref() == Some(choice.id))
                                || chosen_after_check()
                        }
                        on:change=move |_| on_select(choice.id)
                    />
                    <span class="choice-number" aria-hidden="true">
                        {index + 1}
                    </span>
                    <span class="choice-text" inner_html=choice.html></span>
                    <span class="choice-marker">{marker}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices" disabled=move || checked.with(Option::is_some)>
            <legend>"Choose one answer"</legend>
            {rows}
        </fieldset>
    }
}
