//! One statement as a card: who said it (name, title, country; every speaker of a joint
//! statement), the reporting verb, the text, its topics, and the readout it comes from.
//!
//! Everything from the corpus goes into text nodes or attribute values, which Yew escapes.

use crate::corpus_loader::SharedCorpus;
use crate::format::{human_date, is_iso_date, join_names};
use readouts_core::{Participant, Readout, Statement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    pub corpus: SharedCorpus,
    /// Index of the readout in the corpus.
    pub readout: usize,
    /// Index of the statement in that readout.
    pub statement: usize,
}

/// A statement card; renders nothing for indices outside the corpus.
#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    let Some(readout) = props.corpus.readouts.get(props.readout) else {
        return Html::default();
    };
    let Some(statement) = readout.statements.get(props.statement) else {
        return Html::default();
    };
    let speakers = speakers_of(readout, statement);
    let heading_id = format!("heading-{}", statement.id);
    html! {
        <article
            class="card"
            id={format!("statement-{}", statement.id)}
            aria-labelledby={heading_id.clone()}
            data-readout={readout.id.clone()}
        >
            <header class="card-head">
                <h2 class="speakers" id={heading_id}>{ speaker_names(&speakers) }</h2>
                { speaker_details(&speakers) }
            </header>
            <p class="verb">{ &statement.verb }</p>
            <p class="statement-text">{ &statement.text }</p>
            { topics(statement) }
            <footer class="card-source">
                <p class="readout-title">
                    <span class="visually-hidden">{ "From the readout " }</span>
                    <cite>{ readout_title(readout) }</cite>
                </p>
                { readout_meta(readout) }
            </footer>
        </article>
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

/// "Xi Jinping", "Xi Jinping and Vladimir Putin", each name in its own span.
fn speaker_names(speakers: &[Speaker]) -> Html {
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
            html! {
                <>
                    { separator }
                    <span class="speaker-name" data-participant={speaker.id().to_string()}>{ speaker.name() }</span>
                </>
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
            { for statement.topics.iter().map(|topic| html! { <li>{ topic }</li> }) }
        </ul>
    }
}

fn readout_title(readout: &Readout) -> &str {
    if readout.title.trim().is_empty() {
        &readout.id
    } else {
        &readout.title
    }
}

/// The readout's date (the event's, else the publication's), location and kind.
fn readout_meta(readout: &Readout) -> Html {
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
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_corpus};

    async fn card(corpus: &SharedCorpus, readout: usize, statement: usize) -> String {
        render::<StatementCard>(StatementCardProps {
            corpus: corpus.clone(),
            readout,
            statement,
        })
        .await
    }

    #[tokio::test]
    async fn shows_speaker_verb_text_and_readout() {
        let corpus = sample_corpus();
        let html = card(&corpus, 0, 0).await;
        assert!(html.starts_with("<article "), "{html}");
        assert!(html.contains(r#"class="card""#), "{html}");
        assert!(
            html.contains(
                r#"<span data-participant="xi-jinping" class="speaker-name">Xi Jinping</span>"#
            ),
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
            html.contains("<cite>Xi Jinping Meets with Russian President Vladimir Putin</cite>"),
            "{html}"
        );
        assert!(html.contains(">Astana<"), "{html}");
        assert!(html.contains(">meeting<"), "{html}");
        assert!(html.contains("<li>SCO</li>"), "{html}");
    }

    #[tokio::test]
    async fn joint_statements_list_every_speaker() {
        let corpus = sample_corpus();
        let html = card(&corpus, 0, 1).await;
        assert!(html.contains(r#"class="speaker-name">Xi Jinping</span> and <span data-participant="vladimir-putin" class="speaker-name">Vladimir Putin</span></h2>"#), "{html}");
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
        let corpus = sample_corpus();
        let html = card(&corpus, 0, 2).await;
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
        // The unknown speaker id is shown as is, escaped too.
        assert!(html.contains("&lt;b&gt;ghost&lt;/b&gt;"), "{html}");
    }

    #[tokio::test]
    async fn without_an_event_date_the_publication_date_stands_in() {
        let corpus = sample_corpus();
        let html = card(&corpus, 1, 0).await;
        assert!(
            html.contains(r#"published <time datetime="2024-07-14">14 July 2024</time>"#),
            "{html}"
        );
        assert!(html.contains(">phone call<"), "{html}");
        assert!(!html.contains("location"), "{html}");
        assert!(
            html.contains("<cite>&lt;i&gt;Call&lt;/i&gt;</cite>"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn out_of_range_indices_render_nothing() {
        let corpus = sample_corpus();
        assert_eq!(card(&corpus, 0, 99).await, "");
        assert_eq!(card(&corpus, 9, 0).await, "");
    }
}
