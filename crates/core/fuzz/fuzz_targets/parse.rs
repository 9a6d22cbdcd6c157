//! Fuzz target: [`readouts_core::parse`] on any input never panics, never hangs, and returns a
//! readout that keeps every invariant the rest of the system relies on: the corpus
//! validation (statement and diagnostic spans inside `source.text` and on char boundaries,
//! every speaker a participant who is not an attendee and listed once, unique ids, statement
//! ids `<readout id>-s<n>`, real dates), and non-empty statement texts and verbs.
//!
//! Any byte string is read as UTF-8 with invalid sequences replaced, so every input reaches
//! the parser. A violated invariant panics, which libFuzzer reports as a crash with the input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use readouts_core::validate::validate;
use readouts_core::{parse, Corpus, SCHEMA_VERSION};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let readout = parse(&text);
    for statement in &readout.statements {
        assert!(
            !statement.text.trim().is_empty() && !statement.verb.trim().is_empty(),
            "statement {} has an empty text or verb",
            statement.id
        );
    }
    let corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        readouts: vec![readout],
    };
    let problems = validate(&corpus);
    assert!(problems.is_empty(), "invalid readout: {problems:#?}");
});
