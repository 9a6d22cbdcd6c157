//! Two accounts of one meeting, lined up topic by topic.
//!
//! Every topic raised in either account is a [`Row`]; each row holds, for each account, the
//! statements on that topic with the leaders they are attributed to, and an empty cell where
//! that account is silent on it ("Not mentioned"). A statement on two topics stands in both
//! rows; statements without a topic make the last row. Topics are matched by their folded
//! label, so "BRICS" and "Brics" are one row.
//!
//! Grouping is done by sorting with the engine's one sort
//! (`query::order_by_text`), not in maps: the app runs this code, and
//! each map type would compile its own copy of the map's code into the wasm.

use super::PersonKey;
use crate::fold::fold;
use crate::model::{Readout, Role, Statement};
use crate::query::{order_by_text, sorted_by_key};

/// A leader of either account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub key: PersonKey,
    /// The name each account gives them (`None` where an account does not have them).
    pub names: [Option<String>; 2],
    /// Their participant id in each account.
    pub ids: [Option<String>; 2],
}

impl Leader {
    /// The name to show: the first account's, else the second's.
    pub fn name(&self) -> &str {
        self.names[0]
            .as_deref()
            .or(self.names[1].as_deref())
            .unwrap_or_default()
    }
}

/// One account's figures, for its header.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountSide<'r> {
    pub readout: &'r Readout,
    /// Statements in this account.
    pub statements: usize,
    /// Words of its prose (the text the app shows, without a `date` line).
    pub words: usize,
    /// Per leader (same order as [`Comparison::leaders`]): the statements attributed to them
    /// (a joint statement counts for each of its speakers) and that count's share of the
    /// account's statements, in whole percent, rounded (so the shares of a joint-heavy account
    /// add up to more than 100). Integers: the app shows them without float formatting.
    pub per_leader: Vec<(usize, u32)>,
}

/// A statement with the leaders it is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Attributed<'r> {
    pub statement: &'r Statement,
    /// Indices into [`Comparison::leaders`], in increasing order.
    pub leaders: Vec<usize>,
    /// Spoken jointly ("The two sides agreed …").
    pub joint: bool,
}

/// Which accounts speak of a row's topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    OnlyA,
    OnlyB,
    Both,
}

/// One topic, or (topic `None`) the statements without one.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'r> {
    pub topic: Option<String>,
    /// The statements of each account on it, in the account's order; empty where that account
    /// does not mention it.
    pub cells: [Vec<Attributed<'r>>; 2],
}

impl Row<'_> {
    pub fn presence(&self) -> Presence {
        match (self.cells[0].is_empty(), self.cells[1].is_empty()) {
            (false, true) => Presence::OnlyA,
            (true, false) => Presence::OnlyB,
            _ => Presence::Both,
        }
    }
}

/// Two accounts side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'r> {
    /// The leaders of both accounts: the first account's in its order, then any only the
    /// second has.
    pub leaders: Vec<Leader>,
    pub sides: [AccountSide<'r>; 2],
    /// Topics in order of first mention (the first account's, then the second's), the row of
    /// statements without a topic last (only when there are such statements).
    pub rows: Vec<Row<'r>>,
}

impl<'r> Comparison<'r> {
    /// The rows with `first` presence first, each group in topic order; the row without a topic
    /// stays last.
    pub fn sorted(&self, first: Presence) -> Vec<&Row<'r>> {
        let rank = |row: &&Row| match (&row.topic, row.presence() == first) {
            (None, _) => 2,
            (Some(_), true) => 0,
            (Some(_), false) => 1,
        };
        sorted_by_key(self.rows.iter().collect(), rank)
    }
}

/// Whose account `readout` is, for a heading: its publisher, else its principal's name, else
/// its title.
pub fn account_name(readout: &Readout) -> &str {
    match &readout.source.publisher {
        Some(publisher) if !publisher.trim().is_empty() => publisher.trim(),
        _ => readout
            .participants
            .iter()
            .find(|p| p.role == Role::Principal)
            .map_or(readout.title.as_str(), |p| p.name.as_str()),
    }
}

/// Lines up accounts `a` and `b` (see the module's documentation).
pub fn compare_accounts<'r>(a: &'r Readout, b: &'r Readout) -> Comparison<'r> {
    let leaders = leaders_of([a, b]);
    let attributed = [a, b].map(|readout| attribute(readout, &leaders));
    let sides = [0, 1].map(|side| {
        let readout = [a, b][side];
        let prose = readout
            .source
            .text
            .get(readout.source.prose_start..)
            .unwrap_or_default();
        AccountSide {
            readout,
            statements: attributed[side].len(),
            words: prose.split_whitespace().count(),
            per_leader: shares(&attributed[side], leaders.len()),
        }
    });
    Comparison {
        rows: rows(&attributed),
        leaders,
        sides,
    }
}

/// The leaders of both readouts, matched by key (a handful: a scan finds each).
fn leaders_of(readouts: [&Readout; 2]) -> Vec<Leader> {
    let mut leaders: Vec<Leader> = Vec::new();
    for (side, readout) in readouts.iter().enumerate() {
        for person in readout
            .participants
            .iter()
            .filter(|p| p.role != Role::Attendee)
        {
            let key = PersonKey::of(person);
            let at = match leaders.iter().position(|l| l.key == key) {
                Some(at) => at,
                None => {
                    leaders.push(Leader {
                        key,
                        names: [None, None],
                        ids: [None, None],
                    });
                    leaders.len() - 1
                }
            };
            leaders[at].names[side].get_or_insert_with(|| person.name.clone());
            leaders[at].ids[side].get_or_insert_with(|| person.id.clone());
        }
    }
    leaders
}

/// Each statement of `readout` with the indices of its leaders.
fn attribute<'r>(readout: &'r Readout, leaders: &[Leader]) -> Vec<Attributed<'r>> {
    // The leader index of each of this readout's participants (None for attendees).
    let keys: Vec<Option<usize>> = readout
        .participants
        .iter()
        .map(|p| {
            let key = PersonKey::of(p);
            leaders.iter().position(|l| l.key == key)
        })
        .collect();
    readout
        .statements
        .iter()
        .map(|statement| {
            let of_speakers: Vec<usize> = statement
                .speakers
                .iter()
                .filter_map(|id| readout.participants.iter().position(|p| &p.id == id))
                .filter_map(|at| keys[at])
                .collect();
            Attributed {
                statement,
                joint: statement.speakers.len() > 1,
                // In leader order, each once.
                leaders: (0..leaders.len())
                    .filter(|l| of_speakers.contains(l))
                    .collect(),
            }
        })
        .collect()
}

/// Statements per leader and their share of the account, in whole percent.
fn shares(statements: &[Attributed], leaders: usize) -> Vec<(usize, u32)> {
    let mut counts = vec![0usize; leaders];
    for s in statements {
        for &leader in &s.leaders {
            counts[leader] += 1;
        }
    }
    let total = statements.len();
    counts.into_iter().map(|n| (n, percent(n, total))).collect()
}

/// `n` of `total` in whole percent, rounded half up; 0 of nothing.
pub fn percent(n: usize, total: usize) -> u32 {
    (n * 100 + total / 2).checked_div(total).unwrap_or(0) as u32
}

/// The topic rows in order of first mention, then the row of statements without a topic.
fn rows<'r>(attributed: &[Vec<Attributed<'r>>; 2]) -> Vec<Row<'r>> {
    // Every (topic, side, statement) mention in reading order: the first account's, then the
    // second's. Sorted by folded topic (stable, so each topic's mentions keep that order),
    // each run of one topic becomes a row.
    let mut folded: Vec<String> = Vec::new();
    let mut mentions: Vec<(&str, usize, &Attributed<'r>)> = Vec::new();
    let mut untopical = Row {
        topic: None,
        cells: [Vec::new(), Vec::new()],
    };
    for (side, statements) in attributed.iter().enumerate() {
        for s in statements {
            if s.statement.topics.is_empty() {
                untopical.cells[side].push(s.clone());
            }
            for topic in &s.statement.topics {
                folded.push(fold(topic));
                mentions.push((topic, side, s));
            }
        }
    }
    let order = order_by_text(&folded);
    // (first mention, row) for each topic.
    let mut rows: Vec<(usize, Row<'r>)> = Vec::new();
    let mut previous: Option<&str> = None;
    for &at in &order {
        let at = at as usize;
        let (topic, side, s) = mentions[at];
        if previous != Some(folded[at].as_str()) {
            rows.push((
                at,
                Row {
                    topic: Some(topic.to_string()),
                    cells: [Vec::new(), Vec::new()],
                },
            ));
        }
        previous = Some(&folded[at]);
        if let Some((_, row)) = rows.last_mut() {
            let cell = &mut row.cells[side];
            // A topic listed twice on one statement (under two spellings) shows it once.
            if cell
                .last()
                .is_none_or(|last| !std::ptr::eq(last.statement, s.statement))
            {
                cell.push(s.clone());
            }
        }
    }
    let mut rows: Vec<Row<'r>> = sorted_by_key(rows, |(first, _)| *first as u64)
        .into_iter()
        .map(|(_, row)| row)
        .collect();
    if untopical.cells.iter().any(|c| !c.is_empty()) {
        rows.push(untopical);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::{person, readout, said};

    /// Arvelia's account: Brenn on trade and the harbour, a joint line on trade, one
    /// untopical thanks. Kestria's: Varo on trade and fisheries.
    fn accounts() -> (Readout, Readout) {
        let mut a = readout(
            "a",
            "2031-03-04",
            "Arvelia",
            vec![
                person("tomas-brenn", "Tomas Brenn", Role::Principal),
                person("ilse-varo", "Ilse Varo", Role::Counterpart),
                person("mira-dost", "Mira Dost", Role::Attendee),
            ],
        );
        a.statements = vec![
            said("a", 0, &["tomas-brenn"], &["trade", "Harbour"]),
            said("a", 1, &["tomas-brenn", "ilse-varo"], &["Trade"]),
            said("a", 2, &["ilse-varo"], &[]),
        ];
        let mut b = readout(
            "b",
            "2031-03-04",
            "Kestria",
            vec![
                person("varo-ilse", "VARO Ilse", Role::Principal),
                person("tomas-brenn", "Tomas Brenn", Role::Counterpart),
            ],
        );
        b.statements = vec![
            said("b", 0, &["varo-ilse"], &["fisheries"]),
            said("b", 1, &["varo-ilse"], &["trade"]),
        ];
        (a, b)
    }

    #[test]
    fn leaders_are_matched_across_spellings_and_attendees_left_out() {
        let (a, b) = accounts();
        let c = compare_accounts(&a, &b);
        let names: Vec<&str> = c.leaders.iter().map(Leader::name).collect();
        assert_eq!(names, ["Tomas Brenn", "Ilse Varo"]);
        assert_eq!(
            c.leaders[1].ids,
            [Some("ilse-varo".into()), Some("varo-ilse".into())]
        );
    }

    #[test]
    fn rows_follow_first_mention_and_say_who_is_silent() {
        let (a, b) = accounts();
        let c = compare_accounts(&a, &b);
        let topics: Vec<Option<&str>> = c.rows.iter().map(|r| r.topic.as_deref()).collect();
        assert_eq!(
            topics,
            [Some("trade"), Some("Harbour"), Some("fisheries"), None]
        );
        let presence: Vec<Presence> = c.rows.iter().map(Row::presence).collect();
        assert_eq!(
            presence,
            [
                Presence::Both,
                Presence::OnlyA,
                Presence::OnlyB,
                Presence::OnlyA
            ]
        );
        // "trade" and "Trade" are one row; the joint statement is marked and names both.
        let trade = &c.rows[0].cells[0];
        assert_eq!(trade.len(), 2);
        assert!(trade[1].joint);
        assert_eq!(trade[1].leaders, [0, 1]);
        assert_eq!(c.rows[0].cells[1][0].leaders, [1]);
    }

    #[test]
    fn shares_count_joint_statements_for_each_speaker() {
        let (a, b) = accounts();
        let c = compare_accounts(&a, &b);
        assert_eq!(c.sides[0].statements, 3);
        assert_eq!(c.sides[0].per_leader, [(2, 67), (2, 67)]);
        assert_eq!(c.sides[1].per_leader, [(0, 0), (2, 100)]);
    }

    #[test]
    fn sorting_puts_the_chosen_rows_first_and_keeps_the_untopical_row_last() {
        let (a, b) = accounts();
        let c = compare_accounts(&a, &b);
        let order =
            |p| -> Vec<Option<&str>> { c.sorted(p).iter().map(|r| r.topic.as_deref()).collect() };
        assert_eq!(
            order(Presence::OnlyB),
            [Some("fisheries"), Some("trade"), Some("Harbour"), None]
        );
        assert_eq!(
            order(Presence::OnlyA),
            [Some("Harbour"), Some("trade"), Some("fisheries"), None]
        );
    }

    #[test]
    fn an_account_without_statements_has_zero_shares() {
        let (a, mut b) = accounts();
        b.statements.clear();
        let c = compare_accounts(&a, &b);
        assert_eq!(c.sides[1].statements, 0);
        assert!(c.sides[1].per_leader.iter().all(|&(n, s)| n == 0 && s == 0));
        assert!(c.rows.iter().all(|r| r.cells[1].is_empty()));
    }

    #[test]
    fn headers_count_the_prose_words_and_name_the_side() {
        let (mut a, mut b) = accounts();
        a.source.text = "date 2031-03-04\n\nTomas Brenn spoke with\nIlse Varo.".into();
        a.source.prose_start = a.source.text.find("Tomas").unwrap();
        let c = compare_accounts(&a, &b);
        assert_eq!(c.sides[0].words, 6, "the date line is not the prose");
        assert_eq!(account_name(&a), "Arvelia");
        b.source.publisher = Some("  ".into());
        assert_eq!(account_name(&b), "VARO Ilse", "no publisher: the principal");
        b.participants.clear();
        assert_eq!(account_name(&b), "Readout b", "nor a principal: the title");
    }

    #[test]
    fn a_topic_under_two_spellings_on_one_statement_shows_it_once() {
        let (mut a, b) = accounts();
        a.statements = vec![said("a", 0, &["tomas-brenn"], &["BRICS", "Brics"])];
        let c = compare_accounts(&a, &b);
        assert_eq!(c.rows[0].topic.as_deref(), Some("BRICS"));
        assert_eq!(c.rows[0].cells[0].len(), 1);
    }

    #[test]
    fn percents_round_half_up() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 5), 100);
    }
}
