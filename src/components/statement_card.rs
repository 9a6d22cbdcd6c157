//! One statement as a card that reads as a sentence: who said it (the speakers, each linked to
//! their page, then their title and country; every speaker of a joint statement), the
//! reporting verb, the text with search matches marked, its topics, the readout it comes from
//! (linked, with its publisher and the original), a permalink and "show in source". The verb
//! and the topics are links that narrow the list to that verb or topic (its facet filter), as
//! a value does in Datasette.
//!
//! Built with [`crate::dom`]'s out-of-line elements: a page renders fifty cards, and `html!`
//! would expand each element into this component's code. Everything from the corpus goes into
//! text nodes or attribute values, which Yew escapes.

use crate::components::highlighted_text::highlighted;
use crate::components::share::share_menu;
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, class_text, el, link_attrs, link_described, text, value};
use crate::format::{clip, human_date, is_iso_date, join_names, short, SHORT_TEXT};
use crate::nav::{first_page, Links};
use crate::route::Route;
use readouts_core::fold::lowercase;
use readouts_core::query::{Facet, Query};
use readouts_core::{Participant, Readout, Statement, CONTINUED};
use yew::prelude::*;

/// What a card shows: a statement of the index, and how.
pub struct Card<'a> {
    /// The index (shared: each card's Share panel keeps a handle to make its texts on click).
    pub index: &'a SharedIndex,
    /// The statement number in the index.
    pub doc: u32,
    /// Search text whose matches are marked in the statement.
    pub search: &'a str,
    /// The heading level of the speaker names (2 to 4), after the page's own headings.
    pub level: u8,
    /// The statement of the card before it in a list: a card from the same readout leaves out
    /// the readout (title, date, place, provenance), and by the same speakers their details.
    pub after: Option<u32>,
    /// The list the card is in (its route and query), which its verb and topics narrow; a
    /// card outside a list (`None`) leads to the home page's statements with that filter.
    pub list: Option<(&'a Route, &'a Query)>,
}

/// A statement card, keyed by its statement number; nothing for a number outside the index.
/// A function, not a component: a component type costs its lifecycle code in the wasm, and a
/// list of cards changes with its results anyway. `links` are the calling component's.
pub fn statement_card(card: &Card, links: &Links) -> Html {
    let index = card.index;
    if card.doc as usize >= index.len() {
        return Html::default();
    }
    let (readout, statement) = index.statement(card.doc);
    let speakers = speakers_of(readout, statement);
    let (same_readout, same_speakers) = match card.after {
        Some(doc) if (doc as usize) < index.len() => {
            let (r, s) = index.statement(doc);
            (
                r.id == readout.id,
                r.id == readout.id && s.speakers == statement.speakers,
            )
        }
        _ => (false, false),
    };
    let heading_id = AttrValue::from(format!("heading-{}", statement.id));
    let readout_link = |fragment: Option<&str>| {
        links.to(
            Route::Readout {
                id: readout.id.clone(),
            },
            AttrValue::default(),
            fragment.map(|f| AttrValue::from(f.to_string())),
        )
    };
    let permalink = links.to(
        Route::Statement {
            id: statement.id.clone(),
        },
        AttrValue::default(),
        None,
    );
    let mut sentence = vec![el(
        heading_tag(card.level),
        &["id", "class"],
        vec![Some(heading_id.clone()), Some("speakers".into())],
        speaker_names(&speakers, links),
    )];
    sentence.extend(said(card, links, readout, statement));
    sentence.push(class(
        "span",
        "statement-text",
        vec![highlighted(&statement.text, card.search)],
    ));
    let mut children = vec![class("div", "said", sentence)];
    if readout.is_corrected(&statement.id) {
        children.push(corrected("p", "speaker corrected"));
    }
    if !same_speakers {
        children.push(speaker_details(&speakers));
    }
    children.push(topics(card, links, statement));
    let mut source = Vec::new();
    if !same_readout {
        let title = readout_title(readout);
        let cite = el(
            "cite",
            &["title"],
            vec![clip(title, SHORT_TEXT).and_then(|_| value(title.to_string()))],
            vec![link_described(
                readout_link(None),
                None,
                None,
                vec![text(short(title))],
            )],
        );
        source.push(class(
            "p",
            "readout-title",
            vec![
                class_text("span", "visually-hidden", "From the readout "),
                cite,
            ],
        ));
        source.push(readout_meta(readout, index.is_imported(readout)));
        source.push(provenance(readout, links.is_embedded()));
    }
    let mut card_links = vec![
        link_described(
            permalink,
            Some("permalink"),
            Some(heading_id.clone()),
            vec![text("Permalink")],
        ),
        link_described(
            readout_link(Some(&statement.id)),
            Some("show-in-source"),
            Some(heading_id.clone()),
            vec![text("Show in source")],
        ),
    ];
    if !links.is_embedded() {
        card_links.push(share_menu(index, card.doc, heading_id.clone()));
    }
    source.push(class("div", "card-links", card_links));
    children.push(class("footer", "card-source", source));
    let mut article = el(
        "article",
        &[
            "class",
            "id",
            "aria-labelledby",
            "data-readout",
            "data-statement",
        ],
        vec![
            Some(card_class(speakers.len() > 1, same_readout).into()),
            value(format!("statement-{}", statement.id)),
            Some(heading_id),
            value(readout.id.clone()),
            value(statement.id.clone()),
        ],
        children,
    );
    // Keyed like the list's components were, so that a page's cards are matched by statement.
    if let Some(tag) = match &mut article {
        Html::VTag(tag) => std::rc::Rc::get_mut(tag),
        _ => None,
    } {
        tag.key = Some(card.doc.into());
    }
    article
}

/// The heading tag of the speaker names at `level` (2 to 4).
fn heading_tag(level: u8) -> &'static str {
    match level {
        0..=2 => "h2",
        3 => "h3",
        _ => "h4",
    }
}

/// The card's classes: `joint` for a joint statement, `same-readout` after a card of the
/// same readout.
fn card_class(joint: bool, same_readout: bool) -> &'static str {
    match (joint, same_readout) {
        (false, false) => "card",
        (true, false) => "card joint",
        (false, true) => "card same-readout",
        (true, true) => "card joint same-readout",
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
fn speaker_names(speakers: &[Speaker], links: &Links) -> Vec<Html> {
    if speakers.is_empty() {
        return vec![class_text(
            "span",
            "speaker-name unattributed",
            "Unattributed",
        )];
    }
    let last = speakers.len() - 1;
    let mut names = Vec::with_capacity(speakers.len() * 2);
    for (i, speaker) in speakers.iter().enumerate() {
        match i {
            0 => {}
            i if i == last => names.push(text(" and ")),
            _ => names.push(text(", ")),
        }
        let name = match speaker {
            Speaker::Known(p) => {
                let link = links.to(
                    Route::Participant { id: p.id.clone() },
                    AttrValue::default(),
                    None,
                );
                link_described(link, Some("speaker-name"), None, vec![text(p.name.clone())])
            }
            Speaker::Unknown(id) => class_text("span", "speaker-name", id.to_string()),
        };
        names.push(el(
            "span",
            &["data-participant", "class"],
            vec![value(speaker.id().to_string()), Some("speaker".into())],
            vec![name],
        ));
    }
    names
}

/// One speaker: their title and country. Several: a "Joint statement" tag, then each name
/// with title and country.
fn speaker_details(speakers: &[Speaker]) -> Html {
    match speakers {
        [] => Html::default(),
        [one] => {
            let details = one.details();
            if details.is_empty() {
                Html::default()
            } else {
                class_text("p", "speaker-details", details)
            }
        }
        many => {
            let names: Vec<&str> = many.iter().map(Speaker::name).collect();
            let items = many
                .iter()
                .map(|speaker| {
                    let details = speaker.details();
                    let mut item = vec![class_text(
                        "span",
                        "speaker-name",
                        speaker.name().to_string(),
                    )];
                    if !details.is_empty() {
                        item.push(text(": "));
                        item.push(text(details));
                    }
                    bare("li", item)
                })
                .collect();
            Html::from_iter([
                class_text("p", "joint-tag", "Joint statement"),
                el(
                    "ul",
                    &["class", "aria-label"],
                    vec![
                        Some("speaker-details joint".into()),
                        value(format!("Joint statement of {}", join_names(&names))),
                    ],
                    items,
                ),
            ])
        }
    }
}

/// The verb between the speakers' names and the text, so that a card reads as a sentence:
/// "Xi Jinping *pointed out* that …", "The two sides *welcomed* the …". A continuation names
/// the verb it continues and is marked as one ("*stressed* (continued): …").
fn said(card: &Card, links: &Links, readout: &Readout, statement: &Statement) -> Vec<Html> {
    let continues = (statement.verb == CONTINUED).then(|| readout.continued_verb(statement));
    let verb = continues.flatten().unwrap_or(&statement.verb);
    let mut said = vec![
        text(" "),
        filter_link(card, links, Facet::Verb, &lowercase(verb), verb, "verb"),
    ];
    if continues.is_some() {
        said.push(text(" "));
        said.push(class_text("span", "continued", "(continued)"));
    }
    said.push(text(connector(readout, statement)));
    said
}

/// What joins the verb to the text: " that " where the source says "… stressed that …", ": "
/// before a sentence of its own (a capital or a quote: a continuation, a quotation), else a
/// space ("welcomed the …"). The text ends its sentence (`span`), as the parser reads it: what
/// comes before it is the frame ("Xi Jinping stressed that").
fn connector(readout: &Readout, statement: &Statement) -> &'static str {
    let text = &statement.text;
    let frame = readout
        .source
        .text
        .get(..statement.span.end)
        .and_then(|before| before.strip_suffix(text.as_str()));
    match frame {
        Some(frame) if frame.trim_end().ends_with(" that") => " that ",
        _ if text.starts_with(|c: char| {
            c.is_ascii_uppercase() || matches!(c, '"' | '“' | '‘' | '\'')
        }) =>
        {
            ": "
        }
        _ => " ",
    }
}

fn topics(card: &Card, links: &Links, statement: &Statement) -> Html {
    if statement.topics.is_empty() {
        return Html::default();
    }
    el(
        "ul",
        &["class", "aria-label"],
        vec![Some("topics".into()), Some("Topics".into())],
        statement
            .topics
            .iter()
            .map(|topic| {
                bare(
                    "li",
                    vec![filter_link(
                        card,
                        links,
                        Facet::Topic,
                        topic,
                        topic,
                        "topic",
                    )],
                )
            })
            .collect(),
    )
}

/// A link named `label` to the card's list narrowed to `chosen`, a value of `facet` (added to its
/// filters, on the first page; the list as it is where that value is chosen already), or from
/// a card outside a list, to the home page's statements with only that filter. Its tooltip
/// says what it does.
#[inline(never)]
fn filter_link(
    card: &Card,
    links: &Links,
    facet: Facet,
    chosen: &str,
    label: &str,
    class: &'static str,
) -> Html {
    let (route, mut next) = match card.list {
        Some((route, query)) => (route.clone(), first_page(query)),
        None => (Route::Home, Query::default()),
    };
    next.filters.insert(facet, chosen.to_string());
    let to = links.to(route, AttrValue::from(next.to_query_string()), None);
    link_attrs(
        to,
        &["href", "target", "rel", "class", "title"],
        vec![
            Some(AttrValue::Static(class)),
            value(format!("Only statements with {}: {label}", facet.label())),
        ],
        vec![text(label.to_string())],
    )
}

pub fn readout_title(readout: &Readout) -> &str {
    if readout.title.trim().is_empty() {
        &readout.id
    } else {
        &readout.title
    }
}

/// Who published the readout, when, and a link to the original (only an http(s) address is
/// a link; in an embed it opens a new tab, as every link there does). Nothing when the corpus
/// knows none of them.
pub fn provenance(readout: &Readout, embedded: bool) -> Html {
    let source = &readout.source;
    let url = source.url.as_deref().filter(|url| is_web(url));
    if source.publisher.is_none() && readout.published.is_none() && url.is_none() {
        return Html::default();
    }
    let mut children = vec![text("Published")];
    if let Some(publisher) = &source.publisher {
        children.push(text(" by "));
        children.push(text(short(publisher)));
    }
    if let Some(date) = &readout.published {
        children.push(text(" "));
        children.push(date_html(date));
    }
    if let Some(url) = url {
        children.push(text(" · "));
        children.push(el(
            "a",
            &["href", "rel", "target", "class"],
            vec![
                value(url.to_string()),
                Some("noopener noreferrer external".into()),
                embedded.then_some("_blank".into()),
                Some("original".into()),
            ],
            vec![
                text("Original"),
                class_text(
                    "span",
                    "visually-hidden",
                    " readout, on the publisher's site",
                ),
            ],
        ));
    }
    class("p", "provenance", children)
}

/// Whether `url` is an http(s) address, the only kind the app links to (never `javascript:`).
pub fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A date as `<time>` when it is `YYYY-MM-DD`, else as written.
pub fn date_html(date: &str) -> Html {
    if is_iso_date(date) {
        el(
            "time",
            &["datetime"],
            vec![value(date.to_string())],
            vec![text(human_date(date))],
        )
    } else {
        text(date.to_string())
    }
}

/// The mark of a value a reader corrected when importing the readout (the core's
/// `Readout::is_corrected`, `event_corrections`): `what` ("speaker corrected") in a `tag`.
fn corrected(tag: &'static str, what: &'static str) -> Html {
    el(
        tag,
        &["class", "title"],
        vec![
            Some("corrected".into()),
            Some("A reader corrected the parser here when importing this readout".into()),
        ],
        vec![text(what)],
    )
}

/// The readout's date (the event's, else the publication's), location and kind, and the
/// marks of those a reader corrected.
pub fn readout_meta(readout: &Readout, imported: bool) -> Html {
    let event = &readout.event;
    let date = match (&event.date, &readout.published) {
        (Some(date), _) => vec![date_html(date)],
        (None, Some(published)) => vec![text("published "), date_html(published)],
        (None, None) => vec![text("date unknown")],
    };
    let (date_corrected, place_corrected) = readout.event_corrections();
    let mut items = vec![class("span", "meta-item", date)];
    if date_corrected {
        items.push(corrected("span", "date corrected"));
    }
    if let Some(location) = &event.location {
        items.push(class_text(
            "span",
            "meta-item location",
            location.to_string(),
        ));
    }
    if place_corrected {
        items.push(corrected("span", "place corrected"));
    }
    items.push(class_text("span", "meta-item kind", event.kind.label()));
    if imported {
        items.push(class_text("span", "meta-item imported-badge", "Imported"));
    }
    class("p", "readout-meta", items)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{render, sample_index};

    #[derive(Properties, PartialEq)]
    struct CardProps {
        index: crate::corpus_loader::SharedIndex,
        doc: u32,
        search: &'static str,
    }

    #[component]
    fn TestCard(props: &CardProps) -> Html {
        let links = crate::nav::use_links();
        let card = Card {
            index: &props.index,
            doc: props.doc,
            search: props.search,
            level: 3,
            after: None,
            list: None,
        };
        statement_card(&card, &links)
    }

    async fn card(doc: u32, search: &'static str) -> String {
        render::<TestCard>(CardProps {
            index: sample_index(),
            doc,
            search,
        })
        .await
    }

    #[tokio::test]
    async fn shows_speaker_verb_text_and_readout_with_links() {
        let html = card(0, "").await;
        assert!(html.starts_with("<article "), "{html}");
        assert!(html.contains(r#"class="card""#), "{html}");
        // One sentence: the speaker's name (the card's heading), the verb, "that", the text.
        assert!(
            html.contains(r#"<div class="said"><h3 id="heading-astana-s1" class="speakers"><span data-participant="xi-jinping" class="speaker"><a href="/p/xi-jinping" class="speaker-name">Xi Jinping</a></span></h3> <a href="/?verb=pointed+out" class="verb" title="Only statements with Reporting verb: pointed out">pointed out</a> that <span class="statement-text">China and Russia should deepen cooperation.</span></div>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="speaker-details">President, China</p>"#),
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
        // Provenance: the publisher, the publication date, the original.
        assert!(
            html.contains(r#"<p class="provenance">Published by Ministry of Tests <time datetime="2024-07-14">14 July 2024</time> · <a href="https://example.org/astana" rel="noopener noreferrer external" class="original">Original"#),
            "{html}"
        );
        assert!(html.contains(">meeting<"), "{html}");
        // A topic leads to the statements on it.
        assert!(
            html.contains(r#"<li><a href="/?topic=SCO" class="topic" title="Only statements with Topic: SCO">SCO</a></li>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/s/astana-s1" class="permalink" aria-describedby="heading-astana-s1">Permalink</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/r/astana#astana-s1" class="show-in-source" aria-describedby="heading-astana-s1">Show in source</a>"#),
            "{html}"
        );
        // Share: copy link, the citation in two forms (no share sheet natively).
        assert!(
            html.contains(r#"<details class="share"><summary class="share-toggle" aria-describedby="heading-astana-s1">Share</summary><div class="share-panel"><button type="button" class="share-action" data-share="link">Copy link</button><button type="button" class="share-action" data-share="cite">Copy citation</button><button type="button" class="share-action" data-share="chicago">Copy Chicago-style citation</button><p class="share-status" role="status"></p></div></details>"#),
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
        assert!(html.contains(r#"class="card joint""#), "{html}");
        assert!(
            html.contains(r#"<p class="joint-tag">Joint statement</p>"#),
            "{html}"
        );
        // "The two sides agreed to meet again.": no "that" in the source, none on the card.
        assert!(
            html.contains(r#"</h3> <a href="/?verb=agreed" class="verb" title="Only statements with Reporting verb: agreed">agreed</a> <span class="statement-text">to meet again.</span>"#),
            "{html}"
        );
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
    async fn a_continuation_continues_the_verb_before_it() {
        let index = sample_index();
        let mut readout = index.corpus().readouts[0].clone();
        assert_eq!(readout.statements[0].verb, "pointed out");
        let mut next = readout.statements[0].clone();
        next.verb = CONTINUED.into();
        readout.statements.insert(1, next.clone());
        readout.statements.insert(2, next);
        // A continuation of a continuation continues the same verb.
        assert_eq!(
            readout.continued_verb(&readout.statements[2]),
            Some("pointed out")
        );
        assert_eq!(readout.continued_verb(&readout.statements[0]), None);
        let card = Card {
            index: &index,
            doc: 0,
            search: "",
            level: 3,
            after: None,
            list: None,
        };
        let said = said(&card, &Links::default(), &readout, &readout.statements[1]);
        let html = render::<Wrap>(WrapProps {
            html: Html::from_iter(said),
        })
        .await;
        // The verb it continues, which leads to the statements with that verb.
        assert!(
            html.contains(r#"<a href="/?verb=pointed+out" class="verb" title="Only statements with Reporting verb: pointed out">pointed out</a> <span class="continued">(continued)</span>"#),
            "{html}"
        );
    }

    #[derive(Properties, PartialEq)]
    struct WrapProps {
        html: Html,
    }

    #[component]
    fn Wrap(props: &WrapProps) -> Html {
        props.html.clone()
    }

    /// Marks read from a corpus JSON's `corrections`, as the app reads an imported readout
    /// (whether the core keeps the whole record or only the marks, the `corrections` feature).
    #[tokio::test]
    async fn corrected_speakers_date_and_place_are_marked() {
        let sample = sample_index();
        let astana = sample.readout("astana").unwrap().clone();
        let json = readouts_core::export::corpus_json(&[&astana]);
        let corrections = r#","corrections":[{"speakers":{"statement":"astana-s1","parsed":["vladimir-putin"]}},{"event_location":{"parsed":null}}]}]}"#;
        let json = json.trim_end().strip_suffix("}]}").unwrap().to_string() + corrections;
        let corpus = readouts_core::Corpus::from_json(&json).unwrap();
        let html = render::<TestCard>(CardProps {
            index: crate::corpus_loader::SharedIndex::new(corpus),
            doc: 0,
            search: "",
        })
        .await;
        assert!(html.contains(r#"<p class="corrected" title="#), "{html}");
        assert!(html.contains(">speaker corrected</p>"), "{html}");
        assert!(html.contains(">place corrected</span>"), "{html}");
        assert!(!html.contains("date corrected"), "{html}");
        // The uncorrected statement of the same readout has no mark.
        let plain = card(1, "").await;
        assert!(!plain.contains("corrected"), "{plain}");
    }

    #[tokio::test]
    async fn out_of_range_numbers_render_nothing() {
        assert_eq!(card(99, "").await, "");
    }
}
