//! Two fictional accounts of one call, in two publishers' styles (a ministry's prose and a
//! "Readout of the Prime Minister's call"), parsed and compared: they pair as accounts of one
//! meeting, and line up topic by topic with what each side leaves out.

use readouts_core::compare::{compare_accounts, other_accounts, same_meeting, Presence};
use readouts_core::{parse, Corpus, Readout};

fn account(text: &str, publisher: &str) -> Readout {
    let mut readout = parse(text);
    readout.source.publisher = Some(publisher.into());
    readout
}

fn accounts() -> (Readout, Readout) {
    (
        account(
            include_str!("accounts/01_arvelia_ministry.txt"),
            "Ministry of Foreign Affairs of Arvelia",
        ),
        account(
            include_str!("accounts/02_kestria_readout.txt"),
            "Office of the Prime Minister of Kestria",
        ),
    )
}

#[test]
fn two_publishers_accounts_of_one_call_pair() {
    let (a, b) = accounts();
    assert_eq!(a.event.date.as_deref(), Some("2031-03-04"));
    assert_eq!(
        b.event.date.as_deref(),
        Some("2031-03-05"),
        "'today', the next day there"
    );
    assert!(same_meeting(&a, &b));
    let seed = parse(include_str!("../../../corpus/000_fd7bf9b92fd71b0c.txt"));
    let corpus = Corpus::new(vec![seed.clone(), a.clone(), b.clone()]);
    let others: Vec<&str> = other_accounts(&corpus, &a)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(others, [b.id.as_str()]);
    assert!(other_accounts(&corpus, &seed).is_empty());
}

#[test]
fn the_accounts_line_up_topic_by_topic() {
    let (a, b) = accounts();
    let c = compare_accounts(&a, &b);
    let names: Vec<&str> = c.leaders.iter().map(|l| l.name()).collect();
    assert_eq!(names, ["Tomas Brenn", "Ilse Varo"]);
    let row = |topic: &str| {
        c.rows
            .iter()
            .find(|r| r.topic.as_deref() == Some(topic))
            .unwrap_or_else(|| panic!("no row {topic}"))
    };
    // Both raise the corridor; only Arvelia's account has sanctions.
    assert_eq!(
        row("Northern Grain Corridor (NGC)").presence(),
        Presence::Both
    );
    assert_eq!(row("unilateral sanctions").presence(), Presence::OnlyA);
    // Kestria's account gives the corridor to its Prime Minister alone (leader 1).
    let kestria = &row("Northern Grain Corridor (NGC)").cells[1];
    assert!(kestria.iter().all(|s| s.leaders == [1] && !s.joint));
    // "The two leaders agreed …" / "The leaders agreed …": joint in both, in the last row.
    let last = c.rows.last().unwrap();
    assert_eq!(last.topic, None);
    assert!(last.cells.iter().all(|cell| cell.iter().any(|s| s.joint)));
    assert_eq!(c.sides[0].statements, a.statements.len());
    assert_eq!(c.sides[1].statements, b.statements.len());
    assert_eq!(c.sorted(Presence::OnlyA)[0].presence(), Presence::OnlyA);
}

#[test]
fn the_generator_makes_pairs_of_accounts_the_core_pairs() {
    let files = readouts_synth::corpus(3 * readouts_synth::PAIR_EVERY, 11);
    let corpus = Corpus::new(files.iter().map(|(_, text)| parse(text)).collect());
    for run in 0..3 {
        let first =
            &corpus.readouts[run * readouts_synth::PAIR_EVERY + readouts_synth::PAIR_EVERY - 2];
        let others: Vec<&str> = other_accounts(&corpus, first)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let second =
            &corpus.readouts[run * readouts_synth::PAIR_EVERY + readouts_synth::PAIR_EVERY - 1];
        assert_eq!(others, [second.id.as_str()], "run {run}");
        let c = compare_accounts(first, second);
        assert_eq!(c.leaders.len(), 2);
        assert!(c.rows.iter().any(|r| r.presence() == Presence::Both));
    }
}
