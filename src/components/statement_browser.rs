//! Statements with filters and search, all kept in the URL: the search box, the
//! [`FilterPanel`] and the [`StatementResults`]. The cards page shows the whole corpus with
//! it; a participant's page shows their statements (a scope the URL does not carry). In an
//! embed, only the results: the embed shows the view its URL chose.
//!
//! Facet toggles, dates, sort, pages and removed filters push a history entry; a search gets
//! one entry, its URL written once typing pauses ([`use_deferred_search`], [`SearchBox`]) while
//! the results follow every keystroke. Each query runs once per text and URL and is timed as
//! the performance measure `readouts:query`. The search box suggests facet values for the
//! word being typed ([`suggest`]). A query that finds nothing keeps the filter
//! panel, with the counts of the nearest query that finds something ([`why_empty`]), which
//! the results explain.

use crate::components::deferred_search::use_deferred_search;
use crate::components::download::statements_download;
use crate::components::filter_panel::FilterPanel;
use crate::components::search_box::SearchBox;
use crate::components::statement_results::{StatementResults, Why};
use crate::corpus_loader::SharedIndex;
use crate::nav::{use_embedded, use_query};
use crate::platform::measure;
use crate::route::Route;
use readouts_core::query::{suggest, why_empty, Facet};
use std::rc::Rc;
use yew::prelude::*;

/// The most suggestions the search box offers.
const SUGGESTIONS: usize = 8;

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
    let embedded = use_embedded();
    let url_query = Rc::new(use_query());
    let search = use_deferred_search(&props.route, url_query.clone());
    let query = search.query;
    let effective = match &props.scope {
        Some((facet, value)) => {
            let mut q = (*query).clone();
            q.filters.clear(*facet);
            q.filters.insert(*facet, value.to_string());
            Rc::new(q)
        }
        None => query.clone(),
    };
    let results = use_memo((index.clone(), effective.clone()), |(index, q)| {
        index
            .as_ref()
            .map(|index| Rc::new(measure("readouts:query", || index.search(q))))
    });
    // Counted within the scope, applied to the query of the URL (the scope is not in it).
    let suggestions = use_memo(
        (index.clone(), effective.clone(), embedded),
        |(index, q, embedded)| match index {
            Some(index) if !embedded => suggest(index, q, SUGGESTIONS),
            _ => Vec::new(),
        },
    );
    // A query that finds nothing, outside a scope: why, and the facets of the way back.
    let zero = (*results).as_ref().is_some_and(|r| r.total == 0)
        && !query.is_empty()
        && props.scope.is_none();
    let emptied = use_memo((index.clone(), query.clone(), zero), |(index, q, zero)| {
        index
            .as_ref()
            .filter(|_| *zero)
            .and_then(|index| why_empty(index, q))
            .map(Rc::new)
    });
    let (Some(index), Some(results)) = (index, (*results).clone()) else {
        return Html::default();
    };
    let emptied = (*emptied).clone();
    let panel_results = match &emptied {
        Some(why) => Rc::new(why.results.clone()),
        None => results.clone(),
    };

    // What "Download" exports: every statement of the view, its scope included.
    let downloads = if embedded {
        Html::default()
    } else {
        statements_download(&index, &effective, results.total)
    };
    let on_change = search.on_change;
    // Headings: the optional title, then "Filters" and "Results", then the cards.
    let level = if props.title.is_some() { 3 } else { 2 };

    html! {
        <div class="browser">
            if let Some(title) = &props.title {
                <h2 class="browser-title">{ title.clone() }</h2>
            }
            if !embedded {
                <SearchBox
                    value={AttrValue::from(url_query.text.clone())}
                    label={props.search_label.clone()}
                    on_change={search.on_input}
                    on_settle={search.settle}
                    query={query.clone()}
                    {suggestions}
                    on_choose={search.choose}
                />
            }
            <div class="browser-body">
                if !embedded {
                    <FilterPanel
                        index={index.clone()}
                        query={query.clone()}
                        results={panel_results}
                        hidden={props.scope.as_ref().map(|(facet, _)| *facet)}
                        {level}
                        on_change={on_change.clone()}
                        on_toggle={search.on_toggle}
                        total={results.total}
                    />
                }
                <StatementResults {index} route={props.route.clone()} {query} {results} of={props.of} {level} {on_change} scoped={props.scope.is_some()} {downloads} emptied={Why(emptied)} />
            </div>
        </div>
    }
}
