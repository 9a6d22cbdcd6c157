//! What a corpus file costs the engine, natively: reading its JSON, the heap of the corpus and
//! of the index on top, the index build, and the keystroke queries of `bench/queries.json`.
//! One line per file, as a row of the table in `docs/scaling.md` (`bench/scaling.sh` runs it
//! over corpora of growing size):
//!
//! ```text
//! cargo run --release -p readouts-core --example cost -- CORPUS.json...
//! ```
//!
//! Columns: statements; JSON read time (`Corpus::from_json_bytes`, the app's reader, from the
//! file's bytes already in memory; the fastest of three runs, as is the build's; this thread's CPU time,
//! then the wall time in parentheses); the corpus's heap after the read; the index build time
//! (`Index::new`); the index's heap on top of the corpus and its peak during the build; and
//! the p50 / p95 / max of the keystroke queries (every prefix of each typed text, as in the
//! query benchmark `crates/core/benches/query.rs`; each query's time the median of five runs,
//! results and every facet's counts). Wall time on a shared machine: single figures vary.

use counting::{live, mib, peak, reset_peak, Counting};
use keystrokes::keystrokes;
use readouts_core::query::{Index, Query};
use readouts_core::Corpus;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "support/counting.rs"]
mod counting;
#[path = "support/keystrokes.rs"]
mod keystrokes;

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A step's time on the CPU (this thread's, where Linux tells it: `/proc/thread-self/schedstat`,
/// to the scheduler's tick) and on the wall clock. On a loaded machine the wall time includes
/// other jobs' turns; the CPU time is the step's own.
#[derive(Clone, Copy)]
struct Took {
    cpu: Option<Duration>,
    wall: Duration,
}

impl Took {
    /// Times `step`.
    fn of<T>(step: impl FnOnce() -> T) -> (T, Took) {
        let cpu = on_cpu();
        let wall = Instant::now();
        let out = step();
        let wall = wall.elapsed();
        let cpu = cpu.zip(on_cpu()).map(|(a, b)| b.saturating_sub(a));
        (out, Took { cpu, wall })
    }

    /// The faster of two runs, by each clock.
    fn min(self, other: Took) -> Took {
        let cpu = match (self.cpu, other.cpu) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        };
        Took {
            cpu,
            wall: self.wall.min(other.wall),
        }
    }

    const MAX: Took = Took {
        cpu: Some(Duration::MAX),
        wall: Duration::MAX,
    };
}

/// This thread's time on the CPU so far (the first field of `/proc/thread-self/schedstat`, in
/// nanoseconds), or `None` where the file is missing.
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// One corpus file's figures.
struct Cost {
    statements: usize,
    read: Took,
    corpus_bytes: usize,
    build: Took,
    index_bytes: usize,
    index_peak: usize,
    /// The keystroke queries' p50, p95 and maximum.
    queries: [Duration; 3],
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cost CORPUS.json...");
        std::process::exit(2);
    }
    println!("| statements | JSON read: CPU (wall) | corpus heap | index build: CPU (wall) | index heap (peak) | query p50 / p95 / max |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for file in files {
        match cost(&file) {
            Ok(c) => println!("{}", row(&c)),
            Err(e) => {
                eprintln!("cost: {file}: {e}");
                std::process::exit(1);
            }
        }
    }
}

/// Timed runs of the read and of the build; the fastest is kept (the machine is shared: the
/// slower runs are other jobs' time).
const ROUNDS: usize = 3;

fn cost(file: &str) -> Result<Cost, String> {
    let json = std::fs::read(file).map_err(|e| e.to_string())?;
    let (corpus, read, corpus_bytes) = read(&json)?;
    drop(json);
    let (index, build, index_bytes, index_peak) = build(corpus);
    Ok(Cost {
        statements: index.len(),
        read,
        corpus_bytes,
        build,
        index_bytes,
        index_peak,
        queries: keystroke_times(&index),
    })
}

/// The corpus, the fastest of [`ROUNDS`] reads, and its heap.
fn read(json: &[u8]) -> Result<(Corpus, Took, usize), String> {
    let mut fastest = Took::MAX;
    let mut kept = None;
    for _ in 0..ROUNDS {
        drop(kept.take());
        let before = live();
        let (corpus, took) = Took::of(|| Corpus::from_json_bytes(json));
        let corpus = corpus.map_err(|e| e.to_string())?;
        fastest = fastest.min(took);
        kept = Some((corpus, live() - before));
    }
    let (corpus, bytes) = kept.expect("ROUNDS > 0");
    Ok((corpus, fastest, bytes))
}

/// The index, the fastest of [`ROUNDS`] builds, its heap on top of the corpus and its peak
/// during the build (of the first build: each takes the same steps).
fn build(mut corpus: Corpus) -> (Index, Took, usize, usize) {
    let mut fastest = Took::MAX;
    let mut sizes = None;
    let mut index = None;
    for round in 0..ROUNDS {
        drop(index.take());
        let input = if round + 1 < ROUNDS {
            corpus.clone()
        } else {
            // The last round takes the corpus itself: no copy stays alive next to the index.
            std::mem::replace(&mut corpus, Corpus::new(Vec::new()))
        };
        let before = live();
        reset_peak();
        let (built, took) = Took::of(|| Index::new(input));
        index = Some(built);
        fastest = fastest.min(took);
        sizes.get_or_insert((live() - before, peak() - before));
    }
    let (bytes, top) = sizes.expect("ROUNDS > 0");
    (index.expect("ROUNDS > 0"), fastest, bytes, top)
}

/// The p50, p95 and maximum of the keystroke queries, each the median of five runs; the
/// slowest queries go to stderr.
fn keystroke_times(index: &Index) -> [Duration; 3] {
    let mut times: Vec<(Duration, String)> = keystrokes()
        .into_iter()
        .map(|text| {
            let query = Query {
                text: text.clone(),
                ..Query::default()
            };
            let mut runs: Vec<Duration> = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    black_box(index.search(black_box(&query)));
                    start.elapsed()
                })
                .collect();
            runs.sort_unstable();
            (runs[2], text)
        })
        .collect();
    times.sort_unstable();
    let slowest: Vec<String> = times
        .iter()
        .rev()
        .take(5)
        .map(|(d, t)| format!("{t:?} {:.2} ms", d.as_secs_f64() * 1e3))
        .collect();
    eprintln!(
        "cost: {} statements: slowest queries: {}",
        index.len(),
        slowest.join(", ")
    );
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].0;
    [at(0.5), at(0.95), times[times.len() - 1].0]
}

fn row(c: &Cost) -> String {
    let ms = |t: Took| match t.cpu {
        Some(cpu) => format!(
            "{:.0} ms ({:.0})",
            cpu.as_secs_f64() * 1e3,
            t.wall.as_secs_f64() * 1e3
        ),
        None => format!("? ({:.0} ms)", t.wall.as_secs_f64() * 1e3),
    };
    let fine = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
    format!(
        "| {} | {} | {} | {} | {} ({}) | {} / {} / {} ms |",
        c.statements,
        ms(c.read),
        mib(c.corpus_bytes),
        ms(c.build),
        mib(c.index_bytes),
        mib(c.index_peak),
        fine(c.queries[0]),
        fine(c.queries[1]),
        fine(c.queries[2]),
    )
}
