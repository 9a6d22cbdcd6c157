//! A readout's source text with every statement's sentence marked in its speaker's colour.
//!
//! Each mark is a link to the statement's page, with the statement id as its element id (the
//! target of "show in source" links); it names the speaker in a tooltip on hover and focus
//! and in its accessible name, so colour is never the only cue. Statements read from one
//! sentence share its mark: the first is the mark, the others follow as small labelled links.
//! A joint statement has a style of its own, with every speaker named in the text.

use crate::components::highlighted_text::breakable;
use crate::corpus_loader::SharedIndex;
use crate::dom::{self, bare, class, class_text, link_attrs, value};
use crate::format::join_names;
use crate::nav::{use_links, Links};
use crate::route::Route;
use readouts_core::query::source::{source_layout, Piece};
use readouts_core::{Readout, Statement};
use yew::prelude::*;

/// How many speaker colours the stylesheet defines (`speaker-c0` …).
pub const COLOURS: usize = 6;

/// The colour class of participant `id` in `readout`: by their place in its participants.
pub fn colour_class(readout: &Readout, id: &str) -> String {
    let n = readout
        .participants
        .iter()
        .position(|p| p.id == id)
        .unwrap_or(COLOURS - 1);
    format!("speaker-c{}", n % COLOURS)
}

/// The class of a joint statement's mark (and of its legend entry).
pub const JOINT: &str = "joint";

#[derive(Properties, PartialEq)]
pub struct SourceTextProps {
    pub index: SharedIndex,
    pub readout: AttrValue,
}

#[component]
pub fn SourceText(props: &SourceTextProps) -> Html {
    let links = use_links();
    let Some(readout) = props.index.readout(&props.readout) else {
        return Html::default();
    };
    let source = &readout.source.text;
    let spans: Vec<_> = readout.statements.iter().map(|s| s.span).collect();
    // Only the prose: the `date` line before `prose_start` is shown as provenance instead.
    let paragraphs = source_layout(source, readout.source.prose_start, &spans)
        .into_iter()
        .map(|p| {
            let pieces = p.pieces.into_iter().map(|piece| match piece {
                Piece::Plain { span } => breakable(&source[span.range()]),
                Piece::Marked { span, statements } => {
                    let statements = statements.iter().map(|&i| &readout.statements[i]);
                    marks(&links, readout, statements, &source[span.range()])
                }
            });
            bare("p", pieces.collect())
        })
        .collect();
    class("div", "source-text", paragraphs)
}

/// The marks of one sentence, `text`: the first statement's mark, then a small labelled link
/// for each other statement read from it.
fn marks<'a>(
    links: &Links,
    readout: &Readout,
    mut statements: impl Iterator<Item = &'a Statement>,
    text: &str,
) -> Html {
    let Some(first) = statements.next() else {
        return breakable(text);
    };
    let (names, colour) = speaker(readout, first);
    let title = format!("{names} ({}): open the statement", first.verb);
    let mut out = vec![mark_link(
        links,
        first,
        format!("hl {colour}"),
        title,
        vec![
            class(
                "span",
                "hl-speaker",
                vec![
                    dom::text(names),
                    class_text("span", "visually-hidden", ": "),
                ],
            ),
            breakable(text),
        ],
    )];
    out.extend(statements.map(|s| {
        let (names, colour) = speaker(readout, s);
        let title = format!("Also {names} ({}): open the statement", s.verb);
        mark_link(
            links,
            s,
            format!("hl-also {colour}"),
            title,
            vec![
                class_text("span", "visually-hidden", "The same sentence, also "),
                dom::text(names),
            ],
        )
    }));
    Html::from_iter(out)
}

/// A link to `statement`'s page with its id as the element's id (the target of "show in
/// source" links), of class `classes`, titled `title`.
fn mark_link(
    links: &Links,
    statement: &Statement,
    classes: String,
    title: String,
    children: Vec<Html>,
) -> Html {
    let to = links.page(Route::Statement {
        id: statement.id.clone(),
    });
    link_attrs(
        to,
        &["href", "target", "rel", "id", "title", "class"],
        vec![value(statement.id.clone()), value(title), value(classes)],
        children,
    )
}

/// The statement's speaker names ("Xi Jinping and Vladimir Putin") and its colour class: its
/// speaker's, or `joint` for a joint statement (its own style, the names shown in the text).
fn speaker(readout: &Readout, statement: &Statement) -> (String, String) {
    let names: Vec<&str> = statement
        .speakers
        .iter()
        .map(|id| readout.participant(id).map_or(id.as_str(), |p| &p.name))
        .collect();
    let names = if names.is_empty() {
        "Unattributed".to_string()
    } else {
        join_names(&names)
    };
    if statement.speakers.len() > 1 {
        return (names, JOINT.to_string());
    }
    let colour = statement.speakers.first().map_or_else(
        || format!("speaker-c{}", COLOURS - 1),
        |id| colour_class(readout, id),
    );
    (names, colour)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_loader::read_corpus;
    use crate::test_support::render;

    /// A readout whose second sentence holds two statements with the same span.
    fn shared_sentence() -> SharedIndex {
        let text = "A met B. A and B agreed <to> meet. B left.";
        let statement = |n: usize, speaker: &str, span: (usize, usize)| {
            format!(
                r#"{{"id":"r-s{n}","speakers":["{speaker}"],"verb":"said","text":"t","span":[{},{}],"paragraph":0,"topics":[]}}"#,
                span.0, span.1
            )
        };
        let json = format!(
            r#"{{"schema_version":1,"readouts":[{{"id":"r","title":"R","published":null,"event":{{"date":null,"time_of_day":null,"location":null,"kind":"meeting"}},"participants":[{{"id":"a","name":"A","title":null,"country":null,"role":"principal","aliases":[]}},{{"id":"b","name":"B <i>","title":null,"country":null,"role":"counterpart","aliases":[]}}],"statements":[{},{},{}],"topics":[],"source":{{"text":"{text}","publisher":null,"url":null}},"diagnostics":[]}}]}}"#,
            statement(1, "a", (9, 34)),
            statement(2, "b", (9, 34)),
            statement(3, "b", (35, 42)),
        );
        read_corpus(json.as_bytes()).unwrap()
    }

    #[tokio::test]
    async fn statements_of_one_sentence_share_its_mark() {
        let html = render::<SourceText>(SourceTextProps {
            index: shared_sentence(),
            readout: "r".into(),
        })
        .await;
        // The sentence once, marked for the first statement, with a labelled link for the other.
        assert_eq!(html.matches("A and B agreed").count(), 1, "{html}");
        assert!(
            html.contains(r#"<a href="/s/r-s1" id="r-s1" title="A (said): open the statement" class="hl speaker-c0"><span class="hl-speaker">A<span class="visually-hidden">: </span></span>A and B agreed &lt;to&gt; meet.</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/s/r-s2" id="r-s2" title="Also B &lt;i&gt; (said): open the statement" class="hl-also speaker-c1"><span class="visually-hidden">The same sentence, also </span>B &lt;i&gt;</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"id="r-s3""#), "{html}");
        assert!(
            html.starts_with(r#"<div class="source-text"><p>A met B. <a"#),
            "{html}"
        );
    }

    #[test]
    fn colours_follow_the_participants() {
        let index = shared_sentence();
        let readout = index.readout("r").unwrap();
        assert_eq!(colour_class(readout, "a"), "speaker-c0");
        assert_eq!(colour_class(readout, "b"), "speaker-c1");
        assert_eq!(colour_class(readout, "nobody"), "speaker-c5");
    }
}
