//! What the CLI's test files share: scratch directories, running the binary, reading its
//! output, and inputs.
// Each test file uses a part of this module.
#![allow(dead_code)]

use readouts_core::Corpus;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system temp dir, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "readouts-cli-{name}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    pub fn names(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.path(rel))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readouts"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The command failed with exit status 1, without a panic, and stderr's first line is
/// `error: ` naming `file` and containing `cause`.
pub fn fails_with(out: &Output, file: &str, cause: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{err}");
    assert!(first.contains(file), "{first:?} does not name {file:?}");
    assert!(first.contains(cause), "{first:?} does not say {cause:?}");
}

pub const READOUT: &str = "date 2024-05-02\n\nOn the evening of May 1, 2024, President Elena Varga-Holm met with Norlandic Prime Minister Tomas Lindqvist in Port Senna.\n\nElena Varga-Holm stressed that Arvelia and Norland should deepen cooperation in fisheries. Arvelia supports the \"Green Corridor\".\n\nLindqvist said that Norland is ready to work with Arvelia.\n\nIdris Kaelen and Mirela Dragosh, among others, were present at the meeting.\n";

pub fn read_corpus(path: &Path) -> Corpus {
    Corpus::from_json(&fs::read_to_string(path).unwrap()).unwrap()
}

/// A small valid corpus with statements, written by hand so it does not depend on the parser.
pub fn valid_corpus() -> Value {
    let text = "Ana Lind said that all is well. Bo Quist agreed.";
    json!({
        "schema_version": 1,
        "readouts": [{
            "id": "r1",
            "title": "T",
            "published": "2024-07-14",
            "event": { "date": "2024-07-03", "time_of_day": "evening", "location": "Halvik", "kind": "meeting" },
            "participants": [
                { "id": "ana-lind", "name": "Ana Lind", "title": "President", "country": "Norland", "role": "principal", "aliases": ["Lind"] },
                { "id": "bo-quist", "name": "Bo Quist", "title": null, "country": null, "role": "counterpart", "aliases": [] },
                { "id": "cy-oduya", "name": "Cy Oduya", "title": null, "country": null, "role": "attendee", "aliases": [] }
            ],
            "statements": [
                { "id": "r1-s1", "speakers": ["ana-lind"], "verb": "said", "text": "all is well.", "span": [0, 31], "paragraph": 0, "topics": [] },
                { "id": "r1-s2", "speakers": ["bo-quist"], "verb": "agreed", "text": "", "span": [32, 48], "paragraph": 0, "topics": [] }
            ],
            "topics": [],
            "source": { "text": text, "publisher": null, "url": null },
            "diagnostics": []
        }]
    })
}

/// Runs the binary like [`run`], but kills it if it has not ended after a minute, which only a
/// hang explains (the commands tested this way end at once): the test then fails saying so
/// instead of hanging the whole test run.
pub fn run_or_kill_hung(cwd: &Path, args: &[&str]) -> Output {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_readouts"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Drained as the command runs, so that a full pipe never stalls it.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`readouts {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
    }
}

/// Runs the binary with `input` on its standard input.
pub fn run_with_stdin(cwd: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_readouts"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may stop reading early (a refused input): a broken pipe is fine.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    out
}
