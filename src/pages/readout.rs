//! A readout's page (`/r/<id>`): the event, who took part (each speaker with their colour),
//! the topics, and the source text with every statement marked. A fragment
//! (`/r/<id>#<statement id>`, from a card's "show in source") scrolls to that statement's
//! mark and focuses it.

use crate::components::download::readout_download;
use crate::components::embed_code::embed_button;
use crate::components::source_text::{colour_class, SourceText, JOINT};
use crate::components::statement_card::{date_html, is_web, readout_meta, readout_title};
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, class_text, el, link, text, value};
use crate::embed::frame_title;
use crate::format::{count, human_date};
use crate::nav::{fragment_id, use_links, Links};
use crate::pages::not_found::{Kind, Missing};
use crate::platform::{focus_id, use_title, Scroll};
use crate::route::Route;
use readouts_core::compare::same_meeting;
use readouts_core::query::{Facet, Query, Sort};
use readouts_core::{Participant, Readout, Role};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadoutPageProps {
    pub id: AttrValue,
}

#[component]
pub fn ReadoutPage(props: &ReadoutPageProps) -> Html {
    let index = use_context::<SharedIndex>();
    let links = use_links();
    let embedded = links.is_embedded();
    let fragment = use_location()
        .map(|l| fragment_id(l.hash()))
        .unwrap_or_default();
    let readout = index.as_ref().and_then(|i| i.readout(&props.id));
    use_title(readout.map(|r| readout_title(r).to_string()));
    {
        let found = readout.is_some();
        use_effect_with(
            (props.id.clone(), fragment, found),
            |(_, fragment, found)| {
                if *found && !fragment.is_empty() {
                    focus_id(fragment, Scroll::Center);
                }
            },
        );
    }
    let (Some(index), Some(readout)) = (index.clone(), readout) else {
        return html! { <Missing kind={Kind::Readout} id={props.id.clone()} /> };
    };
    let as_cards = Query {
        sort: Sort::Readout,
        ..Query::default().toggled(Facet::Readout, &readout.id)
    };
    // Built with dom.rs's out-of-line elements (html! only for components and listeners).
    let title = readout_title(readout);
    let mut head = vec![el(
        "h1",
        &["id", "tabindex"],
        vec![Some("readout-title".into()), Some("-1".into())],
        // The readout's own page: its whole title (at most `readouts limits`' title_bytes).
        vec![text(title.to_string())],
    )];
    if !embedded {
        // The picker of the readout to compare it with (`/compare/r/<a>`), drawn by the
        // compare app.
        let pick = links.page(Route::ComparePickReadout {
            a: readout.id.clone(),
        });
        head.push(link(pick, "compare-with", vec![text("Compare with…")]));
        head.push(readout_download(&index, &readout.id));
        head.push(embed_button(
            &Route::Readout {
                id: readout.id.clone(),
            },
            &Query::default(),
            &frame_title(title, &[]),
        ));
    }
    let mut grid = vec![
        panel(
            "participants-title",
            "Participants",
            participants(readout, &links),
        ),
        html! { <OtherAccounts index={index.clone()} readout={AttrValue::from(readout.id.clone())} /> },
    ];
    if !readout.topics.is_empty() {
        let topics = readout
            .topics
            .iter()
            .map(|t| {
                let query = Query::default().toggled(Facet::Topic, t).to_query_string();
                let to = links.to(Route::Home, query.into(), None);
                bare("li", vec![link(to, "", vec![text(t.to_string())])])
            })
            .collect();
        grid.push(panel(
            "readout-topics-title",
            "Topics",
            class("ul", "topics", topics),
        ));
    }
    let hint = format!(
        "{} marked in the speaker’s colour, with the speaker named on hover and focus; select one to open it. ",
        count(readout.statements.len(), "statement", "statements")
    );
    let see_cards = links.to(Route::Home, as_cards.to_query_string().into(), None);
    let mut page = vec![
        class("div", "page-head", head),
        readout_meta(readout, index.is_imported(readout)),
        source_details(readout, embedded),
        class("div", "readout-grid", grid),
        el(
            "section",
            &["class", "aria-labelledby"],
            vec![Some("source".into()), Some("source-title".into())],
            vec![
                el(
                    "h2",
                    &["id"],
                    vec![Some("source-title".into())],
                    vec![text("The readout")],
                ),
                class(
                    "p",
                    "hint",
                    vec![
                        text(hint),
                        link(see_cards, "", vec![text("See them as cards")]),
                    ],
                ),
                html! { <SourceText index={index.clone()} readout={AttrValue::from(readout.id.clone())} /> },
            ],
        ),
    ];
    if !readout.diagnostics.is_empty() {
        let notes = readout
            .diagnostics
            .iter()
            .map(|d| bare("li", vec![text(d.message.clone())]))
            .collect();
        page.push(class(
            "details",
            "diagnostics",
            vec![
                bare(
                    "summary",
                    vec![text(count(
                        readout.diagnostics.len(),
                        "parser note",
                        "parser notes",
                    ))],
                ),
                bare("ul", notes),
            ],
        ));
    }
    el(
        "article",
        &["class", "aria-labelledby"],
        vec![Some("readout-page".into()), Some("readout-title".into())],
        page,
    )
}

/// `<section class="panel">` headed by an `h2` with id `id`.
fn panel(id: &'static str, heading: &'static str, content: Html) -> Html {
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("panel".into()), Some(id.into())],
        vec![
            el("h2", &["id"], vec![Some(id.into())], vec![text(heading)]),
            content,
        ],
    )
}

/// Publication date, publisher and the original's address (linked only when it is http(s)).
fn source_details(readout: &Readout, embedded: bool) -> Html {
    let published = readout.published.as_deref().map(date_html);
    let url = readout.source.url.as_deref().map(|url| {
        if is_web(url) {
            el(
                "a",
                &["href", "rel", "target"],
                vec![
                    value(url.to_string()),
                    Some("noopener noreferrer external".into()),
                    embedded.then_some("_blank".into()),
                ],
                vec![text(url.to_string())],
            )
        } else {
            text(url.to_string())
        }
    });
    if published.is_none() && url.is_none() && readout.source.publisher.is_none() {
        return Html::default();
    }
    let mut about = Vec::new();
    if let Some(publisher) = &readout.source.publisher {
        about.push(bare("dt", vec![text("Publisher")]));
        about.push(bare("dd", vec![text(publisher.clone())]));
    }
    if let Some(published) = published {
        about.push(bare("dt", vec![text("Published")]));
        about.push(bare("dd", vec![published]));
    }
    if let Some(url) = url {
        about.push(bare("dt", vec![text("Original")]));
        about.push(class("dd", "source-url", vec![url]));
    }
    class("dl", "about", about)
}

#[derive(Properties, PartialEq)]
struct OtherAccountsProps {
    index: SharedIndex,
    readout: AttrValue,
}

/// "Other accounts of this meeting": the other sides' readouts of the same call or meeting
/// ([`same_meeting`]), each a link to its page and one to both side by side; nothing when
/// there are none. Which readouts they are is worked out once per readout (one pass over the
/// corpus, a date comparison for most), not on every render.
#[component]
fn OtherAccounts(props: &OtherAccountsProps) -> Html {
    let links = use_links();
    let positions = use_memo(
        (props.index.clone(), props.readout.clone()),
        |(index, id)| {
            let readouts = &index.corpus().readouts;
            let Some(this) = readouts.iter().find(|r| r.id == id.as_str()) else {
                return Vec::new();
            };
            (0..readouts.len())
                .filter(|&i| same_meeting(this, &readouts[i]))
                .collect::<Vec<usize>>()
        },
    );
    if positions.is_empty() {
        return Html::default();
    }
    let readouts = &props.index.corpus().readouts;
    let accounts = positions
        .iter()
        .map(|&i| account(&props.readout, &readouts[i], &links))
        .collect();
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![
            Some("panel other-accounts".into()),
            Some("other-accounts-title".into()),
        ],
        vec![
            el(
                "h2",
                &["id"],
                vec![Some("other-accounts-title".into())],
                vec![text("Other accounts of this meeting")],
            ),
            bare("ul", accounts),
        ],
    )
}

/// One account: its title as a link, then publisher, event date and statement count, and a
/// link to it and `this` side by side.
fn account(this: &str, readout: &Readout, links: &Links) -> Html {
    let date = readout.event.date.as_deref().map(human_date);
    let details: Vec<String> = [readout.source.publisher.clone(), date]
        .into_iter()
        .flatten()
        .chain([count(readout.statements.len(), "statement", "statements")])
        .collect();
    let to = links.page(Route::Readout {
        id: readout.id.clone(),
    });
    let both = links.page(Route::CompareReadouts {
        a: this.to_string(),
        b: readout.id.clone(),
    });
    bare(
        "li",
        vec![
            link(to, "", vec![text(readout_title(readout).to_string())]),
            class_text("span", "count-note", format!(" · {}", details.join(" · "))),
            text(" "),
            link(both, "compare-link", vec![text("Compare side by side")]),
        ],
    )
}

/// Leaders with their colour and statement count, then attendees.
fn participants(readout: &Readout, links: &Links) -> Html {
    let said = |p: &Participant| {
        readout
            .statements
            .iter()
            .filter(|s| s.speakers.contains(&p.id))
            .count()
    };
    let person = |p: &Participant| {
        let details: Vec<&str> = [p.title.as_deref(), p.country.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let n = said(p);
        let mut item = Vec::new();
        if n > 0 {
            item.push(swatch(format!("swatch {}", colour_class(readout, &p.id))));
        }
        let to = links.to(
            Route::Participant { id: p.id.clone() },
            AttrValue::default(),
            None,
        );
        item.push(link(to, "", vec![text(p.name.clone())]));
        if !details.is_empty() {
            item.push(class_text(
                "span",
                "participant-details",
                format!(", {}", details.join(", ")),
            ));
        }
        if n > 0 {
            item.push(class_text(
                "span",
                "count-note",
                format!(" · {}", count(n, "statement", "statements")),
            ));
        }
        class("li", "participant", item)
    };
    let (leaders, attendees): (Vec<&Participant>, Vec<&Participant>) = readout
        .participants
        .iter()
        .partition(|p| p.role != Role::Attendee);
    let mut list = vec![class(
        "ul",
        "participants",
        leaders.into_iter().map(person).collect(),
    )];
    if readout.statements.iter().any(|s| s.speakers.len() > 1) {
        list.push(class(
            "p",
            "legend",
            vec![
                swatch(format!("swatch {JOINT}")),
                text("Joint statement: every speaker is named in the text"),
            ],
        ));
    }
    if !attendees.is_empty() {
        list.push(class_text("h3", "attendees-title", "Also present"));
        list.push(class(
            "ul",
            "participants attendees",
            attendees.into_iter().map(person).collect(),
        ));
    }
    Html::from_iter(list)
}

/// A colour swatch with `classes`, hidden from screen readers (the text says who it is).
fn swatch(classes: String) -> Html {
    el(
        "span",
        &["class", "aria-hidden"],
        vec![value(classes), Some("true".into())],
        Vec::new(),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{accounts_index, render_at, sample_index};

    #[tokio::test]
    async fn the_source_text_with_every_statement_marked() {
        let html = render_at(
            "/r/astana",
            sample_index(),
            html! { <ReadoutPage id="astana" /> },
        )
        .await;
        assert!(
            html.contains("Xi Jinping Meets with Russian President Vladimir Putin</h1>"),
            "{html}"
        );
        // Each statement's sentence is a link to its page with the statement id as anchor.
        for n in 1..=3 {
            assert!(
                html.contains(&format!(r#"href="/s/astana-s{n}""#)),
                "{n}: {html}"
            );
            assert!(
                html.contains(&format!(r#"id="astana-s{n}""#)),
                "{n}: {html}"
            );
        }
        assert!(html.contains(r#"class="hl speaker-c0""#), "{html}");
        assert!(
            html.contains(r#"<span class="hl-speaker">Xi Jinping<span class="visually-hidden">: </span></span>China and Russia should deepen cooperation.</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"title="Xi Jinping and Vladimir Putin (agreed): open the statement""#),
            "{html}"
        );
        // The hostile statement stays text.
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains(r#"href="/p/vladimir-putin""#), "{html}");
        assert!(
            html.contains(r#"href="/?readout=astana&amp;sort=readout""#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn the_date_line_before_the_prose_is_not_shown() {
        let html = render_at(
            "/r/call",
            sample_index(),
            html! { <ReadoutPage id="call" /> },
        )
        .await;
        assert!(
            html.contains(r#"<div class="source-text"><p><a href="/s/call-s1""#),
            "{html}"
        );
        assert!(!html.contains("date 2024-07-14"), "{html}");
        // The publication date is shown as provenance instead.
        assert!(
            html.contains(r#"<dt>Published</dt><dd><time datetime="2024-07-14">"#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn other_accounts_of_the_meeting_link_to_each_other() {
        let (index, [a, b, _]) = accounts_index();
        let other = index.readout(&b).unwrap();
        let expected = format!(
            r#"<a href="/r/{b}">{}</a><span class="count-note"> · Office of the Prime Minister of Kestria · 5 March 2031 · {} statements</span>"#,
            readout_title(other),
            other.statements.len()
        );
        let path: &'static str = Box::leak(format!("/r/{a}").into_boxed_str());
        let html = render_at(
            path,
            index.clone(),
            html! { <ReadoutPage id={a.clone()} /> },
        )
        .await;
        assert!(
            html.contains("Other accounts of this meeting</h2>"),
            "{html}"
        );
        assert!(html.contains(&expected), "{expected}\n{html}");
        assert!(
            !html.contains(&format!(r#"href="/r/{a}""#)),
            "not itself: {html}"
        );
        let path: &'static str = Box::leak(format!("/r/{b}").into_boxed_str());
        let html = render_at(path, index, html! { <ReadoutPage id={b.clone()} /> }).await;
        assert!(html.contains(&format!(r#"href="/r/{a}""#)), "{html}");
    }

    #[tokio::test]
    async fn a_readout_told_once_has_no_other_accounts() {
        let (index, [_, _, seed]) = accounts_index();
        let path: &'static str = Box::leak(format!("/r/{seed}").into_boxed_str());
        let html = render_at(path, index, html! { <ReadoutPage id={seed.clone()} /> }).await;
        assert!(html.contains("The readout</h2>"), "{html}");
        assert!(!html.contains("Other accounts"), "{html}");
        // Any other readout can still be compared with it, through the picker.
        assert!(
            html.contains(&format!(
                r#"<a href="/compare/r/{seed}" class="compare-with">Compare with…</a>"#
            )),
            "{html}"
        );
        let html = render_at(
            "/r/astana",
            sample_index(),
            html! { <ReadoutPage id="astana" /> },
        )
        .await;
        assert!(!html.contains("Other accounts"), "{html}");
    }

    #[tokio::test]
    async fn an_unknown_readout_is_not_found() {
        let html = render_at(
            "/r/astan",
            sample_index(),
            html! { <ReadoutPage id="astan" /> },
        )
        .await;
        assert!(html.contains("No readout with this id"), "{html}");
        assert!(html.contains(r#"href="/r/astana""#), "{html}");
    }
}
