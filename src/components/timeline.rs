//! A participant's statements per month: an SVG column chart (one bar per month with
//! statements, placed on a month axis) and, below it, the same figures as a table. The chart is
//! described for screen readers; the table is its text equivalent, folded in a disclosure.
//! Callers say what to show when there is no dated statement (see [`span_of`]).
//! Only months with statements are drawn and listed ([`readouts_core::compare::months`]), so a
//! stray date years away adds one bar, not thousands of empty ones.

use crate::dom::{bare, class, el, text, th, value};
use crate::format::count;
use readouts_core::compare::{Month, MonthCount};
use yew::prelude::*;

/// The chart's height in its own units (the bars' scale).
const HEIGHT: usize = 100;

/// The chart of `months` (`id` prefixes its element ids), titled `title`, on the axis from
/// `span.0` to `span.1` (both included: two participants' charts share one axis). Built with
/// [`crate::dom`]'s out-of-line elements (a chart is many elements). A function, not a
/// component: it has no state.
pub fn timeline(id: &str, title: &str, months: &[MonthCount], span: (Month, Month)) -> Html {
    let (first, last) = span;
    let width = (last.0 - first.0 + 1) as usize;
    let max = months
        .iter()
        .map(|m| m.statements)
        .max()
        .unwrap_or(1)
        .max(1);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let description = format!(
        "{} from {} to {}, at most {max} in a month; the table lists each month.",
        count(
            months.iter().map(|m| m.statements).sum(),
            "statement",
            "statements"
        ),
        first.name(),
        last.name(),
    );
    let bars = months.iter().map(|m| {
        // Whole units: no float formatting in the wasm. At least 2 so that one statement shows.
        let height = (m.statements * HEIGHT / max).max(2);
        el(
            "rect",
            &["class", "x", "y", "width", "height"],
            vec![
                Some("month-bar".into()),
                value((m.month.0 - first.0).to_string()),
                value((HEIGHT - height).to_string()),
                Some("1".into()),
                value(height.to_string()),
            ],
            vec![bare(
                "title",
                vec![text(format!("{}: {}", m.month.name(), m.statements))],
            )],
        )
    });
    let rows = months.iter().map(|m| {
        bare(
            "tr",
            vec![
                th(
                    "row",
                    vec![el(
                        "time",
                        &["datetime"],
                        vec![value(m.month.iso())],
                        vec![text(m.month.name())],
                    )],
                ),
                bare("td", vec![text(m.statements.to_string())]),
            ],
        )
    });
    let col = |name: &'static str| th("col", vec![text(name)]);
    let mut svg = vec![
        el(
            "title",
            &["id"],
            vec![value(title_id.clone())],
            vec![text(title.to_string())],
        ),
        el(
            "desc",
            &["id"],
            vec![value(desc_id.clone())],
            vec![text(description)],
        ),
    ];
    svg.extend(bars);
    class(
        "figure",
        "timeline",
        vec![
            el(
                "svg",
                &[
                    "role",
                    "aria-labelledby",
                    "viewBox",
                    "preserveAspectRatio",
                    "width",
                    "height",
                ],
                vec![
                    Some("img".into()),
                    value(format!("{title_id} {desc_id}")),
                    value(format!("0 0 {width} {HEIGHT}")),
                    Some("none".into()),
                    Some("100%".into()),
                    Some("80".into()),
                ],
                svg,
            ),
            el(
                "p",
                &["class", "aria-hidden"],
                vec![Some("timeline-axis".into()), Some("true".into())],
                vec![
                    bare("span", vec![text(first.name())]),
                    bare("span", vec![text(last.name())]),
                ],
            ),
            class(
                "details",
                "timeline-table",
                vec![
                    bare("summary", vec![text("Table")]),
                    bare(
                        "table",
                        vec![
                            bare("caption", vec![text(title.to_string())]),
                            bare(
                                "thead",
                                vec![bare("tr", vec![col("Month"), col("Statements")])],
                            ),
                            bare("tbody", rows.collect()),
                        ],
                    ),
                ],
            ),
        ],
    )
}

/// The first and last months of the given series; `None` when all are empty.
pub fn span_of(series: &[&[MonthCount]]) -> Option<(Month, Month)> {
    let months = series.iter().flat_map(|s| s.iter().map(|m| m.month));
    let first = months.clone().min()?;
    Some((first, months.max()?))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[component]
    fn Chart() -> Html {
        let months = [
            MonthCount {
                month: Month(2031 * 12),
                statements: 4,
            },
            MonthCount {
                month: Month(2031 * 12 + 3),
                statements: 1,
            },
        ];
        let span = span_of(&[&months]).unwrap();
        timeline("t", "Statements by Tomas Brenn per month", &months, span)
    }

    #[tokio::test]
    async fn bars_on_a_month_axis_and_the_same_figures_as_a_table() {
        let html = render::<Chart>(()).await;
        assert!(html.contains(r#"viewBox="0 0 4 100""#), "{html}");
        assert!(
            html.contains(r#"<rect class="month-bar" x="0" y="0" width="1" height="100"><title>January 2031: 4</title></rect>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<rect class="month-bar" x="3" y="75" width="1" height="25"><title>April 2031: 1</title></rect>"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<th scope="row"><time datetime="2031-04">April 2031</time></th><td>1</td>"#
            ),
            "{html}"
        );
        assert!(
            html.contains("5 statements from January 2031 to April 2031, at most 4 in a month"),
            "{html}"
        );
    }

    #[test]
    fn two_series_share_one_axis() {
        let a = [MonthCount {
            month: Month(5),
            statements: 1,
        }];
        let b = [MonthCount {
            month: Month(9),
            statements: 2,
        }];
        assert_eq!(span_of(&[&a, &b]), Some((Month(5), Month(9))));
        assert_eq!(span_of(&[&[], &[]]), None);
    }
}
