//! User Timing: spans of the app's own work recorded as `performance.measure` entries, which
//! the benchmark (`scripts/bench`) reads by name in a throttled browser.

/// A span of work being timed: a mark now, and a measure of the same name when it ends.
pub struct Timed(&'static str);

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

impl Timed {
    /// Begins timing `name` (`quizdeck:load`, `quizdeck:save`).
    pub fn start(name: &'static str) -> Timed {
        if let Some(performance) = performance() {
            // A failed mark only means this span goes unmeasured.
            let _ = performance.mark(name);
        }
        Timed(name)
    }

    /// Records the time since [`Timed::start`] as a measure named as it.
    pub fn measure(self) {
        if let Some(performance) = performance() {
            let _ = performance.measure_with_start_mark(self.0, self.0);
        }
    }
}

impl Drop for Timed {
    /// The mark goes, measured or not, so that marks do not pile up over a long visit.
    fn drop(&mut self) {
        if let Some(performance) = performance() {
            performance.clear_marks_with_mark_name(self.0);
        }
    }
}
