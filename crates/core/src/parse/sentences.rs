//! Pass 1, sentences: the readout's sentences, each with its tokens, words, name mentions and
//! reporting frames. A sentence is a set of slices of buffers shared by the whole readout.

use super::frames::{find_frames, Frame};
use super::lexicon;
use super::names::{Mention, MentionScanner};
use super::segment::Layout;
use super::tokens::{token_words, tokenize_into, Token};
use super::trace::VerbSink;
use crate::model::*;
use std::ops::Range;

/// One sentence with what the passes need of it; its tokens, words and mentions are slices
/// of buffers shared by the whole readout.
pub(super) struct Sentence<'a> {
    pub(super) block: usize,
    pub(super) span: Span,
    pub(super) tokens: &'a [Token],
    /// The tokens as text, "" for punctuation.
    pub(super) words: &'a [&'a str],
    pub(super) mentions: &'a [Mention<'a>],
    /// Where the sentence's mentions start in the readout's list of them.
    pub(super) mentions_from: usize,
    pub(super) frames: &'a [Frame<'a>],
    /// "… were present": names attendees, never a statement.
    pub(super) attendee_line: bool,
}

/// Every sentence's tokens, words, mentions and frames, one buffer of each for the readout.
pub(super) struct Buffers<'t> {
    tokens: Vec<Token>,
    /// The tokens as text, "" for punctuation.
    words: Vec<&'t str>,
    mentions: Vec<Mention<'t>>,
    frames: Vec<Frame<'t>>,
    /// Each sentence's place in them.
    sentences: Vec<Place>,
}

/// Where one sentence lies: its block, its span, and its ranges of the buffers.
struct Place {
    block: usize,
    span: Span,
    tokens: Range<usize>,
    mentions: Range<usize>,
    frames: Range<usize>,
    attendee_line: bool,
}

impl<'t> Buffers<'t> {
    /// Reads every sentence of the layout: tokens, then name mentions, then reporting frames.
    /// A dateline opening the first prose block (`first_prose`), which ends at `dateline_end`,
    /// is left out of its first sentence. `unframed` notes the reporting verbs that made no
    /// frame: `()` when parsing (which compiles that out), the trace when explaining.
    pub(super) fn read(
        text: &'t str,
        layout: &Layout,
        first_prose: Option<usize>,
        dateline_end: Option<usize>,
        unframed: &mut impl VerbSink,
    ) -> Self {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut sentences: Vec<Place> = Vec::with_capacity(layout.sentences.len());
        for (b, block) in layout.blocks.iter().enumerate() {
            for (s, &span) in layout.sentences[block.sentences.clone()].iter().enumerate() {
                let mut span = span;
                if let (Some(end), true, 0) = (dateline_end, Some(b) == first_prose, s) {
                    span.start = end.min(span.end);
                }
                let range = appended(&mut tokens, |out| {
                    tokenize_into(text, span.start, span.end, out)
                });
                sentences.push(Place {
                    block: b,
                    span,
                    tokens: range,
                    mentions: 0..0,
                    frames: 0..0,
                    attendee_line: false,
                });
            }
        }
        let words = token_words(text, &tokens);
        let mut mentions: Vec<Mention> = Vec::with_capacity(text.len() / 40 + 1);
        let mut scanner = MentionScanner::default();
        for place in &mut sentences {
            let range = place.tokens.clone();
            place.mentions = appended(&mut mentions, |out| {
                scanner.scan(text, &tokens[range.clone()], &words[range], out)
            });
        }
        let mut frames: Vec<Frame> = Vec::with_capacity(sentences.len());
        for (s, place) in sentences.iter_mut().enumerate() {
            let range = place.tokens.clone();
            place.frames = appended(&mut frames, |out| {
                let (tokens, words) = (&tokens[range.clone()], &words[range.clone()]);
                let mentions = &mentions[place.mentions.clone()];
                let end = place.span.end;
                let unframed = unframed.sentence(s);
                find_frames(text, end, tokens, words, mentions, out, unframed)
            });
            place.attendee_line =
                is_attendee_line(&words[range], &text[place.span.start..place.span.end]);
        }
        Buffers {
            tokens,
            words,
            mentions,
            frames,
            sentences,
        }
    }

    /// The sentences, in text order (and so in block order).
    pub(super) fn sentences(&self) -> Vec<Sentence<'_>> {
        self.sentences
            .iter()
            .map(|place| Sentence {
                block: place.block,
                span: place.span,
                tokens: &self.tokens[place.tokens.clone()],
                words: &self.words[place.tokens.clone()],
                mentions_from: place.mentions.start,
                mentions: &self.mentions[place.mentions.clone()],
                frames: &self.frames[place.frames.clone()],
                attendee_line: place.attendee_line,
            })
            .collect()
    }

    /// Every mention of the readout, in text order.
    pub(super) fn mentions(&self) -> &[Mention<'t>] {
        &self.mentions
    }
}

/// Runs `fill` on `buffer` and returns the range of what it appended: how a readout's
/// per-sentence lists (tokens, mentions, frames, topic labels) share one buffer each.
pub(super) fn appended<T>(buffer: &mut Vec<T>, fill: impl FnOnce(&mut Vec<T>)) -> Range<usize> {
    let from = buffer.len();
    fill(buffer);
    from..buffer.len()
}

/// "A and B, among others, were present", "Also present were …", "… attended the meeting":
/// a phrase of `data/attendee_markers.txt`.
pub(super) fn is_attendee_line(words: &[&str], sentence: &str) -> bool {
    lexicon::lexicon()
        .attendee_markers
        .found_in(words, sentence)
}
