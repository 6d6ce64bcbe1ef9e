use leptos::prelude::*;
use quizdeck::browser::first_screen;
use quizdeck::ui::App;

fn main() {
    // A bug then shows up in the console with its message instead of as a silently dead page.
    console_error_panic_hook::set_once();
    // index.html's first screen stood in while the wasm loaded; the app takes its place in the
    // same frame, carrying on from what the learner did there.
    let mut first_screen = first_screen::take_over();
    let head_start = first_screen.head_start.take();
    mount_to_body(move || view! { <App head_start /> });
    first_screen.restore_focus();
}
