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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    async fn pager(page: usize, total: usize) -> String {
        render::<Pager>(PagerProps {
            route: Route::Home,
            query: Rc::new(Query {
                text: "trade".into(),
                page,
                ..Query::default()
            }),
            total,
        })
        .await
    }

    #[tokio::test]
    async fn links_to_the_pages_around() {
        assert_eq!(pager(0, PAGE_SIZE).await, "");
        let first = pager(0, 120).await;
        assert!(
            first.contains(r#"<nav aria-label="Pages of results" class="pager">"#),
            "{first}"
        );
        assert!(first.contains("Page 1 of 3"), "{first}");
        assert!(!first.contains("Previous"), "{first}");
        assert!(first.contains(r#"href="/?q=trade&amp;page=2""#), "{first}");
        let middle = pager(1, 120).await;
        assert!(middle.contains(r#"href="/?q=trade""#), "{middle}");
        assert!(
            middle.contains(r#"href="/?q=trade&amp;page=3""#),
            "{middle}"
        );
        let last = pager(2, 120).await;
        assert!(!last.contains("Next"), "{last}");
        // Past the end: a way back to the last page.
        let past = pager(9, 120).await;
        assert!(past.contains(r#"href="/?q=trade&amp;page=3""#), "{past}");
    }
}
