//! readouts-core: the pure heart of readouts.
//!
//! - [`model`]: the corpus JSON types and schema version.
//! - [`parse()`]: readout text → [`Readout`], never failing, with diagnostics.
//! - [`limits`]: the largest corpus readouts reads, enforced by every reader.
//! - [`compare`]: accounts of one meeting side by side, and two participants side by side.
//!
//! Nothing here knows about the browser: the crate builds for native targets and
//! `wasm32-unknown-unknown` alike, and is tested natively.

pub mod compare;
pub mod date;
pub mod fold;
mod fxhash;
pub mod limits;
pub mod model;
mod parse;
pub mod query;
pub mod slug;
pub mod validate;

pub use model::*;

/// Parses one readout's text (`docs/conventions.md` says what it
/// extracts). Never fails: what it cannot read becomes a diagnostic. The result is within the
/// corpus [limits]: text past [`limits::SOURCE_TEXT_BYTES`] is not read (a diagnostic says
/// so), and overlong values are shortened by [`limits::fit`].
pub fn parse(raw: &str) -> Readout {
    let (text, cut) = limits::within_source_limit(raw);
    let mut readout = parse::parse(text);
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
