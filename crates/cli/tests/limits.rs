//! The corpus limits from the command line: `readouts limits` lists them, `build` shortens
//! what it parses to fit them (so `check` and the app accept its output), and `check` refuses
//! a corpus past them with the value's location.

mod common;

use common::{run, Scratch};
use readouts_core::limits::LIMITS;
use serde_json::Value;
use std::fs;

#[test]
fn limits_lists_every_limit_as_json_and_as_text() {
    let s = Scratch::new("limits-list");
    let dir = &s.0;
    let out = run(dir, &["limits", "--json"]);
    assert!(out.status.success());
    let listed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.len(), LIMITS.len());
    for (json, limit) in listed.iter().zip(LIMITS) {
        assert_eq!(json["name"], limit.name);
        assert_eq!(json["max"], limit.max);
    }
    let text = String::from_utf8(run(dir, &["limits"]).stdout).unwrap();
    assert!(text
        .lines()
        .any(|l| l.starts_with("title_bytes") && l.contains("1000")));
}

#[test]
fn build_fits_overlong_values_and_check_accepts_the_result() {
    let s = Scratch::new("limits-fit");
    let dir = &s.0;
    let title = "T".repeat(70_000);
    let readout = format!(
        "title: {title}\nurl: https://example.org/{}\n---\n{}\n\nPresident Tomas Brenn said that {}.\n",
        "u".repeat(5_000),
        "H".repeat(3_000),
        "Q".repeat(40_000)
    );
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::write(dir.join("in/long.txt"), readout).unwrap();
    let build = run(dir, &["build", "in", "-o", "corpus.json"]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let check = run(dir, &["check", "corpus.json"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let corpus: Value =
        serde_json::from_slice(&fs::read(dir.join("corpus.json")).unwrap()).unwrap();
    let r = &corpus["readouts"][0];
    assert!(r["title"].as_str().unwrap().ends_with('…'));
    assert!(r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("shortened to the corpus limits")));
}

#[test]
fn check_refuses_a_value_past_a_limit_with_its_path() {
    let s = Scratch::new("limits-refuse");
    let dir = &s.0;
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::write(
        dir.join("in/a.txt"),
        "President Tomas Brenn said that the harbour stays open.\n",
    )
    .unwrap();
    assert!(run(dir, &["build", "in", "-o", "corpus.json"])
        .status
        .success());
    let mut corpus: Value =
        serde_json::from_slice(&fs::read(dir.join("corpus.json")).unwrap()).unwrap();
    corpus["readouts"][0]["title"] = Value::String("T".repeat(65_536));
    fs::write(dir.join("long.json"), corpus.to_string()).unwrap();
    let check = run(dir, &["check", "long.json"]);
    assert_eq!(check.status.code(), Some(1));
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        err.contains("readouts[0].title: 65536 bytes, more than the limit of 1000"),
        "{err}"
    );
}
