//! What the import page does with a batch of readouts, independent of the browser: which
//! reader a file needs, and the records a batch is stored as, each under an id that no bundled
//! or stored readout (nor an earlier one of the batch) holds.

use readouts_core::file::free_id;
use readouts_core::{Corpus, Readout};
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

/// The records of `batch` for the store, `(id, corpus JSON of that readout)`: a readout whose
/// id is taken (by `taken`, or an earlier readout of the batch) gets the first free
/// `id-2`, `id-3`, … (its statement ids follow), so that an import never replaces anything.
pub fn records(batch: &mut [Readout], taken: &HashSet<String>) -> Vec<(String, String)> {
    let mut used: HashSet<String> = HashSet::new();
    batch
        .iter_mut()
        .map(|readout| {
            let id = free_id(&readout.id, |id| taken.contains(id) || used.contains(id));
            if id != readout.id {
                readout.set_id(id.clone());
            }
            used.insert(id.clone());
            (id, Corpus::new(vec![readout.clone()]).to_json())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use readouts_core::parse;

    const TEXT: &str = "President Ilse Marrow of Caldoria held a phone call with Chancellor Oren Vask of Tessaly on March 4, 2037. President Marrow said that grain exports would resume.";

    #[test]
    fn json_files_are_read_as_json() {
        assert_eq!(kind_of("corpus.JSON"), "json");
        assert_eq!(kind_of("readout.txt"), "txt");
        assert_eq!(kind_of("notes"), "txt");
    }

    #[test]
    fn taken_ids_are_never_reused() {
        let mut batch = vec![parse(TEXT), parse(TEXT)];
        let id = batch[0].id.clone();
        let taken = HashSet::from([id.clone()]);
        let records = records(&mut batch, &taken);
        let ids: Vec<&str> = records.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, [format!("{id}-2"), format!("{id}-3")]);
        // Each record is a corpus the app's reader takes, with the new id inside.
        let stored = Corpus::from_json(&records[1].1).unwrap();
        assert_eq!(stored.readouts[0].id, format!("{id}-3"));
        assert_eq!(batch[1].id, format!("{id}-3"));
    }
}
