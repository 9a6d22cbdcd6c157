//! A small, fast, non-cryptographic hasher for the parser's short string keys (the
//! multiply-rotate scheme of rustc's FxHash). The keys come from the text being parsed, which
//! is not adversarial input to a server, so flooding resistance is not needed here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(short_word(rest) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// One to seven bytes as one word, every byte in it, read with fixed-size loads: most keys
/// are words of fewer than eight letters, and copying them into a buffer of eight would be a
/// call to the C library's `memcpy` for each.
fn short_word(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // Four to seven bytes: the first four and the last four, which may overlap.
        (Some(head), Some(tail)) => {
            u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32
        }
        // One to three: the first, the middle and the last byte (some of them the same).
        _ => {
            let byte = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
            byte(0) | byte(len / 2) << 8 | byte(len.wrapping_sub(1)) << 16
        }
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_keep_every_byte() {
        // Same length, one byte apart anywhere: never the same word.
        for len in 1..8 {
            let base = vec![b'a'; len];
            for at in 0..len {
                let mut other = base.clone();
                other[at] = b'b';
                assert_ne!(short_word(&base), short_word(&other), "{len} {at}");
            }
        }
    }
}
