//! A fixed-size set of statement numbers, one bit each: cheap intersections and counts.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    pub fn empty(len: usize) -> Self {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> Self {
        let mut set = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.clear_tail();
        set
    }

    /// Zeroes the bits past `len` in the last word, so counts stay exact.
    fn clear_tail(&mut self) {
        if !self.len.is_multiple_of(64) {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << (self.len % 64)) - 1;
            }
        }
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Adds every member of a list; one loop over the words, which the size-optimized build
    /// keeps tight where a call per member would not be.
    pub fn insert_all(&mut self, members: &[u32]) {
        let words: &mut [u64] = &mut self.words;
        for &i in members {
            words[i as usize / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn and(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the members of a set of the same length given as its words (64 members a word, the first member in the lowest bit of the first).
    pub fn or_words(&mut self, words: &[u64]) {
        for (a, b) in self.words.iter_mut().zip(words) {
            *a |= b;
        }
    }

    pub fn and_not(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// The complement within `0..len`.
    pub fn not(&self) -> Bitset {
        let mut out = Bitset {
            words: self.words.iter().map(|w| !w).collect(),
            len: self.len,
        };
        out.clear_tail();
        out
    }

    /// The members in increasing order, as a list (explicit loops: the size-optimized build
    /// does not flatten [`Bitset::iter`]'s adapters).
    pub fn members(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count());
        for (i, &word) in self.words.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                out.push(i as u32 * 64 + w.trailing_zeros());
                w &= w - 1;
            }
        }
        out
    }

    /// The members, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(i * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Bitset;

    #[test]
    fn set_algebra() {
        let mut a = Bitset::empty(130);
        for i in [0, 5, 64, 129] {
            a.insert(i);
        }
        let mut b = Bitset::full(130);
        assert_eq!(b.count(), 130);
        b.and_not(&a);
        assert_eq!(b.count(), 126);
        assert_eq!(a.not().count(), 126);
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![0, 5, 64, 129]);
        assert_eq!(a.members(), vec![0, 5, 64, 129]);
        let mut d = Bitset::empty(130);
        d.insert_all(&[129, 0, 64, 5, 5]);
        assert_eq!(d, a);
        let mut c = a.clone();
        c.and(&b);
        assert_eq!(c.count(), 0);
        assert!(a.contains(129) && !a.contains(128));
    }
}
