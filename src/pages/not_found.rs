//! Pages for what does not exist: an unknown path ([`NotFound`]) and an unknown statement,
//! participant or readout id ([`Missing`]), with suggestions of similar ids.

use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, el, link, text};
use crate::nav::use_links;
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
    let links = use_links();
    let embedded = links.is_embedded();
    let path = use_location().map(|location| location.path().to_string());
    let prefix = if embedded { "/embed" } else { "" };
    let code = |path: &str| bare("code", vec![text(format!("{prefix}{path}"))]);
    let mut page = vec![heading(if embedded {
        "Embed not found"
    } else {
        "Page not found"
    })];
    if let Some(path) = path {
        page.push(bare(
            "p",
            vec![
                text("There is no page at "),
                bare("code", vec![text(path)]),
                text("."),
            ],
        ));
    }
    page.push(bare(
        "p",
        if embedded {
            vec![
                text("Embeds show statements at "),
                code("/"),
                text(" (with the filters of the main view in the query), one statement at "),
                code("/s/…"),
                text(", a participant at "),
                code("/p/…"),
                text(" and a readout at "),
                code("/r/…"),
                text(". Each view's “Embed” button gives the code."),
            ]
        } else {
            vec![
                text("Statements are at "),
                code("/s/…"),
                text(", participants at "),
                code("/p/…"),
                text(" and readouts at "),
                code("/r/…"),
                text("."),
            ]
        },
    ));
    page.push(bare(
        "p",
        vec![link(
            links.page(Route::Home),
            "",
            vec![text("See all statements")],
        )],
    ));
    section(page)
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
    let links = use_links();
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
    let mut page = vec![
        heading(format!("No {noun} with this id")),
        bare(
            "p",
            vec![
                text(format!("The corpus has no {noun} ")),
                bare("code", vec![text(props.id.clone())]),
                text(". The link may be mistyped, or the corpus was rebuilt without it."),
            ],
        ),
    ];
    if !suggestions.is_empty() {
        page.push(bare("h2", vec![text("Did you mean")]));
        let items = suggestions
            .into_iter()
            .map(|(route, label)| bare("li", vec![link(links.page(route), "", vec![text(label)])]))
            .collect();
        page.push(class("ul", "suggestions", items));
    }
    let search = links.to(Route::Home, AttrValue::from(search.to_query_string()), None);
    page.push(bare(
        "p",
        vec![
            link(
                search,
                "",
                vec![text(format!("Search the statements for “{words}”"))],
            ),
            text(" or "),
            link(
                links.page(Route::Home),
                "",
                vec![text("see all statements")],
            ),
            text("."),
        ],
    ));
    section(page)
}

/// The page's `h1`, focusable (the app moves focus to it on navigation).
fn heading(title: impl Into<AttrValue>) -> Html {
    el(
        "h1",
        &["id", "tabindex"],
        vec![Some("not-found-title".into()), Some("-1".into())],
        vec![text(title)],
    )
}

/// `<section class="not-found">` labelled by its heading.
fn section(content: Vec<Html>) -> Html {
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("not-found".into()), Some("not-found-title".into())],
        content,
    )
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
