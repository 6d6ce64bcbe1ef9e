use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Shows `count` on the installed app's icon (`navigator.setAppBadge`; Chromium's installed
/// apps, Safari's Home Screen apps), and clears the badge when it is 0. Where the Badging API
/// does not exist (a browser tab in Firefox, say) this does nothing.
pub fn use_app_badge(count: Signal<usize>) {
    Effect::new(move |_| {
        let count = count.get();
        let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
            return;
        };
        let (method, argument) = match count {
            0 => ("clearAppBadge", None),
            count => ("setAppBadge", Some(JsValue::from(count as f64))),
        };
        let Some(call) = Reflect::get(&navigator, &method.into())
            .ok()
            .and_then(|value| value.dyn_into::<Function>().ok())
        else {
            return;
        };
        let answer = match argument {
            Some(count) => call.call1(&navigator, &count),
            None => call.call0(&navigator),
        };
        // Refused (not installed, no permission): the badge is an extra, nothing to tell.
        if let Ok(promise) = answer.and_then(|value| value.dyn_into::<Promise>()) {
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    });
}
