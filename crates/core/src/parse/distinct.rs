//! [`Distinct`]: strings without repeats, in order of first use (a person's forms of name, a
//! readout's topics). Scanned while short, as nearly all are; hashed once they grow, so that a
//! readout with thousands of them is not quadratic.

use super::work;
use crate::fxhash::FxHasher;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Up to this many items, a lookup scans them: cheaper than hashing. The parser's other
/// indexes (people, topics, speaker lists) start at the same size.
pub const SCANNED: usize = 8;

/// Items without repeats, in order of first insertion.
#[derive(Debug, Clone)]
pub struct Distinct<T> {
    items: Vec<T>,
    /// Once there are more than [`SCANNED`] items: the last item of each hash of their text,
    /// and for each item the one before it with the same hash (`NONE` for none).
    by_hash: HashMap<u64, u32, BuildHasherDefault<FxHasher>>,
    same_hash_before: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<T> Default for Distinct<T> {
    fn default() -> Self {
        Distinct {
            items: Vec::new(),
            by_hash: HashMap::default(),
            same_hash_before: Vec::new(),
        }
    }
}

fn hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

impl<T: AsRef<str>> Distinct<T> {
    pub fn with_capacity(capacity: usize) -> Self {
        Distinct {
            items: Vec::with_capacity(capacity),
            ..Distinct::default()
        }
    }

    pub fn contains(&self, text: &str) -> bool {
        if self.items.len() <= SCANNED {
            work::add(self.items.len());
            return self.items.iter().any(|item| item.as_ref() == text);
        }
        let mut at = self.by_hash.get(&hash(text)).copied().unwrap_or(NONE);
        while at != NONE {
            work::add(1);
            if self.items[at as usize].as_ref() == text {
                return true;
            }
            at = self.same_hash_before[at as usize];
        }
        false
    }

    /// Adds `make()` unless an item with this text is there already; true when it added one.
    pub fn insert_with(&mut self, text: &str, make: impl FnOnce() -> T) -> bool {
        if self.contains(text) {
            return false;
        }
        self.items.push(make());
        let len = self.items.len();
        if len == SCANNED + 1 {
            self.same_hash_before.reserve(2 * len);
            for i in 0..len {
                self.index(i);
            }
        } else if len > SCANNED + 1 {
            self.index(len - 1);
        }
        true
    }

    /// Adds item `i` (the last one not yet indexed) to the hash index.
    fn index(&mut self, i: usize) {
        let slot = self
            .by_hash
            .entry(hash(self.items[i].as_ref()))
            .or_insert(NONE);
        self.same_hash_before.push(*slot);
        *slot = i as u32;
    }

    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_of_each_in_order_short_or_long() {
        let mut seen: Distinct<String> = Distinct::default();
        let words: Vec<String> = (0..40).map(|i| format!("w{}", i % 25)).collect();
        for w in &words {
            seen.insert_with(w, || w.clone());
        }
        let expected: Vec<String> = (0..25).map(|i| format!("w{i}")).collect();
        assert!(seen.contains("w24") && !seen.contains("w25"));
        assert_eq!(seen.into_vec(), expected);
    }
}
