//! What happens when Rust code panics in the browser: the panic is logged to the console
//! (with `console_error_panic_hook`) and the static `#fatal` panel of `index.html` is shown,
//! so the reader sees a message instead of a page that silently stopped working.

/// The message shown to the reader after a panic (set as text, never as HTML).
pub const FATAL_MESSAGE: &str =
    "Something went wrong in readouts and the page stopped working. Reload the page to try again; the browser console has the details.";

/// Installs the hook. Call once, before the app starts.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal();
    }));
}

#[cfg(target_arch = "wasm32")]
fn show_fatal() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(panel) = document.get_element_by_id("fatal") {
        panel.set_text_content(Some(FATAL_MESSAGE));
        let _ = panel.remove_attribute("hidden");
    }
}
