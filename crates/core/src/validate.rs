//! Corpus validation: the invariants every consumer of a corpus may rely on.
//!
//! [`validate`] checks a [`Corpus`] that has already been read, and returns every
//! [`Problem`] it finds (an empty list means the corpus is valid), each with the location of
//! the offending value as a path such as `readouts[3].statements[5].span`. [`validate_json`]
//! reads the JSON first (see [`Corpus::from_json`]) and then validates.
//!
//! The checks:
//! - `schema_version` is [`SCHEMA_VERSION`];
//! - readout ids are non-empty and unique in the corpus;
//! - statement ids are unique in the corpus and are `<readout id>-s<n>` (n ≥ 1);
//! - participant ids are non-empty and unique within their readout;
//! - every statement has at least one speaker, lists no speaker twice, and every speaker is a
//!   participant of its readout who is not an attendee (attendees never speak);
//! - every span (statements and diagnostics) has `start <= end`, lies inside `source.text`, and
//!   starts and ends on char boundaries;
//! - `source.prose_start` lies inside `source.text` on a char boundary, and every statement's
//!   span lies in the prose after it (a statement is never read from the `date` line);
//! - `published` and `event.date`, when present, are real calendar dates written `YYYY-MM-DD`;
//! - corrections (`crate::correct`) refer to statements the readout has (a speakers
//!   correction) or dropped (a dropped statement passes the statements' checks), record
//!   participants and real dates, change something, and come at most once per statement and
//!   per event field;
//! - every value is within the [limits] (the app refuses a corpus past them).
//!
//! Validation is pure and deterministic: problems come in corpus order, so the same corpus
//! always gives the same report.

use crate::limits;
#[cfg(feature = "corrections")]
use crate::model::Correction;
use crate::model::{Corpus, CorpusError, Readout, Role, Span, Statement, SCHEMA_VERSION};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One violated invariant: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path of the offending value, e.g. `readouts[3].statements[5].span`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem of a corpus, in corpus order; empty when the corpus is valid.
pub fn validate(corpus: &Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    if corpus.schema_version != SCHEMA_VERSION {
        problems.push(Problem::new(
            "schema_version",
            format!(
                "schema_version is {}, expected {SCHEMA_VERSION}",
                corpus.schema_version
            ),
        ));
    }
    // First index of each readout id, and the readout of each statement id.
    let mut readout_ids: HashMap<&str, usize> = HashMap::new();
    let mut statement_ids: HashMap<&str, String> = HashMap::new();
    for (r, readout) in corpus.readouts.iter().enumerate() {
        let at = format!("readouts[{r}]");
        if readout.id.is_empty() {
            problems.push(Problem::new(format!("{at}.id"), "readout id is empty"));
        } else if let Some(first) = readout_ids.get(readout.id.as_str()) {
            problems.push(Problem::new(
                format!("{at}.id"),
                format!(
                    "duplicate readout id {:?} (first used by readouts[{first}])",
                    readout.id
                ),
            ));
        } else {
            readout_ids.insert(&readout.id, r);
        }
        for (s, statement) in readout.statements.iter().enumerate() {
            let path = format!("{at}.statements[{s}].id");
            if let Some(first) = statement_ids.get(statement.id.as_str()) {
                problems.push(Problem::new(
                    &path,
                    format!(
                        "duplicate statement id {:?} (first used by {first})",
                        statement.id
                    ),
                ));
            } else {
                statement_ids.insert(&statement.id, path);
            }
        }
        validate_readout(readout, &at, &mut problems);
    }
    problems.extend(limits::problems(corpus));
    problems
}

/// Reads a corpus from JSON and validates it. A JSON or schema-version error is returned as
/// `Err` (it carries a line and column where it has one); every other problem is in the list.
pub fn validate_json(json: &str) -> Result<Vec<Problem>, CorpusError> {
    Corpus::from_json_unlimited(json).map(|corpus| validate(&corpus))
}

/// The checks that concern one readout alone; `at` is its path (`readouts[3]`).
fn validate_readout(readout: &Readout, at: &str, problems: &mut Vec<Problem>) {
    for (field, value) in [
        ("published", &readout.published),
        ("event.date", &readout.event.date),
    ] {
        if let Some(date) = value {
            if !is_iso_date(date) {
                problems.push(Problem::new(
                    format!("{at}.{field}"),
                    format!("{date:?} is not a real calendar date written YYYY-MM-DD"),
                ));
            }
        }
    }

    let mut roles: HashMap<&str, Role> = HashMap::new();
    for (p, participant) in readout.participants.iter().enumerate() {
        let path = format!("{at}.participants[{p}].id");
        if participant.id.is_empty() {
            problems.push(Problem::new(path, "participant id is empty"));
        } else if roles.contains_key(participant.id.as_str()) {
            problems.push(Problem::new(
                path,
                format!(
                    "duplicate participant id {:?} in this readout",
                    participant.id
                ),
            ));
        } else {
            roles.insert(&participant.id, participant.role);
        }
    }

    let text = readout.source.text.as_str();
    let rules = StatementRules {
        prefix: format!("{}-s", readout.id),
        readout_id: &readout.id,
        roles: &roles,
        text,
        prose_start: check_prose_start(readout, at, problems),
    };
    for (s, statement) in readout.statements.iter().enumerate() {
        rules.check(statement, &format!("{at}.statements[{s}]"), problems);
    }
    #[cfg(feature = "corrections")]
    check_corrections(readout, at, &rules, problems);

    for (d, diagnostic) in readout.diagnostics.iter().enumerate() {
        if let Some(span) = diagnostic.span {
            check_span(span, text, &format!("{at}.diagnostics[{d}].span"), problems);
        }
    }
}

/// What a statement of a readout must satisfy, whether in `statements` or dropped by a
/// correction (which keeps it as the parser made it).
struct StatementRules<'a> {
    /// `<readout id>-s`, which every statement id starts with.
    prefix: String,
    readout_id: &'a str,
    /// The role of each participant id.
    roles: &'a HashMap<&'a str, Role>,
    text: &'a str,
    /// `source.prose_start`, or 0 when it is itself a problem.
    prose_start: usize,
}

impl StatementRules<'_> {
    /// The id's form, the speakers, the span; `st` is the statement's path.
    fn check(&self, statement: &Statement, st: &str, problems: &mut Vec<Problem>) {
        let well_formed = statement
            .id
            .strip_prefix(&self.prefix)
            .is_some_and(|n| n.parse::<u64>().is_ok_and(|n| n >= 1) && !n.starts_with('0'));
        if !well_formed {
            problems.push(Problem::new(
                format!("{st}.id"),
                format!(
                    "statement id {:?} does not have the form \"{}<n>\" of its readout {:?}",
                    statement.id, self.prefix, self.readout_id
                ),
            ));
        }
        if statement.speakers.is_empty() {
            problems.push(Problem::new(
                format!("{st}.speakers"),
                "statement has no speaker",
            ));
        }
        self.check_speakers(&statement.speakers, &format!("{st}.speakers"), problems);
        let path = format!("{st}.span");
        let prose_start = self.prose_start;
        if check_span(statement.span, self.text, &path, problems)
            && statement.span.start < prose_start
        {
            let Span { start, end } = statement.span;
            problems.push(Problem::new(
                path,
                format!(
                    "span [{start}, {end}] starts before the readout's prose (source.prose_start {prose_start})"
                ),
            ));
        }
    }

    /// Each speaker once, a participant of the readout, not an attendee; `path` is the list's.
    fn check_speakers(&self, speakers: &[String], path: &str, problems: &mut Vec<Problem>) {
        let mut seen = HashSet::new();
        for (k, speaker) in speakers.iter().enumerate() {
            let path = format!("{path}[{k}]");
            if !seen.insert(speaker.as_str()) {
                problems.push(Problem::new(
                    path,
                    format!("speaker {speaker:?} is listed twice"),
                ));
                continue;
            }
            match self.roles.get(speaker.as_str()) {
                None => problems.push(Problem::new(
                    path,
                    format!("speaker {speaker:?} is not a participant of this readout"),
                )),
                Some(Role::Attendee) => problems.push(Problem::new(
                    path,
                    format!("speaker {speaker:?} is an attendee, and attendees never speak"),
                )),
                Some(_) => {}
            }
        }
    }
}

#[cfg(feature = "corrections")]
/// A readout's corrections (`crate::correct`): each refers to a statement it has (a speakers
/// correction) or no longer has (a dropped statement, checked as a statement), records the
/// parser's value (participants as speakers are; a real date), differs from the value it
/// replaced, and at most one per statement and per event field.
fn check_corrections(
    readout: &Readout,
    at: &str,
    rules: &StatementRules,
    problems: &mut Vec<Problem>,
) {
    let mut reassigned = HashSet::new();
    let mut dropped = HashSet::new();
    let (mut date, mut place) = (false, false);
    for (c, correction) in readout.corrections.iter().enumerate() {
        let at = format!("{at}.corrections[{c}]");
        let nothing = "it is the readout's value: the correction changes nothing";
        match correction {
            Correction::Speakers { statement, parsed } => {
                match readout.statements.iter().find(|s| s.id == *statement) {
                    None => push(
                        problems,
                        &at,
                        "statement",
                        format!("no statement {statement:?} in this readout's statements"),
                    ),
                    Some(s) if s.speakers == *parsed => push(problems, &at, "parsed", nothing),
                    Some(_) => {}
                }
                if !reassigned.insert(statement.as_str()) {
                    push(
                        problems,
                        &at,
                        "statement",
                        format!("a second correction of the speakers of {statement:?}"),
                    );
                }
                if parsed.is_empty() {
                    push(problems, &at, "parsed", "the parser's speakers are missing");
                }
                rules.check_speakers(parsed, &format!("{at}.parsed"), problems);
            }
            Correction::Dropped { statement } => {
                let id = &statement.id;
                if readout.statements.iter().any(|s| s.id == *id) {
                    push(
                        problems,
                        &at,
                        "statement.id",
                        format!("statement {id:?} is dropped but still in statements"),
                    );
                } else if !dropped.insert(id.as_str()) {
                    push(
                        problems,
                        &at,
                        "statement.id",
                        format!("statement {id:?} is dropped twice"),
                    );
                }
                rules.check(statement, &format!("{at}.statement"), problems);
            }
            Correction::EventDate { parsed } => {
                if std::mem::replace(&mut date, true) {
                    push(
                        problems,
                        &at,
                        "event_date",
                        "a second correction of the event's date",
                    );
                }
                if let Some(d) = parsed.as_deref().filter(|d| !is_iso_date(d)) {
                    push(
                        problems,
                        &at,
                        "event_date.parsed",
                        format!("{d:?} is not a real calendar date written YYYY-MM-DD"),
                    );
                }
                if *parsed == readout.event.date {
                    push(problems, &at, "event_date.parsed", nothing);
                }
            }
            Correction::EventLocation { parsed } => {
                if std::mem::replace(&mut place, true) {
                    push(
                        problems,
                        &at,
                        "event_location",
                        "a second correction of the event's place",
                    );
                }
                if *parsed == readout.event.location {
                    push(problems, &at, "event_location.parsed", nothing);
                }
            }
        }
    }
}

#[cfg(feature = "corrections")]
/// A problem at `<at>.<field>`.
fn push(problems: &mut Vec<Problem>, at: &str, field: &str, message: impl Into<String>) {
    problems.push(Problem::new(format!("{at}.{field}"), message));
}

/// `source.prose_start` must index the text on a char boundary. Returns it when it does, else
/// 0 (so that the statement spans are not also reported for a bad `prose_start`).
fn check_prose_start(readout: &Readout, at: &str, problems: &mut Vec<Problem>) -> usize {
    let (text, start) = (&readout.source.text, readout.source.prose_start);
    let message = if start > text.len() {
        format!(
            "prose_start {start} is past the end of source.text ({} bytes)",
            text.len()
        )
    } else if !text.is_char_boundary(start) {
        format!("prose_start {start} is inside a multi-byte character")
    } else {
        return start;
    };
    problems.push(Problem::new(format!("{at}.source.prose_start"), message));
    0
}

/// A span must be ordered, inside the text, and on char boundaries. True when it is.
fn check_span(span: Span, text: &str, path: &str, problems: &mut Vec<Problem>) -> bool {
    let Span { start, end } = span;
    if start > end {
        problems.push(Problem::new(
            path,
            format!("span [{start}, {end}] starts after it ends"),
        ));
        return false;
    }
    if end > text.len() {
        problems.push(Problem::new(
            path,
            format!(
                "span [{start}, {end}] goes past the end of source.text ({} bytes)",
                text.len()
            ),
        ));
        return false;
    }
    let mut ok = true;
    for (name, at) in [("start", start), ("end", end)] {
        if !text.is_char_boundary(at) {
            problems.push(Problem::new(
                path,
                format!("span [{start}, {end}]: {name} {at} is inside a multi-byte character"),
            ));
            ok = false;
        }
    }
    ok
}

/// True for a real calendar date written exactly `YYYY-MM-DD` (Gregorian, leap years included).
pub fn is_iso_date(s: &str) -> bool {
    crate::date::Date::parse_iso(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn readout(id: &str) -> Readout {
        let text = "Élan said that all is well. Bo agreed.".to_string();
        Readout {
            id: id.into(),
            title: "T".into(),
            published: Some("2024-07-14".into()),
            event: Event {
                date: Some("2024-02-29".into()),
                time_of_day: None,
                location: None,
                kind: EventKind::Meeting,
            },
            participants: vec![
                participant("elan", Role::Principal),
                participant("bo", Role::Counterpart),
                participant("cy", Role::Attendee),
            ],
            statements: vec![
                statement(id, 0, &["elan"], Span::new(0, 28)),
                statement(id, 1, &["bo", "elan"], Span::new(29, text.len())),
            ],
            topics: vec![],
            source: Source {
                text,
                prose_start: 0,
                publisher: None,
                url: None,
            },
            diagnostics: vec![Diagnostic {
                level: Level::Warning,
                message: "m".into(),
                span: Some(Span::new(0, 2)),
            }],
            corrections: Default::default(),
        }
    }

    fn participant(id: &str, role: Role) -> Participant {
        Participant {
            id: id.into(),
            name: id.into(),
            title: None,
            country: None,
            role,
            aliases: vec![],
        }
    }

    fn statement(readout: &str, n: usize, speakers: &[&str], span: Span) -> Statement {
        Statement {
            id: statement_id(readout, n),
            speakers: speakers.iter().map(|s| s.to_string()).collect(),
            verb: "said".into(),
            text: "x".into(),
            span,
            paragraph: 0,
            topics: vec![],
        }
    }

    /// Replaces the statement's `k`-th speaker.
    fn set_speaker(statement: &mut Statement, k: usize, id: &str) {
        let mut speakers = statement.speakers.to_vec();
        speakers[k] = id.into();
        statement.speakers = speakers.into();
    }

    fn good() -> Corpus {
        Corpus::new(vec![readout("a"), readout("b")])
    }

    /// The (path, message) of the only problem, checking the message mentions `needle`.
    fn only(corpus: &Corpus, path: &str, needle: &str) {
        let problems = validate(corpus);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].path, path);
        assert!(
            problems[0].message.contains(needle),
            "{:?} lacks {needle:?}",
            problems[0].message
        );
    }

    #[test]
    fn a_good_corpus_has_no_problem() {
        assert_eq!(validate(&good()), vec![]);
        assert_eq!(validate(&Corpus::new(vec![])), vec![]);
    }

    #[test]
    fn the_seed_like_source_slices() {
        let c = good();
        let r = &c.readouts[0];
        assert_eq!(
            r.statements[0].span.slice(&r.source.text),
            Some("Élan said that all is well.")
        );
        assert_eq!(
            r.statements[1].span.slice(&r.source.text),
            Some("Bo agreed.")
        );
    }

    #[test]
    fn schema_version() {
        let mut c = good();
        c.schema_version = 2;
        only(&c, "schema_version", "expected 1");
    }

    #[test]
    fn duplicate_readout_ids() {
        let c = Corpus::new(vec![readout("a"), readout("b"), readout("a")]);
        // The repeated readout also repeats its statement ids.
        let problems = validate(&c);
        assert_eq!(problems[0].path, "readouts[2].id");
        assert!(problems[0].message.contains("readouts[0]"));
        assert_eq!(problems[1].path, "readouts[2].statements[0].id");
        assert!(problems[1].message.contains("readouts[0].statements[0].id"));
        assert_eq!(problems.len(), 3);
    }

    #[test]
    fn empty_readout_id() {
        let mut c = good();
        c.readouts[0].set_id(String::new());
        only(&c, "readouts[0].id", "empty");
    }

    #[test]
    fn duplicate_statement_ids() {
        let mut c = good();
        c.readouts[0].statements[1].id = "a-s1".into();
        only(&c, "readouts[0].statements[1].id", "duplicate statement id");
    }

    #[test]
    fn statement_id_prefix_must_match_the_readout() {
        let mut c = good();
        c.readouts[1].statements[0].id = "a-s9".into();
        only(&c, "readouts[1].statements[0].id", "\"b-s<n>\"");
        for bad in ["b-s0", "b-s", "b-sx", "b-s01", "bs1"] {
            let mut c = good();
            c.readouts[1].statements[0].id = bad.into();
            only(&c, "readouts[1].statements[0].id", "form");
        }
    }

    #[test]
    fn duplicate_participant_ids() {
        let mut c = good();
        c.readouts[0].participants[2].id = "bo".into();
        only(
            &c,
            "readouts[0].participants[2].id",
            "duplicate participant",
        );
        // The same person in two readouts is fine (ids are slugs of names).
        assert_eq!(validate(&good()), vec![]);
    }

    #[test]
    fn empty_participant_id() {
        let mut c = good();
        c.readouts[0].participants[2].id = String::new();
        only(&c, "readouts[0].participants[2].id", "empty");
    }

    #[test]
    fn speakers_must_be_non_empty() {
        let mut c = good();
        c.readouts[0].statements[0].speakers = [].into();
        only(&c, "readouts[0].statements[0].speakers", "no speaker");
    }

    #[test]
    fn speakers_must_be_participants() {
        let mut c = good();
        set_speaker(&mut c.readouts[1].statements[1], 1, "zed");
        only(
            &c,
            "readouts[1].statements[1].speakers[1]",
            "\"zed\" is not a participant",
        );
    }

    #[test]
    fn a_speaker_is_listed_once() {
        let mut c = good();
        set_speaker(&mut c.readouts[1].statements[1], 1, "bo");
        only(&c, "readouts[1].statements[1].speakers[1]", "twice");
    }

    #[test]
    fn attendees_never_speak() {
        let mut c = good();
        c.readouts[0].statements[0].speakers = ["cy".into()].into();
        only(&c, "readouts[0].statements[0].speakers[0]", "attendee");
    }

    #[test]
    fn span_start_after_end() {
        let mut c = good();
        c.readouts[0].statements[0].span = Span::new(5, 3);
        only(&c, "readouts[0].statements[0].span", "starts after it ends");
    }

    #[test]
    fn span_past_the_end() {
        let mut c = good();
        let len = c.readouts[0].source.text.len();
        c.readouts[0].statements[1].span = Span::new(29, len + 1);
        only(&c, "readouts[0].statements[1].span", "past the end");
        // An empty span at the very end is inside.
        let mut c = good();
        c.readouts[0].statements[1].span = Span::new(len, len);
        assert_eq!(validate(&c), vec![]);
    }

    #[test]
    fn span_on_char_boundaries() {
        // "É" is two bytes: 1 is inside it.
        let mut c = good();
        c.readouts[0].statements[0].span = Span::new(1, 28);
        only(&c, "readouts[0].statements[0].span", "start 1 is inside");
        let mut c = good();
        c.readouts[0].statements[0].span = Span::new(0, 1);
        only(&c, "readouts[0].statements[0].span", "end 1 is inside");
    }

    #[test]
    fn diagnostic_spans_are_checked_too() {
        let mut c = good();
        c.readouts[1].diagnostics[0].span = Some(Span::new(0, 10_000));
        only(&c, "readouts[1].diagnostics[0].span", "past the end");
        let mut c = good();
        c.readouts[1].diagnostics[0].span = None;
        assert_eq!(validate(&c), vec![]);
    }

    #[test]
    fn prose_start_indexes_the_text_on_a_char_boundary() {
        let mut c = good();
        let len = c.readouts[0].source.text.len();
        c.readouts[0].source.prose_start = len + 1;
        only(&c, "readouts[0].source.prose_start", "past the end");
        // "É" is two bytes: 1 is inside it.
        let mut c = good();
        c.readouts[1].source.prose_start = 1;
        only(&c, "readouts[1].source.prose_start", "inside a multi-byte");
    }

    #[test]
    fn statements_lie_in_the_prose() {
        // A text that opens with its date line: the statements are in the prose after it.
        let mut c = good();
        let r = &mut c.readouts[0];
        let line = "date 2024-07-14\n";
        r.source.text.insert_str(0, line);
        r.source.prose_start = line.len();
        for s in &mut r.statements {
            s.span = Span::new(s.span.start + line.len(), s.span.end + line.len());
        }
        r.diagnostics[0].span = Some(Span::new(0, 4));
        assert_eq!(validate(&c), vec![]);
        // A statement read from the date line is refused, by path.
        c.readouts[0].statements[1].span = Span::new(0, 15);
        only(
            &c,
            "readouts[0].statements[1].span",
            "before the readout's prose (source.prose_start 16)",
        );
        // A span already reported is not reported twice.
        c.readouts[0].statements[1].span = Span::new(15, 0);
        only(&c, "readouts[0].statements[1].span", "starts after it ends");
    }

    #[test]
    fn a_corpus_without_prose_start_reads_as_prose_from_the_start() {
        let json = good().to_json().replace("\"prose_start\":0,", "");
        assert!(!json.contains("prose_start"));
        let c = Corpus::from_json(&json).unwrap();
        assert!(c.readouts.iter().all(|r| r.source.prose_start == 0));
        assert_eq!(c, good());
    }

    #[test]
    fn dates_are_real_iso_dates() {
        let mut c = good();
        c.readouts[0].published = Some("2023-02-29".into());
        only(&c, "readouts[0].published", "not a real calendar date");
        let mut c = good();
        c.readouts[1].event.date = Some("July 3, 2024".into());
        only(&c, "readouts[1].event.date", "YYYY-MM-DD");
        let mut c = good();
        c.readouts[1].event.date = None;
        c.readouts[1].published = None;
        assert_eq!(validate(&c), vec![]);
    }

    #[test]
    fn iso_dates() {
        for ok in [
            "2024-02-29",
            "2000-02-29",
            "1999-12-31",
            "2024-07-03",
            "0001-01-01",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "1900-02-29",
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-1-01",
            "2024/01/01",
            "2024-01-01 ",
            "+024-01-01",
            "２０２４-01-01",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn every_problem_is_reported_in_order() {
        let mut c = good();
        c.readouts[0].published = Some("bad".into());
        c.readouts[0].statements[0].speakers = ["nobody".into()].into();
        c.readouts[1].statements[1].span = Span::new(9, 2);
        let paths: Vec<String> = validate(&c).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "readouts[0].published",
                "readouts[0].statements[0].speakers[0]",
                "readouts[1].statements[1].span"
            ]
        );
    }

    #[test]
    fn validate_json_reads_then_validates() {
        let mut c = good();
        c.readouts[0].statements[0].speakers = ["cy".into()].into();
        let problems = validate_json(&c.to_json()).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "readouts[0].statements[0].speakers[0]: speaker \"cy\" is an attendee, and attendees never speak"
        );
        assert!(matches!(
            validate_json("{\"schema_version\": 1, \"readouts\": [}"),
            Err(CorpusError::Json { line: 1, .. })
        ));
        assert!(matches!(
            validate_json("{\"schema_version\": 3, \"readouts\": []}"),
            Err(CorpusError::SchemaVersion { found: 3, .. })
        ));
    }
}
