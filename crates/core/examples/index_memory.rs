//! The query index's heap size and build time on a synthetic corpus (the benchmark's
//! `readouts_synth::corpus(5000, 7)` by default, about 100,000 statements):
//!
//! ```text
//! cargo run --release -p readouts-core --example index_memory [READOUTS]
//! ```
//!
//! READOUTS: how many readouts to generate (about 20 statements each; default 5000). The same
//! figures for a corpus file, with its read time and query times: the `cost` example.
//!
//! A counting allocator keeps the bytes live and their peak: the corpus's own heap, then what
//! `Index::new` adds to it (its tables; the corpus moves into the index) and its peak during the
//! build.

use counting::{live, mib, peak, reset_peak, Counting};
use readouts_core::query::Index;
use readouts_core::{parse, Corpus};

#[path = "support/counting.rs"]
mod counting;

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5000);
    let texts = readouts_synth::corpus(count, 7);
    let before_corpus = live();
    let corpus = Corpus::new(texts.iter().map(|(_, t)| parse(t)).collect());
    let corpus_bytes = live().saturating_sub(before_corpus);
    drop(texts);

    let before = live();
    reset_peak();
    let started = std::time::Instant::now();
    let index = Index::new(corpus);
    let took = started.elapsed();
    let index_bytes = live() - before;
    let peak = peak() - before;
    println!(
        "{} statements: corpus {}; index {} on top (peak {} during the build); built in {:.0} ms",
        index.len(),
        mib(corpus_bytes),
        mib(index_bytes),
        mib(peak),
        took.as_secs_f64() * 1e3
    );
}
