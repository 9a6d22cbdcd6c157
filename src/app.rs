//! The root component: starts loading the corpus, lays out the page (skip link, header with
//! the site navigation, main landmark, footer; for `/embed/…` routes, the embed layout of
//! [`crate::embed::layout`] instead) and routes. Pages below it get the index from a
//! context once the corpus is loaded; until then, or when loading fails, the main landmark
//! shows the load status instead.

use crate::components::load_status::load_status;
use crate::corpus_loader::{LoadState, Progress, SharedIndex};
use crate::nav::AppLink;
use crate::pages::import::import_page;
use crate::pages::participant::ParticipantPage;
use crate::pages::readout::ReadoutPage;
use crate::pages::statement::StatementPage;
use crate::pages::{home::Home, not_found::NotFound};
use crate::platform::{focus_id, focus_page_heading, Scroll};
use crate::route::Route;
use crate::scroll_memory;
use yew::prelude::*;
use yew_router::prelude::*;

/// The app: browser router, corpus loading and the page layout.
#[component]
pub fn App() -> Html {
    let state = use_state(|| LoadState::Loading(Progress::default()));
    let refused = use_state(|| false);
    {
        let (state, refused) = (state.clone(), refused.clone());
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                // Readouts imported in this browser join the bundled ones, now and whenever a
                // page of the app announces a change of them: the corpus is read again.
                let shown = std::rc::Rc::new(std::cell::Cell::new(false));
                let (state, refused) = (state.clone(), refused.clone());
                let read = move || {
                    let (state, refused, shown) = (state.clone(), refused.clone(), shown.clone());
                    wasm_bindgen_futures::spawn_local(load(state, refused, shown));
                };
                read();
                crate::lazy::listen(crate::imports::CHANNEL, read);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (state, refused);
        });
    }
    html! {
        <BrowserRouter>
            <Shell state={(*state).clone()} refused={*refused} />
        </BrowserRouter>
    }
}

/// Reads the corpus (the bundled readouts, with the imported ones after them) into `state`,
/// with the progress bar until a corpus is `shown` (reading it again after an import keeps the
/// page, and a failure then keeps the corpus shown).
#[cfg(target_arch = "wasm32")]
async fn load(
    state: UseStateHandle<LoadState>,
    refused: UseStateHandle<bool>,
    shown: std::rc::Rc<std::cell::Cell<bool>>,
) {
    let importing = crate::imports::start();
    let progress = {
        let (state, shown) = (state.clone(), shown.clone());
        move |at| {
            if !shown.get() {
                state.set(LoadState::Loading(at));
            }
        }
    };
    match crate::corpus_loader::load_corpus(crate::corpus_loader::CORPUS_URL, progress).await {
        Ok(((corpus, builder), was_refused)) => {
            let imported = crate::imports::imported(importing, &corpus.readouts).await;
            let index = SharedIndex::finish(builder, corpus, imported).await;
            // The first render of the page (its cards and facets) in a task of its own, not
            // after the index's last step: together they held the main thread 150-300 ms.
            crate::platform::next_task().await;
            refused.set(was_refused);
            shown.set(true);
            state.set(LoadState::Ready(index));
        }
        Err(err) => {
            web_sys::console::error_1(&format!("readouts: {}: {err}", err.title()).into());
            if !shown.get() {
                state.set(LoadState::Failed(err.into()));
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub state: LoadState,
    /// A newer corpus could not be read: the page shows the last copy that could.
    #[prop_or_default]
    pub refused: bool,
}

/// The page layout around the routed content, for a given load state. Separate from [`App`]
/// so that it can be rendered with any state (and any router) in tests.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let route = use_route::<Route>();
    let location = use_location();
    // After each move: Back and Forward return to the reader's place (see `scroll_memory`); a
    // new page (not another query of the same page) starts at its top with focus on its
    // heading, so that screen readers announce it. A fragment is the page's to focus.
    {
        let at = location.as_ref().map(|l| {
            (
                l.path().to_string(),
                l.query_str().to_string(),
                l.hash().len() > 1,
            )
        });
        let ready = matches!(props.state, LoadState::Ready(_));
        let previous = use_mut_ref(|| None::<String>);
        // An embed tells its host page its height (again) after each move.
        let embedded = route.as_ref().is_some_and(Route::is_embed);
        // The import page's own app, mounted while its route is shown (and the corpus read),
        // told the bundled ids, which an import never takes.
        let importing = match (&props.state, &route) {
            (LoadState::Ready(index), Some(Route::Import)) => Some(index.clone()),
            _ => None,
        };
        // The compare app's view of this page, if it has one (see `crate::compare_host`).
        let comparing = match &props.state {
            LoadState::Ready(index) => Some(index.clone()),
            _ => None,
        };
        let compare_route = route.clone();
        use_effect_with((at, ready), move |(at, ready)| {
            if embedded {
                crate::embed::height_messages();
            }
            #[cfg(target_arch = "wasm32")]
            if importing.is_some() {
                crate::platform::set_title("Import readouts");
            }
            #[cfg(target_arch = "wasm32")]
            crate::lazy::show(
                crate::pages::import::APP,
                importing.map(|index| js_sys::Array::of1(&crate::imports::ids(index.bundled()))),
            );
            #[cfg(target_arch = "wasm32")]
            if let Some((path, _, _)) = at {
                crate::compare_host::show(compare_route.as_ref(), path, comparing);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (importing, comparing, compare_route);
            if let (Some((path, _, fragment)), true) = (at, *ready) {
                let mut previous = previous.borrow_mut();
                let new_page = previous.as_ref().is_some_and(|p| p != path);
                scroll_memory::arrived(new_page && !fragment);
                if new_page && !fragment {
                    focus_page_heading();
                }
                *previous = Some(path.clone());
            }
        });
    }
    let content = match &props.state {
        LoadState::Ready(index) => html! {
            <ContextProvider<SharedIndex> context={index.clone()}>
                if props.refused {
                    <p class="corpus-notice" role="status">{ "The newest update of the corpus could not be read: this is the last copy that could." }</p>
                }
                <Switch<Route> render={switch} />
            </ContextProvider<SharedIndex>>
        },
        other => load_status(other),
    };
    if let Some(embed) = route.as_ref().filter(|r| r.is_embed()) {
        let query = location
            .as_ref()
            .map_or("", |l| l.query_str().trim_start_matches('?'));
        let fragment = location
            .as_ref()
            .map(|l| crate::nav::fragment_id(l.hash()))
            .unwrap_or_default();
        return crate::embed::layout(embed, query, &fragment, content);
    }
    // One handler type for both skip links.
    let skip_to = |id: &'static str| {
        Callback::from(move |e: MouseEvent| {
            // The document's <base href> would turn "#main" into a link to the home page.
            e.prevent_default();
            focus_id(id, Scroll::Start);
        })
    };
    let current = |to: Route| (route.as_ref() == Some(&to)).then_some(AttrValue::Static("page"));
    let has_results = matches!(
        route,
        Some(Route::Home | Route::Statements | Route::Participant { .. })
    );
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to("main")}>{ "Skip to content" }</a>
            if has_results {
                <a class="skip-link" href="#results-title" onclick={skip_to("results-title")}>{ "Skip to results" }</a>
            }
            <header class="site-header">
                <AppLink to={Route::Home} classes="brand">{ "readouts" }</AppLink>
                <p class="tagline">{ "Who said what in leaders' meeting readouts" }</p>
                <nav class="site-nav" aria-label="Site">
                    <ul>
                        <li><AppLink to={Route::Home} aria_current={current(Route::Home)}>{ "Statements" }</AppLink></li>
                        <li><AppLink to={Route::People} aria_current={current(Route::People)}>{ "People" }</AppLink></li>
                        <li><AppLink to={Route::Readouts} aria_current={current(Route::Readouts)}>{ "Readouts" }</AppLink></li>
                        <li><AppLink to={Route::Import} aria_current={current(Route::Import)}>{ "Import" }</AppLink></li>
                        // The method page is a static page next to the app (static/about.html).
                        <li><a href="about.html">{ "Method" }</a></li>
                    </ul>
                </nav>
            </header>
            <main id="main" class="content" tabindex="-1">
                { content }
            </main>
            <footer class="site-footer">
                <p>{ "Statements are parsed from official readouts published by governments. Each card names the readout it comes from. " }<a href="about.html">{ "How statements are extracted" }</a></p>
            </footer>
        </>
    }
}

/// Renders the page for a route; an embed gets the page of its full view (the layout tells
/// the page it is embedded).
pub fn switch(route: Route) -> Html {
    match route.full() {
        Route::Home => html! { <Home /> },
        Route::Statement { id } => html! { <StatementPage id={id} /> },
        Route::Participant { id } => html! { <ParticipantPage id={id} /> },
        Route::Readout { id } => html! { <ReadoutPage id={id} /> },
        Route::Import => import_page(),
        Route::Statements => html! { <Home /> },
        // Drawn by the compare app (the compare views and the lists), which the layout's
        // effect mounts.
        Route::CompareReadouts { .. }
        | Route::CompareParticipants { .. }
        | Route::ComparePick { .. }
        | Route::ComparePickReadout { .. }
        | Route::People
        | Route::Readouts => crate::lazy::container(crate::compare_host::APP),
        _ => html! { <NotFound /> },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_loader::read_corpus;
    use crate::test_support::{render, sample_index};
    use yew_router::history::{AnyHistory, History, MemoryHistory};

    #[derive(Properties, PartialEq)]
    struct AtProps {
        path: &'static str,
        state: LoadState,
        #[prop_or_default]
        refused: bool,
    }

    /// The shell under a memory router at `path`.
    #[component]
    fn At(props: &AtProps) -> Html {
        let history = use_memo(props.path, |path| {
            let history = AnyHistory::from(MemoryHistory::new());
            match path.split_once('?') {
                Some((path, query)) => {
                    let _ = history.push_with_query(path, yew_router::query::Raw(query));
                }
                None => history.push(*path),
            }
            history
        });
        html! {
            <Router history={(*history).clone()}>
                <Shell state={props.state.clone()} refused={props.refused} />
            </Router>
        }
    }

    async fn page(path: &'static str, state: LoadState) -> String {
        render::<At>(AtProps {
            path,
            state,
            refused: false,
        })
        .await
    }

    #[tokio::test]
    async fn the_layout_has_one_main_landmark() {
        let html = page("/", LoadState::Loading(Progress::default())).await;
        assert_eq!(html.matches("<main").count(), 1, "{html}");
        assert!(
            html.contains(r#"<a href="/" class="brand">readouts</a>"#),
            "{html}"
        );
        assert!(html.contains("Loading the corpus"), "{html}");
    }

    #[tokio::test]
    async fn home_shows_cards_once_loaded() {
        let html = page("/", LoadState::Ready(sample_index())).await;
        assert_eq!(html.matches("<article ").count(), 4, "{html}");
    }

    #[tokio::test]
    async fn import_is_in_the_navigation_and_never_embedded() {
        let html = page("/import", LoadState::Ready(sample_index())).await;
        assert!(
            html.contains(r#"<a href="/import" aria-current="page">Import</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<h1 id="import-title""#), "{html}");
        assert!(html.contains(r#"<div id="import-app-root""#), "{html}");
        let home = page("/", LoadState::Ready(sample_index())).await;
        assert!(home.contains(r#"<a href="/import">Import</a>"#), "{home}");
        let embed = page("/embed/import", LoadState::Ready(sample_index())).await;
        assert!(embed.contains("Embed not found"), "{embed}");
        assert!(!embed.contains("import-app-root"), "{embed}");
    }

    #[tokio::test]
    async fn unknown_paths_get_the_not_found_page() {
        let html = page("/no/such/page", LoadState::Ready(sample_index())).await;
        assert!(html.contains("Page not found"), "{html}");
        assert!(html.contains("<code>/no/such/page</code>"), "{html}");
        assert!(!html.contains("<article"), "{html}");
    }

    #[tokio::test]
    async fn embeds_have_no_site_chrome_and_link_out_in_a_new_tab() {
        let html = page("/embed/s/astana-s1", LoadState::Ready(sample_index())).await;
        assert!(!html.contains("site-header"), "{html}");
        assert!(!html.contains("skip-link"), "{html}");
        assert!(!html.contains("breadcrumbs"), "{html}");
        assert!(!html.contains("embed-toggle"), "{html}");
        assert_eq!(html.matches("<main").count(), 1, "{html}");
        assert!(
            html.contains(r#"<a href="/s/astana-s1" target="_blank" rel="noopener" class="embed-full">Full view on readouts"#),
            "{html}"
        );
        assert_eq!(html.matches("<article ").count(), 1, "{html}");
        assert!(
            html.contains(
                r#"<a href="/p/xi-jinping" target="_blank" rel="noopener" class="speaker-name">"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/r/astana#astana-s1" target="_blank" rel="noopener" class="show-in-source" aria-describedby="heading-astana-s1">"#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn an_embedded_list_shows_the_results_of_its_query_only() {
        let html = page(
            "/embed/?topic=SCO&sort=oldest",
            LoadState::Ready(sample_index()),
        )
        .await;
        assert!(
            html.contains(r#"href="/?topic=SCO&amp;sort=oldest" target="_blank""#),
            "{html}"
        );
        assert!(!html.contains(r#"role="search""#), "{html}");
        assert!(!html.contains("filter-panel"), "{html}");
        assert!(!html.contains("sort-select"), "{html}");
        assert!(!html.contains("Clear all"), "{html}");
        assert!(html.contains("topic: SCO"), "{html}");
        assert_eq!(html.matches("<article ").count(), 1, "{html}");
    }

    #[tokio::test]
    async fn unknown_embeds_are_not_found_in_the_embed_layout() {
        let html = page("/embed/nope", LoadState::Ready(sample_index())).await;
        assert!(html.contains("Embed not found"), "{html}");
        assert!(html.contains("<code>/embed/s/…</code>"), "{html}");
        assert!(html.contains(r#"class="embed-full""#), "{html}");
        assert!(!html.contains("site-header"), "{html}");
        let loading = page("/embed/r/astana", LoadState::Loading(Progress::default())).await;
        assert!(loading.contains("Loading the corpus"), "{loading}");
        assert!(!loading.contains("site-header"), "{loading}");
    }

    #[tokio::test]
    async fn full_views_offer_their_embed_code() {
        for path in ["/", "/s/astana-s1", "/p/xi-jinping", "/r/astana"] {
            let html = page(path, LoadState::Ready(sample_index())).await;
            assert_eq!(
                html.matches(r#"class="embed-toggle""#).count(),
                1,
                "{path}: {html}"
            );
        }
    }

    #[tokio::test]
    async fn a_refused_update_is_noted_above_the_page() {
        let html = render::<At>(AtProps {
            path: "/",
            state: LoadState::Ready(sample_index()),
            refused: true,
        })
        .await;
        assert!(
            html.contains(r#"role="status" class="corpus-notice""#),
            "{html}"
        );
        let html = page("/", LoadState::Ready(sample_index())).await;
        assert!(!html.contains("corpus-notice"), "{html}");
    }

    #[tokio::test]
    async fn load_errors_replace_the_content() {
        let err = read_corpus(br#"{"schema_version": 2, "readouts": []}"#).unwrap_err();
        let html = page("/", LoadState::Failed(err.into())).await;
        assert!(html.contains(r#"role="alert""#), "{html}");
        assert!(html.contains("schema_version 2"), "{html}");
        assert!(html.contains("schema_version 1"), "{html}");
    }
}
