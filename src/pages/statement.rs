//! A statement's permalink page (`/s/<id>`): its card, its paragraph of the source with the
//! sentence marked, the statements before and after it, and links to its speakers and its
//! readout. In an embed: the card and its context only.

use crate::components::embed_code::embed_button;
use crate::components::highlighted_text::breakable;
use crate::components::share::share_text;
use crate::components::statement_card::{readout_title, statement_card, Card};
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, class_text, el, link, text};
use crate::embed::frame_title;
use crate::format::join_names;
use crate::nav::{use_links, Link, Links};
use crate::pages::not_found::{Kind, Missing};
use crate::platform::use_title;
use crate::route::Route;
use readouts_core::query::source::{source_layout, Piece};
use readouts_core::query::Query;
use readouts_core::{Readout, Statement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementPageProps {
    pub id: AttrValue,
}

#[component]
pub fn StatementPage(props: &StatementPageProps) -> Html {
    let index = use_context::<SharedIndex>();
    let links = use_links();
    let embedded = links.is_embedded();
    let found = index.as_ref().and_then(|index| {
        index.find_statement(&props.id).map(|doc| {
            let (readout, statement) = index.statement(doc);
            (doc, readout, statement)
        })
    });
    let title = found.map(|(_, r, s)| format!("Statement by {}", speaker_names(r, s)));
    use_title(title.clone());
    // Described by what it shows: the statement as its plain citation (after the title's own
    // description, which this replaces).
    let described = found.map(|(doc, ..)| doc);
    {
        let index = index.clone();
        use_effect_with(described, move |doc| {
            if let (Some(index), Some(doc)) = (index, doc) {
                let base = crate::embed::base_url();
                if let Some((cite, _)) = share_text(&index, *doc, "cite", &base) {
                    crate::platform::set_description(&cite);
                }
            }
        });
    }
    let page_title = title.clone().unwrap_or_default();
    let (Some(index), Some((doc, readout, statement))) = (index.clone(), found) else {
        return html! { <Missing kind={Kind::Statement} id={props.id.clone()} /> };
    };
    let position = readout
        .statements
        .iter()
        .position(|s| s.id == statement.id)
        .unwrap_or(0);
    let neighbour = |at: Option<usize>, label: &'static str, class: &'static str| {
        at.and_then(|i| readout.statements.get(i)).map(|s| {
            let to = links.page(Route::Statement { id: s.id.clone() });
            link(
                to,
                class,
                vec![
                    text(label),
                    class_text(
                        "span",
                        "visually-hidden",
                        format!(": {}", speaker_names(readout, s)),
                    ),
                ],
            )
        })
    };
    let mut page = Vec::new();
    if !embedded {
        page.push(breadcrumbs(&links, readout, position));
    }
    let mut head = vec![el(
        "h1",
        &["id", "tabindex"],
        vec![Some("statement-title".into()), Some("-1".into())],
        vec![text(page_title.clone())],
    )];
    if !embedded {
        head.push(embed_button(
            &Route::Statement {
                id: statement.id.clone(),
            },
            &Query::default(),
            &frame_title(&page_title, &[]),
        ));
    }
    page.push(class("div", "page-head", head));
    page.push(class_text(
        "p",
        "summary",
        format!(
            "Statement {} of {} in this readout.",
            position + 1,
            readout.statements.len()
        ),
    ));
    page.push(statement_card(
        &Card {
            index: &index,
            doc,
            search: "",
            level: 2,
            after: None,
            list: None,
        },
        &links,
    ));
    page.push(context(readout, statement));
    if !embedded {
        let mut pager: Vec<Html> = neighbour(
            position.checked_sub(1),
            "← Previous statement",
            "pager-link prev",
        )
        .into_iter()
        .collect();
        pager.push(class_text(
            "p",
            "pager-status",
            format!("{} of {}", position + 1, readout.statements.len()),
        ));
        pager.extend(neighbour(
            Some(position + 1),
            "Next statement →",
            "pager-link next",
        ));
        page.push(el(
            "nav",
            &["class", "aria-label"],
            vec![
                Some("pager".into()),
                Some("Statements around this one".into()),
            ],
            pager,
        ));
        page.push(related_links(&links, readout, statement));
    }
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![
            Some("statement-page".into()),
            Some("statement-title".into()),
        ],
        page,
    )
}

/// Where the statement is: the statements, its readout, its number in the readout.
fn breadcrumbs(links: &Links, readout: &Readout, position: usize) -> Html {
    let item = |to: Link, label: String| bare("li", vec![link(to, "", vec![text(label)])]);
    el(
        "nav",
        &["class", "aria-label"],
        vec![Some("breadcrumbs".into()), Some("Breadcrumb".into())],
        vec![bare(
            "ol",
            vec![
                item(links.page(Route::Home), "Statements".to_string()),
                item(
                    links.page(Route::Readout {
                        id: readout.id.clone(),
                    }),
                    crate::format::short(readout_title(readout)),
                ),
                el(
                    "li",
                    &["aria-current"],
                    vec![Some("page".into())],
                    vec![text(format!("Statement {}", position + 1))],
                ),
            ],
        )],
    )
}

/// Everything each speaker said, and the whole readout with this statement marked.
fn related_links(links: &Links, readout: &Readout, statement: &Statement) -> Html {
    let mut items: Vec<Html> = statement
        .speakers
        .iter()
        .filter_map(|id| readout.participant(id))
        .map(|p| {
            let to = links.page(Route::Participant { id: p.id.clone() });
            bare(
                "li",
                vec![link(
                    to,
                    "",
                    vec![text(format!("Everything {} said", p.name))],
                )],
            )
        })
        .collect();
    let whole = links.to(
        Route::Readout {
            id: readout.id.clone(),
        },
        AttrValue::default(),
        Some(AttrValue::from(statement.id.clone())),
    );
    items.push(bare(
        "li",
        vec![link(
            whole,
            "",
            vec![text("Read the whole readout, with every statement marked")],
        )],
    ));
    class("ul", "related-links", items)
}

/// The statement's paragraph of the source, with its sentence marked.
fn context(readout: &Readout, statement: &Statement) -> Html {
    let source = &readout.source.text;
    let Some(paragraph) = source_layout(source, readout.source.prose_start, &[statement.span])
        .into_iter()
        .find(|p| {
            p.pieces
                .iter()
                .any(|piece| matches!(piece, Piece::Marked { .. }))
        })
    else {
        return Html::default();
    };
    let pieces = paragraph
        .pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Plain { span } => breakable(&source[span.range()]),
            Piece::Marked { span, .. } => bare("mark", vec![breakable(&source[span.range()])]),
        })
        .collect();
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("context".into()), Some("context-title".into())],
        vec![
            el(
                "h2",
                &["id"],
                vec![Some("context-title".into())],
                vec![text("In context")],
            ),
            class("blockquote", "source-text", vec![bare("p", pieces)]),
        ],
    )
}

fn speaker_names(readout: &Readout, statement: &Statement) -> String {
    let names: Vec<&str> = statement
        .speakers
        .iter()
        .map(|id| readout.participant(id).map_or(id.as_str(), |p| &p.name))
        .collect();
    if names.is_empty() {
        "an unattributed speaker".to_string()
    } else {
        join_names(&names)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render_at, sample_index};

    #[tokio::test]
    async fn the_card_in_context_with_its_neighbours() {
        let html = render_at(
            "/s/astana-s2",
            sample_index(),
            html! { <StatementPage id="astana-s2" /> },
        )
        .await;
        assert!(
            html.contains("Statement by Xi Jinping and Vladimir Putin</h1>"),
            "{html}"
        );
        assert_eq!(html.matches("<article ").count(), 1, "{html}");
        assert!(
            html.contains(r#"<h2 id="heading-astana-s2" class="speakers">"#),
            "{html}"
        );
        assert!(
            html.contains("The two sides agreed <mark>to meet again.</mark>"),
            "{html}"
        );
        assert!(html.contains(r#"href="/s/astana-s1""#), "{html}");
        assert!(html.contains(r#"href="/s/astana-s3""#), "{html}");
        assert!(html.contains(r#"href="/r/astana#astana-s2""#), "{html}");
        assert!(html.contains("Everything Vladimir Putin said"), "{html}");
    }

    #[tokio::test]
    async fn the_context_leaves_out_the_date_line() {
        let html = render_at(
            "/s/call-s1",
            sample_index(),
            html! { <StatementPage id="call-s1" /> },
        )
        .await;
        assert!(
            html.contains(r#"<blockquote class="source-text"><p><mark>Hello.</mark></p>"#),
            "{html}"
        );
        assert!(!html.contains("date 2024-07-14"), "{html}");
    }

    #[tokio::test]
    async fn an_unknown_id_is_not_found() {
        let html = render_at(
            "/s/nope",
            sample_index(),
            html! { <StatementPage id="nope" /> },
        )
        .await;
        assert!(html.contains("No statement with this id"), "{html}");
    }
}
