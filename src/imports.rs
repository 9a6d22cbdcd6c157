//! Readouts imported in this browser, in the app: indexed after the bundled ones at start-up
//! and after every change of the store ([`crate::store`]) that any page of the app announces
//! (this tab's import page, or another tab's), when the app reads its corpus again (from the
//! cache: no copy of the corpus is kept to merge into); those kept for this session only
//! (where the browser keeps no store) too. And the `/import` page's own wasm app
//! (`crates/import-app`), loaded and mounted only when that page is opened.

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::corpus_loader::SharedIndex;
    use crate::store;
    use js_sys::{Array, Function, Promise, Reflect};
    use readouts_core::Readout;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{BroadcastChannel, Element};

    #[wasm_bindgen(inline_js = "export function load(url) { return import(url); }")]
    extern "C" {
        /// A dynamic `import()` of the module at `url`.
        fn load(url: &str) -> Promise;
    }

    thread_local! {
        /// The import page's module, once loaded (it stays loaded: opening the page again
        /// mounts it again).
        static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    /// The imported readouts: the store's (none when the browser keeps no store; never
    /// creating one), then the session's.
    pub async fn imported() -> Vec<Readout> {
        let mut readouts = store::read_all(false).await.unwrap_or_default();
        readouts.extend(store::session());
        readouts
    }

    /// A channel and the listener it calls: both kept for as long as it should listen.
    pub type Listener = (BroadcastChannel, Closure<dyn Fn(JsValue)>);

    /// Calls `on_change` whenever a page of the app announces a change of the store, for as
    /// long as the returned [`Listener`] is kept.
    pub fn listen(on_change: impl Fn() + 'static) -> Option<Listener> {
        let channel = BroadcastChannel::new(store::CHANNEL).ok()?;
        let listener = Closure::<dyn Fn(JsValue)>::new(move |_| on_change());
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some((channel, listener))
    }

    /// Mounts the import page's app while `/import` is shown (`Some`: the index, whose
    /// bundled ids an import never takes), and removes it when the reader leaves (`None`).
    pub fn show(importing: Option<SharedIndex>) {
        let loaded = MODULE.with(|m| m.borrow().clone());
        match (importing, loaded) {
            (Some(index), _) => {
                crate::platform::set_title("Import readouts");
                wasm_bindgen_futures::spawn_local(async move {
                    let status = element(crate::pages::import::STATUS_ID);
                    match mount(index).await {
                        Ok(()) => {
                            if let Some(status) = status {
                                let _ = status.set_attribute("hidden", "");
                            }
                        }
                        Err(_) => {
                            if let Some(status) = status {
                                status.set_text_content(Some("The import page could not be loaded. Check the connection and reload the page."));
                            }
                        }
                    }
                });
            }
            (None, Some(module)) => {
                let _ = call(&module, "unmount", &[]);
            }
            (None, None) => {}
        }
    }

    /// Loads the import page's wasm app (`import-app.js`, next to the app) once, and mounts it
    /// in its container, telling it the bundled ids.
    async fn mount(index: SharedIndex) -> Result<(), JsValue> {
        let root = element(crate::pages::import::ROOT_ID).ok_or(JsValue::NULL)?;
        let module = match MODULE.with(|m| m.borrow().clone()) {
            Some(module) => module,
            None => {
                let url = web_sys::Url::new_with_base("import-app.js", &document_base())?.href();
                let module = JsFuture::from(load(&url)).await?;
                JsFuture::from(Promise::from(call(&module, "default", &[])?)).await?;
                MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
                module
            }
        };
        let ids: Array = index
            .bundled()
            .iter()
            .map(|r| JsValue::from_str(&r.id))
            .collect();
        call(&module, "mount", &[root.into(), ids.into()])?;
        Ok(())
    }

    /// Calls the function `name` of `module` with `args`.
    fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let function: Function = Reflect::get(module, &name.into())?.dyn_into()?;
        function.apply(&JsValue::NULL, &args.iter().collect::<Array>())
    }

    /// The element of the document with the id `id`.
    fn element(id: &str) -> Option<Element> {
        web_sys::window()?.document()?.get_element_by_id(id)
    }

    /// The document's base URL.
    fn document_base() -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default()
    }
}
