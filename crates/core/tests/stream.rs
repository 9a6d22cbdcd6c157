//! The streaming reader against the whole-file reader: for any corpus file cut into chunks of
//! any sizes, [`CorpusReader`] gives the same corpus as [`Corpus::from_json_bytes`], or fails
//! where it fails.

use proptest::prelude::*;
use readouts_core::stream::CorpusReader;
use readouts_core::{parse, Corpus, CorpusError};
use std::sync::OnceLock;

/// A generated corpus of a few dozen readouts (hostile characters included: quotes, braces and
/// brackets in strings), as the compact file the build writes.
fn corpus_file() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| {
        let mut readouts: Vec<_> = readouts_synth::corpus(30, 5)
            .iter()
            .map(|(_, text)| parse(text))
            .collect();
        // Strings that a byte scanner could mistake for structure.
        readouts[0].title =
            r#"Braces { and } brackets [ ] , a "quote", a \ backslash: "readouts":["#.into();
        readouts[1].source.publisher = Some("}]} \u{2028} é 🎌".into());
        Corpus::new(readouts).to_json()
    })
}

/// Reads `bytes` through a [`CorpusReader`] in chunks of the given sizes (cycled).
fn streamed(bytes: &[u8], sizes: &[usize]) -> Result<Corpus, CorpusError> {
    let mut reader = CorpusReader::new();
    let mut rest = bytes;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, tail) = rest.split_at((*size).clamp(1, rest.len()));
        if let Err(err) = reader.push(chunk) {
            // Every later push and the end give the same error.
            assert_eq!(reader.push(b"more").unwrap_err(), err);
            assert_eq!(reader.finish().unwrap_err(), err);
            return Err(err);
        }
        rest = tail;
    }
    reader.finish()
}

/// Both readers agree: the same corpus, or both fail.
fn agree(bytes: &[u8], sizes: &[usize]) {
    let whole = Corpus::from_json_bytes(bytes);
    let stream = streamed(bytes, sizes);
    match (&whole, &stream) {
        (Ok(a), Ok(b)) => assert!(a == b, "different corpora"),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "whole: {:?}\nstreamed: {:?}",
            whole.as_ref().map(|c| c.readouts.len()),
            stream.as_ref().map(|c| c.readouts.len())
        ),
    }
}

#[test]
fn any_chunk_sizes_give_the_same_corpus() {
    let file = corpus_file().as_bytes();
    let whole = Corpus::from_json_bytes(file).expect("the generated corpus reads");
    assert_eq!(whole.readouts.len(), 30);
    for sizes in [
        &[1][..],
        &[2],
        &[3, 5, 7],
        &[64],
        &[4096],
        &[1 << 20],
        &[1, 1000, 2, 333],
    ] {
        assert!(
            streamed(file, sizes).expect("streams") == whole,
            "{sizes:?}"
        );
    }
}

#[test]
fn an_indented_file_a_byte_order_mark_and_the_seed_stream_too() {
    let whole = Corpus::from_json_bytes(corpus_file().as_bytes()).unwrap();
    let pretty = whole.to_json_pretty();
    assert!(streamed(pretty.as_bytes(), &[17]).unwrap() == whole);
    let bom = format!("\u{feff}{}", corpus_file());
    assert!(streamed(bom.as_bytes(), &[1]).unwrap() == whole);
    assert!(streamed(bom.as_bytes(), &[2, 5]).unwrap() == whole);
    let empty = Corpus::new(Vec::new()).to_json();
    assert!(streamed(empty.as_bytes(), &[1]).unwrap() == Corpus::new(Vec::new()));
}

#[test]
fn a_schema_version_after_the_readouts_is_read_whole_with_the_same_result() {
    let whole = Corpus::from_json_bytes(corpus_file().as_bytes()).unwrap();
    let readouts = serde_json::to_string(&whole.readouts).unwrap();
    let reordered = format!(r#"{{"readouts":{readouts},"schema_version":1}}"#);
    assert!(streamed(reordered.as_bytes(), &[100]).unwrap() == whole);
    let newer = format!(r#"{{"readouts":{readouts},"schema_version":2}}"#);
    assert_eq!(
        streamed(newer.as_bytes(), &[100]).unwrap_err(),
        Corpus::from_json_bytes(newer.as_bytes()).unwrap_err()
    );
    let first = format!(r#"{{"schema_version":2,"readouts":{readouts}}}"#);
    assert_eq!(
        streamed(first.as_bytes(), &[100]).unwrap_err(),
        CorpusError::SchemaVersion {
            found: 2,
            expected: 1
        }
    );
}

#[test]
fn an_error_inside_a_readout_is_located_in_the_file() {
    let file = corpus_file();
    // The second readout's id becomes a number: a type error inside that readout (the JSON
    // stays well-formed: the whole-file reader reports syntax errors before type errors).
    let value = file.match_indices(r#"{"id":""#).nth(1).unwrap().0 + 6;
    let value_end = value + 1 + file[value + 1..].find('"').unwrap();
    let broken = format!("{}7{}", &file[..value], &file[value_end + 1..]);
    let whole = Corpus::from_json_bytes(broken.as_bytes()).unwrap_err();
    assert!(matches!(whole, CorpusError::Json { .. }));
    assert_eq!(streamed(broken.as_bytes(), &[1000]).unwrap_err(), whole);
    // And in an indented file, on a later line.
    let pretty = Corpus::from_json_bytes(file.as_bytes())
        .unwrap()
        .to_json_pretty();
    let at = pretty.match_indices("\"title\": \"").nth(2).unwrap().0;
    let broken = format!("{}\"title\": 12,{}", &pretty[..at], &pretty[at..]);
    let whole = Corpus::from_json_bytes(broken.as_bytes()).unwrap_err();
    assert_eq!(streamed(broken.as_bytes(), &[333]).unwrap_err(), whole);
}

#[test]
fn a_cut_file_fails() {
    let file = corpus_file().as_bytes();
    for cut in [1, 20, file.len() / 2, file.len() - 3] {
        assert!(streamed(&file[..cut], &[50]).is_err(), "cut at {cut}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Cut, salted or spliced files: the readers agree, whatever the chunks.
    #[test]
    fn damaged_files_are_read_alike(
        at in 0.0f64..1.0,
        byte in prop::sample::select(b"{}[],:\"\\ 0an-".to_vec()),
        damage in 0..4u8,
        sizes in prop::collection::vec(1usize..300, 1..4),
    ) {
        let file = corpus_file().as_bytes();
        let at = ((file.len() as f64) * at) as usize;
        let mut bytes = file.to_vec();
        match damage {
            0 => bytes.truncate(at),
            1 => bytes[at.min(file.len() - 1)] = byte,
            2 => bytes.insert(at, byte),
            _ => { bytes.remove(at.min(file.len() - 1)); }
        }
        agree(&bytes, &sizes);
    }
}
