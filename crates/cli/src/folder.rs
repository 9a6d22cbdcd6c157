//! The readout files of `readouts build`'s folder: which files are read, and how.
//!
//! - **Listed**: the `.txt` names directly in the folder (not recursively), in file-name order;
//!   hidden names (`.name.txt`, e.g. editor backups) and directories (or links to them) are
//!   skipped.
//! - **Regular files only**: a listed name that is a named pipe (FIFO), a device or a socket is
//!   refused with its kind named, without being opened in a way that could wait (see
//!   [`Accept::Regular`]): a FIFO would otherwise hang the build until something writes to it.
//! - **Symbolic links** are followed when the file they finally lead to (every link in the
//!   chain resolved) is inside the folder. A link that leads outside it is refused unless
//!   `--follow-external-links` is given, so that a stray link cannot pull a file from elsewhere
//!   on the machine (a key, a private note) into a corpus that gets published. A broken link is
//!   refused. (A hard link is an ordinary file and is read like one.)
//!
//! Each refused file fails the build like an unreadable one: every such file is reported, and
//! the output is not written.

use crate::fsio::{cause, read_text, Accept, Failure, READOUT_CAP};
use std::fs;
use std::path::{Path, PathBuf};

/// A folder of readout files and how its links are treated.
pub struct Folder {
    /// The folder as given, to name files in messages as the user wrote them.
    dir: PathBuf,
    /// The folder with every link resolved: the boundary links must stay within.
    root: PathBuf,
    follow_external_links: bool,
}

impl Folder {
    /// The folder `dir`, which must exist and be a directory.
    pub fn new(dir: &Path, follow_external_links: bool) -> Result<Self, Failure> {
        let meta = fs::metadata(dir).map_err(|e| Failure::at(dir, cause(&e)))?;
        if !meta.is_dir() {
            return Err(Failure::at(dir, "not a directory"));
        }
        let root = fs::canonicalize(dir).map_err(|e| Failure::at(dir, cause(&e)))?;
        Ok(Folder {
            dir: dir.to_path_buf(),
            root,
            follow_external_links,
        })
    }

    /// The `.txt` files to read, sorted by file name (see the module doc for what is skipped).
    pub fn list_txt(&self) -> Result<Vec<PathBuf>, Failure> {
        let dir = &self.dir;
        let entries = fs::read_dir(dir)
            .map_err(|e| Failure::at(dir, format!("cannot list: {}", cause(&e))))?;
        let mut files = Vec::new();
        for entry in entries {
            let entry =
                entry.map_err(|e| Failure::at(dir, format!("cannot list: {}", cause(&e))))?;
            let name = entry.file_name();
            let path = entry.path();
            let hidden = name.to_string_lossy().starts_with('.');
            let txt = path.extension().is_some_and(|ext| ext == "txt");
            // `is_dir` follows links and never opens the file: it cannot wait on a FIFO.
            if txt && !hidden && !path.is_dir() {
                files.push((name, path));
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(Failure::at(dir, "no .txt files in this directory"));
        }
        Ok(files.into_iter().map(|(_, path)| path).collect())
    }

    /// Reads one listed file: a link is checked first, then the file must be a regular one of
    /// at most [`READOUT_CAP`].
    pub fn read(&self, path: &Path) -> Result<String, Failure> {
        self.admit_link(path)?;
        read_text(path, READOUT_CAP, Accept::Regular)
    }

    /// Refuses a broken link, and a link leading outside the folder unless allowed.
    fn admit_link(&self, path: &Path) -> Result<(), Failure> {
        let meta = fs::symlink_metadata(path)
            .map_err(|e| Failure::at(path, format!("cannot read: {}", cause(&e))))?;
        if !meta.file_type().is_symlink() {
            return Ok(());
        }
        let written = fs::read_link(path)
            .map(|target| target.display().to_string())
            .unwrap_or_else(|_| "?".into());
        let target = fs::canonicalize(path).map_err(|e| {
            Failure::at(
                path,
                format!("a broken symbolic link (to {written}: {})", cause(&e)),
            )
        })?;
        if target.starts_with(&self.root) || self.follow_external_links {
            return Ok(());
        }
        Err(Failure::at(
            path,
            format!(
                "a symbolic link to {}, outside {}; pass --follow-external-links to read it",
                target.display(),
                self.dir.display()
            ),
        ))
    }
}
