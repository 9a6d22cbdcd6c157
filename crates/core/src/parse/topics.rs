//! Topics: acronyms the text defines ("Shanghai Cooperation Organization (SCO)"), short quoted
//! terms ("Global South"), and the curated lexicon in `data/topics.tsv`.

use super::lexicon::{lexicon, FirstWordIndex, Pattern};
use super::tokens::{is_capitalized, is_double_quote, Token};
use crate::fxhash::{FxHashMap, FxHashSet};

/// A topic known to this readout, with the word sequences that mention it.
struct Known {
    label: String,
    patterns: Vec<Vec<String>>,
}

/// The topics a readout defines for itself, plus the lexicon, ready to tag sentences.
pub struct Topics {
    known: Vec<Known>,
    /// The readout's own patterns by first word (exact case).
    known_index: FirstWordIndex,
    /// Lexicon entry → label of a defined acronym that means the same.
    renamed: FxHashMap<usize, String>,
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&word.chars().count())
        && letters >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "for" | "the" | "on" | "in" | "de" | "&"
    )
}

impl Topics {
    /// Reads the definitions of every sentence (each a token list) of one readout.
    pub fn new(text: &str, sentences: &[&[Token]]) -> Topics {
        let mut known: Vec<Known> = Vec::new();
        let mut known_patterns: FxHashSet<Vec<String>> = FxHashSet::default();
        let mut words: Vec<&str> = Vec::new();
        for tokens in sentences {
            words.clear();
            words.extend(tokens.iter().map(|t| match t.punct {
                None | Some('&') => t.text(text),
                Some(_) => "",
            }));
            for i in 1..tokens.len().saturating_sub(1) {
                if tokens[i - 1].punct == Some('(')
                    && tokens[i + 1].punct == Some(')')
                    && is_acronym(words[i])
                {
                    if let Some(expansion) = expansion_before(&words, i - 1, words[i]) {
                        let acronym = words[i].to_string();
                        let label = format!("{} ({acronym})", expansion.join(" "));
                        if known_patterns.insert(expansion.clone()) {
                            known_patterns.insert(vec![acronym.clone()]);
                            known.push(Known {
                                label,
                                patterns: vec![expansion, vec![acronym]],
                            });
                        }
                    }
                }
            }
            for term in quoted_terms(text, tokens) {
                if known_patterns.insert(term.clone()) {
                    known.push(Known {
                        label: term.join(" "),
                        patterns: vec![term],
                    });
                }
            }
        }
        // A lexicon entry that one of the readout's own terms matches takes that term's label.
        let lex = lexicon();
        let mut renamed = FxHashMap::default();
        for entry in &known {
            for pattern in &entry.patterns {
                let Some(first) = pattern.first() else {
                    continue;
                };
                for &(e, p) in lex.topic_index.get(&first.to_lowercase()) {
                    if lex.topics[e].patterns[p].words.iter().eq(pattern.iter()) {
                        renamed.insert(e, entry.label.clone());
                    }
                }
            }
        }
        let known_index = FirstWordIndex::new(known.iter().enumerate().flat_map(|(k, entry)| {
            entry
                .patterns
                .iter()
                .enumerate()
                .filter_map(move |(p, pattern)| {
                    pattern.first().map(|first| (first.clone(), (k, p)))
                })
        }));
        Topics {
            known,
            known_index,
            renamed,
        }
    }

    /// The labels of the topics one sentence mentions, in order of first mention.
    /// `words` are the sentence's tokens as text, "" for punctuation.
    pub fn tag(&self, words: &[&str]) -> Vec<&str> {
        fn add<'a>(label: &'a str, labels: &mut Vec<&'a str>) {
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        let lex = lexicon();
        let mut labels: Vec<&str> = Vec::new();
        let mut lower = String::new();
        for (i, word) in words.iter().enumerate() {
            if word.is_empty() {
                continue;
            }
            for &(k, p) in self.known_index.get(word) {
                if matches_at(words, i, &self.known[k].patterns[p]) {
                    add(&self.known[k].label, &mut labels);
                }
            }
            if !lex.topic_index.may_start(word) {
                continue;
            }
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            for &(e, p) in lex.topic_index.get(&lower) {
                let entry = &lex.topics[e];
                if lexicon_matches_at(words, i, &entry.patterns[p]) {
                    add(
                        self.renamed.get(&e).map_or(entry.label, String::as_str),
                        &mut labels,
                    );
                }
            }
        }
        labels
    }
}

fn matches_at(words: &[&str], at: usize, pattern: &[String]) -> bool {
    words.len() >= at + pattern.len() && pattern.iter().zip(&words[at..]).all(|(p, w)| p == w)
}

fn lexicon_matches_at(words: &[&str], at: usize, pattern: &Pattern) -> bool {
    words.len() >= at + pattern.words.len()
        && pattern.words.iter().zip(&words[at..]).all(|(p, w)| {
            if pattern.case_sensitive {
                p == w
            } else {
                p.eq_ignore_ascii_case(w) || p.to_lowercase() == w.to_lowercase()
            }
        })
}

/// The capitalized words before `open` (the index of the "(") whose initials spell the acronym.
fn expansion_before(words: &[&str], open: usize, acronym: &str) -> Option<Vec<String>> {
    let mut start = open;
    while start > 0 {
        let w = words[start - 1];
        if is_capitalized(w) || (is_connector(w) && start - 1 > 0) {
            start -= 1;
        } else {
            break;
        }
    }
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    // Try the longest run first, dropping words from the front until the initials fit.
    for from in start..open {
        let run = &words[from..open];
        if is_connector(run[0]) {
            continue;
        }
        let initials: Vec<char> = run
            .iter()
            .filter(|w| is_capitalized(w) && !is_connector(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.len() >= 2 && initials.len() <= letters.len() + 1 && initials == letters {
            return Some(run.iter().map(|w| w.to_string()).collect());
        }
    }
    // Initials that only start the same way still name it ("Northern Trade Council" for "NTCO").
    let run = &words[start..open];
    let first = run.iter().find(|w| is_capitalized(w))?;
    (run.len() >= 2 && first.chars().next() == letters.first().copied())
        .then(|| run.iter().map(|w| w.to_string()).collect())
}

/// Short phrases in double quotes that name a thing ("Global South", "new Cold War"), not
/// quoted speech: one to five words, no punctuation, not opening with a pronoun.
fn quoted_terms(text: &str, tokens: &[Token]) -> Vec<Vec<String>> {
    let mut terms = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.punct {
            Some(c) if is_double_quote(c) => match open {
                None => open = Some(i),
                Some(o) => {
                    let inner = &tokens[o + 1..i];
                    let words: Vec<String> =
                        inner.iter().map(|t| t.text(text).to_string()).collect();
                    let plain = inner.iter().all(Token::is_word);
                    let pronoun = words.first().is_some_and(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "we" | "i" | "our" | "my" | "you" | "this" | "it"
                        )
                    });
                    if plain && (1..=5).contains(&words.len()) && !pronoun {
                        terms.push(words);
                    }
                    open = None;
                }
            },
            _ => {}
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn defines_acronyms_and_quoted_terms_then_tags() {
        let defs = "They met ahead of the Shanghai Cooperation Organization (SCO) Summit and backed the \"Global South\".";
        let later = "The SCO will grow, the Global South too, and unilateral sanctions must end.";
        let t1 = tokenize(defs, 0, defs.len());
        let t2 = tokenize(later, 0, later.len());
        let text = format!("{defs}{later}");
        let t2_shifted: Vec<Token> = t2
            .iter()
            .map(|t| Token {
                start: t.start + defs.len(),
                end: t.end + defs.len(),
                punct: t.punct,
            })
            .collect();
        let topics = Topics::new(&text, &[&t1, &t2_shifted]);
        assert_eq!(
            topics.tag(&super::super::tokens::token_words(&text, &t2_shifted)),
            vec![
                "Shanghai Cooperation Organization (SCO)",
                "Global South",
                "unilateral sanctions"
            ]
        );
    }

    #[test]
    fn quoted_speech_is_not_a_term() {
        let s = "He said \"We will win\" and \"this\" and \"Arctic Silk Road\".";
        let terms = quoted_terms(s, &tokenize(s, 0, s.len()));
        assert_eq!(terms, vec![vec!["Arctic", "Silk", "Road"]]);
    }
}
