//! Data-driven fixture test: every `tests/fixtures/*.txt` is parsed with
//! [`readouts_core::parse`] and compared with its `*.expected.json` (format in
//! `tests/fixtures/README.md`) by the shared checker (`tests/common/checker.rs`, which the
//! scoring example `examples/score.rs` runs too).
//!
//! Every fixture is checked completely, and every mismatch of every fixture is collected;
//! the test fails once, at the end, with the whole report, so one run shows everything.
//!
//! Checked for every fixture:
//! - structure: the corpus validation (spans inside `source.text` and on char boundaries,
//!   participant ids unique, every speaker id a participant and never an attendee, statement
//!   ids `<readout id>-s<n>`, real dates), non-empty spans, texts and verbs, `source.text`
//!   normalized (no CR, no HTML entities, no doubled spaces), the same input parses to the
//!   same readout twice, and `parse` does not panic;
//! - `published` and every `event` field, exactly;
//! - participants, matched by name: title, country and role exactly, aliases as a set, no
//!   missing and no extra participants;
//! - statements in order (aligned by text, so one missing statement does not shift the
//!   others): speakers as a set of names, verb exactly, `text` starting with `text_starts`
//!   (and ending with `text_ends`, where given), and the statement's span containing that start;
//! - `topics_include` ⊆ `topics`.
//!
//! The expected files are checked too (read through a derived `Deserialize` with
//! `deny_unknown_fields`: unknown or missing keys and wrong types; speakers that are not
//! expected participants; names and text starts that do not occur in the fixture text), so a
//! typo in a fixture is reported as such instead of as a parser bug.

#[path = "common/checker.rs"]
mod checker;

use std::fmt::Write as _;
use std::path::Path;

#[test]
fn fixtures_parse_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let fixtures = checker::discover(&dir).unwrap_or_else(|err| panic!("{err}"));
    assert!(
        fixtures.iter().any(|f| f.txt.is_some()),
        "no *.txt fixtures in {}",
        dir.display()
    );

    let mut outcomes = Vec::new();
    let mut failed = 0;
    let mut summary = String::new();
    let mut details = String::new();
    for fixture in &fixtures {
        let outcome = checker::check_fixture(fixture);
        let status = if outcome.problems.is_empty() {
            "ok  "
        } else {
            "FAIL"
        };
        let _ = writeln!(
            summary,
            "  {status} {:<40} {}",
            outcome.stem,
            outcome.summary.join(", ")
        );
        if !outcome.problems.is_empty() {
            failed += 1;
            let count = outcome.problems.len();
            let plural = if count == 1 { "" } else { "s" };
            let _ = writeln!(
                details,
                "\n=== {} ({count} problem{plural}) ===",
                outcome.stem
            );
            for problem in &outcome.problems {
                let _ = writeln!(details, "  {problem}");
            }
        }
        outcomes.push(outcome);
    }
    let scores = checker::score_tables(&outcomes, false);
    assert!(
        failed == 0,
        "{failed} of {} fixtures failed ({}):\n{summary}\n{scores}{details}",
        fixtures.len(),
        dir.display()
    );
}

/// Every fixture has its row in the README's table, so the folder stays documented.
#[test]
fn every_fixture_is_described_in_the_readme() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("tests/fixtures/README.md");
    let fixtures = checker::discover(&dir).unwrap_or_else(|err| panic!("{err}"));
    let undocumented: Vec<&str> = fixtures
        .iter()
        .map(|f| f.stem.as_str())
        .filter(|stem| !readme.contains(&format!("| `{stem}` |")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "fixtures without a row in tests/fixtures/README.md: {undocumented:?}"
    );
}
