//! Reading a corpus file as it arrives: bytes in chunks of any size, each readout read as soon
//! as its last byte is in.
//!
//! [`Corpus::from_json_bytes`] needs the whole file in memory, and then holds the file and the
//! corpus read from it at once: for a corpus of 100,000 statements, 46 MB of JSON next to the
//! readouts, in a wasm memory that never shrinks. A [`CorpusReader`] keeps only the bytes of
//! the readout it is in the middle of, so the app can read the response body chunk by chunk
//! (showing how far it has got, and letting the page paint between chunks) and never holds the
//! file.
//!
//! How: outside the `readouts` array, a byte scanner follows strings and nesting, and keeps
//! those bytes (`{"schema_version":1,"readouts":[` … `]}`) as the file's *skeleton*. Each element
//! of the array is read by serde_json as a [`Readout`], which ends where the readout's closing
//! brace is; one whose end has not arrived yet is read again once the bytes after its start
//! have doubled (so a readout pays at most about three reads, however small the chunks). At the end the
//! skeleton is read by the whole-file reader (schema version, unknown keys, trailing bytes) and
//! the readouts put in it, then the corpus [limits] are applied. Whenever the file does not
//! have the shape streaming needs (the schema version after the readouts, a readouts value
//! that is not an array, anything unreadable before the array), the reader keeps every byte and
//! hands the whole file to [`Corpus::from_json_bytes`] at the end: the same result, only not
//! streamed. The result is the same corpus as the whole-file reader's, or an error where it
//! gives one (`tests/stream.rs` checks both on cut, salted and reordered files).

use crate::limits;
use crate::model::{Corpus, CorpusError, Readout};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a corpus file pushed in chunks: [`CorpusReader::push`] each chunk as it arrives, then
/// [`CorpusReader::finish`].
#[derive(Default)]
pub struct CorpusReader {
    /// Bytes pushed but not yet done with: the start of the readout being read, or, when not
    /// streaming, the whole file so far.
    pending: Vec<u8>,
    /// The file offset (after any byte-order mark) of `pending[0]`.
    pending_at: usize,
    /// The file's bytes outside the readouts array's elements.
    skeleton: Vec<u8>,
    readouts: Vec<Readout>,
    scan: Scan,
    mode: Mode,
    /// Bytes done with, after any byte-order mark: the file offset of the next byte to look at.
    done: usize,
    /// Whether the first bytes have been checked for a byte-order mark.
    started: bool,
    /// The first problem met; every later call returns it.
    failed: Option<CorpusError>,
}

/// What the reader is doing with the bytes.
#[derive(Default, Clone, Copy, PartialEq, Debug)]
enum Mode {
    /// Outside the readouts array: bytes go to the skeleton.
    #[default]
    Outside,
    /// Inside the readouts array, between elements.
    Between(Expect),
    /// At a readout whose end has not arrived: read it again once `retry_at` bytes are pending.
    Element { retry_at: usize },
    /// After the readouts array: bytes go to the skeleton; no second array is streamed.
    After,
    /// The file does not have the shape streaming needs: every byte is kept.
    Whole,
}

/// What may come next between the readouts array's elements.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// `{` or `]`: right after `[`.
    First,
    /// `,` or `]`: after an element.
    Separator,
    /// `{`: after a comma.
    Next,
}

/// The scanner's state outside readouts, carried from one chunk to the next.
#[derive(Default)]
struct Scan {
    /// Open objects and arrays.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// 1-based line of the next byte, and the file offset where that line starts.
    line: usize,
    line_start: usize,
    /// At depth 1: whether the string being read, or last read, is exactly `"readouts"`.
    string_is_readouts: bool,
    /// At depth 1: the bytes of the string being read (a key, when a `:` follows).
    string: Vec<u8>,
    /// At depth 1: the last byte that was not white space, outside strings.
    last_token: u8,
    /// At depth 1: whether the last `:` followed the key `"readouts"`.
    after_readouts_key: bool,
}

impl CorpusReader {
    pub fn new() -> Self {
        CorpusReader {
            scan: Scan {
                line: 1,
                ..Scan::default()
            },
            ..CorpusReader::default()
        }
    }

    /// Bytes read so far (after any byte-order mark), those of a readout not yet complete
    /// included.
    pub fn bytes_read(&self) -> usize {
        self.pending_at + self.pending.len()
    }

    /// Readouts read so far.
    pub fn readouts_read(&self) -> usize {
        self.readouts.len()
    }

    /// The readouts read so far, in order: the corpus's first readouts as
    /// [`finish`](Self::finish) gives them (so an index can be built as they come: see
    /// `query::IndexBuilder`). None while the file is kept whole, when it does not have the
    /// shape streaming needs.
    pub fn readouts(&self) -> &[Readout] {
        &self.readouts
    }

    /// Reads the next bytes of the file. Fails at the first problem the bytes so far show
    /// (malformed JSON inside a readout, a file past the size limit), and with that same
    /// problem on every later call.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), CorpusError> {
        if let Some(err) = &self.failed {
            return Err(err.clone());
        }
        self.pending.extend_from_slice(bytes);
        if !self.started && !self.skip_bom() {
            return Ok(());
        }
        let result = self.read_pending(false);
        if let Err(err) = &result {
            self.failed = Some(err.clone());
        }
        result
    }

    /// The corpus, once every byte has been pushed.
    pub fn finish(mut self) -> Result<Corpus, CorpusError> {
        if let Some(err) = self.failed.take() {
            return Err(err);
        }
        if !self.started {
            // Fewer than three bytes, all a prefix of a byte-order mark.
            return Corpus::from_json_bytes(&self.pending);
        }
        // A readout waiting for more bytes is read now: it is whole, or its error is final.
        self.read_pending(true)?;
        match self.mode {
            Mode::Whole => Corpus::from_json_bytes(&self.pending),
            Mode::Outside => Corpus::from_json_bytes(&self.skeleton),
            Mode::Between(_) | Mode::Element { .. } => {
                Err(self.error_at(self.done, "EOF while parsing a list"))
            }
            Mode::After => {
                let mut corpus = Corpus::from_bytes_unlimited(&self.skeleton)?;
                corpus.readouts = std::mem::take(&mut self.readouts);
                let problems = limits::problems(&corpus);
                if problems.is_empty() {
                    Ok(corpus)
                } else {
                    Err(CorpusError::Limits(problems))
                }
            }
        }
    }

    /// Drops a leading byte-order mark once three bytes (or a byte that cannot start one) are
    /// in; false while it cannot tell yet.
    fn skip_bom(&mut self) -> bool {
        let n = self.pending.len().min(BOM.len());
        if self.pending[..n] == BOM[..n] && n < BOM.len() {
            return false;
        }
        if self.pending.starts_with(BOM) {
            self.pending.drain(..BOM.len());
        }
        self.started = true;
        true
    }

    /// Reads the pending bytes not done with yet (from file offset `done`), then lets go of
    /// what is no longer needed. `at_end`: no more bytes will come.
    fn read_pending(&mut self, at_end: bool) -> Result<(), CorpusError> {
        let end = self.bytes_read();
        if end > limits::CORPUS_BYTES {
            return Err(CorpusError::TooLarge { bytes: end });
        }
        while self.done < end {
            let at = self.done;
            if let Mode::Element { retry_at } = self.mode {
                if end < retry_at && !at_end {
                    break;
                }
                if !self.read_readout(at, at_end)? {
                    break;
                }
                continue;
            }
            self.step(at, self.pending[at - self.pending_at])?;
            if !matches!(self.mode, Mode::Element { .. }) {
                self.done = at + 1;
            }
        }
        self.release();
        Ok(())
    }

    /// Lets go of the pending bytes no longer needed: all of them outside the array (they are
    /// in the skeleton) or between elements; those before a readout that is not complete yet;
    /// none when keeping the whole file.
    fn release(&mut self) {
        if self.mode == Mode::Whole {
            return;
        }
        self.pending.drain(..self.done - self.pending_at);
        self.pending_at = self.done;
    }

    /// One byte outside readouts, at file offset `at`.
    fn step(&mut self, at: usize, byte: u8) -> Result<(), CorpusError> {
        let depth_before = self.scan.depth;
        let structural = self.scan.advance(byte);
        match self.mode {
            Mode::Whole | Mode::Element { .. } => {}
            Mode::Outside | Mode::After => self.outside(at, byte, structural, depth_before),
            Mode::Between(expect) => self.between(at, byte, expect)?,
        }
        if byte == b'\n' {
            self.scan.line += 1;
            self.scan.line_start = at + 1;
        }
        Ok(())
    }

    /// A byte outside the readouts array: kept in the skeleton; the array's `[` starts
    /// streaming when the schema version read so far is this crate's.
    fn outside(&mut self, at: usize, byte: u8, structural: bool, depth_before: u32) {
        self.skeleton.push(byte);
        let opens_readouts = self.mode == Mode::Outside
            && structural
            && byte == b'['
            && depth_before == 1
            && self.scan.after_readouts_key;
        if !opens_readouts {
            return;
        }
        let mut probe = self.skeleton.clone();
        probe.extend_from_slice(b"]}");
        if Corpus::from_bytes_unlimited(&probe).is_ok() {
            self.mode = Mode::Between(Expect::First);
        } else {
            // Not a shape to stream (or not readable): keep every byte, the whole-file reader
            // decides. Until now every byte went to the skeleton: it is the file up to `at`.
            self.mode = Mode::Whole;
            let rest = self.pending.split_off(at + 1 - self.pending_at);
            self.pending = std::mem::take(&mut self.skeleton);
            self.pending.extend_from_slice(&rest);
            self.pending_at = 0;
        }
    }

    /// A byte between the readouts array's elements.
    fn between(&mut self, at: usize, byte: u8, expect: Expect) -> Result<(), CorpusError> {
        match (byte, expect) {
            (b' ' | b'\t' | b'\n' | b'\r', _) => {}
            (b'{', Expect::First | Expect::Next) => {
                // The readout is read from this byte on (`read_pending`); the scanner does not
                // follow its bytes.
                self.scan.depth -= 1;
                self.mode = Mode::Element { retry_at: 0 };
                return Ok(());
            }
            (b',', Expect::Separator) => self.mode = Mode::Between(Expect::Next),
            (b']', Expect::First | Expect::Separator) => {
                self.skeleton.push(b']');
                self.mode = Mode::After;
            }
            (b']', Expect::Next) => return Err(self.error_at(at, "trailing comma")),
            (_, Expect::Separator) => return Err(self.error_at(at, "expected `,` or `]`")),
            _ => return Err(self.error_at(at, "expected a readout (a JSON object)")),
        }
        Ok(())
    }

    /// Reads the readout that starts at file offset `at`. False when its end has not arrived
    /// (and more bytes may come).
    fn read_readout(&mut self, at: usize, at_end: bool) -> Result<bool, CorpusError> {
        let bytes = &self.pending[at - self.pending_at..];
        let mut reader = serde_json::Deserializer::from_slice(bytes).into_iter::<Readout>();
        match reader.next().expect("a readout starts here") {
            Ok(mut readout) => {
                let used = reader.byte_offset();
                self.scan.count_lines(at, &bytes[..used]);
                fit(&mut readout);
                self.readouts.push(readout);
                self.done = at + used;
                self.mode = Mode::Between(Expect::Separator);
                Ok(true)
            }
            Err(err) if err.is_eof() && !at_end => {
                self.mode = Mode::Element {
                    retry_at: self.bytes_read() + bytes.len().max(1),
                };
                Ok(false)
            }
            Err(err) => Err(relocate(
                CorpusError::from(err),
                self.scan.line,
                at - self.scan.line_start,
            )),
        }
    }

    /// A JSON error at file offset `at`.
    fn error_at(&self, at: usize, message: &str) -> CorpusError {
        CorpusError::Json {
            line: self.scan.line,
            column: at - self.scan.line_start + 1,
            message: message.to_string(),
        }
    }
}

/// Lets go of the room a readout's lists grew into while it was read (serde fills a list by
/// pushing, doubling its room: about a third of a readout's statements' room was spare, held
/// for as long as the corpus is).
fn fit(readout: &mut Readout) {
    readout.statements.shrink_to_fit();
    readout.participants.shrink_to_fit();
    for statement in &mut readout.statements {
        statement.topics.shrink_to_fit();
    }
}

/// Moves the location of an error in a readout that starts on `line`, `column_offset` bytes
/// into it, to its place in the file.
fn relocate(err: CorpusError, line: usize, column_offset: usize) -> CorpusError {
    match err {
        CorpusError::Json {
            line: 1,
            column,
            message,
        } => CorpusError::Json {
            line,
            column: column + column_offset,
            message,
        },
        CorpusError::Json {
            line: l,
            column,
            message,
        } => CorpusError::Json {
            line: line + l - 1,
            column,
            message,
        },
        other => other,
    }
}

impl Scan {
    /// Moves the line count past `bytes`, which start at file offset `at`.
    fn count_lines(&mut self, at: usize, bytes: &[u8]) {
        if let Some(last) = bytes.iter().rposition(|&b| b == b'\n') {
            self.line += bytes.iter().filter(|&&b| b == b'\n').count();
            self.line_start = at + last + 1;
        }
    }

    /// Follows one byte: strings and nesting, and at depth 1 which key a value belongs to.
    /// True when the byte is structural (outside strings).
    fn advance(&mut self, byte: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
                if self.depth == 1 {
                    self.string_is_readouts = self.string == b"readouts";
                    self.last_token = b'"';
                }
                return false;
            }
            if self.depth == 1 && self.string.len() <= b"readouts".len() {
                self.string.push(byte);
            }
            return false;
        }
        match byte {
            b'"' => {
                self.in_string = true;
                self.string.clear();
            }
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        if self.depth == 1 && !byte.is_ascii_whitespace() {
            if byte == b':' {
                self.after_readouts_key = self.last_token == b'"' && self.string_is_readouts;
            } else {
                self.after_readouts_key = false;
            }
            self.last_token = byte;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader holds at most the readout it is in plus one chunk, never the file.
    #[test]
    fn holds_one_readout_at_a_time() {
        let readouts: Vec<Readout> = (0..40)
            .map(|n| crate::parse(&format!("President Ann Vale{n} said that talks went well.")))
            .collect();
        let largest = readouts
            .iter()
            .map(|r| serde_json::to_string(r).unwrap().len())
            .max()
            .unwrap();
        let file = Corpus::new(readouts).to_json();
        let mut reader = CorpusReader::new();
        let mut most = 0;
        for chunk in file.as_bytes().chunks(100) {
            reader.push(chunk).unwrap();
            most = most.max(reader.pending.len());
        }
        assert!(most <= largest + 100, "held {most} bytes");
        assert!(file.len() > 10 * (largest + 100));
        assert_eq!(reader.finish().unwrap().readouts.len(), 40);
    }
}
