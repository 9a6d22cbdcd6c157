//! Scores the parser on folders of fixtures (the format of `tests/fixtures/README.md`):
//! statement precision, recall and F1, participant F1 and event fields right, per fixture,
//! per publisher style and in total, as Markdown tables.
//!
//! ```text
//! cargo run -p readouts-core --example score -- crates/core/tests/fixtures
//! cargo run -p readouts-core --example score -- --details DIR [DIR …]
//! ```
//!
//! `--details` also prints every mismatch of every fixture, as the fixture test does. It uses
//! the fixture test's own checker (`tests/common/checker.rs`), so the two never disagree.
//! Exit status: 0 when every fixture is right, 1 when one is not, 2 on a usage error.

#[path = "../tests/common/checker.rs"]
mod checker;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut details = false;
    let mut dirs = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--details" => details = true,
            "-h" | "--help" => {
                println!("usage: score [--details] DIR [DIR …]");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: score [--details] DIR [DIR …]  (folders of fixtures)");
        return ExitCode::from(2);
    }

    let mut outcomes = Vec::new();
    for dir in &dirs {
        match checker::discover(dir) {
            Ok(fixtures) => outcomes.extend(fixtures.iter().map(checker::check_fixture)),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{}", checker::score_tables(&outcomes, true));
    let failing: Vec<_> = outcomes.iter().filter(|o| !o.problems.is_empty()).collect();
    println!(
        "{} of {} fixtures fully right",
        outcomes.len() - failing.len(),
        outcomes.len()
    );
    if details {
        for outcome in &failing {
            println!(
                "\n=== {} ({}) — {} ===",
                outcome.stem,
                outcome.style,
                outcome.summary.join(", ")
            );
            for problem in &outcome.problems {
                println!("  {problem}");
            }
        }
    }
    if failing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
