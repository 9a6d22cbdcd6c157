//! Loading the bundled corpus: the fetch, the load states, and what each failure tells the
//! reader. The body is read as it arrives, chunk by chunk, by [`CorpusReader`] (which also
//! checks it as [`readouts_core::Corpus::from_json`] does): the page shows how far the download
//! has got, paints between chunks, and never holds the whole file next to the corpus.
//!
//! The service worker (`scripts/sw-template.js`) keeps a corpus only once the app has read it:
//! a newer copy comes marked with the header [`MARK`] (`candidate/<id>`), and the app reports
//! with a request for `corpus.json?readouts-corpus=ok/<id>` or `…=bad/<id>`; the answer to
//! "bad" is the last copy the app could read. Plain requests, so a Web Worker that the service
//! worker controls can load the corpus the same way.

use crate::platform::measure;
use readouts_core::query::Index;
#[cfg(target_arch = "wasm32")]
use readouts_core::query::IndexBuilder;
use readouts_core::stream::CorpusReader;
use readouts_core::{Corpus, CorpusError};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// Where the corpus is fetched from, relative to the document's `<base href>` so that it
/// resolves to the same file on every route, deep links included.
pub const CORPUS_URL: &str = "corpus.json";

/// The loaded corpus and its search index, built once and shared by every component without
/// copying. Two handles are equal when they point at the same index, so comparing props never
/// walks the data.
#[derive(Clone)]
pub struct SharedIndex(Rc<Index>);

impl SharedIndex {
    /// Indexes `corpus`, recording the time taken as the `readouts:index` performance measure.
    pub fn new(corpus: Corpus) -> Self {
        Self::with_imported(corpus, Vec::new())
    }

    /// Indexes the bundled `corpus` with `imported` readouts after it
    /// ([`Index::with_imported`]), recording the time as [`SharedIndex::new`] does.
    pub fn with_imported(corpus: Corpus, imported: Vec<readouts_core::Readout>) -> Self {
        SharedIndex(Rc::new(measure("readouts:index", || {
            Index::with_imported(corpus, imported)
        })))
    }

    /// Finishes `builder`'s index of the bundled `corpus` with `imported` readouts after it
    /// ([`Index::with_imported`]) a step at a time, letting the page paint whenever the steps
    /// have held the main thread for a while; the time from the first step to the index is
    /// the `readouts:index` performance measure.
    #[cfg(target_arch = "wasm32")]
    pub async fn finish(
        builder: IndexBuilder,
        corpus: Corpus,
        imported: Vec<readouts_core::Readout>,
    ) -> Self {
        let clock = Clock::start(INDEX_START);
        let mut finishing = builder.finish_with_imported(corpus, imported);
        // The first step in a task of its own: reading ended with a scan of the whole corpus
        // (its limits).
        let mut since_paint = f64::MIN;
        loop {
            if clock.now() - since_paint > PAINT_EVERY_MS {
                crate::platform::next_task().await;
                since_paint = clock.now();
            }
            if finishing.step() {
                break;
            }
        }
        let index = finishing.into_index();
        clock.measure("readouts:index", INDEX_START);
        SharedIndex(Rc::new(index))
    }

    /// How many statements the corpus holds, over all readouts.
    pub fn statement_count(&self) -> usize {
        self.0.len()
    }
}

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for SharedIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SharedIndex({} readouts, {} statements)",
            self.0.corpus().readouts.len(),
            self.0.len()
        )
    }
}

impl Deref for SharedIndex {
    type Target = Index;

    fn deref(&self) -> &Index {
        &self.0
    }
}

/// Why the corpus could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request itself failed (offline, refused, blocked).
    Network { url: String, message: String },
    /// The server answered, but not with the file.
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The body could not be read.
    Body { url: String, message: String },
    /// The download stopped after `read` bytes (of `total`, when the server said).
    Stopped {
        url: String,
        read: usize,
        total: Option<usize>,
        reason: String,
    },
    /// The file is there but is not a corpus this version can read.
    Corpus(CorpusError),
}

impl LoadError {
    /// A short headline for the error panel.
    pub fn title(&self) -> &'static str {
        match self {
            LoadError::Network { .. }
            | LoadError::Http { .. }
            | LoadError::Body { .. }
            | LoadError::Stopped { .. } => "The corpus could not be loaded",
            LoadError::Corpus(CorpusError::Json { .. }) => "The corpus file is not valid JSON",
            LoadError::Corpus(CorpusError::TooLarge { .. } | CorpusError::Limits(_)) => {
                "The corpus file is past readouts' limits"
            }
            LoadError::Corpus(_) => "The corpus file has an unsupported format",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, message } => {
                write!(f, "the request for {url} failed: {message}")
            }
            LoadError::Http {
                url,
                status,
                status_text,
            } => {
                write!(f, "the server answered HTTP {status}")?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                write!(f, " for {url}")
            }
            LoadError::Body { url, message } => {
                write!(f, "the response for {url} could not be read: {message}")
            }
            LoadError::Stopped {
                url,
                read,
                total,
                reason,
            } => {
                let got = crate::format::megabytes(*read);
                write!(f, "the download of {url} stopped after {got}")?;
                if let Some(total) = total {
                    write!(f, " of {}", crate::format::megabytes(*total))?;
                }
                write!(f, " ({reason})")
            }
            LoadError::Corpus(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

/// Where the app is with its corpus. The error is shared, so that handing the state to the
/// page copies no strings.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading(Progress),
    Ready(SharedIndex),
    Failed(Rc<LoadError>),
}

/// How far the corpus download has got: bytes read, and of how many when the server said.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub read: usize,
    /// The body's size, from `Content-Length`; unknown when the body is compressed in transit
    /// (the header then counts compressed bytes) or the server sent none.
    pub total: Option<usize>,
}

impl Progress {
    /// Whether `next` is worth showing after `self`: another hundredth of the total, or
    /// another half megabyte when the total is unknown (a re-render per network chunk would
    /// cost more than the reading).
    pub fn moved(&self, next: &Progress) -> bool {
        let step = next.total.map_or(1 << 19, |total| (total / 100).max(1));
        next.read / step != self.read / step || next.total != self.total
    }
}

/// Reads a whole corpus body already in memory and indexes it, as `load_corpus` reads a
/// downloaded one.
pub fn read_corpus(json: &[u8]) -> Result<SharedIndex, LoadError> {
    let mut reader = CorpusReader::new();
    reader
        .push(json)
        .and_then(|()| reader.finish())
        .map(SharedIndex::new)
        .map_err(LoadError::Corpus)
}

/// The response header with which the service worker marks a corpus it has not kept yet.
pub const MARK: &str = "X-Readouts-Corpus";

/// The id of a corpus the service worker marked with [`MARK`] as a candidate.
pub fn candidate_id(mark: Option<&str>) -> Option<&str> {
    mark?.strip_prefix("candidate/").filter(|id| !id.is_empty())
}

/// The request with which the app tells the service worker whether it could read the candidate
/// `id` of the corpus at `url`.
pub fn verdict_url(url: &str, ok: bool, id: &str) -> String {
    let outcome = if ok { "ok" } else { "bad" };
    format!("{url}?readouts-corpus={outcome}/{id}")
}

/// Fetches and reads the corpus at `url` (relative URLs resolve against the document base),
/// telling the service worker whether a new copy could be read. Also says whether a new copy
/// was refused (the corpus is then the last good copy, which the service worker sends in
/// answer to "bad"). The corpus comes with its readouts added to an index
/// ([`SharedIndex::finish`] finishes it).
#[cfg(target_arch = "wasm32")]
pub async fn load_corpus(
    url: &str,
    progress: impl Fn(Progress),
) -> Result<((Corpus, IndexBuilder), bool), LoadError> {
    let mut at = url.to_string();
    loop {
        let (read, mark) = fetch_corpus(&at, &progress).await?;
        let read = read.map_err(LoadError::Corpus);
        let refused = at != url;
        match (candidate_id(mark.as_deref()), read) {
            (Some(id), Err(_)) if !refused => {
                web_sys::console::warn_1(&"readouts: the newest corpus could not be read (readouts check tells why): showing the last copy that could".into());
                at = verdict_url(url, false, id);
            }
            (Some(id), read) => {
                // Nothing to wait for: the service worker keeps the copy.
                if let Some(window) = web_sys::window() {
                    let _ = window.fetch_with_str(&verdict_url(url, read.is_ok(), id));
                }
                return read.map(|corpus| (corpus, refused));
            }
            (None, read) => return read.map(|corpus| (corpus, refused)),
        }
    }
}

/// A corpus read, with the readouts that were added to an index as they came.
#[cfg(target_arch = "wasm32")]
type Read = Result<(Corpus, IndexBuilder), CorpusError>;

/// Fetches the corpus at `url` and reads it as it arrives (the `readouts:parse` measure, from
/// the first byte to the corpus): the corpus or why it could not be read, and the response's
/// [`MARK`] header. Fails when the download does.
#[cfg(target_arch = "wasm32")]
async fn fetch_corpus(
    url: &str,
    progress: &impl Fn(Progress),
) -> Result<(Read, Option<String>), LoadError> {
    use gloo_net::http::Request;

    let response = Request::get(url)
        .send()
        .await
        .map_err(|err| LoadError::Network {
            url: url.to_string(),
            message: err.to_string(),
        })?;
    // The absolute URL, so the message says exactly which file failed.
    let resolved = match response.url() {
        u if u.is_empty() => url.to_string(),
        u => u,
    };
    if !response.ok() {
        return Err(LoadError::Http {
            url: resolved,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let headers = response.headers();
    let mark = headers.get(MARK);
    let total = headers
        .get("Content-Length")
        .filter(|_| headers.get("Content-Encoding").is_none())
        .and_then(|n| n.trim().parse().ok());
    let body = response.body().ok_or_else(|| LoadError::Body {
        url: resolved.clone(),
        message: "the response has no body".into(),
    })?;
    let read = read_stream(body, total, progress)
        .await
        .map_err(|(read, reason)| LoadError::Stopped {
            url: resolved,
            read,
            total,
            reason,
        })?;
    Ok((read, mark))
}

/// Reads a response body as it arrives into a [`CorpusReader`]: each chunk copied into one
/// reused buffer and pushed a slice at a time ([`SLICE_BYTES`]), each readout added to an index as soon as
/// it is read, `progress` told as bytes come in (see [`Progress::moved`]), and the page let
/// paint whenever reading has held the main thread for a while. The corpus and its readouts
/// added, or why it could not be read; `Err` when the download itself failed: the bytes read
/// until then and the browser's reason.
#[cfg(target_arch = "wasm32")]
async fn read_stream(
    body: web_sys::ReadableStream,
    total: Option<usize>,
    progress: &impl Fn(Progress),
) -> Result<Read, (usize, String)> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut corpus = CorpusReader::new();
    let mut builder = IndexBuilder::new();
    let mut buffer = Vec::new();
    let mut shown = Progress { read: 0, total };
    progress(shown);
    let clock = Clock::start(PARSE_START);
    let now = || clock.now();
    let mut since_paint = now();
    let mut read = 0;
    let mut failed = None;
    'download: loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|err| (read, reason(&err)))?;
        let field = |name: &str| js_sys::Reflect::get(&next, &name.into()).unwrap_or_default();
        if field("done").is_truthy() {
            break;
        }
        let chunk: js_sys::Uint8Array = field("value").unchecked_into();
        buffer.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buffer);
        for slice in buffer.chunks(SLICE_BYTES) {
            read += slice.len();
            if let Err(err) = corpus.push(slice) {
                // The rest of the file cannot mend it: stop downloading.
                failed = Some(err);
                break 'download;
            }
            for readout in &corpus.readouts()[builder.added()..] {
                builder.add(readout);
            }
            let at = Progress { read, total };
            if shown.moved(&at) {
                progress(at);
                shown = at;
            }
            if now() - since_paint > PAINT_EVERY_MS {
                crate::platform::next_task().await;
                since_paint = now();
            }
        }
    }
    let result = match failed {
        Some(err) => Err(err),
        None => corpus.finish().map(|corpus| (corpus, builder)),
    };
    clock.measure("readouts:parse", PARSE_START);
    Ok(result)
}

/// Reads a corpus held whole in memory (the readouts imported in this browser, as the import
/// page's app gives them) in chunks, each in a task of its own, so that the page paints in
/// between (hundreds of readouts read at once would hold it for long).
#[cfg(target_arch = "wasm32")]
pub async fn read_in_steps(json: &[u8]) -> Result<Corpus, CorpusError> {
    let mut reader = CorpusReader::new();
    for chunk in json.chunks(1 << 18) {
        crate::platform::next_task().await;
        reader.push(chunk)?;
    }
    reader.finish()
}

/// The mark where reading the corpus starts (its measure is `readouts:parse`).
#[cfg(target_arch = "wasm32")]
const PARSE_START: &str = "readouts:parse:start";

/// The mark where finishing the index starts (its measure is `readouts:index`).
#[cfg(target_arch = "wasm32")]
const INDEX_START: &str = "readouts:index:start";

/// How long reading or indexing may hold the main thread before it lets the page paint.
#[cfg(target_arch = "wasm32")]
const PAINT_EVERY_MS: f64 = 40.0;

/// The most bytes read between two looks at the clock. A chunk of the body can be megabytes
/// (Chromium hands a body from a local server or a cache over in pieces of 2 MiB), and
/// reading and indexing one whole took 50-120 ms at a time on the main thread; a slice takes
/// a few milliseconds, so the page paints within about [`PAINT_EVERY_MS`] plus one slice.
#[cfg(target_arch = "wasm32")]
const SLICE_BYTES: usize = 128 * 1024;

/// The page's clock, and a performance measure from a mark set at the start.
#[cfg(target_arch = "wasm32")]
struct Clock(Option<web_sys::Performance>);

#[cfg(target_arch = "wasm32")]
impl Clock {
    /// The clock, with the mark `start` set.
    fn start(start: &str) -> Clock {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark(start);
        }
        Clock(performance)
    }

    /// Milliseconds since the page's start.
    fn now(&self) -> f64 {
        self.0.as_ref().map_or(0.0, |p| p.now())
    }

    /// Records the measure `name` from the mark `start` until now, and clears the mark.
    fn measure(&self, name: &str, start: &str) {
        if let Some(p) = &self.0 {
            let _ = p.measure_with_start_mark(name, start);
            p.clear_marks_with_mark_name(start);
        }
    }
}

/// A thrown JavaScript value in words.
#[cfg(target_arch = "wasm32")]
fn reason(err: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the connection was lost".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = read_corpus(b"{\n  \"schema_version\": 1,\n  \"readouts\": [,]\n}").unwrap_err();
        assert_eq!(err.title(), "The corpus file is not valid JSON");
        let message = err.to_string();
        assert!(message.contains("line 3, column 16"), "{message}");
    }

    #[test]
    fn another_schema_version_names_both() {
        let err = read_corpus(b"{\"schema_version\": 99, \"readouts\": []}").unwrap_err();
        assert_eq!(err.title(), "The corpus file has an unsupported format");
        let message = err.to_string();
        assert!(
            message.contains("99") && message.contains("schema_version 1"),
            "{message}"
        );
    }

    #[test]
    fn http_errors_name_status_and_url() {
        let err = LoadError::Http {
            url: "http://127.0.0.1/corpus.json".into(),
            status: 404,
            status_text: "Not Found".into(),
        };
        assert_eq!(err.title(), "The corpus could not be loaded");
        assert_eq!(
            err.to_string(),
            "the server answered HTTP 404 Not Found for http://127.0.0.1/corpus.json"
        );
    }

    #[test]
    fn only_candidates_marked_by_the_service_worker_get_a_verdict() {
        assert_eq!(candidate_id(Some("candidate/ab12")), Some("ab12"));
        assert_eq!(candidate_id(Some("candidate/")), None);
        assert_eq!(candidate_id(Some("ab12")), None);
        assert_eq!(candidate_id(None), None);
        assert_eq!(
            verdict_url("corpus.json", false, "ab12"),
            "corpus.json?readouts-corpus=bad/ab12"
        );
        assert_eq!(
            verdict_url("corpus.json", true, "ab12"),
            "corpus.json?readouts-corpus=ok/ab12"
        );
    }

    #[test]
    fn a_cut_download_says_how_far_it_got() {
        let stopped = |total| LoadError::Stopped {
            url: "http://127.0.0.1/corpus.json".into(),
            read: 1_234_567,
            total,
            reason: "network error".into(),
        };
        assert_eq!(
            stopped(Some(3_400_000)).title(),
            "The corpus could not be loaded"
        );
        assert_eq!(
            stopped(Some(3_400_000)).to_string(),
            "the download of http://127.0.0.1/corpus.json stopped after 1.2 MB of 3.4 MB (network error)"
        );
        assert_eq!(
            stopped(None).to_string(),
            "the download of http://127.0.0.1/corpus.json stopped after 1.2 MB (network error)"
        );
    }

    #[test]
    fn progress_moves_by_hundredths_or_half_megabytes() {
        let at = |read, total| Progress { read, total };
        assert!(!at(0, Some(1000)).moved(&at(9, Some(1000))));
        assert!(at(9, Some(1000)).moved(&at(10, Some(1000))));
        assert!(!at(0, None).moved(&at(500_000, None)));
        assert!(at(0, None).moved(&at(600_000, None)));
    }

    #[test]
    fn handles_compare_by_identity() {
        let a = read_corpus(b"{\"schema_version\": 1, \"readouts\": []}").unwrap();
        let b = read_corpus(b"{\"schema_version\": 1, \"readouts\": []}").unwrap();
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
        assert_eq!(a.statement_count(), 0);
    }
}
