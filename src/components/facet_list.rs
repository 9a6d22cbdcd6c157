//! One facet's values as a group of checkboxes (`fieldset` and `legend`), each labelled with
//! its value and its count ("Xi Jinping, 8 statements"), most frequent first.
//!
//! Long lists (speakers, readouts) show the first [`SHORT`] values, every selected value and
//! any value toggled here, with "Show all" and a box to find a value by name; at most
//! [`LONG`] values are ever rendered at once.

use crate::components::toggle_on_click;
use crate::corpus_loader::SharedIndex;
use crate::format::{clip, thousands, SHORT_TEXT};
use crate::platform::{focus_id, Scroll};
use readouts_core::fold::fold;
use readouts_core::query::{Facet, FacetCounts, Results};
use std::rc::Rc;
use yew::prelude::*;

/// Values shown before "Show all".
pub const SHORT: usize = 10;
/// Values shown at most, expanded or found.
pub const LONG: usize = 100;

#[derive(Properties)]
pub struct FacetListProps {
    pub index: SharedIndex,
    pub results: Rc<Results>,
    pub facet: Facet,
    /// Called with the facet and the value name to toggle. It must act on the browser's
    /// state when called, not on what it captured: a list whose counts are unchanged keeps
    /// the callback of an earlier render (see the `PartialEq` below).
    pub on_toggle: Callback<(Facet, String)>,
}

impl FacetListProps {
    fn counts(&self) -> Option<&FacetCounts> {
        self.results.facets.iter().find(|f| f.facet == self.facet)
    }
}

/// Equal while this facet's counts are (the callback aside): of the panel's lists, only those
/// whose counts changed render again (a keystroke that keeps a facet's counts leaves it alone).
impl PartialEq for FacetListProps {
    fn eq(&self, other: &Self) -> bool {
        self.facet == other.facet && self.index == other.index && self.counts() == other.counts()
    }
}

/// The singular and plural nouns for a facet's values.
pub fn nouns(facet: Facet) -> (&'static str, &'static str) {
    match facet {
        Facet::Speaker => ("speaker", "speakers"),
        Facet::Country => ("country", "countries"),
        Facet::Role => ("role", "roles"),
        Facet::Verb => ("verb", "verbs"),
        Facet::Topic => ("topic", "topics"),
        Facet::Kind => ("kind", "kinds"),
        Facet::Readout => ("readout", "readouts"),
        Facet::Source => ("source", "sources"),
    }
}

/// The facet's checkbox group; nothing when the facet has no values.
#[component]
pub fn FacetList(props: &FacetListProps) -> Html {
    let facet = props.facet;
    let expanded = use_state(|| false);
    let find = use_state(String::new);
    // Values toggled here stay listed, so that a value just unchecked does not vanish.
    let toggled = use_state(Vec::<u32>::new);
    // The checkbox to give focus back to once the new results are rendered: the list is
    // reordered by count, and moving a focused element loses its focus.
    let refocus = use_mut_ref(|| None::<String>);
    {
        let refocus = refocus.clone();
        use_effect_with(props.results.clone(), move |_| {
            if let Some(id) = refocus.borrow_mut().take() {
                focus_id(&id, Scroll::No);
            }
        });
    }

    let Some(counts) = props.counts().filter(|c| !c.values.is_empty()) else {
        return Html::default();
    };
    let (singular, plural) = nouns(facet);
    let key = facet.key();
    let list_id = format!("facet-{key}-values");
    let needle = fold(find.trim());
    let long = counts.values.len() > SHORT;
    let shown: Vec<_> = if !needle.is_empty() {
        counts
            .values
            .iter()
            .filter(|v| fold(props.index.label(facet, v.id)).contains(&needle))
            .take(LONG)
            .collect()
    } else if *expanded {
        counts.values.iter().take(LONG).collect()
    } else {
        counts
            .values
            .iter()
            .enumerate()
            .filter(|(i, v)| *i < SHORT || v.selected || toggled.contains(&v.id))
            .map(|(_, v)| v)
            .collect()
    };

    let items = shown.iter().map(|v| {
        // A long label is shortened on the page, whole in its tooltip.
        let full = props.index.label(facet, v.id);
        let clipped = clip(full, SHORT_TEXT);
        let tooltip = clipped.is_some().then(|| AttrValue::from(full.to_string()));
        let label = clipped.unwrap_or_else(|| full.to_string());
        let value = props.index.value(facet, v.id).to_string();
        let id = format!("facet-{key}-{}", v.id);
        let onchange = {
            let on_toggle = props.on_toggle.clone();
            let toggled = toggled.clone();
            let refocus = refocus.clone();
            let (id, value_id) = (id.clone(), v.id);
            Callback::from(move |_: Event| {
                if !toggled.contains(&value_id) {
                    let mut next = (*toggled).clone();
                    next.push(value_id);
                    toggled.set(next);
                }
                *refocus.borrow_mut() = Some(id.clone());
                on_toggle.emit((facet, value.clone()));
            })
        };
        let noun = if v.count == 1 {
            "statement"
        } else {
            "statements"
        };
        html! {
            <li key={v.id} class={classes!("facet-value", v.selected.then_some("selected"))}>
                // The name says the count in words; the visible label shows it as a number.
                <input type="checkbox" id={id.clone()} checked={v.selected} aria-label={format!("{label}, {} {noun}", thousands(v.count as usize))} {onchange} />
                <label for={id} title={tooltip}>
                    <span class="facet-label">{ label }</span>
                    <span class="facet-count">{ thousands(v.count as usize) }</span>
                </label>
            </li>
        }
    });

    let find_box = long.then(|| {
        let oninput = {
            let find = find.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                find.set(input.value());
            })
        };
        html! {
            <input
                type="search"
                class="facet-find"
                placeholder={format!("Find a {singular}…")}
                aria-label={format!("Find a {singular}")}
                aria-controls={list_id.clone()}
                value={(*find).clone()}
                {oninput}
            />
        }
    });
    let hidden = counts.values.len() - shown.len();
    let note = if !needle.is_empty() && shown.is_empty() {
        Some(format!("No {singular} matches “{}”.", find.trim()))
    } else if (!needle.is_empty() || *expanded) && shown.len() == LONG && hidden > 0 {
        Some(format!(
            "Showing the first {LONG} of {} {plural}; type to narrow the list.",
            thousands(counts.values.len())
        ))
    } else {
        None
    };
    let toggle = (long && needle.is_empty() && (*expanded || hidden > 0)).then(|| {
        let onclick = toggle_on_click(&expanded);
        let text = if *expanded {
            "Show fewer".to_string()
        } else {
            format!("Show all {} {plural}", thousands(counts.values.len()))
        };
        html! {
            <button type="button" class="link-button facet-more" aria-expanded={expanded.to_string()} aria-controls={list_id.clone()} {onclick}>
                { text }
            </button>
        }
    });

    html! {
        <fieldset class="facet" id={format!("facet-{key}")} data-facet={key}>
            <legend>{ facet.label() }</legend>
            { for find_box }
            <ul class="facet-values" id={list_id.clone()}>
                { for items }
            </ul>
            if let Some(note) = note {
                <p class="facet-note">{ note }</p>
            }
            { for toggle }
            if facet == Facet::Verb {
                <p class="facet-note">{ "“continued”: a sentence that goes on from the statement before it, by the same speaker." }</p>
            }
        </fieldset>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_index};
    use readouts_core::query::Query;

    async fn list(facet: Facet, query: Query) -> String {
        let index = sample_index();
        let results = Rc::new(index.search(&query));
        render::<FacetList>(FacetListProps {
            index,
            results,
            facet,
            on_toggle: Callback::noop(),
        })
        .await
    }

    #[tokio::test]
    async fn a_group_of_labelled_checkboxes_with_counts() {
        let html = list(Facet::Speaker, Query::default()).await;
        assert!(
            html.starts_with(r#"<fieldset id="facet-speaker" data-facet="speaker" class="facet">"#),
            "{html}"
        );
        assert!(html.contains("<legend>Speaker</legend>"), "{html}");
        // Xi Jinping: two statements in the sample corpus' first readout, one in the call, one joint.
        assert!(
            html.contains(r#"aria-label="Xi Jinping, 3 statements""#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<span class="facet-label">Xi Jinping</span><span class="facet-count">3</span>"#
            ),
            "{html}"
        );
        // Every checkbox has a label for it.
        let boxes = html.matches(r#"type="checkbox""#).count();
        assert!(boxes >= 2, "{html}");
        assert_eq!(
            html.matches("<label for=\"facet-speaker-").count(),
            boxes,
            "{html}"
        );
        // Short lists need no find box or "show all".
        assert!(
            !html.contains("facet-find") && !html.contains("Show all"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn selected_values_are_checked() {
        let html = list(
            Facet::Speaker,
            Query::default().toggled(Facet::Speaker, "vladimir-putin"),
        )
        .await;
        assert_eq!(html.matches("checked").count(), 1, "{html}");
        assert!(html.contains(r#"class="facet-value selected""#), "{html}");
    }

    #[test]
    fn props_are_equal_while_the_facets_counts_are() {
        let index = sample_index();
        let props = |query: &Query| FacetListProps {
            index: index.clone(),
            results: Rc::new(index.search(query)),
            facet: Facet::Speaker,
            on_toggle: Callback::noop(),
        };
        let all = props(&Query::default());
        // Another order (other results: the page) and another callback, the same counts.
        let oldest = props(&Query {
            sort: readouts_core::query::Sort::Oldest,
            ..Query::default()
        });
        assert_ne!(all.results, oldest.results);
        assert!(all == oldest, "the same counts: no new render");
        // A speaker chosen: this facet's values change (one is selected).
        let chosen = props(&Query::default().toggled(Facet::Speaker, "xi-jinping"));
        assert!(all != chosen, "other counts: a new render");
        // Another facet's counts changing leaves this one's list alone.
        let mut other = props(&Query::default());
        Rc::make_mut(&mut other.results)
            .facets
            .retain(|f| f.facet != Facet::Kind);
        assert!(all == other);
    }

    #[tokio::test]
    async fn a_facet_without_values_renders_nothing() {
        let html = list(
            Facet::Speaker,
            Query {
                text: "nowhere-to-be-found".into(),
                ..Query::default()
            },
        )
        .await;
        assert_eq!(html, "");
    }
}
