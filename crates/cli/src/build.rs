//! `readouts parse` and `readouts build`: readout files → one corpus.
//!
//! The files are parsed in the order given (`parse`) or in file-name order (`build`), readout
//! ids are made unique in that order, and the corpus is serialized with
//! [`Corpus::to_json`] (compact, as `build` writes it; `parse` prints it indented, with
//! [`Corpus::to_json_pretty`]), so the same inputs always give byte-identical output. A file that cannot
//! be read fails the whole command (every such file is reported first); parser diagnostics of
//! level error are only warnings.
//!
//! `parse` reads each file it is given, a pipe included, up to [`READOUT_CAP`]; `build` reads
//! its folder's files as [`Folder`] says (regular files only, links kept inside the folder),
//! and before writing removes the temporary files that killed earlier builds of the same
//! output left behind ([`remove_stale_temps`]).

use crate::folder::Folder;
use crate::fsio::{read_text, remove_stale_temps, write_atomic, Accept, Failure, READOUT_CAP};
use crate::load::{load, make_ids_unique};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use readouts_core::Corpus;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

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

/// Parses the files named on `parse`'s command line, in order, into one corpus.
pub fn corpus_of_named(files: &[PathBuf]) -> Result<Corpus, Failure> {
    corpus_of(files, |path| read_text(path, READOUT_CAP, Accept::Named))
}

/// Reads (with `read`) and parses `files` in order into one corpus. Warnings go to stderr as
/// they come; every file that cannot be read or loaded is reported on stderr and the result is
/// then an error.
fn corpus_of(
    files: &[PathBuf],
    read: impl Fn(&Path) -> Result<String, Failure>,
) -> Result<Corpus, Failure> {
    let bar = progress(files.len());
    let mut readouts = Vec::with_capacity(files.len());
    let mut failed = 0usize;
    for path in files {
        if let Some(name) = path.file_name() {
            bar.set_message(name.to_string_lossy().into_owned());
        }
        match read(path).and_then(|text| load(path, &text)) {
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

/// `readouts build DIR -o OUT [--follow-external-links]`.
pub fn build(dir: &Path, out: &Path, follow_external_links: bool) -> Result<Corpus, Failure> {
    let folder = Folder::new(dir, follow_external_links)?;
    let files = folder.list_txt()?;
    let corpus = corpus_of(&files, |path| folder.read(path)).map_err(|f| {
        Failure(format!(
            "build failed: {f}; {} was not written",
            out.display()
        ))
    })?;
    for temp in remove_stale_temps(out) {
        eprintln!(
            "removed {}: a temporary file left by an earlier run that was stopped",
            temp.display()
        );
    }
    write_atomic(out, corpus.to_json().as_bytes())?;
    Ok(corpus)
}
