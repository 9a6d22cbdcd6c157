//! The corpus limits: `readouts check` (validation) and the app's reader (`Corpus::from_json`)
//! accept and refuse the same corpora, at each limit and one past it; and what the parser makes
//! is always within them, so `readouts build` never writes a corpus either would refuse.

use proptest::prelude::*;
use readouts_core::limits::{self, LIMITS};
use readouts_core::validate::{validate, validate_json};
use readouts_core::{parse, Corpus, CorpusError, Readout};

const SEED: &str = include_str!("../../../corpus/000_fd7bf9b92fd71b0c.txt");

/// The seed readout, parsed: a real, valid readout to push to the limits.
fn seed() -> Readout {
    parse(SEED)
}

/// A string of exactly `bytes` bytes made of `unit` repeated, padded with ASCII where a
/// multi-byte unit does not divide the length.
fn filled(unit: char, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes);
    while s.len() + unit.len_utf8() <= bytes {
        s.push(unit);
    }
    while s.len() < bytes {
        s.push('x');
    }
    s
}

/// The fields a limit governs: a name for messages, the JSON path it is reported at, its
/// limit, and how to set it on a readout.
type Setter = fn(&mut Readout, String);

fn fields() -> Vec<(&'static str, &'static str, usize, Setter)> {
    vec![
        ("title", "readouts[0].title", limits::TITLE_BYTES, |r, v| {
            r.title = v
        }),
        (
            "statement text",
            "readouts[0].statements[0].text",
            limits::STATEMENT_TEXT_BYTES,
            |r, v| r.statements[0].text = v,
        ),
        (
            "participant name",
            "readouts[0].participants[0].name",
            limits::LABEL_BYTES,
            |r, v| r.participants[0].name = v,
        ),
        (
            "alias",
            "readouts[0].participants[0].aliases[0]",
            limits::LABEL_BYTES,
            |r, v| r.participants[0].aliases = vec![v],
        ),
        (
            "participant title",
            "readouts[0].participants[0].title",
            limits::LABEL_BYTES,
            |r, v| r.participants[0].title = Some(v),
        ),
        (
            "publisher",
            "readouts[0].source.publisher",
            limits::LABEL_BYTES,
            |r, v| r.source.publisher = Some(v),
        ),
        (
            "location",
            "readouts[0].event.location",
            limits::LABEL_BYTES,
            |r, v| r.event.location = Some(v),
        ),
        (
            "url",
            "readouts[0].source.url",
            limits::URL_BYTES,
            |r, v| r.source.url = Some(v),
        ),
        (
            "verb",
            "readouts[0].statements[0].verb",
            limits::LABEL_BYTES,
            |r, v| r.statements[0].verb = v.into(),
        ),
        (
            "topic",
            "readouts[0].topics[0]",
            limits::LABEL_BYTES,
            |r, v| r.topics[0] = v.into(),
        ),
        ("readout id", "readouts[0].id", limits::ID_BYTES, |r, v| {
            r.set_id(v)
        }),
    ]
}

/// What the two readers say of one corpus JSON: the app's reader accepts it, and validation
/// finds no problem — always both or neither.
fn verdicts(json: &str) -> (bool, Vec<String>) {
    let app = Corpus::from_json(json).is_ok();
    let check: Vec<String> = validate_json(json)
        .map(|problems| problems.iter().map(|p| p.path.clone()).collect())
        .unwrap_or_else(|err| vec![err.to_string()]);
    (app, check)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// At a limit both readers accept; one byte past it both refuse, and check names the field.
    #[test]
    fn check_and_app_agree_at_every_limit(
        field in 0..11usize,
        unit in prop::sample::select(vec!['T', 'é', '€', '𝕏', ' ', '"', '<']),
        over in any::<bool>(),
    ) {
        let (name, path, max, set) = fields()[field];
        let mut readout = seed();
        set(&mut readout, filled(unit, max + usize::from(over)));
        let json = Corpus::new(vec![readout]).to_json();
        let (app, check) = verdicts(&json);
        prop_assert_eq!(app, check.is_empty(), "{}: app {} but check {:?}", name, app, check);
        if over {
            prop_assert!(!app, "{} one byte past its limit was accepted", name);
            prop_assert!(check.iter().any(|p| p == path), "{}: {:?}", name, check);
        } else {
            prop_assert!(app, "{} at its limit was refused: {:?}", name, check);
        }
    }

    /// The parser's output is within the limits, whatever the lengths of its input's pieces.
    #[test]
    fn parsed_readouts_are_within_the_limits(
        heading in 1..3000usize,
        name in 1..2000usize,
        sentence in 1..30_000usize,
        letter in prop::sample::select(vec!['T', 'ø', 'Q']),
    ) {
        let text = format!(
            "{}\n\nPresident {} Vell met Prime Minister Ana Ostra in Miravel.\n\n\
             President {} Vell said that {}.\n",
            filled(letter, heading),
            filled(letter, name),
            filled(letter, name),
            filled(letter, sentence),
        );
        let corpus = Corpus::new(vec![parse(&text)]);
        let problems = validate(&corpus);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert!(Corpus::from_json(&corpus.to_json()).is_ok());
    }
}

#[test]
fn every_limit_is_listed_once() {
    let mut names: Vec<&str> = LIMITS.iter().map(|l| l.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), LIMITS.len());
    assert!(LIMITS.iter().all(|l| l.max > 0 && !l.applies_to.is_empty()));
}

#[test]
fn a_byte_order_mark_is_skipped_by_both_readers() {
    let json = format!("\u{feff}{}", Corpus::new(vec![seed()]).to_json());
    assert!(Corpus::from_json(&json).is_ok());
    assert_eq!(validate_json(&json), Ok(vec![]));
}

#[test]
fn a_paragraph_past_32_bits_is_refused_by_both_readers() {
    let mut readout = seed();
    readout.statements[0].paragraph = 424_242;
    let json = Corpus::new(vec![readout])
        .to_json()
        .replacen("424242", "9223372036854775808", 1);
    assert!(json.contains("9223372036854775808"));
    let (app, check) = verdicts(&json);
    assert!(!app);
    assert!(!check.is_empty());
}

#[test]
fn a_paragraph_past_the_text_is_a_located_problem() {
    let mut readout = seed();
    readout.statements[0].paragraph = readout.source.text.len() + 1;
    let json = Corpus::new(vec![readout]).to_json();
    let (app, check) = verdicts(&json);
    assert!(!app);
    assert_eq!(check, ["readouts[0].statements[0].paragraph"]);
}

#[test]
fn too_many_participants_are_refused_with_their_count() {
    let mut readout = seed();
    let one = readout.participants[2].clone();
    readout.participants = (0..=limits::PARTICIPANTS)
        .map(|i| {
            let mut p = one.clone();
            p.id = format!("attendee-{i}");
            p
        })
        .collect();
    readout.statements.clear();
    let err = Corpus::from_json(&Corpus::new(vec![readout]).to_json()).unwrap_err();
    let CorpusError::Limits(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems[0].path, "readouts[0].participants");
    assert!(
        err.to_string().contains("more than the limit of 1000"),
        "{err}"
    );
}

#[test]
fn a_readout_past_the_source_limit_is_read_up_to_it() {
    let line = "President Tomas Brenn said that the harbour will stay open.\n";
    let text = line.repeat(limits::SOURCE_TEXT_BYTES / line.len() + 10);
    let readout = parse(&text);
    assert!(readout.source.text.len() <= limits::SOURCE_TEXT_BYTES);
    assert!(readout
        .diagnostics
        .iter()
        .any(|d| d.message.contains("only the first")));
    assert!(validate(&Corpus::new(vec![readout])).is_empty());
}

#[test]
fn fit_leaves_a_readout_within_the_limits_unchanged() {
    let mut readout = seed();
    let before = readout.clone();
    limits::fit(&mut readout);
    assert_eq!(readout, before);
}
