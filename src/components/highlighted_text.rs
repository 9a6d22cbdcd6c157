//! Text with the parts a search matched wrapped in `<mark>`: text nodes only, never HTML;
//! and long runs of text without white space given break opportunities ([`breakable`]).

use readouts_core::model::Span;
use readouts_core::query::Index;
use yew::prelude::*;

/// The most characters without white space that the page lays out without a break
/// opportunity.
pub const RUN: usize = 64;

/// `text` as text nodes, with a `<wbr>` every [`RUN`] characters inside longer runs without
/// white space. Chromium lays out a long run of some letters ("TTTT…", "AVAV…": pairs the
/// font kerns) under `overflow-wrap: anywhere` in time quadratic in its length (64,000 of
/// them took ten seconds, a million never finished); in short runs it is linear. The text,
/// and what is copied from it, is unchanged. Text without such a run is one text node.
pub fn breakable(text: &str) -> Html {
    let mut run = 0;
    let long = text.chars().any(|c| {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        run > RUN
    });
    if !long {
        return Html::from(text);
    }
    let mut parts = Vec::new();
    let (mut start, mut run) = (0, 0);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            run = 0;
            continue;
        }
        if run == RUN {
            parts.push(Html::from(&text[start..i]));
            parts.push(html! { <wbr /> });
            (start, run) = (i, 0);
        }
        run += 1;
    }
    parts.push(Html::from(&text[start..]));
    parts.into_iter().collect()
}

/// `text` with each span of `spans` (increasing, not overlapping) in a `<mark>`. Spans that
/// do not fit the text (out of order, out of range, inside a character) are skipped, so bad
/// input still shows the whole text.
pub fn marked(text: &str, spans: &[Span]) -> Html {
    let mut parts = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for &Span { start, end } in spans {
        if start < at || start >= end || text.get(start..end).is_none() {
            continue;
        }
        if at < start {
            parts.push(breakable(&text[at..start]));
        }
        parts.push(html! { <mark>{ breakable(&text[start..end]) }</mark> });
        at = end;
    }
    if at < text.len() {
        parts.push(breakable(&text[at..]));
    }
    parts.into_iter().collect()
}

/// `text` with what the search text `search` matches marked (see [`Index::highlights`]).
pub fn highlighted(text: &str, search: &str) -> Html {
    if search.trim().is_empty() {
        return breakable(text);
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
    async fn long_runs_get_break_opportunities_and_keep_their_text() {
        let long: &'static str =
            Box::leak(format!("{} ok {}", "T".repeat(130), "é".repeat(64)).into_boxed_str());
        let html = show(long, "").await;
        let t64 = "T".repeat(64);
        assert_eq!(
            html,
            format!("<p>{t64}<wbr>{t64}<wbr>TT ok {}</p>", "é".repeat(64))
        );
        assert_eq!(
            show("short words stay whole", "").await,
            "<p>short words stay whole</p>"
        );
        let marked = show(long, "ok").await;
        assert!(marked.contains("<wbr>TT <mark>ok</mark> "), "{marked}");
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
    struct SpanProps {
        spans: Vec<Span>,
    }

    #[component]
    fn Marked(props: &SpanProps) -> Html {
        html! { <p>{ marked("Ólafur spoke", &props.spans) }</p> }
    }

    #[tokio::test]
    async fn skips_spans_that_do_not_fit() {
        let spans = [(1, 3), (0, 7), (3, 5), (8, 99), (8, 13)];
        let html = render::<Marked>(SpanProps {
            spans: spans.into_iter().map(|(a, b)| Span::new(a, b)).collect(),
        })
        .await;
        assert_eq!(html, "<p><mark>Ólafur</mark> <mark>spoke</mark></p>");
    }
}
