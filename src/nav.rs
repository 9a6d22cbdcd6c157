//! Moving within the app with a query string and a fragment, which yew-router's `Link` and
//! `Navigator` do not combine: [`AppLink`] renders a real `<a href>` (so links can be opened
//! in a new tab, copied and read by screen readers) and navigates without a reload; [`go`]
//! does the same from code, pushing a history entry or replacing the current one.
//!
//! In an embed (below the [`Embedded`] context), links open the full app in a new tab instead
//! of navigating the iframe, except those made to stay ([`Links::within`], the pager's).

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

/// The URL of `route` with a query string and a fragment (an element id, percent-encoded as
/// the route's ids are: [`fragment_id`] reads it back), below the router's basename.
pub fn href(basename: Option<&str>, route: &Route, query: &str, fragment: Option<&str>) -> String {
    let mut out = format!("{}{}", basename.unwrap_or(""), route.to_path());
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(&urlencoding::encode(fragment));
    }
    out
}

/// The element id of a URL's fragment (`location.hash`, with or without its `#`): decoded, as
/// [`href`] encodes it; a fragment that is not valid percent-encoded UTF-8 is taken as written.
pub fn fragment_id(hash: &str) -> String {
    let hash = hash.trim_start_matches('#');
    urlencoding::decode(hash).map_or_else(|_| hash.to_string(), |id| id.into_owned())
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

/// A click handler that hands `next` to `on_change`: one closure type for every button that
/// goes to another query (each closure type adds its own call and drop code to the wasm).
pub fn emit_on_click(on_change: &Callback<Query>, next: Query) -> Callback<MouseEvent> {
    let on_change = on_change.clone();
    Callback::from(move |_: MouseEvent| on_change.emit(next.clone()))
}

/// The query of the current URL (filters, search, sort, page).
#[hook]
pub fn use_query() -> Query {
    let location = use_location();
    Query::from_query_string(location.as_ref().map_or("", |l| l.query_str()))
}

/// Given as a context by the embed layout ([`crate::embed::layout`]): the page below it
/// is in another site's iframe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Embedded {
    /// The embed's address asks for the size of the view's scope next to its count
    /// (`total=1`: [`crate::embed::asks_total`]).
    pub total: bool,
}

/// Whether the component is in an embed.
#[hook]
pub fn use_embedded() -> bool {
    use_context::<Embedded>().is_some()
}

/// A link's attributes: `<a href={href} onclick={onclick} target={target} rel={rel}>`.
pub struct Link {
    pub href: String,
    pub onclick: Callback<MouseEvent>,
    /// `_blank` for a link out of an embed.
    pub target: Option<AttrValue>,
    pub rel: Option<AttrValue>,
}

/// Links from one component, with one lookup of the navigator and the embed context:
/// components with many links (cards) use this rather than an [`AppLink`] per link.
#[derive(Clone, Default)]
pub struct Links {
    navigator: Option<Navigator>,
    embedded: bool,
}

/// The [`Links`] of the current component.
#[hook]
pub fn use_links() -> Links {
    Links {
        navigator: use_navigator(),
        embedded: use_embedded(),
    }
}

impl Links {
    /// Whether the links are in an embed.
    pub fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// A link to `to` without a query or a fragment (see [`Links::to`]).
    pub fn page(&self, to: Route) -> Link {
        self.to(to, AttrValue::default(), None)
    }

    /// A link to `to`. In the app, a plain click navigates in place and clicks with a
    /// modifier key (new tab, new window) are left to the browser; in an embed, the link
    /// opens `to` in the full app, in a new tab.
    pub fn to(&self, to: Route, query: AttrValue, fragment: Option<AttrValue>) -> Link {
        if self.embedded {
            let route = to.full();
            return Link {
                href: href(self.basename(), &route, &query, fragment.as_deref()),
                onclick: Callback::noop(),
                target: Some(AttrValue::Static("_blank")),
                rel: Some(AttrValue::Static("noopener")),
            };
        }
        self.in_place(to, query, fragment)
    }

    /// A link that stays in the current layout: in an embed, to the embed of `to` (the pager
    /// pages through an embedded list inside the iframe).
    pub fn within(&self, to: Route, query: AttrValue, fragment: Option<AttrValue>) -> Link {
        let to = match (self.embedded, to.embedded()) {
            (true, Some(embed)) => embed,
            _ => to,
        };
        self.in_place(to, query, fragment)
    }

    fn basename(&self) -> Option<&str> {
        self.navigator.as_ref().and_then(|n| n.basename())
    }

    fn in_place(&self, to: Route, query: AttrValue, fragment: Option<AttrValue>) -> Link {
        let url = href(self.basename(), &to, &query, fragment.as_deref());
        let navigator = self.navigator.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            if let Some(navigator) = &navigator {
                e.prevent_default();
                go(navigator, &to, &query, fragment.as_deref(), Mode::Push);
            }
        });
        Link {
            href: url,
            onclick,
            target: None,
            rel: None,
        }
    }
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
    /// In an embed, stay in the iframe (see [`Links::within`]) rather than open the full app.
    #[prop_or_default]
    pub stay: bool,
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

/// A link within the app (see [`Links`]).
#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let links = use_links();
    let (to, query, fragment) = (
        props.to.clone(),
        props.query.clone(),
        props.fragment.clone(),
    );
    let link = if props.stay {
        links.within(to, query, fragment)
    } else {
        links.to(to, query, fragment)
    };
    html! {
        <a
            href={link.href}
            class={props.classes.clone()}
            id={props.id.clone()}
            title={props.title.clone()}
            aria-current={props.aria_current.clone()}
            target={link.target}
            rel={link.rel}
            onclick={link.onclick}
        >
            { props.children.clone() }
        </a>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn in_an_embed_links_open_the_full_app_except_those_that_stay() {
        let embedded = Links {
            navigator: None,
            embedded: true,
        };
        let out = embedded.to(
            Route::Readout { id: "a".into() },
            AttrValue::default(),
            Some(AttrValue::from("a-s1")),
        );
        assert_eq!(out.href, "/r/a#a-s1");
        assert_eq!(out.target.as_deref(), Some("_blank"));
        assert_eq!(out.rel.as_deref(), Some("noopener"));
        let page = embedded.within(Route::Home, AttrValue::from("topic=SCO&page=2"), None);
        assert_eq!(page.href, "/embed/?topic=SCO&page=2");
        assert_eq!(page.target, None);
        let app = Links::default();
        let page = app.within(Route::Home, AttrValue::from("page=2"), None);
        assert_eq!(page.href, "/?page=2");
        let out = app.to(
            Route::Participant { id: "x".into() },
            AttrValue::default(),
            None,
        );
        assert_eq!((out.href.as_str(), out.target), ("/p/x", None));
    }

    #[test]
    fn fragments_are_percent_encoded_and_read_back() {
        let id = "a b#c%d/é\"<>";
        let url = href(None, &Route::Readout { id: "r".into() }, "", Some(id));
        let (_, fragment) = url.split_once('#').unwrap();
        assert!(
            fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)),
            "{url}"
        );
        assert_eq!(fragment_id(&format!("#{fragment}")), id);
        assert_eq!(fragment_id("#astana-s1"), "astana-s1");
        assert_eq!(fragment_id("#bad%ff"), "bad%ff");
    }
}
