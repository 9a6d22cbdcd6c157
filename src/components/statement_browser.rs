//! Statements with filters and search, all kept in the URL: the search box, a filter panel
//! (date range and facet lists with live counts) and the results (count, sort, active
//! filters, one page of cards, pager). The cards page shows the whole corpus with it; a
//! participant's page shows their statements (a scope the URL does not carry).
//!
//! Facet toggles, dates, sort and pages push a history entry; search keystrokes replace it
//! (see [`SearchBox`]). Each query runs once per URL and is timed as `readouts:query`.

use crate::components::active_filters::ActiveFilters;
use crate::components::date_range::DateRange;
use crate::components::facet_list::FacetList;
use crate::components::pager::Pager;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SearchBox;
use crate::components::statement_card::StatementCard;
use crate::corpus_loader::SharedIndex;
use crate::nav::{first_page, go, use_query, Mode};
use crate::platform::{focus_id, measure, Scroll};
use crate::route::Route;
use readouts_core::query::{Facet, Query, Sort};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The facets of the filter panel, in order.
const PANEL: [Facet; 7] = [
    Facet::Speaker,
    Facet::Country,
    Facet::Topic,
    Facet::Verb,
    Facet::Role,
    Facet::Kind,
    Facet::Readout,
];

#[derive(Properties, PartialEq)]
pub struct StatementBrowserProps {
    /// The page the browser is on; its links keep this path and change the query string.
    pub route: Route,
    /// A filter the page always applies and the panel does not offer (a participant's page:
    /// `(Facet::Speaker, id)`).
    #[prop_or_default]
    pub scope: Option<(Facet, AttrValue)>,
    /// Statements within the scope (the whole corpus without one), for "12 of 14 statements".
    pub of: usize,
    /// A heading above the browser (an `h2`, the browser's own headings then `h3`); without
    /// one, the browser's headings are `h2`.
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// The label of the search box.
    #[prop_or(AttrValue::Static("Search statements"))]
    pub search_label: AttrValue,
}

#[component]
pub fn StatementBrowser(props: &StatementBrowserProps) -> Html {
    let index = use_context::<SharedIndex>();
    let navigator = use_navigator();
    let query = Rc::new(use_query());
    let effective = match &props.scope {
        Some((facet, value)) => {
            let mut q = (*query).clone();
            q.filters
                .insert(*facet, std::iter::once(value.to_string()).collect());
            Rc::new(q)
        }
        None => query.clone(),
    };
    let results = use_memo((index.clone(), effective), |(index, q)| {
        index
            .as_ref()
            .map(|index| Rc::new(measure("readouts:query", || index.search(q))))
    });
    let extent = use_memo(index.clone(), |index| {
        index.as_ref().and_then(|i| i.date_extent())
    });
    let panel_open = use_state(|| false);
    // A new page of results: the reader is taken to its top.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(query.page, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_id("results-title", Scroll::Start);
            }
        });
    }
    let (Some(index), Some(results)) = (index, (*results).clone()) else {
        return Html::default();
    };

    let set = {
        let navigator = navigator.clone();
        let route = props.route.clone();
        move |q: Query, mode: Mode| {
            if let Some(navigator) = &navigator {
                go(navigator, &route, &q.to_query_string(), None, mode);
            }
        }
    };
    let on_toggle = {
        let (set, query) = (set.clone(), query.clone());
        Callback::from(move |(facet, value): (Facet, String)| {
            set(query.toggled(facet, &value), Mode::Push)
        })
    };
    let on_search = {
        let (set, query) = (set.clone(), query.clone());
        Callback::from(move |(text, push): (String, bool)| {
            let mut next = first_page(&query);
            next.text = text;
            set(next, if push { Mode::Push } else { Mode::Replace })
        })
    };
    let on_dates = {
        let (set, query) = (set.clone(), query.clone());
        Callback::from(move |(from, to): (Option<String>, Option<String>)| {
            let mut next = first_page(&query);
            (next.from, next.to) = (from, to);
            set(next, Mode::Push)
        })
    };
    let on_sort = {
        let (set, query) = (set.clone(), query.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = first_page(&query);
            next.sort = Sort::from_key(&select.value()).unwrap_or_default();
            set(next, Mode::Push)
        })
    };
    let on_change = {
        let set = set.clone();
        Callback::from(move |q: Query| set(q, Mode::Push))
    };
    let toggle_panel = {
        let panel_open = panel_open.clone();
        Callback::from(move |_: MouseEvent| panel_open.set(!*panel_open))
    };

    let scoped = props.scope.as_ref().map(|(facet, _)| *facet);
    let facets = PANEL
        .into_iter()
        .filter(|f| Some(*f) != scoped)
        .map(|facet| {
            html! {
                <FacetList key={facet.key()} index={index.clone()} results={results.clone()} {facet} on_toggle={on_toggle.clone()} />
            }
        });
    let active = query.filters.values().map(|v| v.len()).sum::<usize>()
        + usize::from(query.from.is_some())
        + usize::from(query.to.is_some());
    // Headings: the optional title, then "Filters" and "Results", then the cards.
    let level = if props.title.is_some() { 3 } else { 2 };
    let heading = format!("h{level}");
    let search = AttrValue::from(query.text.clone());
    let cards = results.page.iter().map(|&doc| {
        html! {
            <StatementCard key={doc} index={index.clone()} {doc} search={search.clone()} level={level + 1} />
        }
    });
    let sort_option = |sort: Sort, text: &'static str| {
        html! { <option value={sort.key()} selected={query.sort == sort}>{ text }</option> }
    };

    html! {
        <div class="browser">
            if let Some(title) = &props.title {
                <h2 class="browser-title">{ title.clone() }</h2>
            }
            <SearchBox value={search.clone()} label={props.search_label.clone()} on_change={on_search} />
            <div class="browser-body">
                <aside class={classes!("filter-panel", panel_open.then_some("open"))} aria-labelledby="filters-title">
                    <@{heading.clone()} id="filters-title" class="filters-title">{ "Filters" }</@>
                    <button type="button" class="filters-toggle" aria-expanded={panel_open.to_string()} aria-controls="filter-body" onclick={toggle_panel}>
                        { "Filters" }
                        if active > 0 {
                            <span class="filters-active">{ format!(" · {active} active") }</span>
                        }
                    </button>
                    <div class="filter-body" id="filter-body">
                        <DateRange
                            from={query.from.clone().map(AttrValue::from)}
                            to={query.to.clone().map(AttrValue::from)}
                            extent={extent.as_ref().clone().map(|(a, b)| (AttrValue::from(a), AttrValue::from(b)))}
                            on_change={on_dates}
                        />
                        { for facets }
                    </div>
                </aside>
                <section class="results" aria-labelledby="results-title">
                    <div class="results-head">
                        <@{heading} id="results-title" class="visually-hidden" tabindex="-1">{ "Results" }</@>
                        <ResultCount total={results.total} of={props.of} />
                        <div class="sort">
                            <label for="sort-select">{ "Sort" }</label>
                            <select id="sort-select" onchange={on_sort}>
                                { sort_option(Sort::Newest, "Newest first") }
                                { sort_option(Sort::Oldest, "Oldest first") }
                                { sort_option(Sort::Readout, "Readout order") }
                            </select>
                        </div>
                    </div>
                    <ActiveFilters index={index.clone()} query={query.clone()} {on_change} />
                    if results.page.is_empty() {
                        <p class="empty">{ empty_message(&query, results.total) }</p>
                    } else {
                        <div class="cards">{ for cards }</div>
                    }
                    <Pager route={props.route.clone()} query={query.clone()} total={results.total} />
                </section>
            </div>
        </div>
    }
}

fn empty_message(query: &Query, total: usize) -> &'static str {
    if total > 0 {
        "This page is past the last page of results."
    } else if query.is_empty() {
        "There are no statements here yet."
    } else {
        "No statement matches. Remove a filter, or try fewer or shorter words."
    }
}
