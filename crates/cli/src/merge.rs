//! `readouts merge FILE... -o OUT`: corpus files (built by `readouts build`, exported by the
//! app, or merged before) into one corpus.
//!
//! Readouts keep the order of the files and of each file. A readout equal to one already taken
//! (the same id and the same content: the same readout exported twice) is left out; a readout
//! whose id is taken by a different one is kept under a new id, as `build` makes ids unique
//! (`-2`, `-3`, …, statement ids following: [`make_ids_unique`]). Nothing is overwritten or
//! lost. Each file is read as `check` reads it (at most [`CORPUS_CAP`], within the limits),
//! the result is validated before it is written, and it is written atomically, compact, like
//! `build`'s output.

use crate::check::CORPUS_CAP;
use crate::fsio::{read_text, remove_stale_temps, write_atomic, Accept, Failure};
use crate::load::make_ids_unique;
use readouts_core::validate::{validate, Problem};
use readouts_core::{Corpus, Readout};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a merge did, beside the corpus it wrote.
pub struct Merged {
    pub corpus: Corpus,
    /// Readouts left out as copies of one already taken.
    pub duplicates: usize,
    /// `(old id, new id)` of each readout kept under a new id.
    pub renamed: Vec<(String, String)>,
}

/// Reads `files` in order, merges them and writes the result to `out`.
pub fn merge(files: &[PathBuf], out: &Path) -> Result<Merged, Failure> {
    let mut corpora = Vec::with_capacity(files.len());
    for path in files {
        let json = read_text(path, CORPUS_CAP, Accept::Named)?;
        let corpus = Corpus::from_json(&json).map_err(|e| Failure::at(path, e))?;
        if let Some(problems) = summary(&validate(&corpus)) {
            return Err(Failure::at(
                path,
                format!("not a valid corpus: {problems} (`readouts check` lists them all)"),
            ));
        }
        corpora.push(corpus);
    }
    let merged = merge_corpora(corpora);
    // Valid inputs make a valid merge; checked all the same before anything is written.
    if let Some(problems) = summary(&validate(&merged.corpus)) {
        return Err(Failure(format!(
            "the merged corpus would not be valid: {problems}; {} was not written",
            out.display()
        )));
    }
    for temp in remove_stale_temps(out) {
        eprintln!(
            "removed {}: a temporary file left by an earlier run that was stopped",
            temp.display()
        );
    }
    write_atomic(out, merged.corpus.to_json().as_bytes())?;
    Ok(merged)
}

/// The first problem, and how many more there are; `None` for none.
fn summary(problems: &[Problem]) -> Option<String> {
    let first = problems.first()?;
    Some(match problems.len() {
        1 => first.to_string(),
        n => format!("{first} (and {} more)", n - 1),
    })
}

/// The readouts of `corpora` in order, copies left out, ids made unique.
pub fn merge_corpora(corpora: Vec<Corpus>) -> Merged {
    let mut readouts: Vec<Readout> = Vec::new();
    // The readouts taken under each id, so a copy is looked for among those only.
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    let mut duplicates = 0;
    for readout in corpora.into_iter().flat_map(|c| c.readouts) {
        let same_id = by_id.entry(readout.id.clone()).or_default();
        if same_id.iter().any(|&i| readouts[i] == readout) {
            duplicates += 1;
        } else {
            same_id.push(readouts.len());
            readouts.push(readout);
        }
    }
    let before: Vec<String> = readouts.iter().map(|r| r.id.clone()).collect();
    make_ids_unique(&mut readouts);
    let renamed = before
        .into_iter()
        .zip(&readouts)
        .filter(|(old, readout)| *old != readout.id)
        .map(|(old, readout)| (old, readout.id.clone()))
        .collect();
    Merged {
        corpus: Corpus::new(readouts),
        duplicates,
        renamed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use readouts_core::parse;

    fn readout(id: &str, text: &str) -> Readout {
        let mut r = parse(text);
        r.set_id(id.into());
        r
    }

    #[test]
    fn copies_are_left_out_and_taken_ids_renamed() {
        let a = readout("a", "President Ola Brenn said that all is well.");
        let b = readout("b", "President Ola Brenn said that rain is near.");
        let other_a = readout("a", "Chancellor Ivo Sand said that grain is cheap.");
        let merged = merge_corpora(vec![
            Corpus::new(vec![a.clone(), b.clone()]),
            Corpus::new(vec![b.clone(), other_a.clone(), a.clone()]),
        ]);
        let ids: Vec<&str> = merged
            .corpus
            .readouts
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "a-2"]);
        assert_eq!(merged.duplicates, 2);
        assert_eq!(merged.renamed, [("a".to_string(), "a-2".to_string())]);
        assert_eq!(merged.corpus.readouts[2].statements[0].id, "a-2-s1");
        assert_eq!(
            merged.corpus.readouts[2].statements[0].text,
            other_a.statements[0].text
        );
        assert!(validate(&merged.corpus).is_empty());
    }
}
