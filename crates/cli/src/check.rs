//! `readouts check FILE`: read a corpus file and report every problem with its location.

use crate::fsio::{read_text, Failure};
use readouts_core::validate::{validate, Problem};
use readouts_core::Corpus;
use std::path::Path;

/// The outcome of checking a corpus that could be read.
pub struct Report {
    pub corpus: Corpus,
    pub problems: Vec<Problem>,
}

/// Reads and validates a corpus. A file that cannot be read, malformed JSON (with line and
/// column) or another schema version is a [`Failure`]; invariant violations are in the report.
pub fn check(path: &Path) -> Result<Report, Failure> {
    let json = read_text(path)?;
    let corpus = Corpus::from_json(&json).map_err(|e| Failure::at(path, e))?;
    let problems = validate(&corpus);
    Ok(Report { corpus, problems })
}
