//! The parser's record of its own decisions, for [`crate::explain()`]. The passes write it
//! only when [`super::parse_traced`] hands them one (`Option<&mut Trace>`, `None` for
//! [`super::parse`]), and only through closures and branches that cost nothing otherwise:
//! the frame scanner notes the verbs that made no frame, the statements pass notes what became
//! of each frame and the verdict of each sentence with the drafts it made.

use super::frames::{Frame, SubjectRef};
use super::lexicon::lexicon;
use super::people::People;
use super::segment::{Block, BlockKind};
use super::sentences::Sentence;
use crate::explain::VerbNote;
use crate::explain::{BlockNote, FrameNote, FrameOutcome, Resolution, SubjectNote, Verdict};
use crate::model::Span;
use std::ops::Range;

/// What the passes decided, sentence by sentence.
#[derive(Default)]
pub(crate) struct Trace {
    /// The `date YYYY-MM-DD` line, if any.
    pub(crate) date_line: Option<Span>,
    /// The dateline opening the first paragraph, if any.
    pub(crate) dateline: Option<Span>,
    /// Every sentence, in text order.
    pub(crate) sentences: Vec<Traced>,
    /// The verbs that made no frame, by sentence (written before [`Trace::sentences`] is).
    pub(crate) verbs: Vec<Vec<VerbNote>>,
    /// What became of the frames of the sentence being read, by frame index, until its
    /// verdict is noted.
    fates: Vec<Fate>,
    /// The participants the last ambiguous subject could mean, until a frame's fate takes them.
    could_mean: Vec<String>,
}

/// One sentence's record.
pub(crate) struct Traced {
    pub(crate) span: Span,
    pub(crate) block: BlockNote,
    pub(crate) paragraph: usize,
    /// `None` until the statements pass decides (every path of it does).
    pub(crate) verdict: Option<Verdict>,
    pub(crate) frames: Vec<FrameNote>,
    /// The drafts (statements, in order) the sentence made.
    pub(crate) drafts: Range<usize>,
}

/// What became of one frame of the sentence being read.
struct Fate {
    frame: usize,
    outcome: FrameOutcome,
    speakers: Vec<String>,
    resolved_by: Option<Resolution>,
    /// For an ambiguous subject: whom it could mean.
    candidates: Vec<String>,
}

impl Trace {
    /// Notes whom an ambiguous subject could mean (`persons`: indices of `people`), for the
    /// fate of the frame being resolved.
    pub(super) fn could_mean(&mut self, persons: impl Iterator<Item = usize>, people: &People) {
        self.could_mean.clear();
        let names = persons.map(|p| people.persons[p].name_text.clone());
        self.could_mean.extend(names);
    }

    /// The verb notes of sentence `sentence`, for the frame scanner to append to.
    pub(super) fn verbs_of(&mut self, sentence: usize) -> &mut Vec<VerbNote> {
        if self.verbs.len() <= sentence {
            self.verbs.resize_with(sentence + 1, Vec::new);
        }
        &mut self.verbs[sentence]
    }

    /// One record per sentence, with its block, before any verdict.
    pub(super) fn begin(&mut self, sentences: &[Sentence], blocks: &[Block]) {
        self.sentences = sentences
            .iter()
            .map(|s| {
                let block = &blocks[s.block];
                Traced {
                    span: s.span,
                    block: match block.kind {
                        BlockKind::Heading => BlockNote::Heading,
                        BlockKind::Prose => BlockNote::Prose,
                        BlockKind::ListItem => BlockNote::ListItem,
                        BlockKind::Turn { label } => BlockNote::Turn { label },
                        BlockKind::SourceLine => BlockNote::SourceLine,
                        BlockKind::PageLine => BlockNote::PageLine,
                    },
                    paragraph: block.paragraph,
                    verdict: None,
                    frames: Vec::new(),
                    drafts: 0..0,
                }
            })
            .collect();
    }

    /// Notes what became of frame `frame` of the sentence being read; `speakers` are indices
    /// of `people`.
    pub(super) fn fate(
        &mut self,
        frame: usize,
        outcome: FrameOutcome,
        speakers: &[usize],
        resolved_by: Option<Resolution>,
        people: &People,
    ) {
        let speakers = speakers
            .iter()
            .map(|&p| people.persons[p].name_text.clone())
            .collect();
        let candidates = std::mem::take(&mut self.could_mean);
        let candidates = match outcome {
            FrameOutcome::Ambiguous => candidates,
            _ => Vec::new(),
        };
        // A frame noted twice (resolved, then found to be part of the first one's clause)
        // keeps its last outcome.
        self.fates.retain(|f| f.frame != frame);
        self.fates.push(Fate {
            frame,
            outcome,
            speakers,
            resolved_by,
            candidates,
        });
    }

    /// Notes sentence `index`'s verdict and the drafts it made; its frames are described
    /// with the fates noted since the last verdict (a frame without one was not read).
    pub(super) fn decide(
        &mut self,
        index: usize,
        sentence: &Sentence,
        text: &str,
        drafts: Range<usize>,
        verdict: Verdict,
    ) {
        self.could_mean.clear();
        let mut fates = std::mem::take(&mut self.fates);
        let frames = sentence
            .frames
            .iter()
            .enumerate()
            .map(|(f, frame)| {
                let fate = fates.iter_mut().find(|fate| fate.frame == f);
                frame_note(
                    text,
                    sentence,
                    frame,
                    fate.map(|fate| Fate {
                        frame: f,
                        outcome: fate.outcome,
                        speakers: std::mem::take(&mut fate.speakers),
                        resolved_by: fate.resolved_by,
                        candidates: std::mem::take(&mut fate.candidates),
                    }),
                )
            })
            .collect();
        fates.clear();
        self.fates = fates;
        let Some(traced) = self.sentences.get_mut(index) else {
            return;
        };
        traced.verdict = Some(if verdict.makes_statements() && drafts.is_empty() {
            Verdict::EmptyContent
        } else {
            verdict
        });
        traced.frames = frames;
        traced.drafts = drafts;
    }
}

/// A frame as the explanation shows it.
fn frame_note(text: &str, sentence: &Sentence, frame: &Frame, fate: Option<Fate>) -> FrameNote {
    let fate = fate.unwrap_or(Fate {
        frame: 0,
        outcome: FrameOutcome::NotRead,
        speakers: Vec::new(),
        resolved_by: None,
        candidates: Vec::new(),
    });
    let subject = match &frame.subject {
        SubjectRef::Mentions(group) => {
            let first = &sentence.mentions[group.start];
            let last = &sentence.mentions[group.end - 1];
            let from = sentence.tokens[first.first].start;
            let to = sentence.tokens[last.last.max(1) - 1].end;
            SubjectNote::Names {
                text: text.get(from..to).unwrap_or_default().to_string(),
            }
        }
        SubjectRef::Pronoun => SubjectNote::Pronoun,
        SubjectRef::Joint => SubjectNote::Joint,
        SubjectRef::Title(title) => SubjectNote::Title {
            title: title.to_string(),
        },
        SubjectRef::Nationality(hint) => SubjectNote::Nationality {
            hint: hint.to_string(),
        },
        SubjectRef::Impersonal => SubjectNote::Impersonal,
        SubjectRef::Indefinite => SubjectNote::Indefinite,
    };
    let class = match (&frame.subject, frame.verb.as_ref()) {
        (SubjectRef::Impersonal, _) => "impersonal",
        (_, "according to") => "according_to",
        (_, verb) => lexicon().verb_class(verb).unwrap_or("say"),
    };
    FrameNote {
        verb: frame.verb.to_string(),
        class: class.to_string(),
        subject,
        trailing: frame.trailing,
        content: Span::new(
            frame.content.start,
            frame.content.end.max(frame.content.start),
        ),
        speakers: fate.speakers,
        resolved_by: fate.resolved_by,
        outcome: fate.outcome,
        candidates: fate.candidates,
    }
}

/// Where the frame scanner notes the reporting verbs that made no frame: `()` when parsing
/// (`NOTES` is false, so the scanner's code for it is compiled out), a sentence's list of
/// [`VerbNote`]s when explaining.
pub(crate) trait Unframed {
    const NOTES: bool;
    fn note(&mut self, note: VerbNote);
}

impl Unframed for () {
    const NOTES: bool = false;
    fn note(&mut self, _: VerbNote) {}
}

/// The [`Unframed`] sink of each sentence: `()` for all of them when parsing, the trace's list
/// of the sentence when explaining.
pub(crate) trait VerbSink {
    type Sentence: Unframed;
    fn sentence(&mut self, sentence: usize) -> &mut Self::Sentence;
}

impl VerbSink for () {
    type Sentence = ();
    fn sentence(&mut self, _: usize) -> &mut () {
        self
    }
}

impl VerbSink for Trace {
    type Sentence = Vec<VerbNote>;
    fn sentence(&mut self, sentence: usize) -> &mut Vec<VerbNote> {
        self.verbs_of(sentence)
    }
}

impl Unframed for Vec<VerbNote> {
    const NOTES: bool = true;
    fn note(&mut self, note: VerbNote) {
        self.push(note);
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_traced;

    /// Every path of the statements pass gives its sentences a verdict: on every fixture,
    /// generated readouts and every adversarial family, no sentence is left without one.
    #[test]
    fn every_sentence_gets_a_verdict() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut inputs: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|x| x == "txt"))
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect();
        inputs.extend(
            readouts_synth::corpus(60, 7)
                .into_iter()
                .map(|(_, text)| text),
        );
        let families = readouts_synth::adversarial::FAMILIES;
        inputs.extend(families.iter().map(|family| family.text(4096)));
        for raw in &inputs {
            let (_, trace) = parse_traced(raw, None, None);
            for traced in &trace.sentences {
                assert!(
                    traced.verdict.is_some(),
                    "no verdict for the sentence at {:?} of {:.80}",
                    traced.span,
                    raw
                );
            }
        }
    }
}
