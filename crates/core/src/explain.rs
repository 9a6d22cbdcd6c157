//! Why each sentence of a readout became a statement, or did not: [`explain`](crate::explain()).
//!
//! The explanation is the parser's own record of its decisions, taken while it parses (the
//! passes write it only when asked, so [`parse`](crate::parse()) does no extra work): for every
//! sentence, the block it is in, the verdict (the rule that made its statements, or the rule
//! that made none), the reporting frames found in it with whom each subject resolved to and
//! what became of each, and the reporting verbs that made no frame and why. Users debug their
//! corpus with it (`readouts parse --explain FILE`); the parser's authors debug the parser.
//!
//! The shape is stable: it is what `readouts parse --explain --json` prints, with the tags
//! written in `snake_case` (`"verdict": {"kind": "topic_only"}`). The verdicts are named and
//! explained in `docs/conventions.md` (Explaining a parse).

use crate::model::{Readout, Span};
use crate::parse::trace::Trace;
use serde::Serialize;

/// A readout and, for every sentence of it, why it made statements or none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The readout, exactly as [`parse`](crate::parse()) makes it from the same text.
    pub readout: Readout,
    /// The `date YYYY-MM-DD` line at the top of the text, if any: a header, no sentence.
    pub date_line: Option<Span>,
    /// The dateline that opens the first paragraph ("Asterholm, 4 March 2026 –"), if any: the
    /// event's date and place, left out of the first sentence.
    pub dateline: Option<Span>,
    /// Every sentence of the readout, in text order (not one that only the dateline was).
    pub sentences: Vec<SentenceNote>,
}

/// One sentence and what the parser made of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceNote {
    /// The sentence in [`Source::text`](crate::model::Source::text).
    pub span: Span,
    /// The kind of block the sentence is in.
    pub block: BlockNote,
    /// Zero-based paragraph index, as in [`Statement::paragraph`](crate::model::Statement).
    pub paragraph: usize,
    /// The statements the sentence made: indices of [`Readout::statements`], in order (a
    /// direct quote of several sentences makes several).
    pub statements: Vec<usize>,
    /// Why it made them, or why it made none.
    pub verdict: Verdict,
    /// Every reporting frame found in the sentence, in order, and what became of it.
    pub frames: Vec<FrameNote>,
    /// The reporting verbs of the sentence that made no frame, and why.
    pub verbs: Vec<VerbNote>,
}

/// The kind of block a sentence is in (the layout pass's decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockNote {
    /// A headline, or a numbered section heading.
    Heading,
    /// A paragraph of prose.
    Prose,
    /// An item of a list (a bullet or number line, or a line after a line ending in ":").
    ListItem,
    /// A transcript turn; `label` is the speaker label before the colon.
    Turn { label: Span },
    /// A "(Source: …)" line.
    SourceLine,
    /// A line of the publisher's page pasted with the readout ("For Immediate Release …",
    /// "From:", "Published"; `data/page_lines.tsv`).
    PageLine,
}

/// Why a sentence made its statements, or why it made none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    // Verdicts that make statements.
    /// Its reporting frames whose subjects name participants made them (see
    /// [`SentenceNote::frames`], outcome [`FrameOutcome::Statement`]).
    Frames,
    /// No frame of its own: it continues the statement before it in the paragraph, by the
    /// same speakers (verb `continued`).
    Continued,
    /// An item of a list introduced by a frame ending in ":" ("The leaders agreed on the
    /// following:"): the frame's speakers and verb.
    ListItem,
    /// A transcript turn: the label's speaker said it (verb `said`, then `continued`).
    Turn,
    /// No frame, but a participant opens it and its purpose gives their words ("X called Y
    /// to congratulate him on …", `data/purpose_verbs.txt`): the infinitive is the verb.
    Purpose,

    // Verdicts that make none.
    /// A headline or section heading.
    Heading,
    /// A "(Source: …)" line.
    SourceLine,
    /// A line of the publisher's page, not of the readout ("THE WHITE HOUSE", "Published").
    PageLine,
    /// Names who attended ("… were present"), never a statement.
    AttendeeLine,
    /// Only addresses the audience ("Mr President, friends,").
    Vocative,
    /// A subject that could mean several participants ("The President" in a meeting of two
    /// presidents): left unattributed rather than guessed; `diagnostic` is the readout's.
    AmbiguousSubject { diagnostic: String },
    /// A reporting frame whose subject names no participant ("The ministry said …"), and no
    /// earlier speaker in the paragraph; `diagnostic` is the readout's.
    SubjectNotParticipant { diagnostic: String },
    /// Opens with a participant acting, not speaking ("X held talks with Y", "X welcomed Y to
    /// Z"): narrative or ceremony.
    ParticipantActing,
    /// Names no one: an indefinite subject ("Several Ministers stressed …"); `diagnostic` is
    /// the readout's.
    IndefiniteSubject { diagnostic: String },
    /// Opens with a joint or plural subject and has no reporting frame ("The two leaders held
    /// talks", "Leaders will meet again"), outside a joint proposal that continues a speaker.
    JointNarrative,
    /// A passive that only tells what happened ("Talks were held …",
    /// `data/narrative_participles.txt`).
    NarrativePassive,
    /// Only says what the sides talked about ("They exchanged views on …"): topics, no words.
    TopicOnly,
    /// No reporting frame, and no earlier statement in the paragraph to continue.
    NoFrame,
    /// Ends in ":" and introduces a list: the items after it are statements of `speakers`
    /// with `verb`; the line itself is none.
    ListIntro { speakers: Vec<String>, verb: String },
    /// A transcript turn whose label is a role ("Moderator", "Question"), not a participant.
    RoleLabel,
    /// A transcript turn whose label names no participant; `diagnostic` is the readout's.
    UnknownLabel { diagnostic: String },
    /// Frames name participants, but what they report is empty once quotes and punctuation
    /// are trimmed.
    EmptyContent,
    /// Made statements that the corpus limits then dropped (a speaker past the most
    /// participants a readout keeps).
    Dropped,
}

impl Verdict {
    /// True for the verdicts under which a sentence makes statements.
    pub fn makes_statements(&self) -> bool {
        matches!(
            self,
            Verdict::Frames
                | Verdict::Continued
                | Verdict::ListItem
                | Verdict::Turn
                | Verdict::Purpose
        )
    }
}

/// One reporting frame ("X stressed that …", "…, X said.", "It was agreed that …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameNote {
    /// The verb as written ("pointed out"); for an impersonal frame, the verb its statements
    /// are labelled with.
    pub verb: String,
    /// The verb's class: one of `crates/core/data/reporting_verbs.tsv` (`say`, `addressee`,
    /// `that`, `welcome`), or `impersonal` (`data/impersonal_frames.tsv`), or `according_to`.
    pub class: String,
    /// Its subject, before it is resolved.
    pub subject: SubjectNote,
    /// Set for a frame after its content ("…, X said.").
    pub trailing: bool,
    /// What it reports, before quotes and punctuation are trimmed.
    pub content: Span,
    /// Whom the subject resolved to (participants' names), empty when it resolved to no one.
    pub speakers: Vec<String>,
    /// How the subject was resolved, when it was.
    pub resolved_by: Option<Resolution>,
    /// What became of the frame.
    pub outcome: FrameOutcome,
    /// When the subject is ambiguous: the participants it could mean (names).
    pub candidates: Vec<String>,
}

/// A frame's subject as the frame scanner read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SubjectNote {
    /// Named people ("President Varga-Holm", "A and B", "The President and the Prime
    /// Minister"), as written.
    Names { text: String },
    /// "He", "She".
    Pronoun,
    /// "They", "The two sides", "Both leaders".
    Joint,
    /// A title without a name ("The Premier").
    Title { title: String },
    /// A leader by country or its adjective ("The Arvelian leader").
    Nationality { hint: String },
    /// No one named ("Hope was expressed …", "It was agreed …").
    Impersonal,
    /// Some of those present, unnamed ("Several Ministers", "A number of delegations").
    Indefinite,
}

/// How a subject was resolved to participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Each name is a participant's (a bare title in a group: the one leader with it).
    Names,
    /// "He"/"She": the last single speaker.
    LastSpeaker,
    /// A joint subject, or an impersonal frame opening a paragraph: every leader.
    EveryLeader,
    /// An impersonal frame after a statement: the paragraph's last speakers.
    ParagraphSpeakers,
    /// The one leader with the title (or whose title it shortens).
    Title,
    /// The one leader of the country.
    Nationality,
}

/// What became of a reporting frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameOutcome {
    /// Its subject names participants and it opens a new speaker's clause: it made a
    /// statement (or introduced a list, see [`Verdict::ListIntro`]).
    Statement,
    /// Its subject names no participant.
    Unresolved,
    /// Its subject could mean several participants.
    Ambiguous,
    /// It lies inside the topic of a topic-only sentence ("discussed progress made since they
    /// announced …"): it reports nothing.
    InsideTopic,
    /// A later frame that starts no new clause (no comma, semicolon or joiner before its
    /// subject): part of the earlier frame's content.
    NotNewClause,
    /// A later frame of the same speakers as the first: part of its content.
    SameSpeakers,
    /// A later frame whose content starts before the first frame's.
    Earlier,
    /// Not read: the block decides (a transcript turn's label, a list item's introducing
    /// line, a heading).
    NotRead,
}

/// A reporting verb that made no frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbNote {
    /// The verb as written.
    pub verb: String,
    /// Where it is.
    pub span: Span,
    /// Why it made no frame.
    pub reason: VerbReason,
}

/// Why a reporting verb made no frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbReason {
    /// Nothing before it reads as a subject (a name, a pronoun, a joint phrase, a title).
    NoSubject,
    /// A verb of the `that` class without "that" after it ("maintained close exchanges").
    NoThat,
    /// A `welcome` verb that only welcomes a named guest to a place: ceremony.
    Ceremony,
}

/// The explanation of `readout` from the parser's `trace`. The trace counts the statements
/// the parser drafted; [`limits::fit`](crate::limits::fit) may have dropped some since, and
/// it never renumbers: a statement's id still ends in its draft's number (`-s<n>`).
pub(crate) fn assemble(readout: Readout, trace: Trace) -> Explanation {
    let drafted = trace
        .sentences
        .iter()
        .map(|s| s.drafts.end)
        .max()
        .unwrap_or(0);
    let mut statement_of_draft: Vec<Option<usize>> = vec![None; drafted];
    for (k, statement) in readout.statements.iter().enumerate() {
        let number = statement
            .id
            .rsplit_once("-s")
            .and_then(|(_, n)| n.parse::<usize>().ok());
        if let Some(slot) = number.and_then(|n| statement_of_draft.get_mut(n.wrapping_sub(1))) {
            *slot = Some(k);
        }
    }
    let mut verbs = trace.verbs;
    let sentences = trace
        .sentences
        .into_iter()
        .enumerate()
        // A sentence that was only the dateline is left empty by it: the dateline is listed.
        .filter(|(_, traced)| !traced.span.is_empty() || !traced.drafts.is_empty())
        .map(|(i, traced)| {
            let statements: Vec<usize> = traced
                .drafts
                .clone()
                .filter_map(|d| statement_of_draft.get(d).copied().flatten())
                .collect();
            // Every path of the statements pass decides; a sentence without a verdict would
            // be a parser path that records none, shown as making no statement.
            let mut verdict = traced.verdict.unwrap_or(Verdict::NoFrame);
            if verdict.makes_statements() && statements.is_empty() {
                verdict = Verdict::Dropped;
            }
            SentenceNote {
                span: traced.span,
                block: traced.block,
                paragraph: traced.paragraph,
                statements,
                verdict,
                frames: traced.frames,
                verbs: verbs.get_mut(i).map(std::mem::take).unwrap_or_default(),
            }
        })
        .collect();
    Explanation {
        readout,
        date_line: trace.date_line,
        dateline: trace.dateline,
        sentences,
    }
}
