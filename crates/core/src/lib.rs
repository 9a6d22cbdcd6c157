//! readouts-core: the pure heart of readouts.
//!
//! - [`model`]: the corpus JSON types and schema version.
//! - [`parse()`]: readout text → [`Readout`], never failing, with diagnostics.
//!
//! Nothing here knows about the browser: the crate builds for native targets and
//! `wasm32-unknown-unknown` alike, and is tested natively.

pub mod date;
pub mod fold;
mod fxhash;
pub mod model;
mod parse;
pub mod query;
pub mod slug;
pub mod validate;

pub use model::*;
pub use parse::parse;
