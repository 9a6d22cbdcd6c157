//! A small horizontal bar chart drawn as SVG: one labelled bar per item, longest first as
//! given. Bar widths are percentages of the chart's width and text is in CSS pixels, so the
//! chart fits any width with readable labels. Screen readers get the figures as the image's
//! description.

use crate::format::{count, thousands};
use yew::prelude::*;

/// Height of one row (label above its bar), in CSS pixels.
const ROW: usize = 40;
/// The longest bar, in tenths of a percent of the width: room is left for the value after it.
const LONGEST: usize = 850;

/// The chart of `items` (`(label, value)`, in the order to draw), titled `title` and
/// described with values in `unit` (singular, plural); `id` prefixes the ids of its title and
/// description. Nothing without items. A function, not a component: it has no state.
pub fn bar_chart(id: &str, title: &str, items: &[(String, usize)], unit: (&str, &str)) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let description = items
        .iter()
        .map(|(label, value)| format!("{label}: {}", count(*value, unit.0, unit.1)))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = items.iter().enumerate().map(|(i, (label, value))| {
        let top = i * ROW;
        // Integer arithmetic: float formatting would add kilobytes to the wasm.
        let tenths = (value * LONGEST / max).max(5);
        let width = format!("{}.{}%", tenths / 10, tenths % 10);
        html! {
            <g class="bar-row">
                <text class="bar-label" x="0" y={(top + 14).to_string()}>{ label }</text>
                <rect class="bar" x="0" y={(top + 20).to_string()} width={width.clone()} height="12" rx="2" />
                <text class="bar-value" x={width} dx="6" y={(top + 31).to_string()}>{ thousands(*value) }</text>
            </g>
        }
    });
    html! {
        <figure class="bar-chart">
            <svg
                role="img"
                aria-labelledby={format!("{title_id} {desc_id}")}
                width="100%"
                height={(items.len() * ROW).to_string()}
            >
                <title id={title_id}>{ title }</title>
                <desc id={desc_id}>{ description }</desc>
                { for rows }
            </svg>
        </figure>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[component]
    fn Chart() -> Html {
        let items = [("Trade".to_string(), 4), ("<b>SCO</b>".to_string(), 1)];
        bar_chart(
            "topics",
            "Topics raised",
            &items,
            ("statement", "statements"),
        )
    }

    #[tokio::test]
    async fn bars_scale_to_the_largest_value_and_are_described() {
        let html = render::<Chart>(()).await;
        assert!(
            html.contains(r#"aria-labelledby="topics-title topics-desc""#),
            "{html}"
        );
        assert!(html.contains(r#"height="80""#), "{html}");
        assert!(html.contains(r#"width="85.0%""#), "{html}");
        assert!(html.contains(r#"width="21.2%""#), "{html}");
        assert!(
            html.contains("<desc id=\"topics-desc\">Trade: 4 statements; &lt;b&gt;SCO&lt;/b&gt;: 1 statement</desc>"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
    }
}
