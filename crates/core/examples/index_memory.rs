//! The query index's heap size and build time on a synthetic corpus (the benchmark's
//! `readouts_synth::corpus(5000, 7)` by default, about 100,000 statements):
//!
//! ```text
//! cargo run --release -p readouts-core --example index_memory [READOUTS]
//! ```
//!
//! A counting allocator keeps the bytes live and their peak: the corpus's own heap, then what
//! `Index::new` adds to it (its tables; the corpus moves into the index) and its peak during the
//! build.

use readouts_core::query::Index;
use readouts_core::{parse, Corpus};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes live and their highest mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed on unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `System` with this layout (see `alloc` and `realloc`).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        // SAFETY: the caller's contract for `realloc` is passed on as it is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5000);
    let texts = readouts_synth::corpus(count, 7);
    let before_corpus = LIVE.load(Ordering::Relaxed);
    let corpus = Corpus::new(texts.iter().map(|(_, t)| parse(t)).collect());
    let corpus_bytes = LIVE.load(Ordering::Relaxed).saturating_sub(before_corpus);
    drop(texts);

    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = std::time::Instant::now();
    let index = Index::new(corpus);
    let took = started.elapsed();
    let index_bytes = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "{} statements: corpus {}; index {} on top (peak {} during the build); built in {:.0} ms",
        index.len(),
        mib(corpus_bytes),
        mib(index_bytes),
        mib(peak),
        took.as_secs_f64() * 1e3
    );
}
