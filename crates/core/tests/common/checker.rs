//! The fixture checker, shared by the fixture test (`tests/fixtures.rs`) and the scoring tool
//! (`examples/score.rs`): it reads a folder of fixtures (format in `tests/fixtures/README.md`),
//! parses each readout as `readouts parse` reads a file ([`readouts_core::file::load`]: an
//! optional `publisher:`/`published:` header, then [`readouts_core::parse`]), and compares the result with the
//! expected file, collecting every mismatch instead of stopping at the first, and counting
//! what the scorer needs (statements, participants and event fields right).
//!
//! Expected files are read through the derived [`Deserialize`] of [`Expected`] with
//! `deny_unknown_fields`: a misspelt key, a wrong type or a missing key is a fixture error
//! with its line and column, never a silent default.

use readouts_core::validate::validate;
use readouts_core::{file, Corpus, EventKind, Readout, Role, TimeOfDay, SCHEMA_VERSION};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// The expected file

/// One `*.expected.json`. Every key must be present (a `null` is written out), except
/// `style` and a statement's `text_ends`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// The publisher style the readout imitates (`kremlin`, `white-house`, …), for the
    /// scorer's per-style figures; fixtures without one follow the conventions' own styles.
    #[serde(default)]
    pub style: Option<String>,
    #[serde(deserialize_with = "required")]
    pub published: Option<String>,
    pub event: ExpectedEvent,
    pub participants: Vec<ExpectedParticipant>,
    pub statements: Vec<ExpectedStatement>,
    pub topics_include: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExpectedEvent {
    #[serde(deserialize_with = "required")]
    pub date: Option<String>,
    #[serde(deserialize_with = "required")]
    pub time_of_day: Option<TimeOfDay>,
    #[serde(deserialize_with = "required")]
    pub location: Option<String>,
    pub kind: EventKind,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedParticipant {
    pub name: String,
    #[serde(deserialize_with = "required")]
    pub title: Option<String>,
    #[serde(deserialize_with = "required")]
    pub country: Option<String>,
    pub role: Role,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedStatement {
    pub speakers: Vec<String>,
    pub verb: String,
    pub text_starts: String,
    /// The last words of the text, where the fixture pins them (a clause cut, a quote).
    #[serde(default)]
    pub text_ends: Option<String>,
}

/// A nullable value whose key must still be written: serde treats a missing `Option` field as
/// `None` unless the field has its own deserializer, and an expected file that forgets a key
/// should be told so rather than expect `null`.
fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::deserialize(deserializer)
}

// ---------------------------------------------------------------------------------------------
// Finding fixtures

/// One fixture: its stem (`03_transcript_name_labels`) and which of its two files exist.
pub struct Fixture {
    pub stem: String,
    pub txt: Option<PathBuf>,
    pub expected: Option<PathBuf>,
}

/// Every fixture in `dir` (not in its subfolders), in file-name order.
pub fn discover(dir: &Path) -> Result<Vec<Fixture>, String> {
    let mut by_stem: BTreeMap<String, Fixture> = BTreeMap::new();
    let entries = fs::read_dir(dir)
        .map_err(|err| format!("cannot read the fixtures folder {}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot read an entry of {}: {err}", dir.display()))?
            .path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let (stem, is_txt) = if let Some(stem) = file_name.strip_suffix(".expected.json") {
            (stem, false)
        } else if let Some(stem) = file_name.strip_suffix(".txt") {
            (stem, true)
        } else {
            continue;
        };
        let fixture = by_stem.entry(stem.to_string()).or_insert(Fixture {
            stem: stem.to_string(),
            txt: None,
            expected: None,
        });
        if is_txt {
            fixture.txt = Some(path);
        } else {
            fixture.expected = Some(path);
        }
    }
    Ok(by_stem.into_values().collect())
}

// ---------------------------------------------------------------------------------------------
// The outcome of one fixture

/// What the scorer counts for one fixture.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub statements_expected: usize,
    pub statements_parsed: usize,
    /// Parsed statements that match an expected one by text and have its speakers.
    pub statements_attributed: usize,
    /// … and its verb and span (and text end, where pinned) too.
    pub statements_right: usize,
    pub participants_expected: usize,
    pub participants_parsed: usize,
    /// Parsed participants with an expected participant's name and role.
    pub participants_matched: usize,
    /// … and its title, country and aliases too.
    pub participants_right: usize,
    /// Of the four event fields (date, time of day, location, kind).
    pub event_fields_right: usize,
    pub event_fields: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.statements_expected += other.statements_expected;
        self.statements_parsed += other.statements_parsed;
        self.statements_attributed += other.statements_attributed;
        self.statements_right += other.statements_right;
        self.participants_expected += other.participants_expected;
        self.participants_parsed += other.participants_parsed;
        self.participants_matched += other.participants_matched;
        self.participants_right += other.participants_right;
        self.event_fields_right += other.event_fields_right;
        self.event_fields += other.event_fields;
    }
}

/// The outcome of one fixture: a one-line summary, the detailed problems and the counts.
pub struct Outcome {
    pub stem: String,
    /// The expected file's `style`, `conventions` when it has none.
    pub style: String,
    pub summary: Vec<String>,
    pub problems: Vec<String>,
    /// `None` when the fixture could not be scored (a fixture error before the comparison).
    pub counts: Option<Counts>,
}

impl Outcome {
    fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(message.into());
    }

    fn fail(mut self, summary: &str, problem: String) -> Outcome {
        self.summary.push(summary.into());
        self.problem(problem);
        self
    }
}

/// The style name of fixtures without a `style`.
pub const CONVENTIONS_STYLE: &str = "conventions";

/// HTML entities a normalized `source.text` must no longer contain.
const ENTITIES: &[&str] = &[
    "&amp;", "&nbsp;", "&quot;", "&apos;", "&#39;", "&rsquo;", "&lsquo;", "&rdquo;", "&ldquo;",
    "&ndash;", "&mdash;", "&lt;", "&gt;",
];

/// Checks one fixture completely.
pub fn check_fixture(fixture: &Fixture) -> Outcome {
    let out = Outcome {
        stem: fixture.stem.clone(),
        style: CONVENTIONS_STYLE.into(),
        summary: Vec::new(),
        problems: Vec::new(),
        counts: None,
    };
    let (Some(txt_path), Some(expected_path)) = (&fixture.txt, &fixture.expected) else {
        let (has, lacks) = if fixture.txt.is_some() {
            (".txt", ".expected.json")
        } else {
            (".expected.json", ".txt")
        };
        return out.fail(
            &format!("no {lacks}"),
            format!(
                "fixture error: {0}{has} has no {0}{lacks} next to it",
                fixture.stem
            ),
        );
    };
    let text = match fs::read_to_string(txt_path) {
        Ok(text) => text,
        Err(err) => {
            return out.fail(
                "unreadable",
                format!("fixture error: cannot read {}: {err}", txt_path.display()),
            )
        }
    };
    let expected: Expected = match fs::read_to_string(expected_path)
        .map_err(|err| err.to_string())
        .and_then(|json| serde_json::from_str(&json).map_err(|err| err.to_string()))
    {
        Ok(expected) => expected,
        Err(err) => {
            return out.fail(
                "bad expected file",
                format!(
                    "fixture error: cannot read {}: {err}",
                    expected_path.display()
                ),
            )
        }
    };
    check_with(out, &text, &expected)
}

/// A fixture's text read as `readouts parse` reads a file: its header, if any, then the parse.
fn read(text: &str) -> Result<Readout, String> {
    file::load("fixture", text).map(|loaded| loaded.readout)
}

/// Compares the parse of `text` with `expected`.
fn check_with(mut out: Outcome, text: &str, expected: &Expected) -> Outcome {
    if let Some(style) = &expected.style {
        out.style = style.clone();
    }
    check_expected(text, expected, &mut out);
    let mut counts = Counts {
        statements_expected: expected.statements.len(),
        participants_expected: expected.participants.len(),
        event_fields: 4,
        ..Counts::default()
    };

    let readout = match std::panic::catch_unwind(|| read(text)) {
        Ok(Ok(readout)) => readout,
        Ok(Err(err)) => {
            out.counts = Some(counts);
            return out.fail("bad header", format!("fixture error: {err}"));
        }
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(non-string panic payload)".into());
            out.counts = Some(counts);
            return out.fail("parse PANICKED", format!("parse panicked: {message}"));
        }
    };
    counts.statements_parsed = readout.statements.len();
    counts.participants_parsed = readout.participants.len();

    check_structure(text, &readout, &mut out);
    check_published_and_event(expected, &readout, &mut counts, &mut out);
    check_participants(expected, &readout, &mut counts, &mut out);
    check_statements(expected, &readout, &mut counts, &mut out);
    check_topics(expected, &readout, &mut out);
    out.counts = Some(counts);
    out
}

// ---------------------------------------------------------------------------------------------
// The expected file's own consistency

/// Typos in the expected file, reported as fixture errors instead of parser bugs: duplicate
/// names, speakers that are not expected participants (or are attendees), empty verbs and
/// text starts, and names, aliases and text starts that do not occur in the fixture text.
fn check_expected(text: &str, expected: &Expected, out: &mut Outcome) {
    let haystack = comparable(&decode_raw(text));
    let lower = haystack.to_lowercase();
    let mut roles: BTreeMap<&str, Role> = BTreeMap::new();
    for participant in &expected.participants {
        if roles.insert(&participant.name, participant.role).is_some() {
            out.problem(format!(
                "fixture error: participant {:?} is listed twice",
                participant.name
            ));
        }
        if !lower.contains(&comparable(&participant.name).to_lowercase()) {
            out.problem(format!(
                "fixture error: participant name {:?} does not occur in the text",
                participant.name
            ));
        }
        // An alias may drop words the text writes inside it ("of Solmaria", "Shri"), so only
        // its words must occur.
        for alias in &participant.aliases {
            let missing = comparable(alias)
                .to_lowercase()
                .split(' ')
                .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
                .find(|w| !lower.contains(*w))
                .map(str::to_string);
            if let Some(word) = missing {
                out.problem(format!(
                    "fixture error: alias {alias:?} has a word that does not occur in the text: {word:?}"
                ));
            }
        }
    }
    for (index, statement) in expected.statements.iter().enumerate() {
        let label = format!("fixture error: statements[{index}]");
        if statement.speakers.is_empty() {
            out.problem(format!("{label} has no speakers"));
        }
        for speaker in &statement.speakers {
            match roles.get(speaker.as_str()) {
                None => out.problem(format!(
                    "{label}: speaker {speaker:?} is not an expected participant"
                )),
                Some(Role::Attendee) => {
                    out.problem(format!("{label}: speaker {speaker:?} is an attendee"))
                }
                Some(_) => {}
            }
        }
        if statement.verb.trim().is_empty() || statement.text_starts.trim().is_empty() {
            out.problem(format!("{label} needs a non-empty verb and text_starts"));
        }
        if !haystack.contains(&comparable(&statement.text_starts)) {
            out.problem(format!(
                "{label}: text_starts {:?} does not occur in the text",
                statement.text_starts
            ));
        }
        if let Some(end) = &statement.text_ends {
            if end.trim().is_empty() || !haystack.contains(&comparable(end)) {
                out.problem(format!(
                    "{label}: text_ends {end:?} is empty or does not occur in the text"
                ));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Structure

/// The invariants every readout must keep, whatever the fixture expects: the corpus
/// validation of [`validate`] (ids, speakers, spans on char boundaries inside the text,
/// statement spans inside the prose after the `date` line, dates), non-empty statement spans, texts and verbs, a normalized `source.text`, and the
/// same readout when the text is parsed twice.
fn check_structure(input: &str, readout: &Readout, out: &mut Outcome) {
    let corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        readouts: vec![readout.clone()],
    };
    for problem in validate(&corpus) {
        out.problem(format!("structure: {problem}"));
    }
    for (index, statement) in readout.statements.iter().enumerate() {
        let label = format!("structure: statement #{}", index + 1);
        if statement.span.start >= statement.span.end {
            out.problem(format!("{label}: span is empty"));
        }
        if statement.text.trim().is_empty() {
            out.problem(format!("{label} has an empty text"));
        }
        if statement.verb.trim().is_empty() {
            out.problem(format!("{label} has an empty verb"));
        }
    }

    let text = &readout.source.text;
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

    if read(input).as_ref() != Ok(readout) {
        out.problem("structure: parsing the same text twice gave different readouts");
    }
}

// ---------------------------------------------------------------------------------------------
// Published and event

fn check_published_and_event(
    expected: &Expected,
    readout: &Readout,
    counts: &mut Counts,
    out: &mut Outcome,
) {
    let mut all_ok = true;
    if expected.published != readout.published {
        all_ok = false;
        out.problem(format!(
            "published: expected {}, got {}",
            show(&expected.published),
            show(&readout.published)
        ));
    }
    let (want, got) = (&expected.event, &readout.event);
    let fields = [
        ("date", show(&want.date), show(&got.date)),
        (
            "time_of_day",
            show(&want.time_of_day.map(time_of_day_str)),
            show(&got.time_of_day.map(time_of_day_str)),
        ),
        ("location", show(&want.location), show(&got.location)),
        (
            "kind",
            want.kind.as_str().to_string(),
            got.kind.as_str().to_string(),
        ),
    ];
    for (key, want, got) in fields {
        if want == got {
            counts.event_fields_right += 1;
        } else {
            all_ok = false;
            out.problem(format!("event.{key}: expected {want}, got {got}"));
        }
    }
    out.summary
        .push(format!("event {}", if all_ok { "ok" } else { "WRONG" }));
}

fn time_of_day_str(time: TimeOfDay) -> &'static str {
    match time {
        TimeOfDay::Morning => "morning",
        TimeOfDay::Afternoon => "afternoon",
        TimeOfDay::Evening => "evening",
    }
}

// ---------------------------------------------------------------------------------------------
// Participants

fn check_participants(
    expected: &Expected,
    readout: &Readout,
    counts: &mut Counts,
    out: &mut Outcome,
) {
    let mut claimed = BTreeSet::new();
    for want in &expected.participants {
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
                show(&want.title),
                show(&want.country),
                want.role.as_str()
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
        if got.role == want.role {
            counts.participants_matched += 1;
        } else {
            ok = false;
            out.problem(format!(
                "participants: {:?} role: expected {}, got {}",
                want.name,
                want.role.as_str(),
                got.role.as_str()
            ));
        }
        for (key, want_value, got_value) in [
            ("title", &want.title, &got.title),
            ("country", &want.country, &got.country),
        ] {
            if want_value != got_value {
                ok = false;
                out.problem(format!(
                    "participants: {:?} {key}: expected {}, got {}",
                    want.name,
                    show(want_value),
                    show(got_value)
                ));
            }
        }
        let want_aliases: BTreeSet<&String> = want.aliases.iter().collect();
        let got_aliases: BTreeSet<&String> = got.aliases.iter().collect();
        let missing: Vec<_> = want_aliases.difference(&got_aliases).collect();
        let extra: Vec<_> = got_aliases.difference(&want_aliases).collect();
        if !missing.is_empty() || !extra.is_empty() {
            ok = false;
            out.problem(format!(
                "participants: {:?} aliases: missing {missing:?}, unexpected {extra:?}",
                want.name
            ));
        }
        if ok {
            counts.participants_right += 1;
        }
    }
    let wanted_names: BTreeSet<&str> = expected
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    for (index, got) in readout.participants.iter().enumerate() {
        // A second participant of an expected name was reported above ("appears N times").
        if !claimed.contains(&index) && !wanted_names.contains(got.name.as_str()) {
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
        "participants {}/{} (parsed {})",
        counts.participants_right,
        expected.participants.len(),
        readout.participants.len()
    ));
}

// ---------------------------------------------------------------------------------------------
// Statements

struct GotStatement {
    speakers: BTreeSet<String>,
    verb: String,
    text: String,
    sentence: Option<String>,
}

fn check_statements(
    expected: &Expected,
    readout: &Readout,
    counts: &mut Counts,
    out: &mut Outcome,
) {
    let wanted = &expected.statements;
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
            text: s.text.to_string(),
            sentence: s.span.slice(&readout.source.text).map(str::to_string),
        })
        .collect();

    let starts = |w: &ExpectedStatement, g: &GotStatement| {
        comparable(&g.text).starts_with(&comparable(&w.text_starts))
    };
    let pairs = align(wanted, &got, starts);

    let mut lines = Vec::new();
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
                show_speakers(w.speakers.iter()),
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
                show_speakers(g.speakers.iter()),
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
        let want_speakers: BTreeSet<String> = w.speakers.iter().cloned().collect();
        if want_speakers == g.speakers {
            counts.statements_attributed += 1;
        } else {
            diffs.push(format!(
                "speakers expected {}, got {}",
                show_speakers(want_speakers.iter()),
                show_speakers(g.speakers.iter())
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
            counts.statements_right += 1;
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
            counts.statements_right
        ));
        for line in lines {
            out.problem(format!("    {line}"));
        }
    }
    out.summary.push(format!(
        "statements {}/{} (parsed {})",
        counts.statements_right,
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

fn check_topics(expected: &Expected, readout: &Readout, out: &mut Outcome) {
    let mut found = 0;
    for topic in &expected.topics_include {
        if readout.topics.iter().any(|t| t == topic) {
            found += 1;
            continue;
        }
        let near = readout
            .topics
            .iter()
            .find(|t| {
                let t: &str = t;
                t.eq_ignore_ascii_case(topic) || t.contains(topic.as_str()) || topic.contains(t)
            })
            .map(|t| format!(" (nearest: {t:?})"))
            .unwrap_or_default();
        out.problem(format!("topics: missing {topic:?}{near}"));
    }
    if found < expected.topics_include.len() {
        out.problem(format!("    the readout's topics: {:?}", readout.topics));
    }
    out.summary
        .push(format!("topics {found}/{}", expected.topics_include.len()));
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Text as compared: typographic quotes made straight and every run of whitespace (including
/// non-breaking spaces) one space. The conventions do not fix the quote style of `text`.
pub fn comparable(text: &str) -> String {
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

fn show_speakers<'a>(speakers: impl Iterator<Item = &'a String>) -> String {
    let names: Vec<&str> = speakers.map(String::as_str).collect();
    format!("[{}]", names.join(", "))
}

/// An optional value as the report shows it: the value, or `null`.
fn show<T: AsRef<str>>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "null".to_string(), |v| format!("{:?}", v.as_ref()))
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

// ---------------------------------------------------------------------------------------------
// Scores

/// Precision, recall and F1 of `hits` among `found` against `wanted`; an empty side counts as
/// perfect (nothing was wrongly found, or nothing was to be found).
pub fn prf(hits: usize, found: usize, wanted: usize) -> (f64, f64, f64) {
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    let (p, r) = (ratio(hits, found), ratio(hits, wanted));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

/// One row of the score table: `label` is the first cell (a fixture, or a style and its
/// number of fixtures).
fn score_row(label: &str, c: &Counts) -> String {
    let (sp, sr, sf) = prf(
        c.statements_attributed,
        c.statements_parsed,
        c.statements_expected,
    );
    let (_, _, pf) = prf(
        c.participants_matched,
        c.participants_parsed,
        c.participants_expected,
    );
    format!(
        "| {label} | {sp:.2} | {sr:.2} | {sf:.2} | {}/{} | {pf:.2} | {}/{} | {}/{} |",
        c.statements_right,
        c.statements_expected,
        c.participants_right,
        c.participants_expected,
        c.event_fields_right,
        c.event_fields
    )
}

/// The scores of `outcomes` as Markdown tables: one row per fixture (when `per_fixture`),
/// then one per style and the total. Statements count as found when they match an expected
/// statement by text and have its speakers ("right" also needs the verb and span);
/// participants when their name and role match ("right" also needs title, country and
/// aliases). Fixtures that could not be scored are listed below the tables.
pub fn score_tables(outcomes: &[Outcome], per_fixture: bool) -> String {
    let header = "| {} | stmt P | stmt R | stmt F1 | stmts right | participants F1 | \
                  participants right | event fields |\n|---|---:|---:|---:|---:|---:|---:|---:|";
    let mut out = String::new();
    if per_fixture {
        out.push_str(&header.replacen("{}", "fixture (style)", 1));
        out.push('\n');
        for outcome in outcomes {
            if let Some(counts) = &outcome.counts {
                let label = format!("{} ({})", outcome.stem, outcome.style);
                out.push_str(&score_row(&label, counts));
                out.push('\n');
            }
        }
        out.push('\n');
    }
    let mut by_style: BTreeMap<&str, (usize, Counts)> = BTreeMap::new();
    let mut total = (0, Counts::default());
    for outcome in outcomes {
        if let Some(counts) = &outcome.counts {
            let entry = by_style.entry(&outcome.style).or_default();
            entry.0 += 1;
            entry.1.add(counts);
            total.0 += 1;
            total.1.add(counts);
        }
    }
    out.push_str(&header.replacen("{}", "style (fixtures)", 1));
    out.push('\n');
    for (style, (fixtures, counts)) in &by_style {
        out.push_str(&score_row(&format!("{style} ({fixtures})"), counts));
        out.push('\n');
    }
    out.push_str(&score_row(&format!("**all** ({})", total.0), &total.1));
    out.push('\n');
    for outcome in outcomes.iter().filter(|o| o.counts.is_none()) {
        out.push_str(&format!(
            "\nnot scored: {}: {}\n",
            outcome.stem,
            outcome.problems.join("; ")
        ));
    }
    out
}
