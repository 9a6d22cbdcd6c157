//! The parser's word lists, read once from the data files in `crates/core/data/`.

use super::fxhash::FxHashMap;
use std::sync::OnceLock;

pub struct Lexicon {
    /// Titles as word sequences, longest first ("Prime Minister" before "Minister").
    pub titles: Vec<Vec<&'static str>>,
    /// Country adjective (as written) → country name.
    pub demonyms: FxHashMap<&'static str, &'static str>,
    /// Country names as word sequences, longest first.
    pub countries: Vec<Vec<&'static str>>,
    /// Country names as written ("South Africa").
    pub country_names: Vec<&'static str>,
    pub topics: Vec<TopicEntry>,
    /// Topic patterns by lowercase first word: (entry, pattern).
    pub topics_by_first_word: FxHashMap<String, Vec<(usize, usize)>>,
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
        let mut titles: Vec<Vec<&str>> = data_lines(TITLES).map(words).collect();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        titles.dedup();
        let mut demonyms = FxHashMap::default();
        let mut countries = Vec::new();
        let mut country_names = Vec::new();
        for line in data_lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let country = cols.next().unwrap_or_default();
            countries.push(words(country));
            country_names.push(country);
            for demonym in cols.next().unwrap_or_default().split(',') {
                if !demonym.is_empty() {
                    demonyms.insert(demonym, country);
                }
            }
        }
        countries.sort_by_key(|c| std::cmp::Reverse(c.len()));
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
        let mut topics_by_first_word: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (e, entry) in topics.iter().enumerate() {
            for (p, pattern) in entry.patterns.iter().enumerate() {
                if let Some(first) = pattern.words.first() {
                    topics_by_first_word
                        .entry(first.to_lowercase())
                        .or_default()
                        .push((e, p));
                }
            }
        }
        Lexicon {
            titles,
            demonyms,
            countries,
            country_names,
            topics,
            topics_by_first_word,
        }
    })
}

impl Lexicon {
    /// The longest title starting at `words[at]`: its length in words.
    pub fn title_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.titles
            .iter()
            .find(|t| words.len() >= at + t.len() && words[at..at + t.len()] == t[..])
            .map(Vec::len)
    }

    /// The longest country name starting at `words[at]`: its length in words.
    pub fn country_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.countries
            .iter()
            .find(|c| words.len() >= at + c.len() && words[at..at + c.len()] == c[..])
            .map(Vec::len)
    }

    pub fn is_country(&self, name: &str) -> bool {
        self.country_names.contains(&name)
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
