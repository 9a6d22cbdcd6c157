//! What a reader sees when a query finds nothing: what emptied it (the words or filters the
//! core's [`why_empty`](readouts_core::query::why_empty) removes, each with what it finds alone, or a reversed date range), one
//! button back to the nearest query that finds something, and the speakers, countries or
//! topics whose names are closest to the words removed.

use crate::components::facet_list::nouns;
use crate::format::{count, short};
use crate::nav::emit_on_click;
use readouts_core::query::{Emptied, Index, Part, Query};
use yew::prelude::*;

/// The explanation of a query that finds nothing (the core's `why_empty`); the plain message
/// when the core finds no way out (an empty corpus). A function, not a component: it has no
/// state.
pub fn no_results(index: &Index, why: Option<&Emptied>, on_change: &Callback<Query>) -> Html {
    let Some(why) = why else {
        return html! { <p class="empty">{ "No statement matches." }</p> };
    };
    let go = |next: Query| emit_on_click(on_change, next);
    let removed: Vec<String> = why
        .removed
        .iter()
        .map(|&i| name(&why.parts[i].0, "the"))
        .collect();
    let found = count(why.results.total, "statement", "statements");
    let back = if removed.is_empty() {
        format!("Swap the dates: {found}")
    } else {
        format!("Show {found} without {}", removed.join(" and "))
    };
    let nearest = why.nearest.iter().map(|&(facet, id)| {
        let value = index.value(facet, id);
        let label = short(index.label(facet, id));
        let what = facet.label();
        html! {
            <li>
                <button type="button" class="link-button" onclick={go(why.relaxed.toggled(facet, value))}>
                    { format!("{what}: {label}") }
                </button>
            </li>
        }
    });
    html! {
        <div class="empty no-results">
            <p>{ headline(why) }</p>
            if !why.removed.is_empty() {
                <ul class="emptied">{ for why.removed.iter().map(|&i| html! { <li>{ alone(&why.parts[i]) }</li> }) }</ul>
            }
            <p><button type="button" class="link-button way-back" onclick={go(why.relaxed.clone())}>{ back }</button></p>
            if !why.nearest.is_empty() {
                <p id="nearest-names">{ "Did you mean" }</p>
                <ul class="nearest" aria-labelledby="nearest-names">{ for nearest }</ul>
            }
        </div>
    }
}

fn headline(why: &Emptied) -> &'static str {
    if why.reversed_dates {
        "No statement matches: the start date is after the end date."
    } else {
        "No statement matches all of this."
    }
}

/// A part of the query as the reader knows it, after `the` ("the" or "The").
fn name(part: &Part, the: &str) -> String {
    match part {
        Part::Words(text) => format!("“{}”", short(text)),
        Part::Filter(facet) => format!("{the} {} filter", nouns(*facet).0),
        Part::Dates => format!("{the} dates"),
    }
}

/// What a removed part finds alone.
fn alone((part, found): &(Part, usize)) -> String {
    match found {
        0 => format!("{} matches no statement.", name(part, "The")),
        n => format!(
            "{} alone matches {}, none of them with the rest.",
            name(part, "The"),
            count(*n, "statement", "statements")
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_index};
    use readouts_core::query::why_empty;

    #[derive(Properties, PartialEq)]
    struct Props {
        query: Query,
    }

    #[component]
    fn Explained(props: &Props) -> Html {
        let index = sample_index();
        no_results(
            &index,
            why_empty(&index, &props.query).as_ref(),
            &Callback::noop(),
        )
    }

    #[tokio::test]
    async fn names_what_emptied_the_query_and_the_way_back() {
        let html = render::<Explained>(Props {
            query: Query {
                text: "xi zqxw".into(),
                ..Query::default()
            },
        })
        .await;
        assert!(html.contains("“zqxw” matches no statement."), "{html}");
        assert!(html.contains("without “zqxw”"), "{html}");
    }
}
