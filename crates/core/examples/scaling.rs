//! Parse time of each adversarial family (`readouts_synth::adversarial`) at doubling sizes.
//!
//! ```text
//! cargo run --profile bench -p readouts-core --example scaling                # every family, 128 KB to 1 MB
//! cargo run --profile bench -p readouts-core --example scaling -- chained_frames 262144 4
//! ```
//!
//! Arguments: an optional family name (or `all`), the smallest size in bytes and the number of
//! doublings; `--write DIR` first instead writes each input as `DIR/<family>_<bytes>.txt`
//! (to parse with the CLI, or to compare two builds' output on them). Each line gives the family, the size, the time of one parse and the ratio to the
//! size before: about 2 where the parser is linear, about 4 where it is quadratic. Wall time on
//! a shared machine is noisy; the scaling test (`tests/scaling.rs`) counts work units instead.

use readouts_synth::adversarial::{self, FAMILIES};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let write_to = if args.peek().is_some_and(|a| a == "--write") {
        args.next();
        args.next()
    } else {
        None
    };
    let which = args.next().unwrap_or_else(|| "all".into());
    let smallest: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(128 << 10);
    let doublings: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let families: Vec<_> = if which == "all" {
        FAMILIES.iter().collect()
    } else {
        match adversarial::family(&which) {
            Some(f) => vec![f],
            None => {
                let names: Vec<&str> = FAMILIES.iter().map(|f| f.name).collect();
                eprintln!(
                    "scaling: no family {which:?}; families: {}",
                    names.join(", ")
                );
                std::process::exit(2);
            }
        }
    };
    for family in families {
        let mut before: Option<f64> = None;
        for step in 0..doublings {
            let text = family.text(smallest << step);
            if let Some(dir) = &write_to {
                let path = format!("{dir}/{}_{}.txt", family.name, smallest << step);
                if let Err(e) =
                    std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &text))
                {
                    eprintln!("scaling: {path}: {e}");
                    std::process::exit(1);
                }
                continue;
            }
            let started = Instant::now();
            let readout = readouts_core::parse(&text);
            let seconds = started.elapsed().as_secs_f64();
            let ratio = before.map_or(String::new(), |b| format!("  x{:.1}", seconds / b));
            println!(
                "{:<20} {:>8} bytes {:>9.1} ms  {:>6} statements{ratio}",
                family.name,
                text.len(),
                seconds * 1e3,
                readout.statements.len()
            );
            before = Some(seconds);
        }
    }
}
