//! The import page of readouts as its own wasm app. Trunk builds it from `index.html`'s
//! `data-type="worker"` link (which only means: built, not loaded by the page), and the main
//! app's `/import` page loads it with a dynamic `import()`, calls its `default` export (the
//! wasm set-up) and then `mount` on the container it renders. So the import page's code
//! (forms, files, the worker's client, the store's writes) is downloaded only by readers who
//! open it, never by the first load.
//!
//! - `page`: the page (paste, files, progress, preview, save or discard, the stored list).
//! - `worker`: the client of the parse worker (`crates/parse-worker`).
//! - [`batch`]: which reader a file needs, and the records a batch is stored as.

// Natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod batch;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod worker;

/// Nothing to start: the main app calls `mount`.
fn main() {}

#[cfg(target_arch = "wasm32")]
pub use browser::{mount, unmount};

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::page::{ImportApp, ImportProps};
    use js_sys::Array;
    use std::cell::RefCell;
    use std::collections::HashSet;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use web_sys::Element;
    use yew::AppHandle;

    thread_local! {
        static MOUNTED: RefCell<Option<AppHandle<ImportApp>>> = const { RefCell::new(None) };
        static NUMBERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// How many Yew roots this module makes and drops before its own (see [`renumber`]).
    const SKIPPED_ROOTS: usize = 16;

    #[yew::function_component]
    fn Nothing() -> yew::Html {
        yew::Html::default()
    }

    /// Two Yew apps share the page, this one inside the main app's DOM. Yew numbers the roots
    /// of each wasm instance from 1 and marks their elements with that number; an event inside
    /// this page reaches the main app's (capturing) listener first, which takes it for its own
    /// when the numbers match, and runs one of its own handlers (a click on Parse followed the
    /// main app's home link). So this app's root gets a number the main app (one root, no
    /// portals) never uses: a few throwaway roots are made first. Once per module.
    fn renumber() {
        if NUMBERED.with(|n| n.replace(true)) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for _ in 0..SKIPPED_ROOTS {
            if let Ok(host) = document.create_element("div") {
                yew::Renderer::<Nothing>::with_root(host).render().destroy();
            }
        }
    }

    /// Renders the import page into `root` (its placeholder replaced). `bundled`: the ids of
    /// the bundled readouts, which an import never takes.
    #[wasm_bindgen]
    pub fn mount(root: Element, bundled: Array) {
        unmount();
        renumber();
        root.set_text_content(None);
        let bundled: HashSet<String> = bundled.iter().filter_map(|id| id.as_string()).collect();
        let props = ImportProps {
            bundled: Rc::new(bundled),
        };
        let handle = yew::Renderer::<ImportApp>::with_root_and_props(root, props).render();
        MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
    }

    /// Removes the import page (the reader left `/import`); its worker stops with it.
    #[wasm_bindgen]
    pub fn unmount() {
        if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
            handle.destroy();
        }
    }
}
