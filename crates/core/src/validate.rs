//! Corpus validation (in progress).
