//! Parser throughput on deterministic synthetic input (`readouts_synth`), in bytes per second.
//!
//! - `parse/corpus`: 2,500 fictional readouts, about 6 MB, every readout parsed once per
//!   iteration;
//! - `parse/single_paragraph_1mb`: one 1 MB paragraph with no blank line;
//! - `adversarial/<family>/<bytes>`: each family of `readouts_synth::adversarial` (chained
//!   frames, nested quotes, long lists, long names, thousands of transcript labels, runs
//!   without a sentence end, many participants, …) at 128 KB and 1 MB: linear parsing keeps
//!   the throughput of both sizes alike, where a quadratic step would divide it by eight.
//!   `tests/scaling.rs` asserts linearity in counted work; this measures the time.
//!
//! Run with `cargo bench -p readouts-core` (about a minute or two); the target is ≥ 50 MB/s on
//! one core. Sample sizes are small on purpose: each iteration already parses megabytes.
//! Under `cargo test --benches` (criterion's test mode, no `--bench` argument) the inputs are
//! tiny, so a test run stays fast.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use readouts_synth::adversarial::FAMILIES;
use std::hint::black_box;
use std::time::Duration;

/// Readouts in the corpus benchmark: about 6 MB of text.
const CORPUS_READOUTS: usize = 2_500;
const CORPUS_SEED: u64 = 2024;
const PARAGRAPH_BYTES: usize = 1 << 20;

/// True under `cargo bench`, which passes `--bench`; false in criterion's test mode.
fn benchmarking() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

fn parse_corpus(c: &mut Criterion) {
    let (readouts, paragraph_bytes) = if benchmarking() {
        (CORPUS_READOUTS, PARAGRAPH_BYTES)
    } else {
        (20, 10_000)
    };
    let corpus = readouts_synth::corpus(readouts, CORPUS_SEED);
    let bytes: usize = corpus.iter().map(|(_, text)| text.len()).sum();
    let paragraph = readouts_synth::single_paragraph(paragraph_bytes);

    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));

    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            let mut statements = 0;
            for (_, text) in &corpus {
                statements += readouts_core::parse(black_box(text)).statements.len();
            }
            statements
        })
    });

    group.throughput(Throughput::Bytes(paragraph.len() as u64));
    group.bench_function("single_paragraph_1mb", |b| {
        b.iter(|| readouts_core::parse(black_box(&paragraph)))
    });
    group.finish();
}

/// Sizes of the adversarial inputs: eight times apart.
const ADVERSARIAL_BYTES: [usize; 2] = [128 << 10, 1 << 20];

fn parse_adversarial(c: &mut Criterion) {
    let sizes: &[usize] = if benchmarking() {
        &ADVERSARIAL_BYTES
    } else {
        &[4 << 10]
    };
    let mut group = c.benchmark_group("adversarial");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for family in FAMILIES {
        for &bytes in sizes {
            let text = family.text(bytes);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(family.name, bytes), &text, |b, text| {
                b.iter(|| readouts_core::parse(black_box(text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, parse_corpus, parse_adversarial);
criterion_main!(benches);
