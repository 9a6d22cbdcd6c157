//! One sort for every ordering the engine makes. Each distinct `sort_by` closure is compiled
//! into its own copy of the sort routine, which the browser then downloads; sorting
//! `(key, position)` pairs with a single routine keeps the wasm build small.

/// Positions `0..keys.len()` in increasing key order, ties by position.
pub fn order(keys: impl IntoIterator<Item = u64>) -> Vec<u32> {
    let mut pairs: Vec<(u64, u32)> = keys
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, i as u32))
        .collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
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
        assert_eq!(
            sorted_by_key(vec!["b", "a", "c"], |s| u64::from(s.as_bytes()[0])),
            vec!["a", "b", "c"]
        );
        assert_eq!(arrange(vec!['x', 'y'], &[1, 0]), vec!['y', 'x']);
    }
}
