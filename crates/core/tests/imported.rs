//! Readouts imported in the browser, merged after the bundled corpus
//! (`Index::with_imported`): the Source facet and the imported/bundled split. (Ids that
//! collide with a bundled one get a new one in the import page: `crates/import-app`'s
//! `batch::merged`.)

use readouts_core::query::{Facet, Index, Query};
use readouts_core::{parse, Corpus, Readout};

const ARVELIA: &str = "President Elena Varga-Holm of Arvelia met Prime Minister Tomas Lindqvist of Norland in Halvik on July 3, 2024. President Varga-Holm said that the two countries would open a new rail link. Prime Minister Lindqvist stressed that the border must stay open.";
const CALDORIA: &str = "President Ilse Marrow of Caldoria held a phone call with Chancellor Oren Vask of Tessaly on March 4, 2037. President Marrow said that grain exports would resume.";

fn readout(text: &str) -> Readout {
    parse(text)
}

/// Counts of the Source facet for a query, by value name.
fn sources(index: &Index, query: &Query) -> Vec<(String, u32)> {
    let results = index.search(query);
    let counts = results
        .facets
        .iter()
        .find(|f| f.facet == Facet::Source)
        .expect("the Source facet is counted");
    let mut named: Vec<(String, u32)> = counts
        .values
        .iter()
        .map(|v| (index.value(Facet::Source, v.id).to_string(), v.count))
        .collect();
    named.sort();
    named
}

#[test]
fn imported_statements_have_their_own_source() {
    let bundled = Corpus::new(vec![readout(ARVELIA)]);
    let index = Index::with_imported(bundled, vec![readout(CALDORIA)]);
    let arvelia = &index.corpus().readouts[0];
    let caldoria = &index.corpus().readouts[1];
    assert!(!index.is_imported(arvelia));
    assert!(index.is_imported(caldoria));
    assert_eq!(index.bundled().len(), 1);
    assert_eq!(index.imported().len(), 1);
    let (a, c) = (
        arvelia.statements.len() as u32,
        caldoria.statements.len() as u32,
    );
    assert!(a > 0 && c > 0);
    assert_eq!(
        sources(&index, &Query::default()),
        [("bundled".to_string(), a), ("imported".to_string(), c)]
    );
    let imported = Query::default().toggled(Facet::Source, "imported");
    let results = index.search(&imported);
    assert_eq!(results.total, c as usize);
    assert!(results
        .page
        .iter()
        .all(|&doc| index.is_imported(index.statement(doc).0)));
    // The URL names it like every facet.
    assert_eq!(imported.to_query_string(), "source=imported");
}

#[test]
fn a_bundled_corpus_alone_is_all_bundled() {
    let index = Index::new(Corpus::new(vec![readout(ARVELIA)]));
    assert!(index.imported().is_empty());
    assert!(!index.is_imported(&index.corpus().readouts[0]));
    let n = index.len() as u32;
    assert_eq!(
        sources(&index, &Query::default()),
        [("bundled".to_string(), n)]
    );
}
