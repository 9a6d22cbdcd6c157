//! Pages for what does not exist: an unknown path ([`NotFound`]) and an unknown statement,
//! participant or readout id ([`Missing`]), with suggestions of similar ids.

use crate::corpus_loader::SharedIndex;
use crate::nav::{use_embedded, AppLink};
use crate::platform::use_title;
use crate::route::Route;
use readouts_core::fold::fold;
use readouts_core::query::{Facet, Query};
use yew::prelude::*;
use yew_router::prelude::*;

/// Says the page does not exist, which paths do, and links to the statements (in an embed:
/// the paths of embeds, and the statements in the full app).
#[component]
pub fn NotFound() -> Html {
    use_title(Some("Page not found".to_string()));
    let embedded = use_embedded();
    let path = use_location().map(|location| location.path().to_string());
    let prefix = if embedded { "/embed" } else { "" };
    let code = |path: &str| html! { <code>{ format!("{prefix}{path}") }</code> };
    html! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">{ if embedded { "Embed not found" } else { "Page not found" } }</h1>
            if let Some(path) = path {
                <p>{ "There is no page at " }<code>{ path }</code>{ "." }</p>
            }
            if embedded {
                <p>{ "Embeds show statements at " }{ code("/") }{ " (with the filters of the main view in the query), one statement at " }{ code("/s/…") }{ ", a participant at " }{ code("/p/…") }{ " and a readout at " }{ code("/r/…") }{ ". Each view's “Embed” button gives the code." }</p>
            } else {
                <p>{ "Statements are at " }{ code("/s/…") }{ ", participants at " }{ code("/p/…") }{ " and readouts at " }{ code("/r/…") }{ "." }</p>
            }
            <p><AppLink to={Route::Home}>{ "See all statements" }</AppLink></p>
        </section>
    }
}

/// What kind of thing was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Statement,
    Participant,
    Readout,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Statement => "statement",
            Kind::Participant => "participant",
            Kind::Readout => "readout",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct MissingProps {
    pub kind: Kind,
    pub id: AttrValue,
}

/// No statement, participant or readout has this id: says so, offers similar ones and a
/// search for the words of the id.
#[component]
pub fn Missing(props: &MissingProps) -> Html {
    let index = use_context::<SharedIndex>();
    let noun = props.kind.noun();
    use_title(Some(format!("No such {noun}")));
    let suggestions = index
        .as_ref()
        .map(|index| suggestions(index, props.kind, &props.id))
        .unwrap_or_default();
    let words = props.id.replace('-', " ");
    let search = Query {
        text: words.clone(),
        ..Query::default()
    };
    html! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">{ format!("No {noun} with this id") }</h1>
            <p>{ format!("The corpus has no {noun} ") }<code>{ props.id.clone() }</code>{ ". The link may be mistyped, or the corpus was rebuilt without it." }</p>
            if !suggestions.is_empty() {
                <h2>{ "Did you mean" }</h2>
                <ul class="suggestions">
                    { for suggestions.into_iter().map(|(route, label)| html! {
                        <li><AppLink to={route}>{ label }</AppLink></li>
                    }) }
                </ul>
            }
            <p>
                <AppLink to={Route::Home} query={AttrValue::from(search.to_query_string())}>{ format!("Search the statements for “{words}”") }</AppLink>
                { " or " }
                <AppLink to={Route::Home}>{ "see all statements" }</AppLink>
                { "." }
            </p>
        </section>
    }
}

/// Up to five things of this kind whose ids share the most words with `id`.
fn suggestions(index: &SharedIndex, kind: Kind, id: &str) -> Vec<(Route, String)> {
    let candidates: Vec<(Route, String, String)> = match kind {
        Kind::Participant => {
            let all = index.search(&Query::default());
            all.facets
                .iter()
                .filter(|f| f.facet == Facet::Speaker)
                .flat_map(|f| &f.values)
                .map(|v| {
                    let value = index.value(Facet::Speaker, v.id).to_string();
                    let label = index.label(Facet::Speaker, v.id).to_string();
                    (Route::Participant { id: value.clone() }, value, label)
                })
                .collect()
        }
        // A statement id is its readout's id and a number: its readout is the best guess.
        Kind::Statement | Kind::Readout => index
            .corpus()
            .readouts
            .iter()
            .map(|r| {
                (
                    Route::Readout { id: r.id.clone() },
                    r.id.clone(),
                    crate::format::short(&r.title),
                )
            })
            .collect(),
    };
    best_matches(id, candidates)
}

/// Candidates `(route, id, label)` ranked by the words (of three letters or more) their id
/// shares with `wanted`, a word matching when one starts with the other ("jinpin" and
/// "jinping"); the best five with at least one.
fn best_matches(wanted: &str, candidates: Vec<(Route, String, String)>) -> Vec<(Route, String)> {
    let wanted_words: Vec<String> = fold(wanted)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_string)
        .collect();
    // The best five, kept in order by insertion (cheaper in the wasm than a sort).
    let mut best: Vec<(usize, Route, String)> = Vec::new();
    for (route, id, label) in candidates {
        let id = fold(&id);
        let score = wanted_words
            .iter()
            .filter(|w| {
                id.split('-').any(|part| {
                    part.starts_with(w.as_str()) || (part.len() >= 3 && w.starts_with(part))
                })
            })
            .count();
        if score == 0 {
            continue;
        }
        let at = best.partition_point(|(s, _, l)| *s > score || (*s == score && *l <= label));
        if at < 5 {
            best.insert(at, (score, route, label));
            best.truncate(5);
        }
    }
    best.into_iter()
        .map(|(_, route, label)| (route, label))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render_at, sample_index};

    #[tokio::test]
    async fn an_unknown_participant_gets_suggestions_and_a_search() {
        let html = render_at(
            "/p/xi-jinpin",
            sample_index(),
            html! { <Missing kind={Kind::Participant} id="xi-jinpin" /> },
        )
        .await;
        assert!(html.contains("No participant with this id"), "{html}");
        assert!(html.contains("<code>xi-jinpin</code>"), "{html}");
        assert!(
            html.contains(r#"<a href="/p/xi-jinping">Xi Jinping</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"href="/?q=xi+jinpin""#), "{html}");
    }

    #[tokio::test]
    async fn an_unknown_statement_suggests_its_readout() {
        let html = render_at(
            "/s/astana-s99",
            sample_index(),
            html! { <Missing kind={Kind::Statement} id="astana-s99" /> },
        )
        .await;
        assert!(html.contains("No statement with this id"), "{html}");
        assert!(html.contains(r#"<a href="/r/astana">"#), "{html}");
    }

    #[test]
    fn ranks_by_shared_id_words() {
        let c = |id: &str| {
            (
                Route::Readout { id: id.into() },
                id.to_string(),
                id.to_string(),
            )
        };
        let found = best_matches(
            "2024-07-03-xi-putin",
            vec![
                c("2024-07-03-xi-jinping-vladimir-putin"),
                c("2023-lula-putin"),
                c("other"),
            ],
        );
        let labels: Vec<&str> = found.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            vec!["2024-07-03-xi-jinping-vladimir-putin", "2023-lula-putin"]
        );
    }
}
