//! Why a query found nothing, and the nearest query that finds something.
//!
//! A query is cut into *parts*: each clause of the search text (as typed, `-x` and `a OR b`
//! included), each facet with a selection (all its values together, as they combine with OR),
//! and the date range. The result is the intersection of the parts' sets, so it is empty
//! because of some parts together; [`why_empty`] finds the fewest parts whose removal gives
//! results (of those, the removal keeping the most results), trying one part, then two, then
//! three; past that it removes every part. Each part's own count tells the reader which one
//! finds nothing at all.
//!
//! A reversed date range (from after to) is its own reason: it is swapped back first, and the
//! parts are weighed on the swapped query. The nearest speakers, countries or topics are
//! offered for the words of the removed clauses: names with a word within a small edit
//! distance of the typed word (or of its start, as words match by prefix).

use super::bitset::Bitset;
use super::index::{Index, Results};
use super::order::sorted_by_key;
use super::text::{parse_search, Term};
use super::{Facet, Query, WORD_FIELDS};
use crate::date::Date;

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A clause of the search text, as typed.
    Words(String),
    /// A facet's selection.
    Filter(Facet),
    /// The date range.
    Dates,
}

/// What emptied a query, and the way back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emptied {
    /// The from date is after the to date (the range was swapped in `relaxed`).
    pub reversed_dates: bool,
    /// Every part of the query with the number of statements it finds alone.
    pub parts: Vec<(Part, usize)>,
    /// The parts removed (indices into `parts`): the fewest whose removal gives results.
    pub removed: Vec<usize>,
    /// The query without the removed parts (dates swapped back if reversed), page one.
    pub relaxed: Query,
    /// Its results: the count and the facets to keep showing.
    pub results: Results,
    /// Speakers, countries or topics with a name close to a removed word, closest first:
    /// (facet, value id).
    pub nearest: Vec<(Facet, u32)>,
}

/// The most parts removed together before giving up and removing all.
const MOST_REMOVED: usize = 3;
/// At most this many parts are weighed in combinations (each a set of the corpus's size).
const MOST_PARTS: usize = 16;
/// Nearest names offered.
const NEAREST: usize = 3;

/// Why `query` finds nothing: `None` if it finds something.
pub fn why_empty(index: &Index, query: &Query) -> Option<Emptied> {
    if index.search(query).total > 0 || index.is_empty() {
        return None;
    }
    let mut query = Query {
        page: 0,
        ..query.clone()
    };
    let reversed_dates = reversed(&query);
    if reversed_dates {
        std::mem::swap(&mut query.from, &mut query.to);
    }
    let clauses = parse_search(&query.text);
    let mut parts = Vec::new();
    let mut sets = Vec::new();
    for clause in &clauses {
        parts.push(Part::Words(query.text[clause.span.range()].to_string()));
        sets.push(index.clause_matches(clause));
    }
    for (facet, values) in query.filters.iter() {
        parts.push(Part::Filter(facet));
        sets.push(index.selection_set(facet, values));
    }
    if let Some(dates) = index.dates_set(&query) {
        parts.push(Part::Dates);
        sets.push(dates);
    }
    let removed = fewest_to_remove(&sets, index.len());
    let relaxed = without(&query, &parts, &removed, &clauses);
    let nearest = nearest(index, &clauses, &removed);
    Some(Emptied {
        reversed_dates,
        parts: parts
            .into_iter()
            .zip(sets.iter().map(Bitset::count))
            .collect(),
        removed,
        results: index.search(&relaxed),
        relaxed,
        nearest,
    })
}

/// Both dates valid and from after to.
fn reversed(query: &Query) -> bool {
    let date = |d: &Option<String>| d.as_deref().and_then(Date::parse_iso);
    matches!((date(&query.from), date(&query.to)), (Some(f), Some(t)) if f > t)
}

/// The fewest parts whose removal leaves statements (most left among ties), as indices.
fn fewest_to_remove(sets: &[Bitset], len: usize) -> Vec<usize> {
    let n = sets.len();
    let all: Vec<usize> = (0..n).collect();
    if n > MOST_PARTS {
        return all;
    }
    // Size 0 first: a query emptied only by a reversed range needs nothing removed.
    for size in 0..=MOST_REMOVED.min(n) {
        let mut best: Option<(usize, u32)> = None;
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != size {
                continue;
            }
            let mut left = Bitset::full(len);
            for (i, set) in sets.iter().enumerate() {
                if mask & (1 << i) == 0 {
                    left.and(set);
                }
            }
            let count = left.count();
            if count > 0 && best.is_none_or(|(c, _)| count > c) {
                best = Some((count, mask));
            }
        }
        if let Some((_, mask)) = best {
            return all.into_iter().filter(|i| mask & (1 << i) != 0).collect();
        }
    }
    all
}

/// The query without the removed parts: clauses cut out of the text as typed, filters and
/// dates dropped.
fn without(
    query: &Query,
    parts: &[Part],
    removed: &[usize],
    clauses: &[super::text::Clause],
) -> Query {
    let mut next = query.clone();
    let kept: Vec<&str> = clauses
        .iter()
        .enumerate()
        .filter(|(i, _)| !removed.contains(i))
        .map(|(_, c)| &query.text[c.span.range()])
        .collect();
    next.text = kept.join(" ");
    for &i in removed {
        match parts[i] {
            Part::Words(_) => {}
            Part::Filter(facet) => {
                next.filters.clear(facet);
            }
            Part::Dates => (next.from, next.to) = (None, None),
        }
    }
    next
}

/// Names close to the words of the removed clauses, closest first, then most statements.
fn nearest(index: &Index, clauses: &[super::text::Clause], removed: &[usize]) -> Vec<(Facet, u32)> {
    // (distance, -total, facet, id)
    let mut found: Vec<(usize, u32, Facet, u32)> = Vec::new();
    for clause in removed.iter().filter_map(|&i| clauses.get(i)) {
        if clause.negated {
            continue;
        }
        for term in &clause.any_of {
            let (facets, words): (&[Facet], Vec<&String>) = match term {
                Term::Word(w) => (&WORD_FIELDS, vec![w]),
                Term::Phrase(ws) => (&WORD_FIELDS, ws.iter().collect()),
                Term::In(facet, inner) => match &**inner {
                    Term::Word(w) => (std::slice::from_ref(facet), vec![w]),
                    Term::Phrase(ws) => (std::slice::from_ref(facet), ws.iter().collect()),
                    Term::In(..) => continue,
                },
            };
            for word in words {
                close_names(index, word, facets, &mut found);
            }
        }
    }
    // The engine's one sort (a sort of tuples would add its own copy to the wasm); ties keep
    // the order found.
    let found = sorted_by_key(found, |&(d, rarity, _, _)| {
        (d as u64) << 32 | u64::from(rarity)
    });
    let mut out: Vec<(Facet, u32)> = Vec::new();
    for (_, _, facet, id) in found {
        if !out.contains(&(facet, id)) && out.len() < NEAREST {
            out.push((facet, id));
        }
    }
    out
}

/// Adds the values of `facets` with a name word within reach of `word`.
fn close_names(
    index: &Index,
    word: &str,
    facets: &[Facet],
    found: &mut Vec<(usize, u32, Facet, u32)>,
) {
    let typed: Vec<char> = word.chars().collect();
    if typed.len() < 3 {
        return;
    }
    let reach = if typed.len() <= 5 { 1 } else { 2 };
    let close: Vec<(usize, String)> = index
        .fields()
        .words()
        .filter_map(|name| {
            let name: Vec<char> = name.chars().collect();
            // The whole word, or its start (words match by prefix).
            let start = &name[..name.len().min(typed.len())];
            let d = distance(&typed, &name).min(distance(&typed, start));
            (d <= reach).then(|| (d, name.iter().collect()))
        })
        .collect();
    for (d, name) in close {
        index
            .fields()
            .for_each_value(&Term::Phrase(vec![name]), facets, |facet, id| {
                found.push((d, u32::MAX - index.total(facet, id), facet, id));
            });
    }
}

/// The edit distance (insertions, deletions, substitutions) between two words.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        let d = |a: &str, b: &str| {
            distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("putin", "putin"), 0);
        assert_eq!(d("puttin", "putin"), 1);
        assert_eq!(d("ptuin", "putin"), 2);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
    }

    #[test]
    fn removes_the_fewest_parts_keeping_the_most() {
        let set = |len: usize, members: &[u32]| {
            let mut s = Bitset::empty(len);
            s.insert_all(members);
            s
        };
        // a ∩ b = ∅; c is empty alone.
        let a = set(8, &[0, 1, 2]);
        let b = set(8, &[3, 4]);
        let c = set(8, &[]);
        assert_eq!(fewest_to_remove(&[a.clone(), b.clone()], 8), vec![1]);
        assert_eq!(fewest_to_remove(&[a.clone(), b, c.clone()], 8), vec![1, 2]);
        assert_eq!(fewest_to_remove(&[c], 8), vec![0]);
        assert_eq!(fewest_to_remove(&[], 8), Vec::<usize>::new());
        assert_eq!(fewest_to_remove(&[a], 8), Vec::<usize>::new());
    }
}
