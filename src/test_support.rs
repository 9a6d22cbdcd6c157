//! Helpers for native component tests: render a component to an HTML string with Yew's
//! server renderer (effects do not run there).

use yew::{BaseComponent, LocalServerRenderer};

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

/// A small corpus for component tests: a seed-like readout (a statement, a joint statement,
/// a hostile statement by an unknown speaker) and a phone call without an event date.
pub fn sample_corpus() -> crate::corpus_loader::SharedCorpus {
    use readouts_core::*;

    let participant = |id: &str, name: &str, country: &str, role| Participant {
        id: id.into(),
        name: name.into(),
        title: Some("President".into()),
        country: Some(country.into()),
        role,
        aliases: vec![],
    };
    let statement =
        |readout: &str, n, speakers: &[&str], verb: &str, text: &str, topics: &[&str]| Statement {
            id: statement_id(readout, n),
            speakers: speakers.iter().map(|s| s.to_string()).collect(),
            verb: verb.into(),
            text: text.into(),
            span: Span::new(0, 0),
            paragraph: 0,
            topics: topics.iter().map(|s| s.to_string()).collect(),
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
            text: String::new(),
            publisher: None,
            url: None,
        },
        diagnostics: vec![],
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
            text: String::new(),
            publisher: None,
            url: None,
        },
        diagnostics: vec![],
    };
    crate::corpus_loader::SharedCorpus::new(Corpus::new(vec![meeting, call]))
}
