//! `readouts`: parse official readouts of leaders' meetings into a JSON corpus.
//!
//! - `readouts parse FILE...` prints a corpus of the given readout files to stdout;
//!   `readouts parse --explain [--json] FILE...` says instead, for every sentence, whether it
//!   became a statement and why (see [`mod@explain`]);
//! - `readouts build DIR -o OUT` parses every `.txt` in DIR (file-name order, not recursive)
//!   into one corpus, written atomically; the same inputs give byte-identical output. It reads
//!   regular files only, follows symbolic links only to files inside DIR (unless
//!   `--follow-external-links`), and removes the temporary files of earlier builds that were
//!   killed: see [`folder`] and [`fsio::remove_stale_temps`];
//! - `readouts merge FILE... -o OUT` merges corpus files into one (copies left out, taken ids
//!   renamed as `build` renames them), validated and written atomically: see [`merge`];
//! - `readouts check FILE` validates a corpus file and reports every problem with its location;
//!   it reads at most [`check::CORPUS_CAP`];
//! - `readouts limits [--json]` prints the corpus limits that `check` and the app enforce;
//! - `readouts synth DIR --count N --seed S` writes N fictional readouts (for scale tests).
//!
//! A readout file may start with a header of `key: value` lines (`title`, `url`, `publisher`,
//! `published`/`date`) ended by a blank line or `---`: see [`readouts_core::header`]. `parse` and `build`
//! read at most [`fsio::READOUT_CAP`] (8 MiB) of each readout file.
//!
//! Errors are one line on stderr, `error: <file>: <cause>`; the exit status is 1 on any error
//! (2 for a command-line usage error).

mod build;
mod check;
mod explain;
mod folder;
mod fsio;
mod load;
mod merge;

use clap::{Parser, Subcommand};
use fsio::Failure;
use readouts_core::Corpus;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HEADER_HELP: &str = "\
A readout file may start with an optional header of `key: value` lines, ended by a blank line
or by a line `---`; the header is removed before parsing. Keys (lowercase, each once):
  title      the readout's title (replaces the derived one)
  url        where it was published (source.url)
  publisher  who published it (source.publisher)
  published  the publication date, YYYY-MM-DD (synonym: date)
The header is recognised only when every line before the terminator is such a line, so a
transcript turn (`President X: ...`) or a dateline is never mistaken for one.

Example:
  url: https://example.org/readouts/42
  publisher: Ministry of Foreign Affairs of Arvelia
  ---
  On the evening of July 3, 2024, President Elena Varga-Holm met with ...";

#[derive(Parser)]
#[command(
    name = "readouts",
    version,
    about = "Parse official readouts of leaders' meetings into attributed statements, as a JSON corpus.",
    after_long_help = HEADER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse readout files and print a corpus JSON (one readout per file, indented) to stdout.
    ///
    /// Each file is read whole, up to 8 MiB (a larger one is refused); a pipe may be named too
    /// (`/dev/stdin`).
    #[command(after_long_help = HEADER_HELP)]
    Parse {
        /// Readout text files (UTF-8, at most 8 MiB each).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print, for every sentence, whether it became a statement and why (the reporting
        /// frame, whom its subject resolved to, the verb and its class) or why not, with its
        /// line:column in the file; no corpus.
        #[arg(long)]
        explain: bool,
        /// With --explain: print the explanations as JSON (an array, one object per file).
        #[arg(long, requires = "explain")]
        json: bool,
    },
    /// Parse every .txt file of a directory into one corpus file.
    ///
    /// Files are read in file-name order (not recursively; hidden files and directories are
    /// skipped). Readout ids are made unique in that order by appending -2, -3, ... The output
    /// is compact JSON (no indentation), written atomically, and byte-identical for the same
    /// inputs. A file that cannot be read fails the build and leaves OUT untouched; parser
    /// errors are only warnings.
    ///
    /// Only regular files are read: a .txt name that is a named pipe (FIFO), a device or a
    /// socket fails the build, without waiting on it. A file over 8 MiB fails it too. A
    /// symbolic link is followed when the file it leads to is inside DIR; one that leads outside
    /// DIR (or nowhere) fails the build, unless --follow-external-links is given.
    ///
    /// OUT is first written to a hidden temporary file next to it, .OUT.readouts-tmp-PID,
    /// then renamed over OUT, so OUT is never half-written. A temporary file left by an earlier
    /// build that was killed is removed, once no running process has its pid and no writer
    /// holds its lock.
    #[command(after_long_help = HEADER_HELP)]
    Build {
        /// Directory of readout .txt files.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Corpus JSON file to write (e.g. static/corpus.json).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Also read .txt links that lead to files outside DIR.
        #[arg(long)]
        follow_external_links: bool,
    },
    /// Validate a corpus file and report every problem with its location (exit 1 if any).
    ///
    /// The file is read up to 512 MiB; a larger file (or an endless stream such as /dev/zero)
    /// is refused with an error. A pipe may be named too (/dev/stdin). A leading UTF-8 byte
    /// order mark is skipped.
    Check {
        /// Corpus JSON file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Merge corpus files into one corpus file.
    ///
    /// The files may be corpora built by `readouts build`, exported by the app (a readout or
    /// a set of readouts as JSON) or merged before. Readouts keep the order of the files and
    /// of each file. A readout equal to one already taken (same id, same content) is left out;
    /// one whose id is taken by a different readout is kept under a new id, made unique by
    /// appending -2, -3, ... as `build` does (its statement ids follow). Each file is read as
    /// `check` reads it; the merged corpus is validated, then written compact and atomically
    /// (OUT is never half-written, and stays as it was on any error). OUT may be one of the
    /// FILEs.
    Merge {
        /// Corpus JSON files, in the order their readouts should come.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Corpus JSON file to write.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Print the corpus limits that `check` and the app enforce.
    ///
    /// One line per limit: name, largest value, what it bounds. `build` shortens what it
    /// parses to fit them (with a warning diagnostic on the readout).
    Limits {
        /// Print them as a JSON array of {name, max, applies_to} instead.
        #[arg(long)]
        json: bool,
    },
    /// Write fictional readouts (.txt) generated from a seed, for scale tests.
    Synth {
        /// Directory to write into (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// How many readouts to write.
        #[arg(long, default_value_t = 100)]
        count: usize,
        /// Generator seed; the same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse {
            files,
            explain: false,
            ..
        } => parse(&files),
        Command::Parse { files, json, .. } => explain(&files, json),
        Command::Build {
            dir,
            output,
            follow_external_links,
        } => build::build(&dir, &output, follow_external_links).map(|corpus| {
            eprintln!("wrote {}: {}", output.display(), summary(&corpus));
        }),
        Command::Merge { files, output } => merge::merge(&files, &output).map(|merged| {
            for (old, new) in &merged.renamed {
                eprintln!(
                    "renamed readout {old:?} to {new:?}: its id was taken by another readout"
                );
            }
            if merged.duplicates > 0 {
                eprintln!(
                    "left out {} readout{} already in the corpus",
                    merged.duplicates,
                    if merged.duplicates == 1 { "" } else { "s" }
                );
            }
            eprintln!("wrote {}: {}", output.display(), summary(&merged.corpus));
        }),
        Command::Check { file } => return check(&file),
        Command::Limits { json } => {
            print_limits(json);
            Ok(())
        }
        Command::Synth { dir, count, seed } => synth(&dir, count, seed),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.is_reported() {
                eprintln!("error: {failure}");
            }
            ExitCode::FAILURE
        }
    }
}

/// "1 readout, 14 statements".
fn summary(corpus: &Corpus) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(corpus.readouts.len(), "readout"),
        plural(corpus.statement_count(), "statement")
    )
}

fn parse(files: &[PathBuf]) -> Result<(), Failure> {
    // With one file, its own error line says it all.
    let corpus = build::corpus_of_named(files).map_err(|failure| {
        if files.len() == 1 {
            Failure::reported()
        } else {
            failure
        }
    })?;
    write_stdout(&corpus.to_json_pretty())
}

/// `readouts parse --explain [--json] FILE...`.
fn explain(files: &[PathBuf], json: bool) -> Result<(), Failure> {
    let explained = explain::explain_files(files)?;
    let out = if json {
        explain::to_json(&explained)
    } else {
        explain::to_text(&explained)
    };
    write_stdout(&out)
}

/// Writes `out` to stdout; a closed or failing stdout is a failure, not a panic.
fn write_stdout(out: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            Failure(format!(
                "cannot write to standard output: {}",
                fsio::cause(&e)
            ))
        })
}

fn check(file: &Path) -> ExitCode {
    match check::check(file) {
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::FAILURE
        }
        Ok(report) if report.problems.is_empty() => {
            println!("{}: ok ({})", file.display(), summary(&report.corpus));
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for problem in &report.problems {
                eprintln!("error: {}: {problem}", file.display());
            }
            let n = report.problems.len();
            eprintln!(
                "{}: {n} problem{}",
                file.display(),
                if n == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}

fn print_limits(json: bool) {
    let limits = readouts_core::limits::LIMITS;
    if json {
        let json = serde_json::to_string_pretty(limits).expect("limits always serialize");
        println!("{json}");
    } else {
        for limit in limits {
            println!("{:<22} {:>11}  {}", limit.name, limit.max, limit.applies_to);
        }
    }
}

fn synth(dir: &Path, count: usize, seed: u64) -> Result<(), Failure> {
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::at(dir, "not a directory"));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::at(dir, format!("cannot create: {}", fsio::cause(&e))))?;
    for (name, text) in readouts_synth::corpus(count, seed) {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Failure::at(&path, format!("cannot write: {}", fsio::cause(&e))))?;
    }
    eprintln!("wrote {count} fictional readouts to {}", dir.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// The help texts state the caps in figures; they must be the caps in force.
    #[test]
    fn help_texts_state_the_caps_in_force() {
        let mut cli = Cli::command();
        let help = |cli: &mut clap::Command, name: &str| {
            cli.find_subcommand_mut(name)
                .expect("subcommand")
                .render_long_help()
                .to_string()
        };
        let readout = fsio::size(fsio::READOUT_CAP.bytes);
        let corpus = fsio::size(check::CORPUS_CAP.bytes);
        assert!(help(&mut cli, "parse").contains(&format!("up to {readout}")));
        assert!(help(&mut cli, "build").contains(&format!("A file over {readout} fails")));
        assert!(help(&mut cli, "check").contains(&format!("read up to {corpus};")));
    }
}
