//! Exports (`readouts_core::export`): the CSV read back by a real CSV reader (the `csv` crate)
//! gives every field as it was, hostile text included; golden files for a small fictional
//! corpus; exported corpora pass validation and read back as the same readouts; a view's
//! export holds every statement of every page.
//!
//! Golden files: `tests/export/`; after a deliberate change, review the diff and regenerate
//! them with `UPDATE_EXPECT=1 cargo test -p readouts-core --test export`.

use proptest::prelude::*;
use readouts_core::export::{
    corpus_json, statements_csv, statements_json, CorpusWriter, COLUMNS, LIST_SEPARATOR,
};
use readouts_core::query::{Facet, Index, Query, Sort, PAGE_SIZE};
use readouts_core::validate::{validate, validate_json};
use readouts_core::{
    parse, Corpus, Correction, Diagnostic, Event, EventKind, Level, Participant, Readout, Role,
    Source, Span, Statement, TimeOfDay,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

const BASE: &str = "https://readouts.example/";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export")
}

/// The fictional corpus of the golden files: quotes, commas, line breaks, formulas, a tab,
/// apostrophes, `;` in a topic, non-ASCII names and text, missing dates, publisher and URL.
fn fixture() -> Corpus {
    let json = std::fs::read_to_string(dir().join("corpus.json")).expect("fixture corpus");
    Corpus::from_json(&json).expect("the fixture corpus reads")
}

/// Every statement of a corpus with its readout, in corpus order.
fn rows(corpus: &Corpus) -> Vec<(&Readout, &Statement)> {
    corpus
        .readouts
        .iter()
        .flat_map(|r| r.statements.iter().map(move |s| (r, s)))
        .collect()
}

/// Compares `actual` with the golden file `name`, or writes it with `UPDATE_EXPECT=1`.
fn golden(name: &str, actual: &str) {
    let path = dir().join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{name}: golden file; create it with UPDATE_EXPECT=1"));
    assert!(
        expected == actual,
        "{name} differs from the golden file; review and regenerate with UPDATE_EXPECT=1\n\
         --- expected\n{expected}\n--- actual\n{actual}"
    );
}

#[test]
fn the_fixture_corpus_matches_the_golden_files() {
    let corpus = fixture();
    assert!(validate(&corpus).is_empty(), "{:?}", validate(&corpus));
    golden("statements.csv", &statements_csv(&rows(&corpus), BASE));
    golden("statements.json", &statements_json(&rows(&corpus), BASE));
}

/// The fields a statement's CSV row must hold, worked out here from the readout (not through
/// the exporter's own record).
fn expected_fields(readout: &Readout, statement: &Statement) -> Vec<String> {
    let names: Vec<&str> = statement
        .speakers
        .iter()
        .map(|id| match readout.participant(id) {
            Some(p) => p.name.as_str(),
            None => id.as_str(),
        })
        .collect();
    let topics: Vec<&str> = statement.topics.iter().map(|t| t.as_ref()).collect();
    let date = readout.event.date.as_ref().or(readout.published.as_ref());
    let mut encoded = String::new();
    for b in statement.id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    vec![
        statement.id.clone(),
        readout.id.clone(),
        date.cloned().unwrap_or_default(),
        names.join(LIST_SEPARATOR),
        statement.verb.to_string(),
        statement.text.clone(),
        topics.join(LIST_SEPARATOR),
        readout.source.publisher.clone().unwrap_or_default(),
        readout.source.url.clone().unwrap_or_default(),
        format!("{BASE}s/{encoded}"),
    ]
}

/// Reads a CSV export with the `csv` crate: its rows, the byte order mark taken off the first
/// field and the formula guard undone (one leading `'` removed), as documented.
fn read_back(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("RFC 4180 CSV");
            record
                .iter()
                .map(|field| {
                    assert!(
                        !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "an unguarded formula cell: {field:?}"
                    );
                    field.strip_prefix('\'').unwrap_or(field).to_string()
                })
                .collect()
        })
        .collect()
}

fn check_csv(corpus: &Corpus) -> Result<(), TestCaseError> {
    let rows = rows(corpus);
    let csv = statements_csv(&rows, BASE);
    prop_assert!(csv.ends_with("\r\n"));
    let records = read_back(&csv);
    prop_assert_eq!(records.len(), rows.len() + 1);
    prop_assert_eq!(&records[0], &COLUMNS.map(String::from).to_vec());
    for (record, &(readout, statement)) in records[1..].iter().zip(&rows) {
        prop_assert_eq!(record, &expected_fields(readout, statement));
    }
    Ok(())
}

fn check_json(corpus: &Corpus) -> Result<(), TestCaseError> {
    let rows = rows(corpus);
    let json: serde_json::Value =
        serde_json::from_str(&statements_json(&rows, BASE)).expect("JSON");
    let records = json.as_array().expect("an array");
    prop_assert_eq!(records.len(), rows.len());
    for (record, &(readout, statement)) in records.iter().zip(&rows) {
        let object = record.as_object().expect("an object");
        prop_assert_eq!(object.keys().count(), COLUMNS.len());
        let fields = expected_fields(readout, statement);
        for (column, field) in COLUMNS.iter().zip(&fields) {
            let value = &object[*column];
            let text = match value {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().expect("a string item"))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                other => panic!("{column}: unexpected {other}"),
            };
            prop_assert_eq!(&text, field, "{}", column);
        }
        prop_assert_eq!(
            object["speakers"].as_array().unwrap().len(),
            statement.speakers.len()
        );
        prop_assert_eq!(
            object["topics"].as_array().unwrap().len(),
            statement.topics.len()
        );
    }
    Ok(())
}

#[test]
fn the_fixture_reads_back_field_for_field() {
    let corpus = fixture();
    check_csv(&corpus).unwrap();
    check_json(&corpus).unwrap();
}

/// Text made of the characters that break naive CSV: quotes, commas, both line ends, the
/// formula starters, apostrophes, tabs, the list separator, non-ASCII letters, an emoji and a
/// byte order mark.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        ",",
        "\n",
        "\r",
        "\r\n",
        "=",
        "+",
        "-",
        "@",
        "'",
        "\t",
        ";",
        " ",
        "a",
        "Zo",
        "é",
        "東京",
        "😀",
        "\u{feff}",
        "=SUM(A1:A2)",
        "=HYPERLINK(\"x\",\"y\")",
        "\"\"",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
}

fn maybe(s: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop::option::of(s)
}

prop_compose! {
    fn statement()(
        id in hostile(),
        speakers in prop::collection::vec(0usize..4, 1..3),
        verb in hostile(),
        text in hostile(),
        topics in prop::collection::vec(hostile(), 0..3),
    ) -> (String, Vec<usize>, String, String, Vec<String>) {
        (id, speakers, verb, text, topics)
    }
}

prop_compose! {
    /// A readout whose every exported value is hostile text (not a valid readout: the CSV
    /// writer must carry any text). Speaker 3 is no participant, so its id is written.
    fn readout()(
        id in hostile(),
        names in prop::collection::vec(hostile(), 3),
        event_date in maybe(hostile()),
        published in maybe(hostile()),
        publisher in maybe(hostile()),
        url in maybe(hostile()),
        statements in prop::collection::vec(statement(), 0..5),
    ) -> Readout {
        let participants = names
            .into_iter()
            .enumerate()
            .map(|(n, name)| Participant {
                id: format!("p{n}"),
                name,
                title: None,
                country: None,
                role: Role::Principal,
                aliases: vec![],
            })
            .collect();
        let statements = statements
            .into_iter()
            .map(|(id, speakers, verb, text, topics)| Statement {
                id,
                speakers: speakers.iter().map(|n| format!("p{n}")).collect(),
                verb: Cow::Owned(verb),
                text,
                span: Span::new(0, 0),
                paragraph: 0,
                topics: topics.into_iter().map(Cow::Owned).collect(),
            })
            .collect();
        Readout {
            id,
            title: String::new(),
            published,
            event: Event { date: event_date, time_of_day: None, location: None, kind: EventKind::Meeting },
            participants,
            statements,
            topics: vec![],
            source: Source { text: String::new(), prose_start: 0, publisher, url },
            diagnostics: vec![],
            corrections: vec![],
        }
    }
}

prop_compose! {
    /// Everything of a readout the corpus writer writes that [`readout`] leaves plain: aliases,
    /// titles, countries, roles, times of day, kinds, the source, diagnostics, corrections of
    /// every kind, numbers.
    fn whole_readout()(
        mut readout in readout(),
        extra in prop::collection::vec((hostile(), maybe(hostile()), 0usize..3), 3),
        time in 0usize..4,
        kind in 0usize..5,
        text in hostile(),
        numbers in prop::collection::vec(any::<usize>(), 3),
        diagnostics in prop::collection::vec((any::<bool>(), hostile(), prop::option::of((0usize..9, any::<usize>()))), 0..3),
        title in hostile(),
        location in maybe(hostile()),
        topics in prop::collection::vec(hostile(), 0..3),
        corrections in prop::collection::vec((0usize..4, hostile(), maybe(hostile()), statement()), 0..4),
    ) -> Readout {
        for (person, (alias, title, role)) in readout.participants.iter_mut().zip(extra) {
            person.aliases = vec![alias.clone(), alias + "x"];
            person.country = title.clone();
            person.title = title;
            person.role = [Role::Principal, Role::Counterpart, Role::Attendee][role];
        }
        readout.event.time_of_day = [None, Some(TimeOfDay::Morning), Some(TimeOfDay::Afternoon), Some(TimeOfDay::Evening)][time];
        readout.event.kind = EventKind::ALL[kind];
        readout.event.location = location;
        readout.title = title;
        readout.topics = topics.into_iter().map(Cow::Owned).collect();
        readout.source.text = text;
        readout.source.prose_start = numbers[0];
        for (n, statement) in readout.statements.iter_mut().enumerate() {
            statement.span = Span::new(n, numbers[1]);
            statement.paragraph = numbers[2] / (n + 1);
        }
        readout.diagnostics = diagnostics
            .into_iter()
            .map(|(error, message, span)| Diagnostic {
                level: if error { Level::Error } else { Level::Warning },
                message,
                span: span.map(|(start, end)| Span::new(start, end)),
            })
            .collect();
        readout.corrections = corrections
            .into_iter()
            .map(|(kind, id, value, (sid, speakers, verb, text, topics))| match kind {
                0 => Correction::Speakers {
                    statement: id,
                    parsed: speakers.iter().map(|n| format!("p{n}")).collect(),
                },
                1 => Correction::Dropped {
                    statement: Statement {
                        id: sid,
                        speakers: speakers.iter().map(|n| format!("p{n}")).collect(),
                        verb: Cow::Owned(verb),
                        text,
                        span: Span::new(speakers.len(), usize::MAX),
                        paragraph: 7,
                        topics: topics.into_iter().map(Cow::Owned).collect(),
                    },
                },
                2 => Correction::EventDate { parsed: value },
                _ => Correction::EventLocation { parsed: value },
            })
            .collect();
        readout
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The hand-written corpus writer writes what serde writes for the model, byte for byte.
    #[test]
    fn the_corpus_writer_is_serdes(readouts in prop::collection::vec(whole_readout(), 0..3)) {
        let corpus = Corpus::new(readouts);
        let all: Vec<&Readout> = corpus.readouts.iter().collect();
        prop_assert_eq!(corpus_json(&all), serde_json::to_string(&corpus).unwrap() + "\n");
    }

    /// CSV written, then read by the `csv` crate, gives every field back (the formula guard
    /// undone as documented); the JSON gives them back too.
    #[test]
    fn hostile_text_reads_back_field_for_field(readouts in prop::collection::vec(readout(), 1..3)) {
        let corpus = Corpus::new(readouts);
        check_csv(&corpus)?;
        check_json(&corpus)?;
    }
}

/// The parsed fictional fixtures and the export fixture: a corpus to export from.
fn mixed() -> Corpus {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut readouts = fixture().readouts;
    for (n, file) in files.iter().enumerate() {
        let mut readout = parse(&std::fs::read_to_string(file).expect("fixture"));
        // Unique ids, as `readouts build` makes them.
        readout.set_id(format!("{}-{n}", readout.id));
        readouts.push(readout);
    }
    Corpus::new(readouts)
}

#[test]
fn an_exported_corpus_is_the_corpus_file_and_passes_validation() {
    let corpus = mixed();
    assert!(corpus.readouts.len() > 10);
    let all: Vec<&Readout> = corpus.readouts.iter().collect();
    let json = corpus_json(&all);
    assert_eq!(json, corpus.to_json(), "the bytes `readouts build` writes");
    assert_eq!(
        json,
        serde_json::to_string(&corpus).unwrap() + "\n",
        "serde's bytes"
    );
    assert_eq!(validate_json(&json).expect("reads"), vec![]);
    // Written a readout at a time, the same bytes.
    let mut writer = CorpusWriter::new();
    for readout in &all {
        writer.push(readout);
    }
    assert_eq!(writer.finish(), json, "the writer a readout at a time");
    assert_eq!(CorpusWriter::new().finish(), corpus_json(&[]));
    // Any subset, one readout alone included, is a valid corpus too.
    for subset in [&all[..1], &all[1..2], &all[3..7], &[all[5], all[0]][..]] {
        let json = corpus_json(subset);
        assert_eq!(validate_json(&json).expect("reads"), vec![], "{json}");
    }
}

#[test]
fn export_then_read_gives_the_same_readouts() {
    let corpus = mixed();
    let all: Vec<&Readout> = corpus.readouts.iter().collect();
    let back = Corpus::from_json(&corpus_json(&all)).expect("reads");
    assert_eq!(back, corpus);
    let one = Corpus::from_json(&corpus_json(&[&corpus.readouts[2]])).expect("reads");
    assert_eq!(one.readouts, [corpus.readouts[2].clone()]);
}

/// `Index::matching`, what a view's export holds: every page of the view, in order.
#[test]
fn a_views_statements_are_every_page_in_order() {
    let index = Index::new(Corpus::new(
        readouts_synth::corpus(60, 3)
            .into_iter()
            .enumerate()
            .map(|(n, (_, text))| {
                let mut r = parse(&text);
                r.set_id(format!("r{n}"));
                r
            })
            .collect(),
    ));
    let speaker = index.value(Facet::Speaker, 0).to_string();
    let mut queries = vec![Query::default()];
    for sort in [Sort::Newest, Sort::Oldest, Sort::Readout] {
        for text in ["", "the", "trade OR energy", "-said"] {
            let mut q = Query {
                text: text.into(),
                sort,
                ..Query::default()
            };
            queries.push(q.clone());
            q = q.toggled(Facet::Speaker, &speaker);
            queries.push(q.clone());
            q.from = Some("2024-01-01".into());
            queries.push(q);
        }
    }
    for query in queries {
        let all = index.matching(&query);
        let mut pages = Vec::new();
        for page in 0.. {
            let results = index.search(&Query {
                page,
                ..query.clone()
            });
            assert_eq!(results.total, all.len(), "{query:?}");
            if results.page.is_empty() {
                break;
            }
            pages.extend(results.page);
        }
        assert_eq!(all, pages, "{query:?}");
        assert!(all.len() <= index.len());
        if query.is_empty() {
            assert_eq!(all.len(), index.len());
            assert!(all.len() > 2 * PAGE_SIZE, "several pages");
        }
    }
}
