//! One sort for every ordering the engine makes. Each distinct `sort_by` closure is compiled
//! into its own copy of the sort routine, which the browser then downloads; sorting
//! `(key, position)` pairs with a single routine keeps the wasm build small. The routine is a
//! radix sort: a few short loops (smaller than the standard library's sort), linear in the
//! number of keys, and fast in the size-optimized build the browser runs.

/// Positions `0..keys.len()` in increasing key order, ties by position.
pub fn order(keys: impl IntoIterator<Item = u64>) -> Vec<u32> {
    radix_order(
        keys.into_iter()
            .enumerate()
            .map(|(i, k)| (k, i as u32))
            .collect(),
    )
}

/// The positions of `(key, position)` pairs (given in position order) by key: a stable
/// least-significant-digit radix sort, one byte a pass; a pass where every key has the same
/// byte (the high bytes of small numbers) is skipped.
fn radix_order(mut pairs: Vec<(u64, u32)>) -> Vec<u32> {
    let mut spare = pairs.clone();
    for shift in (0..64).step_by(8) {
        let digit = |key: u64| ((key >> shift) & 0xff) as usize;
        let mut starts = [0usize; 256];
        for &(key, _) in &pairs {
            starts[digit(key)] += 1;
        }
        if starts.contains(&pairs.len()) {
            continue;
        }
        let mut sum = 0;
        for start in starts.iter_mut() {
            let count = *start;
            *start = sum;
            sum += count;
        }
        for &(key, position) in &pairs {
            let slot = &mut starts[digit(key)];
            spare[*slot] = (key, position);
            *slot += 1;
        }
        std::mem::swap(&mut pairs, &mut spare);
    }
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// Positions `0..texts.len()` in increasing order of their text (byte-wise, as `str`
/// compares), ties by position, with the same routine: sorted eight bytes at a time (as `u64`
/// keys), each run that shares them then sorted by the next eight.
pub fn order_by_text(texts: &[String]) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..texts.len() as u32).collect();
    // Runs still to sort: (start, end, depth), the texts of each equal before `depth`.
    let mut runs = vec![(0, texts.len(), 0)];
    while let Some((start, end, depth)) = runs.pop() {
        if end - start <= SHORT_RUN {
            insertion_sort(&mut positions[start..end], texts, depth);
            continue;
        }
        let key = |p: u32| chunk(&texts[p as usize], depth);
        let run = &positions[start..end];
        let sorted: Vec<u32> = order(run.iter().map(|&p| key(p)))
            .into_iter()
            .map(|i| run[i as usize])
            .collect();
        positions[start..end].copy_from_slice(&sorted);
        let mut i = start;
        while i < end {
            let mut j = i + 1;
            while j < end && key(positions[j]) == key(positions[i]) {
                j += 1;
            }
            if positions[i..j]
                .iter()
                .any(|&p| texts[p as usize].len() > depth + 8)
            {
                runs.push((i, j, depth + 8));
            } else if j - i > 1 {
                // Texts that all end within these bytes differ at most by trailing zero bytes
                // (read past a text's end as zeros): the shorter is the smaller, as `str`
                // compares; equal texts keep their order.
                let run = &positions[i..j];
                let sorted: Vec<u32> = order(run.iter().map(|&p| texts[p as usize].len() as u64))
                    .into_iter()
                    .map(|k| run[k as usize])
                    .collect();
                positions[i..j].copy_from_slice(&sorted);
            }
            i = j;
        }
    }
    positions
}

/// The longest run [`order_by_text`] sorts by comparing texts rather than by radix: each radix
/// sort walks 256 buckets up to eight times, which dwarfs a few comparisons (the words of an
/// index fall into thousands of short runs that share their first eight bytes).
const SHORT_RUN: usize = 24;

/// Sorts a run of positions whose texts are equal before `depth` (read past a text's end as
/// zeros), in `str` order, stably: each text's bytes from `depth`, then its length (a text
/// that ends within the first `depth` bytes is the prefix of any longer one).
fn insertion_sort(run: &mut [u32], texts: &[String], depth: usize) {
    let key = |p: u32| {
        let text = &texts[p as usize];
        (text.as_bytes().get(depth..).unwrap_or_default(), text.len())
    };
    for i in 1..run.len() {
        let mut j = i;
        while j > 0 && key(run[j - 1]) > key(run[j]) {
            run.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Bytes `depth..depth + 8` of a text as a big-endian number, zeros past its end (so a text
/// and the same text with zero bytes added tie here: [`order_by_text`] orders them by length).
fn chunk(text: &str, depth: usize) -> u64 {
    let mut bytes = [0u8; 8];
    let rest = text.as_bytes().get(depth..).unwrap_or_default();
    let n = rest.len().min(8);
    bytes[..n].copy_from_slice(&rest[..n]);
    u64::from_be_bytes(bytes)
}

/// `items` rearranged into the given order of positions.
pub fn arrange<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take))
        .collect()
}

/// Items sorted by a `u64` key, stable.
pub fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let positions = order(items.iter().map(&key));
    arrange(items, &positions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_stably() {
        assert_eq!(order([3, 1, 3, 0]), vec![3, 1, 0, 2]);
        let keys = [u64::MAX, 1 << 40, 7, 1 << 40, 0, 256, 255, u64::MAX - 1];
        assert_eq!(order(keys), vec![4, 2, 6, 5, 1, 3, 7, 0]);
        assert!(order([]).is_empty());
        assert_eq!(
            sorted_by_key(vec!["b", "a", "c"], |s| u64::from(s.as_bytes()[0])),
            vec!["a", "b", "c"]
        );
        assert_eq!(arrange(vec!['x', 'y'], &[1, 0]), vec!['y', 'x']);
    }

    proptest::proptest! {
        /// Short runs and long, shared prefixes of any length, zero bytes: `str`'s order.
        #[test]
        fn orders_any_texts_like_str(texts in proptest::collection::vec("[ab\\x00]{0,3}(cooperation)?[ab\\x00]{0,12}", 0..80)) {
            let mut expected: Vec<u32> = (0..texts.len() as u32).collect();
            expected.sort_by(|&a, &b| texts[a as usize].cmp(&texts[b as usize]));
            proptest::prop_assert_eq!(order_by_text(&texts), expected);
        }
    }

    #[test]
    fn orders_text_like_str() {
        let texts: Vec<String> = [
            "cooperative",
            "cooperation",
            "b",
            "",
            "cooperation",
            "coop",
            "cooperationally",
            "a",
            "Zebra",
            "économie",
            "cooperatio",
            "ab",
            "cooperation2",
            "a\0",
            "a\0\0",
            "a",
            "cooperation\0",
            "cooperatio\0",
            "\0",
            "a\0",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut expected: Vec<u32> = (0..texts.len() as u32).collect();
        expected.sort_by(|&a, &b| texts[a as usize].cmp(&texts[b as usize]));
        assert_eq!(order_by_text(&texts), expected);
    }
}
