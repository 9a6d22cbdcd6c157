//! Text with the parts a search matched wrapped in `<mark>`: text nodes only, never HTML.

use readouts_core::query::Index;
use yew::prelude::*;

/// `text` with each byte range of `ranges` (increasing, not overlapping) in a `<mark>`.
/// Ranges that do not fit the text (out of order, out of range, inside a character) are
/// skipped, so bad input still shows the whole text.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || start >= end || text.get(start..end).is_none() {
            continue;
        }
        if at < start {
            parts.push(Html::from(&text[at..start]));
        }
        parts.push(html! { <mark>{ &text[start..end] }</mark> });
        at = end;
    }
    if at < text.len() {
        parts.push(Html::from(&text[at..]));
    }
    parts.into_iter().collect()
}

/// `text` with what the search text `search` matches marked (see [`Index::highlights`]).
pub fn highlighted(text: &str, search: &str) -> Html {
    if search.trim().is_empty() {
        return Html::from(text);
    }
    marked(text, &Index::highlights(text, search))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[derive(Properties, PartialEq)]
    struct Props {
        text: &'static str,
        search: &'static str,
    }

    #[component]
    fn Highlighted(props: &Props) -> Html {
        html! { <p>{ highlighted(props.text, props.search) }</p> }
    }

    async fn show(text: &'static str, search: &'static str) -> String {
        render::<Highlighted>(Props { text, search }).await
    }

    #[tokio::test]
    async fn marks_matches_as_text() {
        assert_eq!(
            show("Ólafur <b>stressed</b> the \"Global South\".", "olaf \"global south\"").await,
            "<p><mark>Ólafur</mark> &lt;b&gt;stressed&lt;/b&gt; the \"<mark>Global South</mark>\".</p>"
        );
        assert_eq!(show("<i>x</i>", "").await, "<p>&lt;i&gt;x&lt;/i&gt;</p>");
        assert_eq!(
            show("<script>alert(1)</script>", "script").await,
            "<p>&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)&lt;/<mark>script</mark>&gt;</p>"
                .replace("<mark>alert</mark>", "alert")
        );
    }

    #[derive(Properties, PartialEq)]
    struct RangeProps {
        ranges: Vec<(usize, usize)>,
    }

    #[component]
    fn Marked(props: &RangeProps) -> Html {
        html! { <p>{ marked("Ólafur spoke", &props.ranges) }</p> }
    }

    #[tokio::test]
    async fn skips_ranges_that_do_not_fit() {
        let html = render::<Marked>(RangeProps {
            ranges: vec![(1, 3), (0, 7), (3, 5), (8, 99), (8, 13)],
        })
        .await;
        assert_eq!(html, "<p><mark>Ólafur</mark> <mark>spoke</mark></p>");
    }
}
