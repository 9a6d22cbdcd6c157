//! Pass 3, statements: sentences → statement drafts, block by block (frames, continuations,
//! joint subjects, transcript turns, lists). A draft refers to its speakers as a range of one
//! list of every speaker list, and to its text as a byte range.

use super::cast::{is_role_label, with_label_mention};
use super::distinct::SCANNED;
use super::frames::{is_adverb, passive_participle, plural_subject_before, Frame, SubjectRef};
use super::lexicon;
use super::lexicon::country_for_adjective;
use super::people::{self, People};
use super::segment::{self, BlockKind};
use super::sentences::Sentence;
use super::tokens::{is_capitalized, is_double_quote, strip_possessive, Token};
use super::trace::Trace;
use super::work;
use crate::explain::{FrameOutcome, Resolution, Verdict};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::*;
use std::borrow::Cow;
use std::ops::Range;

/// The statement drafts of the readout, block by block, and the speaker lists their
/// `speakers` are ranges of. `mention_persons`: the person each mention names. `trace`, when
/// explaining, gets each sentence's verdict.
pub(super) fn read(
    text: &str,
    blocks: &[segment::Block],
    sentences: &[Sentence],
    mention_persons: &[Option<usize>],
    people: &mut People,
    diagnostics: &mut Vec<Diagnostic>,
    trace: Option<&mut Trace>,
) -> (Vec<Draft>, Vec<usize>) {
    let mut builder = Statements::new(text, mention_persons, sentences.len());
    builder.trace = trace;
    builder.told_by = headline_possessor(blocks, sentences, mention_persons, people);
    // Sentences are in block order: each block's are the next run of them.
    let mut rest: &[Sentence] = sentences;
    for (b, block) in blocks.iter().enumerate() {
        builder.first_sentence = sentences.len() - rest.len();
        let (block_sentences, tail) =
            rest.split_at(rest.iter().take_while(|s| s.block == b).count());
        rest = tail;
        builder.block(block, block_sentences, people, diagnostics);
    }
    builder.learn_role_aliases(blocks, sentences, people);
    (builder.drafts, builder.speaker_lists)
}

/// The principal when the headline names the readout as theirs ("Readout of President
/// Maren Holtby's Call with President Idris Kalovan of …", the White House's): the leader
/// told about, whom a bare title means even when another leader holds it too.
fn headline_possessor(
    blocks: &[segment::Block],
    sentences: &[Sentence],
    mention_persons: &[Option<usize>],
    people: &People,
) -> Option<usize> {
    let headline = sentences
        .iter()
        .take_while(|s| blocks[s.block].kind != BlockKind::Prose)
        .find(|s| blocks[s.block].kind == BlockKind::Heading)?;
    let (at, _) = headline.mentions.iter().enumerate().find(|(_, m)| {
        let last = headline
            .words
            .get(m.last.wrapping_sub(1))
            .copied()
            .unwrap_or("");
        m.has_name() && strip_possessive(last).len() < last.len()
    })?;
    let p = mention_persons
        .get(headline.mentions_from + at)
        .copied()??;
    (people.persons[p].role == Role::Principal).then_some(p)
}

/// A statement before ids are assigned.
pub(super) struct Draft {
    /// A range of [`Statements::speaker_lists`]: indices into the people.
    pub(super) speakers: Range<usize>,
    pub(super) verb: Cow<'static, str>,
    /// Where the statement's text lies in the normalized text.
    pub(super) text: Span,
    pub(super) span: Span,
    pub(super) paragraph: usize,
    pub(super) topics: Vec<Cow<'static, str>>,
}

/// Pass 3: turns sentences into statements, block by block.
pub(super) struct Statements<'t> {
    pub(super) text: &'t str,
    /// The person each mention of the readout names, if any.
    pub(super) mention_persons: &'t [Option<usize>],
    pub(super) drafts: Vec<Draft>,
    /// The last single speaker, for "he" and "she".
    pub(super) last_single: Option<usize>,
    /// Every speaker list, one after the other; drafts and frames refer to ranges of it, so a
    /// list shared by several statements ("continued") is stored once.
    pub(super) speaker_lists: Vec<usize>,
    /// The speakers and verb of a line ending in ":" whose items follow.
    pub(super) list_frame: Option<(Range<usize>, Cow<'static, str>)>,
    /// A sentence in ASCII lowercase, for phrase tests (one buffer for all).
    pub(super) lower: String,
    /// The frames of the current sentence that name participants: their speakers and their
    /// index among the sentence's frames (one buffer for all).
    pub(super) resolved: Vec<(Range<usize>, usize)>,
    /// The leaders by title, country and adjective, once a subject needs them (`Some(None)`
    /// when the readout has few enough people to scan).
    pub(super) leaders: Option<Option<LeaderIndex>>,
    /// Every leader as a range of the speaker lists ("They …"), once needed; `None` inside
    /// when fewer than two.
    pub(super) joint: Option<Option<Range<usize>>>,
    /// Set when a subject of the current sentence could mean several participants ("The
    /// President" in a meeting of two presidents): the sentence is then left unattributed.
    pub(super) ambiguous: bool,
    /// The label of the transcript turn that has made a statement, while the text is in it.
    pub(super) turn_spoken: Option<Span>,
    /// The principal the headline names as the readout's ([`headline_possessor`]).
    pub(super) told_by: Option<usize>,
    /// When explaining: the record of each sentence's verdict ([`Statements::decide`]).
    pub(super) trace: Option<&'t mut Trace>,
    /// The readout-wide index of the current block's first sentence (for the trace).
    pub(super) first_sentence: usize,
}

/// The leaders by what a subject may call them ("The President", "the Arvelian leader"), made
/// once per readout when it has more than [`SCANNED`] people (fewer are scanned): the people's
/// roles, titles and countries do not change while statements are read. Each list ascends.
pub(super) struct LeaderIndex {
    pub(super) by_title: FxHashMap<String, Vec<usize>>,
    pub(super) by_country: FxHashMap<String, Vec<usize>>,
    pub(super) by_adjective: FxHashMap<String, Vec<usize>>,
}

impl LeaderIndex {
    pub(super) fn new(people: &People) -> Option<Self> {
        if people.persons.len() <= SCANNED {
            return None;
        }
        let mut index = LeaderIndex {
            by_title: FxHashMap::default(),
            by_country: FxHashMap::default(),
            by_adjective: FxHashMap::default(),
        };
        for p in people.leaders() {
            let person = &people.persons[p];
            let lists = [
                (&mut index.by_title, &person.title),
                (&mut index.by_country, &person.country),
                (&mut index.by_adjective, &person.adjective),
            ];
            for (map, key) in lists {
                if let Some(key) = key {
                    map.entry(key.clone()).or_default().push(p);
                }
            }
            if person.chair {
                let chairs = index.by_title.entry(people::CHAIR.to_string());
                chairs.or_default().push(p);
            }
        }
        Some(index)
    }
}

/// The leaders titled `title`, in order: from the index if there is one.
pub(super) fn leaders_titled<'a>(
    index: Option<&'a LeaderIndex>,
    people: &'a People,
    title: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let listed = index.map(|index| {
        let list = index.by_title.get(title).map_or(&[][..], Vec::as_slice);
        list.iter().copied()
    });
    let scanned = index.is_none().then(|| people.leaders_titled(title));
    listed
        .into_iter()
        .flatten()
        .chain(scanned.into_iter().flatten())
}

/// The one leader a nationality names ("Arvelian", "Arvelia"): by a country the hint is,
/// whose adjective it is, or that its stem may spell, or by the adjective itself; `None` when
/// no leader or several fit.
pub(super) fn leader_of_nationality(
    index: Option<&LeaderIndex>,
    people: &People,
    hint: &str,
) -> Option<usize> {
    let lex = lexicon::lexicon();
    let Some(index) = index else {
        let country = lex.demonyms.get(hint).copied();
        let mut fits = people.leaders().filter(|&p| {
            let person = &people.persons[p];
            let c = person.country.as_deref();
            c.is_some_and(|c| {
                c == hint || Some(c) == country || country_for_adjective(hint, |g| g == c).is_some()
            }) || person.adjective.as_deref() == Some(hint)
        });
        return match (fits.next(), fits.next()) {
            (Some(one), None) => Some(one),
            (Some(_), Some(_)) => None,
            // "The Dravonian side stressed …" when no leader is known to be of Dravonia: the one
            // leader whose country is not known yet (the other side is known). Few people only:
            // the index of many is made from countries that must not change.
            (None, _) => {
                // "The Aurean Council president": the one leader of an institution, if one.
                if hint
                    .rsplit(' ')
                    .next()
                    .is_some_and(people::is_institution_word)
                {
                    let mut heads = people.leaders().filter(|&p| people.persons[p].institution);
                    if let (Some(one), None) = (heads.next(), heads.next()) {
                        return Some(one);
                    }
                }
                let mut free = people.leaders().filter(|&p| {
                    let person = &people.persons[p];
                    person.country.is_none() && person.adjective.is_none()
                });
                let one = free.next()?;
                free.next().is_none().then_some(one)
            }
        };
    };
    let mut found: Option<usize> = None;
    let mut several = false;
    let mut take = |list: Option<&Vec<usize>>| {
        for &p in list.map_or(&[][..], Vec::as_slice) {
            work::add(1);
            match found {
                Some(q) if q != p => several = true,
                _ => found = Some(p),
            }
            if several {
                return true;
            }
        }
        false
    };
    let mut done = take(index.by_country.get(hint))
        || take(index.by_adjective.get(hint))
        || lex
            .demonyms
            .get(hint)
            .is_some_and(|c| take(index.by_country.get(*c)));
    if !done {
        country_for_adjective(hint, |stem| {
            done = take(index.by_country.get(stem));
            done
        });
    }
    found.filter(|_| !several)
}

impl<'t> Statements<'t> {
    /// `sentences`: how many the readout has (about as many statements are likely).
    pub(super) fn new(
        text: &'t str,
        mention_persons: &'t [Option<usize>],
        sentences: usize,
    ) -> Self {
        Statements {
            text,
            mention_persons,
            drafts: Vec::with_capacity(sentences),
            // Joint statements have two speakers or more.
            speaker_lists: Vec::with_capacity(2 * sentences),
            last_single: None,
            list_frame: None,
            lower: String::with_capacity(256),
            resolved: Vec::new(),
            leaders: None,
            joint: None,
            ambiguous: false,
            turn_spoken: None,
            told_by: None,
            trace: None,
            first_sentence: 0,
        }
    }

    /// When explaining: notes the verdict of the current block's sentence `i`, made with the
    /// drafts from `drafts_from` on. `verdict` is called only then.
    fn decide(
        &mut self,
        i: usize,
        sentence: &Sentence,
        drafts_from: usize,
        verdict: impl FnOnce() -> Verdict,
    ) {
        if let Some(trace) = self.trace.as_deref_mut() {
            let drafts = drafts_from..self.drafts.len();
            trace.decide(
                self.first_sentence + i,
                sentence,
                self.text,
                drafts,
                verdict(),
            );
        }
    }

    /// When explaining: notes what became of frame `f` of the sentence being read.
    fn fate(
        &mut self,
        f: usize,
        outcome: FrameOutcome,
        speakers: Option<&Range<usize>>,
        resolved_by: Option<Resolution>,
        people: &People,
    ) {
        if let Some(trace) = self.trace.as_deref_mut() {
            let speakers = speakers.map_or(&[][..], |r| &self.speaker_lists[r.clone()]);
            trace.fate(f, outcome, speakers, resolved_by, people);
        }
    }

    pub(super) fn push(
        &mut self,
        speakers: Range<usize>,
        verb: Cow<'static, str>,
        content: Span,
        span: Span,
        paragraph: usize,
    ) {
        let text = clean_content(self.text, content);
        // Content of punctuation alone ("…, and B accepted.") is none.
        let has_words = self.text[text.range()].chars().any(char::is_alphanumeric);
        if !has_words || speakers.is_empty() {
            return;
        }
        if speakers.len() == 1 {
            self.last_single = Some(self.speaker_lists[speakers.start]);
        }
        self.drafts.push(Draft {
            speakers,
            verb,
            text,
            span,
            paragraph,
            topics: Vec::new(),
        });
    }

    /// Pushes a frame's content; a direct quote of several sentences ('X said: "A. B."') gives
    /// one statement per quoted sentence, the first with the frame's verb, the rest `continued`
    /// (fixtures README decision).
    fn push_quoted(
        &mut self,
        speakers: Range<usize>,
        verb: Cow<'static, str>,
        content: Span,
        span: Span,
        paragraph: usize,
    ) {
        let inner = clean_content(self.text, content);
        let quoted = self.text[..inner.start].ends_with(is_double_quote);
        let mut verb = verb;
        let mut start = inner.start;
        if quoted {
            let body = &self.text[inner.range()];
            let bytes = body.as_bytes();
            for (i, _) in body.match_indices(['.', '!', '?']) {
                let next = body[i + 1..].strip_prefix(' ');
                if next.is_some_and(|n| n.starts_with(char::is_uppercase))
                    && !(i > 0 && bytes[i - 1].is_ascii_uppercase())
                {
                    let end = inner.start + i + 1;
                    self.push(
                        speakers.clone(),
                        verb,
                        Span::new(start, end),
                        span,
                        paragraph,
                    );
                    verb = Cow::Borrowed("continued");
                    start = end;
                }
            }
        }
        self.push(speakers, verb, Span::new(start, inner.end), span, paragraph);
    }

    pub(super) fn block(
        &mut self,
        block: &segment::Block,
        sentences: &[Sentence],
        people: &mut People,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        match block.kind {
            BlockKind::Heading | BlockKind::SourceLine | BlockKind::PageLine => {
                self.list_frame = None;
                for (i, s) in sentences.iter().enumerate() {
                    self.decide(i, s, self.drafts.len(), || match block.kind {
                        BlockKind::Heading => Verdict::Heading,
                        BlockKind::PageLine => Verdict::PageLine,
                        _ => Verdict::SourceLine,
                    });
                }
            }
            BlockKind::ListItem => match self.list_frame.clone() {
                Some((speakers, verb)) => {
                    for (i, s) in sentences.iter().enumerate() {
                        let from = self.drafts.len();
                        self.push(
                            speakers.clone(),
                            verb.clone(),
                            s.span,
                            s.span,
                            block.paragraph,
                        );
                        self.decide(i, s, from, || Verdict::ListItem);
                    }
                }
                None => self.prose(block, sentences, people, diagnostics),
            },
            BlockKind::Turn { label } => {
                self.list_frame = None;
                let label_text = &self.text[label.start..label.end];
                let leaders = self.leaders.get_or_insert_with(|| LeaderIndex::new(people));
                let (speaker, role_label) = with_label_mention(label_text, |m| {
                    let speaker = m.and_then(|m| match (&m.title, m.has_name()) {
                        (_, true) => people.find(&m.name),
                        (Some(title), false) => {
                            leaders_titled(leaders.as_ref(), people, title).next()
                        }
                        (None, false) => None,
                    });
                    (speaker, m.is_some_and(is_role_label))
                });
                let Some(speaker) = speaker else {
                    if role_label {
                        for (i, s) in sentences.iter().enumerate() {
                            self.decide(i, s, self.drafts.len(), || Verdict::RoleLabel);
                        }
                        return;
                    }
                    let message = format!("transcript label \"{label_text}\" names no participant");
                    for (i, s) in sentences.iter().enumerate() {
                        self.decide(i, s, self.drafts.len(), || Verdict::UnknownLabel {
                            diagnostic: message.clone(),
                        });
                    }
                    diagnostics.push(Diagnostic {
                        level: Level::Warning,
                        message,
                        span: Some(label),
                    });
                    return;
                };
                let speakers = self.speaker_lists.len()..self.speaker_lists.len() + 1;
                self.speaker_lists.push(speaker);
                // A later paragraph of a turn that has spoken continues it.
                // (Each label line is its own span: another turn never shares it.)
                let mut first = self.turn_spoken != Some(label);
                for (i, s) in sentences.iter().enumerate() {
                    let from = self.drafts.len();
                    if is_vocative(&self.text[s.span.start..s.span.end]) {
                        self.decide(i, s, from, || Verdict::Vocative);
                        continue;
                    }
                    let verb = if first { "said" } else { "continued" };
                    self.push(
                        speakers.clone(),
                        Cow::Borrowed(verb),
                        s.span,
                        s.span,
                        block.paragraph,
                    );
                    self.decide(i, s, from, || Verdict::Turn);
                    first = false;
                    self.turn_spoken = Some(label);
                }
            }
            BlockKind::Prose => {
                self.list_frame = None;
                self.prose(block, sentences, people, diagnostics);
            }
        }
    }

    /// A sentence left unattributed on purpose: its verdict for the trace and a warning
    /// diagnostic with the same message, located at the sentence.
    fn unattributed(
        &mut self,
        i: usize,
        sentence: &Sentence,
        drafts_from: usize,
        message: &'static str,
        diagnostics: &mut Vec<Diagnostic>,
        verdict: impl FnOnce(String) -> Verdict,
    ) {
        self.decide(i, sentence, drafts_from, || verdict(message.into()));
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: message.into(),
            span: Some(sentence.span),
        });
    }

    pub(super) fn prose(
        &mut self,
        block: &segment::Block,
        sentences: &[Sentence],
        people: &mut People,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // The last speakers of this paragraph, for unattributed sentences.
        let mut last: Option<Range<usize>> = None;
        for (i, sentence) in sentences.iter().enumerate() {
            let span = sentence.span;
            let sentence_text = &self.text[span.start..span.end];
            let from = self.drafts.len();
            if sentence.attendee_line || is_vocative(sentence_text) {
                self.decide(i, sentence, from, || match sentence.attendee_line {
                    true => Verdict::AttendeeLine,
                    false => Verdict::Vocative,
                });
                continue;
            }
            self.resolve_frames(sentence, people, last.as_ref());
            if self.resolved.is_empty() && self.ambiguous {
                let message = "a title-only subject that could mean several participants: sentence not attributed";
                self.unattributed(i, sentence, from, message, diagnostics, |diagnostic| {
                    Verdict::AmbiguousSubject { diagnostic }
                });
                continue;
            }
            if self.resolved.is_empty() && opens_with_indefinite_subject(sentence) {
                let message = "an indefinite subject (\"Several Ministers …\"): no one can be named, sentence not attributed";
                self.unattributed(i, sentence, from, message, diagnostics, |diagnostic| {
                    Verdict::IndefiniteSubject { diagnostic }
                });
                continue;
            }
            if self.resolved.is_empty() {
                // A joint subject before a modal in a speaker's paragraph continues them.
                let proposal = last.is_some() && is_joint_proposal(sentence);
                let narrative = if starts_with_participant(sentence, self.mention_persons) {
                    if let Some((speaker, verb, content)) = self.purpose(sentence, people) {
                        let speakers = self.speaker_lists.len()..self.speaker_lists.len() + 1;
                        self.speaker_lists.push(speaker);
                        self.push(speakers.clone(), verb, content, span, block.paragraph);
                        if self.drafts.len() > from {
                            last = Some(speakers);
                            self.decide(i, sentence, from, || Verdict::Purpose);
                            continue;
                        }
                    }
                    Some(Verdict::ParticipantActing)
                } else if !proposal
                    && (lexicon::lexicon().opens_with_joint_subject(sentence_text)
                        || opens_with_plural_subject(sentence))
                {
                    Some(Verdict::JointNarrative)
                } else if !proposal && is_narrative_passive(sentence) {
                    Some(Verdict::NarrativePassive)
                } else if self.is_topic_only(sentence_text) {
                    Some(Verdict::TopicOnly)
                } else {
                    None
                };
                if let Some(verdict) = narrative {
                    self.decide(i, sentence, from, || verdict);
                    continue;
                }
                match &last {
                    Some(speakers) => {
                        self.push(
                            speakers.clone(),
                            Cow::Borrowed("continued"),
                            span,
                            span,
                            block.paragraph,
                        );
                        self.decide(i, sentence, from, || Verdict::Continued);
                    }
                    None => {
                        if !sentence.frames.is_empty() {
                            let message = "a reporting verb whose subject is not a participant: sentence not attributed";
                            self.decide(i, sentence, from, || Verdict::SubjectNotParticipant {
                                diagnostic: message.into(),
                            });
                            diagnostics.push(Diagnostic {
                                level: Level::Warning,
                                message: message.into(),
                                span: Some(span),
                            });
                        } else {
                            self.decide(i, sentence, from, || Verdict::NoFrame);
                        }
                    }
                }
                continue;
            }
            if sentence_text.ends_with(':') {
                let (speakers, frame) = &self.resolved[0];
                let verb = sentence.frames[*frame].verb.clone();
                last = Some(speakers.clone());
                self.list_frame = Some((speakers.clone(), verb));
                if self.trace.is_some() {
                    let (speakers, frame) = self.resolved[0].clone();
                    let names = self.speaker_lists[speakers]
                        .iter()
                        .map(|&p| people.persons[p].name_text.clone())
                        .collect();
                    let verb = sentence.frames[frame].verb.to_string();
                    self.decide(i, sentence, from, || Verdict::ListIntro {
                        speakers: names,
                        verb,
                    });
                }
                continue;
            }
            for k in 0..self.resolved.len() {
                let (speakers, frame) = self.resolved[k].clone();
                let frame = &sentence.frames[frame];
                // A frame's content ends where the next frame's clause starts: at its subject,
                // or at the word that joins the clauses ("…, while B stressed"), which belongs
                // to neither.
                let end = match self
                    .resolved
                    .get(k + 1)
                    .map(|&(_, next)| &sentence.frames[next])
                {
                    Some(next) if !next.trailing => {
                        let subject = next.subject_first;
                        let clause = match subject.checked_sub(1).map(|i| sentence.words[i]) {
                            Some(word) if is_clause_joiner(word) => subject - 1,
                            _ => subject,
                        };
                        sentence.tokens[clause].start
                    }
                    _ => self
                        .topic_clause_start(frame.content)
                        .unwrap_or(frame.content.end),
                };
                last = Some(speakers.clone());
                let content = Span::new(frame.content.start, end.max(frame.content.start));
                self.push_quoted(speakers, frame.verb.clone(), content, span, block.paragraph);
            }
            self.decide(i, sentence, from, || Verdict::Frames);
        }
    }

    /// "X called Y today to congratulate him on …", "… to offer her condolences over …": a
    /// participant opening a sentence without a frame, and the purpose of a verb of
    /// `data/purpose_verbs.txt` after it. Gives the participant, the infinitive and its
    /// content, which ends before a second purpose ("and to discuss …").
    fn purpose(
        &mut self,
        sentence: &Sentence,
        people: &People,
    ) -> Option<(usize, Cow<'static, str>, Span)> {
        let first = subject_first_word(sentence, self.mention_persons)?;
        let at = sentence
            .mentions
            .iter()
            .position(|m| m.first == first || m.first == first + 1)?;
        let mention = &sentence.mentions[at];
        let words = sentence.words;
        let lex = lexicon::lexicon();
        let to = (mention.last..words.len().saturating_sub(2))
            .find(|&k| words[k] == "to" && lex.purpose_verbs.contains(words[k + 1]))?;
        let speaker = match self.mention_persons[sentence.mentions_from + at] {
            Some(p) if mention.has_name() => p,
            _ if mention.has_name() || mention.country.is_some() => return None,
            _ => {
                let ambiguous = self.ambiguous;
                let one = self.leader_titled(people, mention.title.as_deref()?);
                self.ambiguous = ambiguous;
                one?
            }
        };
        let verb = Cow::Owned(words[to + 1].to_string());
        let end = (to + 2..words.len().saturating_sub(1))
            .find(|&k| words[k] == "and" && words[k + 1] == "to")
            .map_or(sentence.span.end, |k| sentence.tokens[k].start);
        Some((speaker, verb, Span::new(sentence.tokens[to + 2].start, end)))
    }

    /// Where a topic-only clause of other subjects starts inside a content ("… for its
    /// leadership, and the two leaders discussed …", "…, while they also discussed …"): the
    /// statement ends before it.
    fn topic_clause_start(&mut self, content: Span) -> Option<usize> {
        let start = content.start;
        let text = content.slice(self.text)?;
        let lex = lexicon::lexicon();
        let mut from = 0;
        while let Some((at, clause_at)) = find_comma_joiner(&text[from..]) {
            let clause = &text[from + clause_at..];
            if lex.opens_with_joint_subject(clause) && self.is_topic_only(clause) {
                return Some(start + from + at);
            }
            from += at + 1;
        }
        None
    }

    /// Only says that the sides talked about something ("They exchanged views on …"), in any
    /// case.
    pub(super) fn is_topic_only(&mut self, sentence: &str) -> bool {
        self.lower.clear();
        self.lower.push_str(sentence);
        self.lower.make_ascii_lowercase();
        lexicon::lexicon().is_topic_only(&self.lower)
    }

    /// Finds the frames of a sentence that name participants, into [`Statements::resolved`]:
    /// the first, plus later ones that start a new clause with another speaker ("…, while B
    /// stressed …").
    ///
    /// `last`: the last speakers of the paragraph so far, whom an impersonal frame continues.
    pub(super) fn resolve_frames(
        &mut self,
        sentence: &Sentence,
        people: &mut People,
        last: Option<&Range<usize>>,
    ) {
        self.resolved.clear();
        self.ambiguous = false;
        // "The two presidents discussed progress made since they announced …": in a topic-only
        // sentence, a frame inside the topic (its subject after a word that starts no clause)
        // reports nothing.
        // Read only when a frame could be inside the topic.
        let mut topic_only: Option<bool> = None;
        for (f, frame) in sentence.frames.iter().enumerate() {
            let before = frame
                .subject_first
                .checked_sub(1)
                .and_then(|i| sentence.tokens.get(i))
                .map(|t| t.text(self.text))
                .unwrap_or("");
            let new_clause = matches!(before, "," | ";") || is_clause_joiner(before);
            if frame.subject_first > 0 && !new_clause {
                let span = sentence.span;
                let text = self.text;
                if *topic_only
                    .get_or_insert_with(|| self.is_topic_only(&text[span.start..span.end]))
                {
                    self.fate(f, FrameOutcome::InsideTopic, None, None, people);
                    continue;
                }
            }
            let was_ambiguous = self.ambiguous;
            let speakers = match (&frame.subject, last) {
                (SubjectRef::Impersonal, Some(last)) => Some(last.clone()),
                _ => self.resolve_subject(sentence, frame, people),
            };
            let Some(speakers) = speakers else {
                let outcome = match self.ambiguous && !was_ambiguous {
                    true => FrameOutcome::Ambiguous,
                    false => FrameOutcome::Unresolved,
                };
                self.fate(f, outcome, None, None, people);
                continue;
            };
            // For a later frame: whether its speakers differ from the first's, and whether its
            // content comes after the first's.
            let compared = match self.resolved.last() {
                None => {
                    self.resolved.push((speakers.clone(), f));
                    None
                }
                Some((previous, _)) => {
                    let lists = &self.speaker_lists;
                    let differ = lists[previous.clone()] != lists[speakers.clone()];
                    let first = &sentence.frames[self.resolved[0].1];
                    let later = frame.content.start > first.content.start;
                    if new_clause && differ && later {
                        self.resolved.push((speakers.clone(), f));
                    }
                    Some((differ, later))
                }
            };
            if self.trace.is_some() {
                let outcome = match (compared, new_clause) {
                    (None, _) | (Some((true, true)), true) => FrameOutcome::Statement,
                    (Some(_), false) => FrameOutcome::NotNewClause,
                    (Some((false, _)), true) => FrameOutcome::SameSpeakers,
                    (Some((true, false)), true) => FrameOutcome::Earlier,
                };
                let by = resolution(&frame.subject, last.is_some());
                self.fate(f, outcome, Some(&speakers), by, people);
            }
        }
    }

    /// The speakers a frame's subject names, appended to the speaker lists, if it names
    /// participants.
    pub(super) fn resolve_subject(
        &mut self,
        sentence: &Sentence,
        frame: &Frame,
        people: &mut People,
    ) -> Option<Range<usize>> {
        let from = self.speaker_lists.len();
        let complete = match &frame.subject {
            SubjectRef::Mentions(group) => self.resolve_members(sentence, group.clone(), people),
            SubjectRef::Pronoun => {
                self.speaker_lists.extend(self.last_single);
                self.speaker_lists.len() > from
            }
            // At a paragraph's start (a continued one never gets here): every leader.
            SubjectRef::Joint | SubjectRef::Impersonal => {
                if let Some(joint) = &self.joint {
                    return joint.clone();
                }
                self.speaker_lists.extend(people.leaders());
                let lists = &self.speaker_lists;
                let joint = (lists.len() - from >= 2).then_some(from..lists.len());
                self.joint = Some(joint.clone());
                joint.is_some()
            }
            SubjectRef::Title(title) => {
                let pick = self.leader_titled(people, title);
                self.speaker_lists.extend(pick);
                pick.is_some()
            }
            SubjectRef::Indefinite => false,
            SubjectRef::Nationality(hint) => {
                let leaders = self.leaders.get_or_insert_with(|| LeaderIndex::new(people));
                let pick = leader_of_nationality(leaders.as_ref(), people, hint);
                // "The Varsenian leader outlined …" said of the one leader whose country is
                // unknown: the adjective is theirs (the countries pass names its country).
                if let Some(person) = pick.map(|p| &mut people.persons[p]) {
                    if person.country.is_none() && person.adjective.is_none() && !hint.contains(' ')
                    {
                        person.adjective = Some(hint.to_string());
                    }
                }
                self.speaker_lists.extend(pick);
                pick.is_some()
            }
        };
        if complete {
            Some(from..self.speaker_lists.len())
        } else {
            self.speaker_lists.truncate(from);
            None
        }
    }

    /// Appends the leaders a group of mentions names ("A and B", "The President and the Prime
    /// Minister", "The Prime Minister and President B"): a name by its person, a bare title by
    /// the one leader it fits. True when every member names a leader.
    fn resolve_members(
        &mut self,
        sentence: &Sentence,
        group: Range<usize>,
        people: &mut People,
    ) -> bool {
        let from = self.speaker_lists.len();
        for m in group {
            let named = self.mention_persons[sentence.mentions_from + m]
                .filter(|&p| people.persons[p].is_leader());
            let mention = &sentence.mentions[m];
            let member = named.or_else(|| match (&mention.title, mention.has_name()) {
                (Some(title), false) => self.leader_titled(people, title),
                _ => None,
            });
            match member {
                Some(p) => self.speaker_lists.push(p),
                None => return false,
            }
        }
        // The speakers of a joint subject are a set: "Halvard, Halvard S" is one.
        dedup_in_place(&mut self.speaker_lists, from);
        true
    }

    /// The one leader whose title a short title shortens ("the Secretary" for the Secretary of
    /// State, "the Minister" for a Foreign Minister, "the Foreign Minister" for a Minister for
    /// Europe and Foreign Affairs), when no leader holds it exactly; several
    /// make the subject ambiguous.
    fn leader_of_short_title(&mut self, people: &People, title: &str) -> Option<usize> {
        // "the Foreign Minister" for a "Minister for Europe and Foreign Affairs": a portfolio
        // before "Minister" found inside a "Minister of/for …" title.
        let portfolio = title.strip_suffix(" Minister");
        let shortens = |full: &str| {
            full.strip_prefix(title)
                .is_some_and(|rest| rest.starts_with(' '))
                || full
                    .strip_suffix(title)
                    .is_some_and(|rest| rest.ends_with(' '))
                || portfolio.is_some_and(|p| {
                    full.starts_with("Minister ")
                        && full.match_indices(p).any(|(at, _)| {
                            full[..at].ends_with(' ') && full[at + p.len()..].starts_with(' ')
                        })
                })
        };
        work::add(people.persons.len());
        let mut fits = people
            .leaders()
            .filter(|&p| people.persons[p].title.as_deref().is_some_and(shortens));
        let one = fits.next()?;
        if fits.next().is_some() {
            self.ambiguous = true;
            if let Some(trace) = self.trace.as_deref_mut() {
                let shortened =
                    |&p: &usize| people.persons[p].title.as_deref().is_some_and(shortens);
                trace.could_mean(people.leaders().filter(shortened), people);
            }
            return None;
        }
        Some(one)
    }

    /// The one leader a bare title ("The President", "PM") can mean. When several hold the
    /// title, a principal known only by it ("The Prime Minister") or named as the readout's
    /// by the headline ("Readout of President X's Call with President Y") owns it; otherwise
    /// no one,
    /// and [`Statements::ambiguous`] is set. (Its alias "the President" is learnt by
    /// [`Statements::learn_role_aliases`], from every mention with "the".)
    fn leader_titled(&mut self, people: &People, title: &str) -> Option<usize> {
        let leaders = self.leaders.get_or_insert_with(|| LeaderIndex::new(people));
        let mut titled = leaders_titled(leaders.as_ref(), people, title);
        match (titled.next(), titled.next()) {
            (None, _) => {
                drop(titled);
                self.leader_of_short_title(people, title)
            }
            (Some(one), None) => Some(one),
            (Some(first), Some(second)) => {
                let bare = format!("The {title}");
                let owner = [first, second]
                    .into_iter()
                    .chain(titled)
                    .find(|&p| people.persons[p].name_text == bare || Some(p) == self.told_by);
                if owner.is_none() {
                    self.ambiguous = true;
                    if let Some(trace) = self.trace.as_deref_mut() {
                        let index = self.leaders.as_ref().and_then(Option::as_ref);
                        trace.could_mean(leaders_titled(index, people, title), people);
                    }
                }
                owner
            }
        }
    }

    /// A role noun with "the" ("the Chancellor", "the Foreign Minister"), wherever it stands
    /// (a subject, an object, a sentence that is no statement), is an alias of the one leader
    /// it can mean (see [`Statements::leader_titled`]). Not in headlines (a bare title there
    /// names no one: fixtures README), nor a title with a complement ("the President of the
    /// Commission") or a country ("the President of Velmora", learnt by the cast pass).
    pub(super) fn learn_role_aliases(
        &mut self,
        blocks: &[segment::Block],
        sentences: &[Sentence],
        people: &mut People,
    ) {
        // Titles already resolved (the people do not change here, so each title is resolved,
        // and its alias added, once): a few inline, without allocating; more hashed.
        const FEW: usize = 6;
        let mut few: [&str; FEW] = [""; FEW];
        let mut known = 0;
        let mut more: Option<FxHashSet<&str>> = None;
        for sentence in sentences {
            if blocks[sentence.block].kind == BlockKind::Heading {
                continue;
            }
            let word = |i: usize| sentence.words.get(i).copied().unwrap_or("");
            for mention in sentence.mentions {
                let Some(title) = mention.title.as_deref() else {
                    continue;
                };
                // "The" opens a mention at a sentence's start ("The President underscored").
                let article = word(mention.first) == "The"
                    || (mention.first > 0 && word(mention.first - 1).eq_ignore_ascii_case("the"));
                // "the Prime Minister's Office": a possessive before a capitalized noun names a
                // place or an institution, not the leader.
                let names_a_place = mention.last > 0
                    && strip_possessive(word(mention.last - 1)).len()
                        < word(mention.last - 1).len()
                    && is_capitalized(word(mention.last));
                let bare = !mention.has_name()
                    && mention.country.is_none()
                    && mention.adjective.is_none()
                    && article
                    && word(mention.last) != "of"
                    && !names_a_place;
                if !bare || lexicon::lexicon().is_courtesy_title(title) {
                    continue;
                }
                let seen = few[..known].contains(&title)
                    || more.as_ref().is_some_and(|more| more.contains(title));
                if seen {
                    continue;
                }
                if known < FEW {
                    few[known] = title;
                    known += 1;
                } else {
                    more.get_or_insert_with(FxHashSet::default).insert(title);
                }
                let ambiguous = self.ambiguous;
                let pick = self.leader_titled(people, title);
                self.ambiguous = ambiguous;
                if let Some(p) = pick {
                    people.add_role_alias(p, title);
                }
            }
        }
    }
}

/// How a subject of this kind is resolved (`after_statement`: the paragraph has a statement
/// before the sentence, which an impersonal frame continues); an indefinite one never is.
fn resolution(subject: &SubjectRef, after_statement: bool) -> Option<Resolution> {
    Some(match subject {
        SubjectRef::Mentions(_) => Resolution::Names,
        SubjectRef::Pronoun => Resolution::LastSpeaker,
        SubjectRef::Impersonal if after_statement => Resolution::ParagraphSpeakers,
        SubjectRef::Joint | SubjectRef::Impersonal => Resolution::EveryLeader,
        SubjectRef::Title(_) => Resolution::Title,
        SubjectRef::Nationality(_) => Resolution::Nationality,
        SubjectRef::Indefinite => return None,
    })
}

/// True when the sentence opens with a participant acting, not speaking ("X held a welcome
/// ceremony", "The President hosted …"): narrative, never a continuation.
/// The first word of a sentence, or of its subject after a short opening phrase and a comma
/// that names no participant ("On Thursday, President X spoke …", "Earlier today, the
/// President …"): at most [`OPENING_PHRASE_WORDS`] words before the comma.
fn subject_first_word(sentence: &Sentence, mention_persons: &[Option<usize>]) -> Option<usize> {
    let first = sentence.tokens.iter().position(Token::is_word)?;
    let comma = sentence
        .tokens
        .iter()
        .take(first + OPENING_PHRASE_WORDS + 1)
        .position(|t| t.punct == Some(','));
    let names_no_one = |comma: usize| {
        let persons = &mention_persons[sentence.mentions_from..];
        sentence
            .mentions
            .iter()
            .zip(persons)
            .all(|(m, p)| m.first > comma || p.is_none() && m.title.is_none())
    };
    Some(match comma {
        Some(c) if c > first && names_no_one(c) => c + 1,
        _ => first,
    })
}

/// The most words an opening phrase before a sentence's subject may have ("On the evening of
/// Thursday,").
const OPENING_PHRASE_WORDS: usize = 6;

pub(super) fn starts_with_participant(
    sentence: &Sentence,
    mention_persons: &[Option<usize>],
) -> bool {
    let Some(first) = subject_first_word(sentence, mention_persons) else {
        return false;
    };
    sentence
        .mentions
        .iter()
        .position(|m| m.first == first || m.first == first + 1)
        .is_some_and(|m| {
            let mention = &sentence.mentions[m];
            // "The President hosted …": a bare title, not a possessive ("The President's visit
            // …" may be the last speaker's words).
            let bare_title = !mention.has_name()
                && mention.title.is_some()
                && sentence
                    .words
                    .get(mention.last - 1)
                    .is_some_and(|w| strip_possessive(w).len() == w.len());
            (mention.has_name() && mention_persons[sentence.mentions_from + m].is_some())
                || bare_title
        })
}

/// "The two sides should …", "Both countries must …", "They need to …": a joint subject (with
/// at most one noun after it: "the two countries") opening the sentence before a modal of
/// `data/joint_modals.txt`. In a speaker's paragraph, it is the speaker's proposal for both
/// sides, a continuation, not narrative.
fn is_joint_proposal(sentence: &Sentence) -> bool {
    let words = sentence.words;
    let modals = &lexicon::lexicon().joint_modals;
    let Some(modal) = (1..words.len().min(8)).find(|&i| modals.contains(words[i])) else {
        return false;
    };
    let joint_before = |end: usize| {
        matches!(
            plural_subject_before(words, end),
            Some((SubjectRef::Joint, 0))
        )
    };
    let noun = |i: usize| words[i].starts_with(|c: char| c.is_ascii_lowercase());
    (words[0] == "They" && modal == 1)
        || joint_before(modal)
        || (modal >= 2 && noun(modal - 1) && joint_before(modal - 1))
}

/// True when a plural subject opens the sentence ("Leaders will meet again …", "The Foreign
/// Ministers held …", "Several delegations …"): without a frame, narrative, never a
/// continuation. ("The two countries will …" is not one: "two" heads a subject only before a
/// verb, and such a sentence in a speaker's paragraph may well be theirs.)
fn opens_with_plural_subject(sentence: &Sentence) -> bool {
    let words = sentence.words;
    (1..words.len().min(8)).any(|i| {
        // "The two also talked about …": "two" heads the subject before an adverb or a verb
        // in "-ed", not before a noun ("The two countries …").
        let head_before_verb = || {
            let next = words[i];
            is_adverb(next) || (next.ends_with("ed") && next.len() > 3)
        };
        (!matches!(words[i - 1], "two" | "both" | "Both") || head_before_verb())
            && matches!(plural_subject_before(words, i), Some((_, 0)))
    })
}

/// "Talks were held …", "Agreements were signed …": a passive of
/// `data/narrative_participles.txt` opening the sentence only tells what happened.
fn is_narrative_passive(sentence: &Sentence) -> bool {
    passive_participle(sentence.words).is_some_and(|(_, i)| {
        lexicon::lexicon()
            .narrative_participles
            .contains(sentence.words[i])
    })
}

/// True when the sentence's first frame has an indefinite subject at its start ("Several
/// Ministers stressed …"): it reports what some unnamed people said.
fn opens_with_indefinite_subject(sentence: &Sentence) -> bool {
    sentence
        .frames
        .first()
        .is_some_and(|f| f.subject == SubjectRef::Indefinite && f.subject_first == 0)
}

/// Removes later repeats from `list[from..]`, keeping the first of each in order (a subject
/// names a handful of people, so the quadratic scan is the cheap one).
fn dedup_in_place(list: &mut Vec<usize>, from: usize) {
    let mut kept = from;
    for i in from..list.len() {
        let p = list[i];
        if !list[from..kept].contains(&p) {
            list[kept] = p;
            kept += 1;
        }
    }
    list.truncate(kept);
}

/// A word that joins two speakers' clauses in one sentence: "A said …, while B stressed …".
/// Where a comma and a clause joiner (", and ", ", while ": `data/clause_joiners.txt`) first
/// occur in `text`, found by its commas (a byte search: a content holds few), which costs less
/// than setting up a substring search for each content: the comma, and where the clause after
/// the joiner starts.
fn find_comma_joiner(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = text[from..].find(',') {
        let comma = from + at;
        if let Some(rest) = text[comma..].strip_prefix(", ") {
            let word = rest.split(' ').next().unwrap_or("");
            if rest.len() > word.len() && is_clause_joiner(word) {
                return Some((comma, comma + 2 + word.len() + 1));
            }
        }
        from = comma + 1;
    }
    None
}

pub(super) fn is_clause_joiner(word: &str) -> bool {
    lexicon::lexicon().clause_joiners.contains(word)
}

/// A line that only addresses the audience ("Mr President, friends,").
pub(super) fn is_vocative(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    trimmed.ends_with(',')
        || (trimmed.ends_with('!') && trimmed.split(' ').count() <= 4 && !trimmed.contains('.'))
}

/// Where a statement's text lies in a frame's `content`: without spaces, a leading colon or
/// comma, a trailing comma, and quotation marks that enclose the whole of it. A content whose
/// start passes its end is empty.
pub(super) fn clean_content(text: &str, content: Span) -> Span {
    let raw = &text[content.start.min(content.end)..content.end];
    let within = |s: &str| {
        let from = s.as_ptr() as usize - text.as_ptr() as usize;
        Span::new(from, from + s.len())
    };
    let mut s = raw.trim().trim_start_matches([':', ',', ' ']).trim();
    s = s.trim_end_matches([',', ';', ' ']);
    let mut chars = s.chars();
    if let (Some(open), Some(close)) = (chars.next(), chars.next_back()) {
        let inner = &s[open.len_utf8()..s.len() - close.len_utf8()];
        if is_double_quote(open) && is_double_quote(close) && !inner.contains(is_double_quote) {
            return within(inner.trim().trim_end_matches(','));
        }
        // "… act.” with the closing quote before a final period: “We act”.
        if is_double_quote(open) && matches!(close, '.' | '!' | '?') {
            let body = &s[open.len_utf8()..s.len() - close.len_utf8()];
            if let Some(inner) = body.strip_suffix(is_double_quote) {
                if !inner.contains(is_double_quote) {
                    return within(inner.trim());
                }
            }
        }
    }
    within(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_nationality_subject_gives_its_country_to_the_leader_it_means() {
        // The principal is named without title or country; "The Varsenian leader" is the one
        // leader whose country is unknown, and Varsenia becomes it.
        let text = "Andrei Samsonov had a telephone conversation with President of Dornavia Radu \
                    Vescan. The Varsenian leader outlined his assessments of the events there.";
        let readout = super::super::parse(text, None, None);
        let samsonov = &readout.participants[0];
        assert_eq!(samsonov.country.as_deref(), Some("Varsenia"));
        assert_eq!(readout.statements[0].speakers[..], [samsonov.id.as_str()]);
    }

    #[test]
    fn a_possessive_title_before_a_capitalized_noun_is_no_alias() {
        // "the Prime Minister's Office" is a building; "the Prime Minister's invitation" is hers.
        let aliases = |text: &str| {
            let readout = super::super::parse(text, None, None);
            readout.participants[0].aliases.clone()
        };
        let text = "Prime Minister Ana Sorel met President Ivo Brant at the Prime Minister's \
                    Office in Tsukimura.";
        assert_eq!(aliases(text), ["Prime Minister Ana Sorel"]);
        let text = "Prime Minister Ana Sorel met President Ivo Brant, who accepted the Prime \
                    Minister's invitation.";
        assert!(aliases(text).contains(&"the Prime Minister".to_string()));
    }

    #[test]
    fn a_purpose_after_an_opening_phrase_of_time_gives_words() {
        // "On Thursday," before the participant: still the purpose of the sentence's subject.
        let text = "On Thursday, President Celeste Marchbank spoke with President Tomas Iber \
                    of Quenza to offer her condolences for the victims of the earthquake.";
        let readout = super::super::parse(text, None, None);
        let said: Vec<_> = readout
            .statements
            .iter()
            .map(|s| (s.speakers.to_vec(), &*s.verb))
            .collect();
        assert_eq!(said, [(vec!["celeste-marchbank".to_string()], "offer")]);
    }

    #[test]
    fn an_institutions_president_in_lowercase_is_its_office_holder() {
        // Neither leader's country is known: "the Aurean Council president" is the one leader
        // who holds an institution's office, not left unattributed.
        let text = "President of the Aurean Council Emilia Rask spoke with President Tomas \
                    Brenn today. The Aurean Council president welcomed the progress on the \
                    energy union.";
        let readout = super::super::parse(text, None, None);
        let rask = readout
            .participants
            .iter()
            .find(|p| p.name == "Emilia Rask");
        let statement = readout.statements.iter().find(|s| s.verb == "welcomed");
        assert_eq!(
            statement.map(|s| s.speakers.to_vec()),
            rask.map(|p| vec![p.id.clone()])
        );
    }
}
