//! Inputs the fuzz target (`fuzz/`) and the property tests once broke the parser with,
//! minimized, each checked against the corpus validation.

use readouts_core::validate::validate;
use readouts_core::{parse, Corpus, SCHEMA_VERSION};

fn assert_valid(text: &str) {
    let corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        readouts: vec![parse(text)],
    };
    let problems = validate(&corpus);
    assert!(problems.is_empty(), "{text:?}: {problems:#?}");
}

/// Two mentions of one person in a subject ("Halvard", "Halvard S") made a joint statement
/// that listed the same speaker twice (fuzz, minimized; the byte 0xE7 read as U+FFFD).
#[test]
fn one_person_twice_in_a_subject_is_one_speaker() {
    assert_valid("w Halvard\u{fffd}Halvard S added.");
    // The same from the property tests: a name, a comma, the same first name.
    assert_valid("Lina Northern , Lina said President \u{201d}");
}
