//! File input and output with one-line, file-naming error messages.
//!
//! - [`read_text`] reads a UTF-8 text file up to a [`Cap`] on its size, refusing a missing
//!   path, a directory, a file over the cap, non-UTF-8 bytes and an empty (or
//!   whitespace-only) file, each with its own cause; with [`Accept::Regular`] it also refuses
//!   named pipes, devices and sockets without waiting on them.
//! - [`write_atomic`] writes a file so that readers see either the old or the new content,
//!   never a half-written one: the bytes go to a temporary file in the same directory
//!   (`.OUT.readouts-tmp-<pid>`, locked while it is written), which is flushed to disk and then
//!   renamed over the target. On any failure the temporary file is removed and the target is
//!   left untouched; a temporary file left by a killed run is removed by the next one
//!   ([`remove_stale_temps`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// A failure of the command line, already worded for the user: `<file>: <cause>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

impl Failure {
    /// A failure whose causes were already reported on stderr: nothing more to print.
    pub fn reported() -> Self {
        Failure(String::new())
    }

    pub fn is_reported(&self) -> bool {
        self.0.is_empty()
    }

    /// A failure about `path`, worded `<path>: <cause>`.
    pub fn at(path: &Path, cause: impl std::fmt::Display) -> Self {
        Failure(format!("{}: {cause}", path.display()))
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The cause of an I/O error in plain words, without the "(os error N)" suffix.
pub fn cause(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, expected a file".into(),
        io::ErrorKind::NotADirectory => "a parent of this path is not a directory".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

/// The most a read may bring in, and what the limit is for, to word the refusal.
#[derive(Debug, Clone, Copy)]
pub struct Cap {
    pub bytes: u64,
    /// "a readout file": the message says "… the most a readout file may have".
    pub what: &'static str,
}

/// The cap on one readout file (`parse`, `build`): the core's
/// [`readouts_core::limits::SOURCE_TEXT_BYTES`] (8 MiB), the most a readout's text may have.
/// A readout is a page or two of text (the longest real transcripts are well under 1 MiB);
/// the cap stops a mistaken input (a disk image, `/dev/zero`) from being read whole into
/// memory.
pub const READOUT_CAP: Cap = Cap {
    bytes: readouts_core::limits::SOURCE_TEXT_BYTES as u64,
    what: "a readout file",
};

/// Which kinds of file a read accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Anything but a directory: a file named on the command line, which may be a pipe
    /// (`readouts check /dev/stdin`); the cap bounds what is read from it.
    Named,
    /// Regular files only (a file found in `build`'s folder): the file is opened without
    /// waiting (`O_NONBLOCK`), so a named pipe with no writer cannot hang the command, and the
    /// opened file's own type is checked, not the path's.
    Regular,
}

/// Reads a non-empty UTF-8 text file of at most `cap.bytes` bytes. A file known to be larger is
/// refused before any of it is read; a stream (pipe, device) is read up to the cap, then
/// refused.
pub fn read_text(path: &Path, cap: Cap, accept: Accept) -> Result<String, Failure> {
    let file = open_for_reading(path, accept).map_err(|e| Failure::at(path, cause(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| Failure::at(path, format!("cannot read: {}", cause(&e))))?;
    if meta.is_dir() {
        return Err(Failure::at(path, "is a directory, expected a file"));
    }
    if accept == Accept::Regular && !meta.is_file() {
        return Err(Failure::at(
            path,
            format!(
                "not a regular file but {}; only regular files are read",
                kind_of(&meta.file_type())
            ),
        ));
    }
    if meta.is_file() && meta.len() > cap.bytes {
        return Err(Failure::at(
            path,
            format!(
                "too large: {}, and {} may have at most {}",
                size(meta.len()),
                cap.what,
                size(cap.bytes)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(cap.bytes) as usize);
    file.take(cap.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::at(path, format!("cannot read: {}", cause(&e))))?;
    if bytes.len() as u64 > cap.bytes {
        return Err(Failure::at(
            path,
            format!(
                "too large: it goes on past {}, the most {} may have",
                size(cap.bytes),
                cap.what
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::at(
            path,
            format!(
                "not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Failure::at(
            path,
            if text.is_empty() {
                "file is empty"
            } else {
                "file is empty (only whitespace)"
            },
        ));
    }
    Ok(text)
}

/// Opens `path` for reading; for [`Accept::Regular`], without waiting for a pipe's writer.
fn open_for_reading(path: &Path, accept: Accept) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if accept == Accept::Regular {
        nonblocking(&mut options);
    }
    options.open(path)
}

/// Makes an open return at once even on a named pipe with no writer (reads from a regular file
/// are not affected).
#[cfg(unix)]
fn nonblocking(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn nonblocking(_: &mut OpenOptions) {}

/// "a named pipe (FIFO)", "a character device", …: what a file that is not a regular one is.
fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_symlink() {
        return "a symbolic link";
    }
    "a special file"
}

/// A byte count in words: "812 bytes", "16 MiB", "1.5 GiB".
pub fn size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, scale) in UNITS {
        if bytes >= scale {
            let whole = bytes / scale;
            let tenths = (bytes % scale) * 10 / scale;
            return if tenths == 0 {
                format!("{whole} {unit}")
            } else {
                format!("{whole}.{tenths} {unit}")
            };
        }
    }
    format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" })
}

/// The mark in the names of [`write_atomic`]'s temporary files: `.OUT.readouts-tmp-<pid>`.
const TEMP_MARK: &str = ".readouts-tmp-";

/// The temporary file [`write_atomic`] uses for `path`: hidden, in the same directory, named
/// after the target and this process (`.corpus.json.readouts-tmp-4242`).
fn temp_path(path: &Path) -> PathBuf {
    path.with_file_name(format!(
        ".{}{TEMP_MARK}{}",
        file_name(path),
        std::process::id()
    ))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into())
}

/// The directory `path` is written in.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
///
/// The temporary file is locked (`flock`, where the file system has locks) from its creation
/// to its rename, which tells [`remove_stale_temps`] that its writer is still at work.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_dir() {
        return Err(Failure::at(path, "is a directory, expected a file path"));
    }
    let parent = parent_dir(path);
    if !parent.is_dir() {
        return Err(Failure::at(
            path,
            format!(
                "cannot write: the directory {} does not exist",
                parent.display()
            ),
        ));
    }
    let temp = temp_path(path);
    let result = (|| -> io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        // Best effort: without locks (some network file systems) a cleaner never removes the
        // file, so the lock failing is no reason to fail the write.
        let _ = file.try_lock();
        file.write_all(bytes)?;
        file.sync_all()?;
        // Renamed while still open and locked: the name never holds an unlocked, live file.
        fs::rename(&temp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        Failure::at(path, format!("cannot write: {}", cause(&e)))
    })
}

/// Removes the temporary files that earlier runs writing `path` left behind when they were
/// stopped (killed, out of power), and returns their paths.
///
/// A file is removed only if all of these hold: it is in `path`'s directory, named
/// `.NAME.readouts-tmp-PID` (or `.NAME.PID.tmp`, the name earlier versions used) after
/// `path`'s own name; it is a regular file (not a link); no running process has that PID
/// (checked in `/proc`; where there is none, the lock alone decides); and no one holds its lock
/// (a live writer, even one in another PID namespace, holds it until its rename). Anything
/// else is left alone, and failures to remove are ignored: cleaning up is never a reason for a
/// build to fail.
pub fn remove_stale_temps(path: &Path) -> Vec<PathBuf> {
    let name = file_name(path);
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| temp_owner(n, &name))
        else {
            continue;
        };
        let temp = entry.path();
        if is_stale(&temp, pid) && fs::remove_file(&temp).is_ok() {
            removed.push(temp);
        }
    }
    removed.sort();
    removed
}

/// The PID in the name of a temporary file of `name`: `.NAME.readouts-tmp-PID` or the legacy
/// `.NAME.PID.tmp`; `None` for any other name.
fn temp_owner(file: &str, name: &str) -> Option<u32> {
    let rest = file.strip_prefix('.')?.strip_prefix(name)?;
    let digits = match rest.strip_prefix(TEMP_MARK) {
        Some(pid) => pid,
        None => rest.strip_prefix('.')?.strip_suffix(".tmp")?,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether the temporary file `temp`, written by process `pid`, was left by a writer that is
/// gone (see [`remove_stale_temps`]).
fn is_stale(temp: &Path, pid: u32) -> bool {
    let regular = fs::symlink_metadata(temp).is_ok_and(|m| m.file_type().is_file());
    // This process has written nothing yet: a file with its PID is an earlier process's.
    let ours = pid == std::process::id();
    if !regular || (!ours && is_running(pid)) {
        return false;
    }
    let mut options = OpenOptions::new();
    options.read(true);
    nonblocking(&mut options);
    options.open(temp).is_ok_and(|file| file.try_lock().is_ok())
}

/// Whether a process `pid` is running, as far as `/proc` tells (false where it is absent).
fn is_running(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("readouts-fsio-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn read(path: &Path) -> Result<String, Failure> {
        read_text(path, READOUT_CAP, Accept::Named)
    }

    #[test]
    fn read_text_names_the_cause() {
        let dir = scratch("read");
        let missing = dir.join("missing.txt");
        assert!(read(&missing)
            .unwrap_err()
            .0
            .ends_with("missing.txt: no such file or directory"));
        assert!(read(&dir).unwrap_err().0.contains("is a directory"));
        fs::write(dir.join("e.txt"), "").unwrap();
        assert!(read(&dir.join("e.txt"))
            .unwrap_err()
            .0
            .ends_with("file is empty"));
        fs::write(dir.join("w.txt"), " \n\t\n").unwrap();
        assert!(read(&dir.join("w.txt"))
            .unwrap_err()
            .0
            .contains("only whitespace"));
        fs::write(dir.join("b.txt"), b"ok \xff\xfe").unwrap();
        assert!(read(&dir.join("b.txt"))
            .unwrap_err()
            .0
            .contains("not valid UTF-8 (invalid byte at offset 3)"));
        fs::write(dir.join("g.txt"), "fine").unwrap();
        assert_eq!(read(&dir.join("g.txt")).unwrap(), "fine");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn write_atomic_replaces_and_leaves_no_temp() {
        let dir = scratch("write");
        let out = dir.join("out.json");
        write_atomic(&out, b"one").unwrap();
        write_atomic(&out, b"two").unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
        let err = write_atomic(&dir.join("nope/out.json"), b"x").unwrap_err();
        assert!(err.0.contains("does not exist"), "{err}");
        assert!(write_atomic(&dir, b"x")
            .unwrap_err()
            .0
            .contains("is a directory"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn read_text_stops_at_the_cap() {
        let dir = scratch("cap");
        let tiny = Cap {
            bytes: 8,
            what: "a test file",
        };
        fs::write(dir.join("eight.txt"), "12345678").unwrap();
        assert_eq!(
            read_text(&dir.join("eight.txt"), tiny, Accept::Regular).unwrap(),
            "12345678"
        );
        fs::write(dir.join("nine.txt"), "123456789").unwrap();
        let err = read_text(&dir.join("nine.txt"), tiny, Accept::Regular).unwrap_err();
        assert!(
            err.0.ends_with(
                "nine.txt: too large: 9 bytes, and a test file may have at most 8 bytes"
            ),
            "{err}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size(1), "1 byte");
        assert_eq!(size(1023), "1023 bytes");
        assert_eq!(size(16 << 20), "16 MiB");
        assert_eq!(size(3 << 29), "1.5 GiB");
    }

    #[test]
    fn temp_names_are_recognised_only_for_their_target() {
        assert_eq!(temp_owner(".c.json.readouts-tmp-42", "c.json"), Some(42));
        assert_eq!(temp_owner(".c.json.42.tmp", "c.json"), Some(42));
        for other in [
            ".c.json.readouts-tmp-",
            ".c.json.readouts-tmp-4x",
            ".c.json.readouts-tmp--4",
            ".d.json.readouts-tmp-42",
            "c.json.readouts-tmp-42",
            ".c.json.bak",
            ".c.json.x.tmp",
            ".c.json.readouts-tmp-99999999999999999999",
        ] {
            assert_eq!(temp_owner(other, "c.json"), None, "{other}");
        }
    }
}
