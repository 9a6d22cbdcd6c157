//! The event of a readout: its kind, city, day and time of day, and the dateline
//! ("ASTANA, July 3 (Agency) --") that may open the first paragraph.

use super::dates::{date_phrases, DatePhrase};
use super::dates::{time_of_day, Date};
use super::distinct::SCANNED;
use super::lexicon;
use super::names::{is_starter, Mention};
use super::people::People;
use super::segment::{Block, BlockKind, Layout};
use super::sentences::Sentence;
use super::tokens::{tokenize, Token};
use crate::fxhash::FxHashSet;
use crate::model::{Diagnostic, EventKind, Level, Span, TimeOfDay};

/// A dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Where the text after the dateline starts.
    pub end: usize,
    pub city: Option<String>,
    pub date: Option<DatePhrase>,
}

/// How many sentences of the opening paragraph may tell the event's date, time and place.
const OPENING_SENTENCES: usize = 3;

/// What the event pass finds, before it is written out.
pub(super) struct EventFacts {
    pub(super) date: Option<Date>,
    pub(super) time_of_day: Option<TimeOfDay>,
    pub(super) location: Option<String>,
    pub(super) kind: EventKind,
}

/// The event pass: the kind, date, time and place, from the opening sentences (of the first
/// prose block, `first_prose`), the dateline and the publication date.
pub(super) fn read(
    text: &str,
    layout: &Layout,
    first_prose: Option<usize>,
    dateline: Option<&Dateline>,
    sentences: &[Sentence],
    people: &People,
    diagnostics: &mut Vec<Diagnostic>,
) -> EventFacts {
    let opening_block = first_prose
        .map(|b| past_lead_in(text, layout, b))
        .or_else(|| (!layout.blocks.is_empty()).then_some(0));
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
    let headline = opening_block
        .and_then(|first| {
            layout.blocks[..first]
                .iter()
                .find(|b| b.kind == BlockKind::Heading)
        })
        .map_or("", |heading| &text[heading.span.start..heading.span.end]);
    let kind = kind(leaders, opening_text, headline);
    // "PM call with President X: 3 March 2050": a full date in the headline before the
    // opening (UK Prime Minister's Office style) is the call's day when the text gives none,
    // and the anchor of "this morning" when nothing else is.
    let headline_date = || {
        let first = opening_block?;
        let heading = layout.blocks[..first]
            .iter()
            .find(|b| b.kind == BlockKind::Heading)?;
        let tokens = tokenize(text, heading.span.start, heading.span.end);
        date_phrases(text, &tokens)
            .into_iter()
            .find(|p| matches!(p, DatePhrase::Calendar { year: Some(_), .. }))
            .and_then(|p| p.resolve(None))
    };
    let anchor = layout
        .published
        .or_else(|| dateline.and_then(|d| d.date).and_then(|p| p.resolve(None)))
        .or_else(|| layout.release.and_then(|value| release_date(text, value)))
        .or_else(headline_date);
    let phrases: Vec<DatePhrase> = opening
        .iter()
        .flat_map(|s| date_phrases(text, s.tokens))
        .chain(dateline.and_then(|d| d.date))
        .collect();
    let date = event_day(&phrases, anchor).or_else(headline_date);
    let time = opening.iter().find_map(|s| time_of_day(text, s.tokens));
    let location = match kind {
        EventKind::PhoneCall | EventKind::VideoCall => None,
        _ => dateline.and_then(|d| d.city.clone()).or_else(|| {
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
                place(text, s.tokens, s.mentions, |name| {
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

    EventFacts {
        date,
        time_of_day: time,
        location,
        kind,
    }
}

/// The block that opens the readout: `first`, unless it is a spokesperson's lead-in ending with
/// ":" ("The below is attributable to Spokesperson X:") or a date line alone ("April 7, 2048",
/// read as the dateline) before a paragraph, which then opens it (past the labels in between,
/// "Office of the Spokesperson").
fn past_lead_in(text: &str, layout: &Layout, first: usize) -> usize {
    let mut at = first;
    loop {
        let span = layout.blocks[at].span;
        let lead_in = text[span.range()].ends_with(':');
        let date_alone = span.end - span.start <= 60
            && !text[span.range()].contains('\n')
            && text[span.range()].bytes().any(|b| b.is_ascii_digit())
            && standalone_dateline(text, span.start, span.end).is_some();
        if !lead_in && !date_alone {
            return at;
        }
        let next = layout.blocks[at + 1..]
            .iter()
            .position(|b| !matches!(b.kind, BlockKind::Heading | BlockKind::PageLine))
            .map(|n| at + 1 + n);
        match next {
            Some(n) if layout.blocks[n].kind == BlockKind::Prose => at = n,
            _ => return at,
        }
    }
}

/// The event's day among the opening's date phrases: the first that resolves, unless it is a
/// range ("paid a state visit … from 16 to 18 November") and a later phrase names one day
/// inside it ("held talks … on 17 November"): the day of the talks, not the visit's first.
fn event_day(phrases: &[DatePhrase], anchor: Option<Date>) -> Option<Date> {
    let (at, first) = phrases
        .iter()
        .enumerate()
        .find_map(|(at, p)| Some((at, p.resolve(anchor)?)))?;
    let Some(last) = phrases[at].resolve_until(anchor) else {
        return Some(first);
    };
    let inside = phrases[at + 1..].iter().find_map(|p| {
        let day = p.resolve(anchor)?;
        (p.resolve_until(anchor).is_none() && first < day && day <= last).then_some(day)
    });
    Some(inside.unwrap_or(first))
}

/// Reads "CITY, Month Day (Agency) --", "City, 3 July 2031 —" or "CITY (Agency) -" at `start`,
/// or a date line standing alone ("October 21, 2033", "Lunevaux, 20 May 2035").
pub fn dateline(text: &str, start: usize, end: usize) -> Option<Dateline> {
    if let Some(line) = standalone_dateline(text, start, end) {
        return Some(line);
    }
    let window_end = (start + 120).min(end);
    let window = text.get(start..window_end)?;
    // The first dash that ends the dateline: its position and length.
    let dash = window.char_indices().find_map(|(at, c)| {
        let rest = &window[at..];
        match c {
            ' ' => [" -- ", " — ", " – ", " - "]
                .iter()
                .find(|d| rest.starts_with(*d))
                .map(|d| (at, d.len())),
            '—' | '–' => Some((at, c.len_utf8())),
            _ => None,
        }
    })?;
    let prefix = &window[..dash.0];
    let first_word = prefix.split([',', ' ', '(']).next().unwrap_or("");
    if prefix.is_empty()
        || !first_word.chars().next().is_some_and(char::is_uppercase)
        || prefix.split(' ').count() > 10
        || prefix.ends_with('.')
    {
        return None;
    }
    let tokens = tokenize(text, start, start + dash.0);
    let date = date_phrases(text, &tokens).into_iter().next();
    let has_agency = prefix.contains('(');
    let all_caps_city = first_word.len() > 1 && first_word.chars().all(|c| !c.is_lowercase());
    if date.is_none() && !has_agency && !all_caps_city {
        return None;
    }
    let city_part = prefix.split([',', '(']).next().unwrap_or("").trim();
    let city_words: Vec<&str> = city_part.split(' ').collect();
    let city_like = city_words.len() <= 4
        && city_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_starter(w));
    if !city_like || city_part.len() == prefix.trim().len() && !all_caps_city {
        return None;
    }
    let city = (!city_part.is_empty()
        && date_phrases(text, &tokenize(text, start, start + city_part.len())).is_empty())
    .then(|| title_case(city_part));
    let mut after = start + dash.0 + dash.1;
    while text[after..end].starts_with(' ') {
        after += 1;
    }
    Some(Dateline {
        end: after,
        city,
        date,
    })
}

/// The dateline at the head of block `at` (the readout's first prose block): [`dateline`],
/// and for a date line standing alone in its block with no place ("April 14, 2046"), the
/// place of a place line in the block under it ("The Amber Palace, Kirovsk", as the Kremlin's
/// pages print it; [`place_line`]).
pub fn opening_dateline(text: &str, blocks: &[Block], at: usize) -> Option<Dateline> {
    let span = blocks.get(at)?.span;
    let mut line = dateline(text, span.start, span.end)?;
    let alone = text[line.end.min(span.end)..span.end].trim().is_empty();
    if line.city.is_none() && alone {
        line.city = blocks
            .get(at + 1)
            .map(|next| text[next.span.start..next.span.end].trim())
            .filter(|next| !next.contains('\n'))
            .and_then(place_line)
            .map(title_case);
    }
    Some(line)
}

/// The date of a page's release line (`segment::Layout::release`: "October 11, 2043", the
/// value of "For Immediate Release"): a line that is only a date with a year, and no place.
pub(super) fn release_date(text: &str, value: Span) -> Option<Date> {
    let line = standalone_dateline(text, value.start, value.end)?;
    if line.city.is_some() {
        return None;
    }
    line.date?.resolve(None)
}

/// How many blocks at the end of a readout may hold its closing date line.
const CLOSING_BLOCKS: usize = 3;

/// The longest block read for a closing date line: a place line and a date line.
const CLOSING_LEN: usize = 128;

/// A date line among the last blocks of a readout ("May 20, 2046" under the text, as the
/// Kremlin's pages print it; "New Delhi" / "April 04, 2040" under India's MEA's): the date of
/// the page, read as a dateline's when none opens the readout. Its place is where the page was
/// issued, not the event's: no city.
pub fn closing_dateline(text: &str, layout: &Layout) -> Option<Dateline> {
    let last_blocks = layout.blocks.iter().rev().take(CLOSING_BLOCKS);
    last_blocks
        // A date line, with a place line above it at most: a short block (paragraphs are
        // never read through).
        .filter(|b| b.span.end - b.span.start <= CLOSING_LEN)
        .filter(|b| matches!(b.kind, BlockKind::Prose | BlockKind::Heading))
        .find_map(|block| {
            let mut start = block.span.start;
            text[block.span.start..block.span.end]
                .split('\n')
                .find_map(|line| {
                    let at = start;
                    start += line.len() + 1;
                    // A date has digits: other lines are not read.
                    let digits = line.bytes().any(|b| b.is_ascii_digit());
                    digits
                        .then(|| standalone_dateline(text, at, at + line.len()))
                        .flatten()
                })
        })
        .map(|line| Dateline {
            end: line.end,
            city: None,
            date: line.date,
        })
}

/// Whether the line at `start..end` is only a date line ("June 17, 2049").
pub(super) fn is_standalone_dateline(text: &str, start: usize, end: usize) -> bool {
    standalone_dateline(text, start, end).is_some()
}

/// A first line that is only a date with a year, after an optional "City," ("Lunevaux, 20
/// May 2035", "April 29, 2031"): the date and place of the event, as a dateline whose text
/// ends with the line.
fn standalone_dateline(text: &str, start: usize, end: usize) -> Option<Dateline> {
    let block = text.get(start..end)?;
    let line_len = block.find('\n').unwrap_or(block.len());
    let line = without_clock_time(block[..line_len].trim_end());
    if line.is_empty() || line.len() > 60 {
        return None;
    }
    let (city_part, date_part) = match line.split_once(',') {
        Some((city, rest)) if !is_date_only(text, start, city) => (Some(city.trim()), rest),
        _ => (None, line),
    };
    let date_start = start + (line.len() - date_part.len());
    let (date_part, city_part) = if is_date_only(text, date_start, date_part) {
        (date_part, city_part)
    } else if city_part.is_none() {
        // "14 November 2046, Port Adair, Selvania" (a chair's statement): the date, then the
        // city and its country.
        let (date, place) = date_then_place(text, start, line)?;
        (date, Some(place))
    } else {
        return None;
    };
    let tokens = tokenize(text, date_start, date_start + date_part.len());
    let date = date_phrases(text, &tokens).into_iter().next()?;
    if !matches!(date, DatePhrase::Calendar { year: Some(_), .. }) {
        return None;
    }
    let city = match city_part {
        None => None,
        Some(city) if is_city_like(city) => Some(title_case(city)),
        Some(_) => return None,
    };
    let mut after = start + line_len;
    while text[after..end].starts_with(['\n', '\r', ' ']) {
        after += 1;
    }
    Some(Dateline {
        end: after,
        city,
        date: Some(date),
    })
}

/// A line that is only a place ("Sochi", "The Amber Palace, Kirovsk", "Novo-Ogaryovo, Moscow
/// Region", "Minsk, Belarus"): the city in it. Its parts, separated by commas, are capitalized
/// words (a venue may begin with "The"); the city is the last part, or the one before it when
/// the last is a country or ends with a place noun ("Region").
fn place_line(line: &str) -> Option<&str> {
    if line.is_empty() || line.len() > 60 || line.ends_with(['.', ':', ';', '!', '?']) {
        return None;
    }
    let parts: Vec<&str> = line.split(", ").collect();
    let capitalized = |part: &str| {
        part.split(' ').enumerate().all(|(at, w)| {
            w.chars().next().is_some_and(char::is_uppercase) && (at == 0 || !is_starter(w))
        })
    };
    if parts.len() > 3 || !parts.iter().all(|p| capitalized(p)) {
        return None;
    }
    let lexicon = lexicon::lexicon();
    let last = *parts.last()?;
    let last_word = last.rsplit(' ').next().unwrap_or(last).to_lowercase();
    let not_the_city = lexicon.is_country(last) || lexicon.place_nouns.contains(&last_word);
    let city = match parts.len() {
        1 if last.split(' ').count() <= 2 && !not_the_city => last,
        1 => return None,
        n if not_the_city => parts[n - 2],
        _ => last,
    };
    (is_city_like(city) && city.split(' ').count() <= 3).then_some(city)
}

/// A few capitalized words that are no sentence starters: a city's name ("Port Adair").
fn is_city_like(city: &str) -> bool {
    let words: Vec<&str> = city.split(' ').collect();
    words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_starter(w))
}

/// `line` (at `start`) read as "date, City" or "date, City, Country": the date part and the
/// city, when the part before a comma is only a date and one or two places follow it.
fn date_then_place<'l>(text: &str, start: usize, line: &'l str) -> Option<(&'l str, &'l str)> {
    let (date, place) = line.split_once(", ")?;
    let mut places = place.split(", ");
    let city = places.next()?;
    let country = places.next();
    let fits = is_date_only(text, start, date)
        && places.next().is_none()
        && is_city_like(city)
        && country.is_none_or(is_city_like);
    fits.then_some((date, city))
}

/// A date line without the clock time a page stamps after it ("July 8, 2047 18:40", the
/// Kremlin's): the time of publishing, not of the event.
fn without_clock_time(line: &str) -> &str {
    let Some((date, time)) = line.rsplit_once(' ') else {
        return line;
    };
    let clock = time.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    });
    if clock {
        date.trim_end()
    } else {
        line
    }
}

/// True when `part` (at `at` in `text`) is nothing but one date: a few words, each a month
/// name, a day or a year, and a date phrase among them.
fn is_date_only(text: &str, at: usize, part: &str) -> bool {
    let tokens = tokenize(text, at, at + part.len());
    let words = tokens.iter().filter(|t| t.is_word()).map(|t| t.text(text));
    let plain = words.clone().count() <= 4
        && words.into_iter().all(|w| {
            w.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || (w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        });
    plain && !date_phrases(text, &tokens).is_empty()
}

/// "NEW DELHI" → "New Delhi"; mixed-case names are kept as they are.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The kind of event, from the number of leaders and the phrases of the opening paragraph
/// (`data/event_kinds.tsv`); when the opening has none ("A and B discussed today …"), from
/// the headline's ("Phone call between A and B").
pub fn kind(leaders: usize, opening: &str, headline: &str) -> EventKind {
    if leaders >= 3 {
        return EventKind::Multilateral;
    }
    // Every phrase of the list is ASCII: ASCII lowercase is enough to find them in any case.
    let kinds = &lexicon::lexicon().event_kinds;
    let opening = opening.to_ascii_lowercase();
    kinds
        .iter()
        .find(|k| k.matches(&opening))
        .or_else(|| {
            // The headline's kind, unless the opening denies it ("A met B in …").
            let headline = headline.to_ascii_lowercase();
            kinds
                .iter()
                .find(|k| k.matches(&headline) && !k.denied_by(&opening))
        })
        .map_or(EventKind::Meeting, |k| k.kind)
}

/// The first `in <Place>` (or another word of `data/venue_markers.txt`: "visiting <Place>")
/// of the tokens whose place is neither a person, a country nor a date.
pub fn place(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    is_country: impl Fn(&str) -> bool,
) -> Option<String> {
    mentions.iter().find_map(|m| {
        let before = m.first.checked_sub(1).and_then(|i| tokens.get(i))?;
        let is_in =
            before.is_word() && lexicon::lexicon().venue_markers.contains(before.text(text));
        // "in Downing Street" read as "Street" (a leading "-ing" word skipped): no place.
        let whole = m.last - m.first == m.name.len();
        if !is_in || m.title.is_some() || m.name.is_empty() || !whole {
            return None;
        }
        let name = m.name.join(" ");
        (!is_country(&name)).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_a_whole_name_after_in() {
        let find = |text: &str| {
            let tokens = tokenize(text, 0, text.len());
            let mentions = super::super::names::mentions(text, &tokens);
            place(text, &tokens, &mentions, |_| false)
        };
        assert_eq!(
            find("They met in Port Alder today.").as_deref(),
            Some("Port Alder")
        );
        assert_eq!(find("They met in Downing Street today."), None);
    }

    #[test]
    fn the_opening_after_a_lead_in_line_dates_the_event() {
        // The sentence after the lead-in holds a frame ("whom he welcomed"), which ended the
        // opening when the lead-in line was taken for a one-sentence opening.
        let text = "date 2049-10-14\n\nThe below is attributable to Spokesperson Owen Pike:\n\n\
                    Secretary Ashdown met today with Foreign Minister Yael Doron, whom he \
                    welcomed to Calder.\n\nThe Secretary stressed that it works.";
        let readout = super::super::parse(text, None, None);
        assert_eq!(readout.event.date.as_deref(), Some("2049-10-14"));
    }

    #[test]
    fn the_opening_is_past_the_date_line_labels_and_lead_in() {
        let text = "Secretary A's Meeting with Counterparts\n\nReadout\nApril 7, 2048\n\n\
                    Office of the Spokesperson\n\nThe following is attributable to Spokesperson \
                    Dana Ferreira:\n\nSecretary of State Martin Whitcombe met today with \
                    Pellonian Foreign Minister Aino Laaksonen and Estrenian Foreign Minister \
                    Clara Munteanu.\n\nThe participants agreed to meet again.";
        let readout = super::super::parse(text, None, None);
        assert_eq!(readout.event.date.as_deref(), Some("2048-04-07"));
        assert_eq!(readout.event.kind, EventKind::Multilateral);
        assert_eq!(readout.participants.len(), 3);
    }

    #[test]
    fn reads_a_closing_date_line() {
        let date = |text: &str| {
            let layout = super::super::segment::layout(text);
            closing_dateline(text, &layout).and_then(|d| d.date?.resolve(None))
        };
        let call = "A had a call with B.\n\nThey agreed to meet.\n\nMay 20, 2046";
        assert_eq!(date(call), Date::parse_iso("2046-05-20"));
        // A place line above it, and page furniture below it.
        let mea = "A had a call with B.\n\nCastrel\nApril 04, 2040\n\nClick here for Tamil version";
        assert_eq!(date(mea), Date::parse_iso("2040-04-04"));
        // Only a line that is nothing but a date, and only near the end.
        assert_eq!(
            date("A met B on May 20, 2046.\n\nThey agreed to meet."),
            None
        );
        let early = "May 20, 2046\n\nA met B.\n\nB spoke.\n\nA spoke.\n\nThey agreed.";
        assert_eq!(date(early), None);
    }

    #[test]
    fn a_place_line_gives_its_city() {
        assert_eq!(place_line("The Amber Palace, Kirovsk"), Some("Kirovsk"));
        assert_eq!(place_line("Sochi"), Some("Sochi"));
        assert_eq!(
            place_line("Novo-Ogaryovo, Moscow Region"),
            Some("Novo-Ogaryovo")
        );
        assert_eq!(place_line("Minsk, Belarus"), Some("Minsk"));
        assert_eq!(place_line("Belarus"), None);
        assert_eq!(place_line("Ilya Morozov held talks."), None);
        assert_eq!(
            place_line("Transcript of the beginning of the talks:"),
            None
        );
        assert_eq!(
            place_line("Talks With Prime Minister Of Orlendia Henrik Aaberg"),
            None
        );
        assert_eq!(place_line("The talks went well"), None);
    }

    #[test]
    fn reads_datelines() {
        let text = "ASTANA, July 3 (Xinhua) -- President A met B.";
        let d = dateline(text, 0, text.len()).unwrap();
        assert_eq!(d.city.as_deref(), Some("Astana"));
        assert_eq!(&text[d.end..], "President A met B.");
        assert!(d.date.is_some());
        let text = "Vell, 3 July 2031 — The leaders met.";
        assert_eq!(
            dateline(text, 0, text.len()).unwrap().city.as_deref(),
            Some("Vell")
        );
        let text = "On the evening of July 3 - a Tuesday - they met.";
        assert_eq!(dateline(text, 0, text.len()), None);
        // A date line standing alone, with or without a place.
        let text = "Lunevaux, 20 May 2035\n\nThe leaders met.";
        let d = dateline(text, 0, 21).unwrap();
        assert_eq!(d.city.as_deref(), Some("Lunevaux"));
        assert!(d.date.is_some());
        let text = "October 21, 2033";
        let d = dateline(text, 0, text.len()).unwrap();
        assert_eq!((d.city, d.end), (None, text.len()));
        let text = "Vell, Kestria";
        assert_eq!(dateline(text, 0, text.len()), None);
        // The date first, then the city and its country (a chair's statement).
        let text = "14 November 2046, Port Adair, Selvania";
        let d = dateline(text, 0, text.len()).unwrap();
        assert_eq!(d.city.as_deref(), Some("Port Adair"));
        assert!(d.date.is_some());
        let text = "14 November 2046, the leaders met";
        assert_eq!(dateline(text, 0, text.len()), None);
        // The clock time a page stamps after the date is no part of it.
        let text = "July 8, 2047 18:40";
        let d = dateline(text, 0, text.len()).unwrap();
        assert_eq!((d.city, d.end), (None, text.len()));
        assert!(d.date.is_some());
    }

    #[test]
    fn tells_the_kind() {
        assert_eq!(
            kind(2, "X held a phone call with Y", ""),
            EventKind::PhoneCall
        );
        assert_eq!(kind(2, "X spoke with Y today", ""), EventKind::PhoneCall);
        assert_eq!(kind(2, "X held talks with Y in Vell", ""), EventKind::Talks);
        assert_eq!(
            kind(2, "X held a video call with Y", ""),
            EventKind::VideoCall
        );
        assert_eq!(kind(2, "X met with Y in Astana", ""), EventKind::Meeting);
        assert_eq!(kind(3, "X met with Y and Z", ""), EventKind::Multilateral);
        // The headline tells it when the opening does not.
        let opening = "A and B discussed today the summit";
        assert_eq!(
            kind(2, opening, "Phone call between A and B"),
            EventKind::PhoneCall
        );
        assert_eq!(kind(2, opening, "A meets B"), EventKind::Meeting);
        assert_eq!(kind(2, "A met B in Vell", "Phone call"), EventKind::Meeting);
        assert_eq!(kind(2, "A met B in Vell", "Phone call"), EventKind::Meeting);
    }
}
