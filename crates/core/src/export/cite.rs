//! A statement as a citation a reader pastes into their own text: who said it, the reporting
//! verb, the quoted text, who published the readout, its title and date, and the statement's
//! permalink. Two forms: [`Style::Plain`], one line that reads as a sentence, and
//! [`Style::Chicago`], after the Chicago Manual of Style's entry for a web page (publisher,
//! title in quotation marks, date as "Month D, YYYY", address), with the statement between
//! the date and the address.
//!
//! Plain:
//! `Xi Jinping pointed out: "China and Russia should deepen cooperation." Ministry of Tests,
//! "Xi Jinping Meets with Russian President Vladimir Putin", 14 July 2024.
//! https://r.example/s/astana-s1`
//!
//! Chicago:
//! `Ministry of Tests. “Xi Jinping Meets with Russian President Vladimir Putin.” July 14, 2024.
//! Xi Jinping pointed out: “China and Russia should deepen cooperation.”
//! https://r.example/s/astana-s1.`
//!
//! The date is the readout's publication date, else the event's (a citation names when the
//! document appeared); what the corpus does not know is left out (Chicago writes "n.d." for
//! no date). A continuation cites the verb it continues ([`Readout::reporting_verb`]).

use super::permalink;
use crate::date::{Date, MONTH_NAMES};
use crate::model::{Readout, Statement};

/// The form of a [`citation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// One line, straight quotes, dates as "14 July 2024".
    Plain,
    /// Chicago-style: curly quotes, dates as "July 14, 2024", "n.d." without one.
    Chicago,
}

/// The citation of `statement` of `readout` in `style`, its permalink under `base` (the app's
/// address, as for [`permalink`]).
pub fn citation(readout: &Readout, statement: &Statement, base: &str, style: Style) -> String {
    let (open, close) = match style {
        Style::Plain => ('"', '"'),
        Style::Chicago => ('“', '”'),
    };
    let date = readout
        .published
        .as_deref()
        .or(readout.event.date.as_deref());
    let title = readout.title.trim();
    let publisher = readout
        .source
        .publisher
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let mut said = speakers(readout, statement);
    said.push(' ');
    said.push_str(readout.reporting_verb(statement));
    said.push_str(": ");
    said.push(open);
    said.push_str(statement.text.trim());
    said.push(close);
    let link = permalink(base, &statement.id);
    let mut out = String::new();
    match style {
        Style::Plain => {
            out.push_str(&said);
            let mut parts = Vec::new();
            parts.extend(publisher.map(str::to_string));
            if !title.is_empty() {
                parts.push(format!("\"{title}\""));
            }
            parts.extend(date.map(|d| day_month_year(d, false)));
            if !parts.is_empty() {
                out.push(' ');
                out.push_str(&parts.join(", "));
                out.push('.');
            }
            out.push(' ');
            out.push_str(&link);
        }
        Style::Chicago => {
            if let Some(publisher) = publisher {
                sentence(&mut out, publisher);
            }
            if !title.is_empty() {
                out.push('“');
                sentence(&mut out, title);
                out.pop();
                out.push_str("” ");
            }
            let date = date.map_or_else(|| "n.d.".to_string(), |d| day_month_year(d, true));
            sentence(&mut out, &date);
            out.push_str(&said);
            out.push(' ');
            out.push_str(&link);
            out.push('.');
        }
    }
    out
}

/// The speakers' names: "Xi Jinping", "Xi Jinping and Vladimir Putin", "A, B and C"; the id
/// where the readout lists no such participant; "An unattributed speaker" for none.
fn speakers(readout: &Readout, statement: &Statement) -> String {
    let names: Vec<&str> = statement
        .speakers
        .iter()
        .map(|id| readout.participant(id).map_or(id.as_str(), |p| &p.name))
        .collect();
    match names.split_last() {
        None => "An unattributed speaker".to_string(),
        Some((last, [])) => last.to_string(),
        Some((last, init)) => format!("{} and {last}", init.join(", ")),
    }
}

/// `text` with a full stop (unless it ends with one, or another mark that ends a sentence)
/// and a space.
fn sentence(out: &mut String, text: &str) {
    out.push_str(text);
    if !text.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out.push(' ');
}

/// "14 July 2024", or Chicago's "July 14, 2024"; a date that is not `YYYY-MM-DD` as written.
fn day_month_year(iso: &str, month_first: bool) -> String {
    match Date::parse_iso(iso) {
        Some(d) => {
            let month = MONTH_NAMES[d.month as usize - 1];
            if month_first {
                format!("{month} {}, {}", d.day, d.year)
            } else {
                format!("{} {month} {}", d.day, d.year)
            }
        }
        None => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Corpus, CONTINUED};

    /// A fictional readout: Arvid Lönnqvist of Velmora meets Tamsin Okafor of Drevnia.
    fn readout() -> Readout {
        let json = r#"{"schema_version":1,"readouts":[{"id":"velmora","title":"President Lönnqvist Meets Prime Minister Okafor","published":"2031-03-09","event":{"date":"2031-03-08","time_of_day":null,"location":"Tarn","kind":"meeting"},"participants":[{"id":"arvid-lonnqvist","name":"Arvid Lönnqvist","title":"President","country":"Velmora","role":"principal","aliases":[]},{"id":"tamsin-okafor","name":"Tamsin Okafor","title":"Prime Minister","country":"Drevnia","role":"counterpart","aliases":[]}],"statements":[{"id":"velmora-s1","speakers":["arvid-lonnqvist"],"verb":"stressed","text":"the \"river accord\" must hold.","span":[0,10],"paragraph":0,"topics":[]},{"id":"velmora-s2","speakers":["arvid-lonnqvist"],"verb":"continued","text":"Trade comes next.","span":[11,20],"paragraph":0,"topics":[]},{"id":"velmora-s3","speakers":["arvid-lonnqvist","tamsin-okafor"],"verb":"agreed","text":"to meet again.","span":[21,30],"paragraph":0,"topics":[]}],"topics":[],"source":{"text":"President Arvid Lönnqvist stressed that the accord must hold. Trade comes next.","publisher":"Office of the President of Velmora","url":null},"diagnostics":[]}]}"#;
        Corpus::from_json(json).unwrap().readouts.remove(0)
    }

    #[test]
    fn plain_and_chicago_name_every_part() {
        let r = readout();
        let s = &r.statements[0];
        assert_eq!(
            citation(&r, s, "https://r.example/", Style::Plain),
            "Arvid Lönnqvist stressed: \"the \"river accord\" must hold.\" Office of the President of Velmora, \"President Lönnqvist Meets Prime Minister Okafor\", 9 March 2031. https://r.example/s/velmora-s1"
        );
        assert_eq!(
            citation(&r, s, "https://r.example/app", Style::Chicago),
            "Office of the President of Velmora. “President Lönnqvist Meets Prime Minister Okafor.” March 9, 2031. Arvid Lönnqvist stressed: “the \"river accord\" must hold.” https://r.example/app/s/velmora-s1."
        );
    }

    #[test]
    fn a_continuation_cites_the_verb_it_continues_and_joint_statements_every_speaker() {
        let r = readout();
        assert_eq!(r.statements[1].verb, CONTINUED);
        let plain = citation(&r, &r.statements[1], "/", Style::Plain);
        assert!(
            plain.starts_with("Arvid Lönnqvist stressed: \"Trade comes next.\""),
            "{plain}"
        );
        let joint = citation(&r, &r.statements[2], "/", Style::Plain);
        assert!(
            joint.starts_with("Arvid Lönnqvist and Tamsin Okafor agreed: \"to meet again.\""),
            "{joint}"
        );
    }

    #[test]
    fn what_the_corpus_does_not_know_is_left_out() {
        let mut r = readout();
        r.source.publisher = Some("  ".into());
        r.published = None;
        r.event.date = None;
        r.title = String::new();
        let mut s = r.statements[0].clone();
        s.speakers = Default::default();
        r.statements[0] = s;
        let s = &r.statements[0];
        assert_eq!(
            citation(&r, s, "/", Style::Plain),
            "An unattributed speaker stressed: \"the \"river accord\" must hold.\" /s/velmora-s1"
        );
        assert_eq!(
            citation(&r, s, "/", Style::Chicago),
            "n.d. An unattributed speaker stressed: “the \"river accord\" must hold.” /s/velmora-s1."
        );
        // Without a publication date, the event's.
        let mut r = readout();
        r.published = None;
        assert!(citation(&r, &r.statements[0], "/", Style::Plain).contains(", 8 March 2031."));
    }
}
