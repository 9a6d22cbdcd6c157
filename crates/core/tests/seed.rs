//! The seed readout parses exactly as the project's conventions (`docs/conventions.md`) say.
//!
//! Two checks: the conventions' list, written out here by hand, and a golden file holding the
//! whole expected JSON (`tests/expected/seed.json`). After a deliberate parser change, review
//! the diff and regenerate the golden file with `UPDATE_EXPECT=1 cargo test -p readouts-core --test seed`.

use readouts_core::{parse, EventKind, Readout, Role, TimeOfDay};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> Readout {
    let path = root().join("../../corpus/000_fd7bf9b92fd71b0c.txt");
    parse(&std::fs::read_to_string(path).expect("the seed is in corpus/"))
}

#[test]
fn seed_matches_the_conventions() {
    let r = seed();
    assert_eq!(r.published.as_deref(), Some("2024-07-14"));
    // The `date` line is the publication date, not the readout: its prose starts after it.
    let (date_line, prose) = r.source.text.split_at(r.source.prose_start);
    assert_eq!(date_line, "date 2024-07-14 ");
    assert!(prose.starts_with("On the evening of July 3, 2024 local time"));
    assert_eq!(r.event.date.as_deref(), Some("2024-07-03"));
    assert_eq!(r.event.time_of_day, Some(TimeOfDay::Evening));
    assert_eq!(r.event.location.as_deref(), Some("Astana"));
    assert_eq!(r.event.kind, EventKind::Meeting);

    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Role,
        Vec<&'a str>,
    );
    let people: Vec<Row> = r
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.title.as_deref(),
                p.country.as_deref(),
                p.role,
                p.aliases.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            (
                "Xi Jinping",
                Some("President"),
                Some("China"),
                Role::Principal,
                vec!["President Xi Jinping"]
            ),
            (
                "Vladimir Putin",
                Some("President"),
                Some("Russia"),
                Role::Counterpart,
                vec!["President Vladimir Putin", "President Putin", "Putin"]
            ),
            ("Cai Qi", None, None, Role::Attendee, vec![]),
            ("Wang Yi", None, None, Role::Attendee, vec![]),
        ]
    );

    let expected = [
        (
            "xi-jinping",
            "pointed out",
            "at the historic juncture of the 75th anniversary",
        ),
        (
            "xi-jinping",
            "continued",
            "Facing an international situation fraught with changes",
        ),
        (
            "xi-jinping",
            "stressed",
            "China and Russia should continue to synergize",
        ),
        (
            "xi-jinping",
            "continued",
            "China supports Russia in fulfilling its responsibilities",
        ),
        (
            "xi-jinping",
            "continued",
            "The SCO Summit in Astana will be held on Thursday.",
        ),
        (
            "xi-jinping",
            "continued",
            "China looks forward to working with Russia",
        ),
        (
            "xi-jinping",
            "continued",
            "China and Russia should continue to strengthen comprehensive",
        ),
        (
            "vladimir-putin",
            "thanked",
            "President Xi Jinping for the warm reception",
        ),
        (
            "vladimir-putin",
            "said",
            "the Russia-China relations are at an all-time high",
        ),
        (
            "vladimir-putin",
            "continued",
            "Russia supports China in safeguarding its core interests",
        ),
        (
            "vladimir-putin",
            "continued",
            "China will soon take over the SCO rotating chairmanship.",
        ),
        (
            "vladimir-putin",
            "continued",
            "Russia will fully support China's work",
        ),
        (
            "vladimir-putin",
            "continued",
            "As the BRICS rotating chair this year",
        ),
        (
            "xi-jinping",
            "stressed",
            "China always stands on the right side of history",
        ),
    ];
    assert_eq!(r.statements.len(), expected.len());
    for (statement, (speaker, verb, start)) in r.statements.iter().zip(expected) {
        assert_eq!(*statement.speakers, [speaker], "{}", statement.text);
        assert_eq!(statement.verb, verb, "{}", statement.text);
        assert!(
            statement.text.starts_with(start),
            "{:?} should start with {start:?}",
            statement.text
        );
        let sentence = &r.source.text[statement.span.start..statement.span.end];
        assert!(sentence.ends_with(&statement.text) || sentence.contains(&statement.text[..20]));
    }

    for topic in [
        "Shanghai Cooperation Organization (SCO)",
        "BRICS",
        "Global South",
        "new Cold War",
        "unilateral sanctions",
        "hegemonism",
        "Ukraine crisis",
        "South China Sea",
    ] {
        assert!(
            r.topics.iter().any(|t| t == topic),
            "missing topic {topic}: {:?}",
            r.topics
        );
    }
}

#[test]
fn seed_matches_the_golden_json() {
    let actual = serde_json::to_string_pretty(&seed()).unwrap() + "\n";
    let path = root().join("tests/expected/seed.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).expect("golden file; create it with UPDATE_EXPECT=1");
    assert!(
        actual == expected,
        "the seed's parse changed; diff target/seed.actual.json against {}",
        {
            let out = root().join("../../target/seed.actual.json");
            std::fs::write(&out, &actual).ok();
            path.display()
        }
    );
}

#[test]
fn statements_by_the_same_speakers_share_one_list_of_ids() {
    let r = seed();
    let by = |id: &str| -> Vec<&readouts_core::Statement> {
        r.statements
            .iter()
            .filter(|s| *s.speakers == [id])
            .collect()
    };
    let xi = by("xi-jinping");
    assert!(xi.len() > 1);
    assert!(xi
        .windows(2)
        .all(|w| std::sync::Arc::ptr_eq(&w[0].speakers, &w[1].speakers)));
    // Another speaker has a list of their own.
    let other = r
        .statements
        .iter()
        .find(|s| s.speakers.len() == 1 && s.speakers[0] != "xi-jinping")
        .expect("a statement by another speaker");
    assert!(!std::sync::Arc::ptr_eq(&other.speakers, &xi[0].speakers));
}
