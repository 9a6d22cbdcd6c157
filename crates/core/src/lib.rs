//! readouts-core: the pure heart of readouts.
//!
//! - [`model`]: the corpus JSON types and schema version.
//! - [`parse()`]: readout text → [`Readout`], never failing, with diagnostics.
//! - [`explain()`]: the same, with why each sentence made statements or none ([`mod@explain`]).
//! - [`mod@file`] and [`header`]: a readout file (an optional `key: value` header, then the
//!   text) into a readout, as the CLI and the app's import read it.
//! - [`limits`]: the largest corpus readouts reads, enforced by every reader.
//! - [`compare`]: accounts of one meeting side by side, and two participants side by side.
//! - [`correct`]: a reader's corrections of a parse, kept with the readout (the
//!   `corrections` feature, on by default); [`marks`]: what views mark as corrected.
//! - [`export`]: statements as CSV or JSON records, readouts as corpus JSON.
//! - [`stream`]: a corpus file read chunk by chunk as it arrives.
//!
//! Nothing here knows about the browser: the crate builds for native targets and
//! `wasm32-unknown-unknown` alike, and is tested natively.

pub mod compare;
#[cfg(feature = "corrections")]
pub mod correct;
pub mod date;
pub mod explain;
pub mod export;
pub mod file;
pub mod fold;
mod fxhash;
pub mod header;
pub mod limits;
pub mod marks;
pub mod model;
mod parse;
pub mod query;
pub mod slug;
pub mod stream;
pub mod validate;

pub use model::*;

/// Parses one readout's text (`docs/conventions.md` says what it
/// extracts). Never fails: what it cannot read becomes a diagnostic. The result is within the
/// corpus [limits]: text past [`limits::SOURCE_TEXT_BYTES`] is not read (a diagnostic says
/// so), and overlong values are shortened by [`limits::fit`].
pub fn parse(raw: &str) -> Readout {
    parse_published(raw, None)
}

/// Parses one readout's text as [`parse()`] does, with its publication date known from
/// outside the text (a file's `published:` header): that date is the readout's `published`,
/// in place of a `date YYYY-MM-DD` line, and what "today", "on Friday" or "On March 14" are
/// read against.
pub fn parse_published(raw: &str, published: Option<date::Date>) -> Readout {
    parse_known(
        raw,
        Known {
            published,
            publisher: None,
        },
    )
}

/// What a caller knows of a readout from outside its text: a file's header
/// ([`header::Header`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known<'a> {
    /// The publication date: the readout's `published`, in place of a `date YYYY-MM-DD` line,
    /// and what relative dates are read against.
    pub published: Option<date::Date>,
    /// Who published it ("President of Tarvinia"): the side that issues the readout, whose
    /// leader is the principal and, when the text gives that leader no country, has the
    /// country it names. A "(Source: …)" line of the text wins over it.
    pub publisher: Option<&'a str>,
}

/// Parses one readout's text as [`parse()`] does, with what is [`Known`] of it from outside
/// the text.
pub fn parse_known(raw: &str, known: Known<'_>) -> Readout {
    let (text, cut) = limits::within_source_limit(raw);
    let readout = parse::parse(text, known.published, known.publisher);
    finish(readout, text, cut)
}

/// Parses one readout's text as [`parse()`] does (the same readout) and says, for every
/// sentence, why it made statements or none: the parser's own record of its decisions
/// (see [`mod@explain`]). Slower than [`parse()`]; for people reading a parse, not for builds.
pub fn explain(raw: &str) -> explain::Explanation {
    explain_published(raw, None)
}

/// Explains one readout's text as [`explain()`] does, with its publication date known from
/// outside the text, as [`parse_published()`] reads it.
pub fn explain_published(raw: &str, published: Option<date::Date>) -> explain::Explanation {
    explain_known(
        raw,
        Known {
            published,
            publisher: None,
        },
    )
}

/// Explains one readout's text as [`explain()`] does, with what is [`Known`] of it from
/// outside the text, as [`parse_known()`] reads it.
pub fn explain_known(raw: &str, known: Known<'_>) -> explain::Explanation {
    let (text, cut) = limits::within_source_limit(raw);
    let (readout, trace) = parse::parse_traced(text, known.published, known.publisher);
    explain::assemble(finish(readout, text, cut), trace)
}

/// What [`parse()`] does after the parser: a diagnostic when the text was `cut` at the
/// source limit, and [`limits::fit`].
fn finish(mut readout: Readout, text: &str, cut: bool) -> Readout {
    if cut {
        readout.diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: format!(
                "only the first {} bytes were read: a readout's text is limited to that",
                text.len()
            ),
            span: None,
        });
    }
    limits::fit(&mut readout);
    readout
}

/// Work units of the parser's loops, for the scaling test (the `work-count` feature).
#[cfg(feature = "work-count")]
pub use parse::work;
