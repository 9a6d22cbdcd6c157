//! Previous and next pages of results, as links (each page has its own URL).

use crate::format::thousands;
use crate::nav::{first_page, AppLink};
use crate::route::Route;
use readouts_core::query::{Query, PAGE_SIZE};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// Where the results are shown.
    pub route: Route,
    pub query: Rc<Query>,
    pub total: usize,
}

/// Nothing when everything fits on one page.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let pages = props.total.div_ceil(PAGE_SIZE);
    let page = props.query.page;
    if pages <= 1 && page == 0 {
        return Html::default();
    }
    let link = |to_page: usize, text: &'static str, rel: &'static str| {
        let mut query = first_page(&props.query);
        query.page = to_page;
        html! {
            <AppLink to={props.route.clone()} query={AttrValue::from(query.to_query_string())} classes={classes!("pager-link", rel)}>
                { text }
            </AppLink>
        }
    };
    html! {
        <nav class="pager" aria-label="Pages of results">
            if page > 0 {
                { link(page.min(pages.max(1)) - 1, "← Previous page", "prev") }
            }
            <p class="pager-status">{ format!("Page {} of {}", thousands(page + 1), thousands(pages.max(1))) }</p>
            if page + 1 < pages {
                { link(page + 1, "Next page →", "next") }
            }
        </nav>
    }
}
