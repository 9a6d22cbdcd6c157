//! Embeds: the app's views in other sites' iframes, below `/embed/` ([`Route::embedded`]).
//!
//! - [`layout`]: the layout of an embed. No site header, navigation or footer; an
//!   attribution link, "Full view on readouts ↗", that opens the same view (the path without
//!   `/embed`, the same query) in a new tab; the [`Embedded`] context, under which pages leave
//!   out their search box, filter panel and page navigation, and links open the full app in a
//!   new tab (the pager pages inside the iframe).
//! - Height messages: the embed posts `{ type: "readouts:height", height, path }` (`height`
//!   in CSS pixels, an integer; `path` its path and query) to `window.parent` whenever the
//!   height of its document changes (a `ResizeObserver` on the document element) or it moves
//!   to another URL. The target origin is `"*"`: the message holds nothing secret, and the
//!   host script (`static/embed-host.js`) checks which iframe sent it. The embed listens to
//!   no message: its parent cannot drive it.
//! - [`embed_code`]: the `<iframe>` and host script snippet for a view, as text (the "Embed"
//!   button, [`crate::components::embed_code`]), with the embed's own parameters
//!   ([`own_parameters`]: `theme=light|dark`, `total=1`).
//! - An embed's own parameters: `total=1` is read here ([`asks_total`], the [`Embedded`]
//!   context); `theme=` by the head script of `index.html`, which sets the embed's colours
//!   before its first paint and keeps both parameters in the embed's address as it moves.
//!
//! Embeds need no storage: nothing in the app reads or writes `localStorage`,
//! `sessionStorage` or IndexedDB, and frames do not register the service worker
//! (`static/sw-register.js`), so an embed renders where the browser blocks third-party storage.

use crate::components::facet_list::nouns;
use crate::format::human_date;
use crate::nav::{AppLink, Embedded};
use crate::route::Route;
use readouts_core::query::{Index, Query};
use yew::prelude::*;
use yew_router::Routable;

/// The host script, next to the app (`static/embed-host.js`).
pub const HOST_SCRIPT: &str = "embed-host.js";

/// The embed layout around `content` (the page of an embed route, or the load status):
/// the attribution bar and the main landmark, below the [`Embedded`] context. `route` is the
/// embed's, `query` and `fragment` those of its URL (without `?` and `#`): the attribution
/// link opens the same view in the full app, in a new tab.
pub fn layout(route: &Route, query: &str, fragment: &str, content: Html) -> Html {
    // The not-found embed's full view is the app's home.
    let full = match route.full() {
        Route::NotFound => Route::Home,
        full => full,
    };
    let fragment = (!fragment.is_empty()).then(|| AttrValue::from(fragment.to_string()));
    html! {
        <ContextProvider<Embedded> context={Embedded { total: asks_total(query) }}>
            <div class="embed">
                <header class="embed-bar">
                    <span class="embed-brand">{ "readouts" }</span>
                    <AppLink to={full} query={AttrValue::from(query.to_string())} {fragment} classes="embed-full">
                        { "Full view on readouts" }<span aria-hidden="true">{ " ↗" }</span>
                        <span class="visually-hidden">{ " (opens in a new tab)" }</span>
                    </AppLink>
                </header>
                <main id="main" class="embed-content" tabindex="-1">
                    { content }
                </main>
            </div>
        </ContextProvider<Embedded>>
    }
}

/// Whether an embed's query string (without `?`) asks for the size of the view's scope next
/// to its count (`total=1`: "3 of 14 statements"); without it an embed says only "3
/// statements", and a site that embeds a filtered list does not show how large the corpus is.
pub fn asks_total(query: &str) -> bool {
    query.split('&').any(|pair| pair == "total=1")
}

/// The absolute URL of the app's public URL (`https://example.org/readouts/`: the document's
/// base URL); `/` natively.
pub fn base_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_else(|| "/".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    "/".to_string()
}

/// An iframe's height (CSS pixels) before the host script sizes it: enough for a statement
/// with its context, or for the first cards of a list.
pub fn default_height(route: &Route) -> u32 {
    match route.full() {
        Route::Statement { .. } => 520,
        _ => 800,
    }
}

/// `text` for an HTML attribute value in double quotes.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// An embed's own parameters, which the view's query does not hold (README, Embedding):
/// `theme=light` or `theme=dark` (any other `theme`, `auto` included, follows the reader's
/// system setting, and is left out) and `total=1` ([`asks_total`]), as a query string without
/// `?`; empty for neither. index.html's head script reads them and keeps them in the embed's
/// address as it moves between its pages.
pub fn own_parameters(theme: &str, total: bool) -> String {
    let mut out = String::new();
    if matches!(theme, "light" | "dark") {
        out.push_str("theme=");
        out.push_str(theme);
    }
    if total {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str("total=1");
    }
    out
}

/// The embed code of the view at `route` (a full view or an embed) showing `query`, for the
/// app at `base` (an absolute URL ending in `/`, see [`base_url`]): an `<iframe>` of its
/// embed titled `title`, then the host script. Lists keep their query; single statements
/// and readouts need none. The embed's `own` parameters ([`own_parameters`]) follow.
/// None for the not-found page.
pub fn embed_code(
    base: &str,
    route: &Route,
    query: &Query,
    title: &str,
    own: &str,
) -> Option<String> {
    let embed = route.embedded()?;
    let mut src = format!("{base}{}", embed.to_path().trim_start_matches('/'));
    let mut params = match embed {
        Route::EmbedHome | Route::EmbedParticipant { .. } => query.to_query_string(),
        _ => String::new(),
    };
    if !own.is_empty() {
        if !params.is_empty() {
            params.push('&');
        }
        params.push_str(own);
    }
    if !params.is_empty() {
        src.push('?');
        src.push_str(&params);
    }
    Some(format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{}\" style=\"border:0\"></iframe>\n<script src=\"{}\" async></script>",
        escape_attribute(&src),
        escape_attribute(title),
        default_height(&embed),
        escape_attribute(&format!("{base}{HOST_SCRIPT}")),
    ))
}

/// The title of an embedded view, for its iframe: the page's title, what narrows its
/// statements if anything does, and the site ("Statements (topic: BRICS; speaker: Xi
/// Jinping) · readouts").
pub fn frame_title(page: &str, narrowed_by: &[(String, String)]) -> String {
    let mut title = crate::format::short(page);
    if !narrowed_by.is_empty() {
        let parts: Vec<String> = narrowed_by
            .iter()
            .map(|(what, value)| format!("{what}: {value}"))
            .collect();
        title.push_str(&format!(" ({})", parts.join("; ")));
    }
    title.push_str(" · readouts");
    title
}

/// What narrows `query`'s statements, as `(what, value)` for people: the search, each facet
/// value by its label, the dates.
pub fn narrowed_by(index: &Index, query: &Query) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !query.text.trim().is_empty() {
        out.push(("search".to_string(), query.text.trim().to_string()));
    }
    for (facet, values) in query.filters.iter() {
        for value in values {
            let label = index.label_of(facet, value).unwrap_or(value);
            out.push((nouns(facet).0.to_string(), label.to_string()));
        }
    }
    if let Some(from) = &query.from {
        out.push(("from".to_string(), human_date(from)));
    }
    if let Some(to) = &query.to {
        out.push(("to".to_string(), human_date(to)));
    }
    out
}

/// Posts the document's height to the parent window, and from the first call on, whenever
/// it changes (a `ResizeObserver` on the document element). The shell calls it after each
/// move of an embed. Each message once: one that says what the last one said (the observer's
/// first call, a move that changes neither height nor address) is not sent again. Nothing
/// outside a frame, or natively.
pub fn height_messages() {
    #[cfg(target_arch = "wasm32")]
    browser::height_messages();
}

/// Copies the embed code of the text area `text_id` (the asynchronous clipboard API, else
/// the legacy copy command on the text area, whose text is selected either way) and says how
/// it went in the element `status_id`.
pub async fn copy_embed_code(text_id: &'static str, status_id: &'static str) {
    #[cfg(target_arch = "wasm32")]
    browser::copy(text_id, status_id).await;
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text_id, status_id);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicBool, Ordering};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        /// The last height message sent (height and path).
        static LAST: RefCell<(u32, String)> = const { RefCell::new((0, String::new())) };
    }

    /// Whether the observer is set up (once per document: an embed stays an embed).
    static OBSERVING: AtomicBool = AtomicBool::new(false);

    pub fn height_messages() {
        let Some(window) = web_sys::window() else {
            return;
        };
        if parent_of(&window).is_none() {
            return;
        }
        if !OBSERVING.swap(true, Ordering::Relaxed) {
            let root = window.document().and_then(|d| d.document_element());
            let on_resize = Closure::<dyn FnMut()>::new(post_height);
            if let (Some(root), Ok(observer)) = (
                root,
                web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
            ) {
                observer.observe(&root);
                // Both live as long as the document.
                on_resize.forget();
            }
        }
        post_height();
    }

    /// The parent window, if this one is a frame.
    fn parent_of(window: &web_sys::Window) -> Option<web_sys::Window> {
        let parent = window.parent().ok().flatten()?;
        let (own, theirs): (&JsValue, &JsValue) = (window.as_ref(), parent.as_ref());
        (own != theirs).then_some(parent)
    }

    /// Posts `{ type: "readouts:height", height, path }` to the parent.
    fn post_height() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let (Some(parent), Some(root)) = (
            parent_of(&window),
            window.document().and_then(|d| d.document_element()),
        ) else {
            return;
        };
        let height = root.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        let location = window.location();
        let path = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let fresh = LAST.with_borrow_mut(|last| {
            let fresh = last.0 != height || last.1 != path;
            if fresh {
                *last = (height, path.clone());
            }
            fresh
        });
        if !fresh {
            return;
        }
        let message = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
        };
        set("type", JsValue::from_str("readouts:height"));
        set("height", JsValue::from(height));
        set("path", JsValue::from_str(&path));
        let _ = parent.post_message(&message, "*");
    }

    pub async fn copy(text_id: &str, status_id: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(area) = document
            .get_element_by_id(text_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let copied = crate::platform::write_clipboard(&area.value()).await || {
            let _ = area.focus();
            area.select();
            let legacy: &web_sys::HtmlDocument = document.unchecked_ref();
            legacy.exec_command("copy").unwrap_or(false)
        };
        if let Some(status) = document.get_element_by_id(status_id) {
            status.set_text_content(Some(if copied {
                "Copied the embed code."
            } else {
                "The embed code is selected: press Ctrl+C (⌘C on a Mac) to copy it."
            }));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_filtered_list_keeps_its_query_escaped() {
        let query = Query::from_query_string("topic=BRICS&speaker=xi-jinping&junk=1");
        let code = embed_code(
            "https://example.org/",
            &Route::Home,
            &query,
            "Statements (topic: BRICS) · readouts",
            "",
        )
        .unwrap();
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/embed/?speaker=xi-jinping&amp;topic=BRICS\" \
             title=\"Statements (topic: BRICS) · readouts\" loading=\"lazy\" width=\"100%\" \
             height=\"800\" style=\"border:0\"></iframe>\n\
             <script src=\"https://example.org/embed-host.js\" async></script>"
        );
    }

    #[test]
    fn quotes_ampersands_and_angle_brackets_are_escaped() {
        let query = Query::from_query_string("q=%22a+%26+b%22+%3Cc%3E&sort=oldest");
        let code = embed_code(
            "https://example.org/sub/",
            &Route::Participant {
                id: "xi-jinping".into(),
            },
            &query,
            "Xi's \"talks\" & <more>",
            "",
        )
        .unwrap();
        assert!(
            code.contains(
                "src=\"https://example.org/sub/embed/p/xi-jinping?q=%22a+%26+b%22+%3Cc%3E&amp;sort=oldest\""
            ),
            "{code}"
        );
        assert!(
            code.contains("title=\"Xi&#39;s &quot;talks&quot; &amp; &lt;more&gt;\""),
            "{code}"
        );
        assert!(
            code.contains("<script src=\"https://example.org/sub/embed-host.js\" async>"),
            "{code}"
        );
        // Nothing in the attribute values can end them or open a tag.
        let values = code.split('"').skip(1).step_by(2);
        assert!(values.clone().all(|v| !v.contains(['<', '>', '\''])));
        assert_eq!(values.count(), 7);
    }

    #[test]
    fn single_views_need_no_query_and_not_found_has_no_embed() {
        let query = Query::from_query_string("q=x");
        let code = embed_code(
            "/",
            &Route::Statement { id: "a-s1".into() },
            &query,
            "Statement by A · readouts",
            "",
        )
        .unwrap();
        assert!(code.starts_with("<iframe src=\"/embed/s/a-s1\" "), "{code}");
        assert!(code.contains("height=\"520\""), "{code}");
        let embed = embed_code(
            "/",
            &Route::EmbedReadout { id: "a".into() },
            &query,
            "A",
            "",
        )
        .unwrap();
        assert!(embed.starts_with("<iframe src=\"/embed/r/a\" "), "{embed}");
        assert_eq!(embed_code("/", &Route::NotFound, &query, "x", ""), None);
    }

    #[test]
    fn an_embeds_own_parameters_follow_the_views_query() {
        assert_eq!(own_parameters("auto", false), "");
        assert_eq!(own_parameters("sepia", false), "");
        assert_eq!(own_parameters("dark", false), "theme=dark");
        assert_eq!(own_parameters("light", true), "theme=light&total=1");
        assert_eq!(own_parameters("auto", true), "total=1");
        let query = Query::from_query_string("topic=BRICS");
        let src = |route: Route, own: &str| {
            let code = embed_code("/", &route, &query, "t", own).unwrap();
            code.split('"').nth(1).unwrap().to_string()
        };
        assert_eq!(
            src(Route::Home, "theme=dark&total=1"),
            "/embed/?topic=BRICS&amp;theme=dark&amp;total=1"
        );
        assert_eq!(src(Route::Home, ""), "/embed/?topic=BRICS");
        assert_eq!(
            src(Route::Statement { id: "a-s1".into() }, "theme=light"),
            "/embed/s/a-s1?theme=light"
        );
        let everything = Query::from_query_string("");
        let code = embed_code("/", &Route::Home, &everything, "t", "total=1").unwrap();
        assert!(
            code.starts_with("<iframe src=\"/embed/?total=1\" "),
            "{code}"
        );
    }

    #[test]
    fn only_total_1_asks_for_the_total() {
        assert!(asks_total("total=1"));
        assert!(asks_total("topic=BRICS&total=1&theme=dark"));
        for query in [
            "",
            "total=0",
            "total=",
            "total=10",
            "xtotal=1",
            "q=total%3D1",
            "q=total=1x",
        ] {
            assert!(!asks_total(query), "{query}");
        }
    }

    #[test]
    fn frame_titles_say_what_narrows_the_view() {
        assert_eq!(frame_title("Statements", &[]), "Statements · readouts");
        assert_eq!(
            frame_title(
                "Statements",
                &[
                    ("topic".into(), "BRICS".into()),
                    ("speaker".into(), "Xi Jinping".into())
                ]
            ),
            "Statements (topic: BRICS; speaker: Xi Jinping) · readouts"
        );
    }
}
