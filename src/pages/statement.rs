//! A statement's permalink page (`/s/<id>`): its card, its paragraph of the source with the
//! sentence marked, the statements before and after it, and links to its speakers and its
//! readout. In an embed: the card and its context only.

use crate::components::embed_code::embed_button;
use crate::components::highlighted_text::breakable;
use crate::components::share::share_text;
use crate::components::statement_card::{readout_title, statement_card, Card};
use crate::corpus_loader::SharedIndex;
use crate::embed::frame_title;
use crate::format::join_names;
use crate::nav::{use_links, AppLink};
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
    let neighbour = |at: Option<usize>, text: &'static str, class: &'static str| {
        at.and_then(|i| readout.statements.get(i)).map(|s| {
            html! {
                <AppLink to={Route::Statement { id: s.id.clone() }} classes={classes!("pager-link", class)}>
                    { text }<span class="visually-hidden">{ format!(": {}", speaker_names(readout, s)) }</span>
                </AppLink>
            }
        })
    };
    html! {
        <section class="statement-page" aria-labelledby="statement-title">
            if !embedded {
                <nav class="breadcrumbs" aria-label="Breadcrumb">
                    <ol>
                        <li><AppLink to={Route::Home}>{ "Statements" }</AppLink></li>
                        <li><AppLink to={Route::Readout { id: readout.id.clone() }}>{ crate::format::short(readout_title(readout)) }</AppLink></li>
                        <li aria-current="page">{ format!("Statement {}", position + 1) }</li>
                    </ol>
                </nav>
            }
            <div class="page-head">
                <h1 id="statement-title" tabindex="-1">{ page_title.clone() }</h1>
                if !embedded {
                    { embed_button(&Route::Statement { id: statement.id.clone() }, &Query::default(), &frame_title(&page_title, &[])) }
                }
            </div>
            <p class="summary">{ format!("Statement {} of {} in this readout.", position + 1, readout.statements.len()) }</p>
            { statement_card(&Card { index: &index, doc, search: "", level: 2, after: None }, &links) }
            { context(readout, statement) }
            if !embedded {
                <nav class="pager" aria-label="Statements around this one">
                    { for neighbour(position.checked_sub(1), "← Previous statement", "prev") }
                    <p class="pager-status">{ format!("{} of {}", position + 1, readout.statements.len()) }</p>
                    { for neighbour(Some(position + 1), "Next statement →", "next") }
                </nav>
                <ul class="related-links">
                    { for statement.speakers.iter().filter_map(|id| readout.participant(id)).map(|p| html! {
                        <li><AppLink to={Route::Participant { id: p.id.clone() }}>{ format!("Everything {} said", p.name) }</AppLink></li>
                    }) }
                    <li>
                        <AppLink to={Route::Readout { id: readout.id.clone() }} fragment={AttrValue::from(statement.id.clone())}>
                            { "Read the whole readout, with every statement marked" }
                        </AppLink>
                    </li>
                </ul>
            }
        </section>
    }
}

/// The statement's paragraph of the source, with its sentence marked.
fn context(readout: &Readout, statement: &Statement) -> Html {
    let text = &readout.source.text;
    let Some(paragraph) = source_layout(text, readout.source.prose_start, &[statement.span])
        .into_iter()
        .find(|p| {
            p.pieces
                .iter()
                .any(|piece| matches!(piece, Piece::Marked { .. }))
        })
    else {
        return Html::default();
    };
    let pieces = paragraph.pieces.into_iter().map(|piece| match piece {
        Piece::Plain { span } => breakable(&text[span.range()]),
        Piece::Marked { span, .. } => html! { <mark>{ breakable(&text[span.range()]) }</mark> },
    });
    html! {
        <section class="context" aria-labelledby="context-title">
            <h2 id="context-title">{ "In context" }</h2>
            <blockquote class="source-text"><p>{ for pieces }</p></blockquote>
        </section>
    }
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
