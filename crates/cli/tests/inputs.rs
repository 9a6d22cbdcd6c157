//! What the `readouts` binary does with odd operator inputs: named pipes and devices, symbolic
//! links, huge files and endless streams, and the temporary files of killed builds.
#![cfg(unix)]

mod common;

use common::*;
use std::fs::{self, File};
use std::os::unix::fs::symlink;
use std::process::Command;

/// Makes a named pipe (FIFO) at `path` with the system's `mkfifo`.
fn mkfifo(path: &std::path::Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A sparse file of `len` bytes (zeros): large on paper, nothing on disk.
fn sparse(path: &std::path::Path, len: u64) {
    File::create(path).unwrap().set_len(len).unwrap();
}

#[test]
fn build_refuses_a_named_pipe_and_a_device_without_waiting_on_them() {
    let s = Scratch::new("fifo");
    s.write("in/a.txt", READOUT);
    mkfifo(&s.path("in/x.txt"));
    symlink("/dev/zero", s.path("in/zero.txt")).unwrap();
    let out = run_or_kill_hung(
        &s.0,
        &["build", "in", "-o", "c.json", "--follow-external-links"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(
        lines[0],
        "error: in/x.txt: not a regular file but a named pipe (FIFO); only regular files are read"
    );
    assert_eq!(
        lines[1],
        "error: in/zero.txt: not a regular file but a character device; only regular files are read"
    );
    assert!(
        lines[2].contains("2 of 3 files could not be read")
            && lines[2].contains("c.json was not written")
    );
    assert!(!s.path("c.json").exists());

    // Without them, the same folder builds.
    fs::remove_file(s.path("in/x.txt")).unwrap();
    fs::remove_file(s.path("in/zero.txt")).unwrap();
    let ok = run(&s.0, &["build", "in", "-o", "c.json"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn hidden_and_non_txt_special_files_are_never_opened() {
    let s = Scratch::new("fifo-skipped");
    s.write("in/a.txt", READOUT);
    mkfifo(&s.path("in/.x.txt"));
    mkfifo(&s.path("in/notes.md"));
    let out = run_or_kill_hung(&s.0, &["build", "in", "-o", "c.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read_corpus(&s.path("c.json")).readouts.len(), 1);
}

#[test]
fn build_follows_links_inside_its_folder_only() {
    let s = Scratch::new("links");
    s.write("in/a.txt", format!("title: A\n\n{READOUT}"));
    s.write("in/drafts/b.txt", format!("title: B\n\n{READOUT}"));
    s.write(
        "elsewhere/secret.txt",
        format!("title: Secret\n\n{READOUT}"),
    );
    // Inside: to a file of the folder, to a file of a subfolder, out and back in.
    symlink("drafts/b.txt", s.path("in/b.txt")).unwrap();
    symlink("../in/a.txt", s.path("in/c.txt")).unwrap();
    // A link to a directory is skipped like a directory.
    symlink("drafts", s.path("in/d.txt")).unwrap();
    let ok = run(&s.0, &["build", "in", "-o", "c.json"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let titles: Vec<String> = read_corpus(&s.path("c.json"))
        .readouts
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, ["A", "B", "A"]);
    let built = fs::read(s.path("c.json")).unwrap();

    // Outside, directly or through a link of the folder: refused, naming the target.
    symlink("../elsewhere/secret.txt", s.path("in/e.txt")).unwrap();
    symlink("e.txt", s.path("in/f.txt")).unwrap();
    symlink("missing.txt", s.path("in/g.txt")).unwrap();
    let refused = run(&s.0, &["build", "in", "-o", "c.json"]);
    let err = stderr(&refused);
    assert_eq!(refused.status.code(), Some(1), "{err}");
    let secret = fs::canonicalize(s.path("elsewhere/secret.txt")).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    for (line, file) in lines[..2].iter().zip(["in/e.txt", "in/f.txt"]) {
        assert_eq!(
            *line,
            format!(
                "error: {file}: a symbolic link to {}, outside in; pass --follow-external-links to read it",
                secret.display()
            )
        );
    }
    assert!(
        lines[2].starts_with("error: in/g.txt: a broken symbolic link (to missing.txt: "),
        "{err}"
    );
    assert!(lines[3].contains("3 of 6 files could not be read"), "{err}");
    assert_eq!(
        fs::read(s.path("c.json")).unwrap(),
        built,
        "OUT is untouched"
    );

    // The flag lets the external ones in; a broken link stays an error.
    fs::remove_file(s.path("in/g.txt")).unwrap();
    let allowed = run(
        &s.0,
        &["build", "in", "-o", "c.json", "--follow-external-links"],
    );
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let titles: Vec<String> = read_corpus(&s.path("c.json"))
        .readouts
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, ["A", "B", "A", "Secret", "Secret"]);
}

#[test]
fn readout_files_over_8_mib_are_refused_before_being_read() {
    let s = Scratch::new("bigreadout");
    s.write("in/a.txt", READOUT);
    sparse(&s.path("in/huge.txt"), 1 << 30);
    let out = run(&s.0, &["build", "in", "-o", "c.json"]);
    fails_with(
        &out,
        "in/huge.txt",
        "too large: 1 GiB, and a readout file may have at most 8 MiB",
    );
    assert!(!s.path("c.json").exists());
    // One byte over the cap is over it.
    sparse(&s.path("over.txt"), (8 << 20) + 1);
    fails_with(
        &run(&s.0, &["parse", "over.txt"]),
        "over.txt",
        "too large: 8 MiB, and a readout file may have at most 8 MiB",
    );
}

#[test]
fn endless_streams_end_with_an_error_at_the_cap() {
    let s = Scratch::new("zero");
    fails_with(
        &run_or_kill_hung(&s.0, &["parse", "/dev/zero"]),
        "/dev/zero",
        "too large: it goes on past 8 MiB, the most a readout file may have",
    );
    // The corpus cap is the core's limit, which the app applies too.
    let corpus_cap = readouts_core::limits::CORPUS_BYTES >> 20;
    fails_with(
        &run_or_kill_hung(&s.0, &["check", "/dev/zero"]),
        "/dev/zero",
        &format!("too large: it goes on past {corpus_cap} MiB, the most a corpus file may have"),
    );
}

#[test]
fn check_accepts_a_corpus_starting_with_a_byte_order_mark() {
    let s = Scratch::new("bom");
    let with_bom = format!("\u{feff}{}", valid_corpus());
    s.write("bom.json", &with_bom);
    let out = run(&s.0, &["check", "bom.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "bom.json: ok (1 readout, 2 statements)\n");
    let piped = run_with_stdin(&s.0, &["check", "/dev/stdin"], with_bom.as_bytes());
    assert!(piped.status.success(), "{}", stderr(&piped));
    // A mark with nothing after it is still an empty file.
    s.write("only.json", "\u{feff}\n");
    fails_with(
        &run(&s.0, &["check", "only.json"]),
        "only.json",
        "file is empty",
    );
}

#[test]
fn check_refuses_a_huge_corpus_file_before_reading_it() {
    let s = Scratch::new("bigcorpus");
    sparse(&s.path("huge.json"), 1 << 30);
    let out = run(&s.0, &["check", "huge.json"]);
    fails_with(
        &out,
        "huge.json",
        "too large: 1 GiB, and a corpus file may have at most ",
    );
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn named_pipes_given_by_name_are_read() {
    let s = Scratch::new("stdin");
    let out = run_with_stdin(
        &s.0,
        &["check", "/dev/stdin"],
        valid_corpus().to_string().as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "/dev/stdin: ok (1 readout, 2 statements)\n");
    let parsed = run_with_stdin(&s.0, &["parse", "/dev/stdin"], READOUT.as_bytes());
    assert!(parsed.status.success(), "{}", stderr(&parsed));
    assert!(stdout(&parsed).contains("Varga-Holm"));
}

/// A PID that no process can have: past the kernel's largest (a real process that has ended
/// would do too, but its PID may be handed to another one in the meantime on a busy machine,
/// where PIDs wrap at 32768).
fn dead_pid() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let max: u32 = fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(4_194_304);
    max + NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[test]
fn build_removes_the_temporary_files_of_killed_runs_and_only_those() {
    let s = Scratch::new("stale");
    s.write("in/a.txt", READOUT);
    fs::create_dir_all(s.path("out")).unwrap();
    assert!(run(&s.0, &["build", "in", "-o", "out/c.json"])
        .status
        .success());
    let before = fs::read(s.path("out/c.json")).unwrap();

    // What killed runs leave: a half-written corpus under this version's name and an earlier
    // version's, from a process that is gone.
    let dead = dead_pid();
    let half = &before[..before.len() / 2];
    s.write(&format!("out/.c.json.readouts-tmp-{dead}"), half);
    s.write(&format!("out/.c.json.{dead}.tmp"), half);
    // Not to be touched: the file of a running process (this test), a dead PID's file whose
    // lock someone holds (a live writer in another PID namespace), another output's temporary
    // file, and other hidden files.
    let me = std::process::id();
    let live = s.write(&format!("out/.c.json.readouts-tmp-{me}"), half);
    let other_ns = dead_pid();
    let locked = s.write(&format!("out/.c.json.readouts-tmp-{other_ns}"), half);
    let other_ns_lock = File::open(&locked).unwrap();
    other_ns_lock.try_lock().unwrap();
    s.write(&format!("out/.d.json.readouts-tmp-{dead}"), half);
    s.write("out/.c.json.bak", half);
    s.write("out/.c.json.readouts-tmp-x", half);
    assert_eq!(
        fs::read(s.path("out/c.json")).unwrap(),
        before,
        "OUT is intact"
    );

    s.write("in/b.txt", READOUT);
    let out = run(&s.0, &["build", "in", "-o", "out/c.json"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for name in [
        format!(".c.json.{dead}.tmp"),
        format!(".c.json.readouts-tmp-{dead}"),
    ] {
        assert!(
            err.contains(&format!(
                "removed out/{name}: a temporary file left by an earlier run that was stopped"
            )),
            "{err}"
        );
    }
    let mut expected = vec![
        ".c.json.bak".to_string(),
        format!(".c.json.readouts-tmp-{me}"),
        format!(".c.json.readouts-tmp-{other_ns}"),
        ".c.json.readouts-tmp-x".to_string(),
        format!(".d.json.readouts-tmp-{dead}"),
        "c.json".to_string(),
    ];
    expected.sort();
    assert_eq!(s.names("out"), expected);
    assert_eq!(read_corpus(&s.path("out/c.json")).readouts.len(), 2);

    // Once its writer is gone (its lock released), the next build removes it too.
    drop(other_ns_lock);
    assert!(run(&s.0, &["build", "in", "-o", "out/c.json"])
        .status
        .success());
    assert!(!locked.exists());
    assert!(live.exists(), "a running process's file stays");
}

#[test]
fn a_build_killed_while_writing_leaves_the_output_whole_and_the_next_one_cleans_up() {
    use std::os::unix::process::ExitStatusExt;
    let s = Scratch::new("killed");
    s.write("in/a.txt", READOUT);
    fs::create_dir_all(s.path("out")).unwrap();
    assert!(run(&s.0, &["build", "in", "-o", "out/c.json"])
        .status
        .success());
    let before = fs::read(s.path("out/c.json")).unwrap();

    // The next output is larger than the file-size limit (RLIMIT_FSIZE, `ulimit -f`, in
    // 512-byte blocks) the build runs under: the kernel kills it (SIGXFSZ) in the middle of
    // writing its temporary file.
    for name in ["b.txt", "c.txt", "d.txt"] {
        s.write(&format!("in/{name}"), READOUT);
    }
    let blocks = before.len() / 512;
    let killed = Command::new("sh")
        .args([
            "-c",
            &format!("ulimit -c 0; ulimit -f {blocks}; exec \"$0\" \"$@\""),
            env!("CARGO_BIN_EXE_readouts"),
            "build",
            "in",
            "-o",
            "out/c.json",
        ])
        .current_dir(&s.0)
        .output()
        .unwrap();
    assert_eq!(killed.status.signal(), Some(libc::SIGXFSZ), "{killed:?}");
    let temps: Vec<String> = s
        .names("out")
        .into_iter()
        .filter(|n| n.starts_with(".c.json.readouts-tmp-"))
        .collect();
    assert_eq!(temps.len(), 1, "{:?}", s.names("out"));
    let partial = fs::read(s.path("out").join(&temps[0])).unwrap();
    assert_eq!(partial.len(), blocks * 512, "the write was cut off");
    assert_eq!(
        fs::read(s.path("out/c.json")).unwrap(),
        before,
        "OUT is whole"
    );

    let next = run(&s.0, &["build", "in", "-o", "out/c.json"]);
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(stderr(&next).contains(&format!("removed out/{}", temps[0])));
    assert_eq!(s.names("out"), ["c.json"]);
    assert_eq!(read_corpus(&s.path("out/c.json")).readouts.len(), 4);
}
