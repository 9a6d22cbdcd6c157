//! The dates a corpus covers, for the bounds of the viewer's date-range control.

use super::index::Index;
use crate::validate::is_iso_date;

impl Index {
    /// The earliest and latest readout dates (the event's, else the publication's), as
    /// `YYYY-MM-DD`; `None` when no readout has a valid date.
    pub fn date_extent(&self) -> Option<(String, String)> {
        let mut dates = self.corpus().readouts.iter().filter_map(|r| {
            r.event
                .date
                .as_deref()
                .or(r.published.as_deref())
                .filter(|d| is_iso_date(d))
        });
        let first = dates.next()?;
        let (min, max) = dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
        Some((min.to_string(), max.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Corpus;
    use crate::query::Index;

    fn readout(id: &str, date: &str, published: &str) -> String {
        format!(
            r#"{{"id":"{id}","title":"t","published":{published},"event":{{"date":{date},"time_of_day":null,"location":null,"kind":"meeting"}},"participants":[],"statements":[],"topics":[],"source":{{"text":"","publisher":null,"url":null}},"diagnostics":[]}}"#
        )
    }

    #[test]
    fn earliest_and_latest_dates() {
        let json = format!(
            r#"{{"schema_version":1,"readouts":[{},{},{},{}]}}"#,
            readout("a", r#""2024-07-03""#, "null"),
            readout("b", "null", r#""2023-01-09""#),
            readout("c", r#""2025-02-30""#, "null"),
            readout("d", "null", "null"),
        );
        let index = Index::new(Corpus::from_json(&json).unwrap());
        assert_eq!(
            index.date_extent(),
            Some(("2023-01-09".to_string(), "2024-07-03".to_string()))
        );
        let empty = Index::new(Corpus::new(vec![]));
        assert_eq!(empty.date_extent(), None);
    }
}
