//! Previous and next pages of results, as links (each page has its own URL).

use crate::dom::{class_text, el, link, text};
use crate::format::thousands;
use crate::nav::{first_page, Links};
use crate::route::Route;
use readouts_core::query::{Query, PAGE_SIZE};
use yew::prelude::*;

/// Links to the pages around `query`'s page of `total` results on `route`; nothing when
/// everything fits on one page. A function, not a component: it needs no state of its own.
/// In an embed, the links page inside the iframe ([`Links::within`]).
pub fn pager(links: &Links, route: &Route, query: &Query, total: usize) -> Html {
    let pages = total.div_ceil(PAGE_SIZE);
    let page = query.page;
    if pages <= 1 && page == 0 {
        return Html::default();
    }
    let page_link = |to_page: usize, label: &'static str, class: &'static str| {
        let mut target = first_page(query);
        target.page = to_page;
        let to = links.within(
            route.clone(),
            AttrValue::from(target.to_query_string()),
            None,
        );
        link(to, class, vec![text(label)])
    };
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(page_link(
            page.min(pages.max(1)) - 1,
            "← Previous page",
            "pager-link prev",
        ));
    }
    nav.push(class_text(
        "p",
        "pager-status",
        format!(
            "Page {} of {}",
            thousands(page + 1),
            thousands(pages.max(1))
        ),
    ));
    if page + 1 < pages {
        nav.push(page_link(page + 1, "Next page →", "pager-link next"));
    }
    el(
        "nav",
        &["aria-label", "class"],
        vec![Some("Pages of results".into()), Some("pager".into())],
        nav,
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[derive(Properties, PartialEq)]
    struct Props {
        page: usize,
        total: usize,
    }

    #[component]
    fn Pager(props: &Props) -> Html {
        let query = Query {
            text: "trade".into(),
            page: props.page,
            ..Query::default()
        };
        pager(&Links::default(), &Route::Home, &query, props.total)
    }

    async fn show(page: usize, total: usize) -> String {
        render::<Pager>(Props { page, total }).await
    }

    #[tokio::test]
    async fn links_to_the_pages_around() {
        assert_eq!(show(0, PAGE_SIZE).await, "");
        let first = show(0, 120).await;
        assert!(
            first.contains(r#"<nav aria-label="Pages of results" class="pager">"#),
            "{first}"
        );
        assert!(first.contains("Page 1 of 3"), "{first}");
        assert!(!first.contains("Previous"), "{first}");
        assert!(first.contains(r#"href="/?q=trade&amp;page=2""#), "{first}");
        let middle = show(1, 120).await;
        assert!(middle.contains(r#"href="/?q=trade""#), "{middle}");
        assert!(
            middle.contains(r#"href="/?q=trade&amp;page=3""#),
            "{middle}"
        );
        let last = show(2, 120).await;
        assert!(!last.contains("Next"), "{last}");
        // Past the end: a way back to the last page.
        let past = show(9, 120).await;
        assert!(past.contains(r#"href="/?q=trade&amp;page=3""#), "{past}");
    }
}
