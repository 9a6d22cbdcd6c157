//! `readouts check FILE`: read a corpus file and report every problem with its location.
//!
//! The file is read up to [`CORPUS_CAP`], so a huge file or an endless stream (`/dev/zero`)
//! ends at once with a clear error instead of filling memory.

use crate::fsio::{read_text, Accept, Cap, Failure};
use readouts_core::validate::{validate, Problem};
use readouts_core::{limits, Corpus};
use std::path::Path;

/// The cap on a corpus file: the core's [`limits::CORPUS_BYTES`], which the app applies too
/// (a leading byte-order mark is skipped by the reader).
pub const CORPUS_CAP: Cap = Cap {
    bytes: limits::CORPUS_BYTES as u64 + 3,
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
    // Values past the limits are reported among the other problems, each located.
    let corpus = Corpus::from_json_unlimited(&json).map_err(|e| Failure::at(path, e))?;
    let problems = validate(&corpus);
    Ok(Report { corpus, problems })
}
