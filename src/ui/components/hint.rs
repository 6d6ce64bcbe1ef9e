use leptos::prelude::*;

/// "Show hint", then the hint itself.
#[component]
pub fn Hint(
    hint_html: &'static str,
    #[prop(into)] shown: Signal<bool>,
    /// Whether the hint can still be asked for (not after checking).
    #[prop(into)]
    available: Signal<bool>,
    on_show: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Show
            when=move || shown.get()
            fallback=move || {
                let on_show = on_show.clone();
                view! {
                    <button
                        type="button"
                        class="secondary"
                        aria-keyshortcuts="h"
                        data-boot="hint"
                        disabled=move || !available.get()
                        on:click=move |_| on_show()
                    >
                        "Show hint"
                    </button>
                }
            }
        >
            <aside class="hint" aria-label="Hint">
                <strong>"Hint: "</strong>
                <span inner_html=hint_html></span>
            </aside>
        </Show>
    }
}
