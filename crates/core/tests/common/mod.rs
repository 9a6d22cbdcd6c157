//! What several test files read: the seed and the fictional fixtures.

use std::path::PathBuf;

/// The seed readout, then every fixture readout in file-name order.
pub fn readout_texts() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("../../corpus/000_fd7bf9b92fd71b0c.txt")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("the fixtures folder")
        .map(|e| e.expect("a fixture entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();
    paths.extend(fixtures);
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a readable readout"))
        .collect()
}
