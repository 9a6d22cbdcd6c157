//! Data-driven fixture test: every `tests/fixtures/*.txt` is parsed with
//! [`readouts_core::parse`] and compared with its `*.expected.json` (format in
//! `tests/fixtures/README.md`).
//!
//! Every fixture is checked completely, and every mismatch of every fixture is collected;
//! the test fails once, at the end, with the whole report, so one run shows everything.
//!
//! Checked for every fixture:
//! - structure: statement and diagnostic spans inside `source.text` and on char boundaries,
//!   participant ids unique, every speaker id a participant (never an attendee), statement ids
//!   `<readout id>-s<n>`, `source.text` normalized (no CR, no HTML entities, no doubled spaces),
//!   the same input parses to the same readout twice, and `parse` does not panic;
//! - `published` and every `event` field, exactly;
//! - participants, matched by name: title, country and role exactly, aliases as a set, no
//!   missing and no extra participants;
//! - statements in order (aligned by text, so one missing statement does not shift the
//!   others): speakers as a set of names, verb exactly, `text` starting with `text_starts`
//!   (and ending with `text_ends`, where given), and the statement's span containing that start;
//! - `topics_include` ⊆ `topics`.
//!
//! The expected files are checked too (unknown keys, wrong types, speakers that are not
//! expected participants, text starts that do not occur in the fixture text), so a typo in a
//! fixture is reported as such instead of as a parser bug.

use readouts_core::{parse, statement_id, Readout, Role, Span};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const TOP_KEYS: &[&str] = &[
    "published",
    "event",
    "participants",
    "statements",
    "topics_include",
];
const EVENT_KEYS: &[&str] = &["date", "time_of_day", "location", "kind"];
const PARTICIPANT_KEYS: &[&str] = &["name", "title", "country", "role", "aliases"];
const STATEMENT_KEYS: &[&str] = &["speakers", "verb", "text_starts", "text_ends"];

/// HTML entities a normalized `source.text` must no longer contain.
const ENTITIES: &[&str] = &[
    "&amp;", "&nbsp;", "&quot;", "&apos;", "&#39;", "&rsquo;", "&lsquo;", "&rdquo;", "&ldquo;",
    "&ndash;", "&mdash;", "&lt;", "&gt;",
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One fixture: its stem (`03_transcript_name_labels`) and which of its two files exist.
struct Fixture {
    stem: String,
    txt: Option<PathBuf>,
    expected: Option<PathBuf>,
}

fn discover(dir: &Path) -> Vec<Fixture> {
    let mut by_stem: BTreeMap<String, Fixture> = BTreeMap::new();
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("cannot read the fixtures folder {}: {err}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable fixtures folder entry").path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let (stem, is_txt) = if let Some(stem) = file_name.strip_suffix(".expected.json") {
            (stem.to_string(), false)
        } else if let Some(stem) = file_name.strip_suffix(".txt") {
            (stem.to_string(), true)
        } else {
            continue;
        };
        let fixture = by_stem.entry(stem.clone()).or_insert(Fixture {
            stem,
            txt: None,
            expected: None,
        });
        if is_txt {
            fixture.txt = Some(path);
        } else {
            fixture.expected = Some(path);
        }
    }
    by_stem.into_values().collect()
}

/// The outcome of one fixture: a one-line summary and the detailed problems.
struct Outcome {
    summary: Vec<String>,
    problems: Vec<String>,
}

impl Outcome {
    fn new() -> Self {
        Outcome {
            summary: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(message.into());
    }
}

#[test]
fn fixtures_parse_as_expected() {
    let dir = fixtures_dir();
    let fixtures = discover(&dir);
    assert!(
        fixtures.iter().any(|f| f.txt.is_some()),
        "no *.txt fixtures in {}",
        dir.display()
    );

    let mut failed = Vec::new();
    let mut summary = String::new();
    let mut details = String::new();
    for fixture in &fixtures {
        let outcome = check_fixture(fixture);
        let status = if outcome.problems.is_empty() {
            "ok  "
        } else {
            "FAIL"
        };
        let _ = writeln!(
            summary,
            "  {status} {:<40} {}",
            fixture.stem,
            outcome.summary.join(", ")
        );
        if !outcome.problems.is_empty() {
            failed.push(fixture.stem.clone());
            let _ = writeln!(
                details,
                "\n=== {} ({} problem{}) ===",
                fixture.stem,
                outcome.problems.len(),
                if outcome.problems.len() == 1 { "" } else { "s" }
            );
            for problem in &outcome.problems {
                let _ = writeln!(details, "  {problem}");
            }
        }
    }
    if !failed.is_empty() {
        panic!(
            "{} of {} fixtures failed ({}):\n{summary}{details}",
            failed.len(),
            fixtures.len(),
            dir.display()
        );
    }
}

fn check_fixture(fixture: &Fixture) -> Outcome {
    let mut out = Outcome::new();
    let Some(txt_path) = &fixture.txt else {
        out.summary.push("no .txt".into());
        out.problem(format!(
            "fixture error: {}.expected.json has no {}.txt next to it",
            fixture.stem, fixture.stem
        ));
        return out;
    };
    let text = match fs::read_to_string(txt_path) {
        Ok(text) => text,
        Err(err) => {
            out.summary.push("unreadable".into());
            out.problem(format!(
                "fixture error: cannot read {}: {err}",
                txt_path.display()
            ));
            return out;
        }
    };

    let readout = match std::panic::catch_unwind(|| parse(&text)) {
        Ok(readout) => readout,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(non-string panic payload)".into());
            out.summary.push("parse PANICKED".into());
            out.problem(format!("parse panicked: {message}"));
            return out;
        }
    };

    check_structure(&text, &readout, &mut out);

    let Some(expected_path) = &fixture.expected else {
        out.summary.push("no expected file".into());
        out.problem(format!(
            "fixture error: {} has no {}.expected.json next to it",
            txt_path.display(),
            fixture.stem
        ));
        return out;
    };
    let expected: Value = match fs::read_to_string(expected_path)
        .map_err(|err| err.to_string())
        .and_then(|json| serde_json::from_str(&json).map_err(|err| err.to_string()))
    {
        Ok(value) => value,
        Err(err) => {
            out.summary.push("bad expected file".into());
            out.problem(format!(
                "fixture error: cannot read {}: {err}",
                expected_path.display()
            ));
            return out;
        }
    };
    let Some(expected) = expected.as_object() else {
        out.summary.push("bad expected file".into());
        out.problem("fixture error: the expected file is not a JSON object");
        return out;
    };
    unknown_keys(expected, TOP_KEYS, "the expected file", &mut out);

    check_published_and_event(expected, &readout, &mut out);
    let names = check_participants(expected, &text, &readout, &mut out);
    check_statements(expected, &text, &readout, &names, &mut out);
    check_topics(expected, &readout, &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Structure

fn span_problem(span: Span, text: &str) -> Option<String> {
    if span.start > span.end {
        Some(format!(
            "starts after it ends ({}..{})",
            span.start, span.end
        ))
    } else if span.end > text.len() {
        Some(format!(
            "{}..{} ends past the text ({} bytes)",
            span.start,
            span.end,
            text.len()
        ))
    } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        Some(format!(
            "{}..{} is not on char boundaries",
            span.start, span.end
        ))
    } else {
        None
    }
}

fn check_structure(input: &str, readout: &Readout, out: &mut Outcome) {
    let text = &readout.source.text;

    let mut ids = BTreeSet::new();
    for participant in &readout.participants {
        if participant.id.is_empty() {
            out.problem(format!(
                "structure: participant {:?} has an empty id",
                participant.name
            ));
        }
        if !ids.insert(participant.id.as_str()) {
            out.problem(format!(
                "structure: participant id {:?} is used twice",
                participant.id
            ));
        }
    }

    for (index, statement) in readout.statements.iter().enumerate() {
        let label = format!("structure: statement #{}", index + 1);
        let wanted_id = statement_id(&readout.id, index);
        if statement.id != wanted_id {
            out.problem(format!(
                "{label} has id {:?}, expected {wanted_id:?}",
                statement.id
            ));
        }
        if let Some(problem) = span_problem(statement.span, text) {
            out.problem(format!("{label}: span {problem}"));
        } else if statement.span.is_empty() {
            out.problem(format!("{label}: span is empty"));
        }
        if statement.speakers.is_empty() {
            out.problem(format!("{label} has no speakers"));
        }
        let mut seen = BTreeSet::new();
        for speaker in statement.speakers.iter() {
            if !seen.insert(speaker) {
                out.problem(format!("{label} lists speaker {speaker:?} twice"));
            }
            match readout.participant(speaker) {
                None => out.problem(format!(
                    "{label}: speaker id {speaker:?} is not a participant"
                )),
                Some(p) if p.role == Role::Attendee => out.problem(format!(
                    "{label}: speaker {:?} is an attendee (attendees never speak)",
                    p.name
                )),
                Some(_) => {}
            }
        }
        if statement.text.trim().is_empty() {
            out.problem(format!("{label} has an empty text"));
        }
        if statement.verb.trim().is_empty() {
            out.problem(format!("{label} has an empty verb"));
        }
    }

    for (index, diagnostic) in readout.diagnostics.iter().enumerate() {
        if let Some(span) = diagnostic.span {
            if let Some(problem) = span_problem(span, text) {
                out.problem(format!(
                    "structure: diagnostic #{} ({:?}): span {problem}",
                    index + 1,
                    diagnostic.message
                ));
            }
        }
    }

    // The issue: `source.text` is the normalized text (line endings, entities, spaces cleaned).
    if text.contains('\r') {
        out.problem("structure: source.text still contains CR (\\r) characters");
    }
    for entity in ENTITIES {
        if text.contains(entity) {
            out.problem(format!(
                "structure: source.text still contains the entity {entity}"
            ));
        }
    }
    if text.contains('\u{a0}') {
        out.problem("structure: source.text still contains non-breaking spaces (U+00A0)");
    }
    if let Some(at) = text.find("  ") {
        out.problem(format!(
            "structure: source.text still contains doubled spaces (first at byte {at}: {:?})",
            excerpt(text, at)
        ));
    }

    if parse(input) != *readout {
        out.problem("structure: parsing the same text twice gave different readouts");
    }
}

// ---------------------------------------------------------------------------------------------
// Published and event

fn check_published_and_event(expected: &Map<String, Value>, readout: &Readout, out: &mut Outcome) {
    let actual = serde_json::to_value(readout).expect("a readout serializes");
    let mut event_ok = true;

    match expected.get("published") {
        None => out.problem("fixture error: no \"published\" key"),
        Some(want) => {
            if want != &actual["published"] {
                event_ok = false;
                out.problem(format!(
                    "published: expected {want}, got {}",
                    actual["published"]
                ));
            }
        }
    }

    match expected.get("event").and_then(Value::as_object) {
        None => out.problem("fixture error: no \"event\" object"),
        Some(event) => {
            unknown_keys(event, EVENT_KEYS, "event", out);
            for key in EVENT_KEYS {
                let Some(want) = event.get(*key) else {
                    out.problem(format!("fixture error: event has no {key:?}"));
                    continue;
                };
                let got = &actual["event"][*key];
                if want != got {
                    event_ok = false;
                    out.problem(format!("event.{key}: expected {want}, got {got}"));
                }
            }
        }
    }
    out.summary
        .push(format!("event {}", if event_ok { "ok" } else { "WRONG" }));
}

// ---------------------------------------------------------------------------------------------
// Participants

/// An expected participant, read from the expected file.
struct WantParticipant {
    name: String,
    title: Value,
    country: Value,
    role: Value,
    aliases: BTreeSet<String>,
}

/// Checks the participants; returns the expected participants' names with their roles, for
/// the statement checks.
fn check_participants(
    expected: &Map<String, Value>,
    input: &str,
    readout: &Readout,
    out: &mut Outcome,
) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let Some(list) = expected.get("participants").and_then(Value::as_array) else {
        out.problem("fixture error: no \"participants\" array");
        return names;
    };
    let haystack = comparable(&decode_raw(input)).to_lowercase();

    let mut wanted = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let Some(object) = item.as_object() else {
            out.problem(format!(
                "fixture error: participants[{index}] is not an object"
            ));
            continue;
        };
        unknown_keys(object, PARTICIPANT_KEYS, "a participant", out);
        let Some(name) = object.get("name").and_then(Value::as_str) else {
            out.problem(format!(
                "fixture error: participants[{index}] has no string \"name\""
            ));
            continue;
        };
        let mut aliases = BTreeSet::new();
        match object.get("aliases").and_then(Value::as_array) {
            None => out.problem(format!(
                "fixture error: participant {name:?} has no \"aliases\" array"
            )),
            Some(list) => {
                for alias in list {
                    match alias.as_str() {
                        Some(alias) => {
                            aliases.insert(alias.to_string());
                        }
                        None => out.problem(format!(
                            "fixture error: participant {name:?} has a non-string alias {alias}"
                        )),
                    }
                }
            }
        }
        for form in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            if !haystack.contains(&comparable(form).to_lowercase()) {
                out.problem(format!(
                    "fixture error: participant form {form:?} does not occur in the text"
                ));
            }
        }
        for key in ["title", "country", "role"] {
            if !object.contains_key(key) {
                out.problem(format!(
                    "fixture error: participant {name:?} has no {key:?}"
                ));
            }
        }
        let role = object.get("role").cloned().unwrap_or(Value::Null);
        names.insert(
            name.to_string(),
            role.as_str().unwrap_or_default().to_string(),
        );
        wanted.push(WantParticipant {
            name: name.to_string(),
            title: object.get("title").cloned().unwrap_or(Value::Null),
            country: object.get("country").cloned().unwrap_or(Value::Null),
            role,
            aliases,
        });
    }

    let mut matched = 0;
    let mut claimed = BTreeSet::new();
    for want in &wanted {
        let found: Vec<_> = readout
            .participants
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name == want.name)
            .collect();
        let Some(&(index, got)) = found.first() else {
            let hint = readout
                .participants
                .iter()
                .find(|p| {
                    want.aliases.contains(&p.name)
                        || p.aliases.contains(&want.name)
                        || p.name.contains(&want.name)
                        || want.name.contains(&p.name)
                })
                .map(|p| format!(" (the parser has a participant named {:?})", p.name))
                .unwrap_or_default();
            out.problem(format!(
                "participants: missing {:?} ({}, {}, {}){hint}",
                want.name,
                show_value(&want.title),
                show_value(&want.country),
                show_value(&want.role)
            ));
            continue;
        };
        if found.len() > 1 {
            out.problem(format!(
                "participants: {:?} appears {} times",
                want.name,
                found.len()
            ));
        }
        claimed.insert(index);
        let mut ok = true;
        let got_value = serde_json::to_value(got).expect("a participant serializes");
        for (key, want_value) in [
            ("title", &want.title),
            ("country", &want.country),
            ("role", &want.role),
        ] {
            if &got_value[key] != want_value {
                ok = false;
                out.problem(format!(
                    "participants: {:?} {key}: expected {want_value}, got {}",
                    want.name, got_value[key]
                ));
            }
        }
        let got_aliases: BTreeSet<String> = got.aliases.iter().cloned().collect();
        let missing: Vec<_> = want.aliases.difference(&got_aliases).collect();
        let extra: Vec<_> = got_aliases.difference(&want.aliases).collect();
        if !missing.is_empty() || !extra.is_empty() {
            ok = false;
            out.problem(format!(
                "participants: {:?} aliases: missing {missing:?}, unexpected {extra:?}",
                want.name
            ));
        }
        if ok {
            matched += 1;
        }
    }
    for (index, got) in readout.participants.iter().enumerate() {
        if !claimed.contains(&index) && !names.contains_key(&got.name) {
            out.problem(format!(
                "participants: unexpected {:?} ({}, {}, {}, aliases {:?})",
                got.name,
                got.title.as_deref().unwrap_or("no title"),
                got.country.as_deref().unwrap_or("no country"),
                got.role.as_str(),
                got.aliases
            ));
        }
    }
    out.summary.push(format!(
        "participants {matched}/{} (parsed {})",
        wanted.len(),
        readout.participants.len()
    ));
    names
}

// ---------------------------------------------------------------------------------------------
// Statements

struct WantStatement {
    speakers: BTreeSet<String>,
    verb: String,
    text_starts: String,
    /// The last words of the text, where the fixture pins them (a clause cut, a quote).
    text_ends: Option<String>,
}

struct GotStatement {
    speakers: BTreeSet<String>,
    verb: String,
    text: String,
    sentence: Option<String>,
}

fn check_statements(
    expected: &Map<String, Value>,
    input: &str,
    readout: &Readout,
    names: &BTreeMap<String, String>,
    out: &mut Outcome,
) {
    let Some(list) = expected.get("statements").and_then(Value::as_array) else {
        out.problem("fixture error: no \"statements\" array");
        return;
    };
    let haystack = comparable(&decode_raw(input));

    let mut wanted = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let label = format!("fixture error: statements[{index}]");
        let Some(object) = item.as_object() else {
            out.problem(format!("{label} is not an object"));
            continue;
        };
        unknown_keys(object, STATEMENT_KEYS, "a statement", out);
        let speakers: BTreeSet<String> = object
            .get("speakers")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        if speakers.is_empty() {
            out.problem(format!("{label} has no speakers"));
        }
        for speaker in &speakers {
            match names.get(speaker).map(String::as_str) {
                None => out.problem(format!(
                    "{label}: speaker {speaker:?} is not an expected participant"
                )),
                Some("attendee") => {
                    out.problem(format!("{label}: speaker {speaker:?} is an attendee"))
                }
                Some(_) => {}
            }
        }
        let verb = object.get("verb").and_then(Value::as_str).unwrap_or("");
        let text_starts = object
            .get("text_starts")
            .and_then(Value::as_str)
            .unwrap_or("");
        if verb.is_empty() || text_starts.is_empty() {
            out.problem(format!("{label} needs a non-empty verb and text_starts"));
        }
        if !haystack.contains(&comparable(text_starts)) {
            out.problem(format!(
                "{label}: text_starts {text_starts:?} does not occur in the text"
            ));
        }
        let text_ends = object.get("text_ends").and_then(Value::as_str);
        if text_ends.is_some_and(|end| end.is_empty() || !haystack.contains(&comparable(end))) {
            out.problem(format!(
                "{label}: text_ends {text_ends:?} is empty or does not occur in the text"
            ));
        }
        wanted.push(WantStatement {
            speakers,
            verb: verb.to_string(),
            text_starts: text_starts.to_string(),
            text_ends: text_ends.map(str::to_string),
        });
    }

    let got: Vec<GotStatement> = readout
        .statements
        .iter()
        .map(|s| GotStatement {
            speakers: s
                .speakers
                .iter()
                .map(|id| match readout.participant(id) {
                    Some(p) => p.name.clone(),
                    None => format!("<unknown id {id}>"),
                })
                .collect(),
            verb: s.verb.to_string(),
            text: s.text.clone(),
            sentence: s.span.slice(&readout.source.text).map(str::to_string),
        })
        .collect();

    let starts = |w: &WantStatement, g: &GotStatement| {
        comparable(&g.text).starts_with(&comparable(&w.text_starts))
    };
    let pairs = align(&wanted, &got, starts);

    let mut lines = Vec::new();
    let mut correct = 0;
    let (mut wi, mut gi) = (0, 0);
    for &(pw, pg) in pairs
        .iter()
        .chain(std::iter::once(&(wanted.len(), got.len())))
    {
        while wi < pw {
            let w = &wanted[wi];
            lines.push(format!(
                "- expected #{} missing: {} {} «{}»",
                wi + 1,
                show_speakers(&w.speakers),
                w.verb,
                w.text_starts
            ));
            wi += 1;
        }
        while gi < pg {
            let g = &got[gi];
            let sentence = g
                .sentence
                .as_deref()
                .map(|s| format!(" in sentence «{}»", shorten(s, 90)))
                .unwrap_or_default();
            lines.push(format!(
                "+ parsed #{} unexpected: {} {} «{}»{sentence}",
                gi + 1,
                show_speakers(&g.speakers),
                g.verb,
                shorten(&g.text, 70)
            ));
            gi += 1;
        }
        if pw == wanted.len() {
            break;
        }
        let (w, g) = (&wanted[pw], &got[pg]);
        let mut diffs = Vec::new();
        if w.speakers != g.speakers {
            diffs.push(format!(
                "speakers expected {}, got {}",
                show_speakers(&w.speakers),
                show_speakers(&g.speakers)
            ));
        }
        if w.verb != g.verb {
            diffs.push(format!("verb expected {:?}, got {:?}", w.verb, g.verb));
        }
        if let Some(end) = &w.text_ends {
            // A final period may be kept or dropped, as for `text_starts`.
            if !comparable(g.text.trim_end_matches('.')).ends_with(&comparable(end)) {
                diffs.push(format!(
                    "text expected to end with {end:?}, got «{}»",
                    shorten(&g.text, 70)
                ));
            }
        }
        match &g.sentence {
            Some(sentence) if comparable(sentence).contains(&comparable(&w.text_starts)) => {}
            Some(sentence) => diffs.push(format!(
                "span «{}» does not contain the text start",
                shorten(sentence, 70)
            )),
            None => diffs.push("span is not a valid slice of source.text".into()),
        }
        if diffs.is_empty() {
            correct += 1;
        } else {
            lines.push(format!(
                "~ expected #{} = parsed #{} «{}»: {}",
                pw + 1,
                pg + 1,
                shorten(&w.text_starts, 50),
                diffs.join("; ")
            ));
        }
        wi = pw + 1;
        gi = pg + 1;
    }

    if !lines.is_empty() {
        out.problem(format!(
            "statements: {} expected, {} parsed, {} matched by text, {} fully right:",
            wanted.len(),
            got.len(),
            pairs.len(),
            correct
        ));
        for line in lines {
            out.problem(format!("    {line}"));
        }
    }
    out.summary.push(format!(
        "statements {correct}/{} (parsed {})",
        wanted.len(),
        got.len()
    ));
}

/// Longest common subsequence of `wanted` and `got` under `same`: the aligned index pairs, in
/// order. Statements are few, so the quadratic table is fine.
fn align<W, G>(wanted: &[W], got: &[G], same: impl Fn(&W, &G) -> bool) -> Vec<(usize, usize)> {
    let (n, m) = (wanted.len(), got.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if same(&wanted[i], &got[j]) {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if same(&wanted[i], &got[j]) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------------------
// Topics

fn check_topics(expected: &Map<String, Value>, readout: &Readout, out: &mut Outcome) {
    let Some(list) = expected.get("topics_include").and_then(Value::as_array) else {
        out.problem("fixture error: no \"topics_include\" array");
        return;
    };
    let mut found = 0;
    for topic in list {
        let Some(topic) = topic.as_str() else {
            out.problem(format!("fixture error: topic {topic} is not a string"));
            continue;
        };
        if readout.topics.iter().any(|t| t == topic) {
            found += 1;
            continue;
        }
        let near = readout
            .topics
            .iter()
            .find(|t| {
                t.eq_ignore_ascii_case(topic) || t.contains(topic) || topic.contains(t.as_ref())
            })
            .map(|t| format!(" (nearest: {t:?})"))
            .unwrap_or_default();
        out.problem(format!("topics: missing {topic:?}{near}"));
    }
    if found < list.len() {
        out.problem(format!("    the readout's topics: {:?}", readout.topics));
    }
    out.summary.push(format!("topics {found}/{}", list.len()));
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn unknown_keys(object: &Map<String, Value>, known: &[&str], what: &str, out: &mut Outcome) {
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            out.problem(format!(
                "fixture error: {what} has an unknown key {key:?} (known: {known:?})"
            ));
        }
    }
}

/// Text as compared: typographic quotes made straight and every run of whitespace (including
/// non-breaking spaces) one space. The conventions do not fix the quote style of `text`.
fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The fixture's raw text with the common HTML entities decoded, for the fixture self-checks
/// (independent of the parser's own normalization).
fn decode_raw(text: &str) -> String {
    [
        ("&nbsp;", " "),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&rsquo;", "\u{2019}"),
        ("&lsquo;", "\u{2018}"),
        ("&rdquo;", "\u{201d}"),
        ("&ldquo;", "\u{201c}"),
        ("&ndash;", "\u{2013}"),
        ("&mdash;", "\u{2014}"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_string(), |text, (entity, plain)| {
        text.replace(entity, plain)
    })
}

fn show_speakers(speakers: &BTreeSet<String>) -> String {
    let names: Vec<&str> = speakers.iter().map(String::as_str).collect();
    format!("[{}]", names.join(", "))
}

fn show_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = comparable(text);
    if text.chars().count() <= max_chars {
        text
    } else {
        let cut: String = text.chars().take(max_chars).collect();
        format!("{cut}…")
    }
}

fn excerpt(text: &str, at: usize) -> String {
    let start = (0..=at.saturating_sub(20))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let end = (at + 20..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text[start..end].to_string()
}
