//! The keystrokes the query benchmark and the `cost` example time: every prefix of every text
//! of `bench/queries.json`, as a user types it. Shared by `#[path]` so both time the same list.

/// Every prefix of every text of `bench/queries.json`.
pub fn keystrokes() -> Vec<String> {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../../../bench/queries.json")).expect("queries.json");
    file["typed"]
        .as_array()
        .expect("a list of texts")
        .iter()
        .filter_map(|t| t.as_str())
        .flat_map(|t| {
            t.char_indices()
                .map(|(i, c)| t[..i + c.len_utf8()].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}
