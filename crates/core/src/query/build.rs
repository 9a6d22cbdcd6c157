//! Building an [`Index`] in small pieces, so that a browser can build it while the corpus
//! downloads and never hold its main thread for long: [`IndexBuilder::add`] takes the readouts
//! one at a time as they are read (each statement's facet values, words and date), and
//! [`IndexBuilder::finish`] turns the collected values into the index's tables in
//! [`Finishing::step`]s of a few milliseconds each (sorting each facet's values by label,
//! filling the word lists a slice of the word stream at a time, the date orders, the id
//! table). [`Index::new`] is the same builder run at once, so the two give the same index.

use super::fields::Fields;
use super::ids::IdTable;
use super::index::{day_key, day_number, FacetTable, Index};
use super::order::{order, order_by_text};
use super::postings::{Inverting, PostingsBuilder};
use super::Facet;
use crate::fold::lowercase;
use crate::fxhash::FxHashMap as HashMap;
use crate::model::{Corpus, Readout};

/// Collects what the index needs from readouts given in corpus order.
pub struct IndexBuilder {
    /// (readout, statement) of each statement number.
    docs: Vec<(u32, u32)>,
    /// The number of statements of each readout added.
    sizes: Vec<u32>,
    facets: Vec<FacetBuilder>,
    words: PostingsBuilder,
    days: Vec<i32>,
    /// The number of the first readout imported in the browser, after the bundled ones (none:
    /// every readout is bundled).
    imported_from: Option<usize>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder::new()
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder {
            docs: Vec::new(),
            sizes: Vec::new(),
            facets: Facet::ALL.iter().map(|_| FacetBuilder::default()).collect(),
            words: PostingsBuilder::default(),
            days: Vec::new(),
            imported_from: None,
        }
    }

    /// How many readouts have been added: the corpus's first readouts.
    pub fn added(&self) -> usize {
        self.sizes.len()
    }

    /// Adds the corpus's next readout (readouts must come in corpus order, each once).
    pub fn add(&mut self, readout: &Readout) {
        let r = self.sizes.len() as u32;
        let imported = self.imported_from.is_some_and(|first| r as usize >= first);
        self.sizes.push(readout.statements.len() as u32);
        let day = day_number(
            readout
                .event
                .date
                .as_deref()
                .or(readout.published.as_deref()),
        );
        for (s, statement) in readout.statements.iter().enumerate() {
            self.docs.push((r, s as u32));
            self.days.push(day);
            self.words.add(&statement.text);
            for facet in Facet::ALL {
                let values = &mut self.facets[facet.index()];
                values.start_statement();
                add_values(values, facet, readout, s, imported);
            }
        }
    }

    /// Starts turning what was collected into the index of `corpus`, whose first
    /// [`added`](Self::added) readouts must be the ones added (its other readouts are added
    /// during the first steps). A corpus whose first readouts do not have the statement counts
    /// of those added is indexed from scratch.
    pub fn finish(self, corpus: Corpus) -> Finishing {
        let same = self.sizes.len() <= corpus.readouts.len()
            && self
                .sizes
                .iter()
                .zip(&corpus.readouts)
                .all(|(&n, r)| n as usize == r.statements.len());
        let builder = if same {
            self
        } else {
            IndexBuilder {
                imported_from: self.imported_from,
                ..IndexBuilder::new()
            }
        };
        Finishing {
            stage: Stage::Adding,
            builder,
            corpus,
            facets: Vec::with_capacity(Facet::ALL.len()),
            fields: None,
            inverting: None,
            oldest: Vec::new(),
            newest: Vec::new(),
            ids: None,
        }
    }
}

impl IndexBuilder {
    /// [`finish`](Self::finish) for a bundled `corpus` (whose first readouts are those added)
    /// with readouts `imported` in the browser after it, whose statements get the
    /// [`Facet::Source`] `imported` (`Index::with_imported`).
    pub fn finish_with_imported(mut self, mut corpus: Corpus, imported: Vec<Readout>) -> Finishing {
        self.imported_from = Some(corpus.readouts.len());
        corpus.readouts.extend(imported);
        self.finish(corpus)
    }
}

/// The values of one facet, numbered in order of first appearance, and each statement's.
#[derive(Default)]
pub(super) struct FacetBuilder {
    by_value: HashMap<String, u32>,
    values: Vec<String>,
    labels: Vec<String>,
    /// Statement `d`'s values are `doc_values[doc_offsets[d]..doc_offsets[d + 1]]`.
    doc_offsets: Vec<u32>,
    doc_values: Vec<u32>,
}

impl FacetBuilder {
    fn start_statement(&mut self) {
        if self.doc_offsets.is_empty() {
            self.doc_offsets.push(0);
        }
        self.doc_offsets.push(self.doc_values.len() as u32);
    }

    /// Gives the statement being added `value` (its label made only for a new value; a `dyn`
    /// closure, so that every facet shares one copy of this code in the wasm).
    fn add(&mut self, value: &str, label: &dyn Fn() -> String) {
        let id = match self.by_value.get(value) {
            Some(&id) => id,
            None => {
                let id = self.values.len() as u32;
                self.by_value.insert(value.to_string(), id);
                self.values.push(value.to_string());
                self.labels.push(label());
                id
            }
        };
        // The statement's values so far: from the end of the previous statement's.
        let n = self.doc_offsets.len();
        let start = self.doc_offsets[n - 2] as usize;
        if !self.doc_values[start..].contains(&id) {
            self.doc_values.push(id);
            self.doc_offsets[n - 1] += 1;
        }
    }

    /// The table: values renumbered by label, so that equal counts list alphabetically.
    fn finish(self) -> FacetTable {
        let FacetBuilder {
            mut by_value,
            values,
            labels,
            mut doc_offsets,
            mut doc_values,
        } = self;
        if doc_offsets.is_empty() {
            doc_offsets.push(0);
        }
        // (label folded to lowercase, value) as one text, a zero byte between them.
        let keys: Vec<String> = labels
            .iter()
            .zip(&values)
            .map(|(label, value)| format!("{}\u{0}{value}", lowercase(label)))
            .collect();
        let order = order_by_text(&keys);
        drop(keys);
        let mut new_id = vec![0u32; values.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let values: Vec<String> = order
            .iter()
            .map(|&old| values[old as usize].clone())
            .collect();
        let labels: Vec<String> = order
            .iter()
            .map(|&old| labels[old as usize].clone())
            .collect();
        for id in by_value.values_mut() {
            *id = new_id[*id as usize];
        }
        let mut postings = vec![Vec::new(); values.len()];
        for doc in 0..doc_offsets.len() - 1 {
            let range = doc_offsets[doc] as usize..doc_offsets[doc + 1] as usize;
            for v in &mut doc_values[range] {
                *v = new_id[*v as usize];
                postings[*v as usize].push(doc as u32);
            }
        }
        let totals = postings.iter().map(|p| p.len() as u32).collect();
        // One value each: the values say it all.
        if doc_offsets.windows(2).all(|w| w[1] == w[0] + 1) {
            doc_offsets = Vec::new();
        }
        FacetTable {
            values,
            labels,
            by_value,
            postings,
            doc_offsets,
            doc_values,
            totals,
        }
    }
}

/// Gives statement `s` of `readout` (imported in the browser or bundled) its values of `facet`.
fn add_values(
    values: &mut FacetBuilder,
    facet: Facet,
    readout: &Readout,
    s: usize,
    imported: bool,
) {
    let statement = &readout.statements[s];
    let speakers = || {
        statement
            .speakers
            .iter()
            .filter_map(|id| readout.participant(id))
    };
    match facet {
        Facet::Speaker => speakers().for_each(|p| values.add(&p.id, &|| p.name.clone())),
        Facet::Country => speakers()
            .filter_map(|p| p.country.as_deref())
            .for_each(|c| values.add(c, &|| c.to_string())),
        Facet::Role => {
            speakers().for_each(|p| values.add(p.role.as_str(), &|| p.role.as_str().to_string()))
        }
        Facet::Verb => {
            let verb = lowercase(&statement.verb);
            values.add(&verb, &|| verb.clone());
        }
        Facet::Topic => statement
            .topics
            .iter()
            .for_each(|t| values.add(t, &|| t.to_string())),
        Facet::Kind => values.add(readout.event.kind.as_str(), &|| {
            readout.event.kind.label().to_string()
        }),
        Facet::Source if imported => values.add("imported", &|| "Imported".into()),
        Facet::Source => values.add("bundled", &|| "Bundled".into()),
        Facet::Readout => values.add(&readout.id, &|| match readout
            .event
            .date
            .as_deref()
            .or(readout.published.as_deref())
        {
            Some(d) => format!("{} ({d})", readout.title),
            None => readout.title.clone(),
        }),
    }
}

/// What [`Finishing::step`] does next.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Stage {
    /// Adding the corpus's readouts that were not added before.
    Adding,
    /// Sorting each facet's values (one facet a step).
    Facets,
    /// The words of the facet values' names.
    Fields,
    /// Numbering the words in sorted order.
    Words,
    /// Filling the word lists, a slice of the word stream a step.
    Inverting,
    /// The date orders.
    Oldest,
    Newest,
    /// The statement id table, a slice of the statements a step.
    Ids,
    Done,
}

/// Readouts added a step, while adding those not added before, and statements entered in the
/// id table a step (fewer in the unit tests, so that their small corpora take many steps).
const READOUTS_A_STEP: usize = if cfg!(test) { 3 } else { 64 };
const IDS_A_STEP: usize = if cfg!(test) { 5 } else { 1 << 15 };

/// An index being finished: [`step`](Self::step) until it says it is done (each step a few
/// milliseconds' work at 100,000 statements, so a caller can let a page paint between them),
/// then [`into_index`](Self::into_index).
pub struct Finishing {
    stage: Stage,
    builder: IndexBuilder,
    corpus: Corpus,
    facets: Vec<FacetTable>,
    fields: Option<Fields>,
    inverting: Option<Inverting>,
    oldest: Vec<u32>,
    newest: Vec<u32>,
    ids: Option<(IdTable, usize)>,
}

impl Finishing {
    /// Does the next piece of work; true once there is none left.
    pub fn step(&mut self) -> bool {
        self.advance(false)
    }

    /// Does the next piece of work, or with `whole` the whole of the next stage (as
    /// [`into_index`](Self::into_index) does); true once there is none left.
    fn advance(&mut self, whole: bool) -> bool {
        let many = |count: usize| if whole { usize::MAX } else { count };
        match self.stage {
            Stage::Adding => {
                let from = self.builder.added();
                let to = from
                    .saturating_add(many(READOUTS_A_STEP))
                    .min(self.corpus.readouts.len());
                for readout in &self.corpus.readouts[from..to] {
                    self.builder.add(readout);
                }
                if to == self.corpus.readouts.len() {
                    self.stage = Stage::Facets;
                }
            }
            Stage::Facets => {
                let facet = self.facets.len();
                let values = std::mem::take(&mut self.builder.facets[facet]);
                self.facets.push(values.finish());
                if self.facets.len() == Facet::ALL.len() {
                    self.stage = Stage::Fields;
                }
            }
            Stage::Fields => {
                self.fields = Some(build_fields(&self.corpus, &self.facets));
                self.stage = Stage::Words;
            }
            Stage::Words => {
                let words = std::mem::take(&mut self.builder.words);
                self.inverting = Some(words.finish());
                self.stage = Stage::Inverting;
            }
            Stage::Inverting => {
                let places = many(super::postings::PLACES_A_STEP);
                if self.inverting.as_mut().is_none_or(|i| i.fill(places)) {
                    self.stage = Stage::Oldest;
                }
            }
            Stage::Oldest => {
                self.oldest = order(self.builder.days.iter().map(|&d| day_key(d, false)));
                self.stage = Stage::Newest;
            }
            Stage::Newest => {
                self.newest = order(self.builder.days.iter().map(|&d| day_key(d, true)));
                self.stage = Stage::Ids;
            }
            Stage::Ids => {
                let docs = &self.builder.docs;
                let (table, done) = self
                    .ids
                    .get_or_insert_with(|| (IdTable::with_capacity(docs.len()), 0));
                let end = done.saturating_add(many(IDS_A_STEP)).min(docs.len());
                for (doc, &(r, s)) in docs.iter().enumerate().take(end).skip(*done) {
                    let id = &self.corpus.readouts[r as usize].statements[s as usize].id;
                    table.insert(doc as u32, id);
                }
                *done = end;
                if end == docs.len() {
                    self.stage = Stage::Done;
                }
            }
            Stage::Done => {}
        }
        self.stage == Stage::Done
    }

    /// The index (doing first whatever work is left, each stage whole).
    pub fn into_index(mut self) -> Index {
        while !self.advance(true) {}
        let fields = match self.fields.take() {
            Some(fields) => fields,
            None => build_fields(&self.corpus, &self.facets),
        };
        let postings = self
            .inverting
            .take()
            .map(Inverting::into_postings)
            .unwrap_or_else(|| PostingsBuilder::default().finish().into_postings());
        let (by_statement_id, _) = self
            .ids
            .take()
            .unwrap_or_else(|| (IdTable::with_capacity(0), 0));
        let bundled = (self.builder.imported_from)
            .unwrap_or(usize::MAX)
            .min(self.corpus.readouts.len());
        Index {
            corpus: self.corpus,
            docs: self.builder.docs,
            facets: self.facets,
            postings,
            fields,
            days: self.builder.days,
            newest: self.newest,
            oldest: self.oldest,
            by_statement_id,
            bundled,
        }
    }
}

/// The entries of [`Fields`]: every value's label, then for a speaker each other form of
/// their name the corpus gives (their names and aliases in every readout), a value's entries
/// together.
fn build_fields(corpus: &Corpus, facets: &[FacetTable]) -> Fields {
    let speakers = &facets[Facet::Speaker.index()];
    let mut aliases: Vec<Vec<&str>> = vec![Vec::new(); speakers.values.len()];
    for p in corpus.readouts.iter().flat_map(|r| &r.participants) {
        if let Some(&id) = speakers.by_value.get(&p.id) {
            let label = speakers.labels[id as usize].as_str();
            let list = &mut aliases[id as usize];
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                if name != label && !list.contains(&name.as_str()) {
                    list.push(name);
                }
            }
        }
    }
    let mut entries: Vec<(Facet, u32, &str)> = Vec::new();
    for facet in Facet::ALL {
        for (id, label) in facets[facet.index()].labels.iter().enumerate() {
            entries.push((facet, id as u32, label));
            if facet == Facet::Speaker {
                entries.extend(aliases[id].iter().map(|&a| (facet, id as u32, a)));
            }
        }
    }
    Fields::new(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn corpus(count: usize, seed: u64) -> Corpus {
        let texts = readouts_synth::corpus(count, seed);
        Corpus::new(texts.iter().map(|(_, text)| crate::parse(text)).collect())
    }

    /// Builds the index of `corpus` with its first `added` readouts given one at a time and
    /// `steps` steps of finishing (each a few readouts, places or ids in the unit tests) before
    /// the rest is done at once: against [`Index::new`], which does every stage whole.
    fn built(corpus: &Corpus, added: usize, steps: usize) -> Index {
        let mut builder = IndexBuilder::new();
        for readout in corpus.readouts.iter().take(added) {
            builder.add(readout);
        }
        let mut finishing = builder.finish(corpus.clone());
        for _ in 0..steps {
            if finishing.step() {
                break;
            }
        }
        finishing.into_index()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Readouts given as they are read, finished in steps: the index built at once.
        #[test]
        fn built_incrementally_is_built_at_once(
            count in 0usize..12,
            seed in 0u64..10_000,
            added in 0usize..13,
            steps in 0usize..400,
        ) {
            let corpus = corpus(count, seed);
            let at_once = Index::new(corpus.clone());
            prop_assert!(built(&corpus, added.min(count), steps) == at_once);
        }
    }

    #[test]
    fn steps_are_many_and_end() {
        let corpus = corpus(6, 1);
        let mut finishing = IndexBuilder::new().finish(corpus.clone());
        let mut steps = 1;
        while !finishing.step() {
            steps += 1;
        }
        // Readouts a few at a time, every facet, the fields, the words, their lists a few
        // places at a time, two orders, the ids a few at a time.
        assert!(steps > 50, "{steps} steps");
        assert!(finishing.step(), "done stays done");
        assert!(finishing.into_index() == Index::new(corpus));
    }

    #[test]
    fn readouts_that_are_not_the_corpus_are_indexed_again() {
        let corpus = corpus(8, 2);
        let first = corpus.readouts[0].statements.len();
        let other = corpus
            .readouts
            .iter()
            .find(|r| r.statements.len() != first)
            .expect("generated readouts of different lengths");
        let mut builder = IndexBuilder::new();
        builder.add(other);
        assert!(builder.finish(corpus.clone()).into_index() == Index::new(corpus));
    }
}
