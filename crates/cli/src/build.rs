//! `readouts parse` and `readouts build`: readout files → one corpus.
//!
//! The files are parsed in the order given (`parse`) or in file-name order (`build`), readout
//! ids are made unique in that order, and the corpus is serialized with
//! [`Corpus::to_json`], so the same inputs always give byte-identical output. A file that cannot
//! be read fails the whole command (every such file is reported first); parser diagnostics of
//! level error are only warnings.

use crate::fsio::{cause, write_atomic, Failure};
use crate::load::{load, make_ids_unique};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use readouts_core::Corpus;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The `.txt` files directly in `dir` (not recursive), sorted by file name. Hidden files
/// (`.name.txt`, e.g. editor backups) and directories are skipped.
pub fn list_txt(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let meta = std::fs::metadata(dir).map_err(|e| Failure::at(dir, cause(&e)))?;
    if !meta.is_dir() {
        return Err(Failure::at(dir, "not a directory"));
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::at(dir, format!("cannot list: {}", cause(&e))))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Failure::at(dir, format!("cannot list: {}", cause(&e))))?;
        let name = entry.file_name();
        let path = entry.path();
        let hidden = name.to_string_lossy().starts_with('.');
        let txt = path.extension().is_some_and(|ext| ext == "txt");
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

/// A progress bar on stderr, drawn only when stderr is a terminal.
fn progress(len: usize) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} parsing [{bar:40}] {pos}/{len} files {wide_msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Parses `files` in order into one corpus. Warnings go to stderr as they come; every file
/// that cannot be loaded is reported on stderr and the result is then an error.
pub fn corpus_of(files: &[PathBuf]) -> Result<Corpus, Failure> {
    let bar = progress(files.len());
    let mut readouts = Vec::with_capacity(files.len());
    let mut failed = 0usize;
    for path in files {
        if let Some(name) = path.file_name() {
            bar.set_message(name.to_string_lossy().into_owned());
        }
        match load(path) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    bar.suspend(|| eprintln!("warning: {warning}"));
                }
                readouts.push(loaded.readout);
            }
            Err(failure) => {
                failed += 1;
                bar.suspend(|| eprintln!("error: {failure}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if failed > 0 {
        return Err(Failure(format!(
            "{failed} of {} file{} could not be read",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )));
    }
    make_ids_unique(&mut readouts);
    Ok(Corpus::new(readouts))
}

/// `readouts build DIR -o OUT`.
pub fn build(dir: &Path, out: &Path) -> Result<Corpus, Failure> {
    let files = list_txt(dir)?;
    let corpus = corpus_of(&files).map_err(|f| {
        Failure(format!(
            "build failed: {f}; {} was not written",
            out.display()
        ))
    })?;
    write_atomic(out, corpus.to_json().as_bytes())?;
    Ok(corpus)
}
