//! Two participants side by side, and a participant's statements per month.
//!
//! Participants are named here by their participant id, as the app's pages name them. Counts
//! are made by sorting with the engine's one sort (`query::order` and `order_by_text`), not
//! in maps, which would each compile their own code into the app's wasm.

use crate::date::{Date, MONTH_NAMES};
use crate::model::{Corpus, Readout, Statement};
use crate::query::{order, order_by_text, sorted_by_key};

/// A calendar month, as months since January of year 0 (so months compare and subtract as
/// numbers: the months between two are their difference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub u32);

impl Month {
    /// The month of a `YYYY-MM-DD` date of year 0 or later.
    pub fn of(date: Date) -> Option<Month> {
        let year = u32::try_from(date.year).ok()?;
        Some(Month(year * 12 + date.month - 1))
    }

    pub fn year(self) -> u32 {
        self.0 / 12
    }

    /// 1 to 12.
    pub fn month(self) -> u32 {
        self.0 % 12 + 1
    }

    /// "March 2031".
    pub fn name(self) -> String {
        let mut out = MONTH_NAMES[(self.month() - 1) as usize].to_string();
        out.push(' ');
        out.push_str(&self.year().to_string());
        out
    }

    /// "2031-03" (the year in at least four digits), for `<time datetime>`.
    pub fn iso(self) -> String {
        let mut out = String::new();
        let year = self.year().to_string();
        for _ in year.len()..4 {
            out.push('0');
        }
        out.push_str(&year);
        out.push('-');
        if self.month() < 10 {
            out.push('0');
        }
        out.push_str(&self.month().to_string());
        out
    }
}

/// Statements in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Month,
    pub statements: usize,
}

/// One topic and how many statements of each participant raise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCounts {
    pub topic: String,
    pub counts: [usize; 2],
}

/// A statement with the readout it comes from.
pub type Said<'c> = (&'c Readout, &'c Statement);

/// Two participants side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleComparison<'c> {
    /// Topics raised by either, most raised (by both together) first, then by label.
    pub topics: Vec<TopicCounts>,
    /// Readouts both take part in, in corpus order.
    pub shared_readouts: Vec<&'c Readout>,
    /// For each topic both raised (in [`topics`](Self::topics) order), each one's statements
    /// on it, in corpus order.
    pub shared_topics: Vec<(String, [Vec<Said<'c>>; 2])>,
    /// Statements per month of each (see [`months`]).
    pub timelines: [Vec<MonthCount>; 2],
}

/// A readout's month: the event's date, else the publication date.
fn month_of(readout: &Readout) -> Option<Month> {
    let date = readout
        .event
        .date
        .as_deref()
        .or(readout.published.as_deref())
        .and_then(Date::parse_iso)?;
    Month::of(date)
}

/// Every statement of participant `id`, with its readout, in corpus order.
fn statements_of<'c>(corpus: &'c Corpus, id: &str) -> Vec<Said<'c>> {
    let mut out = Vec::new();
    for readout in &corpus.readouts {
        for statement in &readout.statements {
            if statement.speakers.iter().any(|sp| sp == id) {
                out.push((readout, statement));
            }
        }
    }
    out
}

/// Statements per month of participant `id`, the months in which they have any, in order;
/// statements of undated readouts are not counted. Only months with statements are listed,
/// so that a corpus with a stray date centuries away costs one entry, not thousands of
/// empty months (the chart places each month on its axis by [`Month`]'s number).
pub fn months(corpus: &Corpus, id: &str) -> Vec<MonthCount> {
    month_counts(&statements_of(corpus, id))
}

fn month_counts(statements: &[Said]) -> Vec<MonthCount> {
    let dated: Vec<Month> = statements
        .iter()
        .filter_map(|(readout, _)| month_of(readout))
        .collect();
    let mut out: Vec<MonthCount> = Vec::new();
    for at in order(dated.iter().map(|m| u64::from(m.0))) {
        let month = dated[at as usize];
        match out.last_mut() {
            Some(last) if last.month == month => last.statements += 1,
            _ => out.push(MonthCount {
                month,
                statements: 1,
            }),
        }
    }
    out
}

/// Participants `a` and `b` side by side (see [`PeopleComparison`]).
pub fn compare_people<'c>(corpus: &'c Corpus, a: &str, b: &str) -> PeopleComparison<'c> {
    let said = [statements_of(corpus, a), statements_of(corpus, b)];
    // Every (topic, side, statement) mention, sorted by topic (stable: corpus order within
    // each side), each run of one topic counted.
    let mut labels: Vec<String> = Vec::new();
    let mut mentions: Vec<(usize, Said<'c>)> = Vec::new();
    for (side, statements) in said.iter().enumerate() {
        for &(readout, statement) in statements {
            for topic in &statement.topics {
                labels.push(topic.to_string());
                mentions.push((side, (readout, statement)));
            }
        }
    }
    let mut groups: Vec<(TopicCounts, [Vec<Said<'c>>; 2])> = Vec::new();
    for at in order_by_text(&labels) {
        let at = at as usize;
        let (side, statement) = mentions[at];
        let new = groups.last().is_none_or(|(t, _)| t.topic != labels[at]);
        if new {
            groups.push((
                TopicCounts {
                    topic: labels[at].clone(),
                    counts: [0, 0],
                },
                [Vec::new(), Vec::new()],
            ));
        }
        if let Some((counts, lists)) = groups.last_mut() {
            counts.counts[side] += 1;
            lists[side].push(statement);
        }
    }
    // Most raised first; ties keep the label order (the sort is stable).
    let groups = sorted_by_key(groups, |(t, _)| {
        u64::MAX - (t.counts[0] + t.counts[1]) as u64
    });
    let mut topics = Vec::with_capacity(groups.len());
    let mut shared_topics = Vec::new();
    for (counts, lists) in groups {
        if counts.counts[0] > 0 && counts.counts[1] > 0 {
            shared_topics.push((counts.topic.clone(), lists));
        }
        topics.push(counts);
    }
    let shared_readouts = corpus
        .readouts
        .iter()
        .filter(|r| r.participant(a).is_some() && r.participant(b).is_some())
        .collect();
    PeopleComparison {
        topics,
        shared_readouts,
        shared_topics,
        timelines: [month_counts(&said[0]), month_counts(&said[1])],
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
        // A second January readout, listed after April: months are counted in date order.
        let mut late = readout("late", "2031-01-28", "Kestria", people());
        late.statements = vec![said("late", 0, &["tomas-brenn", "ilse-varo"], &[])];
        Corpus::new(vec![jan, apr, alone, undated, late])
    }

    fn series(months: &[MonthCount]) -> Vec<(String, usize)> {
        months
            .iter()
            .map(|m| (m.month.iso(), m.statements))
            .collect()
    }

    #[test]
    fn months_with_statements_in_date_order() {
        let corpus = corpus();
        assert_eq!(
            series(&months(&corpus, "tomas-brenn")),
            [("2031-01".to_string(), 2), ("2031-04".to_string(), 1)],
            "the joint statement counts; the undated one does not"
        );
        assert_eq!(
            series(&months(&corpus, "ilse-varo")),
            [("2030-12".to_string(), 1), ("2031-01".to_string(), 2)]
        );
        assert!(months(&corpus, "nobody").is_empty());
    }

    #[test]
    fn a_month_is_a_number_with_a_name() {
        let march = Month::of(Date::parse_iso("2031-03-04").unwrap()).unwrap();
        assert_eq!(march.year(), 2031);
        assert_eq!(march.month(), 3);
        assert_eq!(march.name(), "March 2031");
        assert_eq!(march.iso(), "2031-03");
        let december = Month::of(Date::parse_iso("2030-12-31").unwrap()).unwrap();
        assert_eq!(march.0 - december.0, 3, "months apart");
        assert_eq!(Month(12 * 7 + 11).iso(), "0007-12");
        assert_eq!(Month(12 * 7 + 11).name(), "December 7");
    }

    #[test]
    fn a_stray_date_costs_one_month_not_thousands() {
        let mut corpus = corpus();
        corpus.readouts[1].event.date = Some("0001-06-01".into());
        // April's readout moved 2,030 years back: two entries still, January's and its own.
        assert_eq!(
            series(&months(&corpus, "tomas-brenn")),
            [("0001-06".to_string(), 1), ("2031-01".to_string(), 2)]
        );
    }

    #[test]
    fn two_people_share_topics_readouts_and_statements() {
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
        assert_eq!(shared, ["jan", "apr", "undated", "late"]);
        assert_eq!(c.shared_topics.len(), 1);
        let (topic, [brenn, varo]) = &c.shared_topics[0];
        assert_eq!(topic, "trade");
        let ids =
            |list: &[Said]| -> Vec<String> { list.iter().map(|(_, s)| s.id.clone()).collect() };
        assert_eq!(ids(brenn), ["jan-s1", "apr-s1", "undated-s1"]);
        assert_eq!(ids(varo), ["jan-s2"]);
        assert_eq!(brenn[1].0.id, "apr", "each statement with its readout");
        assert_eq!(
            series(&c.timelines[0]),
            series(&months(&corpus, "tomas-brenn"))
        );
        assert_eq!(
            series(&c.timelines[1]),
            series(&months(&corpus, "ilse-varo"))
        );
    }

    #[test]
    fn nobody_in_common_shares_nothing() {
        let corpus = corpus();
        let c = compare_people(&corpus, "tomas-brenn", "nobody");
        assert!(c.shared_readouts.is_empty() && c.shared_topics.is_empty());
        assert!(c.topics.iter().all(|t| t.counts[1] == 0));
        assert!(c.timelines[1].is_empty());
    }
}
