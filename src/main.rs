fn main() {
    // A bug then shows up in the console with its message instead of as a silently dead page.
    console_error_panic_hook::set_once();
    // index.html's first screen stood in while the wasm loaded; the app takes its place in the
    // same frame. (Hiding it with `body:has(main)` instead made every DOM change re-check the
    // whole body's styles.)
    let document = leptos::prelude::document();
    if let Ok(Some(first_screen)) = document.query_selector(".boot-shell") {
        first_screen.remove();
    }
    leptos::mount::mount_to_body(quizdeck::ui::App);
}
