//! One statement as a card: who said it (name, title, country; every speaker of a joint
//! statement, each linked to their page), the reporting verb, the text with search matches
//! marked, its topics, the readout it comes from (linked), a permalink and "show in source".
//!
//! Everything from the corpus goes into text nodes or attribute values, which Yew escapes.

use crate::components::highlighted_text::highlighted;
use crate::corpus_loader::SharedIndex;
use crate::format::{clip, human_date, is_iso_date, join_names, short, SHORT_TEXT};
use crate::nav::{use_links, Link, Links};
use crate::route::Route;
use readouts_core::{Participant, Readout, Statement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    pub index: SharedIndex,
    /// The statement number in the index.
    pub doc: u32,
    /// Search text whose matches are marked in the statement.
    #[prop_or_default]
    pub search: AttrValue,
    /// The heading level of the speaker names (2 to 4), after the page's own headings.
    #[prop_or(3)]
    pub level: u8,
}

/// A statement card; renders nothing for a statement number outside the index.
#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    if props.doc as usize >= props.index.len() {
        return Html::default();
    }
    let (readout, statement) = props.index.statement(props.doc);
    let speakers = speakers_of(readout, statement);
    let heading_id = format!("heading-{}", statement.id);
    let heading = format!("h{}", props.level.clamp(2, 4));
    // Plain links with one navigator: a card is rendered fifty times per page of results.
    let links = use_links();
    let link = |to: Route, fragment: Option<&str>| {
        links.to(
            to,
            AttrValue::default(),
            fragment.map(|f| AttrValue::from(f.to_string())),
        )
    };
    let readout_link = link(
        Route::Readout {
            id: readout.id.clone(),
        },
        None,
    );
    let permalink = link(
        Route::Statement {
            id: statement.id.clone(),
        },
        None,
    );
    let source = link(
        Route::Readout {
            id: readout.id.clone(),
        },
        Some(&statement.id),
    );
    html! {
        <article
            class="card"
            id={format!("statement-{}", statement.id)}
            aria-labelledby={heading_id.clone()}
            data-readout={readout.id.clone()}
            data-statement={statement.id.clone()}
        >
            <header class="card-head">
                <@{heading} class="speakers" id={heading_id.clone()}>{ speaker_names(&speakers, &links) }</@>
                { speaker_details(&speakers) }
            </header>
            <p class="verb">{ statement.verb.as_ref() }</p>
            <p class="statement-text">{ highlighted(&statement.text, &props.search) }</p>
            { topics(statement) }
            <footer class="card-source">
                <p class="readout-title">
                    <span class="visually-hidden">{ "From the readout " }</span>
                    <cite title={clip(readout_title(readout), SHORT_TEXT)
                        .map(|_| AttrValue::from(readout_title(readout).to_string()))}>
                        { anchor(readout_link, None, None, Html::from(short(readout_title(readout)))) }
                    </cite>
                </p>
                { readout_meta(readout, props.index.is_imported(readout)) }
                <p class="card-links">
                    { anchor(permalink, Some("permalink"), Some(&heading_id), Html::from("Permalink")) }
                    { anchor(source, Some("show-in-source"), Some(&heading_id), Html::from("Show in source")) }
                </p>
            </footer>
        </article>
    }
}

/// An `<a>` for `link` with a class and the id of the element describing it.
fn anchor(
    link: Link,
    class: Option<&'static str>,
    described_by: Option<&str>,
    content: Html,
) -> Html {
    html! {
        <a
            href={link.href}
            onclick={link.onclick}
            target={link.target}
            rel={link.rel}
            class={class}
            aria-describedby={described_by.map(str::to_string)}
        >
            { content }
        </a>
    }
}

/// A speaker as the card shows them: the participant when the readout lists them, else the
/// bare id the statement names (a corpus inconsistency, still shown rather than dropped).
enum Speaker<'a> {
    Known(&'a Participant),
    Unknown(&'a str),
}

impl Speaker<'_> {
    fn id(&self) -> &str {
        match self {
            Speaker::Known(p) => &p.id,
            Speaker::Unknown(id) => id,
        }
    }

    fn name(&self) -> &str {
        match self {
            Speaker::Known(p) => &p.name,
            Speaker::Unknown(id) => id,
        }
    }

    /// "President, China"; empty when neither is known.
    fn details(&self) -> String {
        match self {
            Speaker::Known(p) => [p.title.as_deref(), p.country.as_deref()]
                .into_iter()
                .flatten()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            Speaker::Unknown(_) => String::new(),
        }
    }
}

fn speakers_of<'a>(readout: &'a Readout, statement: &'a Statement) -> Vec<Speaker<'a>> {
    statement
        .speakers
        .iter()
        .map(|id| match readout.participant(id) {
            Some(p) => Speaker::Known(p),
            None => Speaker::Unknown(id),
        })
        .collect()
}

/// "Xi Jinping", "Xi Jinping and Vladimir Putin", each name in its own span, linked to the
/// participant's page when the readout lists them.
fn speaker_names(speakers: &[Speaker], links: &Links) -> Html {
    if speakers.is_empty() {
        return html! { <span class="speaker-name unattributed">{ "Unattributed" }</span> };
    }
    let last = speakers.len() - 1;
    speakers
        .iter()
        .enumerate()
        .map(|(i, speaker)| {
            let separator = match i {
                0 => "",
                i if i == last => " and ",
                _ => ", ",
            };
            let name = match speaker {
                Speaker::Known(p) => {
                    let link = links.to(
                        Route::Participant { id: p.id.clone() },
                        AttrValue::default(),
                        None,
                    );
                    anchor(link, Some("speaker-name"), None, Html::from(&p.name))
                }
                Speaker::Unknown(id) => html! { <span class="speaker-name">{ *id }</span> },
            };
            html! {
                <>{ separator }<span class="speaker" data-participant={speaker.id().to_string()}>{ name }</span></>
            }
        })
        .collect()
}

/// One speaker: their title and country. Several: each name with title and country.
fn speaker_details(speakers: &[Speaker]) -> Html {
    match speakers {
        [] => Html::default(),
        [one] => {
            let details = one.details();
            if details.is_empty() {
                Html::default()
            } else {
                html! { <p class="speaker-details">{ details }</p> }
            }
        }
        many => html! {
            <ul class="speaker-details joint" aria-label={format!("Joint statement of {}", join_names(&many.iter().map(Speaker::name).collect::<Vec<_>>()))}>
                { for many.iter().map(|speaker| {
                    let details = speaker.details();
                    html! {
                        <li>
                            <span class="speaker-name">{ speaker.name() }</span>
                            if !details.is_empty() {
                                { ": " }{ details }
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    }
}

fn topics(statement: &Statement) -> Html {
    if statement.topics.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="topics" aria-label="Topics">
            { for statement.topics.iter().map(|topic| html! { <li>{ topic.as_ref() }</li> }) }
        </ul>
    }
}

pub fn readout_title(readout: &Readout) -> &str {
    if readout.title.trim().is_empty() {
        &readout.id
    } else {
        &readout.title
    }
}

/// The readout's date (the event's, else the publication's), location and kind.
pub fn readout_meta(readout: &Readout, imported: bool) -> Html {
    let event = &readout.event;
    let date = match (&event.date, &readout.published) {
        (Some(date), _) => Some(("", date)),
        (None, Some(published)) => Some(("published ", published)),
        (None, None) => None,
    };
    let date = date.map(|(prefix, date)| {
        if is_iso_date(date) {
            html! { <>{ prefix }<time datetime={date.clone()}>{ human_date(date) }</time></> }
        } else {
            html! { <>{ prefix }{ date }</> }
        }
    });
    html! {
        <p class="readout-meta">
            if let Some(date) = date {
                <span class="meta-item">{ date }</span>
            } else {
                <span class="meta-item">{ "date unknown" }</span>
            }
            if let Some(location) = &event.location {
                <span class="meta-item location">{ location }</span>
            }
            <span class="meta-item kind">{ event.kind.label() }</span>
            if imported {
                <span class="meta-item imported-badge">{ "Imported" }</span>
            }
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_index};

    async fn card(doc: u32, search: &'static str) -> String {
        render::<StatementCard>(StatementCardProps {
            index: sample_index(),
            doc,
            search: search.into(),
            level: 3,
        })
        .await
    }

    #[tokio::test]
    async fn shows_speaker_verb_text_and_readout_with_links() {
        let html = card(0, "").await;
        assert!(html.starts_with("<article "), "{html}");
        assert!(html.contains(r#"class="card""#), "{html}");
        assert!(
            html.contains(r#"<h3 id="heading-astana-s1" class="speakers"><span data-participant="xi-jinping" class="speaker"><a href="/p/xi-jinping" class="speaker-name">Xi Jinping</a></span></h3>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="speaker-details">President, China</p>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="verb">pointed out</p>"#),
            "{html}"
        );
        assert!(
            html.contains("China and Russia should deepen cooperation."),
            "{html}"
        );
        assert!(
            html.contains(r#"<time datetime="2024-07-03">3 July 2024</time>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<cite><a href="/r/astana">Xi Jinping Meets with Russian President Vladimir Putin</a></cite>"#),
            "{html}"
        );
        assert!(html.contains(">Astana<"), "{html}");
        assert!(html.contains(">meeting<"), "{html}");
        assert!(html.contains("<li>SCO</li>"), "{html}");
        assert!(
            html.contains(r#"<a href="/s/astana-s1" aria-describedby="heading-astana-s1" class="permalink">Permalink</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/r/astana#astana-s1" aria-describedby="heading-astana-s1" class="show-in-source">Show in source</a>"#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn search_matches_are_marked() {
        let html = card(0, "russia \"deepen cooperation\"").await;
        assert!(
            html.contains("China and <mark>Russia</mark> should <mark>deepen cooperation</mark>."),
            "{html}"
        );
    }

    #[tokio::test]
    async fn joint_statements_list_every_speaker() {
        let html = card(1, "").await;
        assert!(html.contains(r#"class="speaker-name">Xi Jinping</a></span> and <span data-participant="vladimir-putin" class="speaker"><a href="/p/vladimir-putin" class="speaker-name">Vladimir Putin</a></span></h3>"#), "{html}");
        assert!(
            html.contains("Vladimir Putin</span>: President, Russia</li>"),
            "{html}"
        );
        assert!(
            html.contains("Xi Jinping</span>: President, China</li>"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn hostile_text_is_escaped() {
        let html = card(2, "script").await;
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;<mark>script</mark>&gt;"), "{html}");
        // The unknown speaker id is shown as is, escaped too, and not linked.
        assert!(
            html.contains(r#"<span class="speaker-name">&lt;b&gt;ghost&lt;/b&gt;</span>"#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn without_an_event_date_the_publication_date_stands_in() {
        let html = card(3, "").await;
        assert!(
            html.contains(r#"published <time datetime="2024-07-14">14 July 2024</time>"#),
            "{html}"
        );
        assert!(html.contains(">phone call<"), "{html}");
        assert!(!html.contains("location"), "{html}");
        assert!(
            html.contains("<cite><a href=\"/r/call\">&lt;i&gt;Call&lt;/i&gt;</a></cite>"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn out_of_range_numbers_render_nothing() {
        assert_eq!(card(99, "").await, "");
    }
}
