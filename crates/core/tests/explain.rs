//! `explain`: the parser's record of its decisions, checked against the parse itself.
//!
//! On every fixture: `explain` gives the very readout `parse` gives; its sentences are in
//! text order and never overlap; every statement is listed by exactly one sentence, the one
//! whose span is the statement's; a sentence lists statements exactly when its verdict makes
//! them; a sentence whose verdict is `frames` has a frame that made a statement. Then small
//! readouts check that each rule names itself.

use readouts_core::explain::{
    BlockNote, Explanation, FrameOutcome, Resolution, SubjectNote, VerbReason, Verdict,
};
use readouts_core::{explain, parse};
use std::path::Path;

/// Checks what every explanation must satisfy; `name` names the input in messages.
fn check_consistent(name: &str, raw: &str, e: &Explanation) {
    assert_eq!(
        e.readout,
        parse(raw),
        "{name}: explain must not change the parse"
    );
    let text = &e.readout.source.text;
    let mut listed = vec![0usize; e.readout.statements.len()];
    let mut end = e.date_line.map_or(0, |s| s.end);
    for s in &e.sentences {
        assert!(
            s.span.start >= end && s.span.end <= text.len(),
            "{name}: sentence {:?} out of order or out of the text",
            s.span
        );
        end = s.span.end;
        assert_eq!(
            s.verdict.makes_statements(),
            !s.statements.is_empty(),
            "{name}: {:?} at {:?} lists {:?}",
            s.verdict,
            s.span,
            s.statements
        );
        for &k in &s.statements {
            listed[k] += 1;
            assert_eq!(
                e.readout.statements[k].span, s.span,
                "{name}: statement {k} listed by another sentence"
            );
        }
        if s.verdict == Verdict::Frames {
            assert!(
                s.frames
                    .iter()
                    .any(|f| f.outcome == FrameOutcome::Statement),
                "{name}: {:?} made statements by frames but none is noted",
                s.span
            );
        }
        for f in &s.frames {
            assert!(f.content.start <= f.content.end && f.content.end <= text.len());
        }
        for v in &s.verbs {
            assert!(s.span.start <= v.span.start && v.span.end <= s.span.end);
            assert_eq!(&text[v.span.start..v.span.end], v.verb);
        }
    }
    for (k, n) in listed.iter().enumerate() {
        assert_eq!(*n, 1, "{name}: statement {k} is listed by {n} sentences");
    }
}

#[test]
fn every_fixture_is_explained_consistently() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let raw = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy();
            check_consistent(&name, &raw, &explain(&raw));
            seen += 1;
        }
    }
    assert!(seen >= 50, "only {seen} fixtures");
}

/// The fixtures' texts, read once.
fn fixture_texts() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect()
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]

    /// Fixtures cut and salted at random places are explained consistently too (never a
    /// panic, never a statement unaccounted for).
    #[test]
    fn mutated_fixtures_are_explained_consistently(
        sample in proptest::prelude::any::<proptest::sample::Index>(),
        cuts in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), 0usize..60, 0usize..4),
            1..5,
        ),
    ) {
        let mut text = sample.get(fixture_texts()).clone();
        for (at, len, salt) in cuts {
            let floor = |mut i: usize| {
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let start = floor(at.index(text.len() + 1));
            let end = floor((start + len).min(text.len()));
            text.replace_range(start..end, ["", ":\n", " said that ", "\n\n- "][salt]);
        }
        check_consistent("mutated fixture", &text, &explain(&text));
    }
}

#[test]
fn generated_and_adversarial_readouts_are_explained_consistently() {
    for (name, raw) in readouts_synth::corpus(40, 11) {
        check_consistent(&name, &raw, &explain(&raw));
    }
    for family in readouts_synth::adversarial::FAMILIES {
        let raw = family.text(4096);
        check_consistent(family.name, &raw, &explain(&raw));
    }
}

/// The verdict of the sentence that starts with `start`.
fn verdict_of(e: &Explanation, start: &str) -> Verdict {
    let text = &e.readout.source.text;
    e.sentences
        .iter()
        .find(|s| text[s.span.start..s.span.end].starts_with(start))
        .unwrap_or_else(|| panic!("no sentence starts with {start:?}"))
        .verdict
        .clone()
}

fn explained(raw: &str) -> Explanation {
    let e = explain(raw);
    check_consistent(raw, raw, &e);
    e
}

#[test]
fn prose_verdicts_name_their_rules() {
    let e = explained(
        "date 2031-03-04\n\nPresident Ana Lind met President Jon Brek in Vell.\n\n\
         President Lind said that trade is growing. Both economies gained.\n\n\
         The President noted that ports matter. The two leaders discussed the border.\n\n\
         The ministry said that the talks went well.\n\n\
         There was an exchange of views on energy.\n\n\
         Talks were held in a warm atmosphere.",
    );
    assert_eq!(e.date_line.map(|s| (s.start, s.end)), Some((0, 15)));
    let v = |start| verdict_of(&e, start);
    assert_eq!(v("President Ana Lind met"), Verdict::ParticipantActing);
    assert_eq!(v("President Lind said"), Verdict::Frames);
    assert_eq!(v("Both economies gained"), Verdict::Continued);
    assert!(matches!(
        v("The President noted"),
        Verdict::AmbiguousSubject { .. }
    ));
    let noted = e
        .sentences
        .iter()
        .find(|s| e.readout.source.text[s.span.start..].starts_with("The President noted"))
        .unwrap();
    assert_eq!(noted.frames[0].outcome, FrameOutcome::Ambiguous);
    assert_eq!(noted.frames[0].candidates, ["Ana Lind", "Jon Brek"]);
    assert_eq!(v("The two leaders discussed"), Verdict::JointNarrative);
    assert_eq!(v("The ministry said"), Verdict::NoFrame);
    assert_eq!(v("There was an exchange"), Verdict::TopicOnly);
    assert_eq!(v("Talks were held"), Verdict::NarrativePassive);

    let text = &e.readout.source.text;
    let ministry = e
        .sentences
        .iter()
        .find(|s| text[s.span.start..].starts_with("The ministry said"))
        .unwrap();
    assert_eq!(ministry.verbs[0].verb, "said");
    assert_eq!(ministry.verbs[0].reason, VerbReason::NoSubject);
    let said = e
        .sentences
        .iter()
        .find(|s| text[s.span.start..].starts_with("President Lind said"))
        .unwrap();
    let frame = &said.frames[0];
    assert_eq!((frame.verb.as_str(), frame.class.as_str()), ("said", "say"));
    assert_eq!(
        frame.subject,
        SubjectNote::Names {
            text: "President Lind".into()
        }
    );
    assert_eq!(frame.speakers, ["Ana Lind"]);
    assert_eq!(frame.resolved_by, Some(Resolution::Names));
    assert_eq!(
        &text[frame.content.start..frame.content.end],
        "trade is growing."
    );
}

#[test]
fn verbs_that_make_no_frame_say_why() {
    let e = explained(
        "President Ana Lind welcomed President Jon Brek to the Blue House in Vell today. \
         The two sides have maintained close exchanges.",
    );
    let text = &e.readout.source.text;
    let reasons: Vec<(&str, VerbReason)> = e
        .sentences
        .iter()
        .flat_map(|s| &s.verbs)
        .map(|v| (&text[v.span.start..v.span.end], v.reason))
        .collect();
    assert!(
        reasons.contains(&("welcomed", VerbReason::Ceremony)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("maintained", VerbReason::NoThat)),
        "{reasons:?}"
    );

    // The verb of an impersonal opening is that frame's, not a verb without a subject.
    let e =
        explained("President Ana Lind met President Jon Brek.\n\nIt was agreed to meet in May.");
    let agreed = e.sentences.last().unwrap();
    assert_eq!(agreed.verdict, Verdict::Frames);
    assert_eq!(agreed.frames[0].subject, SubjectNote::Impersonal);
    assert_eq!(agreed.frames[0].class, "impersonal");
    assert!(agreed.verbs.is_empty(), "{:?}", agreed.verbs);
}

#[test]
fn lists_and_turns_are_explained_by_their_blocks() {
    let e = explained(
        "President Ana Lind met President Jon Brek.\n\n\
         The two presidents agreed on the following:\n\
         - to open a rail link;\n\
         - to meet again in May.",
    );
    let intro = verdict_of(&e, "The two presidents agreed");
    assert!(
        matches!(&intro, Verdict::ListIntro { speakers, verb } if speakers.len() == 2 && verb == "agreed"),
        "{intro:?}"
    );
    assert_eq!(verdict_of(&e, "to open a rail link"), Verdict::ListItem);
    assert!(e
        .sentences
        .iter()
        .any(|s| s.block == BlockNote::ListItem && s.statements.len() == 1));

    let e = explained(
        "President Lind: Thank you all for coming.\n\nModerator: Next question.\n\nPresident Brek: It is a pleasure.",
    );
    assert_eq!(verdict_of(&e, "Thank you all"), Verdict::Turn);
    assert_eq!(verdict_of(&e, "Next question"), Verdict::RoleLabel);
    assert!(matches!(
        e.sentences[0].block,
        BlockNote::Turn { label } if &e.readout.source.text[label.start..label.end] == "President Lind"
    ));
}

#[test]
fn frames_inside_a_topic_and_after_the_first_say_what_became_of_them() {
    let e = explained(
        "President Ana Lind met President Jon Brek.\n\n\
         The two presidents discussed progress made since they announced the rail plan.\n\n\
         President Lind stressed that rail matters, and President Brek said that ports do.",
    );
    let text = &e.readout.source.text;
    let of = |start: &str| {
        e.sentences
            .iter()
            .find(|s| text[s.span.start..].starts_with(start))
            .unwrap()
    };
    // A joint subject without a frame of its own: narrative, which the parser tells before it
    // reads the topic; the frame inside the topic is still noted as such.
    let topic = of("The two presidents discussed");
    assert_eq!(topic.verdict, Verdict::JointNarrative);
    assert_eq!(topic.frames[0].outcome, FrameOutcome::InsideTopic);
    let two = of("President Lind stressed");
    let outcomes: Vec<FrameOutcome> = two.frames.iter().map(|f| f.outcome).collect();
    assert_eq!(outcomes, [FrameOutcome::Statement, FrameOutcome::Statement]);
    assert_eq!(two.statements.len(), 2);
}

#[test]
fn json_shape_is_tagged_in_snake_case() {
    let e = explained("President Ana Lind met President Jon Brek. There was an exchange of views.");
    let json = serde_json::to_value(&e).unwrap();
    let sentence = &json["sentences"][1];
    assert_eq!(sentence["verdict"]["kind"], "topic_only");
    assert_eq!(sentence["block"]["kind"], "prose");
    assert!(sentence["span"].is_array());
    assert!(json["readout"]["statements"].is_array());
}
