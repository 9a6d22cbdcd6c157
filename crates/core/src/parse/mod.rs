//! The readout parser: pasted text → [`Readout`], as a pipeline of passes. Each pass is a
//! module with a named input and output; [`parse`] only runs them in order:
//!
//! 1. [`normalize`]: the raw paste → the stored text (every span indexes it);
//! 2. [`segment`]: text → [`segment::Layout`] (the `date` header, blocks, sentence spans), and
//!    [`event::dateline`] at the head of the first paragraph;
//! 3. [`sentences`]: layout → [`sentences::Buffers`] (tokens, name mentions, reporting frames),
//!    read as [`sentences::Sentence`]s;
//! 4. [`cast`]: sentences → [`people::People`] (principal, counterparts, attendees; names,
//!    titles, aliases) and the person each mention names;
//! 5. [`statements`]: sentences and people → [`statements::Draft`]s and their speaker lists;
//! 6. [`topics`]: sentences → each draft's topics and the readout's;
//! 7. [`countries`]: drafts and people → countries left unknown, and the principal from the
//!    source line;
//! 8. [`event`]: the opening sentences and the dateline → [`event::EventFacts`];
//! 9. [`output`]: all of it → the [`Readout`], with ids and a title.
//!
//! The scanners they share read words, not passes: [`tokens`], [`names`] (mentions such as
//! "Russian President Vladimir Putin"), [`frames`] ("X stressed that …"), [`dates`]; word lists
//! come from `crates/core/data/` through [`lexicon`]. Byte-level tricks stay in the scanners.
//! Nothing fails: what cannot be read becomes a [`Diagnostic`].

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
pub mod work;

use crate::model::*;
use segment::{layout, BlockKind};

/// Parses one readout. Never panics; what it cannot read becomes a diagnostic.
pub fn parse(raw: &str) -> Readout {
    let text = normalize::normalize(raw);
    let layout = layout(&text);
    let mut diagnostics = Vec::new();

    // The dateline, if the first prose block opens with one.
    let first_prose = layout
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Prose));
    let dateline = first_prose.and_then(|b| {
        let span = layout.blocks[b].span;
        event::dateline(&text, span.start, span.end)
    });

    let buffers = sentences::Buffers::read(
        &text,
        &layout,
        first_prose,
        dateline.as_ref().map(|d| d.end),
    );
    let sentences = buffers.sentences();

    let (mut people, mention_persons) =
        cast::read(&text, &layout.blocks, &sentences, buffers.mentions());
    let (mut drafts, speaker_lists) = statements::read(
        &text,
        &layout.blocks,
        &sentences,
        &mention_persons,
        &mut people,
        &mut diagnostics,
    );

    let readout_topics = topics::tag_readout(&text, &sentences, &mut drafts);
    let publisher = countries::settle(
        &text,
        &layout,
        &sentences,
        &mut people,
        &drafts,
        &speaker_lists,
    );
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
