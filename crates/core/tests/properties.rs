//! Property tests: the parser never panics, and what it returns is always well-formed,
//! whatever the input: arbitrary Unicode, and real readouts (the seed and every fixture in
//! `tests/fixtures/`, found in the folder) cut, spliced and salted with multi-byte characters
//! at arbitrary positions. 10,000+ cases per run.

mod common;

use proptest::prelude::*;
use readouts_core::validate::validate;
use readouts_core::{parse, Corpus, Readout, SCHEMA_VERSION};
use std::sync::OnceLock;

/// Every invariant the rest of the system relies on: the corpus validation (ids, speakers
/// that are non-attendee participants listed once, spans on char boundaries inside the text,
/// statement spans inside the prose, real dates), the same checks written out so that a
/// failure names the span or speaker at fault, and a normalized stored text.
fn check(readout: &Readout) -> Result<(), TestCaseError> {
    let corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        readouts: vec![readout.clone()],
    };
    let problems = validate(&corpus);
    prop_assert!(problems.is_empty(), "invalid readout: {problems:?}");
    let text = &readout.source.text;
    let spans = readout
        .statements
        .iter()
        .map(|s| s.span)
        .chain(readout.diagnostics.iter().filter_map(|d| d.span));
    for span in spans {
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} outside the text"
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} not on char boundaries"
        );
    }
    // The prose (what the readout page shows) starts inside the text on a char boundary, and
    // every statement is a sentence of it, never of the `date` line before it.
    let prose_start = readout.source.prose_start;
    prop_assert!(
        text.is_char_boundary(prose_start),
        "prose_start {prose_start} is not a char boundary of the text ({} bytes)",
        text.len()
    );
    for statement in &readout.statements {
        prop_assert!(
            statement.span.start >= prose_start,
            "{} starts before the prose ({prose_start}): {:?}",
            statement.id,
            statement.span
        );
    }
    // The stored text is normalized (what `normalize` promises): no CR, no non-breaking or
    // doubled spaces, no space at either end of a line, at most one blank line in a row.
    prop_assert!(!text.contains('\r'), "CR in source.text");
    prop_assert!(
        !text.contains('\u{a0}'),
        "non-breaking space in source.text"
    );
    prop_assert!(
        !text.contains("  "),
        "doubled space in source.text: {text:?}"
    );
    prop_assert!(
        !text.contains(" \n") && !text.contains("\n "),
        "a line with an outer space: {text:?}"
    );
    prop_assert!(
        !text.contains("\n\n\n"),
        "two blank lines in a row: {text:?}"
    );
    for statement in &readout.statements {
        prop_assert!(!statement.speakers.is_empty());
        for speaker in statement.speakers.iter() {
            prop_assert!(
                readout.participants.iter().any(|p| &p.id == speaker),
                "speaker {speaker} is not a participant"
            );
        }
        prop_assert!(statement.id.starts_with(&readout.id));
    }
    Ok(())
}

/// The seed and every fixture readout, read once.
fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(common::readout_texts)
}

/// The nearest char boundary at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Insertions that stress byte/char handling and the parser's punctuation rules.
const SALT: &[&str] = &[
    "é",
    "中文",
    "😀",
    "\u{200b}",
    "&amp;",
    "&#x1F600;",
    "\r\n",
    "\n\n",
    ". ",
    ": ",
    "“",
    "”",
    "\"",
    "’s",
    " said that ",
    " stressed ",
    "President ",
    " and ",
    "(SCO)",
    "-",
    "—",
    "&nbsp;",
    "\u{a0}",
    "Ş",
    "ǅ",
    "İ",
    "ß",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_parses_to_a_valid_readout(text in any::<String>()) {
        check(&parse(&text))?;
    }

    #[test]
    fn readout_like_text_parses_to_a_valid_readout(
        words in prop::collection::vec(prop::sample::select(vec![
            "President", "Lina", "Orsk", "met", "with", "Tomas", "Brenn", "said", "that", "stressed",
            "He", "They", "The", "two", "sides", "agreed", ".", ",", ":", "\n", "\n\n", "“", "”", "\"",
            "(NTC)", "Northern", "Trade", "Council", "on", "July", "3,", "2031", "date", "2031-07-04",
            "Ólafur", "中", "😀", "-", "1.", "were", "present", "According", "to", "é",
        ]), 0..80)
    ) {
        check(&parse(&words.join(" ")))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_readouts_parse_to_valid_readouts(
        sample in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..SALT.len(), 0usize..40, any::<bool>()), 1..6),
    ) {
        let mut text = sample.get(samples()).clone();
        for (at, salt, cut, insert) in edits {
            let start = floor(&text, at.index(text.len() + 1));
            if insert {
                text.insert_str(start, SALT[salt]);
            } else {
                let end = floor(&text, start + cut);
                text.replace_range(start..end, "");
            }
        }
        let readout = parse(&text);
        check(&readout)?;
        // Ids and links depend on it: the same text always gives the same readout.
        prop_assert!(parse(&text) == readout, "two parses of one text differ");
    }
}

/// Every sample, unchanged, parses to a valid readout: the mutations above start from a
/// random one, and this makes sure none is left out.
#[test]
fn every_sample_parses_to_a_valid_readout() {
    let samples = samples();
    // The seed and at least the 26 fixtures of the first fixture set.
    assert!(samples.len() > 26, "only {} samples", samples.len());
    for (index, text) in samples.iter().enumerate() {
        check(&parse(text)).unwrap_or_else(|e| panic!("sample #{index}: {e}"));
    }
}

/// A multi-byte character at every position of a real readout's opening.
#[test]
fn multibyte_characters_at_every_position() {
    let seed = &samples()[0];
    let opening = &seed[..floor(seed, 700)];
    for (at, _) in opening.char_indices() {
        for salt in ["é", "中", "😀"] {
            let mut text = opening.to_string();
            text.insert_str(at, salt);
            let readout = parse(&text);
            check(&readout).unwrap_or_else(|e| panic!("{salt} at {at}: {e}"));
        }
    }
}

/// The `date` line is the publication date and nothing else: with or without it, on its own
/// line or on the first line of the prose, every sample gives the same statements, the
/// prose starts right after it, and nothing of the line is shown as the readout.
#[test]
fn the_date_line_is_never_part_of_the_prose() {
    for (index, sample) in samples().iter().enumerate() {
        let bare = without_date_line(sample);
        let plain = parse(bare);
        check(&plain).unwrap_or_else(|e| panic!("sample #{index} without its date line: {e}"));
        assert_eq!(plain.source.prose_start, 0, "sample #{index}");
        for line in [
            "date 2030-01-01\n\n",
            "date 2030-01-01\n",
            "Date: 2030-01-01 ",
        ] {
            let dated = parse(&format!("{line}{bare}"));
            let at = format!("sample #{index} after {line:?}");
            check(&dated).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(dated.published.as_deref(), Some("2030-01-01"), "{at}");
            let (head, prose) = dated.source.text.split_at(dated.source.prose_start);
            assert_eq!(head.trim_end(), line.trim_end(), "{at}");
            assert_eq!(prose, plain.source.text, "{at}");
            // The same statements, each at the same place of the prose.
            let shifted = |r: &Readout| -> Vec<_> {
                r.statements
                    .iter()
                    .map(|s| {
                        let span = [s.span.start, s.span.end].map(|b| b - r.source.prose_start);
                        (s.speakers.clone(), s.verb.clone(), s.text.clone(), span)
                    })
                    .collect()
            };
            assert_eq!(shifted(&dated), shifted(&plain), "{at}");
        }
    }
}

/// `text` without its opening `date YYYY-MM-DD` (and the spaces and blank lines after it), on
/// its own line or on the first line of the prose (as in the seed), if it has one.
fn without_date_line(text: &str) -> &str {
    let Some(rest) = text.trim_start().strip_prefix("date ") else {
        return text;
    };
    match rest.split_at_checked(10) {
        Some((date, after))
            if date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && after.chars().next().is_none_or(char::is_whitespace) =>
        {
            after.trim_start()
        }
        _ => text,
    }
}
