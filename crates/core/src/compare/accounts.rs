//! Two accounts of one meeting, lined up topic by topic.
//!
//! Every topic raised in either account is a [`Row`]; each row holds, for each account, the
//! statements on that topic with the leaders they are attributed to, and an empty cell where
//! that account is silent on it ("Not mentioned"). A statement on two topics stands in both
//! rows; statements without a topic make the last row. Topics are matched by their folded
//! label, so "BRICS" and "Brics" are one row.

use super::PersonKey;
use crate::fold::fold;
use crate::model::{Readout, Role, Statement};
use std::collections::HashMap;

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

/// One account's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountSide<'r> {
    pub readout: &'r Readout,
    /// Statements in this account.
    pub statements: usize,
    /// Per leader (same order as [`Comparison::leaders`]): the statements attributed to them
    /// (a joint statement counts for each of its speakers) and that count's share of the
    /// account's statements, in thousandths (so the shares of a joint-heavy account add up to
    /// more than 1000).
    pub per_leader: Vec<(usize, u32)>,
}

/// A statement with the leaders it is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Attributed<'r> {
    pub statement: &'r Statement,
    /// Indices into [`Comparison::leaders`].
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
    /// The statements of each account on it; empty where that account does not mention it.
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
        let (topical, rest): (Vec<&Row>, Vec<&Row>) =
            self.rows.iter().partition(|r| r.topic.is_some());
        let (front, back): (Vec<&Row>, Vec<&Row>) =
            topical.into_iter().partition(|r| r.presence() == first);
        front.into_iter().chain(back).chain(rest).collect()
    }
}

/// Lines up accounts `a` and `b` (see the module's documentation).
pub fn compare_accounts<'r>(a: &'r Readout, b: &'r Readout) -> Comparison<'r> {
    let leaders = leaders_of([a, b]);
    let by_key: HashMap<&PersonKey, usize> = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.key, i))
        .collect();
    let attributed = [a, b].map(|readout| attribute(readout, &by_key));
    let sides = [0, 1].map(|side| AccountSide {
        readout: [a, b][side],
        statements: attributed[side].len(),
        per_leader: shares(&attributed[side], leaders.len()),
    });
    Comparison {
        rows: rows(&attributed),
        leaders,
        sides,
    }
}

/// The leaders of both readouts, matched by key.
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
fn attribute<'r>(readout: &'r Readout, by_key: &HashMap<&PersonKey, usize>) -> Vec<Attributed<'r>> {
    readout
        .statements
        .iter()
        .map(|statement| {
            let mut leaders: Vec<usize> = statement
                .speakers
                .iter()
                .filter_map(|id| readout.participant(id))
                .filter_map(|p| by_key.get(&PersonKey::of(p)).copied())
                .collect();
            leaders.sort_unstable();
            leaders.dedup();
            Attributed {
                statement,
                joint: statement.speakers.len() > 1,
                leaders,
            }
        })
        .collect()
}

/// Statements per leader and their share of the account, in thousandths.
fn shares(statements: &[Attributed], leaders: usize) -> Vec<(usize, u32)> {
    let mut counts = vec![0usize; leaders];
    for s in statements {
        for &leader in &s.leaders {
            counts[leader] += 1;
        }
    }
    let total = statements.len();
    counts
        .into_iter()
        .map(|n| {
            let share = (n * 1000 + total / 2).checked_div(total).unwrap_or(0);
            (n, share as u32)
        })
        .collect()
}

/// The topic rows, then the row of statements without a topic.
fn rows<'r>(attributed: &[Vec<Attributed<'r>>; 2]) -> Vec<Row<'r>> {
    let mut rows: Vec<Row<'r>> = Vec::new();
    let mut row_of: HashMap<String, usize> = HashMap::new();
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
                let at = *row_of.entry(fold(topic)).or_insert_with(|| {
                    rows.push(Row {
                        topic: Some(topic.to_string()),
                        cells: [Vec::new(), Vec::new()],
                    });
                    rows.len() - 1
                });
                rows[at].cells[side].push(s.clone());
            }
        }
    }
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
        assert_eq!(c.sides[0].per_leader, [(2, 667), (2, 667)]);
        assert_eq!(c.sides[1].per_leader, [(0, 0), (2, 1000)]);
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
}
