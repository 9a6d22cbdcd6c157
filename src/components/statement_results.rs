//! One page of results: the count (announced politely), the sort and the downloads, the
//! active filters, the cards and the pager. A new page takes the reader to the top of the results. In an embed,
//! no sort or filter buttons: the embed shows the view its URL chose (the pager stays), and
//! the count says how many statements match without the size of the page's scope unless the
//! embed's address asks for it (`total=1`, [`crate::embed::asks_total`]).

use crate::components::active_filters::active_filters;
use crate::components::drawn_cards::use_drawn_cards;
use crate::components::no_results::no_results;
use crate::components::pager::pager;
use crate::components::result_count::ResultCount;
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::components::statement_card::{statement_card, Card};
use crate::corpus_loader::SharedIndex;
use crate::nav::{first_page, use_links, Embedded};
use crate::platform::{focus_id, has_focus, Scroll};
use crate::route::Route;
use readouts_core::query::{Emptied, Query, Results, Sort};
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
    /// Why the query finds nothing, when it finds nothing outside a scope.
    #[prop_or_default]
    pub emptied: Why,
}

/// The core's answer to why a query finds nothing, compared by identity (it is made once per
/// query, in a memo): comparing its results and facets field by field costs code and time.
#[derive(Clone, Default)]
pub struct Why(pub Option<Rc<Emptied>>);

impl PartialEq for Why {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

#[component]
pub fn StatementResults(props: &StatementResultsProps) -> Html {
    {
        let first = use_mut_ref(|| true);
        use_effect_with(props.query.page, move |_| {
            // Typing goes back to page one: focus stays in the search box.
            if !std::mem::replace(&mut *first.borrow_mut(), false) && !has_focus(SEARCH_INPUT_ID) {
                focus_id("results-title", Scroll::Start);
            }
        });
    }
    let links = use_links();
    let embedded = links.is_embedded();
    // In an embed, the count alone unless its address asks for the total (`total=1`).
    let of = match use_context::<Embedded>() {
        Some(Embedded { total: false }) => props.results.total,
        _ => props.of,
    };
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
    let drawn = use_drawn_cards(&results.page);
    let mut before = None;
    let cards = results.page.iter().take(drawn).map(|&doc| {
        let card = Card {
            index: &props.index,
            doc,
            search: &query.text,
            level: props.level + 1,
            after: before.replace(doc),
            list: Some((&props.route, query)),
        };
        statement_card(&card, &links)
    });
    html! {
        <section class="results" aria-labelledby="results-title">
            <div class="results-head">
                <@{format!("h{}", props.level)} id="results-title" class="visually-hidden" tabindex="-1">{ "Results" }</@>
                <ResultCount total={results.total} {of} />
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
            { pager(&links, &props.route, query, results.total, "Pages of results, top") }
            if results.total == 0 && !query.is_empty() && !props.scoped {
                { no_results(&props.index, props.emptied.0.as_deref(), &props.on_change) }
            } else if results.page.is_empty() {
                <p class="empty">{ empty_message(query, results.total) }</p>
            } else {
                <div class="cards" aria-busy={(drawn < results.page.len()).then_some("true")}>{ for cards }</div>
            }
            { pager(&links, &props.route, query, results.total, "Pages of results") }
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
