//! The words of every statement as an inverted index with positions: which statements have
//! each folded word (for words and prefixes) and where each occurs (for phrases).
//!
//! Every array is flat (one allocation each, whatever the corpus size), and the distinct words
//! are one string. Positions are places in the corpus's word stream: each statement's words
//! follow the previous statement's after one place that holds no word, so a phrase never spans
//! two statements. A phrase is then an intersection of sorted lists ("mutual" at `p`,
//! "respect" at `p + 1`), as fast as a word, with no statement text read again.
//!
//! A word in more than one statement in 32 ("the", "and") has its statements as a set of bits
//! rather than a list: smaller than the list, and added to a result a word of 64 statements at
//! a time, which keeps one-letter prefixes fast.

use super::bitset::Bitset;
use super::order::order_by_text;
use super::text::for_each_word;
use crate::fxhash::FxHashMap as HashMap;

pub struct Postings {
    /// The distinct folded words in increasing order, concatenated: word `t` is
    /// `words[word_ends[t - 1]..word_ends[t]]` (from 0 for the first).
    words: String,
    word_ends: Vec<u32>,
    /// The statements and places of each word.
    inverted: Inverted,
    /// The place of each statement's first word, and one past the last statement.
    firsts: Vec<u32>,
}

/// The number of each distinct word, in order of first appearance, while the statements are
/// read.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The words by number.
    fn into_words(self) -> Vec<String> {
        let mut words = vec![String::new(); self.ids.len()];
        for (word, id) in self.ids {
            words[id as usize] = word;
        }
        words
    }
}

/// Where no word stands: the place after each statement's words.
const GAP: u32 = u32::MAX;

impl Postings {
    /// Reads the words of each text, in statement order. (A `dyn` iterator: statements and
    /// names share one copy of this code in the wasm.)
    pub fn new(texts: &mut dyn Iterator<Item = &str>) -> Postings {
        let mut vocabulary = Vocabulary::default();
        // The word stream: every statement's word numbers, then a GAP.
        let mut stream: Vec<u32> = Vec::new();
        let mut firsts = Vec::new();
        for text in texts {
            firsts.push(stream.len() as u32);
            for_each_word(text, |word, _, _| stream.push(vocabulary.id(word)));
            stream.push(GAP);
        }
        firsts.push(stream.len() as u32);
        let vocabulary = vocabulary.into_words();

        // Number the words in sorted order, and write them as one string.
        let sorted = order_by_text(&vocabulary);
        let mut rank = vec![0u32; sorted.len()];
        let mut words = String::with_capacity(vocabulary.iter().map(|w| w.len()).sum());
        let mut word_ends = Vec::with_capacity(sorted.len());
        for (r, &id) in sorted.iter().enumerate() {
            rank[id as usize] = r as u32;
            words.push_str(&vocabulary[id as usize]);
            word_ends.push(words.len() as u32);
        }
        drop(vocabulary);
        drop(sorted);
        for id in stream.iter_mut().filter(|id| **id != GAP) {
            *id = rank[*id as usize];
        }
        drop(rank);

        let inverted = invert(&stream, word_ends.len(), firsts.len() - 1);
        Postings {
            words,
            word_ends,
            inverted,
            firsts,
        }
    }

    fn word_count(&self) -> usize {
        self.word_ends.len()
    }

    fn word(&self, t: usize) -> &str {
        let start = if t == 0 { 0 } else { self.word_ends[t - 1] };
        &self.words[start as usize..self.word_ends[t] as usize]
    }

    /// The number of the first word not less than `word`.
    fn lower_bound(&self, word: &str) -> usize {
        let (mut lo, mut hi) = (0, self.word_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The number of `word`, if some statement has it.
    fn exact(&self, word: &str) -> Option<usize> {
        let t = self.lower_bound(word);
        (t < self.word_count() && self.word(t) == word).then_some(t)
    }

    /// The distinct words, in increasing order.
    pub fn all_words(&self) -> impl Iterator<Item = &str> {
        (0..self.word_count()).map(|t| self.word(t))
    }

    fn places_of(&self, t: usize) -> &[u32] {
        &self.inverted.places
            [self.inverted.place_starts[t] as usize..self.inverted.place_starts[t + 1] as usize]
    }

    /// Adds the statements having a word that starts with `prefix` to `set`.
    pub fn add_prefixed(&self, prefix: &str, set: &mut Bitset) {
        let first = self.lower_bound(prefix);
        // The words with the prefix follow each other from `first`.
        let (mut lo, mut hi) = (first, self.word_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid).starts_with(prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        self.add_statements(first..lo, set);
    }

    /// Adds the statements having any of the words `range` to `set`.
    fn add_statements(&self, range: std::ops::Range<usize>, set: &mut Bitset) {
        let listed = self.inverted.doc_starts[range.start] as usize
            ..self.inverted.doc_starts[range.end] as usize;
        set.insert_all(&self.inverted.docs[listed]);
        let from = self
            .inverted
            .frequent
            .partition_point(|&t| (t as usize) < range.start);
        let to = self
            .inverted
            .frequent
            .partition_point(|&t| (t as usize) < range.end);
        for i in from..to {
            set.or_words(
                &self.inverted.frequent_sets
                    [i * self.inverted.set_words..(i + 1) * self.inverted.set_words],
            );
        }
    }

    /// Adds the statements having these words in this order, each whole, to `set`.
    pub fn add_phrase(&self, phrase: &[String], set: &mut Bitset) {
        if let [word] = phrase {
            if let Some(t) = self.exact(word) {
                self.add_statements(t..t + 1, set);
            }
            return;
        }
        let mut lists = Vec::with_capacity(phrase.len());
        for (offset, word) in phrase.iter().enumerate() {
            match self.exact(word) {
                Some(t) => lists.push((offset as u32, self.places_of(t))),
                None => return,
            }
        }
        // The phrase's starts, from the rarest word, then kept where every other word
        // stands at its offset.
        let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].1.len()) else {
            return;
        };
        let (offset, places) = lists[rarest];
        let mut starts: Vec<u32> = places
            .iter()
            .filter_map(|&place| place.checked_sub(offset))
            .collect();
        for (i, &(offset, places)) in lists.iter().enumerate() {
            if i == rarest {
                continue;
            }
            // Galloping pays where the list is much longer than the candidates; otherwise a
            // plain merge is cheaper.
            let gallop = places.len() > 16 * starts.len();
            let mut at = 0;
            starts.retain(|&start| {
                let target = start + offset;
                if gallop {
                    at = seek(places, at, target);
                } else {
                    while at < places.len() && places[at] < target {
                        at += 1;
                    }
                }
                places.get(at) == Some(&target)
            });
        }
        // Each start's statement: the last whose first place is not after it.
        let mut doc = 0;
        for start in starts {
            doc = seek(&self.firsts, doc, start + 1) - 1;
            set.insert(doc);
        }
    }
}

/// The first index at or after `from` whose value is not less than `target` in an increasing
/// list (its length if none): galloping, so stepping through a long list by far-apart targets
/// costs a logarithm per step, not the distance.
fn seek(list: &[u32], from: usize, target: u32) -> usize {
    let mut lo = from;
    let mut step = 1;
    let mut hi = from;
    while hi < list.len() && list[hi] < target {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(list.len());
    lo + list[lo..hi].partition_point(|&x| x < target)
}

/// The statements and places of each word.
struct Inverted {
    /// The statements having word `t`, increasing: `docs[doc_starts[t]..doc_starts[t + 1]]`,
    /// empty for a frequent word. Words are sorted, so the words with a prefix have their
    /// statements in one slice.
    doc_starts: Vec<u32>,
    docs: Vec<u32>,
    /// The frequent words, increasing, and the statements of the `i`-th as the set whose words
    /// are `frequent_sets[i * set_words..(i + 1) * set_words]`.
    frequent: Vec<u32>,
    frequent_sets: Vec<u64>,
    set_words: usize,
    /// The places of word `t`, increasing: `places[place_starts[t]..place_starts[t + 1]]`.
    place_starts: Vec<u32>,
    places: Vec<u32>,
}

/// Turns the word stream of `statements` statements into the statements and places of each
/// of `words` words, by a counting sort: one pass counts, a second fills, and the lists come
/// out increasing.
fn invert(stream: &[u32], words: usize, statements: usize) -> Inverted {
    // Counts, then starts (each word's start in the flat arrays).
    let mut doc_starts = vec![0u32; words + 1];
    let mut place_starts = vec![0u32; words + 1];
    let mut last_doc = vec![u32::MAX; words];
    let mut doc = 0u32;
    for &t in stream {
        if t == GAP {
            doc += 1;
            continue;
        }
        place_starts[t as usize + 1] += 1;
        if last_doc[t as usize] != doc {
            last_doc[t as usize] = doc;
            doc_starts[t as usize + 1] += 1;
        }
    }
    // A word in more than one statement in 32 takes a set: its list would be larger.
    let set_words = statements.div_ceil(64);
    let mut frequent = Vec::new();
    for t in 0..words {
        if doc_starts[t + 1] as usize * 32 > statements {
            frequent.push(t as u32);
            doc_starts[t + 1] = 0;
        }
    }
    // Each frequent word's set, by word number; `u32::MAX` for a listed word.
    let mut set_of = vec![u32::MAX; words];
    for (i, &t) in frequent.iter().enumerate() {
        set_of[t as usize] = i as u32;
    }
    for t in 0..words {
        doc_starts[t + 1] += doc_starts[t];
        place_starts[t + 1] += place_starts[t];
    }
    // Fill, each word's next free slot kept in `next_*`.
    let mut docs = vec![0u32; doc_starts[words] as usize];
    let mut frequent_sets = vec![0u64; frequent.len() * set_words];
    let mut places = vec![0u32; place_starts[words] as usize];
    let mut next_doc = doc_starts[..words].to_vec();
    let mut next_place = place_starts[..words].to_vec();
    last_doc.fill(u32::MAX);
    doc = 0;
    for (place, &t) in stream.iter().enumerate() {
        if t == GAP {
            doc += 1;
            continue;
        }
        let t = t as usize;
        places[next_place[t] as usize] = place as u32;
        next_place[t] += 1;
        if last_doc[t] != doc {
            last_doc[t] = doc;
            match set_of[t] {
                u32::MAX => {
                    docs[next_doc[t] as usize] = doc;
                    next_doc[t] += 1;
                }
                i => {
                    let d = doc as usize;
                    frequent_sets[i as usize * set_words + d / 64] |= 1 << (d % 64);
                }
            }
        }
    }
    Inverted {
        doc_starts,
        docs,
        frequent,
        frequent_sets,
        set_words,
        place_starts,
        places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(postings: &Postings, n: usize, add: impl Fn(&Postings, &mut Bitset)) -> Vec<usize> {
        let mut set = Bitset::empty(n);
        add(postings, &mut set);
        set.iter().collect()
    }

    #[test]
    fn finds_prefixes_and_phrases_within_one_statement() {
        let texts = [
            "Mutual respect.",
            "respect mutual",
            "mutual",
            "Respect, Mutual respect!",
        ];
        let p = Postings::new(&mut texts.into_iter());
        let phrase = |words: &[&str]| {
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            found(&p, texts.len(), |p, set| p.add_phrase(&words, set))
        };
        assert_eq!(phrase(&["mutual", "respect"]), vec![0, 3]);
        assert_eq!(phrase(&["respect", "mutual"]), vec![1, 3]);
        // "mutual" ends statement 2 and "respect" starts statement 3: no phrase across them.
        assert_eq!(
            phrase(&["mutual", "respect", "mutual"]),
            Vec::<usize>::new()
        );
        assert_eq!(phrase(&["respect", "respect"]), Vec::<usize>::new());
        assert_eq!(phrase(&["absent", "respect"]), Vec::<usize>::new());
        let prefix = |w: &str| found(&p, texts.len(), |p, set| p.add_prefixed(w, set));
        assert_eq!(prefix("mut"), vec![0, 1, 2, 3]);
        assert_eq!(prefix("re"), vec![0, 1, 3]);
        assert_eq!(prefix("z"), Vec::<usize>::new());
        assert_eq!(phrase(&["mutual"]), vec![0, 1, 2, 3]);
        assert_eq!(phrase(&["mutua"]), Vec::<usize>::new());
    }

    #[test]
    fn frequent_words_are_sets_and_rare_words_lists() {
        let texts: Vec<String> = (0..200)
            .map(|i| {
                if i % 10 == 0 {
                    format!("the rare{i} word")
                } else {
                    "the word".into()
                }
            })
            .collect();
        let p = Postings::new(&mut texts.iter().map(String::as_str));
        assert_eq!(p.inverted.frequent.len(), 2, "the, word");
        assert_eq!(p.inverted.docs.len(), 20, "rare0, rare10, …");
        let prefix = |w: &str| found(&p, texts.len(), |p, set| p.add_prefixed(w, set));
        assert_eq!(prefix("the").len(), 200);
        assert_eq!(
            prefix("rare1"),
            vec![10, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190]
        );
        let words = ["the".to_string(), "word".to_string()];
        let phrase = found(&p, texts.len(), |p, set| p.add_phrase(&words, set));
        assert_eq!(phrase.len(), 180);
    }

    #[test]
    fn seeks_by_galloping() {
        let list = [1, 3, 5, 7, 9, 11, 13];
        assert_eq!(seek(&list, 0, 0), 0);
        assert_eq!(seek(&list, 0, 6), 3);
        assert_eq!(seek(&list, 3, 7), 3);
        assert_eq!(seek(&list, 2, 13), 6);
        assert_eq!(seek(&list, 0, 14), 7);
        assert_eq!(seek(&list, 7, 1), 7);
    }
}
