//! The readout parser: normalized text → event, participants, attributed statements, topics.
//!
//! It runs in passes over the sentences of [`segment::layout`]:
//! 1. people: the opening sentence names the principal and counterparts; subjects of reporting
//!    frames and transcript labels add leaders; "… were present" lines add attendees;
//! 2. names: every mention of a known person teaches its surface form (an alias), title, country;
//! 3. statements: frames, continuations, joint subjects, transcript turns and lists;
//! 4. the event, topics, countries left unknown, ids and title.
//!
//! It never panics and never fails: what it cannot read becomes a [`Diagnostic`].

mod dates;
mod distinct;
mod event;
mod frames;
mod lexicon;
mod names;
mod normalize;
mod people;
mod segment;
mod tokens;
mod topics;
pub mod work;

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::*;
use crate::slug::{push_slug, slug};
use dates::{date_phrases, time_of_day, Date};
use distinct::{Distinct, SCANNED};
use frames::{find_frames, Frame, SubjectRef};
use names::{mentions, Mention, MentionScanner};
use people::{is_person_like, People};
use segment::{layout, BlockKind};
use std::borrow::Cow;
use std::ops::Range;
use tokens::{is_double_quote, token_words, tokenize, tokenize_into, Token};

/// How many sentences of the opening paragraph may tell the event's date, time and place.
const OPENING_SENTENCES: usize = 3;

/// One sentence with what the passes need of it; its tokens, words and mentions are slices
/// of buffers shared by the whole readout.
struct Sentence<'a> {
    block: usize,
    span: Span,
    tokens: &'a [Token],
    /// The tokens as text, "" for punctuation.
    words: &'a [&'a str],
    mentions: &'a [Mention<'a>],
    /// Where the sentence's mentions start in the readout's list of them.
    mentions_from: usize,
    frames: &'a [Frame<'a>],
    /// "… were present": names attendees, never a statement.
    attendee_line: bool,
}

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

    // Every sentence's tokens, in one buffer: (block, span, token range).
    let mut all_tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut spans: Vec<(usize, Span, Range<usize>)> = Vec::with_capacity(layout.sentences.len());
    for (b, block) in layout.blocks.iter().enumerate() {
        for (s, &span) in layout.sentences[block.sentences.clone()].iter().enumerate() {
            let mut span = span;
            if let (Some(d), true, 0) = (&dateline, Some(b) == first_prose, s) {
                span.start = d.end.min(span.end);
            }
            let tokens = appended(&mut all_tokens, |out| {
                tokenize_into(&text, span.start, span.end, out)
            });
            spans.push((b, span, tokens));
        }
    }
    let all_words = token_words(&text, &all_tokens);
    let mut all_mentions: Vec<Mention> = Vec::with_capacity(text.len() / 40 + 1);
    let mut scanner = MentionScanner::default();
    let mention_ranges: Vec<Range<usize>> = spans
        .iter()
        .map(|(_, _, tokens)| {
            appended(&mut all_mentions, |out| {
                scanner.scan(
                    &text,
                    &all_tokens[tokens.clone()],
                    &all_words[tokens.clone()],
                    out,
                )
            })
        })
        .collect();
    let mut all_frames: Vec<Frame> = Vec::with_capacity(spans.len());
    let frame_ranges: Vec<Range<usize>> = spans
        .iter()
        .zip(&mention_ranges)
        .map(|((_, span, range), mentions)| {
            appended(&mut all_frames, |out| {
                find_frames(
                    &text,
                    span.end,
                    &all_tokens[range.clone()],
                    &all_words[range.clone()],
                    &all_mentions[mentions.clone()],
                    out,
                )
            })
        })
        .collect();
    let sentences: Vec<Sentence> = spans
        .iter()
        .zip(mention_ranges)
        .zip(frame_ranges)
        .map(|(((block, span, range), mention_range), frame_range)| {
            let words = &all_words[range.clone()];
            Sentence {
                block: *block,
                span: *span,
                tokens: &all_tokens[range.clone()],
                words,
                mentions_from: mention_range.start,
                mentions: &all_mentions[mention_range],
                frames: &all_frames[frame_range],
                attendee_line: is_attendee_line(words, &text[span.start..span.end]),
            }
        })
        .collect();

    let mut people = find_people(&text, &layout.blocks, &sentences);
    // From here on the people are known: who each mention names is found once.
    let mention_persons = people.find_each(&all_mentions);
    for sentence in &sentences {
        for (m, mention) in sentence.mentions.iter().enumerate() {
            if let Some(p) = mention_persons[sentence.mentions_from + m] {
                people.learn(p, mention);
            }
        }
    }

    let mut builder = Statements::new(&text, &mention_persons, sentences.len());
    // Sentences are in block order: each block's are the next run of them.
    let mut rest: &[Sentence] = &sentences;
    for (b, block) in layout.blocks.iter().enumerate() {
        let (block_sentences, tail) =
            rest.split_at(rest.iter().take_while(|s| s.block == b).count());
        rest = tail;
        builder.block(block, block_sentences, &mut people, &mut diagnostics);
    }
    let Statements {
        mut drafts,
        speaker_lists,
        ..
    } = builder;

    // Topics, per statement and for the whole readout.
    let token_lists: Vec<(&[Token], &[&str])> =
        sentences.iter().map(|s| (s.tokens, s.words)).collect();
    let topic_index = topics::Topics::new(&text, &token_lists);
    // Every sentence's topic labels, in one list (room for two a sentence).
    let mut tags: Vec<topics::Label> = Vec::with_capacity(2 * sentences.len());
    let tag_ranges: Vec<Range<usize>> = sentences
        .iter()
        .map(|s| appended(&mut tags, |out| topic_index.tag(s.words, out)))
        .collect();
    let mut readout_topics: Distinct<Cow<'static, str>> = Distinct::with_capacity(8);
    for tag in &tags {
        readout_topics.insert_with(tag.as_str(), || tag.to_cow());
    }
    let readout_topics = readout_topics.into_vec();
    for draft in &mut drafts {
        // Sentences are in text order: the one a statement comes from, by its start.
        if let Ok(s) = sentences.binary_search_by_key(&draft.span.start, |s| s.span.start) {
            draft.topics = tags[tag_ranges[s].clone()]
                .iter()
                .map(|t| t.to_cow())
                .collect();
        }
    }

    infer_countries(&text, &sentences, &mut people, &drafts, &speaker_lists);
    // The principal leads the side that issues the readout, when its source line says which.
    let publisher = layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::SourceLine)
        .map(|b| source_publisher(&text[b.span.start..b.span.end]));
    if let Some(issuer) = publisher
        .as_deref()
        .and_then(|p| issuing_leader(p, &people))
    {
        people.make_principal(issuer);
    }

    // The event.
    let opening_block = first_prose.or_else(|| (!layout.blocks.is_empty()).then_some(0));
    // The event is told in the first sentences of the opening paragraph; after a one-sentence
    // opening ("At the invitation of A, B paid a state visit …"), also in the next paragraph's
    // narrative sentences ("A and B held talks in …"), up to the first that reports speech.
    let mut opening: Vec<&Sentence> = sentences
        .iter()
        .filter(|s| Some(s.block) == opening_block)
        .take(OPENING_SENTENCES)
        .collect();
    if let (Some(b), 1) = (opening_block, opening.len()) {
        let next = b + 1;
        if layout.blocks.get(next).map(|block| &block.kind) == Some(&BlockKind::Prose) {
            opening.extend(
                sentences
                    .iter()
                    .filter(|s| s.block == next)
                    .take_while(|s| s.frames.is_empty() && !s.attendee_line)
                    .take(OPENING_SENTENCES - 1),
            );
        }
    }
    let opening_text = match (opening.first(), opening.last()) {
        (Some(first), Some(last)) => &text[first.span.start..last.span.end],
        _ => "",
    };
    let leaders = people.leaders().count();
    let kind = event::kind(leaders, opening_text);
    let anchor = layout.published.or_else(|| {
        dateline
            .as_ref()
            .and_then(|d| d.date)
            .and_then(|p| p.resolve(None))
    });
    let date = opening
        .iter()
        .flat_map(|s| date_phrases(&text, s.tokens))
        .chain(dateline.as_ref().and_then(|d| d.date))
        .find_map(|p| p.resolve(anchor));
    let time = opening.iter().find_map(|s| time_of_day(&text, s.tokens));
    let location = match kind {
        EventKind::PhoneCall | EventKind::VideoCall => None,
        _ => dateline.as_ref().and_then(|d| d.city.clone()).or_else(|| {
            // The people's countries, hashed when there are many people.
            let persons = &people.persons;
            let countries: Option<FxHashSet<&str>> = (persons.len() > SCANNED).then(|| {
                persons
                    .iter()
                    .filter_map(|p| p.country.as_deref())
                    .collect()
            });
            let is_theirs = |name: &str| match &countries {
                Some(countries) => countries.contains(name),
                None => persons.iter().any(|p| p.country.as_deref() == Some(name)),
            };
            opening.iter().find_map(|s| {
                event::place(&text, s.tokens, s.mentions, |name| {
                    lexicon::lexicon().is_country(name) || is_theirs(name)
                })
            })
        }),
    };
    if date.is_none() {
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: "no event date found: the text gives no day, or no year to place it in".into(),
            span: None,
        });
    }

    // Participants: principal first, then counterparts, then attendees, each in order of first
    // appearance (a stable sort); ids are slugs of their names, numbered when two are alike.
    let mut persons: Vec<(usize, people::Person)> =
        people.persons.into_iter().enumerate().collect();
    persons.sort_by_key(|(_, person)| match person.role {
        Role::Principal => 0,
        Role::Counterpart => 1,
        Role::Attendee => 2,
    });
    let mut id_of = participant_ids(&persons);
    let principal = persons.first().map(|(_, person)| person.name_text.as_str());
    let counterpart = persons
        .iter()
        .find(|(_, person)| person.role == Role::Counterpart)
        .map(|(_, person)| person.name_text.as_str());
    let id = readout_id(date.or(layout.published), principal, counterpart, &text);
    let mut shared = SharedSpeakers::new(&id_of, &speaker_lists);
    let statements: Vec<Statement> = drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| Statement {
            id: statement_id(&id, n),
            speakers: shared.list(d.speakers),
            verb: d.verb,
            text: text[d.text].to_string(),
            span: d.span,
            paragraph: d.paragraph,
            topics: d.topics,
        })
        .collect();
    let participants: Vec<Participant> = persons
        .into_iter()
        .map(|(p, person)| person.into_participant(std::mem::take(&mut id_of[p])))
        .collect();
    if text.is_empty() {
        diagnostics.push(Diagnostic {
            level: Level::Error,
            message: "the readout is empty".into(),
            span: None,
        });
    } else if participants.is_empty() {
        diagnostics.push(Diagnostic {
            level: Level::Error,
            message: "no leaders found: no sentence names who met, spoke or took part".into(),
            span: None,
        });
    } else if statements.is_empty() {
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            message: "no statements found: no sentence attributes words to a leader".into(),
            span: None,
        });
    }
    let heading = layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading)
        .map(|b| text[b.span.start..b.span.end].to_string());
    let title =
        heading.unwrap_or_else(|| generated_title(kind, &participants, location.as_deref()));

    Readout {
        id,
        title,
        published: layout.published.map(|d| d.to_string()),
        event: Event {
            date: date.map(|d| d.to_string()),
            time_of_day: time,
            location,
            kind,
        },
        participants,
        statements,
        topics: readout_topics,
        source: Source {
            text,
            publisher,
            url: None,
        },
        diagnostics,
    }
}

/// Each person's participant id, by index into `persons` (in their output order): the slug of
/// their name, numbered from 2 when an earlier participant has it ("lina-orsk-2").
fn participant_ids(persons: &[(usize, people::Person)]) -> Vec<String> {
    let mut id_of = vec![String::new(); persons.len()];
    if persons.len() <= SCANNED {
        // Few: each id is compared with those placed before it.
        for (placed, (p, person)) in persons.iter().enumerate() {
            let base = slug(&person.name_text);
            let taken = |id: &str| persons[..placed].iter().any(|(q, _)| id_of[*q] == id);
            id_of[*p] = if taken(&base) {
                // Finitely many ids are taken: some number is free.
                (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|id| !taken(id))
                    .unwrap_or_default()
            } else {
                base
            };
        }
        return id_of;
    }
    let mut taken: FxHashSet<String> = FxHashSet::default();
    // The number to try next after a slug: every number below it is taken.
    let mut next_number: FxHashMap<String, usize> = FxHashMap::default();
    for (p, person) in persons {
        let base = slug(&person.name_text);
        let id = if taken.contains(&base) {
            let n = next_number.entry(base.clone()).or_insert(2);
            // Finitely many ids are taken: some number is free.
            loop {
                work::add(1);
                let id = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&id) {
                    break id;
                }
            }
        } else {
            base
        };
        taken.insert(id.clone());
        id_of[*p] = id;
    }
    id_of
}

/// Runs `fill` on `buffer` and returns the range of what it appended: how a readout's
/// per-sentence lists (tokens, mentions, frames, topic labels) share one buffer each.
fn appended<T>(buffer: &mut Vec<T>, fill: impl FnOnce(&mut Vec<T>)) -> Range<usize> {
    let from = buffer.len();
    fill(buffer);
    from..buffer.len()
}

/// Pass 1: who took part.
fn find_people(text: &str, blocks: &[segment::Block], sentences: &[Sentence]) -> People {
    let mut people = People::default();
    // The opening sentence: its first person is the principal, the others counterparts.
    let opening = sentences
        .iter()
        .find(|s| matches!(blocks[s.block].kind, BlockKind::Prose));
    if let Some(opening) = opening {
        let mut first = true;
        let after_preposition = |m: &Mention| {
            let before = m.first.checked_sub(1).and_then(|i| opening.tokens.get(i));
            m.title.is_none()
                && before.is_some_and(|t| {
                    matches!(
                        t.text(text),
                        "the"
                            | "a"
                            | "an"
                            | "in"
                            | "at"
                            | "of"
                            | "from"
                            | "to"
                            | "near"
                            | "for"
                            | "on"
                            | "into"
                            | "across"
                            | "by"
                    )
                })
        };
        // "The Prime Minister spoke to …": a leader named only by title opens the readout.
        if let Some(m) = opening
            .mentions
            .first()
            .filter(|m| m.first == 0 && !m.has_name())
        {
            if let Some(title) = m.title.as_deref() {
                people.add_titled(title, &format!("The {title}"), Role::Principal);
                first = false;
            }
        }
        let leaders = opening
            .mentions
            .iter()
            .filter(|m| is_person_like(m) && !after_preposition(m));
        for mention in leaders {
            let role = if first {
                Role::Principal
            } else {
                Role::Counterpart
            };
            let p = people.add(mention, role);
            if first && people.persons[p].role != Role::Principal {
                people.persons[p].role = Role::Principal;
            }
            first = false;
        }
    }
    let next_leader_role = |people: &People| {
        if people.has_leader() {
            Role::Counterpart
        } else {
            Role::Principal
        }
    };
    // Titles some leader is known to have: titles and leaders, once there, stay.
    let mut titles_held: FxHashSet<String> = FxHashSet::default();
    let mut previous_block = None;
    for sentence in sentences {
        // A transcript label names a leader as its turn begins.
        if previous_block != Some(sentence.block) {
            previous_block = Some(sentence.block);
            if let BlockKind::Turn { label } = blocks[sentence.block].kind {
                with_label_mention(&text[label.start..label.end], |mention| match mention {
                    Some(m) if is_speaker_label(m, &people) => {
                        let role = next_leader_role(&people);
                        let p = people.add(m, role);
                        // The label's title and form of the name ("PRIME MINISTER ARAMAKI").
                        people.learn(p, m);
                    }
                    // "THE PRESIDENT:" with no President named: the title names the speaker.
                    Some(m) if !m.has_name() => {
                        if let Some(title) = m.title.as_deref() {
                            if !titles_held.contains(title) {
                                if people.leaders_titled(title).next().is_none() {
                                    let role = next_leader_role(&people);
                                    people.add_titled(title, &format!("The {title}"), role);
                                }
                                titles_held.insert(title.to_string());
                            }
                        }
                    }
                    _ => {}
                });
            }
        }
        if sentence.attendee_line {
            for mention in sentence.mentions.iter().filter(|m| is_person_like(m)) {
                if people.find(&mention.name).is_none() {
                    people.add(mention, Role::Attendee);
                }
            }
            continue;
        }
        for frame in sentence.frames {
            let SubjectRef::Mentions(group) = &frame.subject else {
                continue;
            };
            for mention in &sentence.mentions[group.clone()] {
                if people.find(&mention.name).is_some() || is_person_like(mention) {
                    let role = next_leader_role(&people);
                    let p = people.add(mention, role);
                    if people.persons[p].role == Role::Attendee {
                        people.persons[p].role = Role::Counterpart;
                    }
                }
            }
        }
    }
    // A headline may give the fullest form of a name the body shortens ("Remarks by President
    // Odile Farrant …" over "PRESIDENT FARRANT:" turns): it names no one new.
    for sentence in sentences
        .iter()
        .filter(|s| blocks[s.block].kind == BlockKind::Heading)
    {
        for mention in sentence.mentions.iter().filter(|m| is_person_like(m)) {
            if let Some(p) = people.find(&mention.name) {
                let role = people.persons[p].role;
                people.add(mention, role);
            }
        }
    }
    if !people.persons.iter().any(|p| p.role == Role::Principal) {
        let first = people.leaders().next();
        if let Some(first) = first {
            people.persons[first].role = Role::Principal;
        }
    }
    people
}

/// Calls `f` with the person a transcript label names; an all-capitals label ("THE
/// PRESIDENT") is read in title case.
fn with_label_mention<R>(label: &str, f: impl FnOnce(Option<&Mention>) -> R) -> R {
    let shouting = !label.chars().any(char::is_lowercase);
    let label: std::borrow::Cow<str> = if shouting {
        label
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ")
            .into()
    } else {
        label.into()
    };
    let tokens = tokenize(&label, 0, label.len());
    f(mentions(&label, &tokens).first())
}

/// A label that names a person who speaks, not a role such as "Moderator" or "Q".
fn is_speaker_label(mention: &Mention, people: &People) -> bool {
    mention.has_name()
        && (mention.title.is_some()
            || mention.name.len() >= 2
            || people.find(&mention.name).is_some()
            || !is_role_label(mention))
}

/// Labels for the press and the floor, not for leaders: "Q", "Moderator", "Reporter".
fn is_role_label(mention: &Mention) -> bool {
    let roles = [
        "Moderator",
        "Question",
        "Q",
        "Answer",
        "A",
        "Reporter",
        "Journalist",
        "Host",
        "Interpreter",
        "Participant",
        "Audience",
        "Voice",
        "Narrator",
        "Announcer",
        "Anchor",
        "Correspondent",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Media",
        "Press",
    ];
    mention.title.is_none() && mention.name.len() == 1 && roles.contains(&mention.name[0])
}

/// "A and B, among others, were present", "Also present were …", "… attended the meeting".
fn is_attendee_line(words: &[&str], sentence: &str) -> bool {
    // Every marker below holds one of these words; most sentences hold none.
    let starts = |w: &str, prefix: &str| {
        w.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let ends = |w: &str, suffix: &str| {
        w.len() >= suffix.len()
            && w.get(w.len() - suffix.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
    };
    let maybe = words.iter().any(|w| {
        // The shortest of them, "took", has four letters.
        if w.len() < 4 {
            return false;
        }
        let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
        (match first {
            Some(b'p') => starts(w, "present"),
            Some(b'a') => starts(w, "attend"),
            Some(b'j') => starts(w, "joined"),
            Some(b't') => w.eq_ignore_ascii_case("took"),
            _ => false,
        }) || ends(w, "accompanied")
    });
    if !maybe {
        return false;
    }
    let lower = sentence.to_ascii_lowercase();
    [
        "were present",
        "was present",
        "also present",
        "were also present",
        "among others, attended",
        "also attended",
        "were in attendance",
        "also took part in the meeting",
        "accompanied by",
        "also joined",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// Statements' speaker lists as shared lists of ids: each distinct list of speakers made once.
struct SharedSpeakers<'a> {
    id_of: &'a [String],
    speaker_lists: &'a [usize],
    /// The lists made so far, each with the range of the speaker lists it was made for:
    /// scanned while there are [`SCANNED`] or fewer, as in nearly every readout.
    made: Vec<(Range<usize>, Speakers)>,
    /// Past that, the lists by the people they name, and by range: statements often share a
    /// range ("continued", "They …"), and a long list is then not hashed again.
    by_people: FxHashMap<&'a [usize], Speakers>,
    by_range: FxHashMap<(usize, usize), Speakers>,
}

impl<'a> SharedSpeakers<'a> {
    fn new(id_of: &'a [String], speaker_lists: &'a [usize]) -> Self {
        SharedSpeakers {
            id_of,
            speaker_lists,
            made: Vec::new(),
            by_people: FxHashMap::default(),
            by_range: FxHashMap::default(),
        }
    }

    /// The ids of the people in `range` of the speaker lists (indices of participants), as a
    /// shared list.
    fn list(&mut self, range: Range<usize>) -> Speakers {
        let lists = self.speaker_lists;
        let people = &lists[range.clone()];
        let make =
            |id_of: &[String]| -> Speakers { people.iter().map(|&p| id_of[p].clone()).collect() };
        if self.made.len() <= SCANNED {
            work::add(self.made.len());
            let same =
                |(r, _): &&(Range<usize>, Speakers)| *r == range || lists[r.clone()] == *people;
            if let Some((_, list)) = self.made.iter().find(same) {
                return list.clone();
            }
            let list = make(self.id_of);
            self.made.push((range, list.clone()));
            if self.made.len() > SCANNED {
                for (r, list) in &self.made {
                    self.by_people.insert(&lists[r.clone()], list.clone());
                    self.by_range.insert((r.start, r.end), list.clone());
                }
            }
            return list;
        }
        let (by_people, id_of) = (&mut self.by_people, self.id_of);
        self.by_range
            .entry((range.start, range.end))
            .or_insert_with(|| {
                work::add(people.len());
                by_people
                    .entry(people)
                    .or_insert_with(|| make(id_of))
                    .clone()
            })
            .clone()
    }
}

/// A statement before ids are assigned.
struct Draft {
    /// A range of [`Statements::speaker_lists`]: indices into the people.
    speakers: Range<usize>,
    verb: Cow<'static, str>,
    /// The statement's text: a byte range of the normalized text.
    text: Range<usize>,
    span: Span,
    paragraph: usize,
    topics: Vec<Cow<'static, str>>,
}

/// Pass 3: turns sentences into statements, block by block.
struct Statements<'t> {
    text: &'t str,
    /// The person each mention of the readout names, if any.
    mention_persons: &'t [Option<usize>],
    drafts: Vec<Draft>,
    /// The last single speaker, for "he" and "she".
    last_single: Option<usize>,
    /// Every speaker list, one after the other; drafts and frames refer to ranges of it, so a
    /// list shared by several statements ("continued") is stored once.
    speaker_lists: Vec<usize>,
    /// The speakers and verb of a line ending in ":" whose items follow.
    list_frame: Option<(Range<usize>, Cow<'static, str>)>,
    /// A sentence in ASCII lowercase, for phrase tests (one buffer for all).
    lower: String,
    /// The frames of the current sentence that name participants: their speakers and their
    /// index among the sentence's frames (one buffer for all).
    resolved: Vec<(Range<usize>, usize)>,
    /// The leaders by title, country and adjective, once a subject needs them (`Some(None)`
    /// when the readout has few enough people to scan).
    leaders: Option<Option<LeaderIndex>>,
    /// Every leader as a range of the speaker lists ("They …"), once needed; `None` inside
    /// when fewer than two.
    joint: Option<Option<Range<usize>>>,
}

/// The leaders by what a subject may call them ("The President", "the Arvelian leader"), made
/// once per readout when it has more than [`SCANNED`] people (fewer are scanned): the people's
/// roles, titles and countries do not change while statements are read. Each list ascends.
struct LeaderIndex {
    by_title: FxHashMap<String, Vec<usize>>,
    by_country: FxHashMap<String, Vec<usize>>,
    by_adjective: FxHashMap<String, Vec<usize>>,
}

impl LeaderIndex {
    fn new(people: &People) -> Option<Self> {
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
        }
        Some(index)
    }
}

/// The leaders titled `title`, in order: from the index if there is one.
fn leaders_titled<'a>(
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
fn leader_of_nationality(
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
        let one = fits.next()?;
        return fits.next().is_none().then_some(one);
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
    fn new(text: &'t str, mention_persons: &'t [Option<usize>], sentences: usize) -> Self {
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
        }
    }

    fn push(
        &mut self,
        speakers: Range<usize>,
        verb: Cow<'static, str>,
        content: (usize, usize),
        span: Span,
        paragraph: usize,
    ) {
        let text = clean_content(self.text, content.0.min(content.1), content.1);
        if text.is_empty() || speakers.is_empty() {
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

    fn block(
        &mut self,
        block: &segment::Block,
        sentences: &[Sentence],
        people: &mut People,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        match block.kind {
            BlockKind::Heading | BlockKind::SourceLine => {
                self.list_frame = None;
            }
            BlockKind::ListItem => match self.list_frame.clone() {
                Some((speakers, verb)) => {
                    for s in sentences {
                        self.push(
                            speakers.clone(),
                            verb.clone(),
                            (s.span.start, s.span.end),
                            s.span,
                            block.paragraph,
                        );
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
                        return;
                    }
                    diagnostics.push(Diagnostic {
                        level: Level::Warning,
                        message: format!("transcript label \"{label_text}\" names no participant"),
                        span: Some(label),
                    });
                    return;
                };
                let speakers = self.speaker_lists.len()..self.speaker_lists.len() + 1;
                self.speaker_lists.push(speaker);
                let mut first = true;
                for s in sentences {
                    if is_vocative(&self.text[s.span.start..s.span.end]) {
                        continue;
                    }
                    let verb = if first { "said" } else { "continued" };
                    self.push(
                        speakers.clone(),
                        Cow::Borrowed(verb),
                        (s.span.start, s.span.end),
                        s.span,
                        block.paragraph,
                    );
                    first = false;
                }
            }
            BlockKind::Prose => {
                self.list_frame = None;
                self.prose(block, sentences, people, diagnostics);
            }
        }
    }

    fn prose(
        &mut self,
        block: &segment::Block,
        sentences: &[Sentence],
        people: &mut People,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // The last speakers of this paragraph, for unattributed sentences.
        let mut last: Option<Range<usize>> = None;
        for sentence in sentences {
            let span = sentence.span;
            let sentence_text = &self.text[span.start..span.end];
            if sentence.attendee_line || is_vocative(sentence_text) {
                continue;
            }
            self.resolve_frames(sentence, people);
            if self.resolved.is_empty() {
                if starts_with_participant(sentence, self.mention_persons)
                    || starts_with_joint_subject(sentence_text)
                    || self.is_topic_only(sentence_text)
                {
                    continue;
                }
                match &last {
                    Some(speakers) => {
                        self.push(
                            speakers.clone(),
                            Cow::Borrowed("continued"),
                            (span.start, span.end),
                            span,
                            block.paragraph,
                        );
                    }
                    None => {
                        if !sentence.frames.is_empty() {
                            diagnostics.push(Diagnostic {
                                level: Level::Warning,
                                message: "a reporting verb whose subject is not a participant: sentence not attributed".into(),
                                span: Some(span),
                            });
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
                    _ => frame.content.1,
                };
                last = Some(speakers.clone());
                self.push(
                    speakers,
                    frame.verb.clone(),
                    (frame.content.0, end.max(frame.content.0)),
                    span,
                    block.paragraph,
                );
            }
        }
    }

    /// Only says that the sides talked about something ("They exchanged views on …"), in any
    /// case.
    fn is_topic_only(&mut self, sentence: &str) -> bool {
        self.lower.clear();
        self.lower.push_str(sentence);
        self.lower.make_ascii_lowercase();
        let lower = &self.lower;
        // Every phrase holds one of these two words: most sentences need no more searches.
        if !lower.contains("exchange") && !lower.contains("discussed") {
            return false;
        }
        [
            "exchange of views",
            "exchanged views",
            "exchanged in-depth views",
            "in-depth exchange",
            "discussed",
        ]
        .iter()
        .any(|p| lower.contains(p))
    }

    /// Finds the frames of a sentence that name participants, into [`Statements::resolved`]:
    /// the first, plus later ones that start a new clause with another speaker ("…, while B
    /// stressed …").
    fn resolve_frames(&mut self, sentence: &Sentence, people: &mut People) {
        self.resolved.clear();
        for (f, frame) in sentence.frames.iter().enumerate() {
            let Some(speakers) = self.resolve_subject(sentence, frame, people) else {
                continue;
            };
            match self.resolved.last() {
                None => self.resolved.push((speakers, f)),
                Some((previous, _)) => {
                    let before = frame
                        .subject_first
                        .checked_sub(1)
                        .and_then(|i| sentence.tokens.get(i))
                        .map(|t| t.text(self.text))
                        .unwrap_or("");
                    let new_clause = matches!(before, "," | ";") || is_clause_joiner(before);
                    let lists = &self.speaker_lists;
                    let differ = lists[previous.clone()] != lists[speakers.clone()];
                    let first = &sentence.frames[self.resolved[0].1];
                    if new_clause && differ && frame.content.0 > first.content.0 {
                        self.resolved.push((speakers, f));
                    }
                }
            }
        }
    }

    /// The speakers a frame's subject names, appended to the speaker lists, if it names
    /// participants.
    fn resolve_subject(
        &mut self,
        sentence: &Sentence,
        frame: &Frame,
        people: &mut People,
    ) -> Option<Range<usize>> {
        let from = self.speaker_lists.len();
        let lists = &mut self.speaker_lists;
        let complete = match &frame.subject {
            SubjectRef::Mentions(group) => {
                let persons = &self.mention_persons[sentence.mentions_from..];
                lists.extend(
                    persons[group.clone()]
                        .iter()
                        .filter_map(|&p| p)
                        .filter(|&p| people.persons[p].is_leader()),
                );
                lists.len() - from == group.len()
            }
            SubjectRef::Pronoun => {
                lists.extend(self.last_single);
                lists.len() > from
            }
            SubjectRef::Joint => {
                if let Some(joint) = &self.joint {
                    return joint.clone();
                }
                lists.extend(people.leaders());
                let joint = (lists.len() - from >= 2).then_some(from..lists.len());
                self.joint = Some(joint.clone());
                joint.is_some()
            }
            SubjectRef::Title(title) => {
                let leaders = self.leaders.get_or_insert_with(|| LeaderIndex::new(people));
                let mut titled = leaders_titled(leaders.as_ref(), people, title);
                let pick = match (titled.next(), titled.next()) {
                    (None, _) => None,
                    (Some(one), None) => Some(one),
                    // Several: the last single speaker if among them, else the first.
                    (Some(first), Some(_)) => self
                        .last_single
                        .filter(|&p| {
                            let person = &people.persons[p];
                            person.is_leader() && person.title.as_deref() == Some(title)
                        })
                        .or(Some(first)),
                };
                drop(titled);
                if let Some(pick) = pick {
                    people.add_role_alias(pick, title);
                    lists.push(pick);
                }
                pick.is_some()
            }
            SubjectRef::Nationality(hint) => {
                let leaders = self.leaders.get_or_insert_with(|| LeaderIndex::new(people));
                lists.extend(leader_of_nationality(leaders.as_ref(), people, hint));
                lists.len() - from == 1
            }
        };
        if complete {
            Some(from..lists.len())
        } else {
            lists.truncate(from);
            None
        }
    }
}

/// True when the sentence opens with a participant acting, not speaking ("X held a welcome
/// ceremony", "The two leaders discussed …"): narrative, never a continuation.
fn starts_with_participant(sentence: &Sentence, mention_persons: &[Option<usize>]) -> bool {
    let Some(first) = sentence.tokens.iter().position(Token::is_word) else {
        return false;
    };
    sentence
        .mentions
        .iter()
        .position(|m| m.first == first || m.first == first + 1)
        .is_some_and(|m| {
            sentence.mentions[m].has_name() && mention_persons[sentence.mentions_from + m].is_some()
        })
}

/// A word that joins two speakers' clauses in one sentence: "A said …, while B stressed …".
fn is_clause_joiner(word: &str) -> bool {
    matches!(word, "while" | "whereas" | "but" | "and")
}

/// Opens with a joint subject: "The two sides …", "Both leaders …", "They …", in any case.
fn starts_with_joint_subject(sentence: &str) -> bool {
    [
        "the two sides",
        "both sides",
        "the two leaders",
        "both leaders",
        "the leaders",
        "the two heads of",
        "they ",
    ]
    .iter()
    .any(|p| {
        sentence
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// A line that only addresses the audience ("Mr President, friends,").
fn is_vocative(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    trimmed.ends_with(',')
        || (trimmed.ends_with('!') && trimmed.split(' ').count() <= 4 && !trimmed.contains('.'))
}

/// Where a statement's text lies in `text[start..end]`: without spaces, a leading colon or
/// comma, a trailing comma, and quotation marks that enclose the whole of it.
fn clean_content(text: &str, start: usize, end: usize) -> Range<usize> {
    let raw = &text[start..end];
    let within = |s: &str| {
        let from = s.as_ptr() as usize - text.as_ptr() as usize;
        from..from + s.len()
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

/// Countries the text makes plain: an unknown adjective matched to a name the text uses
/// ("Arvelian" → "Arvelia"), then, for leaders still without one, the country their own
/// statements speak for: the place name they use most that no other participant has.
fn infer_countries(
    text: &str,
    sentences: &[Sentence],
    people: &mut People,
    drafts: &[Draft],
    speaker_lists: &[usize],
) {
    use crate::fxhash::FxHashMap;
    let lex = lexicon::lexicon();
    if people
        .persons
        .iter()
        .any(|p| p.country.is_none() && p.adjective.is_some())
    {
        // Sized for every mention at once: growing it step by step costs more than the room.
        let mentions = sentences.iter().map(|s| s.mentions.len()).sum();
        let mut used =
            crate::fxhash::FxHashSet::with_capacity_and_hasher(mentions, Default::default());
        used.extend(
            sentences
                .iter()
                .flat_map(|s| s.mentions)
                .filter(|m| m.title.is_none() && m.name.len() == 1)
                .map(|m| m.name[0]),
        );
        for person in &mut people.persons {
            if let (None, Some(adjective)) = (&person.country, &person.adjective) {
                person.country = country_for_adjective(adjective, |c| used.contains(c))
                    .or_else(|| country_for_adjective(adjective, |c| c.ends_with("ia")));
            }
        }
    }
    let leaders_without: Vec<usize> = (0..people.persons.len())
        .filter(|&p| people.persons[p].country.is_none() && people.persons[p].is_leader())
        .collect();
    if leaders_without.is_empty() {
        return;
    }
    // Capitalized words standing alone (not part of a longer name), and the lexicon's longer
    // country names, in each such leader's own statements: counted, in order of first use.
    let mut uses: Vec<(FxHashMap<&str, usize>, Vec<&str>)> = (0..leaders_without.len())
        .map(|_| {
            let words = FxHashMap::with_capacity_and_hasher(32, Default::default());
            (words, Vec::with_capacity(32))
        })
        .collect();
    // The statement's words as written between spaces ("Kestria's", "(ARS),"): token ranges.
    let mut raw: Vec<Range<usize>> = Vec::with_capacity(64);
    let mut plain: Vec<&str> = Vec::new();
    for draft in drafts {
        let [speaker] = speaker_lists[draft.speakers.clone()] else {
            continue;
        };
        // `leaders_without` ascends.
        let Ok(slot) = leaders_without.binary_search(&speaker) else {
            continue;
        };
        let Ok(s) = sentences.binary_search_by_key(&draft.span.start, |s| s.span.start) else {
            continue;
        };
        let all = sentences[s].tokens;
        let from = all.partition_point(|t| t.start < draft.text.start);
        let to = all.partition_point(|t| t.end <= draft.text.end);
        let tokens = &all[from..to.max(from)];
        let (counts, order) = &mut uses[slot];
        raw.clear();
        for (i, token) in tokens.iter().enumerate() {
            match raw.last_mut() {
                Some(word) if tokens[i - 1].end == token.start => word.end = i + 1,
                _ => raw.push(i..i + 1),
            }
        }
        // A word's letters and digits, without a possessive ending ("Kestria's" → "Kestria").
        let core = |k: usize| -> &str {
            raw.get(k).map_or("", |word| {
                let tokens = &tokens[word.clone()];
                match (
                    tokens.iter().find(|t| t.is_word()),
                    tokens.iter().rfind(|t| t.is_word()),
                ) {
                    (Some(first), Some(last)) => {
                        tokens::strip_possessive(&text[first.start..last.end])
                    }
                    _ => "",
                }
            })
        };
        let open_end = |k: usize| tokens[raw[k].end - 1].is_word();
        for k in 0..raw.len() {
            // A word opening with a lowercase letter or a digit is not capitalized, trimmed or not.
            if text.as_bytes()[tokens[raw[k].start].start].is_ascii_alphanumeric()
                && !text.as_bytes()[tokens[raw[k].start].start].is_ascii_uppercase()
            {
                continue;
            }
            let word = core(k);
            if !tokens::is_capitalized(word) {
                continue;
            }
            let long = lex.may_start_long_country(word).then(|| {
                plain.clear();
                plain.extend((k..raw.len().min(k + 8)).map(core));
                lex.long_country_at(&plain, 0)
            });
            let name = match long.flatten() {
                Some(long) => long,
                None => {
                    let joined_before =
                        k > 0 && open_end(k - 1) && tokens::is_capitalized(core(k - 1));
                    let joined_after = open_end(k) && tokens::is_capitalized(core(k + 1));
                    if joined_before || joined_after {
                        continue;
                    }
                    word
                }
            };
            let count = counts.entry(name).or_default();
            if *count == 0 {
                order.push(name);
            }
            *count += 1;
        }
    }
    // With many people, their names' words and their countries are hashed (owned: the
    // countries change as they are given); with few, they are scanned.
    let many = people.persons.len() > SCANNED;
    let name_words: FxHashSet<String> = match many {
        true => people
            .persons
            .iter()
            .flat_map(|q| q.name.iter().cloned())
            .collect(),
        false => FxHashSet::default(),
    };
    let mut countries: FxHashSet<String> = match many {
        true => people
            .persons
            .iter()
            .filter_map(|q| q.country.clone())
            .collect(),
        false => FxHashSet::default(),
    };
    for (slot, &p) in leaders_without.iter().enumerate() {
        let (counts, order) = &uses[slot];
        let best = {
            let persons = &people.persons;
            let is_name_word = |word: &str| match many {
                true => name_words.contains(word),
                false => persons.iter().any(|q| q.name.iter().any(|w| w == word)),
            };
            let could_be_country = |name: &str| {
                lex.is_country(name)
                    || (!name.contains(' ')
                        && !is_name_word(name)
                        && !names::is_starter(name)
                        && !people::is_institution_word(name)
                        && !lex.demonyms.contains_key(name)
                        && lex.title_at(&[name], 0).is_none()
                        && name.chars().any(char::is_lowercase))
            };
            let taken = |name: &str| match many {
                true => countries.contains(name),
                false => persons.iter().any(|q| q.country.as_deref() == Some(name)),
            };
            // Most used first, then first used; the first that can be a free country wins.
            let mut ranked: Vec<(usize, &str)> = order.iter().map(|n| (counts[n], *n)).collect();
            ranked.sort_by_key(|&(count, _)| std::cmp::Reverse(count));
            work::add(ranked.len());
            ranked
                .iter()
                .find(|(_, name)| !taken(name) && could_be_country(name))
                .map(|(_, name)| name.to_string())
        };
        if let (true, Some(best)) = (many, &best) {
            countries.insert(best.clone());
        }
        people.persons[p].country = best;
    }
}

/// The first country name an adjective may come from ("Arvelian" → "Arvel", "Arvela",
/// "Arvelia", …) that `accept` takes.
fn country_for_adjective(adjective: &str, mut accept: impl FnMut(&str) -> bool) -> Option<String> {
    let mut candidate = String::new();
    for suffix in ["ian", "an", "n", "ese", "ish", "i", "ic"] {
        let Some(stem) = adjective
            .strip_suffix(suffix)
            .filter(|s| s.chars().count() >= 3)
        else {
            continue;
        };
        if accept(stem) {
            return Some(stem.to_string());
        }
        for ending in ["a", "ia", "e", "y", "o"] {
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            if accept(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// `<date>-<principal>-<counterpart>`, or a content hash when the readout names nobody.
fn readout_id(
    date: Option<Date>,
    principal: Option<&str>,
    counterpart: Option<&str>,
    text: &str,
) -> String {
    match principal {
        Some(principal) => {
            let mut id = String::with_capacity(64);
            match date {
                Some(date) => date.push_iso(&mut id),
                None => id.push_str("undated"),
            }
            id.push('-');
            push_slug(&mut id, principal);
            if let Some(c) = counterpart {
                id.push('-');
                push_slug(&mut id, c);
            }
            id
        }
        None => format!("readout-{:016x}", fnv1a(text.as_bytes())),
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn generated_title(
    kind: EventKind,
    participants: &[Participant],
    location: Option<&str>,
) -> String {
    let leaders: Vec<&str> = participants
        .iter()
        .filter(|p| p.role != Role::Attendee)
        .map(|p| p.name.as_str())
        .collect();
    let place = location.map(|l| format!(" in {l}")).unwrap_or_default();
    match leaders.as_slice() {
        [] => "Untitled readout".to_string(),
        [one] => format!("Readout: {one}{place}"),
        [a, b] => match kind {
            EventKind::PhoneCall => format!("{a} holds phone call with {b}"),
            EventKind::VideoCall => format!("{a} holds video call with {b}"),
            EventKind::Talks => format!("{a} holds talks with {b}{place}"),
            _ => format!("{a} meets {b}{place}"),
        },
        [first, rest @ ..] => format!("{first} meets {}{place}", rest.join(", ")),
    }
}

/// The leader whose country the publisher names ("Presidential Office of Kestria", "Kestrian
/// Foreign Ministry"), when exactly one does.
fn issuing_leader(publisher: &str, people: &People) -> Option<usize> {
    let words: Vec<&str> = publisher
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // The publisher's runs of words, by length, made as phrases of that length are asked for.
    let mut windows: FxHashMap<usize, FxHashSet<&[&str]>> = FxHashMap::default();
    let mut names = |text: &str| {
        let phrase: Vec<&str> = text.split(' ').collect();
        if words.len() <= 4 * SCANNED {
            work::add(words.len());
            return words.windows(phrase.len()).any(|w| w == phrase.as_slice());
        }
        let runs = windows.entry(phrase.len()).or_insert_with(|| {
            work::add(words.len());
            words.windows(phrase.len()).collect()
        });
        runs.contains(phrase.as_slice())
    };
    let lex = lexicon::lexicon();
    let mut issuers = people.leaders().filter(|&p| {
        let person = &people.persons[p];
        let country = person.country.as_deref();
        country.is_some_and(|c| {
            names(c)
                || lex
                    .demonyms
                    .iter()
                    .any(|(adjective, of)| *of == c && names(adjective))
        }) || person.adjective.as_deref().is_some_and(&mut names)
    });
    let first = issuers.next()?;
    issuers.next().is_none().then_some(first)
}

/// "(Source: Ministry of Foreign Affairs)" → "Ministry of Foreign Affairs".
fn source_publisher(line: &str) -> String {
    let inner = line.trim().trim_start_matches('(').trim_end_matches(')');
    inner
        .split_once(':')
        .map_or(inner, |(_, rest)| rest)
        .trim()
        .to_string()
}
