use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// Calls `handler` on every `event` at `target` for as long as the calling component (or
/// reactive owner) lives; the listener is removed and its closure freed when it is cleaned up.
pub fn use_event_listener(
    target: &EventTarget,
    event: &'static str,
    handler: impl FnMut(Event) + 'static,
) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let listening = StoredValue::new_local((target.clone(), closure));
    on_cleanup(move || {
        listening.try_with_value(|(target, closure)| {
            let _ =
                target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        });
    });
}

/// Calls `handler` whenever the page comes back into view (the tab is shown again, the
/// installed app is resumed), for as long as the calling owner lives.
pub fn when_back_in_view(handler: impl Fn() + 'static) {
    use_event_listener(&document(), "visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            handler();
        }
    });
}
