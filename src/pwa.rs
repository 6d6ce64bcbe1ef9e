//! Browser glue for the installable app: the service worker (registration, noticing a new
//! version, letting it take over when the learner says so) and persistent storage.
//!
//! The worker itself is generated at build time (`scripts/pwa/post-build.mjs`): it precaches
//! every file of the build, and a new version waits until this page asks it to take over, so
//! the app never reloads by itself mid-question. Nothing here panics: every browser failure
//! (no service worker support, offline update checks, a refused `persist()`) leaves the quiz
//! working as before.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
    VisibilityState,
};

/// Relative to the page, so the worker and its scope follow the app under any sub-path.
const WORKER_URL: &str = "sw.js";
/// How often a page left open looks for a new version (also done whenever it becomes visible).
const UPDATE_CHECK_MS: i32 = 60 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set only by the learner's "Reload": a worker taking control otherwise reloads nothing.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// Calls `done` once with the promise's value, or with `None` when it rejects. Rejections are
/// expected (offline, no worker in a dev server) and handled here, so none reaches the console.
fn settle(promise: &Promise, done: impl FnOnce(Option<JsValue>) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let on_value = {
        let done = done.clone();
        Closure::once_into_js(move |value: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(Some(value));
            }
        })
    };
    let on_error = Closure::once_into_js(move |_: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            done(None);
        }
    });
    let then = Reflect::get(promise, &"then".into()).and_then(|then| then.dyn_into::<Function>());
    if let Ok(then) = then {
        let _ = then.call2(promise, &on_value, &on_error);
    }
}

fn worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some private modes: then the app simply is not offline.
    let container = Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!container.is_undefined() && !container.is_null()).then(|| container.unchecked_into())
}

fn has_controller() -> bool {
    worker_container().is_some_and(|container| container.controller().is_some())
}

/// Calls `on_ready` once `worker` has installed as an update (a page is already controlled).
fn watch_installing(worker: ServiceWorker, on_ready: Rc<dyn Fn()>) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            on_ready();
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    // Lives as long as the worker object: one per version, a few per page lifetime at most.
    on_state_change.forget();
}

fn watch_registration(registration: &ServiceWorkerRegistration, on_ready: Rc<dyn Fn()>) {
    // A version that installed while this page was loading (e.g. found by the navigation itself).
    if registration.waiting().is_some() && has_controller() {
        on_ready();
    }
    if let Some(worker) = registration.installing() {
        watch_installing(worker, on_ready.clone());
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = watched.installing() {
            watch_installing(worker, on_ready.clone());
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Asks the server whether `sw.js` changed; a new worker then installs in the background.
pub fn check_for_update() {
    REGISTRATION.with_borrow(|registration| {
        if let Some(promise) = registration.as_ref().and_then(|r| r.update().ok()) {
            settle(&promise, |_| {});
        }
    });
}

fn check_for_updates_periodically() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        let visible = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.visibility_state() == VisibilityState::Visible);
        if visible {
            check_for_update();
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    on_visible.forget();
    let every_hour = Closure::<dyn FnMut()>::new(check_for_update);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        every_hour.as_ref().unchecked_ref(),
        UPDATE_CHECK_MS,
    );
    every_hour.forget();
}

/// Registers the service worker and calls `on_update_ready` whenever a new version of the app
/// has been downloaded and is waiting. Call once, when the app starts.
pub fn register_worker(on_update_ready: impl Fn() + 'static) {
    let Some(container) = worker_container() else {
        return;
    };
    let on_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);

    // The new worker took control because the learner asked for it: load the new version.
    let on_controller_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_REQUESTED.get() {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    settle(&container.register(WORKER_URL), move |registration| {
        // Something that stubs out workers (a privacy extension, a test harness blocking them)
        // may answer with no registration at all.
        let registration = registration.and_then(|value| value.dyn_into().ok());
        let Some(registration): Option<ServiceWorkerRegistration> = registration else {
            return;
        };
        watch_registration(&registration, on_ready);
        REGISTRATION.set(Some(registration));
        check_for_updates_periodically();
    });
}

/// The learner's "Reload": lets the waiting version take over, then reloads into it. Progress
/// is saved after every action, so nothing is lost.
pub fn activate_update() {
    RELOAD_REQUESTED.set(true);
    let waiting = REGISTRATION.with_borrow(|registration| registration.as_ref()?.waiting());
    match waiting {
        Some(worker) => {
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            // The worker skips waiting, claims this page, and `controllerchange` reloads it.
            let _ = worker.post_message(&message);
        }
        None => {
            // Already active (e.g. another tab accepted it first): a plain reload gets it.
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    (!storage.is_undefined() && !storage.is_null()).then(|| storage.unchecked_into())
}

fn storage_call(ask: bool, done: impl FnOnce(bool) + 'static) {
    let promise = storage_manager().and_then(|storage| {
        if ask {
            storage.persist().ok()
        } else {
            storage.persisted().ok()
        }
    });
    match promise {
        Some(promise) => settle(&promise, move |granted| {
            done(
                granted
                    .and_then(|granted| granted.as_bool())
                    .unwrap_or(false),
            )
        }),
        None => done(false),
    }
}

/// Whether the browser has promised not to evict this site's data under storage pressure.
pub fn storage_persisted(done: impl FnOnce(bool) + 'static) {
    storage_call(false, done);
}

/// Asks the browser to keep this site's data (`navigator.storage.persist()`). Chromium decides
/// silently (installed or engaged sites get it); Firefox may ask the learner.
pub fn request_persistent_storage(done: impl FnOnce(bool) + 'static) {
    storage_call(true, done);
}

/// Running as an installed app (home-screen icon) rather than in a browser tab.
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    // iOS Safari's own flag for a page opened from the home screen.
    let ios_standalone = Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    standalone || ios_standalone
}

/// Safari and every iOS browser (all WebKit): they delete a site's data after 7 days without a
/// visit unless the site was added to the home screen.
pub fn is_webkit() -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    let agent = navigator.user_agent().unwrap_or_default();
    is_apple_webkit(&agent, navigator.max_touch_points())
}

/// Whether this user agent is Safari on a Mac, or any browser on an iPhone or iPad. Only
/// Apple's systems: WebKitGTK and WPE browsers on Linux (GNOME Web, MiniBrowser) also end their
/// user agent in "Safari/605.1.15", but have no Home Screen to add the app to.
fn is_apple_webkit(agent: &str, max_touch_points: i32) -> bool {
    let mac = agent.contains("Macintosh");
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|device| agent.contains(device))
        // iPadOS asks for desktop pages and calls itself a Mac, but has a touch screen.
        || (mac && max_touch_points > 1);
    let mac_safari = mac
        && agent.contains("Safari")
        && !["Chrome", "Chromium", "Edg", "OPR", "Firefox"]
            .iter()
            .any(|other| agent.contains(other));
    ios || mac_safari
}

#[cfg(test)]
mod tests {
    use super::is_apple_webkit;

    const IPHONE: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 \
                          (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) \
                                 AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                              (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 \
                              (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
    /// WebKitGTK's MiniBrowser 2.50 (the WebKit of the engines suite), and GNOME Web.
    const WEBKITGTK: &str =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                             Version/60.5 Safari/605.1.15";
    const EPIPHANY: &str = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 \
                            (KHTML, like Gecko) Version/17.0 Safari/605.1.15 Epiphany/605.1.15";
    const LINUX_FIREFOX: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 \
                                  (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36";

    #[test]
    fn every_browser_on_iphone_and_ipad_and_safari_on_a_mac() {
        assert!(is_apple_webkit(IPHONE, 5));
        assert!(is_apple_webkit(IPHONE_CHROME, 5));
        assert!(is_apple_webkit(MAC_SAFARI, 0));
        // iPadOS: a "Mac" with a touch screen, whichever browser.
        assert!(is_apple_webkit(MAC_CHROME, 5));
    }

    #[test]
    fn not_webkit_on_linux_nor_other_engines() {
        assert!(!is_apple_webkit(WEBKITGTK, 0));
        assert!(!is_apple_webkit(EPIPHANY, 0));
        assert!(!is_apple_webkit(MAC_CHROME, 0));
        assert!(!is_apple_webkit(LINUX_FIREFOX, 0));
        assert!(!is_apple_webkit(ANDROID_CHROME, 5));
    }
}
