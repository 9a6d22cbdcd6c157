//! The parser's word lists, read once from the data files in `crates/core/data/`.

use super::tokens::ascii_lower;
use crate::fxhash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub struct Lexicon {
    /// Titles ("Prime Minister" before "Prime").
    titles: PhraseIndex,
    /// Country adjective (as written) → country name.
    pub demonyms: FxHashMap<&'static str, &'static str>,
    /// Country names ("South Africa").
    countries: PhraseIndex,
    /// Country names as written ("South Africa").
    country_names: FxHashSet<&'static str>,
    pub topics: Vec<TopicEntry>,
    /// Topic patterns by lowercase first word.
    pub topic_index: FirstWordIndex,
}

/// Patterns, as `(entry, pattern)` positions, by their lowercase first word, behind a
/// [`WordFilter`].
#[derive(Debug, Clone, Default)]
pub struct FirstWordIndex {
    by_word: FxHashMap<String, Vec<(usize, usize)>>,
    filter: WordFilter,
}

impl FirstWordIndex {
    /// Indexes `(first word, (entry, pattern))` pairs; the words are lowered.
    pub fn new<'w>(firsts: impl IntoIterator<Item = (&'w str, (usize, usize))>) -> Self {
        let mut index = FirstWordIndex::default();
        for (word, at) in firsts {
            let word = word.to_lowercase();
            index.filter.insert(&word);
            index.by_word.entry(word).or_default().push(at);
        }
        index
    }

    /// False when no pattern can start with a word of this [`WordFilter::slot`], in any case:
    /// no lookup needed.
    pub fn may_start(&self, slot: usize) -> bool {
        self.filter.has_slot(slot)
    }

    /// The filter of first words behind [`FirstWordIndex::may_start`].
    pub fn filter(&self) -> &WordFilter {
        &self.filter
    }

    /// The patterns whose first word is `word` in any case, without the filter. A short ASCII
    /// word is lowered on the stack, and one already in lowercase not at all.
    pub fn lookup(&self, word: &str) -> &[(usize, usize)] {
        let get = |key: &str| self.by_word.get(key).map_or(&[][..], Vec::as_slice);
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return get(word);
            }
            let short = ascii_lower(word);
            if !short.as_str().is_empty() {
                return get(short.as_str());
            }
        } else if !word.chars().any(char::is_uppercase) {
            return get(word);
        }
        get(&word.to_lowercase())
    }
}

/// A 4096-bit filter over (first letter, last letter, length) of words, case aside: "no" is
/// certain, "maybe" needs a real lookup. It spares most words of a sentence any hashing.
#[derive(Debug, Clone)]
pub struct WordFilter([u64; 64]);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter([0; 64])
    }
}

impl WordFilter {
    /// The filter bit of a word: computed once, it can test several filters.
    pub fn slot(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        // `| 0x20` folds ASCII case without a test: it maps other bytes too, but always alike.
        let first = usize::from(bytes.first()? | 0x20);
        let last = usize::from(bytes.last()? | 0x20);
        Some((first * 131 + last * 31 + bytes.len()) % 4096)
    }

    pub fn insert(&mut self, word: &str) {
        if let Some(slot) = Self::slot(word) {
            self.0[slot / 64] |= 1 << (slot % 64);
        }
    }

    pub fn may_contain(&self, word: &str) -> bool {
        Self::slot(word).is_some_and(|slot| self.has_slot(slot))
    }

    pub fn has_slot(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// The filter of words that pass either filter.
    pub fn union(&self, other: &WordFilter) -> WordFilter {
        WordFilter(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }
}

/// One curated topic: its label and the word sequences that mention it.
pub struct TopicEntry {
    pub label: &'static str,
    pub patterns: Vec<Pattern>,
}

pub struct Pattern {
    pub words: Vec<&'static str>,
    /// Patterns written with a capital letter match exactly; others ignore case.
    pub case_sensitive: bool,
}

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const TITLES: &str = include_str!("../../data/titles.txt");
const TOPICS: &str = include_str!("../../data/topics.tsv");

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Splits a phrase into the words the tokenizer would give (periods dropped).
fn words(phrase: &'static str) -> Vec<&'static str> {
    phrase.split([' ', '.']).filter(|w| !w.is_empty()).collect()
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let titles = PhraseIndex::new(data_lines(TITLES));
        let mut demonyms = FxHashMap::default();
        let mut country_names = Vec::new();
        for line in data_lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let country = cols.next().unwrap_or_default();
            country_names.push(country);
            for demonym in cols.next().unwrap_or_default().split(',') {
                if !demonym.is_empty() {
                    demonyms.insert(demonym, country);
                }
            }
        }
        let countries = PhraseIndex::new(country_names.iter().copied());
        let topics: Vec<TopicEntry> = data_lines(TOPICS)
            .filter_map(|line| {
                let (label, patterns) = line.split_once('\t')?;
                let patterns = patterns
                    .split('|')
                    .map(|p| Pattern {
                        words: p.split(' ').filter(|w| !w.is_empty()).collect(),
                        case_sensitive: p.chars().any(char::is_uppercase),
                    })
                    .collect();
                Some(TopicEntry { label, patterns })
            })
            .collect();
        let topic_index = FirstWordIndex::new(topics.iter().enumerate().flat_map(|(e, entry)| {
            entry
                .patterns
                .iter()
                .enumerate()
                .filter_map(move |(p, pattern)| pattern.words.first().map(|&first| (first, (e, p))))
        }));
        Lexicon {
            topic_index,
            titles,
            demonyms,
            countries,
            country_names: country_names.into_iter().collect(),
            topics,
        }
    })
}

/// Phrases (titles, country names, reporting verbs) by first word, longest first, behind a
/// [`WordFilter`] of first words: the longest phrase at a word, found without hashing most words.
pub struct PhraseIndex {
    /// Each phrase as listed, with its words.
    by_first_word: FxHashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>,
    first_words: WordFilter,
    /// The most words a phrase has.
    longest: usize,
}

impl PhraseIndex {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Self {
        let mut index = PhraseIndex {
            by_first_word: FxHashMap::default(),
            first_words: WordFilter::default(),
            longest: 0,
        };
        for phrase in phrases {
            let words = words(phrase);
            let Some(&first) = words.first() else {
                continue;
            };
            let group = index.by_first_word.entry(first).or_default();
            if !group.iter().any(|(_, w)| *w == words) {
                index.first_words.insert(first);
                index.longest = index.longest.max(words.len());
                group.push((phrase, words));
            }
        }
        for group in index.by_first_word.values_mut() {
            group.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        }
        index
    }

    /// The longest phrase starting at `words[at]`: its length in words, and the phrase as listed.
    pub fn longest_at(&self, words: &[&str], at: usize) -> Option<(usize, &'static str)> {
        let first = *words.get(at)?;
        if !self.first_words.may_contain(first) {
            return None;
        }
        self.by_first_word
            .get(first)?
            .iter()
            .find(|(_, p)| words.len() >= at + p.len() && words[at..at + p.len()] == p[..])
            .map(|(phrase, p)| (p.len(), *phrase))
    }

    /// The length in words of the longest phrase that starts with `word`.
    fn longest_from(&self, word: &str) -> Option<usize> {
        if !self.first_words.may_contain(word) {
            return None;
        }
        Some(self.by_first_word.get(word)?.first()?.1.len())
    }
}

impl Lexicon {
    /// The most words a title has: only the last so many words of a run can start a title
    /// that ends with the run.
    pub fn longest_title(&self) -> usize {
        self.titles.longest
    }

    /// The longest title starting at `words[at]`: its length in words.
    pub fn title_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.titles.longest_at(words, at).map(|(len, _)| len)
    }

    /// The longest country name starting at `words[at]`: its length in words.
    pub fn country_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.countries.longest_at(words, at).map(|(len, _)| len)
    }

    /// A country name of two or more words starting at `words[at]` ("South Africa").
    pub fn long_country_at(&self, words: &[&str], at: usize) -> Option<&'static str> {
        self.countries
            .longest_at(words, at)
            .filter(|&(len, _)| len > 1)
            .map(|(_, name)| name)
    }

    /// True when a country name of two or more words starts with `word`.
    pub fn may_start_long_country(&self, word: &str) -> bool {
        self.countries.longest_from(word).is_some_and(|len| len > 1)
    }

    pub fn is_country(&self, name: &str) -> bool {
        self.country_names.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = lexicon();
        assert_eq!(lex.demonyms.get("Russian"), Some(&"Russia"));
        assert_eq!(lex.title_at(&["Prime", "Minister", "X"], 0), Some(2));
        assert_eq!(lex.country_at(&["South", "Africa"], 0), Some(2));
        assert!(lex.topics.iter().any(|t| t.label == "BRICS"));
        assert!(lex.topics.iter().all(|t| !t.patterns.is_empty()));
    }
}
