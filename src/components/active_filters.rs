//! What narrows the current view, as buttons that each remove one thing (a facet value, the
//! search, a date bound), and "Clear all". Nothing when the view is not narrowed. With exactly
//! two speakers ticked, a link to compare them side by side (`/compare/p/<a>/<b>`).

use crate::components::facet_list::nouns;
use crate::format::{human_date, short};
use crate::nav::{emit_on_click, first_page, AppLink};
use crate::route::Route;
use readouts_core::query::{Facet, Index, Query};
use yew::prelude::*;

/// The buttons for `query`; `on_change` gets the query to go to. A function, not a
/// component: it has no state.
pub fn active_filters(index: &Index, query: &Query, on_change: &Callback<Query>) -> Html {
    if query.is_empty() {
        return Html::default();
    }
    let chip = |what: String, value: String, next: Query| {
        let onclick = emit_on_click(on_change, next);
        html! {
            <li>
                <button type="button" class="chip" aria-label={format!("Remove {what}: {value}")} {onclick}>
                    <span class="chip-what">{ what }{ ": " }</span>{ value }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    };
    let mut chips = Vec::new();
    if !query.text.trim().is_empty() {
        let mut next = first_page(query);
        next.text.clear();
        chips.push(chip("search".into(), short(query.text.trim()), next));
    }
    for (facet, values) in query.filters.iter() {
        for value in values {
            let label = short(index.label_of(facet, value).unwrap_or(value));
            chips.push(chip(
                nouns(facet).0.to_string(),
                label,
                query.toggled(facet, value),
            ));
        }
    }
    if let Some(from) = &query.from {
        let mut next = first_page(query);
        next.from = None;
        chips.push(chip("from".into(), human_date(from), next));
    }
    if let Some(to) = &query.to {
        let mut next = first_page(query);
        next.to = None;
        chips.push(chip("to".into(), human_date(to), next));
    }
    let clear = emit_on_click(
        on_change,
        Query {
            sort: query.sort,
            ..Query::default()
        },
    );
    html! {
        <div class="active-filters">
            <h3 class="visually-hidden">{ "Active filters" }</h3>
            <ul class="chips">{ for chips }</ul>
            <button type="button" class="link-button clear-all" onclick={clear}>{ "Clear all" }</button>
            if let [a, b] = query.filters.get(Facet::Speaker) {
                <AppLink to={Route::CompareParticipants { a: a.clone(), b: b.clone() }} classes="compare-two">{ "Compare these two" }</AppLink>
            }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_index};

    #[derive(Properties, PartialEq)]
    struct Props {
        query: Query,
    }

    #[component]
    fn Filters(props: &Props) -> Html {
        active_filters(&sample_index(), &props.query, &Callback::noop())
    }

    #[tokio::test]
    async fn one_labelled_button_per_filter_and_clear_all() {
        let query = Query {
            text: "sco".into(),
            from: Some("2024-07-01".into()),
            ..Query::default()
        }
        .toggled(Facet::Speaker, "xi-jinping");
        let html = render::<Filters>(Props { query }).await;
        assert!(
            html.contains(r#"aria-label="Remove search: sco""#),
            "{html}"
        );
        assert!(
            html.contains(r#"aria-label="Remove speaker: Xi Jinping""#),
            "{html}"
        );
        assert!(
            html.contains(r#"aria-label="Remove from: 1 July 2024""#),
            "{html}"
        );
        assert!(html.contains(">Clear all</button>"), "{html}");
        assert!(!html.contains("Compare these two"), "one speaker: {html}");
        let none = render::<Filters>(Props {
            query: Query::default(),
        })
        .await;
        assert_eq!(none, "");
    }

    #[tokio::test]
    async fn two_speakers_ticked_can_be_compared() {
        let query = Query::default()
            .toggled(Facet::Speaker, "xi-jinping")
            .toggled(Facet::Speaker, "vladimir-putin");
        let html = render::<Filters>(Props { query }).await;
        assert!(
            html.contains(r#"<a href="/compare/p/vladimir-putin/xi-jinping" class="compare-two">Compare these two</a>"#),
            "{html}"
        );
    }
}
