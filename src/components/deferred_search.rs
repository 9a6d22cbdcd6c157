//! Search text ahead of the URL: the results follow every keystroke, the address is written
//! once typing pauses ([`URL_DELAY_MS`]), or at once when the text settles (the search box
//! left, Enter) or before any other change of the view (a facet, the sort, a page). Writing
//! the URL (`history.replaceState`) costs a few milliseconds a keystroke, which belong to the
//! results.
//!
//! A search gets one history entry: its first write pushes one, and later writes replace it
//! while the URL still holds the last search written here, so that Back leaves the search in
//! one step. A text typed over one URL never lands on another: when the URL moves on first
//! (Back, a link), the pending text and its write are dropped, and so are they when the
//! browser leaves the page (the timer holds the state weakly).

use crate::nav::{first_page, go, Mode};
use crate::route::Route;
use gloo_timers::callback::Timeout;
use readouts_core::query::{Facet, Query};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// How long typing must pause before the search text goes into the URL.
pub const URL_DELAY_MS: u32 = 350;

/// A text typed but not yet in the URL.
struct Typed {
    text: String,
    /// The write after the pause; dropping it cancels it.
    _write: Timeout,
}

/// Where the latest render was: what a write of the URL needs.
struct Place {
    navigator: Navigator,
    route: Route,
    /// The URL's query.
    query: Rc<Query>,
    /// The query shown: the URL's, with the typed text if any.
    shown: Rc<Query>,
}

impl Place {
    fn go(&self, query: &Query, mode: Mode) {
        go(
            &self.navigator,
            &self.route,
            &query.to_query_string(),
            None,
            mode,
        );
    }
}

#[derive(Default)]
struct Typing {
    typed: Option<Typed>,
    place: Option<Place>,
    /// The query of the last search this browser wrote: a text typed over it replaces its
    /// history entry.
    written: Option<Rc<Query>>,
}

/// What [`use_deferred_search`] gives the statement browser.
pub struct DeferredSearch {
    /// The query to show: the URL's, with the text typed since if there is one.
    pub query: Rc<Query>,
    /// For the search box's keystrokes.
    pub on_input: Callback<String>,
    /// Writes the typed text into the URL now, if it is still pending.
    pub settle: Callback<()>,
    /// Goes to another query with a new history entry, the typed text written first (a
    /// facet, dates, the sort, a filter removed), so that Back returns to the search.
    pub on_change: Callback<Query>,
    /// Toggles a facet's value of the query shown, as `on_change` goes. It reads the browser's
    /// state when called, so the one of an earlier render does the same: facet lists keep
    /// theirs while their counts stay the same (they do not render again).
    pub on_toggle: Callback<(Facet, String)>,
    /// Goes to a query chosen from the suggestions, with a new history entry: the typed text
    /// is dropped, not written first (the query holds what is left of it).
    pub choose: Callback<Query>,
}

/// The search of the browser at `route` whose URL holds `query`.
#[hook]
pub fn use_deferred_search(route: &Route, query: Rc<Query>) -> DeferredSearch {
    let typing = use_mut_ref(Typing::default);
    let redraw = use_force_update();
    let navigator = use_navigator();
    let mut state = typing.borrow_mut();
    // The URL moved on (Back, a link, a write): a text typed over the old one is dropped.
    let moved = state
        .place
        .as_ref()
        .is_some_and(|p| p.route != *route || p.query != query);
    if moved {
        state.typed = None;
    }
    let shown = match &state.typed {
        Some(typed) if typed.text.trim() != query.text.trim() => with_text(&query, &typed.text),
        _ => query.clone(),
    };
    state.place = navigator.map(|navigator| Place {
        navigator,
        route: route.clone(),
        query,
        shown: shown.clone(),
    });
    drop(state);
    let (on_input, settle, on_change, on_toggle) = callbacks(typing.clone(), redraw);
    let choose = Callback::from(move |next: Query| {
        typing.borrow_mut().typed = None;
        if let Some(place) = &typing.borrow().place {
            place.go(&next, Mode::Push);
        }
    });
    DeferredSearch {
        query: shown,
        on_input,
        settle,
        on_change,
        on_toggle,
        choose,
    }
}

type Callbacks = (
    Callback<String>,
    Callback<()>,
    Callback<Query>,
    Callback<(Facet, String)>,
);

fn callbacks(typing: Rc<RefCell<Typing>>, redraw: UseForceUpdateHandle) -> Callbacks {
    let on_input = {
        let typing = typing.clone();
        Callback::from(move |text: String| {
            let write = {
                let typing = Rc::downgrade(&typing);
                Timeout::new(URL_DELAY_MS, move || {
                    if let Some(typing) = typing.upgrade() {
                        write_url(&typing)
                    }
                })
            };
            typing.borrow_mut().typed = Some(Typed {
                text,
                _write: write,
            });
            redraw.force_update();
        })
    };
    let settle = {
        let typing = typing.clone();
        Callback::from(move |()| write_url(&typing))
    };
    let on_change = {
        let typing = typing.clone();
        Callback::from(move |next: Query| {
            write_url(&typing);
            if let Some(place) = &typing.borrow().place {
                place.go(&next, Mode::Push);
            }
        })
    };
    let on_toggle = Callback::from(move |(facet, value): (Facet, String)| {
        write_url(&typing);
        if let Some(place) = &typing.borrow().place {
            place.go(&place.shown.toggled(facet, &value), Mode::Push);
        }
    });
    (on_input, settle, on_change, on_toggle)
}

/// `query` searching `text`, on its first page.
fn with_text(query: &Query, text: &str) -> Rc<Query> {
    let mut next = first_page(query);
    next.text = text.to_string();
    Rc::new(next)
}

/// Writes the pending text into the URL: a new history entry, unless the URL holds the last
/// search written here (then it is replaced), so that Back leaves a search in one step.
fn write_url(typing: &RefCell<Typing>) {
    let mut state = typing.borrow_mut();
    let (Some(typed), Some(place)) = (state.typed.take(), &state.place) else {
        return;
    };
    if typed.text.trim() == place.query.text.trim() {
        return;
    }
    let next = with_text(&place.query, &typed.text);
    let mode = if state.written.as_ref() == Some(&place.query) {
        Mode::Replace
    } else {
        Mode::Push
    };
    place.go(&next, mode);
    state.written = Some(next);
}
