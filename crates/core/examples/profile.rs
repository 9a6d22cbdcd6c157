//! Parser profile on a folder of readouts: throughput and heap allocations per readout.
//!
//! ```text
//! cargo run --release -p readouts-cli -- synth /tmp/synth --count 300
//! cargo run --profile bench -p readouts-core --example profile -- /tmp/synth 10
//! ```
//!
//! The criterion benchmark (`benches/parse.rs`) is the figure of record; this is the tool for
//! finding where it goes: run it under `valgrind --tool=callgrind` for instruction counts (stable
//! where wall time on a shared machine is not), and read the allocation count it prints, since
//! the allocator is a large share of the parser's time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting allocations and reallocations.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` with this layout (see `alloc` and `realloc`).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `realloc` is passed on as it is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!(
            "usage: profile DIR [ROUNDS]   (DIR holds .txt readouts, e.g. from `readouts synth`)"
        );
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("profile: {dir}: {e}");
            std::process::exit(1);
        }
    };
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("profile: {dir}: no readable .txt file");
        std::process::exit(1);
    }
    let bytes: usize = texts.iter().map(String::len).sum();

    let allocations_before = ALLOCATIONS.load(Ordering::Relaxed);
    let started = std::time::Instant::now();
    let mut statements = 0;
    for _ in 0..rounds {
        for text in &texts {
            statements += readouts_core::parse(text).statements.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations_before;
    let parses = texts.len() * rounds;
    println!(
        "{} readouts x {rounds}: {bytes} bytes each round, {} statements; {:.1} MB/s; {} allocations per readout",
        texts.len(),
        statements / rounds,
        (bytes * rounds) as f64 / seconds / 1e6,
        allocations / parses,
    );
}
