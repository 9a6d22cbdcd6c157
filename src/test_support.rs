//! Helpers for native component tests: render a component to an HTML string with Yew's
//! server renderer (effects do not run there), alone or as a page at a URL.

use crate::corpus_loader::SharedIndex;
use yew::prelude::*;
use yew::{BaseComponent, LocalServerRenderer};
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;
use yew_router::query::Raw;

/// Renders `COMP` with `props`, without hydration markers.
pub async fn render<COMP>(props: COMP::Properties) -> String
where
    COMP: BaseComponent,
{
    LocalServerRenderer::<COMP>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[derive(Properties, PartialEq)]
pub struct AtProps {
    /// A path with an optional query string.
    pub path: &'static str,
    pub index: SharedIndex,
    pub children: Html,
}

/// `children` under a memory router at `path`, with `index` in context.
#[component]
pub fn At(props: &AtProps) -> Html {
    let history = use_memo(props.path, |path| {
        let history = AnyHistory::from(MemoryHistory::new());
        match path.split_once('?') {
            Some((path, query)) => {
                let _ = history.push_with_query(path, Raw(query));
            }
            None => history.push(*path),
        }
        history
    });
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<SharedIndex> context={props.index.clone()}>
                { props.children.clone() }
            </ContextProvider<SharedIndex>>
        </Router>
    }
}

/// Renders `content` as a page at `path` (see [`At`]).
pub async fn render_at(path: &'static str, index: SharedIndex, content: Html) -> String {
    render::<At>(AtProps {
        path,
        index,
        children: content,
    })
    .await
}

/// A small corpus for component tests: a seed-like readout (a statement, a joint statement,
/// a hostile statement by an unknown speaker, each spanning its sentence of the source text)
/// and a phone call without an event date, whose text opens with its `date` line (before its
/// prose, as the parser reads it).
pub fn sample_index() -> crate::corpus_loader::SharedIndex {
    const CALL_DATE_LINE: &str = "date 2024-07-14 ";
    use readouts_core::*;

    let participant = |id: &str, name: &str, country: &str, role| Participant {
        id: id.into(),
        name: name.into(),
        title: Some("President".into()),
        country: Some(country.into()),
        role,
        aliases: vec![],
    };
    // The source text of the meeting: each statement's text is found in it for its span.
    let source = "Xi Jinping met Vladimir Putin in Astana.\n\nXi Jinping pointed out that China and Russia should deepen cooperation. The two sides agreed to meet again.\n\n<b>ghost</b> said <img src=x onerror=alert(1)> and <script>alert(2)</script>";
    let span = |text: &str| {
        let start = source.find(text).unwrap_or(0);
        Span::new(start, start + text.len())
    };
    let statement =
        |readout: &str, n, speakers: &[&str], verb: &str, text: &str, topics: &[&str]| Statement {
            id: statement_id(readout, n),
            speakers: speakers.iter().map(|s| s.to_string()).collect(),
            verb: verb.to_string().into(),
            text: text.into(),
            span: if readout == "astana" {
                span(text)
            } else {
                Span::new(CALL_DATE_LINE.len(), CALL_DATE_LINE.len() + 6)
            },
            paragraph: 0,
            topics: topics.iter().map(|s| s.to_string().into()).collect(),
        };
    let meeting = Readout {
        id: "astana".into(),
        title: "Xi Jinping Meets with Russian President Vladimir Putin".into(),
        published: Some("2024-07-14".into()),
        event: Event {
            date: Some("2024-07-03".into()),
            time_of_day: Some(TimeOfDay::Evening),
            location: Some("Astana".into()),
            kind: EventKind::Meeting,
        },
        participants: vec![
            participant("xi-jinping", "Xi Jinping", "China", Role::Principal),
            participant(
                "vladimir-putin",
                "Vladimir Putin",
                "Russia",
                Role::Counterpart,
            ),
        ],
        statements: vec![
            statement(
                "astana",
                0,
                &["xi-jinping"],
                "pointed out",
                "China and Russia should deepen cooperation.",
                &["SCO"],
            ),
            statement(
                "astana",
                1,
                &["xi-jinping", "vladimir-putin"],
                "agreed",
                "to meet again.",
                &[],
            ),
            statement(
                "astana",
                2,
                &["<b>ghost</b>"],
                "said",
                "<img src=x onerror=alert(1)> and <script>alert(2)</script>",
                &[],
            ),
        ],
        topics: vec!["SCO".into()],
        source: Source {
            text: source.into(),
            prose_start: 0,
            publisher: Some("Ministry of Tests".into()),
            url: Some("https://example.org/astana".into()),
        },
        diagnostics: vec![],
        corrections: Default::default(),
    };
    let call = Readout {
        id: "call".into(),
        title: "<i>Call</i>".into(),
        published: Some("2024-07-14".into()),
        event: Event {
            date: None,
            time_of_day: None,
            location: None,
            kind: EventKind::PhoneCall,
        },
        participants: vec![participant(
            "xi-jinping",
            "Xi Jinping",
            "China",
            Role::Principal,
        )],
        statements: vec![statement("call", 0, &["xi-jinping"], "said", "Hello.", &[])],
        topics: vec![],
        source: Source {
            text: format!("{CALL_DATE_LINE}Hello."),
            prose_start: CALL_DATE_LINE.len(),
            publisher: None,
            url: None,
        },
        diagnostics: vec![],
        corrections: Default::default(),
    };
    crate::corpus_loader::SharedIndex::new(Corpus::new(vec![meeting, call]))
}

/// Two publishers' accounts of one call (the core's compare fixtures) and the seed.
pub fn accounts_index() -> (SharedIndex, [String; 3]) {
    use readouts_core::{parse, Corpus};
    let account = |text: &str, publisher: &str| {
        let mut readout = parse(text);
        readout.source.publisher = Some(publisher.into());
        readout
    };
    let a = account(
        include_str!("../crates/core/tests/accounts/01_arvelia_ministry.txt"),
        "Ministry of Foreign Affairs of Arvelia",
    );
    let b = account(
        include_str!("../crates/core/tests/accounts/02_kestria_readout.txt"),
        "Office of the Prime Minister of Kestria",
    );
    let seed = parse(include_str!("../corpus/000_fd7bf9b92fd71b0c.txt"));
    let ids = [a.id.clone(), b.id.clone(), seed.id.clone()];
    (SharedIndex::new(Corpus::new(vec![seed, a, b])), ids)
}
