//! End-to-end tests of the `readouts` binary, each in its own scratch directory.

mod common;

use common::*;
use readouts_core::Corpus;
use serde_json::json;
use std::fs;

const TRANSCRIPT: &str = "President Kaelen: Thank you all for coming.\n\nChancellor Quist: It is a pleasure to be in Halvik.\n";

#[test]
fn build_is_deterministic_and_checks_clean() {
    let s = Scratch::new("determinism");
    let synth = run(&s.0, &["synth", "in", "--count", "40", "--seed", "9"]);
    assert!(synth.status.success(), "{}", stderr(&synth));
    assert_eq!(s.names("in").len(), 40);
    for out in ["a.json", "b.json"] {
        let build = run(&s.0, &["build", "in", "-o", out]);
        assert!(build.status.success(), "{}", stderr(&build));
        assert!(stderr(&build).contains("40 readouts"), "{}", stderr(&build));
    }
    let a = fs::read(s.path("a.json")).unwrap();
    assert_eq!(a, fs::read(s.path("b.json")).unwrap());
    let corpus = read_corpus(&s.path("a.json"));
    assert_eq!(corpus.readouts.len(), 40);
    let check = run(&s.0, &["check", "a.json"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).starts_with("a.json: ok (40 readouts"));
}

#[test]
fn build_reads_txt_files_in_name_order_and_makes_ids_unique() {
    let s = Scratch::new("order");
    for (name, title) in [("c.txt", "C"), ("a.txt", "A"), ("b.txt", "B")] {
        s.write(
            &format!("in/{name}"),
            format!("title: {title}\n\n{READOUT}"),
        );
    }
    s.write("in/notes.md", "not a readout");
    s.write("in/.hidden.txt", "\u{0}\u{0}");
    s.write("in/sub/d.txt", READOUT);
    fs::create_dir_all(s.path("in/dir.txt")).unwrap();
    let out = run(&s.0, &["build", "in", "-o", "corpus.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = read_corpus(&s.path("corpus.json"));
    let titles: Vec<&str> = corpus.readouts.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["A", "B", "C"]);
    let ids: Vec<&str> = corpus.readouts.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[1], format!("{}-2", ids[0]));
    assert_eq!(ids[2], format!("{}-3", ids[0]));
    for r in &corpus.readouts {
        for st in &r.statements {
            assert!(st.id.starts_with(&format!("{}-s", r.id)), "{}", st.id);
        }
    }
}

#[test]
fn progress_bar_is_hidden_when_stderr_is_not_a_terminal() {
    let s = Scratch::new("progress");
    s.write("in/a.txt", READOUT);
    let out = run(&s.0, &["build", "in", "-o", "c.json"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(!err.contains('\r') && !err.contains("parsing ["), "{err:?}");
}

#[test]
fn header_goes_into_the_readout_and_out_of_the_text() {
    let s = Scratch::new("header");
    s.write(
        "h.txt",
        format!(
            "title: Varga-Holm meets Lindqvist\nurl: https://example.org/r/1\npublisher: Ministry of Foreign Affairs of Arvelia\npublished: 2024-05-03\n---\n{READOUT}"
        ),
    );
    s.write("t.txt", TRANSCRIPT);
    let out = run(&s.0, &["parse", "h.txt", "t.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = Corpus::from_json(&stdout(&out)).unwrap();
    let (h, t) = (&corpus.readouts[0], &corpus.readouts[1]);
    assert_eq!(h.title, "Varga-Holm meets Lindqvist");
    assert_eq!(h.source.url.as_deref(), Some("https://example.org/r/1"));
    assert_eq!(
        h.source.publisher.as_deref(),
        Some("Ministry of Foreign Affairs of Arvelia")
    );
    assert_eq!(h.published.as_deref(), Some("2024-05-03"));
    assert!(!h.source.text.contains("url:") && !h.source.text.contains("---"));
    assert!(h.source.text.contains("Elena Varga-Holm stressed that"));
    // The text's `date` line stays in the text (spans index it) but before the prose the
    // readout page shows; the header is in neither.
    let (date_line, prose) = h.source.text.split_at(h.source.prose_start);
    assert_eq!(date_line, "date 2024-05-02\n\n");
    assert!(
        prose.starts_with("On the evening of May 1, 2024"),
        "{prose}"
    );
    assert_eq!(t.source.prose_start, 0);
    // A transcript's `Name: text` lines are not a header.
    assert!(t.source.text.contains("President Kaelen: Thank you"));
    assert_eq!(t.source.url, None);
}

#[test]
fn a_bad_header_fails_naming_the_file_and_line() {
    let s = Scratch::new("badheader");
    s.write("x.txt", format!("url: a\nurl: b\n\n{READOUT}"));
    fails_with(
        &run(&s.0, &["parse", "x.txt"]),
        "x.txt",
        "header line 2: `url` given twice",
    );
    s.write("y.txt", "published: yesterday\n\nText.");
    fails_with(
        &run(&s.0, &["parse", "y.txt"]),
        "y.txt",
        "not a date written YYYY-MM-DD",
    );
    s.write("z.txt", "title: Only a header\n---\n\n");
    fails_with(
        &run(&s.0, &["parse", "z.txt"]),
        "z.txt",
        "no readout text after the header",
    );
}

#[test]
fn parse_prints_one_readout_per_file_in_order() {
    let s = Scratch::new("parse");
    s.write("one.txt", format!("title: One\n\n{READOUT}"));
    s.write("two.txt", format!("title: Two\n\n{READOUT}"));
    let out = run(&s.0, &["parse", "two.txt", "one.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = Corpus::from_json(&stdout(&out)).unwrap();
    let titles: Vec<&str> = corpus.readouts.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Two", "One"]);
    assert_ne!(corpus.readouts[0].id, corpus.readouts[1].id);
}

#[test]
fn bad_inputs_give_one_line_naming_the_file_and_cause() {
    let s = Scratch::new("bad");
    s.write("empty.txt", "");
    s.write("blank.txt", "\n  \r\n");
    s.write("latin1.txt", b"Caf\xe9 talks.");
    fs::create_dir_all(s.path("folder")).unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["parse", "missing.txt"], "missing.txt", "no such file"),
        (&["parse", "folder"], "folder", "is a directory"),
        (&["parse", "latin1.txt"], "latin1.txt", "not valid UTF-8"),
        (&["parse", "empty.txt"], "empty.txt", "file is empty"),
        (&["parse", "blank.txt"], "blank.txt", "file is empty"),
        (
            &["build", "folder", "-o", "c.json"],
            "folder",
            "no .txt files",
        ),
        (
            &["build", "nowhere", "-o", "c.json"],
            "nowhere",
            "no such file or directory",
        ),
        (
            &["build", "empty.txt", "-o", "c.json"],
            "empty.txt",
            "not a directory",
        ),
        (&["check", "missing.json"], "missing.json", "no such file"),
        (&["check", "folder"], "folder", "is a directory"),
        (&["check", "empty.txt"], "empty.txt", "file is empty"),
        (&["check", "latin1.txt"], "latin1.txt", "not valid UTF-8"),
    ];
    for (args, file, cause) in cases {
        let out = run(&s.0, args);
        fails_with(&out, file, cause);
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(!s.path("c.json").exists());
}

#[test]
fn a_bad_file_fails_the_build_and_names_it() {
    let s = Scratch::new("badbuild");
    s.write("in/a.txt", READOUT);
    s.write("in/b.txt", b"\xff\xfe");
    s.write("in/c.txt", "");
    let out = run(&s.0, &["build", "in", "-o", "c.json"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("error: ")
            && lines[0].contains("b.txt")
            && lines[0].contains("not valid UTF-8")
    );
    assert!(lines[1].contains("c.txt") && lines[1].contains("file is empty"));
    assert!(
        lines[2].contains("2 of 3 files could not be read")
            && lines[2].contains("c.json was not written")
    );
    assert!(!s.path("c.json").exists());
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    let s = Scratch::new("atomic");
    s.write("in/a.txt", READOUT);
    let ok = run(&s.0, &["build", "in", "-o", "out/corpus.json"]);
    assert!(
        !ok.status.success(),
        "the output directory does not exist yet"
    );
    assert!(stderr(&ok).contains("does not exist"));
    fs::create_dir_all(s.path("out")).unwrap();
    assert!(run(&s.0, &["build", "in", "-o", "out/corpus.json"])
        .status
        .success());
    let before = fs::read(s.path("out/corpus.json")).unwrap();

    s.write("in/b.txt", b"bad \xc3\x28 bytes");
    let failed = run(&s.0, &["build", "in", "-o", "out/corpus.json"]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(fs::read(s.path("out/corpus.json")).unwrap(), before);
    assert_eq!(s.names("out"), ["corpus.json"], "no temporary file is left");

    // Writing over a directory fails too, and leaves it alone.
    fs::remove_file(s.path("in/b.txt")).unwrap();
    let over_dir = run(&s.0, &["build", "in", "-o", "out"]);
    fails_with(&over_dir, "out", "is a directory");
    assert_eq!(s.names("out"), ["corpus.json"]);
}

#[test]
fn check_accepts_a_good_corpus() {
    let s = Scratch::new("checkgood");
    s.write("good.json", valid_corpus().to_string());
    let out = run(&s.0, &["check", "good.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "good.json: ok (1 readout, 2 statements)\n");
}

#[test]
fn check_reports_every_problem_with_its_location() {
    let s = Scratch::new("checkbad");
    let mut c = valid_corpus();
    let r = &mut c["readouts"][0];
    r["statements"][0]["span"] = json!([0, 999]);
    r["statements"][1]["speakers"] = json!(["cy-oduya"]);
    r["event"]["date"] = json!("2023-02-29");
    let copy = c["readouts"][0].clone();
    c["readouts"].as_array_mut().unwrap().push(copy);
    s.write("bad.json", serde_json::to_string_pretty(&c).unwrap());
    let out = run(&s.0, &["check", "bad.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "error: bad.json: readouts[0].event.date: ",
        "error: bad.json: readouts[0].statements[0].span: ",
        "error: bad.json: readouts[0].statements[1].speakers[0]: ",
        "error: bad.json: readouts[1].id: duplicate readout id \"r1\"",
        "error: bad.json: readouts[1].statements[0].id: duplicate statement id",
        "bad.json: 9 problems",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert!(!err.contains("panicked"));
}

#[test]
fn check_reports_malformed_json_and_schema_versions() {
    let s = Scratch::new("checkjson");
    s.write(
        "broken.json",
        "{\n  \"schema_version\": 1,\n  \"readouts\": [,]\n}\n",
    );
    fails_with(
        &run(&s.0, &["check", "broken.json"]),
        "broken.json",
        "malformed corpus JSON at line 3, column 16",
    );
    let mut c = valid_corpus();
    c["schema_version"] = json!(2);
    s.write("v2.json", c.to_string());
    let out = run(&s.0, &["check", "v2.json"]);
    fails_with(&out, "v2.json", "schema_version 2");
    assert!(stderr(&out).contains("schema_version 1"));
    s.write("noversion.json", "{\"readouts\": []}");
    fails_with(
        &run(&s.0, &["check", "noversion.json"]),
        "noversion.json",
        "no schema_version",
    );
    s.write(
        "shape.json",
        "{\"schema_version\": 1, \"readouts\": [{\"id\": 3}]}",
    );
    fails_with(
        &run(&s.0, &["check", "shape.json"]),
        "shape.json",
        "malformed corpus JSON at line 1",
    );
}

#[test]
fn synth_is_deterministic() {
    let s = Scratch::new("synth");
    assert!(run(&s.0, &["synth", "a", "--count", "12", "--seed", "5"])
        .status
        .success());
    assert!(run(&s.0, &["synth", "b", "--count", "12", "--seed", "5"])
        .status
        .success());
    assert!(run(&s.0, &["synth", "c", "--count", "12", "--seed", "6"])
        .status
        .success());
    let names = s.names("a");
    assert_eq!(names.len(), 12);
    assert_eq!(names, s.names("b"));
    for name in &names {
        assert!(name.ends_with(".txt"));
        assert_eq!(
            fs::read(s.path("a").join(name)).unwrap(),
            fs::read(s.path("b").join(name)).unwrap()
        );
    }
    assert_ne!(names, s.names("c"));
    s.write("file", "x");
    fails_with(
        &run(&s.0, &["synth", "file", "--count", "1"]),
        "file",
        "not a directory",
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let s = Scratch::new("usage");
    for args in [&["build", "in"][..], &["parse"], &["frobnicate"], &[]] {
        let out = run(&s.0, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn merge_adds_an_exported_corpus_to_a_built_one() {
    let s = Scratch::new("merge");
    s.write("in/a.txt", READOUT);
    s.write("in/b.txt", TRANSCRIPT);
    let build = run(&s.0, &["build", "in", "-o", "built.json"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let exported = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/export/corpus.json"
    );
    fs::copy(exported, s.path("exported.json")).unwrap();
    // The built corpus's first readout again under its own id, changed: a different readout.
    let mut clash = read_corpus(&s.path("built.json"));
    clash.readouts.truncate(1);
    clash.readouts[0].title = "Another account".into();
    s.write("clash.json", clash.to_json());

    let out = run(
        &s.0,
        &[
            "merge",
            "built.json",
            "exported.json",
            "built.json",
            "clash.json",
            "-o",
            "merged.json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("left out 2 readouts already in the corpus"),
        "{err}"
    );
    let built = read_corpus(&s.path("built.json"));
    let first = &built.readouts[0].id;
    assert!(
        err.contains(&format!("renamed readout {first:?} to \"{first}-2\"")),
        "{err}"
    );
    assert!(err.contains("wrote merged.json: 5 readouts"), "{err}");
    let merged = read_corpus(&s.path("merged.json"));
    let exported = read_corpus(&s.path("exported.json"));
    assert_eq!(merged.readouts[..2], built.readouts[..]);
    assert_eq!(merged.readouts[2..4], exported.readouts[..]);
    assert_eq!(merged.readouts[4].id, format!("{first}-2"));
    assert_eq!(merged.readouts[4].title, "Another account");
    let check = run(&s.0, &["check", "merged.json"]);
    assert!(check.status.success(), "{}", stderr(&check));
    // Compact, as `build` writes it.
    assert_eq!(
        fs::read_to_string(s.path("merged.json")).unwrap(),
        merged.to_json()
    );
}

#[test]
fn a_failing_merge_names_the_file_and_writes_nothing() {
    let s = Scratch::new("mergebad");
    s.write("good.json", valid_corpus().to_string());
    s.write("bad.json", "{\"schema_version\": 1, \"readouts\": [");
    s.write("merged.json", "before");
    let out = run(
        &s.0,
        &["merge", "good.json", "bad.json", "-o", "merged.json"],
    );
    fails_with(&out, "bad.json", "malformed corpus JSON");
    let mut invalid = valid_corpus();
    invalid["readouts"][0]["statements"][0]["span"] = json!([0, 999]);
    s.write("invalid.json", invalid.to_string());
    let out = run(
        &s.0,
        &["merge", "good.json", "invalid.json", "-o", "merged.json"],
    );
    fails_with(
        &out,
        "invalid.json",
        "not a valid corpus: readouts[0].statements[0].span",
    );
    assert_eq!(fs::read_to_string(s.path("merged.json")).unwrap(), "before");
}
