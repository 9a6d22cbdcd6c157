//! `readouts parse --explain [--json]`: on every fixture of the core, and its exact text for
//! one fixture (`tests/golden/explain_55.txt`, reviewed by hand against the readout).

mod common;

use common::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures")
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// The text between two explained sentences is blank, or a list marker ("-", "1.", "(b)"), or
/// a transcript label with its colon: nothing a sentence could hold.
fn is_between_sentences(gap: &str, labels: &[&str]) -> bool {
    let gap = gap.trim();
    let marker = gap.len() <= 4
        && gap
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_ascii_lowercase() || c.is_ascii_digit());
    gap.is_empty()
        || marker
        || labels.iter().any(|label| {
            gap.strip_prefix(label)
                .is_some_and(|rest| rest.trim() == ":")
        })
}

#[test]
fn explains_every_fixture_sentence_by_sentence() {
    let dir = fixtures_dir();
    let names = fixture_names();
    assert!(names.len() >= 50, "only {} fixtures", names.len());
    let mut args = vec!["parse", "--explain", "--json"];
    args.extend(names.iter().map(String::as_str));
    let out = run(&dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let explained: Value = serde_json::from_slice(&out.stdout).unwrap();
    let explained = explained.as_array().unwrap();
    assert_eq!(explained.len(), names.len());

    // The corpus `readouts parse` makes of the same files, for the statements.
    let mut args = vec!["parse"];
    args.extend(names.iter().map(String::as_str));
    let corpus = run(&dir, &args);
    assert!(corpus.status.success(), "{}", stderr(&corpus));
    let corpus: Value = serde_json::from_slice(&corpus.stdout).unwrap();

    for (n, one) in explained.iter().enumerate() {
        let name = &names[n];
        assert_eq!(one["file"], name.as_str());
        let text = one["readout"]["source"]["text"].as_str().unwrap();
        let statements = corpus["readouts"][n]["statements"].as_array().unwrap();
        let span = |v: &Value| -> (usize, usize) {
            let s = v.as_array().unwrap();
            (
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            )
        };
        let labels: Vec<&str> = one["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["block"]["kind"] == "turn")
            .map(|s| {
                let (a, b) = span(&s["block"]["label"]);
                &text[a..b]
            })
            .collect();
        // One entry per sentence: in order, and nothing but markers and labels between them.
        let mut end = one["date_line"]
            .as_array()
            .map_or(0, |_| span(&one["date_line"]).1);
        let mut listed = vec![0usize; statements.len()];
        for s in one["sentences"].as_array().unwrap() {
            let (a, b) = span(&s["span"]);
            let dateline = one["dateline"].as_array().map(|_| span(&one["dateline"]));
            let gap_start = match dateline {
                Some((da, db)) if da >= end && db <= a => db,
                _ => end,
            };
            assert!(gap_start <= a, "{name}: sentences overlap at {a}");
            assert!(
                is_between_sentences(&text[gap_start..a], &labels),
                "{name}: text no sentence explains: {:?}",
                &text[gap_start..a]
            );
            assert!(a < b, "{name}: an empty sentence at {a}");
            end = b;
            for k in s["statements"].as_array().unwrap() {
                let k = k.as_u64().unwrap() as usize;
                listed[k] += 1;
                assert_eq!(
                    span(&statements[k]["span"]),
                    (a, b),
                    "{name}: statement {k}"
                );
            }
        }
        assert!(
            is_between_sentences(&text[end..], &labels),
            "{name}: text after the last sentence: {:?}",
            &text[end..]
        );
        for (k, times) in listed.iter().enumerate() {
            assert_eq!(*times, 1, "{name}: statement {k} explained {times} times");
        }
        assert_eq!(
            one["readout"]["statements"].as_array().unwrap().len(),
            statements.len(),
            "{name}: --explain parsed other statements than parse"
        );
    }
}

#[test]
fn explains_one_fixture_exactly_as_its_golden_file() {
    let name = "55_ambiguous_title_ceremony_topic_only.txt";
    let out = run(&fixtures_dir(), &["parse", "--explain", name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/explain_55.txt");
    let expected = fs::read_to_string(&golden).unwrap();
    assert_eq!(
        stdout(&out),
        expected,
        "the explanation changed: if the change is right, review it and update {}",
        golden.display()
    );
}

#[test]
fn explain_counts_header_lines_and_reports_bad_files() {
    let s = Scratch::new("explain");
    s.write(
        "h.txt",
        format!("title: T\npublisher: Ministry\n---\n{READOUT}"),
    );
    let out = run(&s.0, &["parse", "--explain", "h.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // READOUT's `date` line is the file's fourth line, after three of header.
    assert!(
        text.contains("\n  4:1 date line \"date 2024-05-02\""),
        "{text}"
    );
    assert!(
        text.contains("\n6:1 paragraph 1, prose: \"On the evening"),
        "{text}"
    );

    s.write("empty.txt", "title: T\n---\n");
    let out = run(&s.0, &["parse", "--explain", "empty.txt"]);
    fails_with(&out, "empty.txt", "no readout text after the header");

    let out = run(&s.0, &["parse", "--json", "h.txt"]);
    assert_eq!(out.status.code(), Some(2), "--json needs --explain");
}
