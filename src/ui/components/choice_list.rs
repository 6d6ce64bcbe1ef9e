use leptos::prelude::*;

use crate::deck::{Choice, QuestionKind};
use crate::quiz::Attempt;

/// What an option's row says after checking, in words as well as colour.
fn verdict(choice: &Choice, chosen: bool, select_all: bool) -> &'static str {
    match (choice.correct, chosen, select_all) {
        (true, true, false) => "✓ Your answer, right",
        (true, true, true) => "✓ Right, and you selected it",
        (true, false, false) => "✓ Right answer",
        (true, false, true) => "✗ Right, but you left it out",
        (false, true, _) => "✗ Your answer, wrong",
        (false, false, true) => "✓ Wrong, and you left it out",
        (false, false, false) => "",
    }
}

/// The options of a single-choice question as a native radio group ("choose one"), of a
/// multi-select one as a group of checkboxes ("select all that apply"). After checking it is
/// disabled and marks each option; on a multi-select question every option also says why it
/// is right or wrong. (Order questions have their own list, [`OrderList`](super::OrderList).)
#[component]
pub fn ChoiceList(
    choices: Vec<&'static Choice>,
    kind: QuestionKind,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] checked: Signal<Option<Attempt>>,
    on_select: impl Fn(&'static str) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let select_all = kind == QuestionKind::Multiple;
    let (input_type, legend) = match select_all {
        false => ("radio", "Choose one answer"),
        true => ("checkbox", "Select all that apply"),
    };
    let rows = choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let on_select = on_select.clone();
            let is_checked = move || checked.with(Option::is_some);
            let chosen_after_check =
                move || checked.with(|a| a.as_ref().is_some_and(|a| a.chose(choice.id)));
            let marker = move || {
                checked.with(|attempt| {
                    attempt
                        .as_ref()
                        .map(|attempt| verdict(choice, attempt.chose(choice.id), select_all))
                        .unwrap_or_default()
                })
            };
            let reason = move || {
                (is_checked() && select_all && !choice.reason_html.is_empty()).then(
                    || view! { <span class="choice-reason" inner_html=choice.reason_html></span> },
                )
            };
            view! {
                <label
                    class="choice"
                    class:right=move || is_checked() && choice.correct
                    class:wrong=move || chosen_after_check() && !choice.correct
                >
                    <input
                        type=input_type
                        name="choice"
                        value=choice.id
                        aria-keyshortcuts=(index + 1).to_string()
                        prop:checked=move || {
                            selected.with(|s| s.iter().any(|id| id == choice.id))
                                || chosen_after_check()
                        }
                        on:change=move |_| on_select(choice.id)
                    />
                    <span class="choice-number" aria-hidden="true">
                        {index + 1}
                    </span>
                    <span class="choice-text" inner_html=choice.html></span>
                    <span class="choice-marker">{marker}</span>
                    {reason}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices" disabled=move || checked.with(Option::is_some)>
            <legend>{legend}</legend>
            {rows}
        </fieldset>
    }
}
