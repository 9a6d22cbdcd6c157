//! `readouts check FILE`: read a corpus file and report every problem with its location.
//!
//! The file is read up to [`CORPUS_CAP`], so a huge file or an endless stream (`/dev/zero`)
//! ends at once with a clear error instead of filling memory.

use crate::fsio::{read_text, Accept, Cap, Failure};
use readouts_core::validate::{validate, Problem};
use readouts_core::Corpus;
use std::path::Path;

/// The cap on a corpus file: 64 MiB for now (the bundled corpus is far below it); the core's
/// limit, shared with the app, is to replace it.
pub const CORPUS_CAP: Cap = Cap {
    bytes: 64 * 1024 * 1024,
    what: "a corpus file",
};

/// The outcome of checking a corpus that could be read.
pub struct Report {
    pub corpus: Corpus,
    pub problems: Vec<Problem>,
}

/// Reads and validates a corpus. A file that cannot be read, malformed JSON (with line and
/// column) or another schema version is a [`Failure`]; invariant violations are in the report.
pub fn check(path: &Path) -> Result<Report, Failure> {
    let json = read_text(path, CORPUS_CAP, Accept::Named)?;
    let corpus = Corpus::from_json(&json).map_err(|e| Failure::at(path, e))?;
    let problems = validate(&corpus);
    Ok(Report { corpus, problems })
}
