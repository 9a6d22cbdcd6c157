//! Topics: acronyms the text defines ("Shanghai Cooperation Organization (SCO)"), short quoted
//! terms ("Global South"), and the curated lexicon in `data/topics.tsv`.

use super::distinct::Distinct;
use super::distinct::SCANNED;
use super::lexicon::{lexicon, Pattern, WordFilter};
use super::sentences::{appended, Sentence};
use super::statements::Draft;
use super::tokens::{ascii_lower, is_capitalized, is_double_quote, Token};
use super::work;
use crate::fxhash::{FxHashMap, FxHashSet, FxHasher};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// A topic known to this readout: borrowed from the text wherever the text spells it out.
struct Known<'t> {
    label: Cow<'t, str>,
    /// The words that name it in full.
    full: Cow<'t, [&'t str]>,
    /// The acronym the text defines for it, if any.
    acronym: Option<&'t str>,
}

impl<'t> Known<'t> {
    /// The word sequences that mention it: the full form, then the acronym.
    fn patterns(&self) -> impl Iterator<Item = &[&'t str]> {
        std::iter::once(&*self.full).chain(self.acronym.as_ref().map(std::slice::from_ref))
    }
}

/// A topic's label: from the curated lexicon (static, shared by every readout) or defined by
/// the readout itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label<'a> {
    Curated(&'static str),
    Defined(&'a str),
}

impl<'a> Label<'a> {
    pub fn as_str(&self) -> &str {
        match self {
            Label::Curated(label) | Label::Defined(label) => label,
        }
    }

    /// The label's text, for as long as the label's source lives.
    fn as_str_of(&self) -> &'a str {
        match *self {
            Label::Curated(label) => label,
            Label::Defined(label) => label,
        }
    }

    /// The label for the corpus: a curated one is shared, not copied.
    pub fn to_cow(self) -> Cow<'static, str> {
        match self {
            Label::Curated(label) => Cow::Borrowed(label),
            Label::Defined(label) => Cow::Owned(label.to_string()),
        }
    }
}

/// The topics a readout defines for itself, plus the lexicon, ready to tag sentences.
pub struct Topics<'t> {
    known: Vec<Known<'t>>,
    /// First words of the readout's own patterns (exact case): most words skip the lookup.
    known_firsts: WordFilter,
    /// The readout's own patterns, word by word (exact case), when there are more than
    /// [`SCANNED`] topics (fewer are scanned).
    known_patterns: Option<PatternTrie<'t>>,
    /// First words of the readout's own patterns and of the lexicon's: most words pass neither.
    any_firsts: WordFilter,
    /// Lexicon entry → index of the defined topic that means the same (its label wins).
    renamed: Vec<(usize, usize)>,
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&word.chars().count())
        && letters >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl<'t> Topics<'t> {
    /// Reads the definitions in every sentence (its tokens and their words) of one readout.
    pub fn new(text: &'t str, sentences: &[(&[Token], &'t [&'t str])]) -> Topics<'t> {
        let mut known: Vec<Known<'t>> = Vec::new();
        // The known topics by the hash of each of their patterns, once there are more than
        // [`SCANNED`] of them (fewer are scanned).
        let mut by_pattern: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let is_known =
            |known: &[Known], by_pattern: &FxHashMap<u64, Vec<usize>>, pattern: &[&str]| {
                if known.len() <= SCANNED {
                    work::add(known.len());
                    return known.iter().any(|k| k.patterns().any(|p| p == pattern));
                }
                let same = by_pattern
                    .get(&pattern_hash(pattern))
                    .map_or(&[][..], Vec::as_slice);
                work::add(same.len() + 1);
                same.iter()
                    .any(|&k| known[k].patterns().any(|p| p == pattern))
            };
        let remember = |known: &mut Vec<Known<'t>>,
                        by_pattern: &mut FxHashMap<u64, Vec<usize>>,
                        topic: Known<'t>| {
            known.push(topic);
            let mut index = |k: usize| {
                for pattern in known[k].patterns() {
                    by_pattern.entry(pattern_hash(pattern)).or_default().push(k);
                }
            };
            match known.len() {
                n if n == SCANNED + 1 => (0..n).for_each(index),
                n if n > SCANNED + 1 => index(n - 1),
                _ => {}
            }
        };
        // The words of one sentence with "&" kept (a connector in names such as "R & D").
        let mut words: Vec<&str> = Vec::new();
        for &(tokens, sentence_words) in sentences {
            // Most sentences hold neither a "(" nor a double quote: they define nothing.
            let defines = tokens
                .iter()
                .any(|t| t.punct.is_some_and(|c| c == '(' || is_double_quote(c)));
            if !defines {
                continue;
            }
            words.clear();
            // "(" acronym ")": the acronym is the token after each "(".
            let bracketed = tokens
                .windows(3)
                .enumerate()
                .filter(|(_, t)| t[0].punct == Some('(') && t[2].punct == Some(')'))
                .map(|(open, _)| open + 1);
            for i in bracketed {
                let acronym = sentence_words[i];
                if !is_acronym(acronym) {
                    continue;
                }
                if words.is_empty() {
                    words.extend(tokens.iter().map(|t| match t.punct {
                        None | Some('&') => &text[t.start..t.end],
                        Some(_) => "",
                    }));
                }
                let Some(run) = expansion_before(&words, i - 1, acronym) else {
                    continue;
                };
                let expansion = &words[run.clone()];
                if is_known(&known, &by_pattern, expansion) {
                    continue;
                }
                let full = if *expansion == sentence_words[run.clone()] {
                    Cow::Borrowed(&sentence_words[run.clone()])
                } else {
                    Cow::Owned(expansion.to_vec())
                };
                // "Northern Trade Council (NTC)", as the text has it when it spells it so.
                let written = &text[tokens[run.start].start..tokens[i + 1].end];
                let spelled = spaced(expansion)
                    .chain([" (", acronym, ")"])
                    .try_fold(written, |rest, piece| rest.strip_prefix(piece));
                let label = if spelled == Some("") {
                    Cow::Borrowed(written)
                } else {
                    Cow::Owned(format!("{} ({acronym})", expansion.join(" ")))
                };
                let topic = Known {
                    label,
                    full,
                    acronym: Some(acronym),
                };
                remember(&mut known, &mut by_pattern, topic);
            }
            for run in quoted_terms(tokens, sentence_words) {
                let term = &sentence_words[run.clone()];
                if is_known(&known, &by_pattern, term) {
                    continue;
                }
                let written = &text[tokens[run.start].start..tokens[run.end - 1].end];
                let spelled =
                    spaced(term).try_fold(written, |rest, piece| rest.strip_prefix(piece));
                let label = if spelled == Some("") {
                    Cow::Borrowed(written)
                } else {
                    Cow::Owned(term.join(" "))
                };
                let topic = Known {
                    label,
                    full: Cow::Borrowed(term),
                    acronym: None,
                };
                remember(&mut known, &mut by_pattern, topic);
            }
        }
        // A lexicon entry that one of the readout's own terms matches takes that term's label.
        let lex = lexicon();
        let mut renamed: Vec<(usize, usize)> = Vec::new();
        for (k, entry) in known.iter().enumerate() {
            for pattern in entry.patterns() {
                let Some(first) = pattern.first() else {
                    continue;
                };
                for &(e, p) in lex.topic_index.lookup(first) {
                    if lex.topics[e].patterns[p].words.iter().eq(pattern.iter()) {
                        match renamed.iter_mut().find(|(r, _)| *r == e) {
                            Some(slot) => slot.1 = k,
                            None => renamed.push((e, k)),
                        }
                    }
                }
            }
        }
        let mut known_firsts = WordFilter::default();
        let mut known_patterns = (known.len() > SCANNED).then(PatternTrie::default);
        for (k, topic) in known.iter().enumerate() {
            for (p, pattern) in topic.patterns().enumerate() {
                if let Some(&first) = pattern.first() {
                    known_firsts.insert(first);
                    if let Some(trie) = &mut known_patterns {
                        trie.insert(pattern, (k, p));
                    }
                }
            }
        }
        Topics {
            known,
            any_firsts: known_firsts.union(lex.topic_index.filter()),
            known_firsts,
            known_patterns,
            renamed,
        }
    }

    /// Appends to `labels` the labels of the topics one sentence mentions, in order of first
    /// mention. `words` are the sentence's tokens as text, "" for punctuation.
    pub fn tag<'a>(&'a self, words: &[&str], labels: &mut Vec<Label<'a>>) {
        let from = labels.len();
        // The sentence's labels so far, hashed once there are many of them.
        let mut seen: Option<FxHashSet<&'a str>> = None;
        let mut add = |label: Label<'a>, labels: &mut Vec<Label<'a>>| {
            let text = label.as_str_of();
            let new = match &mut seen {
                Some(seen) => {
                    work::add(1);
                    seen.insert(text)
                }
                None => {
                    work::add(labels.len() - from);
                    let new = !labels[from..].iter().any(|l| l.as_str() == text);
                    if new && labels.len() - from >= 8 {
                        seen = Some(
                            labels[from..]
                                .iter()
                                .map(Label::as_str_of)
                                .chain([text])
                                .collect(),
                        );
                    }
                    new
                }
            };
            if new {
                labels.push(label);
            }
        };
        let lex = lexicon();
        let mut matched: Vec<(usize, usize)> = Vec::new();
        for (i, &word) in words.iter().enumerate() {
            let Some(slot) = WordFilter::slot(word).filter(|&s| self.any_firsts.has_slot(s)) else {
                continue;
            };
            if self.known_firsts.has_slot(slot) {
                match &self.known_patterns {
                    Some(trie) => {
                        matched.clear();
                        trie.matches_at(words, i, &mut matched);
                        // In the order of the topics, as they were defined.
                        matched.sort_unstable();
                        for &(k, _) in &matched {
                            add(Label::Defined(&self.known[k].label), labels);
                        }
                    }
                    None => {
                        work::add(self.known.len());
                        for entry in &self.known {
                            for pattern in entry.patterns() {
                                if pattern.first() == Some(&word) && matches_at(words, i, pattern) {
                                    add(Label::Defined(&entry.label), labels);
                                }
                            }
                        }
                    }
                }
            }
            if !lex.topic_index.may_start(slot) {
                continue;
            }
            for &(e, p) in lex.topic_index.lookup(word) {
                let entry = &lex.topics[e];
                if lexicon_matches_at(words, i, &entry.patterns[p]) {
                    let label = match self.renamed.iter().find(|(r, _)| *r == e) {
                        Some(&(_, k)) => Label::Defined(&self.known[k].label),
                        None => Label::Curated(entry.label),
                    };
                    add(label, labels);
                }
            }
        }
    }
}

/// The topics pass: tags every sentence, gives each draft the topics of its sentence, and
/// returns the readout's topics in order of first mention.
pub(super) fn tag_readout(
    text: &str,
    sentences: &[Sentence],
    drafts: &mut [Draft],
) -> Vec<Cow<'static, str>> {
    let token_lists: Vec<(&[Token], &[&str])> =
        sentences.iter().map(|s| (s.tokens, s.words)).collect();
    let topic_index = Topics::new(text, &token_lists);
    // Every sentence's topic labels, in one list (room for two a sentence).
    let mut tags: Vec<Label> = Vec::with_capacity(2 * sentences.len());
    let tag_ranges: Vec<Range<usize>> = sentences
        .iter()
        .map(|s| appended(&mut tags, |out| topic_index.tag(s.words, out)))
        .collect();
    let mut readout_topics: Distinct<Cow<'static, str>> = Distinct::with_capacity(8);
    for tag in &tags {
        readout_topics.insert_with(tag.as_str(), || tag.to_cow());
    }
    let readout_topics = readout_topics.into_vec();
    for draft in drafts.iter_mut() {
        // Sentences are in text order: the one a statement comes from, by its start.
        if let Ok(s) = sentences.binary_search_by_key(&draft.span.start, |s| s.span.start) {
            draft.topics = tags[tag_ranges[s].clone()]
                .iter()
                .map(|t| t.to_cow())
                .collect();
        }
    }

    readout_topics
}

/// A pattern's words as one hash.
fn pattern_hash(pattern: &[&str]) -> u64 {
    let mut hasher = FxHasher::default();
    pattern.hash(&mut hasher);
    hasher.finish()
}

fn matches_at(words: &[&str], at: usize, pattern: &[&str]) -> bool {
    words.len() >= at + pattern.len() && pattern.iter().zip(&words[at..]).all(|(p, w)| p == w)
}

/// Word sequences, each with a value, as a trie: the sequences that match at a word are found
/// in one walk, however many share their first words ("Alba Bora Cana", "Alba Bora Dena").
#[derive(Default)]
struct PatternTrie<'t> {
    /// The child of a node (0 is the root) by the next word.
    children: FxHashMap<(usize, &'t str), usize>,
    /// The values of the sequences that end at each node, by node (past the root).
    ends: Vec<Vec<(usize, usize)>>,
}

impl<'t> PatternTrie<'t> {
    fn insert(&mut self, words: &[&'t str], value: (usize, usize)) {
        let mut node = 0;
        for &word in words {
            let next = self.ends.len() + 1;
            node = *self.children.entry((node, word)).or_insert(next);
            if node == next {
                self.ends.push(Vec::new());
            }
        }
        if node > 0 {
            self.ends[node - 1].push(value);
        }
    }

    /// Appends the values of every sequence that matches `words` from `at` on.
    fn matches_at(&self, words: &[&str], at: usize, out: &mut Vec<(usize, usize)>) {
        let mut node = 0;
        for &word in &words[at..] {
            work::add(1);
            let Some(&next) = self.children.get(&(node, word)) else {
                return;
            };
            node = next;
            out.extend_from_slice(&self.ends[node - 1]);
        }
    }
}

fn lexicon_matches_at(words: &[&str], at: usize, pattern: &Pattern) -> bool {
    words.len() >= at + pattern.words.len()
        && pattern.words.iter().zip(&words[at..]).all(|(p, w)| {
            if pattern.case_sensitive {
                p == w
            } else {
                // Two ASCII words lower alike only when they are equal but for ASCII case.
                p.eq_ignore_ascii_case(w)
                    || (!(p.is_ascii() && w.is_ascii())
                        && p.chars()
                            .flat_map(char::to_lowercase)
                            .eq(w.chars().flat_map(char::to_lowercase)))
            }
        })
}

/// The capitalized words before `open` (the index of the "(") whose initials spell the acronym.
fn expansion_before(words: &[&str], open: usize, acronym: &str) -> Option<Range<usize>> {
    let connectors = &lexicon().acronym_connectors;
    let is_connector = |word: &str| connectors.contains(word);
    let mut start = open;
    while start > 0 {
        let w = words[start - 1];
        if is_capitalized(w) || (is_connector(w) && start - 1 > 0) {
            start -= 1;
        } else {
            break;
        }
    }
    let letters = || acronym.chars().filter(|c| c.is_alphabetic());
    // Try the longest run first, dropping words from the front until the initials fit. A run
    // with more initials than the acronym has letters, plus one, never fits, and moving its
    // start back only adds initials: the search starts where they first fit.
    let most = letters().count() + 1;
    let mut initials_after = 0;
    let mut fits_from = open;
    for from in (start..open).rev() {
        work::add(1);
        if is_capitalized(words[from]) && !is_connector(words[from]) {
            initials_after += 1;
            if initials_after > most {
                break;
            }
        }
        fits_from = from;
    }
    for from in fits_from..open {
        let run = &words[from..open];
        if is_connector(run[0]) {
            continue;
        }
        let initials = || {
            run.iter()
                .filter(|w| is_capitalized(w) && !is_connector(w))
                .filter_map(|w| w.chars().next())
        };
        let count = initials().count();
        if count >= 2 && count <= letters().count() + 1 && initials().eq(letters()) {
            return Some(from..open);
        }
    }
    // Initials that only start the same way still name it ("Northern Trade Council" for "NTCO").
    let run = &words[start..open];
    let first = run.iter().find(|w| is_capitalized(w))?;
    (run.len() >= 2 && first.chars().next() == letters().next()).then_some(start..open)
}

/// Short phrases in double quotes that name a thing ("Global South", "new Cold War"), not
/// quoted speech: one to five words, no punctuation, not opening with a pronoun.
fn quoted_terms(tokens: &[Token], words: &[&str]) -> Vec<Range<usize>> {
    let mut terms = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.punct {
            Some(c) if is_double_quote(c) => match open {
                None => open = Some(i),
                Some(o) => {
                    // "a \"Strategic Partnership.\"": a period or a comma the sentence puts
                    // inside the marks is no part of the term.
                    let end = match tokens[i - 1].punct {
                        Some('.' | ',') => i - 1,
                        _ => i,
                    };
                    let inner = &tokens[o + 1..end];
                    let plain = inner.iter().all(Token::is_word);
                    let pronoun = words.get(o + 1).is_some_and(|w| {
                        lexicon().quote_pronouns.contains(ascii_lower(w).as_str())
                    });
                    if plain && (1..=5).contains(&inner.len()) && !pronoun {
                        terms.push(o + 1..end);
                    }
                    open = None;
                }
            },
            _ => {}
        }
    }
    terms
}

/// The words with single spaces between, as pieces of text.
fn spaced<'a>(words: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
    words
        .iter()
        .enumerate()
        .flat_map(|(n, w)| [if n == 0 { "" } else { " " }, *w])
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{token_words, tokenize};
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
                joined: t.joined,
            })
            .collect();
        let w1 = token_words(&text, &t1);
        let w2 = token_words(&text, &t2_shifted);
        let topics = Topics::new(&text, &[(&t1, &w1), (&t2_shifted, &w2)]);
        let mut labels = Vec::new();
        topics.tag(&w2, &mut labels);
        assert_eq!(
            labels.iter().map(Label::as_str).collect::<Vec<_>>(),
            vec![
                "Shanghai Cooperation Organization (SCO)",
                "Global South",
                "unilateral sanctions"
            ]
        );
    }

    #[test]
    fn quoted_speech_is_not_a_term() {
        let s =
            "He said \"We will win\" and \"this\" and \"Arctic Silk Road\" and a \"Green Pact.\"";
        let tokens = tokenize(s, 0, s.len());
        let words = token_words(s, &tokens);
        let terms: Vec<&[&str]> = quoted_terms(&tokens, &words)
            .into_iter()
            .map(|run| &words[run])
            .collect();
        assert_eq!(
            terms,
            vec![&["Arctic", "Silk", "Road"][..], &["Green", "Pact"]]
        );
    }
}
