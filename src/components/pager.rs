//! The pages of results, as links (each page has its own URL, `page=`): first, previous, the
//! numbered pages around the current one, next and last, in a `<nav>` with its own label (the
//! results show one above and one below the cards); the current page is marked
//! `aria-current="page"`.

use crate::dom::{bare, class_text, el, link_attrs, text};
use crate::format::thousands;
use crate::nav::{first_page, Links};
use crate::route::Route;
use readouts_core::query::{Query, PAGE_SIZE};
use yew::prelude::*;

/// How many numbered pages are shown on each side of the current one.
const AROUND: usize = 2;

/// Links to the pages around `query`'s page of `total` results on `route`, in a `<nav>`
/// labelled `label`; nothing when everything fits on one page. A function, not a component:
/// it needs no state of its own. In an embed, the links page inside the iframe
/// ([`Links::within`]).
pub fn pager(
    links: &Links,
    route: &Route,
    query: &Query,
    total: usize,
    label: &'static str,
) -> Html {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page;
    if pages == 1 && page == 0 {
        return Html::default();
    }
    let last = pages - 1;
    // Past the end, the pages around the last one.
    let at = page.min(last);
    let mut items = Vec::new();
    if page > 0 {
        items.push(page_link(links, route, query, 0, "First"));
        items.push(page_link(links, route, query, at.min(page - 1), "Previous"));
    }
    for n in at.saturating_sub(AROUND)..=(at + AROUND).min(last) {
        items.push(page_link(links, route, query, n, ""));
    }
    if page < last {
        items.push(page_link(links, route, query, page + 1, "Next"));
        items.push(page_link(links, route, query, last, "Last"));
    }
    el(
        "nav",
        &["aria-label", "class"],
        vec![Some(label.into()), Some("pager".into())],
        vec![
            el("ul", &["class"], vec![Some("pager-pages".into())], items),
            class_text(
                "p",
                "pager-status",
                format!("Page {} of {}", thousands(page + 1), thousands(pages)),
            ),
        ],
    )
}

/// An item of the pager: a link to page `to` (zero-based) of `query`, named `word` (" page"
/// follows for screen readers: "First page"), or, without a word, its number ("Page 3" for
/// screen readers, marked as the current page when it is `query`'s).
#[inline(never)]
fn page_link(links: &Links, route: &Route, query: &Query, to: usize, word: &'static str) -> Html {
    let mut target = first_page(query);
    target.page = to;
    let link = links.within(
        route.clone(),
        AttrValue::from(target.to_query_string()),
        None,
    );
    let (children, current) = if word.is_empty() {
        (
            vec![
                class_text("span", "visually-hidden", "Page "),
                text(thousands(to + 1)),
            ],
            to == query.page,
        )
    } else {
        (
            vec![text(word), class_text("span", "visually-hidden", " page")],
            false,
        )
    };
    bare(
        "li",
        vec![link_attrs(
            link,
            &["href", "target", "rel", "class", "aria-current"],
            vec![Some("pager-link".into()), current.then_some("page".into())],
            children,
        )],
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
        pager(
            &Links::default(),
            &Route::Home,
            &query,
            props.total,
            "Pages of results",
        )
    }

    async fn show(page: usize, total: usize) -> String {
        render::<Pager>(Props { page, total }).await
    }

    /// The pager's links as (visible and hidden text, href, current), in order.
    fn items(html: &str) -> Vec<(String, String, bool)> {
        html.split("<li>")
            .skip(1)
            .map(|li| {
                let li = li.split("</li>").next().unwrap();
                let href = li
                    .split(r#"href=""#)
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let inner = li.split('>').skip(1).collect::<Vec<_>>().join(">");
                let words: String = inner
                    .split('<')
                    .map(|part| part.rsplit('>').next().unwrap())
                    .collect();
                (
                    words.trim().to_string(),
                    href.replace("&amp;", "&"),
                    li.contains(r#"aria-current="page""#),
                )
            })
            .collect()
    }

    #[tokio::test]
    async fn numbered_pages_around_the_current_one_with_first_and_last() {
        assert_eq!(show(0, PAGE_SIZE).await, "");
        let first = show(0, 120).await;
        assert!(
            first.contains(
                r#"<nav aria-label="Pages of results" class="pager"><ul class="pager-pages">"#
            ),
            "{first}"
        );
        assert!(first.contains("Page 1 of 3"), "{first}");
        assert_eq!(
            items(&first),
            [
                ("Page 1".to_string(), "/?q=trade".to_string(), true),
                ("Page 2".into(), "/?q=trade&page=2".into(), false),
                ("Page 3".into(), "/?q=trade&page=3".into(), false),
                ("Next page".into(), "/?q=trade&page=2".into(), false),
                ("Last page".into(), "/?q=trade&page=3".into(), false),
            ]
        );
        let middle = show(5, 1000).await;
        let names: Vec<String> = items(&middle).into_iter().map(|i| i.0).collect();
        assert_eq!(
            names,
            [
                "First page",
                "Previous page",
                "Page 4",
                "Page 5",
                "Page 6",
                "Page 7",
                "Page 8",
                "Next page",
                "Last page"
            ]
        );
        assert_eq!(
            items(&middle)[4],
            ("Page 6".into(), "/?q=trade&page=6".into(), true)
        );
        assert_eq!(items(&middle)[8].1, "/?q=trade&page=20");
        let last = show(2, 120).await;
        assert!(!last.contains("Next"), "{last}");
        assert!(last.contains(">First<"), "{last}");
        // Past the end: the pages around the last one, none of them current.
        let past = show(9, 120).await;
        let items = items(&past);
        assert_eq!(
            items[1],
            ("Previous page".into(), "/?q=trade&page=3".into(), false)
        );
        assert!(items.iter().all(|i| !i.2), "{past}");
    }
}
