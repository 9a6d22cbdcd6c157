//! Query engine timings on a synthetic corpus of about 100,000 statements
//! (`readouts_synth::corpus(5000, …)` parsed): index build, facet toggles, and the search
//! texts of `bench/queries.json` typed one character at a time (every prefix a query, as in
//! the browser comparison), phrases and exclusions included.
//!
//! Run with `cargo bench -p readouts-core --bench query`. Targets (product.md): index built in
//! ≤ 1 s; a query (results and every facet's counts) p50 ≤ 1 ms, p95 ≤ 3 ms, max ≤ 5 ms. The
//! keystroke figures are printed as `keystrokes: p50 …` after the criterion groups, and those
//! of the combobox's suggestions for the same texts (`suggest(…, 8)`) as `suggestions: p50 …`. The
//! index's heap size: `cargo run --release -p readouts-core --example index_memory`.

#[path = "../examples/support/keystrokes.rs"]
mod keystrokes;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use keystrokes::keystrokes;
use readouts_core::query::{suggest, Facet, Index, Query};
use readouts_core::{parse, Corpus};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn benchmarking() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

fn corpus() -> Corpus {
    let count = if benchmarking() { 5_000 } else { 20 };
    Corpus::new(
        readouts_synth::corpus(count, 7)
            .iter()
            .map(|(_, t)| parse(t))
            .collect(),
    )
}

fn text_query(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

fn query(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("query");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("index_build", |b| {
        b.iter_batched(
            || corpus.clone(),
            |corpus| Index::new(black_box(corpus)),
            BatchSize::LargeInput,
        )
    });
    let index = Index::new(corpus);
    eprintln!("{} statements indexed", index.len());
    group.finish();

    let mut group = c.benchmark_group("query");
    group
        .sample_size(60)
        .measurement_time(Duration::from_secs(5));
    let everything = index.search(&Query::default());
    let top = |facet: Facet| {
        let counts = everything.facets.iter().find(|f| f.facet == facet).unwrap();
        index.value(facet, counts.values[0].id).to_string()
    };
    let speaker = Query::default().toggled(Facet::Speaker, &top(Facet::Speaker));
    let two_facets = speaker.toggled(Facet::Topic, &top(Facet::Topic));
    let cases = [
        ("empty", Query::default()),
        ("facet_toggle", speaker),
        ("two_facets", two_facets),
        ("keystroke_1_letter", text_query("t")),
        ("keystroke_word", text_query("trade")),
        ("phrase", text_query("\"the two sides\"")),
        ("phrase_rare", text_query("\"unilateral sanctions\"")),
        ("or_and_exclusion", text_query("energy OR trade -border")),
    ];
    for (name, q) in cases {
        group.bench_with_input(BenchmarkId::from_parameter(name), &q, |b, q| {
            b.iter(|| index.search(black_box(q)))
        });
    }
    group.finish();
    // Not while profiling one case (`--profile-time`).
    if !std::env::args().any(|a| a == "--profile-time") {
        report_keystrokes(&index);
    }
}

/// Times every keystroke query, then the suggestions for each (the median of five runs each),
/// and prints the p50, p95 and maximum over the queries, with the slowest one.
fn report_keystrokes(index: &Index) {
    report("keystrokes", |q| {
        black_box(index.search(black_box(q)));
    });
    report("suggestions", |q| {
        black_box(suggest(index, black_box(q), 8));
    });
}

fn report(what: &str, run: impl Fn(&Query)) {
    let mut times: Vec<(Duration, String)> = keystrokes()
        .into_iter()
        .map(|text| {
            let q = text_query(&text);
            let mut runs: Vec<Duration> = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    run(&q);
                    start.elapsed()
                })
                .collect();
            runs.sort_unstable();
            (runs[2], text)
        })
        .collect();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].0;
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    let (slowest, text) = &times[times.len() - 1];
    eprintln!(
        "{what}: p50 {}, p95 {}, max {} ({:?}) over {} queries",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(*slowest),
        text,
        times.len()
    );
}

criterion_group!(benches, query);
criterion_main!(benches);
