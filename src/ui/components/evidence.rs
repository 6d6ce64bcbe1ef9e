use leptos::prelude::*;

use crate::deck::Evidence;

/// What the answer key rests on, under the explanation: a run against real Django, or the
/// documentation page it was checked against.
#[component]
pub fn EvidenceLine(evidence: Evidence) -> impl IntoView {
    match evidence {
        Evidence::Checked { django } => view! {
            <p class="evidence">
                "Verified by running every option on Django " {django} "."
            </p>
        }
        .into_any(),
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
