//! Calendar dates and the date and time phrases readouts use ("July 3, 2024", "3 July",
//! "July 3rd", "on Tuesday", "yesterday", "On the evening of", "at 10:30").

use super::lexicon::{lexicon, Lexicon};
use super::tokens::{ascii_lower, Token};
pub use crate::date::Date;
use crate::model::TimeOfDay;

/// A date phrase as written, before it is resolved against an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePhrase {
    /// A calendar day; the year may be missing ("July 3rd"). A range ("from 16 to 18
    /// November") is its first day, and `until` its last day of the same month.
    Calendar {
        year: Option<i32>,
        month: u32,
        day: u32,
        until: Option<u32>,
    },
    /// "on Tuesday": 0 = Monday.
    Weekday(u32),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    Relative(i64),
}

impl DatePhrase {
    /// The date meant, using `anchor` (the publication or dateline date) for a missing year or
    /// a relative day. A weekday is the latest such day on or before the anchor.
    pub fn resolve(self, anchor: Option<Date>) -> Option<Date> {
        match self {
            DatePhrase::Calendar {
                year, month, day, ..
            } => Date::new(year.or(anchor.map(|a| a.year))?, month, day),
            DatePhrase::Weekday(weekday) => {
                let anchor = anchor?;
                let back = (anchor.weekday() + 7 - weekday) % 7;
                Some(anchor.add_days(-i64::from(back)))
            }
            DatePhrase::Relative(offset) => Some(anchor?.add_days(offset)),
        }
    }

    /// The last day of a range ("from 16 to 18 November" → 18 November), read as
    /// [`DatePhrase::resolve`] reads its first day; `None` for anything but a range.
    pub fn resolve_until(self, anchor: Option<Date>) -> Option<Date> {
        match self {
            DatePhrase::Calendar {
                year,
                month,
                until: Some(until),
                ..
            } => Date::new(year.or(anchor.map(|a| a.year))?, month, until),
            _ => None,
        }
    }
}

/// The month a word names (`data/months.tsv`): a full name in any case, or an abbreviation
/// with a capital first letter (never "may" or "mar" as words).
fn month_number(lex: &Lexicon, word: &str) -> Option<u32> {
    lex.months.get(word).or_else(|| {
        word.starts_with(|c: char| c.is_ascii_uppercase())
            .then(|| lex.month_abbreviations.get(word))
            .flatten()
    })
}

/// The word between the two days of a range: "3 to 5 May", "3-5 May", "3 – 5 May"
/// (`data/date_range_joiners.txt`).
fn is_range_joiner(lex: &Lexicon, word: &str) -> bool {
    lex.date_range_joiners.contains(word)
}

/// The weekday a word names, Monday 0 (`data/weekdays.txt`).
fn weekday_number(lex: &Lexicon, word: &str) -> Option<u32> {
    lex.weekdays.get(word)
}

/// "3", "3rd", "21st" → 3, 21.
fn day_number(word: &str) -> Option<u32> {
    let digits = &word[..word.bytes().take_while(u8::is_ascii_digit).count()];
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// "today" (0), "yesterday" (-1), "this morning" (0), "last night" (-1), … at `word`
/// (`data/relative_days.tsv`).
fn relative_day(lex: &Lexicon, word: &str, next: &str) -> Option<i64> {
    lex.relative_days.get(word).or_else(|| {
        lex.relative_pairs
            .iter()
            .find(|(first, second, _)| {
                word.eq_ignore_ascii_case(first) && next.eq_ignore_ascii_case(second)
            })
            .map(|&(_, _, offset)| offset)
    })
}

/// "morning", "afternoon" or "evening", in any case (`data/day_parts.tsv`).
fn part_of_day(lex: &Lexicon, word: &str) -> Option<TimeOfDay> {
    lex.day_parts.get(word)
}

/// Every date phrase among the tokens, in order.
pub fn date_phrases(text: &str, tokens: &[Token]) -> Vec<DatePhrase> {
    let lex = lexicon();
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // Month Day[,] [Year]
        if let Some(month) = month_number(lex, w) {
            let mut j = i + 1;
            if word(j) == "." {
                j += 1;
            }
            if let Some(day) = day_number(word(j)) {
                let mut k = j + 1;
                // "May 3 to 5, 2036": a range is read as its first day.
                let mut until = None;
                if is_range_joiner(lex, word(k)) {
                    if let Some(last) = day_number(word(k + 1)) {
                        until = (last > day).then_some(last);
                        k += 2;
                    }
                }
                if word(k) == "," {
                    k += 1;
                }
                let year = year_number(word(k));
                found.push(DatePhrase::Calendar {
                    year,
                    month,
                    day,
                    until,
                });
                i = if year.is_some() { k + 1 } else { j + 1 };
                continue;
            }
        }
        // Day Month [Year]
        if let Some(day) = day_number(w) {
            // "from 3 to 5 May 2036": a range is read as its first day.
            let second = is_range_joiner(lex, word(i + 1))
                .then(|| day_number(word(i + 2)))
                .flatten();
            let until = second.filter(|&last| last > day);
            let range = if second.is_some() { 2 } else { 0 };
            let last_day = i + range;
            let of = usize::from(word(last_day + 1).eq_ignore_ascii_case("of"));
            if let Some(month) = month_number(lex, word(last_day + 1 + of)) {
                let mut k = last_day + 2 + of;
                if word(k) == "," {
                    k += 1;
                }
                let year = year_number(word(k));
                found.push(DatePhrase::Calendar {
                    year,
                    month,
                    day,
                    until,
                });
                i = if year.is_some() {
                    k + 1
                } else {
                    last_day + 2 + of
                };
                continue;
            }
        }
        // ISO date: 2024 - 07 - 03 arrives as one word with hyphens.
        if let Some(date) = Date::parse_iso(w) {
            found.push(DatePhrase::Calendar {
                year: Some(date.year),
                month: date.month,
                day: date.day,
                until: None,
            });
        } else if let Some(weekday) = weekday_number(lex, w) {
            found.push(DatePhrase::Weekday(weekday));
        } else if let Some(offset) = relative_day(lex, w, word(i + 1)) {
            found.push(DatePhrase::Relative(offset));
        }
        i += 1;
    }
    found
}

/// The time of day the tokens give for an event: a part of the day ("On the evening of",
/// "In the morning", "this afternoon", "tonight") or a clock time ("at 10:30", "3 p.m.").
pub fn time_of_day(text: &str, tokens: &[Token]) -> Option<TimeOfDay> {
    let lex = lexicon();
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    for i in 0..words.len() {
        let before = word(i.wrapping_sub(1));
        // "tonight" and "last night" are about the event whatever comes before.
        let night = words[i].eq_ignore_ascii_case("tonight")
            || (words[i].eq_ignore_ascii_case("night") && before.eq_ignore_ascii_case("last"));
        let part = part_of_day(lex, words[i]).or(night.then_some(TimeOfDay::Evening));
        if let Some(part) = part {
            // "the morning of", "in the morning", "this morning", "Tuesday evening".
            let about_event = night
                || lex.day_part_openers.contains(before)
                || weekday_number(lex, before).is_some();
            if about_event {
                return Some(part);
            }
        }
        // Clock times: "10:30", "15:00", "3 p.m.", "10 am", "9.30 a.m."
        if let Some(hour) = clock_hour(&words, i) {
            let is_time_context = i == 0 || lex.clock_prepositions.contains(word(i - 1));
            if is_time_context {
                return Some(match hour {
                    0..=11 => TimeOfDay::Morning,
                    12..=17 => TimeOfDay::Afternoon,
                    _ => TimeOfDay::Evening,
                });
            }
        }
    }
    None
}

/// The 24-hour hour of a clock time starting at word `i`, if one starts there.
fn clock_hour(words: &[&str], i: usize) -> Option<u32> {
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let hour: u32 = {
        let w = words[i];
        if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()?
    };
    let mut k = i + 1;
    let mut has_minutes = false;
    if matches!(word(k), ":" | ".")
        && word(k + 1).len() == 2
        && word(k + 1).bytes().all(|b| b.is_ascii_digit())
    {
        has_minutes = true;
        k += 2;
    }
    let meridiem = match ascii_lower(word(k)).as_str() {
        "a" if word(k + 1) == "." && word(k + 2).eq_ignore_ascii_case("m") => Some(false),
        "p" if word(k + 1) == "." && word(k + 2).eq_ignore_ascii_case("m") => Some(true),
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    };
    match meridiem {
        Some(pm) if (1..=12).contains(&hour) => Some(match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        }),
        None if has_minutes && hour <= 23 => Some(hour),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn phrases(text: &str) -> Vec<DatePhrase> {
        date_phrases(text, &tokenize(text, 0, text.len()))
    }

    fn tod(text: &str) -> Option<TimeOfDay> {
        time_of_day(text, &tokenize(text, 0, text.len()))
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::parse_iso("2024-07-14").unwrap();
        assert_eq!(d.weekday(), 6); // a Sunday
        assert_eq!(d.add_days(-14).to_string(), "2024-06-30");
        assert_eq!(Date::parse_iso("2024-02-30"), None);
        assert_eq!(
            Date::parse_iso("2023-12-31")
                .unwrap()
                .add_days(1)
                .to_string(),
            "2024-01-01"
        );
    }

    #[test]
    fn reads_calendar_phrases() {
        use DatePhrase::*;
        let cal = |year, month, day| Calendar {
            year,
            month,
            day,
            until: None,
        };
        let range = |year, month, day, until| Calendar {
            year,
            month,
            day,
            until: Some(until),
        };
        assert_eq!(
            phrases("On July 3, 2024 local time"),
            vec![cal(Some(2024), 7, 3)]
        );
        assert_eq!(
            phrases("on 3 July 2031 and the 4th of May"),
            vec![cal(Some(2031), 7, 3), cal(None, 5, 4)]
        );
        assert_eq!(phrases("July 3rd, in May this year"), vec![cal(None, 7, 3)]);
        assert_eq!(
            phrases("Sept. 9 and yesterday, on Tuesday"),
            vec![cal(None, 9, 9), Relative(-1), Weekday(1)]
        );
        // A range is its first day, and knows its last.
        assert_eq!(
            phrases("from 3 to 5 May 2036, then May 7 to 9, 2036"),
            vec![range(Some(2036), 5, 3, 5), range(Some(2036), 5, 7, 9)]
        );
        let anchor = Date::parse_iso("2036-06-01");
        let [first, _] = phrases("from 3 to 5 May, then May 7 to 9")[..] else {
            panic!("two ranges");
        };
        assert_eq!(
            first
                .resolve_until(anchor)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2036-05-05")
        );
        assert_eq!(cal(Some(2036), 5, 3).resolve_until(anchor), None);
    }

    #[test]
    fn resolves_against_an_anchor() {
        let anchor = Date::parse_iso("2024-07-14"); // Sunday
        assert_eq!(
            DatePhrase::Weekday(1).resolve(anchor).unwrap().to_string(),
            "2024-07-09"
        );
        assert_eq!(
            DatePhrase::Weekday(6).resolve(anchor).unwrap().to_string(),
            "2024-07-14"
        );
        assert_eq!(
            DatePhrase::Relative(-1)
                .resolve(anchor)
                .unwrap()
                .to_string(),
            "2024-07-13"
        );
        assert_eq!(DatePhrase::Relative(-1).resolve(None), None);
        let no_year = DatePhrase::Calendar {
            year: None,
            month: 7,
            day: 3,
            until: None,
        };
        assert_eq!(no_year.resolve(anchor).unwrap().to_string(), "2024-07-03");
        assert_eq!(no_year.resolve(None), None);
    }

    #[test]
    fn reads_the_time_of_day() {
        assert_eq!(tod("On the evening of July 3"), Some(TimeOfDay::Evening));
        assert_eq!(
            tod("In the afternoon, they met"),
            Some(TimeOfDay::Afternoon)
        );
        assert_eq!(
            tod("They met at 10:30 local time"),
            Some(TimeOfDay::Morning)
        );
        assert_eq!(tod("at 3 p.m."), Some(TimeOfDay::Afternoon));
        assert_eq!(tod("at 18:00"), Some(TimeOfDay::Evening));
        assert_eq!(tod("a morning person; 10 ministers"), None);
        assert_eq!(
            tod("at the house yesterday evening"),
            Some(TimeOfDay::Evening)
        );
    }
}
