//! readouts-app: the Yew single-page app that shows the bundled corpus.
//!
//! The app only loads, routes, stores and renders; everything that reasons about readouts
//! lives in [`readouts_core`]. Module map:
//!
//! - [`app`]: the root component: router, corpus loading, page layout.
//! - [`route`]: the URL routes (the views and their embeds).
//! - [`embed`]: the embed layout, height messages to the host page, the embed code.
//! - [`nav`]: links and navigation with query strings and fragments; the URL's query.
//! - [`corpus_loader`]: fetching and reading `corpus.json`, building the search index once,
//!   load states and their messages.
//! - [`imports`]: imported readouts merged into the index (the import page's app keeps them).
//! - [`lazy`]: lazily loaded wasm apps (the import page, the compare views): loaded, mounted,
//!   told of moves within their page and unmounted as their pages come and go; both the main
//!   app's half and theirs.
//! - [`compare_host`]: the main app's half of the compare views (the readouts they are handed).
//! - [`pages`]: one component per route.
//! - [`components`]: the pieces pages are made of (statement card, statement browser, facet
//!   lists, search box, pager, source text, bar chart, …).
//! - [`format`](mod@format): small display helpers (dates, plurals, thousands).
//! - [`dom`]: elements built by out-of-line functions, for views with many elements (charts,
//!   statement cards).
//! - [`platform`]: the browser calls outside Yew (performance measures, title, focus).
//! - [`scroll_memory`]: the reader's place on each page, restored on Back and Forward.
//! - [`panic_hook`]: logs Rust panics and shows a message instead of a frozen page.
//!
//! Corpus text is only ever rendered as text nodes (Yew escapes them): no raw-HTML sinks.

pub mod app;
pub mod compare_host;
pub mod components;
pub mod corpus_loader;
pub mod dom;
pub mod embed;
pub mod format;
pub mod imports;
pub mod lazy;
pub mod nav;
pub mod pages;
pub mod panic_hook;
pub mod platform;
pub mod route;
pub mod scroll_memory;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_support;

/// Starts the app in the browser: installs the panic hook and mounts [`app::App`] in `#app`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic_hook::install();
    // Before the router's history listener exists, so that it runs first on Back and Forward.
    scroll_memory::install();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("the app runs in a browser document");
    match document.get_element_by_id("app") {
        Some(root) => {
            // Replace the static "Loading…" placeholder of index.html.
            root.set_text_content(None);
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// The wasm's allocator: talc's, smaller than the standard library's dlmalloc (about 2.8 KB gzip
/// of the first load) with the same memory use (README, First-load size). Single-threaded
/// only, as its documentation requires: the app's wasm is built without atomics.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
