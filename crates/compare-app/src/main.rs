//! The compare views of readouts as their own wasm app: `/compare/r/<a>/<b>`,
//! `/compare/p/<a>/<b>` and their embeds ([`readouts_app::pages::compare`]), and the pickers
//! that lead to them, `/compare/p/<a>` and `/compare/r/<a>`
//! ([`readouts_app::pages::compare_pick`]); and the lists of
//! people and readouts, `/p/` and `/r/` ([`readouts_app::pages::lists`]), which read the same
//! kind of input (readouts handed over as a corpus file, the speakers' counts) and are drawn
//! here rather than by an app of their own, which would be a second copy of Yew, the core and
//! the app's library to build and for the service worker to precache. Trunk builds it from
//! `index.html`'s `data-type="worker"` link (which only means: built, not loaded by the page);
//! it is a lazy app ([`readouts_app::lazy`]): the main app loads it with a dynamic `import()`
//! when a page shows one of these views ([`readouts_app::compare_host`]), calls its `default`
//! export (the wasm set-up), then `mount` with the root and the readouts the view reads,
//! `moved` after a move within the view's path, and `unmount` when the reader leaves. So the
//! views' code is downloaded only by readers who open one, never by the first load.
//!
//! What it is given rather than fetches: the readouts, as a corpus file (the main app writes
//! it with the core's export; this app reads it as every corpus is read), so no corpus is
//! downloaded or read twice. It works out the rest from the document: the view from the
//! address (under a router of its own whose memory history follows the address and never
//! writes it), the base path from `<base href>`, an embed from its path. Its links move the
//! main app (see `follow_links`), without a page reload.

/// Nothing to start: the main app calls the exports.
fn main() {}

#[cfg(target_arch = "wasm32")]
pub use browser::{mount, moved, unmount};

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::Array;
    use readouts_app::compare_host::APP;
    use readouts_app::corpus_loader::SharedIndex;
    use readouts_app::lazy::guest;
    use readouts_app::nav::Embedded;
    use readouts_app::pages::compare::{ComparePeoplePage, CompareReadoutsPage};
    use readouts_app::pages::compare_pick::{
        ComparePickPage, ComparePickReadoutPage, People, Person,
    };
    use readouts_app::pages::lists::{List, StatementCounts};
    use readouts_app::platform::measure;
    use readouts_app::route::Route;
    use readouts_core::Corpus;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlAnchorElement, MouseEvent};
    use yew::prelude::*;
    use yew::AppHandle;
    use yew_router::history::{AnyHistory, History, MemoryHistory};
    use yew_router::prelude::*;
    use yew_router::query::Raw;

    thread_local! {
        /// What is mounted.
        static MOUNTED: RefCell<Option<AppHandle<App>>> = const { RefCell::new(None) };
        /// The history of the mounted compare view: the address as the main app has it.
        static HISTORY: RefCell<Option<AnyHistory>> = const { RefCell::new(None) };
        /// Whether the links are followed already (see [`follow_links`]).
        static FOLLOWING: Cell<bool> = const { Cell::new(false) };
    }

    #[derive(Properties, PartialEq)]
    struct AppProps {
        index: SharedIndex,
        people: People,
        counts: StatementCounts,
        history: AnyHistory,
        basename: Option<AttrValue>,
    }

    /// The view under a router of its own: a memory history that [`moved`] keeps at the
    /// document's address (so the pages read their route and query as in the main app, and
    /// their links carry the main app's base path), which never writes to the address bar.
    #[function_component]
    fn App(props: &AppProps) -> Html {
        // Once the view is there: its heading takes the focus a new page gives its heading
        // (it arrived after the main app's move), unless the reader has moved it meanwhile.
        use_effect_with((), |_| {
            if focus_is_nowhere() {
                readouts_app::platform::focus_page_heading();
            }
        });
        html! {
            <Router history={props.history.clone()} basename={props.basename.clone()}>
                <ContextProvider<SharedIndex> context={props.index.clone()}>
                    <ContextProvider<People> context={props.people.clone()}>
                        <ContextProvider<StatementCounts> context={props.counts.clone()}>
                            <Switch<Route> render={switch} />
                        </ContextProvider<StatementCounts>>
                    </ContextProvider<People>>
                </ContextProvider<SharedIndex>>
            </Router>
        }
    }

    /// The view of a route (an embed's: its full view's, in the embed context).
    fn switch(route: Route) -> Html {
        let view = match route.full() {
            Route::CompareReadouts { a, b } => html! { <CompareReadoutsPage {a} {b} /> },
            Route::CompareParticipants { a, b } => html! { <ComparePeoplePage {a} {b} /> },
            Route::ComparePick { a } => html! { <ComparePickPage {a} /> },
            Route::People => html! { <List people=true /> },
            Route::Readouts => html! { <List people=false /> },
            Route::ComparePickReadout { a } => html! { <ComparePickReadoutPage {a} /> },
            _ => Html::default(),
        };
        if route.is_embed() {
            html! { <ContextProvider<Embedded> context={Embedded::default()}>{ view }</ContextProvider<Embedded>> }
        } else {
            view
        }
    }

    /// Puts `history` at the document's address.
    fn locate(history: &AnyHistory) {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        let _ = history.replace_with_query(path, Raw(query.trim_start_matches('?')));
    }

    /// The main app's base path, as its router takes it from the document's `<base href>`:
    /// the base URL's path without its final `/`, `None` at the domain's root.
    fn basename() -> Option<AttrValue> {
        let base = web_sys::window()?.document()?.base_uri().ok()??;
        let path = web_sys::Url::new(&base).ok()?.pathname();
        let path = path.trim_end_matches('/');
        (!path.is_empty()).then(|| AttrValue::from(path.to_string()))
    }

    /// Renders the compare view or list of the document's address into `root`, in place of
    /// what was mounted, on the readouts of `corpus` (a corpus file the main app wrote; for the
    /// lists and the readout picker, an outline of every readout) and, for the participant
    /// picker, the lists and the readout picker, the corpus's `speakers` (id, name and
    /// statements, three items each) and for the lists and the readout picker each readout's
    /// `statements` (one item each, in the corpus's order). Fails, for the main app to say so,
    /// if the corpus cannot be read.
    #[wasm_bindgen]
    pub fn mount(
        root: Element,
        corpus: String,
        speakers: Option<Array>,
        statements: Option<Array>,
    ) -> Result<(), JsValue> {
        // The corpus read, indexed and the view rendered (Yew renders a new root at once).
        measure("readouts:compare-mount", || {
            let corpus = measure("readouts:compare-read", || Corpus::from_json(&corpus))
                .map_err(|e| JsValue::from_str(&e.to_string()))?;
            follow_links();
            let history = AnyHistory::from(MemoryHistory::new());
            locate(&history);
            HISTORY.with(|h| *h.borrow_mut() = Some(history.clone()));
            let props = AppProps {
                index: SharedIndex::new(corpus),
                people: people(speakers),
                counts: counts(statements),
                history,
                basename: basename(),
            };
            guest::mount(&MOUNTED, root, props);
            Ok(())
        })
    }

    /// The address moved within the mounted view's path (another sort, Back or Forward): the
    /// view follows, through its history, without being mounted again.
    #[wasm_bindgen]
    pub fn moved() {
        if let Some(history) = HISTORY.with(|h| h.borrow().clone()) {
            // The view rendered again for the new address (its router re-renders at once).
            measure("readouts:compare-moved", || locate(&history));
        }
    }

    /// Removes what is mounted (the reader left the page).
    #[wasm_bindgen]
    pub fn unmount() {
        HISTORY.with(|h| h.borrow_mut().take());
        guest::unmount(&MOUNTED);
    }

    /// The speakers the main app gave (none for the views but the picker).
    fn people(speakers: Option<Array>) -> People {
        let items: Vec<JsValue> = speakers.map(|a| a.to_vec()).unwrap_or_default();
        let list = items
            .chunks_exact(3)
            .map(|p| Person {
                id: p[0].as_string().unwrap_or_default(),
                name: p[1].as_string().unwrap_or_default(),
                statements: p[2].as_f64().unwrap_or_default() as u32,
            })
            .collect();
        People(Rc::new(list))
    }

    /// Each readout's statements, as the main app counted them (none but for the lists).
    fn counts(statements: Option<Array>) -> StatementCounts {
        let items: Vec<JsValue> = statements.map(|a| a.to_vec()).unwrap_or_default();
        let list = items
            .iter()
            .map(|n| n.as_f64().unwrap_or_default() as u32)
            .collect();
        StatementCounts(Rc::new(list))
    }

    /// Whether nothing in particular has the focus: the body or the page's `main`, where it
    /// lands when the link that had it is removed by the move.
    fn focus_is_nowhere() -> bool {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        active.is_none_or(|e| e.tag_name() == "BODY" || e.id() == "main")
    }

    /// Follows the links clicked in the view through the main app: a plain click (main
    /// button, no modifier key) on a link of the app's own origin without a `target` moves the
    /// main app to its path, query and fragment ([`guest::go`]: a history entry announced as
    /// Back and Forward are), instead of a page load.
    /// It listens on the window while capturing, before either app's own listeners, which
    /// never see the click. Anything else is left to the browser. Once per module.
    fn follow_links() {
        if FOLLOWING.with(|f| f.replace(true)) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let selector = format!("#{APP}-root a[href]");
        let listener = Closure::<dyn Fn(MouseEvent)>::new(move |e: MouseEvent| {
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            let Some(link) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(&selector).ok().flatten())
                .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
            else {
                return;
            };
            let Some(window) = web_sys::window() else {
                return;
            };
            let own = window.location().origin().ok();
            if link.has_attribute("target") || own.as_deref() != Some(link.origin().as_str()) {
                return;
            }
            e.prevent_default();
            e.stop_propagation();
            let url = format!("{}{}{}", link.pathname(), link.search(), link.hash());
            guest::go(&url, false);
        });
        let _ = window.add_event_listener_with_callback_and_bool(
            "click",
            listener.as_ref().unchecked_ref(),
            true,
        );
        listener.forget();
    }
}
