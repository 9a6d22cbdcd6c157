//! What the import page does with a batch of readouts, independent of the browser: which
//! reader a file needs, the records a batch is stored as, each under an id that no bundled
//! or stored readout (nor an earlier one of the batch) holds, and the imported readouts as
//! the main app merges them.

use readouts_core::export::corpus_json;
use readouts_core::file::free_id;
use readouts_core::Readout;
use std::collections::HashSet;

/// The parse worker's `kind` for a file: `json` for a corpus or readout JSON, else readout
/// text (`.txt`, or any other name: the parser reads any text).
pub fn kind_of(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".json") {
        "json"
    } else {
        "txt"
    }
}

/// The records of a batch for the store, `(id, corpus JSON of that readout)`, a readout at a
/// time (the page lets the browser paint between them): a readout whose id is taken (by
/// `taken`, or an earlier readout of the batch) gets the first free `id-2`, `id-3`, … (its
/// statement ids follow), so that an import never replaces anything.
pub struct Records<'a> {
    taken: &'a HashSet<String>,
    /// The ids given to the batch's readouts so far.
    used: HashSet<String>,
}

impl<'a> Records<'a> {
    /// Records of a batch, none of whose ids may be one of `taken`.
    pub fn new(taken: &'a HashSet<String>) -> Records<'a> {
        Records {
            taken,
            used: HashSet::new(),
        }
    }

    /// The record of the batch's next readout (a copy renamed if its id is taken).
    pub fn record(&mut self, readout: &Readout) -> (String, String) {
        let id = free_id(&readout.id, |id| {
            self.taken.contains(id) || self.used.contains(id)
        });
        self.used.insert(id.clone());
        let json = if id == readout.id {
            corpus_json(&[readout])
        } else {
            let mut renamed = readout.clone();
            renamed.set_id(id.clone());
            corpus_json(&[&renamed])
        };
        (id, json)
    }
}

/// The imported readouts as the main app merges them after the bundled ones: a readout whose
/// id a bundled readout took (a new build may add an id an import already holds) or an earlier
/// one of them holds is given the first free `id-2`, `id-3`, … (its statement ids follow), so
/// that nothing is hidden or replaced. The store keeps it under its own id.
pub fn merged(mut readouts: Vec<Readout>, bundled: &HashSet<String>) -> Vec<Readout> {
    let mut used: HashSet<String> = HashSet::new();
    for readout in &mut readouts {
        let id = free_id(&readout.id, |id| bundled.contains(id) || used.contains(id));
        if id != readout.id {
            readout.set_id(id.clone());
        }
        used.insert(id);
    }
    readouts
}

#[cfg(test)]
mod tests {
    use super::*;
    use readouts_core::{parse, Corpus};

    const TEXT: &str = "President Ilse Marrow of Caldoria held a phone call with Chancellor Oren Vask of Tessaly on March 4, 2037. President Marrow said that grain exports would resume.";

    #[test]
    fn json_files_are_read_as_json() {
        assert_eq!(kind_of("corpus.JSON"), "json");
        assert_eq!(kind_of("readout.txt"), "txt");
        assert_eq!(kind_of("notes"), "txt");
    }

    #[test]
    fn taken_ids_are_never_reused() {
        let batch = [parse(TEXT), parse(TEXT)];
        let id = batch[0].id.clone();
        let taken = HashSet::from([id.clone()]);
        let mut made = Records::new(&taken);
        let records: Vec<_> = batch.iter().map(|r| made.record(r)).collect();
        let ids: Vec<&str> = records.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, [format!("{id}-2"), format!("{id}-3")]);
        // Each record is a corpus the app's reader takes, with the new id inside.
        let stored = Corpus::from_json(&records[1].1).unwrap();
        assert_eq!(stored.readouts[0].id, format!("{id}-3"));
        assert!(stored.readouts[0]
            .statements
            .iter()
            .all(|s| s.id.starts_with(&format!("{id}-3-s"))));
        // A readout whose id is free is stored as it is.
        let none = HashSet::new();
        let (free, json) = Records::new(&none).record(&batch[0]);
        assert_eq!((free, json), (id, corpus_json(&[&batch[0]])));
    }

    #[test]
    fn merged_readouts_never_take_a_bundled_or_earlier_id() {
        let id = parse(TEXT).id;
        let bundled = HashSet::from([id.clone()]);
        let other = parse("President Ilse Marrow of Caldoria met King Arno of Vells in Sarn on May 1, 2031. King Arno said that the bridge would open.");
        let other_id = other.id.clone();
        let readouts = merged(vec![parse(TEXT), other, parse(TEXT)], &bundled);
        let ids: Vec<&str> = readouts.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, [format!("{id}-2"), other_id, format!("{id}-3")]);
        // Statement ids follow, so every statement keeps its own permalink.
        assert!(readouts[2]
            .statements
            .iter()
            .all(|s| s.id.starts_with(&format!("{id}-3-s"))));
    }
}
