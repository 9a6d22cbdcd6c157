//! The parser is linear on adversarial input: for every family of
//! `readouts_synth::adversarial` (chained frames, nested quotes, long lists, long names,
//! thousands of transcript labels, runs without a sentence end, many participants, …), the
//! work at twice the input is about twice the work.
//!
//! Work is counted in units (elements the parser's loops visit, see the parser's `work`
//! module), not in wall time, which a shared machine makes too noisy to assert on. Needs the
//! `work-count` feature: `cargo test -p readouts-core --features work-count --test scaling`
//! (`scripts/test.sh` runs it).

use readouts_synth::adversarial::FAMILIES;

/// The input sizes compared, each twice the one before: large enough that a quadratic loop's
/// share shows (the parser's linear work per byte is a few units).
const SIZES: [usize; 3] = [24 << 10, 48 << 10, 96 << 10];

/// The largest ratio of work allowed between an input and one twice its size. Linear work
/// gives about 2 (a little more where repeats differ in length: "Name 9" → "Name 10"); a
/// quadratic loop gives up to 4, and shows at these sizes as 2.6 or more.
const MAX_RATIO: f64 = 2.5;

fn work(text: &str) -> u64 {
    readouts_core::work::take();
    let readout = readouts_core::parse(text);
    std::hint::black_box(readout);
    readouts_core::work::take()
}

#[test]
fn every_adversarial_family_parses_in_linear_work() {
    let mut failures = Vec::new();
    for family in FAMILIES {
        let texts: Vec<String> = SIZES.iter().map(|&n| family.text(n)).collect();
        let units: Vec<u64> = texts.iter().map(|t| work(t)).collect();
        for k in 1..SIZES.len() {
            // Per byte, so that inputs that overshoot their size a little compare fairly.
            let per_byte = |i: usize| units[i] as f64 / texts[i].len() as f64;
            let ratio = 2.0 * per_byte(k) / per_byte(k - 1);
            let line = format!(
                "{}: {} units at {} bytes, {} at {} bytes: ratio {ratio:.2} (per doubling)",
                family.name,
                units[k - 1],
                texts[k - 1].len(),
                units[k],
                texts[k].len()
            );
            println!("{line}");
            if ratio > MAX_RATIO {
                failures.push(line);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear work (more than {MAX_RATIO} times the work for twice the input):\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_counter_counts() {
    // A readout of a few sentences costs some work, and more text costs more.
    let short = work("Lina Orsk met Tomas Brenn. Lina Orsk said that it works.");
    let long = work(&"Lina Orsk met Tomas Brenn. Lina Orsk said that it works. ".repeat(10));
    assert!(short > 0);
    assert!(long > 5 * short, "{long} units for ten times {short}");
}
