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

#[cfg_attr(test, derive(PartialEq))]
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

/// The words of statements given one at a time ([`PostingsBuilder::add`]); then
/// [`PostingsBuilder::finish`] numbers the words in sorted order, and [`Inverting`] turns the
/// word stream into the lists, a slice of the stream at a time ([`Inverting::fill`]).
#[derive(Default)]
pub(super) struct PostingsBuilder {
    vocabulary: Vocabulary,
    /// The word stream: every statement's word numbers (in order of first appearance), then a
    /// GAP.
    stream: Vec<u32>,
    /// The place of each statement's first word.
    firsts: Vec<u32>,
    /// Per word number: its places and its statements so far, and the last statement that had
    /// it (the counts of the counting sort, kept as the words come).
    places: Vec<u32>,
    statements: Vec<u32>,
    last_statement: Vec<u32>,
}

impl PostingsBuilder {
    /// Reads the words of the next statement's text.
    pub(super) fn add(&mut self, text: &str) {
        let doc = self.firsts.len() as u32;
        self.firsts.push(self.stream.len() as u32);
        for_each_word(text, |word, _, _| {
            let id = self.vocabulary.id(word) as usize;
            if id == self.places.len() {
                self.places.push(0);
                self.statements.push(0);
                self.last_statement.push(u32::MAX);
            }
            self.places[id] += 1;
            if self.last_statement[id] != doc {
                self.last_statement[id] = doc;
                self.statements[id] += 1;
            }
            self.stream.push(id as u32);
        });
        self.stream.push(GAP);
    }

    /// Numbers the words in sorted order and lays out the lists: what is left is filling them
    /// ([`Inverting::fill`]).
    pub(super) fn finish(self) -> Inverting {
        let PostingsBuilder {
            vocabulary,
            stream,
            mut firsts,
            places: place_counts,
            statements: doc_counts,
            mut last_statement,
        } = self;
        let statements = firsts.len();
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

        // Starts (each word's start in the flat arrays), by rank. A word in more than one
        // statement in 32 takes a set: its list would be larger.
        let count = sorted.len();
        let set_words = statements.div_ceil(64);
        let mut doc_starts = vec![0u32; count + 1];
        let mut place_starts = vec![0u32; count + 1];
        let mut frequent = Vec::new();
        for (t, &id) in sorted.iter().enumerate() {
            let docs = doc_counts[id as usize];
            if docs as usize * 32 > statements {
                frequent.push(t as u32);
            } else {
                doc_starts[t + 1] = docs;
            }
            place_starts[t + 1] = place_counts[id as usize];
        }
        drop(sorted);
        // Each frequent word's set, by word number; `u32::MAX` for a listed word.
        let mut set_of = vec![u32::MAX; count];
        for (i, &t) in frequent.iter().enumerate() {
            set_of[t as usize] = i as u32;
        }
        for t in 0..count {
            doc_starts[t + 1] += doc_starts[t];
            place_starts[t + 1] += place_starts[t];
        }
        last_statement.fill(u32::MAX);
        Inverting {
            next_doc: doc_starts[..count].to_vec(),
            next_place: place_starts[..count].to_vec(),
            inverted: Inverted {
                docs: vec![0u32; doc_starts[count] as usize],
                frequent_sets: vec![0u64; frequent.len() * set_words],
                places: vec![0u32; place_starts[count] as usize],
                doc_starts,
                frequent,
                set_words,
                place_starts,
            },
            words,
            word_ends,
            firsts,
            stream,
            rank,
            set_of,
            last_doc: last_statement,
            at: 0,
            doc: 0,
        }
    }
}

/// The lists of [`Postings`] being filled from the word stream, a slice at a time: a counting
/// sort whose counts were taken as the words came, so the lists come out increasing.
pub(super) struct Inverting {
    inverted: Inverted,
    words: String,
    word_ends: Vec<u32>,
    firsts: Vec<u32>,
    /// The word stream (numbers in order of first appearance) and each number's rank.
    stream: Vec<u32>,
    rank: Vec<u32>,
    /// Each word's frequent set (by rank), `u32::MAX` for a listed word.
    set_of: Vec<u32>,
    /// Each word's next free slot in `docs` and `places`, by rank.
    next_doc: Vec<u32>,
    next_place: Vec<u32>,
    /// The last statement added to each word's list, by number in the stream.
    last_doc: Vec<u32>,
    /// The next place of the stream to read, and its statement.
    at: usize,
    doc: u32,
}

/// The places [`Inverting::fill`] reads at a time in a step of the index's finishing: a few milliseconds' work (a few places in
/// the unit tests, so that their small corpora take many steps).
pub(super) const PLACES_A_STEP: usize = if cfg!(test) { 7 } else { 1 << 17 };

impl Inverting {
    /// Fills the lists from the next `count` places of the stream (or as many as are left);
    /// true once every place is in.
    pub(super) fn fill(&mut self, count: usize) -> bool {
        let end = self.at.saturating_add(count).min(self.stream.len());
        let inverted = &mut self.inverted;
        let set_words = inverted.set_words;
        for place in self.at..end {
            let id = self.stream[place];
            if id == GAP {
                self.doc += 1;
                continue;
            }
            let t = self.rank[id as usize] as usize;
            inverted.places[self.next_place[t] as usize] = place as u32;
            self.next_place[t] += 1;
            if self.last_doc[id as usize] != self.doc {
                self.last_doc[id as usize] = self.doc;
                match self.set_of[t] {
                    u32::MAX => {
                        inverted.docs[self.next_doc[t] as usize] = self.doc;
                        self.next_doc[t] += 1;
                    }
                    i => {
                        let d = self.doc as usize;
                        inverted.frequent_sets[i as usize * set_words + d / 64] |= 1 << (d % 64);
                    }
                }
            }
        }
        self.at = end;
        self.at == self.stream.len()
    }

    /// The postings, once every place is in (filling what is left first).
    pub(super) fn into_postings(mut self) -> Postings {
        self.fill(usize::MAX);
        Postings {
            words: self.words,
            word_ends: self.word_ends,
            inverted: self.inverted,
            firsts: self.firsts,
        }
    }
}

impl Postings {
    /// Reads the words of each text, in statement order. (A `dyn` iterator: statements and
    /// names share one copy of this code in the wasm.)
    pub fn new(texts: &mut dyn Iterator<Item = &str>) -> Postings {
        let mut builder = PostingsBuilder::default();
        for text in texts {
            builder.add(text);
        }
        builder.finish().into_postings()
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
#[cfg_attr(test, derive(PartialEq))]
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
