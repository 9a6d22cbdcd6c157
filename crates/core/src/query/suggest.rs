//! Suggestions for the word being typed: the speakers, topics, countries and verbs whose
//! names it starts ("Speaker: Vladimir Putin (6)"), each a facet filter to choose instead of
//! the word.
//!
//! The word being typed is the search text's last word when the text does not end in a space
//! (a word just finished is no longer being typed). A plain word is looked for in the names of
//! [`SUGGESTED`] facets' values (a speaker's every name and alias); a qualifier (`topic:cl`)
//! in its own facet's, and with nothing after its colon it offers all of that facet's values.
//! An excluded (`-x`) or quoted word (or one inside an open quote), `OR`, or a word that folds
//! to several (`china-ru`) gets no suggestion.
//!
//! A suggestion's count is exact: the number of results of [`Suggestion::apply`], the query
//! with the typed word removed and the value added to its facet's selection (values of one
//! facet combine with OR, as ticking it does). Values already selected, and values that would
//! give no result, are not offered. Most results first; ties in the order of [`SUGGESTED`]
//! (speaker, topic, country, verb), then by label.

use super::bitset::Bitset;
use super::index::Index;
use super::order::sorted_by_key;
use super::text::{qualifier, words, Term};
use super::{Facet, Query};

/// The facets a plain word is suggested from.
pub const SUGGESTED: [Facet; 4] = [Facet::Speaker, Facet::Topic, Facet::Country, Facet::Verb];

/// A facet value offered for the word being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub facet: Facet,
    /// The value's name in the query's filters (a participant id, a topic).
    pub value: String,
    /// Its human label ("Vladimir Putin").
    pub label: String,
    /// Results of [`Suggestion::apply`].
    pub count: u32,
    /// Where the typed word starts in the search text.
    typed_at: usize,
}

impl Suggestion {
    /// The query with the typed word removed and this value selected, back on page one.
    pub fn apply(&self, query: &Query) -> Query {
        let mut next = without_typed(query, self.typed_at);
        next.filters.insert(self.facet, self.value.clone());
        next
    }
}

/// The word being typed: where it starts, the facets to look in, and its folded prefix
/// (empty after a qualifier's colon).
struct Typed<'a> {
    at: usize,
    facets: &'a [Facet],
    prefix: String,
}

/// The word being typed at the end of `text`, if it can be suggested for.
fn typed(text: &str) -> Option<Typed<'static>> {
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '„');
    let quoted = |t: &str| t.starts_with(quote);
    if text.ends_with(char::is_whitespace) {
        return None;
    }
    let at = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A word inside an open quote is part of a phrase, not a name to suggest.
    if text[..at].chars().filter(|&c| quote(c)).count() % 2 == 1 {
        return None;
    }
    let token = &text[at..];
    if token.is_empty() || token == "OR" || token.starts_with('-') || quoted(token) {
        return None;
    }
    let (facets, value): (&'static [Facet], &str) = match qualifier(token) {
        Some((_, value)) if quoted(value) => return None,
        Some((facet, value)) => (one_facet(facet), value),
        None => (&SUGGESTED, token),
    };
    let mut folded = words(value).into_iter().map(|w| w.folded);
    let prefix = folded.next().unwrap_or_default();
    if folded.next().is_some() || (prefix.is_empty() && facets.len() > 1) {
        return None;
    }
    Some(Typed { at, facets, prefix })
}

/// A facet as a one-facet list.
fn one_facet(facet: Facet) -> &'static [Facet] {
    let i = Facet::ALL.iter().position(|&f| f == facet).unwrap_or(0);
    &Facet::ALL[i..=i]
}

/// The query without the text from `at` on, on page one.
fn without_typed(query: &Query, at: usize) -> Query {
    let mut next = query.clone();
    next.text = query
        .text
        .get(..at)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    next.page = 0;
    next
}

/// Up to `limit` suggestions for the word being typed at the end of `query.text`, most
/// results first (see the module documentation).
pub fn suggest(index: &Index, query: &Query, limit: usize) -> Vec<Suggestion> {
    let Some(typed) = typed(&query.text) else {
        return Vec::new();
    };
    let rest = without_typed(query, typed.at);
    let mut candidates: Vec<(Facet, u32)> = Vec::new();
    if typed.prefix.is_empty() {
        for &facet in typed.facets {
            candidates.extend((0..index.value_count(facet) as u32).map(|id| (facet, id)));
        }
    } else {
        let term = Term::Word(typed.prefix.clone());
        index
            .fields()
            .for_each_value(&term, typed.facets, |f, id| candidates.push((f, id)));
    }
    let base = index.base_set(&rest);
    let mut out = Vec::new();
    for &facet in typed.facets {
        let mine: Vec<u32> = candidates
            .iter()
            .filter(|c| c.0 == facet)
            .map(|c| c.1)
            .collect();
        if mine.is_empty() {
            continue;
        }
        // The statements the other facets' selections allow, and this facet's selection.
        let mut others = base.clone();
        for (other, values) in rest.filters.iter() {
            if other != facet {
                others.and(&index.selection_set(other, values));
            }
        }
        let selected = rest.filters.get(facet);
        let chosen = (!selected.is_empty()).then(|| index.selection_set(facet, selected));
        let already = chosen.as_ref().map_or(0, |set| {
            let mut both = others.clone();
            both.and(set);
            both.count()
        });
        for id in mine {
            let value = index.value(facet, id);
            if rest.filters.contains(facet, value) {
                continue;
            }
            let count = already + added(index.postings_of(facet, id), &others, chosen.as_ref());
            if count > 0 {
                out.push(Suggestion {
                    facet,
                    value: value.to_string(),
                    label: index.label(facet, id).to_string(),
                    count: count as u32,
                    typed_at: typed.at,
                });
            }
        }
    }
    // Built facet by facet in the order asked, each by label: a stable sort by count keeps
    // that order among ties.
    let mut out = sorted_by_key(out, |s| u64::from(u32::MAX - s.count));
    out.truncate(limit);
    out
}

/// How many of `statements` are in `allowed` and not already in `chosen`.
fn added(statements: &[u32], allowed: &Bitset, chosen: Option<&Bitset>) -> usize {
    statements
        .iter()
        .filter(|&&d| {
            allowed.contains(d as usize) && !chosen.is_some_and(|c| c.contains(d as usize))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_word_being_typed() {
        let t = |text: &str| typed(text).map(|t| (t.at, t.facets.to_vec(), t.prefix));
        assert_eq!(t("brics Pu"), Some((6, SUGGESTED.to_vec(), "pu".into())));
        assert_eq!(t("Ólaf"), Some((0, SUGGESTED.to_vec(), "olaf".into())));
        assert_eq!(t("topic:"), Some((0, vec![Facet::Topic], String::new())));
        assert_eq!(t("x kind:ph"), Some((2, vec![Facet::Kind], "ph".into())));
        for done in [
            "",
            "putin ",
            "-pu",
            "\"pu",
            "a OR",
            "china-ru",
            "topic:\"cl",
            "!",
            "\"the two s",
            "a “b c",
        ] {
            assert!(t(done).is_none(), "{done:?}");
        }
    }
}
