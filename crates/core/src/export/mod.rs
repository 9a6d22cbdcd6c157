//! Exports: statements as CSV or JSON records, readouts as corpus JSON.
//!
//! Everything a reader can take out of readouts is written here, so that the app's downloads,
//! the CLI and the tests all write the same bytes:
//!
//! - [`statements_csv`] and [`statements_json`]: statements as flat [`Record`]s, one per
//!   statement, with the columns [`COLUMNS`]. The app exports the statements of the current
//!   view with them (every page, [`Index::matching`](crate::query::Index::matching)).
//! - [`citation`]: one statement as a citation, plain or Chicago-style ([`Style`]), for the
//!   app's "Copy citation" (`cite.rs` has the forms).
//! - [`corpus_json`]: readouts as a corpus file, byte for byte what `readouts build` writes
//!   for the same readouts (its [`Corpus::to_json`](crate::Corpus::to_json)); one readout is
//!   a corpus of one, as
//!   `readouts parse` prints it. `readouts check` accepts it and `readouts merge` adds it to
//!   another corpus (`docs/corpus-format.md`, Exports). [`CorpusWriter`] writes the same bytes
//!   a readout at a time.
//!
//! # The CSV (`csv.rs`)
//!
//! RFC 4180, UTF-8: a header row of [`COLUMNS`], then one row per statement; every row ends
//! with CRLF; a field holding a comma, a double quote, a CR or an LF is quoted, its quotes
//! doubled. The file starts with a UTF-8 byte order mark, which tells Excel the file is UTF-8
//! (without it, Excel reads it in the system's code page and garbles every accent); most CSV
//! readers skip it (Python's `csv` needs `encoding="utf-8-sig"`).
//!
//! **Lists** (a joint statement's speakers, a statement's topics) are joined with `"; "`
//! ([`LIST_SEPARATOR`]) in one field, the way spreadsheets write multi-valued cells. A name or
//! topic that itself holds `"; "` cannot be told apart from two; the JSON export keeps lists
//! as arrays and is the lossless one.
//!
//! **Formulas**: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some,
//! a tab or a CR) as a formula, so a statement's text could run one in the reader's
//! spreadsheet (CSV injection). Every such field gets a leading apostrophe (`'`), which
//! spreadsheets show as text and hide (OWASP's advice); so does a field that already starts
//! with one, so that the rule can be undone without loss: **remove one leading `'` from every
//! field that starts with one** and the original value is back ([`guard`]).
//!
//! # The statements JSON
//!
//! An array of objects with the [`COLUMNS`] as keys: strings, `null` where a value is missing
//! (a date, a publisher, a source URL), and arrays of strings for `speakers` and `topics`. No
//! formula guard: JSON is not opened by spreadsheets as cells.
//!
//! # Permalinks
//!
//! A statement's permalink is `<base>s/<id>`, the id percent-encoded as a path segment, as the
//! app's `/s/<id>` route writes it; `base` is the app's address (its `<base href>`, ending in
//! `/`: a missing final `/` is added), which the caller passes.

mod cite;
mod csv;
mod json;

pub use self::cite::{citation, Style};
pub use self::csv::{guard, statements_csv, LIST_SEPARATOR};

use crate::model::{Readout, Statement};

/// The fields of a statement record, in order: the CSV's header and the JSON's keys.
pub const COLUMNS: [&str; 10] = [
    "statement_id",
    "readout",
    "date",
    "speakers",
    "verb",
    "text",
    "topics",
    "publisher",
    "source_url",
    "permalink",
];

/// One statement as a flat record, borrowed from its readout: what both exports write.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    pub statement_id: &'a str,
    /// The readout's id (`/r/<id>` in the app).
    pub readout: &'a str,
    /// The event's date, or the publication date where the readout gives no event date (the
    /// date the app shows and sorts by); `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// The speakers' names (their ids where the readout has no such participant, which
    /// validation refuses).
    pub speakers: Vec<&'a str>,
    pub verb: &'a str,
    pub text: &'a str,
    pub topics: Vec<&'a str>,
    pub publisher: Option<&'a str>,
    pub source_url: Option<&'a str>,
    pub permalink: String,
}

impl<'a> Record<'a> {
    /// The record of `statement` of `readout`, its permalink under `base`.
    pub fn new(readout: &'a Readout, statement: &'a Statement, base: &str) -> Record<'a> {
        let speakers = statement
            .speakers
            .iter()
            .map(|id| readout.participant(id).map_or(id.as_str(), |p| &p.name))
            .collect();
        Record {
            statement_id: &statement.id,
            readout: &readout.id,
            date: readout
                .event
                .date
                .as_deref()
                .or(readout.published.as_deref()),
            speakers,
            verb: &statement.verb,
            text: &statement.text,
            topics: statement.topics.iter().map(|t| t.as_ref()).collect(),
            publisher: readout.source.publisher.as_deref(),
            source_url: readout.source.url.as_deref(),
            permalink: permalink(base, &statement.id),
        }
    }
}

/// One value of a [`Record`], as both writers take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    Text(&'a str),
    /// No value: an empty CSV field, JSON `null`.
    Missing,
    /// A list: joined with [`LIST_SEPARATOR`] in CSV, an array in JSON.
    List(&'a [&'a str]),
}

impl<'a> Record<'a> {
    /// The values in the order of [`COLUMNS`]: the one place that pairs fields with columns.
    pub fn values(&self) -> [Value<'_>; 10] {
        fn optional(value: Option<&str>) -> Value<'_> {
            value.map_or(Value::Missing, Value::Text)
        }
        [
            Value::Text(self.statement_id),
            Value::Text(self.readout),
            optional(self.date),
            Value::List(&self.speakers),
            Value::Text(self.verb),
            Value::Text(self.text),
            Value::List(&self.topics),
            optional(self.publisher),
            optional(self.source_url),
            Value::Text(&self.permalink),
        ]
    }
}

/// A statement's address in the app under `base`: `<base>s/<percent-encoded id>`.
pub fn permalink(base: &str, statement_id: &str) -> String {
    let mut link = String::with_capacity(base.len() + statement_id.len() + 3);
    link.push_str(base);
    if !link.ends_with('/') {
        link.push('/');
    }
    link.push_str("s/");
    crate::query::push_encoded(&mut link, statement_id, "%20");
    link
}

/// The statements as a JSON array of [`Record`]s (compact, with a trailing newline).
pub fn statements_json(rows: &[(&Readout, &Statement)], base: &str) -> String {
    let mut json = String::from("[");
    for (i, &(readout, statement)) in rows.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json::push_record(&mut json, &Record::new(readout, statement, base));
    }
    json.push_str("]\n");
    json
}

/// The readouts as a corpus file, without copying them: the compact JSON of `readouts build`
/// ([`Corpus::to_json`](crate::Corpus::to_json) is this), byte for byte what `serde_json`
/// writes for the model (`json.rs` says why it is written by hand).
pub fn corpus_json(readouts: &[&Readout]) -> String {
    let mut json = String::new();
    json::push_corpus(&mut json, readouts, false);
    json.push('\n');
    json
}

/// The readouts' outline as a corpus file: each readout without its statements, source
/// text, diagnostics and corrections (its id, title, dates, event, participants, topics,
/// publisher and address stay). What the lists of people and readouts read (they are drawn
/// by a lazy app, which reads the outline as any corpus file, with the counts it drops handed
/// over beside it), a small fraction of the corpus's size.
pub fn outline_json(readouts: &[&Readout]) -> String {
    let mut json = String::new();
    json::push_corpus(&mut json, readouts, true);
    json.push('\n');
    json
}

/// A corpus file written a readout at a time, for a caller that writes many readouts and must
/// stop between them (the import page, which lets the browser paint between slices of work):
/// the bytes of [`corpus_json`] for the readouts pushed, in order.
pub struct CorpusWriter {
    json: String,
    empty: bool,
}

impl Default for CorpusWriter {
    fn default() -> Self {
        CorpusWriter::new()
    }
}

impl CorpusWriter {
    pub fn new() -> CorpusWriter {
        let mut json = String::new();
        json::push_corpus_start(&mut json);
        CorpusWriter { json, empty: true }
    }

    /// Writes the next readout.
    pub fn push(&mut self, readout: &Readout) {
        if !self.empty {
            self.json.push(',');
        }
        self.empty = false;
        json::push_readout(&mut self.json, readout, false);
    }

    /// The corpus file.
    pub fn finish(mut self) -> String {
        json::push_corpus_end(&mut self.json);
        self.json.push('\n');
        self.json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permalinks_encode_the_id_as_a_path_segment() {
        assert_eq!(
            permalink("https://r.example/app/", "a-b-s1"),
            "https://r.example/app/s/a-b-s1"
        );
        assert_eq!(
            permalink("/x", "a b/é#?-s2"),
            "/x/s/a%20b%2F%C3%A9%23%3F-s2"
        );
    }
}
