//! The pieces pages are made of.

pub mod active_filters;
pub mod bar_chart;
pub mod date_range;
pub mod deferred_search;
pub mod download;
pub mod drawn_cards;
pub mod embed_code;
pub mod facet_list;
pub mod filter_panel;
pub mod highlighted_text;
pub mod load_status;
pub mod no_results;
pub mod pager;
pub mod result_count;
pub mod search_box;
pub mod share;
pub mod source_text;
pub mod statement_browser;
pub mod statement_card;
pub mod statement_results;
pub mod timeline;

use yew::{Callback, MouseEvent, UseStateHandle};

/// A click handler that flips `state` (a panel open or closed, a list expanded): one closure
/// type for every such button, as each closure type adds its own code to the wasm.
pub fn toggle_on_click(state: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.set(!*state))
}
