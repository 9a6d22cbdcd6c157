//! The optional header of a readout file.
//!
//! A readout `.txt` file may start with a few `key: value` lines that say where the text came
//! from, ended by a blank line or by a line `---`:
//!
//! ```text
//! title: President Varga-Holm meets Prime Minister Lindqvist
//! url: https://example.org/readouts/2024-07-03
//! publisher: Ministry of Foreign Affairs of Arvelia
//! published: 2024-07-14
//! ---
//! On the evening of July 3, 2024, President Elena Varga-Holm met with …
//! ```
//!
//! Known keys (lowercase, each at most once):
//! - `title`: the readout's title (replaces the one the parser derives);
//! - `url`: where the readout was published (`source.url`);
//! - `publisher`: who published it (`source.publisher`); the parser reads it as the side that
//!   issues the readout ([`crate::Known`]);
//! - `published` (or its synonym `date`): the publication date, `YYYY-MM-DD`; it replaces the
//!   `published` the parser reads from a `date YYYY-MM-DD` line of the text, and is what
//!   relative dates ("today", "yesterday", "On March 14") are read against
//!   ([`crate::parse_published`]).
//!
//! A value may be empty (the key is then ignored). The header is recognised only when every
//! line before the terminator is such a `key: value` line with a known lowercase key, so that a
//! transcript turn (`President Varga-Holm: Thank you.`), a `Note: …` line or a dateline is never
//! taken for one; without a terminator there is no header. The header is removed before the text
//! is parsed, so spans index the readout text alone.

use crate::validate::is_iso_date;

/// The header keys, in the order documented above.
pub const KEYS: &[&str] = &["title", "url", "publisher", "published", "date"];

/// What a header gave; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
}

/// A file split into its header and its readout text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub header: Header,
    /// The readout text after the header (the whole text when there is no header).
    pub body: &'a str,
    /// How many lines the header took, terminator included (0 without a header).
    pub header_lines: usize,
}

/// Splits off the header, if there is one. A recognised header with a repeated key or a
/// published date that is not `YYYY-MM-DD` is an error (the message names the line).
pub fn split(text: &str) -> Result<Split<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let no_header = Split {
        header: Header::default(),
        body: text,
        header_lines: 0,
    };
    let mut fields: Vec<(usize, &str, &str)> = Vec::new();
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        offset += raw.len();
        if line.trim().is_empty() || line.trim_end() == "---" {
            if fields.is_empty() {
                return Ok(no_header);
            }
            let header = build(&fields)?;
            return Ok(Split {
                header,
                body: &text[offset..],
                header_lines: index + 1,
            });
        }
        match key_value(line) {
            Some((key, value)) => fields.push((index + 1, key, value)),
            None => return Ok(no_header),
        }
    }
    Ok(no_header)
}

/// `key: value` with a known lowercase key at the very start of the line.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    KEYS.contains(&key).then(|| (key, value.trim()))
}

fn build(fields: &[(usize, &str, &str)]) -> Result<Header, String> {
    let mut header = Header::default();
    let mut seen: Vec<&str> = Vec::new();
    for &(line, key, value) in fields {
        let canonical = if key == "date" { "published" } else { key };
        if seen.contains(&canonical) {
            return Err(format!(
                "header line {line}: `{key}` given twice{}",
                if canonical == "published" {
                    " (`date` and `published` are the same key)"
                } else {
                    ""
                }
            ));
        }
        seen.push(canonical);
        if value.is_empty() {
            continue;
        }
        let value = value.to_string();
        match canonical {
            "title" => header.title = Some(value),
            "url" => header.url = Some(value),
            "publisher" => header.publisher = Some(value),
            _ => {
                if !is_iso_date(&value) {
                    return Err(format!(
                        "header line {line}: `{key}: {value}` is not a date written YYYY-MM-DD"
                    ));
                }
                header.published = Some(value);
            }
        }
    }
    Ok(header)
}

impl Header {
    /// What the header tells the parser: the publication date and the publisher
    /// ([`crate::parse_known`]).
    pub fn known(&self) -> crate::Known<'_> {
        crate::Known {
            published: self.published_date(),
            publisher: self.publisher.as_deref(),
        }
    }

    /// The publication date, which the parser reads "today" and "On March 14" against.
    /// [`split`] has checked that it is `YYYY-MM-DD`.
    pub fn published_date(&self) -> Option<crate::date::Date> {
        self.published
            .as_deref()
            .and_then(crate::date::Date::parse_iso)
    }

    /// This header with every field `over` gives in place of its own.
    pub fn overridden_by(&self, over: &Header) -> Header {
        Header {
            title: over.title.clone().or_else(|| self.title.clone()),
            url: over.url.clone().or_else(|| self.url.clone()),
            publisher: over.publisher.clone().or_else(|| self.publisher.clone()),
            published: over.published.clone().or_else(|| self.published.clone()),
        }
    }

    /// Puts what the header gave into a parsed readout.
    pub fn apply(&self, readout: &mut crate::Readout) {
        if let Some(title) = &self.title {
            readout.title = title.clone();
        }
        if let Some(url) = &self.url {
            readout.source.url = Some(url.clone());
        }
        if let Some(publisher) = &self.publisher {
            readout.source.publisher = Some(publisher.clone());
        }
        if let Some(published) = &self.published {
            readout.published = Some(published.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_header_with_dashes() {
        let s = split("title: T\nurl: https://x.test/a\npublisher: Ministry\npublished: 2024-07-14\n---\nBody.\n").unwrap();
        assert_eq!(
            s.header,
            Header {
                title: Some("T".into()),
                url: Some("https://x.test/a".into()),
                publisher: Some("Ministry".into()),
                published: Some("2024-07-14".into()),
            }
        );
        assert_eq!(s.body, "Body.\n");
        assert_eq!(s.header_lines, 5);
    }

    #[test]
    fn blank_line_ends_the_header_and_crlf_is_fine() {
        let s = split("\u{feff}url: u\r\ndate: 2024-02-29\r\n\r\nBody").unwrap();
        assert_eq!(s.header.url.as_deref(), Some("u"));
        assert_eq!(s.header.published.as_deref(), Some("2024-02-29"));
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn no_header_cases_keep_the_whole_text() {
        for text in [
            "President Varga-Holm: Thank you.\n\nChancellor Quist: Thanks.",
            "Transcript: remarks\n\nText",
            "Title: capitalised keys are not header keys\n\nText",
            "url: u\nPresident X: hello\n\nText",
            "title: no terminator, so no header",
            "\ntitle: blank first line",
            "date 2024-07-14 On the evening of July 3, 2024, ...",
            "Halvik, July 3 -- President X met ...",
            "---\ntitle: x\n\n",
        ] {
            let s = split(text).unwrap();
            assert_eq!(s.body, text);
            assert_eq!(s.header, Header::default());
            assert_eq!(s.header_lines, 0);
        }
    }

    #[test]
    fn empty_values_are_ignored() {
        let s = split("url:\npublisher: P\n\nBody").unwrap();
        assert_eq!(s.header.url, None);
        assert_eq!(s.header.publisher.as_deref(), Some("P"));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            split("url: a\nurl: b\n\nBody").unwrap_err(),
            "header line 2: `url` given twice"
        );
        assert!(split("date: 2024-01-01\npublished: 2024-01-02\n---\nBody")
            .unwrap_err()
            .contains("same key"));
        assert_eq!(
            split("published: July 3\n\nBody").unwrap_err(),
            "header line 1: `published: July 3` is not a date written YYYY-MM-DD"
        );
    }

    #[test]
    fn apply_sets_the_readout_fields() {
        let mut r = crate::parse("President A said that all is well.");
        let header = Header {
            title: Some("T".into()),
            url: Some("U".into()),
            publisher: Some("P".into()),
            published: Some("2024-01-01".into()),
        };
        header.apply(&mut r);
        assert_eq!(r.title, "T");
        assert_eq!(r.source.url.as_deref(), Some("U"));
        assert_eq!(r.source.publisher.as_deref(), Some("P"));
        assert_eq!(r.published.as_deref(), Some("2024-01-01"));
    }
}
