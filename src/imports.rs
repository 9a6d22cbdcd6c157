//! Readouts imported in this browser, in the app: indexed after the bundled ones at start-up
//! and after every change that a page of the app announces on [`CHANNEL`] (this tab's import
//! page, or another tab's), when the app reads its corpus again (from the cache: no copy of
//! the corpus is kept to merge into).
//!
//! The import page's app (`crates/import-app`, a lazy app: [`crate::lazy`]) owns the store
//! (IndexedDB, its schema and migrations) and the batches kept for this session only. The main
//! app starts loading it at start-up only when it is loaded already or `localStorage` holds
//! [`FLAG`], which the import page sets before it stores a first readout and clears once the
//! store is empty; once the corpus is read, it asks the app's [`STORED`] export for the
//! imported readouts, as the bytes of one corpus JSON under ids no bundled readout holds,
//! which it reads in steps. So a reader who never imported anything downloads nothing of it,
//! and the main app holds none of the store's code nor the renaming of ids.

/// The `localStorage` key that says this browser's store may hold imported readouts.
pub const FLAG: &str = "readouts-imported";
/// The `BroadcastChannel` on which the import page announces every change of what is imported.
pub const CHANNEL: &str = "readouts-imported";
/// The import page app's export that resolves to every imported readout (the bytes of a
/// corpus JSON, a `Uint8Array`), given the bundled readouts' ids.
pub const STORED: &str = "stored";

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{FLAG, STORED};
    use crate::lazy::Asked;
    use crate::pages::import::APP;
    use readouts_core::Readout;
    use wasm_bindgen::{JsCast, JsValue};

    /// Asks the import page's app for the imported readouts, if anything may have been
    /// imported: started at once (it loads while the corpus downloads), answered by
    /// [`imported`].
    pub fn start() -> Asked {
        crate::lazy::ask(APP, FLAG, STORED)
    }

    /// The imported readouts, once the bundled ones are read (the app gives imported readouts
    /// ids that no bundled one holds), read in steps: none when nothing was imported or they
    /// cannot be read (the bundled corpus is shown all the same).
    pub async fn imported(asked: Asked, bundled: &[Readout]) -> Vec<Readout> {
        // The bytes of a corpus JSON (a `Uint8Array`), or null.
        let answer = asked.answer(&ids(bundled)).await;
        let mut json = Vec::new();
        if answer.is_truthy() {
            let answer: js_sys::Uint8Array = answer.unchecked_into();
            json.resize(answer.length() as usize, 0);
            answer.copy_to(&mut json);
        }
        crate::corpus_loader::read_in_steps(&json)
            .await
            .map_or_else(|_| Vec::new(), |corpus| corpus.readouts)
    }

    /// The ids of `readouts`, for the import page's app (which never gives one to an import).
    pub fn ids(readouts: &[Readout]) -> js_sys::Array {
        readouts.iter().map(|r| JsValue::from_str(&r.id)).collect()
    }
}
