use leptos::prelude::*;

use crate::deck::{
    Deck, Evidence, Handler, Oracle, Question, Receipt, ReceiptFor, Runner, Versions,
};
use crate::ui::drawn_when_opened::DrawnWhenOpened;
use crate::ui::use_open_deck;

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

/// The evidence line of a checked question.
fn proven_line(deck: &Deck, handlers: &[Handler]) -> String {
    let Oracle {
        runner,
        proven_with,
        release_line,
    } = deck.oracle;
    let line = release_line.map_or(String::new(), |line| format!(" ({line})"));
    let under = if handlers.is_empty() {
        String::new()
    } else {
        format!(" under {}", in_words(handlers))
    };
    match runner {
        Runner::Django => {
            format!("Proven by running every option against {proven_with}{line}{under}.")
        }
        Runner::Python => {
            format!("Proven by running every option on {proven_with}{line}, with no Django.")
        }
    }
}

/// What the answer key rests on, under the explanation: a run by the deck's oracle, against
/// real Django or on plain Python (with, one click away, what happened in each run), or the
/// documentation page it was checked against. `shown`: the choices' ids in the order they are numbered on screen; `chosen`: the
/// learner's.
#[component]
pub fn EvidenceLine(
    question: &'static Question,
    shown: Vec<&'static str>,
    chosen: Vec<String>,
) -> impl IntoView {
    let deck = use_open_deck().deck;
    match question.evidence {
        Evidence::Checked => {
            let line = proven_line(deck, &handlers_of(question.receipts));
            view! {
                <p class="evidence">{line}</p>
                <ReceiptList deck question shown chosen />
            }
            .into_any()
        }
        Evidence::Source {
            title,
            url,
            version,
        } => view! {
            <p class="evidence">
                "Source: " {docs_of(deck)} " " {version} " docs, "
                <a href=url target="_blank" rel="noopener noreferrer">
                    {title}
                </a>
            </p>
        }
        .into_any(),
    }
}

/// Whose documentation a deck's sources cite.
fn docs_of(deck: &Deck) -> &'static str {
    match deck.oracle.runner {
        Runner::Django => "Django",
        Runner::Python => "Python",
    }
}

fn versions_line(deck: &Deck, versions: &Versions) -> String {
    if deck.oracle.runner == Runner::Python {
        return format!(
            "Run with Python {}, its standard library only.",
            versions.python
        );
    }
    // A Django deck's receipts record the whole stack (the compiler requires it).
    format!(
        "Run with Python {}, Django {}, asgiref {} and uvicorn {}. Django 6 is not covered: it \
         needs Python 3.12, and the machines that prove this deck have 3.11.",
        versions.python,
        versions.django.unwrap_or_default(),
        versions.asgiref.unwrap_or_default(),
        versions.uvicorn.unwrap_or_default()
    )
}

/// The receipts: what Django (or Python) did in each of the oracle's runs of this question,
/// collapsed. Their rows are drawn when the learner first opens them: most never do, and
/// drawing them was part of the work between Check and the painted feedback.
#[component]
fn ReceiptList(
    deck: &'static Deck,
    question: &'static Question,
    shown: Vec<&'static str>,
    chosen: Vec<String>,
) -> impl IntoView {
    if question.receipts.is_empty() {
        return ().into_any();
    }
    let ran = deck.oracle.proven_with;
    let drawn = DrawnWhenOpened::new();
    view! {
        <details
            class="receipts"
            data-testid="receipts"
            node_ref=drawn.node_ref
            on:toggle=drawn.on_toggle()
        >
            <summary>"What " {ran} " did"</summary>
            {move || drawn.opened().then(|| receipt_rows(deck, question, &shown, &chosen))}
        </details>
    }
    .into_any()
}

/// Each run of `question` in a line, and the versions they ran with.
fn receipt_rows(
    deck: &'static Deck,
    question: &'static Question,
    shown: &[&'static str],
    chosen: &[String],
) -> impl IntoView {
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
        <ul>{rows}</ul>
        {deck.versions.as_ref().map(|versions| view! { <p>{versions_line(deck, versions)}</p> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::DECKS;

    fn deck(id: &str) -> &'static Deck {
        match DECKS.iter().copied().find(|deck| deck.id == id) {
            Some(deck) => deck,
            None => panic!("deck {id:?} is not compiled in"),
        }
    }

    #[test]
    fn a_django_deck_is_proven_against_its_django() {
        let line = proven_line(deck("django-async"), &[Handler::Asgi, Handler::AsyncClient]);
        assert_eq!(
            line,
            "Proven by running every option against Django 5.2.19 (the 5.2 LTS) under uvicorn \
             (ASGI) and Django's AsyncClient."
        );
    }

    #[test]
    fn a_python_deck_is_proven_on_python_and_names_no_django() {
        let asyncio = deck("asyncio-basics");
        assert_eq!(
            proven_line(asyncio, &[Handler::Script]),
            "Proven by running every option on Python 3.11, with no Django."
        );
        assert_eq!(asyncio.oracle.proven_with, "Python 3.11");
        assert_eq!(docs_of(asyncio), "Python");
        assert_eq!(
            asyncio
                .versions
                .map(|versions| versions_line(asyncio, &versions))
                .as_deref(),
            Some("Run with Python 3.11, its standard library only.")
        );
    }
}
