//! Exports for bench/index-wasm/run.mjs: read a corpus file into memory, then build its index
//! (`Index::new`, as the app's stepped build does the same work) as many times as asked; and
//! for bench/index-wasm/memory.mjs: load a corpus as the app does (chunks pushed to a
//! `CorpusReader`, readouts added to an `IndexBuilder` as they come, the index finished a step
//! at a time) with the heap's live bytes and peak counted. No imports: node times each call
//! and reads the counts from outside.

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

/// The heap's live bytes and their highest mark, counted around the app's allocator (talc, as
/// src/lib.rs sets it): what [`load`] leaves and needs on the way, as the app's wasm memory
/// holds it.
mod counting {
    use std::alloc::{GlobalAlloc, Layout};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    pub static LIVE: AtomicUsize = AtomicUsize::new(0);
    pub static PEAK: AtomicUsize = AtomicUsize::new(0);

    pub struct Counting(pub talc::wasm::WasmDynamicTalc);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
            self.0.alloc(layout)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Relaxed);
            self.0.dealloc(ptr, layout)
        }
        // The allocator's own realloc, as the app's.
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
            PEAK.fetch_max(live, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
            self.0.realloc(ptr, layout, new_size)
        }
    }
}

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting(talc::wasm::new_wasm_dynamic_allocator());

/// Bytes live on the heap now.
#[no_mangle]
pub extern "C" fn live() -> usize {
    counting::LIVE.load(std::sync::atomic::Ordering::Relaxed)
}

/// The most bytes live at once so far.
#[no_mangle]
pub extern "C" fn peak() -> usize {
    counting::PEAK.load(std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    static LOADING: RefCell<Option<(readouts_core::stream::CorpusReader, readouts_core::query::IndexBuilder, Vec<u8>)>> = const { RefCell::new(None) };
    static LOADED: RefCell<Option<Index>> = const { RefCell::new(None) };
}

/// Room for the next chunk of a corpus loaded as the app loads it ([`push`]): `len` bytes in
/// one reused buffer, as the app copies each network chunk.
#[no_mangle]
pub extern "C" fn chunk(len: usize) -> *mut u8 {
    LOADING.with(|l| {
        let mut l = l.borrow_mut();
        let (_, _, buffer) = l.get_or_insert_with(Default::default);
        buffer.resize(len, 0);
        buffer.as_mut_ptr()
    })
}

/// Reads the chunk written at [`chunk`]'s pointer and adds the readouts read so far to the
/// index, as the app's loader does; 0 when the corpus cannot be read.
#[no_mangle]
pub extern "C" fn push() -> usize {
    LOADING.with(|l| {
        let mut l = l.borrow_mut();
        let (reader, builder, buffer) = l.as_mut().expect("chunk first");
        if reader.push(buffer).is_err() {
            return 0;
        }
        if !NO_INDEX.load(std::sync::atomic::Ordering::Relaxed) {
            let added = builder.added();
            for readout in &reader.readouts()[added..] {
                builder.add(readout);
            }
        }
        1
    })
}

static NO_INDEX: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// [`push`] reads the corpus only, without adding its readouts to an index (what the corpus
/// alone holds).
#[no_mangle]
pub extern "C" fn read_only() {
    NO_INDEX.store(true, std::sync::atomic::Ordering::Relaxed);
}

thread_local! {
    static FINISHING: RefCell<Option<readouts_core::query::Finishing>> = const { RefCell::new(None) };
}

/// Finishes reading the corpus and starts finishing its index; 0 when it cannot be read.
#[no_mangle]
pub extern "C" fn begin() -> usize {
    let (reader, builder, _) = LOADING.with(|l| l.borrow_mut().take()).expect("chunks first");
    let Ok(corpus) = reader.finish() else { return 0 };
    FINISHING.with(|f| *f.borrow_mut() = Some(builder.finish_with_imported(corpus, Vec::new())));
    1
}

/// One step of the index's finishing ([`begin`] first); 1 once it is done.
#[no_mangle]
pub extern "C" fn step() -> usize {
    FINISHING.with(|f| f.borrow_mut().as_mut().expect("begin first").step() as usize)
}

/// The finished index, kept; its statements.
#[no_mangle]
pub extern "C" fn load() -> usize {
    let finishing = FINISHING.with(|f| f.borrow_mut().take()).expect("begin first");
    let index = finishing.into_index();
    let statements = index.len();
    LOADED.with(|l| *l.borrow_mut() = Some(index));
    statements
}
