//! `readouts parse --explain [--json] FILE...`: for every sentence of each readout, whether it
//! became a statement and why, from [`readouts_core::explain()`] (the parser's own record of
//! its decisions). The plain text is for a person reading it; `--json` prints the
//! [`Explanation`]s as they are, one object per file in an array (see [`Explained`]).

use crate::fsio::{read_text, Accept, Failure, READOUT_CAP};
use crate::load::split_header;
use readouts_core::explain::{
    BlockNote, Explanation, FrameNote, FrameOutcome, Resolution, SentenceNote, SubjectNote,
    VerbNote, VerbReason, Verdict,
};
use readouts_core::{Readout, Span};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One file's explanation, as `--json` prints it: `{"file", "header_lines", "readout",
/// "date_line", "dateline", "sentences"}`. Spans index `readout.source.text`, the readout
/// text after the file's header (`header_lines` lines long).
#[derive(Serialize)]
pub struct Explained {
    pub file: String,
    pub header_lines: usize,
    #[serde(flatten)]
    pub explanation: Explanation,
}

/// Reads and explains each file, in order. Every file that cannot be read is reported on
/// stderr, and the result is then an error.
pub fn explain_files(files: &[PathBuf]) -> Result<Vec<Explained>, Failure> {
    let mut explained = Vec::with_capacity(files.len());
    let mut failed = 0usize;
    for path in files {
        match read_text(path, READOUT_CAP, Accept::Named).and_then(|text| explain(path, &text)) {
            Ok(one) => explained.push(one),
            Err(failure) => {
                failed += 1;
                eprintln!("error: {failure}");
            }
        }
    }
    if failed > 0 {
        return Err(Failure::reported());
    }
    Ok(explained)
}

/// Explains the text of the readout file `path`: the header is split off and applied as
/// `readouts parse` does.
fn explain(path: &Path, text: &str) -> Result<Explained, Failure> {
    let split = split_header(path, text)?;
    let mut explanation = readouts_core::explain_known(split.body, split.header.known());
    split.header.apply(&mut explanation.readout);
    Ok(Explained {
        file: path.display().to_string(),
        header_lines: split.header_lines,
        explanation,
    })
}

/// The explanations as JSON (an array, one object per file).
pub fn to_json(explained: &[Explained]) -> String {
    let mut json = serde_json::to_string_pretty(explained).expect("explanations serialize");
    json.push('\n');
    json
}

/// The explanations as text for a person: per file, a summary, the participants and the
/// readout's diagnostics, then every sentence with its place (`line:column` in the file), an
/// excerpt, the verdict, the statements it made, its frames and the verbs that made none.
pub fn to_text(explained: &[Explained]) -> String {
    let mut out = String::new();
    for (n, one) in explained.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        write_file(&mut out, one);
    }
    out
}

/// The most characters of a sentence, a subject or a statement shown.
const EXCERPT_CHARS: usize = 72;

fn write_file(out: &mut String, one: &Explained) {
    let e = &one.explanation;
    let r = &e.readout;
    let at = Locator::new(&r.source.text, one.header_lines);
    let made = e.sentences.iter().filter(|s| !s.statements.is_empty());
    let _ = writeln!(
        out,
        "{}: {} ({} make statements), {}, {}",
        one.file,
        plural(e.sentences.len(), "sentence"),
        made.count(),
        plural(r.statements.len(), "statement"),
        plural(r.participants.len(), "participant"),
    );
    for p in &r.participants {
        let about = [p.title.as_deref(), p.country.as_deref()];
        let about: Vec<&str> = about.into_iter().flatten().collect();
        let role = format!("{:?}", p.role).to_lowercase();
        let _ = write!(out, "  participant {} ({role}", p.name);
        for a in about {
            let _ = write!(out, ", {a}");
        }
        let _ = writeln!(out, ")");
    }
    for d in &r.diagnostics {
        let level = format!("{:?}", d.level).to_lowercase();
        match d.span {
            Some(span) => {
                let _ = writeln!(out, "  {level} at {}: {}", at.place(span.start), d.message);
            }
            None => {
                let _ = writeln!(out, "  {level}: {}", d.message);
            }
        }
    }
    if let Some(span) = e.date_line {
        let _ = writeln!(
            out,
            "  {} date line {}: the publication date, not a sentence",
            at.place(span.start),
            quoted(&r.source.text, span),
        );
    }
    if let Some(span) = e.dateline {
        let _ = writeln!(
            out,
            "  {} dateline {}: the event's date and place, not part of the sentence",
            at.place(span.start),
            quoted(&r.source.text, span),
        );
    }
    for sentence in &e.sentences {
        write_sentence(out, r, &at, sentence);
    }
}

fn write_sentence(out: &mut String, r: &Readout, at: &Locator, s: &SentenceNote) {
    let text = &r.source.text;
    let block = match s.block {
        BlockNote::Heading => "heading".to_string(),
        BlockNote::Prose => "prose".to_string(),
        BlockNote::ListItem => "list item".to_string(),
        BlockNote::Turn { label } => format!("turn of {}", quoted(text, label)),
        BlockNote::SourceLine => "source line".to_string(),
        BlockNote::PageLine => "page line".to_string(),
    };
    let _ = writeln!(
        out,
        "\n{} paragraph {}, {block}: {}",
        at.place(s.span.start),
        s.paragraph + 1,
        quoted(text, s.span),
    );
    let _ = writeln!(out, "  {}", verdict(&s.verdict));
    if let Verdict::AmbiguousSubject { diagnostic }
    | Verdict::IndefiniteSubject { diagnostic }
    | Verdict::SubjectNotParticipant { diagnostic }
    | Verdict::UnknownLabel { diagnostic } = &s.verdict
    {
        let _ = writeln!(out, "  diagnostic: {diagnostic}");
    }
    for &k in &s.statements {
        let Some(st) = r.statements.get(k) else {
            continue;
        };
        let names: Vec<&str> = st
            .speakers
            .iter()
            .map(|id| {
                r.participants
                    .iter()
                    .find(|p| p.id == *id)
                    .map_or(id.as_str(), |p| p.name.as_str())
            })
            .collect();
        let number = st.id.rsplit_once("-s").map_or(st.id.as_str(), |(_, n)| n);
        let _ = writeln!(
            out,
            "  statement {number}: {} {}: {}",
            names.join(" and "),
            st.verb,
            excerpt(&st.text),
        );
    }
    // Where the block decides (a turn's label, a list's ":" line, a heading), the frames and
    // verbs inside the sentence were not read: `--json` lists them, the text leaves them out.
    if block_decided(s) {
        return;
    }
    for frame in &s.frames {
        let intro = matches!(s.verdict, Verdict::ListIntro { .. });
        let _ = writeln!(out, "  frame: {}", frame_line(text, frame, intro));
    }
    for verb in &s.verbs {
        let _ = writeln!(out, "  verb: {}", verb_line(verb));
    }
}

/// True when the sentence's block, not its words, decided its verdict.
fn block_decided(s: &SentenceNote) -> bool {
    match s.verdict {
        Verdict::Turn
        | Verdict::ListItem
        | Verdict::Heading
        | Verdict::SourceLine
        | Verdict::PageLine
        | Verdict::RoleLabel
        | Verdict::UnknownLabel { .. } => true,
        Verdict::Vocative => matches!(s.block, BlockNote::Turn { .. }),
        _ => false,
    }
}

/// The verdict in words.
fn verdict(v: &Verdict) -> String {
    let said = match v {
        Verdict::Frames => "statement: its reporting frame names participants",
        Verdict::Continued => {
            "statement: no frame of its own; it continues the paragraph's last speakers"
        }
        Verdict::ListItem => "statement: an item of the list its \":\" line introduced",
        Verdict::Turn => "statement: a transcript turn, said by the label's speaker",
        Verdict::Purpose => {
            "statement: no frame, but the purpose of what its opening participant did gives their words"
        }
        Verdict::Heading => "no statement: a heading",
        Verdict::SourceLine => "no statement: a source line",
        Verdict::PageLine => "no statement: a line of the publisher's page, not the readout",
        Verdict::AttendeeLine => "no statement: names who attended",
        Verdict::Vocative => "no statement: only addresses the audience",
        Verdict::AmbiguousSubject { .. } => {
            "no statement: the subject could mean several participants, left unattributed"
        }
        Verdict::SubjectNotParticipant { .. } => {
            "no statement: no frame's subject is a participant, and no earlier speaker in the paragraph"
        }
        Verdict::ParticipantActing => {
            "no statement: opens with a participant acting, not speaking (narrative or ceremony)"
        }
        Verdict::IndefiniteSubject { .. } => {
            "no statement: an indefinite subject (\"Several Ministers\") names no one"
        }
        Verdict::NarrativePassive => {
            "no statement: a passive that only tells what happened (narrative)"
        }
        Verdict::JointNarrative => {
            "no statement: opens with a joint or plural subject and has no reporting frame (narrative)"
        }
        Verdict::TopicOnly => {
            "no statement: topic-only (says what was discussed, not what was said)"
        }
        Verdict::NoFrame => {
            "no statement: no reporting frame, and no earlier statement in the paragraph to continue"
        }
        Verdict::ListIntro { speakers, verb } => {
            return format!(
                "no statement: introduces a list; its items are statements of {} ({verb})",
                speakers.join(" and ")
            )
        }
        Verdict::RoleLabel => "no statement: a transcript turn of a role, not a participant",
        Verdict::UnknownLabel { .. } => "no statement: the transcript label names no participant",
        Verdict::EmptyContent => {
            "no statement: its frame reports nothing once quotes and punctuation are trimmed"
        }
        Verdict::Dropped => "no statement: its statements were dropped by the corpus limits",
    };
    said.to_string()
}

/// `subject names "President Lind", verb "said" (say) → Ana Lind, by name: makes the
/// statement`.
/// `intro`: the sentence introduces a list, which its statement-making frame does instead.
fn frame_line(text: &str, f: &FrameNote, intro: bool) -> String {
    let subject = match &f.subject {
        SubjectNote::Names { text } => format!("names \"{}\"", excerpt(text)),
        SubjectNote::Pronoun => "a pronoun".to_string(),
        SubjectNote::Joint => "a joint subject".to_string(),
        SubjectNote::Title { title } => format!("the title \"{title}\""),
        SubjectNote::Nationality { hint } => format!("the nationality \"{hint}\""),
        SubjectNote::Impersonal => "impersonal".to_string(),
        SubjectNote::Indefinite => "an indefinite subject".to_string(),
    };
    let position = if f.trailing {
        ", after its content"
    } else {
        ""
    };
    let mut line = format!(
        "subject {subject}, verb \"{}\" ({}){position}",
        f.verb, f.class
    );
    if !f.speakers.is_empty() {
        let by = match f.resolved_by {
            Some(Resolution::Names) => ", by name",
            Some(Resolution::LastSpeaker) => ", the last single speaker",
            Some(Resolution::EveryLeader) => ", every leader",
            Some(Resolution::ParagraphSpeakers) => ", the paragraph's last speakers",
            Some(Resolution::Title) => ", the one leader with that title",
            Some(Resolution::Nationality) => ", the one leader of that country",
            None => "",
        };
        let _ = write!(line, " → {}{by}", f.speakers.join(" and "));
    }
    let outcome = match f.outcome {
        FrameOutcome::Statement if intro => "introduces the list",
        FrameOutcome::Statement => "makes the statement",
        FrameOutcome::Unresolved => "the subject names no participant",
        FrameOutcome::Ambiguous => "the subject could mean several participants",
        FrameOutcome::InsideTopic => "inside the topic of a topic-only sentence: reports nothing",
        FrameOutcome::NotNewClause => "starts no new clause: part of the first frame's content",
        FrameOutcome::SameSpeakers => "the first frame's speakers: part of its content",
        FrameOutcome::Earlier => "before the first frame's content: part of it",
        FrameOutcome::NotRead => "not read: the block decides",
    };
    let _ = write!(line, ": {outcome}");
    if !f.candidates.is_empty() {
        let _ = write!(line, " ({})", f.candidates.join(" or "));
    }
    // A statement's text is shown with it; another frame's content is shown here.
    if f.outcome != FrameOutcome::Statement {
        let _ = write!(line, "; content {}", quoted(text, f.content));
    }
    line
}

/// "\"maintained\" made no frame: no \"that\" after it".
fn verb_line(v: &VerbNote) -> String {
    let why = match v.reason {
        VerbReason::NoSubject => "nothing before it reads as a subject",
        VerbReason::NoThat => "a verb of the that class without \"that\" after it",
        VerbReason::Ceremony => "only welcomes a guest to a place: ceremony",
    };
    format!("\"{}\" made no frame: {why}", v.verb)
}

/// `n word` or `n words`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The text of `span`, quoted, on one line, at most [`EXCERPT_CHARS`] characters.
fn quoted(text: &str, span: Span) -> String {
    format!(
        "\"{}\"",
        excerpt(text.get(span.start..span.end).unwrap_or(""))
    )
}

/// `s` on one line (each run of whitespace one space), cut at [`EXCERPT_CHARS`] characters
/// with "…".
fn excerpt(s: &str) -> String {
    let mut out = String::new();
    for (n, word) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    match out.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => {
            out.truncate(cut);
            out.push('…');
            out
        }
        None => out,
    }
}

/// Byte offsets of the readout text → `line:column` in the file (lines counted from 1 with
/// the header's, columns in characters from 1).
struct Locator<'a> {
    text: &'a str,
    header_lines: usize,
    /// Where each line of the text starts.
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, header_lines: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            text,
            header_lines,
            line_starts,
        }
    }

    fn place(&self, offset: usize) -> String {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset.max(start))
            .map_or(0, |s| s.chars().count());
        format!("{}:{}", self.header_lines + line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_after_the_header_and_columns_in_characters() {
        let at = Locator::new("ab\nçd\n", 2);
        assert_eq!(at.place(0), "3:1");
        assert_eq!(at.place(3), "4:1");
        assert_eq!(at.place(5), "4:2");
    }

    #[test]
    fn excerpts_are_one_line_and_cut() {
        assert_eq!(excerpt("a\n  b"), "a b");
        let long = "x".repeat(EXCERPT_CHARS + 5);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
