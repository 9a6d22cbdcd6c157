//! The last pass: participant, readout and statement ids, the statements' shared speaker
//! lists, and the title made when the readout has no headline.

use super::dates::Date;
use super::distinct::SCANNED;
use super::event::EventFacts;
use super::people::People;
use super::people::{self};
use super::segment::{BlockKind, Layout};
use super::statements::Draft;
use super::work;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::*;
use crate::slug::{push_slug, slug};
use std::borrow::Cow;
use std::ops::Range;

/// Everything the passes found, for [`assemble`].
pub(super) struct Parsed {
    pub(super) text: String,
    pub(super) layout: Layout,
    pub(super) event: EventFacts,
    pub(super) people: People,
    pub(super) drafts: Vec<Draft>,
    pub(super) speaker_lists: Vec<usize>,
    pub(super) topics: Vec<Cow<'static, str>>,
    pub(super) publisher: Option<String>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// The output pass: participants in order (principal, counterparts, attendees) with their
/// ids, statements with theirs, the readout's id and title.
pub(super) fn assemble(parsed: Parsed) -> Readout {
    let Parsed {
        text,
        layout,
        event,
        people,
        drafts,
        speaker_lists,
        topics: readout_topics,
        publisher,
        mut diagnostics,
    } = parsed;
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
    let id = readout_id(
        event.date.or(layout.published),
        principal,
        counterpart,
        &text,
    );
    let mut shared = SharedSpeakers::new(&id_of, &speaker_lists);
    let statements: Vec<Statement> = drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| Statement {
            id: statement_id(&id, n),
            speakers: shared.list(d.speakers),
            verb: d.verb,
            text: text[d.text.range()].to_string(),
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
    let title = heading
        .unwrap_or_else(|| generated_title(event.kind, &participants, event.location.as_deref()));

    Readout {
        id,
        title,
        published: layout.published.map(|d| d.to_string()),
        event: Event {
            date: event.date.map(|d| d.to_string()),
            time_of_day: event.time_of_day,
            location: event.location,
            kind: event.kind,
        },
        participants,
        statements,
        topics: readout_topics,
        source: Source {
            prose_start: layout.prose_start,
            text,
            publisher,
            url: None,
        },
        diagnostics,
        corrections: Default::default(),
    }
}

/// Each person's participant id, by index into `persons` (in their output order): the slug of
/// their name, numbered from 2 when an earlier participant has it ("lina-orsk-2").
pub(super) fn participant_ids(persons: &[(usize, people::Person)]) -> Vec<String> {
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

/// Statements' speaker lists as shared lists of ids: each distinct list of speakers made once.
pub(super) struct SharedSpeakers<'a> {
    pub(super) id_of: &'a [String],
    pub(super) speaker_lists: &'a [usize],
    /// The lists made so far, each with the range of the speaker lists it was made for:
    /// scanned while there are [`SCANNED`] or fewer, as in nearly every readout.
    pub(super) made: Vec<(Range<usize>, Speakers)>,
    /// Past that, the lists by the people they name, and by range: statements often share a
    /// range ("continued", "They …"), and a long list is then not hashed again.
    pub(super) by_people: FxHashMap<&'a [usize], Speakers>,
    pub(super) by_range: FxHashMap<(usize, usize), Speakers>,
}

impl<'a> SharedSpeakers<'a> {
    pub(super) fn new(id_of: &'a [String], speaker_lists: &'a [usize]) -> Self {
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
    pub(super) fn list(&mut self, range: Range<usize>) -> Speakers {
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

/// `<date>-<principal>-<counterpart>`, or a content hash when the readout names nobody.
pub(super) fn readout_id(
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

pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

pub(super) fn generated_title(
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
