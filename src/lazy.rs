//! Lazily loaded wasm apps: a page whose code only some readers need (the import page,
//! `crates/import-app`; the compare views and the lists of people and readouts,
//! `crates/compare-app`) is its own small wasm app,
//! built next to this one and loaded by a dynamic `import()` only when its page is opened, so
//! that it costs the first load nothing. Both halves of the mechanism live here, for every
//! such app:
//!
//! - The main app's ([`container`], and in the browser `show`, `moved`, `ask` and `listen`,
//!   whose browser calls are the script `src/lazy.js`): a route's page renders [`container`]
//!   (a status line and an empty root), the layout calls `show` with the app's arguments while
//!   the route is shown and with none when it is left; the app is loaded and set up once per
//!   page, then mounted into the root (with the last arguments given) or unmounted. `moved`
//!   tells a mounted app that the address moved within its page (another query, Back or
//!   Forward there): it follows without being mounted again.
//! - The lazy app's (`guest`, compiled for the browser only): its `mount` and `unmount` exports
//!   render a Yew component into the root the main app gave and remove it, its roots numbered
//!   apart from the main app's; an app that `moved` is called for exports `moved` too. Its
//!   links and controls move the main app (`guest::go`), never an address of their own.
//!
//! Adding one, `NAME` (a crate whose binary is `NAME`, depending on this crate for its
//! components): a `data-type="worker"` Rust link in `index.html` (Trunk builds `NAME.js` and
//! `NAME_bg.wasm` without loading them; `scripts/compress.mjs` gives every such app compressed
//! copies and the service worker precaches them), `mount`/`unmount` exports written with
//! `guest`, a page rendering [`container`]`("NAME")`, and a `show("NAME", …)` in
//! [`crate::app::Shell`]'s effect.

use yew::prelude::*;

/// The status line ("Loading…", hidden once the app is mounted, or why it could not be
/// loaded) and the empty root of the lazy app `name`: `#NAME-status` and `#NAME-root`, the
/// ids `src/lazy.js` looks up. Nothing of the main app's goes inside the root.
pub fn container(name: &'static str) -> Html {
    html! {
        <>
            <p id={format!("{name}-status")} class="status" role="status">{ "Loading…" }</p>
            <div id={format!("{name}-root")} class="lazy-root"></div>
        </>
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/lazy.js")]
    extern "C" {
        #[wasm_bindgen(js_name = show)]
        fn show_js(name: &str, args: JsValue);
        /// Tells the lazy app `name`, if its page is shown, that the address moved within that
        /// page: its `moved` export follows (nothing mounted or loaded again).
        pub fn moved(name: &str);
        #[wasm_bindgen(js_name = ask)]
        fn ask_js(name: &str, key: &str, function: &str) -> js_sys::Function;
        #[wasm_bindgen(js_name = listen)]
        fn listen_js(channel: &str, f: &Closure<dyn Fn()>);
    }

    /// Mounts the lazy app `name` into its [`container`](super::container) with `args` after
    /// the root (loading it first, once per page) while its page is shown (`Some`), or unmounts
    /// it (`None`). Each call with `Some` mounts it again: for a move within the page, see
    /// [`moved`]. Loading failures are the status line's to tell, as an alert.
    pub fn show(name: &str, args: Option<js_sys::Array>) {
        show_js(name, args.map_or(JsValue::UNDEFINED, JsValue::from));
    }

    /// Asks the export `function` of the lazy app `name` for something it keeps: loads the
    /// app at once (while the caller gets `function`'s argument ready), if it is loaded
    /// already or `localStorage` holds `key` (which the app keeps set while it holds something
    /// the main app needs at start-up); [`Asked::answer`] then gives the argument and awaits
    /// the answer.
    pub fn ask(name: &str, key: &str, function: &str) -> Asked {
        Asked(ask_js(name, key, function))
    }

    /// A question to a lazy app ([`ask`]), its argument still to come.
    pub struct Asked(js_sys::Function);

    impl Asked {
        /// What the lazy app's function resolves to for `arg`; `null` when the app was not
        /// loaded (nothing kept) or could not be.
        pub async fn answer(self, arg: &JsValue) -> JsValue {
            let promise = self.0.call1(&JsValue::NULL, arg).unwrap_or_default();
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
                .await
                .unwrap_or_default()
        }
    }

    /// Calls `f` on every message of the `BroadcastChannel` `channel` (a lazy app's
    /// announcements, from this tab or another), for as long as the page runs.
    pub fn listen(channel: &str, f: impl Fn() + 'static) {
        let f = Closure::<dyn Fn()>::new(f);
        listen_js(channel, &f);
        f.forget();
    }
}

/// The lazy app's half: its `mount` and `unmount` exports, written with [`mount`](guest::mount)
/// and [`unmount`](guest::unmount) over a `thread_local!` slot of its own.
#[cfg(target_arch = "wasm32")]
pub mod guest {
    use std::cell::{Cell, RefCell};
    use std::thread::LocalKey;
    use yew::{AppHandle, BaseComponent};

    /// Where a lazy app keeps its mounted component.
    pub type Slot<C> = LocalKey<RefCell<Option<AppHandle<C>>>>;

    thread_local! {
        static NUMBERED: Cell<bool> = const { Cell::new(false) };
    }

    /// How many Yew roots a lazy app makes and drops before its own (see [`renumber`]).
    const SKIPPED_ROOTS: usize = 16;

    #[yew::function_component]
    fn Nothing() -> yew::Html {
        yew::Html::default()
    }

    /// Two Yew apps share the page, the lazy one inside the main app's DOM. Yew numbers the
    /// roots of each wasm instance from 1 and marks their elements with that number; an event
    /// inside the lazy app reaches the main app's (capturing) listener first, which takes it
    /// for its own when the numbers match and runs one of its own handlers (a click on the
    /// import page's Parse once followed the main app's home link). So the lazy app's root
    /// gets a number the main app (one root, no portals) never uses: a few throwaway roots are
    /// made first, once per module. Two lazy apps may share numbers: they are never mounted
    /// together, nor one inside the other.
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

    /// Renders `C` with `props` into `root` (its contents replaced), after removing what the
    /// slot held.
    pub fn mount<C: BaseComponent>(
        slot: &'static Slot<C>,
        root: web_sys::Element,
        props: C::Properties,
    ) {
        unmount(slot);
        renumber();
        root.set_text_content(None);
        let handle = yew::Renderer::<C>::with_root_and_props(root, props).render();
        slot.with(|s| *s.borrow_mut() = Some(handle));
    }

    /// Removes the mounted component, if any (the reader left its page).
    pub fn unmount<C: BaseComponent>(slot: &'static Slot<C>) {
        if let Some(handle) = slot.with(|s| s.borrow_mut().take()) {
            handle.destroy();
        }
    }

    /// Moves the main app to `url` (a path of the site, with its query and fragment), as a
    /// lazy app must (its own router's history is the main app's address, never its writer):
    /// a new history entry, or in place of the current one (`replace`), announced as Back and
    /// Forward are, by a `popstate` event, which the main app's router and scroll memory
    /// follow; the main app then tells the lazy app that the address moved, or unmounts it.
    /// Where the history cannot be written, the browser loads the page.
    pub fn go(url: &str, replace: bool) {
        use wasm_bindgen::JsValue;
        let Some(window) = web_sys::window() else {
            return;
        };
        let written = window.history().and_then(|h| {
            if replace {
                h.replace_state_with_url(&JsValue::NULL, "", Some(url))
            } else {
                h.push_state_with_url(&JsValue::NULL, "", Some(url))
            }
        });
        match (written, web_sys::PopStateEvent::new("popstate")) {
            (Ok(()), Ok(event)) => {
                let _ = window.dispatch_event(&event);
            }
            _ => window.location().set_href(url).unwrap_or_default(),
        }
    }
}
