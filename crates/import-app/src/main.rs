//! The import page of readouts as its own wasm app, a lazy app (`readouts_app::lazy`): Trunk
//! builds it from `index.html`'s `data-type="worker"` link (which only means: built, not
//! loaded by the page), and the main app's `/import` page loads it with a dynamic `import()`,
//! calls its `default` export (the wasm set-up) and then `mount` on the container it renders.
//! So the import page's code (forms, files, the worker's client, the store) is downloaded only
//! by readers who open it, never by the first load. The main app also asks its `stored`
//! export for the imported readouts at start-up, once something has been imported.
//!
//! - `page`: the page (paste, files, progress, preview, save or discard, the stored list).
//! - `worker`: the client of the parse worker (`crates/parse-worker`).
//! - `pace`: long main-thread work in slices, so that no task holds the page for long.
//! - [`store`]: the browser's store of imported readouts (IndexedDB), its schema and
//!   migrations; the batches kept for this session only.
//! - [`batch`]: which reader a file needs, and the records a batch is stored as.

// Natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod batch;
#[cfg(target_arch = "wasm32")]
mod pace;
#[cfg(target_arch = "wasm32")]
mod page;
// Natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod store;
#[cfg(target_arch = "wasm32")]
mod worker;

/// Nothing to start: the main app calls `mount`.
fn main() {}

#[cfg(target_arch = "wasm32")]
pub use browser::{mount, stored, unmount};

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::page::{ImportApp, ImportProps};
    use js_sys::{Array, Uint8Array};
    use readouts_app::lazy::guest;
    use std::cell::RefCell;
    use std::collections::HashSet;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use web_sys::Element;
    use yew::AppHandle;

    thread_local! {
        static MOUNTED: RefCell<Option<AppHandle<ImportApp>>> = const { RefCell::new(None) };
    }

    /// Renders the import page into `root` (its placeholder replaced). `bundled`: the ids of
    /// the bundled readouts, which an import never takes.
    #[wasm_bindgen]
    pub fn mount(root: Element, bundled: Array) {
        let props = ImportProps {
            bundled: Rc::new(ids(&bundled)),
        };
        guest::mount(&MOUNTED, root, props);
    }

    /// Removes the import page (the reader left `/import`); its worker stops with it.
    #[wasm_bindgen]
    pub fn unmount() {
        guest::unmount(&MOUNTED);
    }

    /// Every imported readout, as the bytes of one corpus JSON (UTF-8), for the main app's
    /// index; `bundled`: the ids of the bundled readouts (see `store::stored`). Bytes rather
    /// than a string: handing megabytes of text from one wasm memory to the other as a
    /// JavaScript string decodes and encodes them, for tens of milliseconds in one task.
    #[wasm_bindgen]
    pub async fn stored(bundled: Array) -> Uint8Array {
        let json = crate::pace::corpus_json(&crate::store::stored(&ids(&bundled)).await).await;
        Uint8Array::from(json.as_bytes())
    }

    /// The ids the main app gave.
    fn ids(array: &Array) -> HashSet<String> {
        array.iter().filter_map(|id| id.as_string()).collect()
    }
}
