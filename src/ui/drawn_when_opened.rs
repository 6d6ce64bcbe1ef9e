use leptos::html::Details;
use leptos::prelude::*;

/// A `<details>` whose content is drawn only once the learner first opens it: most never open
/// it, and drawing hidden content (a question's receipts, years of attempts or study days) was
/// work on the way to showing the page. Put `node_ref` and `on:toggle=…on_toggle()` on the
/// element, and draw its content while [`DrawnWhenOpened::opened`] says so; it stays drawn
/// once opened.
#[derive(Clone, Copy)]
pub struct DrawnWhenOpened {
    pub node_ref: NodeRef<Details>,
    opened: RwSignal<bool>,
}

impl DrawnWhenOpened {
    pub fn new() -> Self {
        DrawnWhenOpened {
            node_ref: NodeRef::new(),
            opened: RwSignal::new(false),
        }
    }

    pub fn on_toggle(self) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        move |_| {
            if self
                .node_ref
                .get_untracked()
                .is_some_and(|details| details.open())
            {
                self.opened.set(true);
            }
        }
    }

    /// Whether the learner has opened it (tracked).
    pub fn opened(self) -> bool {
        self.opened.get()
    }
}
