//! The filter panel: the date range and one checkbox list per facet, with live counts. On a
//! phone it folds behind a "Filters" button that says how many filters are active.

use crate::components::date_range::date_range;
use crate::components::facet_list::FacetList;
use crate::components::toggle_on_click;
use crate::corpus_loader::SharedIndex;
use crate::format::count;
use crate::nav::first_page;
use crate::platform::{focus_id, Scroll};
use readouts_core::query::{Facet, Query, Results};
use std::rc::Rc;
use yew::prelude::*;

/// The facets of the panel, in order (Source only once readouts were imported).
const FACETS: [Facet; 8] = [
    Facet::Speaker,
    Facet::Country,
    Facet::Topic,
    Facet::Verb,
    Facet::Role,
    Facet::Kind,
    Facet::Readout,
    Facet::Source,
];

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub index: SharedIndex,
    /// The query of the URL and its results.
    pub query: Rc<Query>,
    pub results: Rc<Results>,
    /// A facet the page fixes (a participant's page: the speaker), not offered here.
    #[prop_or_default]
    pub hidden: Option<Facet>,
    /// The level of the panel's heading.
    pub level: u8,
    /// Called with the query to go to (dates).
    pub on_change: Callback<Query>,
    /// Called with a facet and the value to toggle.
    pub on_toggle: Callback<(Facet, String)>,
    /// The number of results of the query (the facets' counts may be of another query, when
    /// it finds nothing).
    pub total: usize,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let open = use_state(|| false);
    let extent = use_memo(props.index.clone(), |index| index.date_extent());
    let query = &props.query;
    let on_dates = {
        let (on_change, query) = (props.on_change.clone(), query.clone());
        Callback::from(move |(from, to): (Option<String>, Option<String>)| {
            let mut next = first_page(&query);
            (next.from, next.to) = (from, to);
            on_change.emit(next)
        })
    };
    let toggle = toggle_on_click(&open);
    // On a phone the results are below the open panel: this button folds it and goes there.
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            focus_id("results-title", Scroll::Start);
        })
    };
    let facets = FACETS
        .into_iter()
        .filter(|f| Some(*f) != props.hidden)
        .filter(|f| *f != Facet::Source || !props.index.imported().is_empty())
        .map(|facet| {
            html! {
                <FacetList key={facet.key()} index={props.index.clone()} results={props.results.clone()} {facet} on_toggle={props.on_toggle.clone()} />
            }
        });
    let active =
        query.filters.len() + usize::from(query.from.is_some()) + usize::from(query.to.is_some());
    html! {
        <aside class={classes!("filter-panel", open.then_some("open"))} aria-labelledby="filters-title">
            <@{format!("h{}", props.level)} id="filters-title" class="filters-title">{ "Filters" }</@>
            <button type="button" class="filters-toggle" aria-expanded={open.to_string()} aria-controls="filter-body" onclick={toggle}>
                { "Filters" }
                if active > 0 {
                    <span class="filters-active">{ format!(" · {active} active") }</span>
                }
            </button>
            <div class="filter-body" id="filter-body">
                { date_range(query.from.as_deref(), query.to.as_deref(), extent.as_ref().as_ref(), &on_dates) }
                { for facets }
                <button type="button" class="show-results" onclick={show}>{ format!("Show {}", count(props.total, "statement", "statements")) }</button>
            </div>
        </aside>
    }
}
