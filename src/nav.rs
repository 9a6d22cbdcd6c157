//! Moving within the app with a query string and a fragment, which yew-router's `Link` and
//! `Navigator` do not combine: [`AppLink`] renders a real `<a href>` (so links can be opened
//! in a new tab, copied and read by screen readers) and navigates without a reload; [`go`]
//! does the same from code, pushing a history entry or replacing the current one.

use crate::route::Route;
use readouts_core::query::Query;
use yew::prelude::*;
use yew_router::history::{BrowserHistory, History};
use yew_router::navigator::NavigatorKind;
use yew_router::prelude::*;
use yew_router::query::Raw;

/// Whether a navigation adds a history entry or replaces the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Push,
    Replace,
}

/// The URL of `route` with a query string and a fragment, below the router's basename.
pub fn href(basename: Option<&str>, route: &Route, query: &str, fragment: Option<&str>) -> String {
    let mut out = format!("{}{}", basename.unwrap_or(""), route.to_path());
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Goes to `route` with `query` and `fragment`. The browser router gets the exact URL;
/// other routers (the tests' memory router) get the route and query, without the fragment.
pub fn go(navigator: &Navigator, route: &Route, query: &str, fragment: Option<&str>, mode: Mode) {
    if mode == Mode::Push {
        crate::scroll_memory::remember();
    }
    if navigator.kind() == NavigatorKind::Browser {
        let url = href(navigator.basename(), route, query, fragment);
        let history = BrowserHistory::new();
        match mode {
            Mode::Push => history.push(url),
            Mode::Replace => history.replace(url),
        }
    } else {
        let _ = match mode {
            Mode::Push => navigator.push_with_query(route, Raw(query)),
            Mode::Replace => navigator.replace_with_query(route, Raw(query)),
        };
    }
}

/// The query on its first page. One function, not inlined: each inlined clone of a query
/// (maps of sets) weighs on the wasm.
#[inline(never)]
pub fn first_page(query: &Query) -> Query {
    Query {
        page: 0,
        ..query.clone()
    }
}

/// The query of the current URL (filters, search, sort, page).
#[hook]
pub fn use_query() -> Query {
    let location = use_location();
    Query::from_query_string(location.as_ref().map_or("", |l| l.query_str()))
}

#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    pub to: Route,
    /// A query string without the leading `?`.
    #[prop_or_default]
    pub query: AttrValue,
    /// An element id to scroll to and focus on arrival.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    #[prop_or_default]
    pub aria_current: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link's `href` and click handler: a plain click navigates in place; clicks with a modifier
/// key (new tab, new window) are left to the browser. Components with many links (cards) use
/// this with one navigator lookup rather than an [`AppLink`] component per link.
pub fn link_to(
    navigator: &Option<Navigator>,
    to: Route,
    query: AttrValue,
    fragment: Option<AttrValue>,
) -> (String, Callback<MouseEvent>) {
    let url = href(
        navigator.as_ref().and_then(|n| n.basename()),
        &to,
        &query,
        fragment.as_deref(),
    );
    let navigator = navigator.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
            return;
        }
        if let Some(navigator) = &navigator {
            e.prevent_default();
            go(navigator, &to, &query, fragment.as_deref(), Mode::Push);
        }
    });
    (url, onclick)
}

/// A link within the app (see [`link_to`]).
#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let navigator = use_navigator();
    let (url, onclick) = link_to(
        &navigator,
        props.to.clone(),
        props.query.clone(),
        props.fragment.clone(),
    );
    html! {
        <a
            href={url}
            class={props.classes.clone()}
            id={props.id.clone()}
            title={props.title.clone()}
            aria-current={props.aria_current.clone()}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}
