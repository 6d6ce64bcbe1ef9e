fn main() {
    // A bug then shows up in the console with its message instead of as a silently dead page.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(quizdeck::ui::App);
}
