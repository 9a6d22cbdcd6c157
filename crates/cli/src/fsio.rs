//! File input and output with one-line, file-naming error messages.
//!
//! - [`read_text`] reads a UTF-8 text file, refusing a missing path, a directory, non-UTF-8
//!   bytes and an empty (or whitespace-only) file, each with its own cause.
//! - [`write_atomic`] writes a file so that readers see either the old or the new content,
//!   never a half-written one: the bytes go to a temporary file in the same directory, which is
//!   flushed to disk and then renamed over the target. On any failure the temporary file is
//!   removed and the target is left untouched.

use std::fs;
use std::io::{self, Write};
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

/// Reads a non-empty UTF-8 text file.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let meta = fs::metadata(path).map_err(|e| Failure::at(path, cause(&e)))?;
    if meta.is_dir() {
        return Err(Failure::at(path, "is a directory, expected a file"));
    }
    let bytes =
        fs::read(path).map_err(|e| Failure::at(path, format!("cannot read: {}", cause(&e))))?;
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

/// The temporary file [`write_atomic`] uses for `path`: hidden, in the same directory.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_dir() {
        return Err(Failure::at(path, "is a directory, expected a file path"));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
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
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        Failure::at(path, format!("cannot write: {}", cause(&e)))
    })
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

    #[test]
    fn read_text_names_the_cause() {
        let dir = scratch("read");
        let missing = dir.join("missing.txt");
        assert!(read_text(&missing)
            .unwrap_err()
            .0
            .ends_with("missing.txt: no such file or directory"));
        assert!(read_text(&dir).unwrap_err().0.contains("is a directory"));
        fs::write(dir.join("e.txt"), "").unwrap();
        assert!(read_text(&dir.join("e.txt"))
            .unwrap_err()
            .0
            .ends_with("file is empty"));
        fs::write(dir.join("w.txt"), " \n\t\n").unwrap();
        assert!(read_text(&dir.join("w.txt"))
            .unwrap_err()
            .0
            .contains("only whitespace"));
        fs::write(dir.join("b.txt"), b"ok \xff\xfe").unwrap();
        assert!(read_text(&dir.join("b.txt"))
            .unwrap_err()
            .0
            .contains("not valid UTF-8 (invalid byte at offset 3)"));
        fs::write(dir.join("g.txt"), "fine").unwrap();
        assert_eq!(read_text(&dir.join("g.txt")).unwrap(), "fine");
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
}
