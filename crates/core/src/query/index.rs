//! The index: per-statement facet values, posting lists, folded search text and sort orders,
//! built once; and query evaluation over bitsets.

use super::bitset::Bitset;
use super::fields::Fields;
use super::ids::IdTable;
use super::order::{order, sorted_by_key};
use super::postings::Postings;
use super::text::{parse_search, words, Clause, Term};
use super::{Facet, Query, Sort, PAGE_SIZE, WORD_FIELDS};
use crate::fxhash::FxHashMap as HashMap;
use crate::model::{Corpus, Readout, Span, Statement};

/// The values of one facet: their names, labels, and which statements have each.
#[cfg_attr(test, derive(PartialEq))]
pub(super) struct FacetTable {
    /// Value names, sorted by label so that ties in counts list alphabetically.
    pub(super) values: Vec<String>,
    pub(super) labels: Vec<String>,
    pub(super) by_value: HashMap<String, u32>,
    /// Statements of each value, increasing.
    pub(super) postings: Vec<Vec<u32>>,
    /// Values of each statement: `doc_values[doc_offsets[d]..doc_offsets[d + 1]]`; where every
    /// statement has exactly one value (the verb, the kind, the readout), `doc_offsets` is
    /// empty and `doc_values[d]` is statement `d`'s value.
    pub(super) doc_offsets: Vec<u32>,
    pub(super) doc_values: Vec<u32>,
    /// Count of each value over all statements.
    pub(super) totals: Vec<u32>,
}

/// One facet's counts for a query: `(value id, count, selected)`, most frequent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub id: u32,
    pub count: u32,
    pub selected: bool,
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// Number of matching statements.
    pub total: usize,
    /// The requested page of matches, as statement numbers, in the requested order.
    pub page: Vec<u32>,
    pub facets: Vec<FacetCounts>,
}

/// The searchable corpus.
/// (Built by [`IndexBuilder`](super::IndexBuilder), at once by [`Index::new`].)
#[cfg_attr(test, derive(PartialEq))]
pub struct Index {
    pub(super) corpus: Corpus,
    /// (readout, statement) of each statement number, in corpus order.
    pub(super) docs: Vec<(u32, u32)>,
    pub(super) facets: Vec<FacetTable>,
    /// The statements and places of every folded word of the statements' texts.
    pub(super) postings: Postings,
    /// The words of the facet values' names: what words find besides the text, and where
    /// qualifiers look.
    pub(super) fields: Fields,
    /// Day number of each statement's event (or publication) date; `i32::MIN` when unknown.
    pub(super) days: Vec<i32>,
    pub(super) newest: Vec<u32>,
    pub(super) oldest: Vec<u32>,
    pub(super) by_statement_id: IdTable,
    /// How many readouts, first in the corpus, are bundled; the rest were imported.
    pub(super) bundled: usize,
}

/// The sort key of a day number for the newest-first or oldest-first order: undated
/// statements go last in both (ties keep corpus order, by the sort).
pub(super) fn day_key(day: i32, newest_first: bool) -> u64 {
    let shifted = (i64::from(day) - i64::from(i32::MIN)) as u64;
    match (day == i32::MIN, newest_first) {
        (true, _) => u64::MAX,
        (false, false) => shifted,
        (false, true) => u64::from(u32::MAX) - shifted,
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; `i32::MIN` for none or an invalid one.
pub(super) fn day_number(date: Option<&str>) -> i32 {
    date.and_then(crate::date::Date::parse_iso)
        .map_or(i32::MIN, |d| d.days_since_epoch() as i32)
}

impl Index {
    /// Indexes a corpus at once (an [`IndexBuilder`](super::IndexBuilder) given every readout,
    /// then finished in one go).
    pub fn new(corpus: Corpus) -> Index {
        super::IndexBuilder::new().finish(corpus).into_index()
    }

    /// The index of a bundled corpus and readouts imported in the browser, after it: the
    /// [`Facet::Source`] of their statements is `imported`. Their ids should be free (the
    /// import page gives an imported readout whose id a bundled or earlier one took a new id
    /// before handing it over): a repeated id leaves the later readout unreachable by its id,
    /// never anything worse.
    pub fn with_imported(corpus: Corpus, imported: Vec<Readout>) -> Index {
        super::IndexBuilder::new()
            .finish_with_imported(corpus, imported)
            .into_index()
    }

    /// Whether `readout` (one of this index's) was imported rather than bundled.
    pub fn is_imported(&self, readout: &Readout) -> bool {
        self.corpus.readouts[self.bundled..]
            .as_ptr_range()
            .contains(&(readout as *const Readout))
    }

    /// The readouts imported in the browser, after the bundled ones.
    pub fn imported(&self) -> &[Readout] {
        &self.corpus.readouts[self.bundled..]
    }

    /// The bundled readouts.
    pub fn bundled(&self) -> &[Readout] {
        &self.corpus.readouts[..self.bundled]
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The readout and statement of a statement number.
    pub fn statement(&self, doc: u32) -> (&Readout, &Statement) {
        let (r, s) = self.docs[doc as usize];
        let readout = &self.corpus.readouts[r as usize];
        (readout, &readout.statements[s as usize])
    }

    /// The statement number of a statement id (for permalinks).
    pub fn find_statement(&self, id: &str) -> Option<u32> {
        self.by_statement_id
            .find(id, |doc| self.statement(doc).1.id.as_str())
    }

    pub fn readout(&self, id: &str) -> Option<&Readout> {
        self.corpus.readouts.iter().find(|r| r.id == id)
    }

    /// The name of a facet value.
    pub fn value(&self, facet: Facet, id: u32) -> &str {
        &self.facets[facet.index()].values[id as usize]
    }

    /// The human label of a facet value (a speaker's name, a readout's title).
    pub fn label(&self, facet: Facet, id: u32) -> &str {
        &self.facets[facet.index()].labels[id as usize]
    }

    /// The id of a facet value given by name, if the corpus has it.
    pub(super) fn value_id(&self, facet: Facet, value: &str) -> Option<u32> {
        self.facets[facet.index()].by_value.get(value).copied()
    }

    /// The human label of a facet value given by name, if the corpus has it.
    pub fn label_of(&self, facet: Facet, value: &str) -> Option<&str> {
        let table = &self.facets[facet.index()];
        table
            .by_value
            .get(value)
            .map(|&id| table.labels[id as usize].as_str())
    }

    /// Answers a query.
    pub fn search(&self, query: &Query) -> Results {
        let base = self.base_set(query);
        // One set per facet with a selection: statements having any selected value.
        let selected: Vec<(Facet, Bitset)> = query
            .filters
            .iter()
            .map(|(facet, values)| (facet, self.selection_set(facet, values)))
            .collect();
        let mut result = base.clone();
        for (_, set) in &selected {
            result.and(set);
        }

        let mut facets: Vec<FacetCounts> = Vec::with_capacity(Facet::ALL.len());
        let unselected: Vec<Facet> = Facet::ALL
            .into_iter()
            .filter(|f| !selected.iter().any(|(s, _)| s == f))
            .collect();
        let shared = self.count_values(&result, &unselected);
        for (facet, counts) in unselected.iter().zip(shared) {
            facets.push(self.facet_counts(*facet, counts, query));
        }
        for (facet, _) in &selected {
            let mut others = base.clone();
            for (other, set) in &selected {
                if other != facet {
                    others.and(set);
                }
            }
            let counts = self.count_values(&others, &[*facet]).remove(0);
            facets.push(self.facet_counts(*facet, counts, query));
        }
        let facets = sorted_by_key(facets, |f| f.facet as u64);

        let total = result.count();
        let skip = query.page.saturating_mul(PAGE_SIZE);
        Results {
            total,
            page: self.ordered(&result, total, query.sort, skip, PAGE_SIZE),
            facets,
        }
    }

    /// Every statement the query matches, in its order, its page set aside: what a view's
    /// results are over all its pages (an export of the view holds them all). No facet counts.
    pub fn matching(&self, query: &Query) -> Vec<u32> {
        let mut result = self.base_set(query);
        for (facet, values) in query.filters.iter() {
            result.and(&self.selection_set(facet, values));
        }
        let total = result.count();
        self.ordered(&result, total, query.sort, 0, total)
    }

    /// The statements a clause lets through: those it matches, or for a negated clause those
    /// it does not.
    pub(super) fn clause_matches(&self, clause: &Clause) -> Bitset {
        let set = self.clause_set(clause);
        if clause.negated {
            set.not()
        } else {
            set
        }
    }

    /// The statements dated within the query's range, if it has one: an invalid or missing
    /// bound is open; undated statements are outside every range.
    pub(super) fn dates_set(&self, query: &Query) -> Option<Bitset> {
        if query.from.is_none() && query.to.is_none() {
            return None;
        }
        let from = query
            .from
            .as_deref()
            .map_or(i32::MIN + 1, |d| day_number(Some(d)));
        let to = query
            .to
            .as_deref()
            .map_or(i32::MAX, |d| match day_number(Some(d)) {
                i32::MIN => i32::MAX,
                day => day,
            });
        let mut in_range = Bitset::empty(self.docs.len());
        for (doc, &day) in self.days.iter().enumerate() {
            if day != i32::MIN && day >= from && day <= to {
                in_range.insert(doc);
            }
        }
        Some(in_range)
    }

    /// The statements having any of `values` of `facet` (values the corpus lacks find none).
    pub(super) fn selection_set<'a>(
        &self,
        facet: Facet,
        values: impl IntoIterator<Item = &'a String>,
    ) -> Bitset {
        let table = &self.facets[facet.index()];
        let mut set = Bitset::empty(self.docs.len());
        for value in values {
            if let Some(&id) = table.by_value.get(value) {
                set.insert_all(&table.postings[id as usize]);
            }
        }
        set
    }

    /// The statements the search text and the date range let through (no facet selection).
    pub(super) fn base_set(&self, query: &Query) -> Bitset {
        let mut base = Bitset::full(self.docs.len());
        for clause in parse_search(&query.text) {
            let set = self.clause_set(&clause);
            if clause.negated {
                base.and_not(&set);
            } else {
                base.and(&set);
            }
        }
        if let Some(in_range) = self.dates_set(query) {
            base.and(&in_range);
        }
        base
    }

    /// The statements having a value, increasing.
    pub(super) fn postings_of(&self, facet: Facet, id: u32) -> &[u32] {
        &self.facets[facet.index()].postings[id as usize]
    }

    /// The number of values of a facet (ids are `0..value_count`).
    pub fn value_count(&self, facet: Facet) -> usize {
        self.facets[facet.index()].values.len()
    }

    /// How many statements of the whole corpus have a value.
    pub fn total(&self, facet: Facet, id: u32) -> u32 {
        self.facets[facet.index()].totals[id as usize]
    }

    pub(super) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Counts of every value of the given facets over a set of statements. A set larger than
    /// half the corpus is counted through its complement.
    fn count_values(&self, set: &Bitset, facets: &[Facet]) -> Vec<Vec<u32>> {
        let complement = set.count() * 2 > self.docs.len();
        let walk = if complement {
            set.not().members()
        } else {
            set.members()
        };
        facets
            .iter()
            .map(|facet| {
                let table = &self.facets[facet.index()];
                let mut counts = table.count(&walk);
                if complement {
                    for (c, t) in counts.iter_mut().zip(&table.totals) {
                        *c = t - *c;
                    }
                }
                counts
            })
            .collect()
    }

    fn facet_counts(&self, facet: Facet, counts: Vec<u32>, query: &Query) -> FacetCounts {
        let table = &self.facets[facet.index()];
        let values: Vec<FacetValue> = counts
            .into_iter()
            .enumerate()
            .filter_map(|(id, count)| {
                let selected = query.is_selected(facet, &table.values[id]);
                (count > 0 || selected).then_some(FacetValue {
                    id: id as u32,
                    count,
                    selected,
                })
            })
            .collect();
        // Most frequent first, then by id (ids follow labels): the values come in id order and
        // the sort is stable, so the count alone is the key (two radix passes, not four).
        let values = sorted_by_key(values, |v| u64::from(u32::MAX - v.count));
        FacetCounts { facet, values }
    }

    /// Statements matching one clause: any of its terms.
    fn clause_set(&self, clause: &Clause) -> Bitset {
        let mut set = Bitset::empty(self.docs.len());
        for term in &clause.any_of {
            self.add_term(term, &mut set);
        }
        set
    }

    /// Adds the statements a term matches: a word or phrase in the text or in the names of
    /// the speakers, their countries and the topics ([`WORD_FIELDS`]); a qualified term in
    /// its facet's values only.
    fn add_term(&self, term: &Term, set: &mut Bitset) {
        match term {
            Term::Word(prefix) => self.postings.add_prefixed(prefix, set),
            Term::Phrase(words) => self.postings.add_phrase(words, set),
            Term::In(facet, inner) => return self.add_field_values(inner, &[*facet], set),
        }
        self.add_field_values(term, &WORD_FIELDS, set);
    }

    /// Adds the statements of every value of `facets` that `term` names.
    fn add_field_values(&self, term: &Term, facets: &[Facet], set: &mut Bitset) {
        self.fields.for_each_value(term, facets, |facet, id| {
            set.insert_all(&self.facets[facet.index()].postings[id as usize]);
        });
    }

    /// `take` results of a result set from the `skip`-th, in the given order (a page, or all).
    fn ordered(
        &self,
        result: &Bitset,
        total: usize,
        sort: Sort,
        skip: usize,
        take: usize,
    ) -> Vec<u32> {
        match sort {
            Sort::Readout => result
                .iter()
                .skip(skip)
                .take(take)
                .map(|d| d as u32)
                .collect(),
            // A few results are sorted by date; more are picked from the order of all.
            Sort::Newest | Sort::Oldest if total * 64 <= self.docs.len() => {
                let docs = result.members();
                let newest = sort == Sort::Newest;
                order(docs.iter().map(|&d| day_key(self.days[d as usize], newest)))
                    .into_iter()
                    .skip(skip)
                    .take(take)
                    .map(|i| docs[i as usize])
                    .collect()
            }
            Sort::Newest | Sort::Oldest => {
                let order = if sort == Sort::Newest {
                    &self.newest
                } else {
                    &self.oldest
                };
                order
                    .iter()
                    .filter(|&&d| result.contains(d as usize))
                    .skip(skip)
                    .take(take)
                    .copied()
                    .collect()
            }
        }
    }

    /// The spans of `text` that the search text matches, for highlighting: in order, merged
    /// where they overlap.
    pub fn highlights(text: &str, search: &str) -> Vec<Span> {
        let clauses: Vec<Clause> = parse_search(search)
            .into_iter()
            .filter(|c| !c.negated)
            .collect();
        let ws = words(text);
        let mut ranges = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            for term in clauses.iter().flat_map(|c| &c.any_of) {
                match term {
                    Term::Word(prefix) if w.folded.starts_with(prefix.as_str()) => {
                        ranges.push(Span::new(w.start, w.end));
                    }
                    Term::Phrase(phrase)
                        if ws.len() >= i + phrase.len()
                            && ws[i..i + phrase.len()]
                                .iter()
                                .zip(phrase)
                                .all(|(a, b)| a.folded == *b) =>
                    {
                        ranges.push(Span::new(w.start, ws[i + phrase.len() - 1].end));
                    }
                    Term::Word(_) | Term::Phrase(_) | Term::In(..) => {}
                }
            }
        }
        let ranges = sorted_by_key(ranges, |span| span.start as u64);
        // Merge overlaps.
        let mut merged: Vec<Span> = Vec::new();
        for span in ranges {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        merged
    }
}

impl FacetTable {
    /// How many of `docs` have each value.
    fn count(&self, docs: &[u32]) -> Vec<u32> {
        // Slices, not vectors, in the loops: indexing a slice needs no call.
        let mut counts = vec![0u32; self.values.len()];
        let tally: &mut [u32] = &mut counts;
        let (offsets, values): (&[u32], &[u32]) = (&self.doc_offsets, &self.doc_values);
        if offsets.is_empty() {
            for &doc in docs {
                tally[values[doc as usize] as usize] += 1;
            }
        } else {
            for &doc in docs {
                let d = doc as usize;
                for &v in &values[offsets[d] as usize..offsets[d + 1] as usize] {
                    tally[v as usize] += 1;
                }
            }
        }
        counts
    }
}
