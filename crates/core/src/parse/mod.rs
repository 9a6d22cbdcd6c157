//! The readout parser: pasted text → [`Readout`], as a pipeline of passes. Each pass is a
//! module with a named input and output; [`parse`] only runs them in order:
//!
//! 1. [`normalize`]: the raw paste → the stored text (every span indexes it);
//! 2. [`segment`]: text → [`segment::Layout`] (the `date` header, blocks, sentence spans), and
//!    [`event::opening_dateline`] at the head of the first paragraph;
//! 3. [`sentences`]: layout → [`sentences::Buffers`] (tokens, name mentions, reporting frames),
//!    read as [`sentences::Sentence`]s;
//! 4. [`cast`]: sentences → [`people::People`] (principal, counterparts, attendees; names,
//!    titles, aliases) and the person each mention names;
//! 5. [`statements`]: sentences and people → [`statements::Draft`]s and their speaker lists;
//! 6. [`topics`]: sentences → each draft's topics and the readout's;
//! 7. [`countries`]: drafts and people → countries left unknown, and the principal and its
//!    country from the publisher (a source line, or the caller's `publisher`);
//! 8. [`event`]: the opening sentences and the dateline → [`event::EventFacts`];
//! 9. [`output`]: all of it → the [`Readout`], with ids and a title.
//!
//! The scanners they share read words, not passes: [`tokens`], [`names`] (mentions such as
//! "Russian President Vladimir Putin"), [`frames`] ("X stressed that …"), [`dates`]; word lists
//! come from `crates/core/data/` through [`lexicon`]. Byte-level tricks stay in the scanners.
//! Nothing fails: what cannot be read becomes a [`Diagnostic`]. To explain a parse,
//! [`parse_traced`] runs the same passes with a [`trace::Trace`], in which the frame scanner
//! and the statements pass note their decisions sentence by sentence.

mod cast;
mod countries;
mod dates;
mod distinct;
mod event;
mod frames;
mod lexicon;
mod names;
mod normalize;
mod output;
mod people;
mod segment;
mod sentences;
mod statements;
mod tokens;
mod topics;
pub(crate) mod trace;
pub mod work;

use crate::date::Date;
use crate::model::*;
use segment::{layout, BlockKind};

/// Parses one readout. Never panics; what it cannot read becomes a diagnostic. `published`,
/// when the caller knows it (a file's `published:` header), is the publication date in place
/// of the text's `date YYYY-MM-DD` line: the readout's `published` and the anchor of relative
/// dates ("today", "on Friday", "On March 14"). `publisher`, when the caller knows it (a
/// file's `publisher:` header), names the side that issues the readout, as a "(Source: …)"
/// line of the text would (which wins over it).
pub fn parse(raw: &str, published: Option<Date>, publisher: Option<&str>) -> Readout {
    run(raw, published, publisher, None)
}

/// Parses one readout as [`parse`] does, and records why each sentence made statements or
/// none ([`trace`], for [`crate::explain()`]).
pub(crate) fn parse_traced(
    raw: &str,
    published: Option<Date>,
    publisher: Option<&str>,
) -> (Readout, trace::Trace) {
    let mut trace = trace::Trace::default();
    let readout = run(raw, published, publisher, Some(&mut trace));
    (readout, trace)
}

/// The passes in order; `trace`, when explaining, is handed to those that decide about
/// sentences.
fn run(
    raw: &str,
    published: Option<Date>,
    publisher: Option<&str>,
    mut trace: Option<&mut trace::Trace>,
) -> Readout {
    let text = normalize::normalize(raw);
    let mut layout = layout(&text);
    // The text's own date line, which the trace points at; a date given by the caller wins.
    let date_line = layout.published;
    if published.is_some() {
        layout.published = published;
    }
    let mut diagnostics = Vec::new();

    // The dateline, if the first prose block opens with one.
    let first_prose = layout
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Prose));
    let dateline = first_prose.and_then(|b| event::opening_dateline(&text, &layout.blocks, b));

    let dateline_end = dateline.as_ref().map(|d| d.end);
    // Two copies of the pass: the one `parse` runs notes nothing (`()`), at no cost.
    let buffers = match trace.as_deref_mut() {
        None => sentences::Buffers::read(&text, &layout, first_prose, dateline_end, &mut ()),
        Some(trace) => sentences::Buffers::read(&text, &layout, first_prose, dateline_end, trace),
    };
    let sentences = buffers.sentences();
    if let Some(trace) = trace.as_deref_mut() {
        trace.begin(&sentences, &layout.blocks);
        // The header ends with its date ("date 2024-05-03"), which may share its line.
        trace.date_line = date_line.and_then(|date| {
            let iso = date.to_string();
            let at = text.get(..iso.len() + 8)?.find(&iso)?;
            Some(Span::new(0, at + iso.len()))
        });
        trace.dateline = first_prose.zip(dateline.as_ref()).map(|(b, d)| {
            let end = text.get(..d.end).map_or(d.end, |t| t.trim_end().len());
            Span::new(layout.blocks[b].span.start, end)
        });
    }

    let (mut people, mention_persons) =
        cast::read(&text, &layout.blocks, &sentences, buffers.mentions());
    let (mut drafts, speaker_lists) = statements::read(
        &text,
        &layout.blocks,
        &sentences,
        &mention_persons,
        &mut people,
        &mut diagnostics,
        trace,
    );

    let readout_topics = topics::tag_readout(&text, &sentences, &mut drafts);
    let publisher = countries::settle(
        &text,
        &layout,
        &sentences,
        &mut people,
        &drafts,
        &speaker_lists,
        publisher,
    );
    // Failing a dateline at the top, a date line under the text gives the date.
    let dateline = dateline.or_else(|| event::closing_dateline(&text, &layout));
    let event = event::read(
        &text,
        &layout,
        first_prose,
        dateline.as_ref(),
        &sentences,
        &people,
        &mut diagnostics,
    );
    output::assemble(output::Parsed {
        text,
        layout,
        event,
        people,
        drafts,
        speaker_lists,
        topics: readout_topics,
        publisher,
        diagnostics,
    })
}
