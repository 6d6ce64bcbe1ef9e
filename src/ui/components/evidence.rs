use leptos::prelude::*;

use crate::deck::{Evidence, Handler, Question, Receipt, ReceiptFor, Versions, DECK};

fn handler_name(handler: Handler) -> &'static str {
    match handler {
        Handler::Asgi => "uvicorn (ASGI)",
        Handler::AsyncClient => "Django's AsyncClient",
        Handler::Wsgi => "Django's WSGI handler",
        Handler::Script => "plain Python",
    }
}

/// "uvicorn (ASGI), Django's AsyncClient and plain Python".
fn in_words(handlers: &[Handler]) -> String {
    let names: Vec<&str> = handlers.iter().copied().map(handler_name).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Every handler the question's runs used, in the order they first appear.
fn handlers_of(receipts: &[Receipt]) -> Vec<Handler> {
    let mut all: Vec<Handler> = Vec::new();
    for handler in receipts.iter().flat_map(|receipt| receipt.handlers) {
        if !all.contains(handler) {
            all.push(*handler);
        }
    }
    all
}

/// What the answer key rests on, under the explanation: a run against real Django (with, one
/// click away, what Django did for each run), or the documentation page it was checked
/// against. `shown`: the choices' ids in the order they are numbered on screen; `chosen`: the
/// learner's.
#[component]
pub fn EvidenceLine(
    question: &'static Question,
    shown: Vec<&'static str>,
    chosen: Vec<String>,
) -> impl IntoView {
    match question.evidence {
        Evidence::Checked { django } => {
            let handlers = handlers_of(question.receipts);
            let under = (!handlers.is_empty()).then(|| format!(" under {}", in_words(&handlers)));
            view! {
                <p class="evidence">
                    "Proven by running every option against Django " {django} " (the 5.2 LTS)"
                    {under} "."
                </p>
                <ReceiptList question shown chosen />
            }
            .into_any()
        }
        Evidence::Source {
            title,
            url,
            version,
        } => view! {
            <p class="evidence">
                "Source: Django " {version} " docs, "
                <a href=url target="_blank" rel="noopener noreferrer">
                    {title}
                </a>
            </p>
        }
        .into_any(),
    }
}

fn versions_line(versions: &Versions) -> String {
    // The Django deck's receipts record the whole stack (the compiler requires it).
    format!(
        "Run with Python {}, Django {}, asgiref {} and uvicorn {}. Django 6 is not covered: it \
         needs Python 3.12, and the machines that prove this deck have 3.11.",
        versions.python,
        versions.django.unwrap_or_default(),
        versions.asgiref.unwrap_or_default(),
        versions.uvicorn.unwrap_or_default()
    )
}

/// The receipts: what Django did in each of the oracle's runs of this question, collapsed.
#[component]
fn ReceiptList(
    question: &'static Question,
    shown: Vec<&'static str>,
    chosen: Vec<String>,
) -> impl IntoView {
    if question.receipts.is_empty() {
        return ().into_any();
    }
    let django = DECK
        .versions
        .and_then(|versions| versions.django)
        .unwrap_or("");
    let rows = question
        .receipts
        .iter()
        .map(|receipt| {
            let what = match receipt.of {
                ReceiptFor::Choice(id) => {
                    let number = shown
                        .iter()
                        .position(|shown| *shown == id)
                        .map_or(0, |i| i + 1);
                    let yours = if chosen.iter().any(|chosen| chosen == id) {
                        " (your answer)"
                    } else {
                        ""
                    };
                    view! { <strong>"Option " {number} {yours}</strong> }.into_any()
                }
                ReceiptFor::Check => view! { <strong>"The question's code"</strong> }.into_any(),
                ReceiptFor::Proof { says_html } => {
                    view! { <strong inner_html=says_html></strong> }.into_any()
                }
            };
            view! {
                <li>
                    {what} ", under " {in_words(receipt.handlers)} ": " {receipt.summary}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="receipts" data-testid="receipts">
            <summary>"What Django " {django} " did"</summary>
            <ul>{rows}</ul>
            {DECK.versions.as_ref().map(|versions| view! { <p>{versions_line(versions)}</p> })}
        </details>
    }
    .into_any()
}
