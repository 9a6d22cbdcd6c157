//! Exports for bench/index-wasm.mjs: read a corpus file into memory, then build its index
//! (`Index::new`, as the app's stepped build does the same work) as many times as asked. No
//! imports: node times each call from outside.

use readouts_core::query::Index;
use readouts_core::Corpus;
use std::cell::RefCell;

thread_local! {
    static CORPUS: RefCell<Option<Corpus>> = const { RefCell::new(None) };
}

/// Room for `len` bytes, for node to copy the corpus file into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut bytes = std::mem::ManuallyDrop::new(vec![0u8; len]);
    bytes.as_mut_ptr()
}

/// Reads the corpus from the `len` bytes at `ptr` (from [`alloc`], freed here); its number of
/// statements, or 0 when it is not a corpus.
///
/// # Safety
/// `ptr` and `len` are those of one [`alloc`] call.
#[no_mangle]
pub unsafe extern "C" fn read(ptr: *mut u8, len: usize) -> usize {
    let bytes = Vec::from_raw_parts(ptr, len, len);
    let corpus = Corpus::from_json_bytes(&bytes).ok();
    let statements = corpus.as_ref().map_or(0, |c| c.readouts.iter().map(|r| r.statements.len()).sum());
    CORPUS.with(|c| *c.borrow_mut() = corpus);
    statements
}

/// A copy of the corpus, as the index takes its own (timed apart by [`copy`]).
fn copied() -> Corpus {
    CORPUS.with(|c| c.borrow().clone().unwrap_or_else(|| Corpus::new(Vec::new())))
}

/// Copies the corpus and drops the copy: the part of [`index`]'s time that is not indexing.
#[no_mangle]
pub extern "C" fn copy() -> usize {
    copied().readouts.len()
}

/// Copies the corpus and indexes the copy; the number of statements indexed.
#[no_mangle]
pub extern "C" fn index() -> usize {
    Index::new(copied()).len()
}
