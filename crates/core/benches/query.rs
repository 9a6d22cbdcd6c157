//! Query engine timings on a synthetic corpus of about 100,000 statements
//! (`readouts_synth::corpus(5000, …)` parsed): index build, a facet toggle, search keystrokes.
//!
//! Run with `cargo bench -p readouts-core --bench query`. Targets (product.md): index built in
//! ≤ 1 s; results and facet counts in ≤ 1 ms median, ≤ 5 ms p95.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use readouts_core::query::{Facet, Index, Query};
use readouts_core::{parse, Corpus};
use std::hint::black_box;
use std::time::Duration;

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

fn query(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("query");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("index_build", |b| {
        b.iter(|| Index::new(black_box(corpus.clone())))
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
        (
            "keystroke_1_letter",
            Query {
                text: "t".into(),
                ..Query::default()
            },
        ),
        (
            "keystroke_word",
            Query {
                text: "trade".into(),
                ..Query::default()
            },
        ),
        (
            "phrase",
            Query {
                text: "\"the two sides\"".into(),
                ..Query::default()
            },
        ),
        (
            "or_and_exclusion",
            Query {
                text: "energy OR trade -border".into(),
                ..Query::default()
            },
        ),
    ];
    for (name, q) in cases {
        group.bench_with_input(BenchmarkId::from_parameter(name), &q, |b, q| {
            b.iter(|| index.search(black_box(q)))
        });
    }
    group.finish();
}

criterion_group!(benches, query);
criterion_main!(benches);
