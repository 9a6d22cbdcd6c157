//! Two participants side by side, and a participant's statements per month.
//!
//! Participants are named here by their participant id, as the app's pages name them.

use crate::date::Date;
use crate::model::{Corpus, Readout, Statement};
use std::collections::BTreeMap;

/// Statements in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub statements: usize,
}

/// One topic and how many statements of each participant raise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCounts {
    pub topic: String,
    pub counts: [usize; 2],
}

/// Two participants side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleComparison<'c> {
    /// Topics raised by either, most raised (by both together) first, then by label.
    pub topics: Vec<TopicCounts>,
    /// Readouts both take part in, in corpus order.
    pub shared_readouts: Vec<&'c Readout>,
    /// For each topic both raised (in [`topics`](Self::topics) order), each one's statements on it.
    pub shared_topics: Vec<(String, [Vec<&'c Statement>; 2])>,
    /// Statements per month of each, over the same months (from the first month either spoke
    /// to the last), so that the two can be drawn on one axis.
    pub timelines: [Vec<MonthCount>; 2],
}

/// A readout's month as `(year, month)`: the event's date, else the publication date.
fn month_of(readout: &Readout) -> Option<(i32, u32)> {
    let date = readout
        .event
        .date
        .as_deref()
        .or(readout.published.as_deref())
        .and_then(Date::parse_iso)?;
    Some((date.year, date.month))
}

/// Every statement of participant `id`, with its readout.
fn statements_of<'c>(
    corpus: &'c Corpus,
    id: &'c str,
) -> impl Iterator<Item = (&'c Readout, &'c Statement)> + 'c {
    corpus.readouts.iter().flat_map(move |readout| {
        readout
            .statements
            .iter()
            .filter(move |s| s.speakers.iter().any(|sp| sp == id))
            .map(move |s| (readout, s))
    })
}

/// Statements per dated month of participant `id`.
fn month_counts(corpus: &Corpus, id: &str) -> BTreeMap<(i32, u32), usize> {
    let mut counts = BTreeMap::new();
    for (readout, _) in statements_of(corpus, id) {
        if let Some(month) = month_of(readout) {
            *counts.entry(month).or_default() += 1;
        }
    }
    counts
}

/// Every month from `first` to `last`, with the counts of `counts` (zero where none).
fn fill(
    counts: &BTreeMap<(i32, u32), usize>,
    first: (i32, u32),
    last: (i32, u32),
) -> Vec<MonthCount> {
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        out.push(MonthCount {
            month: format!("{year:04}-{month:02}"),
            statements: counts.get(&(year, month)).copied().unwrap_or(0),
        });
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    out
}

/// Statements per month of participant `id`, every month from their first to their last
/// (zero months included); statements of undated readouts are not counted. Empty when they
/// have no dated statement.
pub fn months(corpus: &Corpus, id: &str) -> Vec<MonthCount> {
    let counts = month_counts(corpus, id);
    match (counts.keys().next(), counts.keys().next_back()) {
        (Some(&first), Some(&last)) => fill(&counts, first, last),
        _ => Vec::new(),
    }
}

/// Participants `a` and `b` side by side (see [`PeopleComparison`]).
pub fn compare_people<'c>(corpus: &'c Corpus, a: &'c str, b: &'c str) -> PeopleComparison<'c> {
    let ids = [a, b];
    let mut topics: BTreeMap<String, [Vec<&'c Statement>; 2]> = BTreeMap::new();
    for (side, id) in ids.iter().enumerate() {
        for (_, statement) in statements_of(corpus, id) {
            for topic in &statement.topics {
                topics.entry(topic.to_string()).or_default()[side].push(statement);
            }
        }
    }
    let mut counts: Vec<TopicCounts> = topics
        .iter()
        .map(|(topic, s)| TopicCounts {
            topic: topic.clone(),
            counts: [s[0].len(), s[1].len()],
        })
        .collect();
    // Most raised first; the map's order breaks ties by label (a stable sort keeps it).
    counts.sort_by_key(|t| std::cmp::Reverse(t.counts[0] + t.counts[1]));
    let shared_topics = counts
        .iter()
        .filter(|t| t.counts[0] > 0 && t.counts[1] > 0)
        .filter_map(|t| topics.remove(&t.topic).map(|s| (t.topic.clone(), s)))
        .collect();
    let shared_readouts = corpus
        .readouts
        .iter()
        .filter(|r| r.participant(a).is_some() && r.participant(b).is_some())
        .collect();
    PeopleComparison {
        topics: counts,
        shared_readouts,
        shared_topics,
        timelines: aligned_timelines(corpus, ids),
    }
}

/// Both participants' months over the union of their ranges.
fn aligned_timelines(corpus: &Corpus, ids: [&str; 2]) -> [Vec<MonthCount>; 2] {
    let counts = ids.map(|id| month_counts(corpus, id));
    let first = counts.iter().filter_map(|c| c.keys().next()).min().copied();
    let last = counts
        .iter()
        .filter_map(|c| c.keys().next_back())
        .max()
        .copied();
    match (first, last) {
        (Some(first), Some(last)) => counts.map(|c| fill(&c, first, last)),
        _ => [Vec::new(), Vec::new()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::{person, readout, said};
    use crate::model::Role;

    fn corpus() -> Corpus {
        let people = || {
            vec![
                person("tomas-brenn", "Tomas Brenn", Role::Principal),
                person("ilse-varo", "Ilse Varo", Role::Counterpart),
            ]
        };
        let mut jan = readout("jan", "2031-01-20", "Arvelia", people());
        jan.statements = vec![
            said("jan", 0, &["tomas-brenn"], &["trade", "harbour"]),
            said("jan", 1, &["ilse-varo"], &["trade"]),
        ];
        let mut apr = readout("apr", "2031-04-02", "Arvelia", people());
        apr.statements = vec![said("apr", 0, &["tomas-brenn"], &["trade"])];
        let mut alone = readout(
            "alone",
            "2030-12-30",
            "Kestria",
            vec![person("ilse-varo", "Ilse Varo", Role::Principal)],
        );
        alone.statements = vec![said("alone", 0, &["ilse-varo"], &["fisheries"])];
        let mut undated = readout("undated", "2031-01-01", "Kestria", people());
        undated.event.date = None;
        undated.published = None;
        undated.statements = vec![said("undated", 0, &["tomas-brenn"], &["trade"])];
        Corpus::new(vec![jan, apr, alone, undated])
    }

    fn series(months: &[MonthCount]) -> Vec<(&str, usize)> {
        months
            .iter()
            .map(|m| (m.month.as_str(), m.statements))
            .collect()
    }

    #[test]
    fn months_run_from_the_first_to_the_last_with_empty_months() {
        let corpus = corpus();
        assert_eq!(
            series(&months(&corpus, "tomas-brenn")),
            [
                ("2031-01", 1),
                ("2031-02", 0),
                ("2031-03", 0),
                ("2031-04", 1)
            ]
        );
        assert_eq!(
            series(&months(&corpus, "ilse-varo")),
            [("2030-12", 1), ("2031-01", 1)]
        );
        assert!(months(&corpus, "nobody").is_empty());
    }

    #[test]
    fn two_people_share_topics_readouts_and_an_axis() {
        let corpus = corpus();
        let c = compare_people(&corpus, "tomas-brenn", "ilse-varo");
        let topics: Vec<(&str, [usize; 2])> = c
            .topics
            .iter()
            .map(|t| (t.topic.as_str(), t.counts))
            .collect();
        assert_eq!(
            topics,
            [
                ("trade", [3, 1]),
                ("fisheries", [0, 1]),
                ("harbour", [1, 0])
            ]
        );
        let shared: Vec<&str> = c.shared_readouts.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(shared, ["jan", "apr", "undated"]);
        assert_eq!(c.shared_topics.len(), 1);
        assert_eq!(c.shared_topics[0].0, "trade");
        assert_eq!(c.shared_topics[0].1[0].len(), 3);
        assert_eq!(c.timelines[0].len(), 5);
        assert_eq!(c.timelines[1].len(), 5);
        assert_eq!(c.timelines[0][0].month, "2030-12");
        assert_eq!(c.timelines[1][4].month, "2031-04");
    }
}
