//! The service worker: registering it, noticing a new version, and letting it take over when
//! the learner says so.
//!
//! The worker itself is generated at build time (`scripts/pwa/post-build.mjs`): it precaches
//! every file of the build, and a new version waits until this page asks it to take over, so
//! the app never reloads by itself mid-question. Every browser failure (no service worker
//! support, offline update checks) leaves the quiz working as before.

use std::time::Duration;

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use super::{use_event_listener, when_back_in_view};

/// Relative to the page, so the worker and its scope follow the app under any sub-path.
const WORKER_URL: &str = "sw.js";
/// How often a page left open looks for a new version (also done whenever it becomes visible).
const UPDATE_CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// What [`use_update_ready`] gives the page.
#[derive(Clone, Copy)]
pub struct UpdateReady {
    /// A new version of the app has been downloaded and is waiting.
    pub ready: ReadSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    reload_requested: StoredValue<bool>,
}

impl UpdateReady {
    /// The learner's "Reload": lets the waiting version take over, then reloads into it.
    /// Progress is saved after every action, so nothing is lost.
    pub fn reload(&self) {
        self.reload_requested.set_value(true);
        let waiting = self
            .registration
            .with_value(|registration| registration.as_ref()?.waiting());
        match waiting {
            Some(worker) => {
                let message = Object::new();
                let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                // The worker skips waiting, claims this page, and `controllerchange` reloads it.
                let _ = worker.post_message(&message);
            }
            // Already active (e.g. another tab accepted it first): a plain reload gets it.
            None => reload_page(),
        }
    }
}

/// Registers the service worker (once, when the app has mounted) and says when a new version
/// is waiting. Looks for one every hour and whenever the page comes back into view.
pub fn use_update_ready() -> UpdateReady {
    let (ready, set_ready) = signal(false);
    let update = UpdateReady {
        ready,
        registration: StoredValue::new_local(None),
        reload_requested: StoredValue::new(false),
    };
    Effect::new(move |_| {
        let Some(container) = worker_container() else {
            return;
        };
        // The new worker took control because the learner asked for it: load the new version.
        use_event_listener(&container, "controllerchange", move |_| {
            if update.reload_requested.get_value() {
                reload_page();
            }
        });
        let registering = container.register(WORKER_URL);
        // The listeners added once the registration is known live as long as this effect.
        let owner = Owner::current().unwrap_or_default();
        spawn_local(async move {
            // Something that stubs out workers (a privacy extension, a test harness blocking
            // them) may answer with no registration at all.
            let registration = JsFuture::from(registering)
                .await
                .ok()
                .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok());
            if let Some(registration) = registration {
                owner.with(|| watch(&registration, owner.clone(), move || set_ready.set(true)));
                update.registration.set_value(Some(registration));
            }
        });
        let every_hour =
            set_interval_with_handle(move || check_for_update(update), UPDATE_CHECK_EVERY);
        on_cleanup(move || {
            if let Ok(every_hour) = every_hour {
                every_hour.clear();
            }
        });
        when_back_in_view(move || check_for_update(update));
    });
    update
}

/// Asks the server whether `sw.js` changed; a new worker then installs in the background.
fn check_for_update(update: UpdateReady) {
    let checking = update
        .registration
        .with_value(|registration| registration.as_ref()?.update().ok());
    if let Some(checking) = checking {
        // Offline, this rejects: nothing to do until the next check.
        spawn_local(async move {
            let _ = JsFuture::from(checking).await;
        });
    }
}

/// Calls `on_ready` whenever a version has installed as an update (a page is already
/// controlled), including one that installed while this page was loading.
fn watch(
    registration: &ServiceWorkerRegistration,
    owner: Owner,
    on_ready: impl Fn() + Clone + 'static,
) {
    if registration.waiting().is_some() && has_controller() {
        on_ready();
    }
    if let Some(worker) = registration.installing() {
        watch_installing(worker, on_ready.clone());
    }
    let watched = registration.clone();
    use_event_listener(registration, "updatefound", move |_| {
        if let Some(worker) = watched.installing() {
            owner.with(|| watch_installing(worker, on_ready.clone()));
        }
    });
}

fn watch_installing(worker: ServiceWorker, on_ready: impl Fn() + 'static) {
    let watched = worker.clone();
    use_event_listener(&worker, "statechange", move |_| {
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            on_ready();
        }
    });
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

fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
