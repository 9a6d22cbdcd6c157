//! The readout parser (work in progress).
use crate::model::*;

/// Parses one readout. Never panics; what it cannot read becomes a diagnostic.
pub fn parse(text: &str) -> Readout {
    Readout {
        id: "readout".into(),
        title: String::new(),
        published: None,
        event: Event {
            date: None,
            time_of_day: None,
            location: None,
            kind: EventKind::Meeting,
        },
        participants: vec![],
        statements: vec![],
        topics: vec![],
        source: Source {
            text: text.to_string(),
            publisher: None,
            url: None,
        },
        diagnostics: vec![],
    }
}
