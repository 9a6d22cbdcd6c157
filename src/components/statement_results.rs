//! One page of results: the count (announced politely), the sort and the downloads, the
//! active filters, the cards and the pager. A new page takes the reader to the top of the results. In an embed,
//! no sort or filter buttons: the embed shows the view its URL chose (the pager stays).

use crate::components::active_filters::active_filters;
use crate::components::no_results::no_results;
use crate::components::pager::pager;
use crate::components::result_count::ResultCount;
use crate::components::statement_card::StatementCard;
use crate::corpus_loader::SharedIndex;
use crate::nav::{first_page, use_links};
use crate::platform::{focus_id, Scroll};
use crate::route::Route;
use readouts_core::query::{Query, Results, Sort};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementResultsProps {
    pub index: SharedIndex,
    /// The page the results are on (for the pager's links).
    pub route: Route,
    /// The query of the URL and its results.
    pub query: Rc<Query>,
    pub results: Rc<Results>,
    /// Statements in the page's scope, for "12 of 14 statements".
    pub of: usize,
    /// The level of the (hidden) "Results" heading; cards are one below.
    pub level: u8,
    /// Called with the query to go to (another sort, a filter removed).
    pub on_change: Callback<Query>,
    /// The page adds a filter of its own (a participant's): a query that finds nothing then
    /// gets the plain message, not the explanation of a query without that filter.
    #[prop_or_default]
    pub scoped: bool,
    /// The view's download buttons, shown after the sort (none in embeds).
    #[prop_or_default]
    pub downloads: Html,
}

#[component]
pub fn StatementResults(props: &StatementResultsProps) -> Html {
    {
        let first = use_mut_ref(|| true);
        use_effect_with(props.query.page, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_id("results-title", Scroll::Start);
            }
        });
    }
    let links = use_links();
    let embedded = links.is_embedded();
    let query = &props.query;
    let results = &props.results;
    let on_sort = {
        let (on_change, query) = (props.on_change.clone(), query.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = first_page(&query);
            next.sort = Sort::from_key(&select.value()).unwrap_or_default();
            on_change.emit(next)
        })
    };
    let sort_option = |sort: Sort, text: &'static str| {
        html! { <option value={sort.key()} selected={query.sort == sort}>{ text }</option> }
    };
    let search = AttrValue::from(query.text.clone());
    let cards = results.page.iter().map(|&doc| {
        html! {
            <StatementCard key={doc} index={props.index.clone()} {doc} search={search.clone()} level={props.level + 1} />
        }
    });
    html! {
        <section class="results" aria-labelledby="results-title">
            <div class="results-head">
                <@{format!("h{}", props.level)} id="results-title" class="visually-hidden" tabindex="-1">{ "Results" }</@>
                <ResultCount total={results.total} of={props.of} />
                if !embedded {
                    <div class="sort">
                        <label for="sort-select">{ "Sort" }</label>
                        <select id="sort-select" onchange={on_sort}>
                            { sort_option(Sort::Newest, "Newest first") }
                            { sort_option(Sort::Oldest, "Oldest first") }
                            { sort_option(Sort::Readout, "Readout order") }
                        </select>
                    </div>
                    { props.downloads.clone() }
                }
            </div>
            if !embedded {
                { active_filters(&props.index, query, &props.on_change) }
            }
            if results.total == 0 && !query.is_empty() && !props.scoped {
                { no_results(&props.index, query, &props.on_change) }
            } else if results.page.is_empty() {
                <p class="empty">{ empty_message(query, results.total) }</p>
            } else {
                <div class="cards">{ for cards }</div>
            }
            { pager(&links, &props.route, query, results.total) }
        </section>
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
