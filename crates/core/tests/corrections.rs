//! Corrections (`readouts_core::correct`): edits are applied and recorded with the parser's
//! values, refused edits change nothing, the parse is recoverable, corrected readouts validate,
//! round-trip through the corpus JSON and keep their ids; validation locates bad corrections.

use proptest::prelude::*;
use readouts_core::correct::{correct, parsed, Edit};
use readouts_core::export::corpus_json;
use readouts_core::marks::Marks;
use readouts_core::validate::validate;
use readouts_core::{parse, Corpus, Correction, Readout, Role};
use std::path::Path;

/// A parsed fictional fixture with three leaders (and attendees), several statements.
fn summit() -> Readout {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/05_multilateral_three_leaders.txt");
    let readout = parse(&std::fs::read_to_string(path).expect("fixture"));
    assert!(readout.statements.len() >= 4);
    assert!(leaders(&readout).len() >= 3);
    readout
}

fn leaders(readout: &Readout) -> Vec<String> {
    readout
        .participants
        .iter()
        .filter(|p| p.role != Role::Attendee)
        .map(|p| p.id.clone())
        .collect()
}

fn valid(readout: &Readout) {
    let problems = validate(&Corpus::new(vec![readout.clone()]));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Other speakers than the statement's: the first leader who is not its first speaker.
fn others(readout: &Readout, s: usize) -> Vec<String> {
    let first = &readout.statements[s].speakers[0];
    vec![leaders(readout).into_iter().find(|l| l != first).unwrap()]
}

#[test]
fn reassigning_records_the_parsers_speakers_once_and_back_removes_it() {
    let original = summit();
    let mut r = original.clone();
    let id = r.statements[1].id.clone();
    let new = others(&r, 1);
    correct(
        &mut r,
        Edit::Speakers {
            statement: id.clone(),
            speakers: new.clone(),
        },
    )
    .unwrap();
    assert_eq!(r.statements[1].speakers.to_vec(), new);
    assert_eq!(
        r.corrections,
        [Correction::Speakers {
            statement: id.clone(),
            parsed: original.statements[1].speakers.clone()
        }]
    );
    assert!(r.is_corrected(&id));
    assert!(!r.is_corrected(&r.statements[0].id));
    valid(&r);
    // A second reassignment keeps the parser's speakers as the record.
    let both: Vec<String> = leaders(&r).into_iter().take(2).collect();
    correct(
        &mut r,
        Edit::Speakers {
            statement: id.clone(),
            speakers: both.clone(),
        },
    )
    .unwrap();
    assert_eq!(r.corrections.len(), 1);
    assert_eq!(r.statements[1].speakers.to_vec(), both);
    valid(&r);
    // Back to the parser's: no correction left, the readout as parsed.
    let back = original.statements[1].speakers.to_vec();
    correct(
        &mut r,
        Edit::Speakers {
            statement: id.clone(),
            speakers: back,
        },
    )
    .unwrap();
    assert_eq!(r, original);
    assert!(!r.is_corrected(&id));
}

#[test]
fn refused_edits_change_nothing_and_say_where() {
    let original = summit();
    let attendee = original
        .participants
        .iter()
        .find(|p| p.role == Role::Attendee)
        .map(|p| p.id.clone());
    let id = original.statements[0].id.clone();
    let mut cases = vec![
        (
            Edit::Speakers {
                statement: id.clone(),
                speakers: vec![],
            },
            "statements[0].speakers",
            "needs a speaker",
        ),
        (
            Edit::Speakers {
                statement: id.clone(),
                speakers: vec!["nobody-here".into()],
            },
            "statements[0].speakers",
            "not a participant",
        ),
        (
            Edit::Speakers {
                statement: id.clone(),
                speakers: vec![leaders(&original)[0].clone(), leaders(&original)[0].clone()],
            },
            "statements[0].speakers",
            "twice",
        ),
        (
            Edit::Speakers {
                statement: "x-s1".into(),
                speakers: leaders(&original),
            },
            "statements",
            "no statement",
        ),
        (
            Edit::Drop {
                statement: "x-s1".into(),
            },
            "statements",
            "no statement",
        ),
        (
            Edit::EventDate(Some("2031-02-30".into())),
            "event.date",
            "not a real calendar date",
        ),
    ];
    if let Some(attendee) = attendee {
        cases.push((
            Edit::Speakers {
                statement: id.clone(),
                speakers: vec![attendee],
            },
            "statements[0].speakers",
            "attendee",
        ));
    }
    for (edit, path, needle) in cases {
        let mut r = original.clone();
        let problem = correct(&mut r, edit.clone()).unwrap_err();
        assert_eq!(problem.path, path, "{edit:?}");
        assert!(problem.message.contains(needle), "{edit:?}: {problem}");
        assert_eq!(r, original, "{edit:?} changed the readout");
    }
}

#[test]
fn dropping_keeps_the_statement_as_parsed_and_the_other_ids() {
    let original = summit();
    let mut r = original.clone();
    let id = r.statements[2].id.clone();
    let speakers = others(&r, 2);
    correct(
        &mut r,
        Edit::Speakers {
            statement: id.clone(),
            speakers,
        },
    )
    .unwrap();
    correct(
        &mut r,
        Edit::Drop {
            statement: id.clone(),
        },
    )
    .unwrap();
    assert_eq!(r.statements.len(), original.statements.len() - 1);
    assert!(r.statements.iter().all(|s| s.id != id));
    // The speakers correction went back into the dropped statement, as parsed.
    assert_eq!(
        r.corrections,
        [Correction::Dropped {
            statement: original.statements[2].clone()
        }]
    );
    let ids: Vec<&str> = r.statements.iter().map(|s| s.id.as_str()).collect();
    let kept: Vec<&str> = original
        .statements
        .iter()
        .map(|s| s.id.as_str())
        .filter(|s| *s != id)
        .collect();
    assert_eq!(ids, kept, "no other id changes");
    valid(&r);
    assert_eq!(parsed(&r), original);
}

#[test]
fn event_date_and_place() {
    let original = summit();
    let mut r = original.clone();
    correct(&mut r, Edit::EventDate(Some("2032-09-20".into()))).unwrap();
    correct(&mut r, Edit::EventLocation(Some("Port Senna".into()))).unwrap();
    correct(&mut r, Edit::EventLocation(None)).unwrap();
    assert_eq!(r.event.date.as_deref(), Some("2032-09-20"));
    assert_eq!(r.event.location, None);
    assert_eq!(
        r.event_corrections(),
        (
            original.event.date.as_deref() != Some("2032-09-20"),
            original.event.location.is_some()
        )
    );
    assert_eq!(
        r.corrections.len(),
        usize::from(r.event_corrections().0) + usize::from(r.event_corrections().1)
    );
    valid(&r);
    assert_eq!(parsed(&r), original);
    correct(&mut r, Edit::EventDate(original.event.date.clone())).unwrap();
    correct(&mut r, Edit::EventLocation(original.event.location.clone())).unwrap();
    assert_eq!(r, original);
}

/// A corrected readout after a few edits of every kind.
fn corrected() -> Readout {
    let mut r = summit();
    let (a, b) = (r.statements[0].id.clone(), r.statements[3].id.clone());
    let speakers = others(&r, 0);
    correct(
        &mut r,
        Edit::Speakers {
            statement: a,
            speakers,
        },
    )
    .unwrap();
    correct(&mut r, Edit::Drop { statement: b }).unwrap();
    correct(&mut r, Edit::EventDate(Some("2032-09-19".into()))).unwrap();
    correct(&mut r, Edit::EventLocation(Some("Vessmark".into()))).unwrap();
    r
}

#[test]
fn a_corrected_readout_round_trips_through_the_corpus_json() {
    let r = corrected();
    let json = corpus_json(&[&r]);
    assert_eq!(
        json,
        serde_json::to_string(&Corpus::new(vec![r.clone()])).unwrap() + "\n"
    );
    assert!(
        json.contains(r#""corrections":[{"speakers":{"statement":"#),
        "{json}"
    );
    let back = Corpus::from_json(&json).unwrap();
    assert_eq!(back.readouts, std::slice::from_ref(&r));
    assert!(validate(&back).is_empty());
    // A readout as parsed writes no corrections field at all (old corpora stay byte for byte).
    assert!(!corpus_json(&[&summit()]).contains("corrections"));
}

#[test]
fn a_new_id_keeps_statement_numbers_and_corrections() {
    let mut r = corrected();
    let before: Vec<String> = r.statements.iter().map(|s| s.id.clone()).collect();
    r.set_id("elsewhere".into());
    for (old, statement) in before.iter().zip(&r.statements) {
        let number = old.rsplit_once("-s").unwrap().1;
        assert_eq!(statement.id, format!("elsewhere-s{number}"));
    }
    match &r.corrections[1] {
        Correction::Dropped { statement } => assert!(statement.id.starts_with("elsewhere-s")),
        other => panic!("{other:?}"),
    }
    valid(&r);
    let mut original = summit();
    original.set_id("elsewhere".into());
    assert_eq!(parsed(&r), original);
}

#[test]
fn validation_locates_bad_corrections() {
    let r = corrected();
    let check = |edit: &dyn Fn(&mut Readout), path: &str, needle: &str| {
        let mut bad = r.clone();
        edit(&mut bad);
        let problems = validate(&Corpus::new(vec![bad]));
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.message.contains(needle)),
            "{path} {needle}: {problems:#?}"
        );
    };
    check(
        &|r| {
            if let Correction::Speakers { statement, .. } = &mut r.corrections[0] {
                *statement = "nowhere-s1".into();
            }
        },
        "readouts[0].corrections[0].statement",
        "no statement",
    );
    check(
        &|r| {
            if let Correction::Speakers { parsed, .. } = &mut r.corrections[0] {
                *parsed = vec!["ghost".to_string()].into();
            }
        },
        "readouts[0].corrections[0].parsed[0]",
        "not a participant",
    );
    check(
        &|r| {
            let statement = r.statements[0].clone();
            if let Correction::Speakers { parsed, .. } = &mut r.corrections[0] {
                *parsed = statement.speakers;
            }
        },
        "readouts[0].corrections[0].parsed",
        "changes nothing",
    );
    check(
        &|r| r.corrections.push(r.corrections[0].clone()),
        "readouts[0].corrections[4].statement",
        "second correction",
    );
    check(
        &|r| {
            if let Correction::Dropped { statement } = &r.corrections[1] {
                r.statements.push(statement.clone());
            }
        },
        "readouts[0].corrections[1].statement.id",
        "still in statements",
    );
    check(
        &|r| {
            if let Correction::Dropped { statement } = &mut r.corrections[1] {
                statement.span.end = usize::MAX;
            }
        },
        "readouts[0].corrections[1].statement.span",
        "past the end",
    );
    check(
        &|r| {
            r.corrections[2] = Correction::EventDate {
                parsed: Some("2032-13-01".into()),
            }
        },
        "readouts[0].corrections[2].event_date.parsed",
        "calendar",
    );
    check(
        &|r| {
            r.corrections
                .push(Correction::EventLocation { parsed: None })
        },
        "readouts[0].corrections[4].event_location",
        "second correction",
    );
    check(
        &|r| {
            r.corrections[3] = Correction::EventLocation {
                parsed: Some("Vessmark".into()),
            }
        },
        "readouts[0].corrections[3].event_location.parsed",
        "changes nothing",
    );
}

/// An edit drawn from the readout's own statements and leaders (and some that are refused).
fn edit(readout: &Readout, pick: (u8, usize, usize, usize)) -> Edit {
    let (kind, s, a, b) = pick;
    let leaders = leaders(readout);
    let id = readout
        .statements
        .get(s % readout.statements.len().max(1))
        .map_or("none-s1".to_string(), |st| st.id.clone());
    match kind % 5 {
        0 | 1 => {
            let mut speakers = vec![leaders[a % leaders.len()].clone()];
            if kind % 5 == 1 {
                speakers.push(leaders[b % leaders.len()].clone());
            }
            Edit::Speakers {
                statement: id,
                speakers,
            }
        }
        2 => Edit::Drop { statement: id },
        3 => Edit::EventDate(
            [
                None,
                Some("2032-09-20".to_string()),
                Some("2032-09-21".to_string()),
            ][a % 3]
                .clone(),
        ),
        _ => Edit::EventLocation(
            [
                None,
                Some("Miravel".to_string()),
                Some("Halvik".to_string()),
            ][a % 3]
                .clone(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any sequence of edits, accepted or refused, leaves a valid readout whose parse is the
    /// original and which reads back from its JSON as it is.
    #[test]
    fn any_edits_keep_the_readout_valid_and_the_parse_recoverable(
        picks in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..12)
    ) {
        let original = summit();
        let mut r = original.clone();
        for pick in picks {
            let before = r.clone();
            let edit = edit(&r, pick);
            if correct(&mut r, edit).is_err() {
                prop_assert_eq!(&r, &before);
            }
            let problems = validate(&Corpus::new(vec![r.clone()]));
            prop_assert!(problems.is_empty(), "{:#?}", problems);
            prop_assert_eq!(&parsed(&r), &original);
        }
        let json = corpus_json(&[&r]);
        let back = Corpus::from_json(&json).unwrap();
        prop_assert_eq!(&back.readouts[0], &r);
        prop_assert_eq!(marks_of(&json), marks(&r));
    }
}

/// What the main app's build (without the `corrections` feature) marks in the readout of a
/// corpus JSON: its `corrections` read as [`Marks`], as that build reads them.
fn marks_of(json: &str) -> (Vec<String>, (bool, bool)) {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let list = value["readouts"][0]
        .get("corrections")
        .cloned()
        .unwrap_or_else(|| serde_json::json!([]));
    let marks: Marks = serde_json::from_value(list).unwrap();
    (marks.statements().to_vec(), marks.event())
}

/// What the record marks: the statements `is_corrected` names, `event_corrections`.
fn marks(r: &Readout) -> (Vec<String>, (bool, bool)) {
    let corrected = r
        .corrections
        .iter()
        .filter_map(|c| match c {
            Correction::Speakers { statement, .. } => Some(statement.clone()),
            _ => None,
        })
        .collect::<Vec<_>>();
    for s in &r.statements {
        assert_eq!(r.is_corrected(&s.id), corrected.contains(&s.id));
    }
    (corrected, r.event_corrections())
}
