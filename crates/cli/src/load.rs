//! One readout file's text into a [`Readout`]: split off the header, parse, apply the header,
//! and word the parser's error diagnostics as warnings naming the file. Reading the file is the
//! caller's (`parse` and `build` read differently: see [`crate::build`]).

use crate::fsio::Failure;
use readouts_core::header;
use readouts_core::{file, Level, Readout};
use std::path::Path;

pub use readouts_core::file::make_ids_unique;

/// A parsed readout file and the warnings to show for it.
pub struct Loaded {
    pub readout: Readout,
    /// One line each: `<file>: line N: <message>`.
    pub warnings: Vec<String>,
}

/// Loads the text of the readout file `path` ([`file::load`], which the app's import uses too).
/// Fails only on a malformed header or a file with nothing after its header; the parser itself
/// never fails.
pub fn load(path: &Path, text: &str) -> Result<Loaded, Failure> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let loaded = file::load(&stem, text).map_err(|cause| Failure::at(path, cause))?;
    let warnings = warnings(path, &loaded.readout, loaded.header_lines);
    Ok(Loaded {
        readout: loaded.readout,
        warnings,
    })
}

/// The header and the readout text of the file `path`. Fails on a malformed header or a
/// file with nothing after its header.
pub fn split_header<'a>(path: &Path, text: &'a str) -> Result<header::Split<'a>, Failure> {
    file::split_header(text).map_err(|cause| Failure::at(path, cause))
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
}
