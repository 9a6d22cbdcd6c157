//! One readout file's text into a [`Readout`]: split off the header, parse, apply the header,
//! and word the parser's error diagnostics as warnings naming the file. Reading the file is the
//! caller's (`parse` and `build` read differently: see [`crate::build`]).

use crate::fsio::Failure;
use crate::header;
use readouts_core::date::Date;
use readouts_core::{parse_published, Level, Readout};
use std::path::Path;

/// A parsed readout file and the warnings to show for it.
pub struct Loaded {
    pub readout: Readout,
    /// One line each: `<file>: line N: <message>`.
    pub warnings: Vec<String>,
}

/// Loads the text of the readout file `path`. Fails only on a malformed header or a file with
/// nothing after its header; the parser itself never fails.
pub fn load(path: &Path, text: &str) -> Result<Loaded, Failure> {
    let split = split_header(path, text)?;
    let mut readout = parse_published(split.body, published_of(&split.header));
    split.header.apply(&mut readout);
    // The header's title or URL may be past the corpus limits: the corpus stays readable.
    readouts_core::limits::fit(&mut readout);
    if readout.id.trim().is_empty() {
        readout.set_id(fallback_id(path));
    }
    let warnings = warnings(path, &readout, split.header_lines);
    Ok(Loaded { readout, warnings })
}

/// The header's publication date, which the parser reads "today" and "On March 14" against.
/// [`header::split`] has checked that it is `YYYY-MM-DD`.
pub fn published_of(header: &header::Header) -> Option<Date> {
    header.published.as_deref().and_then(Date::parse_iso)
}

/// The header and the readout text of the file `path`. Fails on a malformed header or a
/// file with nothing after its header.
pub fn split_header<'a>(path: &Path, text: &'a str) -> Result<header::Split<'a>, Failure> {
    let split = header::split(text).map_err(|cause| Failure::at(path, cause))?;
    if split.body.trim().is_empty() {
        return Err(Failure::at(path, "no readout text after the header"));
    }
    Ok(split)
}

/// The parser's error diagnostics as warnings: `<file>: line N: <message>`, N counted in the
/// file (header lines included) when the diagnostic has a span.
fn warnings(path: &Path, readout: &Readout, header_lines: usize) -> Vec<String> {
    readout
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| {
            let line = d.span.and_then(|span| {
                let before = readout.source.text.get(..span.start)?;
                Some(header_lines + before.matches('\n').count() + 1)
            });
            match line {
                Some(line) => format!("{}: line {line}: {}", path.display(), d.message),
                None => format!("{}: {}", path.display(), d.message),
            }
        })
        .collect()
}

/// A slug of the file stem, for a readout the parser could give no id.
fn fallback_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "readout".into()
    } else {
        slug
    }
}

/// Makes readout ids unique in order: a repeated id gets `-2`, `-3`, … (the first unused),
/// through [`Readout::set_id`] so that statement ids follow.
pub fn make_ids_unique(readouts: &mut [Readout]) {
    let mut used = std::collections::HashSet::new();
    for readout in readouts.iter_mut() {
        if used.insert(readout.id.clone()) {
            continue;
        }
        let base = readout.id.clone();
        let id = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !used.contains(candidate))
            .expect("some suffix is free");
        used.insert(id.clone());
        readout.set_id(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use readouts_core::parse;

    #[test]
    fn the_header_date_anchors_today() {
        let text = "published: 2037-06-09\n\nPresident Hal Calder met today with Prime Minister \
                    Teodor Ossin of Velmora. President Calder stressed that ties are strong.\n";
        let loaded = load(Path::new("calder.txt"), text).unwrap();
        assert_eq!(loaded.readout.event.date.as_deref(), Some("2037-06-09"));
        assert_eq!(loaded.readout.published.as_deref(), Some("2037-06-09"));
        // "On the evening of March 3" without a year: the latest March 3 on or before it.
        let text = "published: 2037-03-04\n\nOn the evening of March 3, President Han Weiming \
                    held phone talks with President Ilse Marrow of Caldoria.\n";
        let loaded = load(Path::new("han.txt"), text).unwrap();
        assert_eq!(loaded.readout.event.date.as_deref(), Some("2037-03-03"));
    }

    fn with_id(id: &str) -> Readout {
        let mut r = parse("President A said that all is well.");
        r.set_id(id.into());
        r
    }

    #[test]
    fn repeated_ids_get_suffixes_in_order() {
        let mut rs: Vec<Readout> = ["x", "y", "x", "x", "x-2"]
            .iter()
            .map(|i| with_id(i))
            .collect();
        make_ids_unique(&mut rs);
        let ids: Vec<&str> = rs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["x", "y", "x-2", "x-3", "x-2-2"]);
        for r in &rs {
            assert!(r
                .statements
                .iter()
                .all(|s| s.id.starts_with(&format!("{}-s", r.id))));
        }
    }

    #[test]
    fn error_diagnostics_become_warnings_with_lines() {
        use readouts_core::{Diagnostic, Span};
        let mut r = parse("one\ntwo\nthree");
        r.source.text = "one\ntwo\nthree".into();
        r.diagnostics = vec![
            Diagnostic {
                level: Level::Error,
                message: "bad".into(),
                span: Some(Span::new(8, 13)),
            },
            Diagnostic {
                level: Level::Warning,
                message: "meh".into(),
                span: None,
            },
            Diagnostic {
                level: Level::Error,
                message: "worse".into(),
                span: None,
            },
        ];
        assert_eq!(
            warnings(Path::new("d/x.txt"), &r, 2),
            ["d/x.txt: line 5: bad", "d/x.txt: worse"]
        );
    }

    #[test]
    fn fallback_ids_are_slugs() {
        assert_eq!(
            fallback_id(Path::new("dir/001 Arvelia & Norland.txt")),
            "001-arvelia-norland"
        );
        assert_eq!(fallback_id(Path::new("dir/---.txt")), "readout");
    }
}
