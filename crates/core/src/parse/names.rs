//! Name mentions: runs of capitalized words such as "Russian President Vladimir Putin", read
//! as an optional country adjective, an optional title and the name itself.

use super::lexicon::lexicon;
use super::tokens::{is_capitalized, strip_possessive, Token};

/// A run of capitalized words in a sentence, read as adjective + title + name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the whole run in the text.
    pub start: usize,
    pub end: usize,
    /// Token indices `[first, last)` of the run within the sentence's tokens.
    pub first: usize,
    pub last: usize,
    pub title: Option<String>,
    /// Country from a known adjective ("Russian") or "President of Kestria".
    pub country: Option<String>,
    /// An adjective before the title that is not in the lexicon ("Arvelian").
    pub adjective: Option<String>,
    /// The name words, possessive removed; empty for a bare title ("The Premier").
    pub name: Vec<String>,
    /// The name as written ("John F. Kennedy"), possessive removed.
    pub name_text: String,
    /// Title and name as written, without adjective or possessive: a candidate alias.
    pub surface: String,
}

impl Mention {
    pub fn has_name(&self) -> bool {
        !self.name.is_empty()
    }
}

/// Portfolios in titles such as "Minister of Trade".
fn is_portfolio(word: &str) -> bool {
    matches!(
        word,
        "Trade"
            | "Finance"
            | "Foreign"
            | "Affairs"
            | "Defence"
            | "Defense"
            | "Economy"
            | "Health"
            | "Education"
            | "Energy"
            | "Justice"
            | "Interior"
            | "Agriculture"
            | "Commerce"
            | "Industry"
            | "Culture"
            | "Labour"
            | "Labor"
            | "Transport"
            | "Environment"
            | "Science"
            | "Technology"
            | "State"
            | "Home"
            | "Development"
            | "Investment"
            | "Security"
            | "Planning"
            | "Communications"
            | "Tourism"
    )
}

/// Lowercase words that may sit inside a name ("Jean-Marc de la Fontaine", "bin Saleh").
pub fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "ben"
            | "ter"
            | "zu"
            | "y"
    )
}

/// "al-Qasimi", "el-Sisi": a lowercase particle joined to a capitalized name.
fn is_prefixed_name(word: &str) -> bool {
    word.split_once(['-', '\''])
        .is_some_and(|(head, tail)| is_particle(head) && is_capitalized(tail))
}

fn is_name_word(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    // Most words are plain lowercase ASCII: no lookups for them.
    if first.is_ascii_lowercase() && !word.bytes().any(|b| b == b'-' || b == b'\'') {
        return false;
    }
    (is_capitalized(word) || is_prefixed_name(word)) && !is_breaker(word)
}

/// Capitalized words of title-case headlines that separate names ("X Meets Y", "Call with").
fn is_breaker(word: &str) -> bool {
    matches!(
        word,
        "Meets"
            | "Met"
            | "Holds"
            | "Held"
            | "Speaks"
            | "Spoke"
            | "Calls"
            | "Call"
            | "Talks"
            | "Hosts"
            | "Hosted"
            | "Receives"
            | "Received"
            | "With"
            | "And"
            | "Visits"
            | "Attends"
            | "Joins"
            | "Readout"
            | "Statement"
            | "Transcript"
            | "Meeting"
            | "Phone"
            | "Video"
            | "Conversation"
            | "Telephone"
            | "Remarks"
            | "Press"
            | "Welcomes"
    )
}

/// Capitalized words that start sentences or phrases but are never part of a name.
pub fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "In"
            | "On"
            | "At"
            | "During"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "As"
            | "Since"
            | "Meanwhile"
            | "However"
            | "Also"
            | "And"
            | "But"
            | "Yesterday"
            | "Today"
            | "Tonight"
            | "Earlier"
            | "Later"
            | "Both"
            | "For"
            | "With"
            | "Under"
            | "Following"
            | "According"
            | "He"
            | "She"
            | "They"
            | "It"
            | "We"
            | "I"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "Its"
            | "My"
            | "Then"
            | "Finally"
            | "First"
            | "Second"
            | "Third"
            | "Lastly"
            | "Moreover"
            | "Furthermore"
            | "Additionally"
            | "Separately"
            | "Likewise"
            | "Similarly"
            | "Thus"
            | "Dear"
            | "Today's"
            | "Tomorrow"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Upon"
            | "From"
            | "To"
            | "Of"
            | "By"
            | "If"
            | "Over"
            | "Through"
            | "Throughout"
            | "Ahead"
            | "Amid"
            | "Despite"
            | "Speaking"
            | "Recalling"
            | "Facing"
            | "Noting"
            | "Welcoming"
            | "Addressing"
            | "Referring"
            | "Turning"
            | "Regarding"
            | "Concerning"
            | "Asked"
            | "Mr"
            | "Madam"
            | "Thank"
            | "Thanks"
            | "Good"
            | "Let"
            | "Yes"
            | "No"
            | "Please"
            | "Welcome"
            | "Ladies"
            | "Gentlemen"
            | "Excellency"
            | "Excellencies"
            | "Allow"
            | "Together"
            | "Indeed"
            | "So"
            | "Now"
            | "Here"
            | "There"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Which"
            | "Every"
            | "Each"
            | "All"
            | "Some"
            | "Many"
            | "Most"
            | "Such"
            | "Not"
            | "Only"
            | "Even"
            | "Your"
    )
}

/// Every capitalized run in the tokens of one sentence, read as mentions.
pub fn mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let word = |i: usize| -> &str {
        tokens
            .get(i)
            .filter(|t| t.is_word())
            .map_or("", |t| t.text(text))
    };
    let mut out = Vec::new();
    // Buffers for the current run, reused from run to run.
    let mut words: Vec<&str> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(word(i)) {
            i += 1;
            continue;
        }
        let first = i;
        words.clear();
        spans.clear();
        let mut j = i;
        loop {
            let w = word(j);
            if w.is_empty() {
                break;
            }
            words.push(w);
            spans.push((tokens[j].start, tokens[j].end));
            j += 1;
            if strip_possessive(w).len() < w.len() {
                break;
            }
            // "Mr.", "John F. Kennedy": a period after a title abbreviation or an initial.
            let dot = tokens.get(j).is_some_and(|t| t.punct == Some('.'));
            if dot && (w.chars().count() == 1 || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "St")) {
                j += 1;
            }
            let next = word(j);
            if is_name_word(next) {
                continue;
            }
            if is_particle(next) {
                // Particles only inside a name, one or two in a row ("de la").
                let k = if is_particle(word(j + 1)) {
                    j + 2
                } else {
                    j + 1
                };
                if is_name_word(word(k)) {
                    words.extend((j..k).map(&word));
                    spans.extend((j..k).map(|t| (tokens[t].start, tokens[t].end)));
                    j = k;
                    continue;
                }
            }
            if next == "of" && ends_with_title(&words) && is_name_word(word(j + 1)) {
                words.push("of");
                spans.push((tokens[j].start, tokens[j].end));
                j += 1;
                continue;
            }
            break;
        }
        let last = j;
        if let Some(mut mention) = read_run(text, &words, &spans, first, last) {
            // "Prime Minister Oren Talvik of Kestria": the country after a titled name.
            if mention.title.is_some() && mention.has_name() && word(last) == "of" {
                let rest: Vec<&str> = (last + 1..last + 4).map(&word).collect();
                let len = lexicon().country_at(&rest, 0).unwrap_or(1);
                if is_capitalized(rest[0]) && !is_starter(rest[0]) {
                    mention.country = Some(rest[..len].join(" "));
                }
            }
            out.push(mention);
        }
        i = last.max(i + 1);
    }
    out
}

fn ends_with_title(words: &[&str]) -> bool {
    let lex = lexicon();
    (0..words.len()).any(|at| {
        lex.title_at(words, at)
            .is_some_and(|n| at + n == words.len())
    })
}

/// Reads a run's words as [adjective…] [title] [of Country] [name…].
fn read_run(
    text: &str,
    words: &[&str],
    spans: &[(usize, usize)],
    first: usize,
    last: usize,
) -> Option<Mention> {
    let start = spans.first()?.0;
    let end = spans.last()?.1;
    let lex = lexicon();
    let title_at = (0..words.len()).find_map(|at| lex.title_at(words, at).map(|n| (at, n)));
    let mut country = None;
    let mut adjective = None;
    let mut title_text: Option<&str> = None;
    let (title, name_from) = match title_at {
        Some((at, len)) => {
            let pre = &words[..at];
            if let Some(&adj) = pre.last() {
                let two = (pre.len() >= 2).then(|| format!("{} {}", pre[pre.len() - 2], adj));
                let found = two
                    .as_deref()
                    .and_then(|t| lex.demonyms.get(t))
                    .or_else(|| lex.demonyms.get(adj));
                match found {
                    Some(c) => country = Some(c.to_string()),
                    None if !is_starter(adj) && !adj.ends_with("ing") => {
                        adjective = Some(adj.to_string())
                    }
                    None => {}
                }
            }
            let mut next = at + len;
            let mut title_last = at + len - 1;
            // Honorifics between title and name: "Prime Minister Shri Narendra …".
            while words
                .get(next)
                .is_some_and(|w| matches!(*w, "Shri" | "Sri" | "Smt" | "Shrimati"))
            {
                next += 1;
            }
            if words.get(next) == Some(&"of") {
                let n = lex.country_at(words, next + 1).unwrap_or(1);
                match words.get(next + 1) {
                    // "Minister of Trade": a portfolio belongs to the title.
                    Some(w) if n == 1 && is_portfolio(w) => title_last = next + 1,
                    _ => {
                        let name = words.get(next + 1..next + 1 + n).map(|w| w.join(" "));
                        country = name.or(country);
                    }
                }
                next += 1 + n;
            }
            let mut title_end = spans[title_last].1;
            if text[title_end..].starts_with('.')
                && matches!(words[at + len - 1], "Mr" | "Mrs" | "Ms" | "Dr")
            {
                title_end += 1;
            }
            title_text = Some(&text[spans[at].0..title_end]);
            (Some(words[at..=title_last].join(" ")), next)
        }
        None => {
            let skip = words
                .iter()
                .take_while(|w| is_starter(w) || (w.ends_with("ing") && w.len() > 4))
                .count();
            (None, skip)
        }
    };
    let name: Vec<String> = words
        .get(name_from..)
        .unwrap_or_default()
        .iter()
        .map(|w| strip_possessive(w).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if title.is_none() && name.is_empty() {
        return None;
    }
    let name_text = match spans.get(name_from..) {
        Some([first_word, .., last_word]) => strip_possessive(&text[first_word.0..last_word.1]),
        Some([only]) => strip_possessive(&text[only.0..only.1]),
        _ => "",
    }
    .to_string();
    let surface = match title_text {
        Some(t) if name.is_empty() => t.to_string(),
        Some(t) => format!("{t} {name_text}"),
        None => name_text.clone(),
    };
    Some(Mention {
        start,
        end,
        first,
        last,
        title,
        country,
        adjective,
        name,
        name_text,
        surface,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(text: &str) -> Vec<Mention> {
        mentions(text, &tokenize(text, 0, text.len()))
    }

    #[test]
    fn reads_adjective_title_and_name() {
        let m = &read("Russian President Vladimir Putin met him.")[0];
        assert_eq!(m.title.as_deref(), Some("President"));
        assert_eq!(m.country.as_deref(), Some("Russia"));
        assert_eq!(m.name, vec!["Vladimir", "Putin"]);
        assert_eq!(m.surface, "President Vladimir Putin");
    }

    #[test]
    fn strips_possessives_and_starters() {
        let ms = read("Recalling President Putin’s visit, Xi Jinping said so.");
        assert_eq!(ms[0].surface, "President Putin");
        assert_eq!(ms[1].surface, "Xi Jinping");
    }

    #[test]
    fn keeps_particles_hyphens_and_diacritics() {
        let ms =
            read("Jean-Marc de la Fontaine and Amira bint Saleh al-Qasimi met Ólafur Þórsson.");
        let names: Vec<_> = ms.iter().map(|m| m.name.join(" ")).collect();
        assert_eq!(
            names,
            vec![
                "Jean-Marc de la Fontaine",
                "Amira bint Saleh al-Qasimi",
                "Ólafur Þórsson"
            ]
        );
    }

    #[test]
    fn reads_of_country_and_unknown_adjectives() {
        let ms =
            read("President of Kestria Lina Orsk spoke with Arvelian Prime Minister Tomas Brenn.");
        assert_eq!(ms[0].country.as_deref(), Some("Kestria"));
        assert_eq!(ms[0].name, vec!["Lina", "Orsk"]);
        assert_eq!(ms[1].adjective.as_deref(), Some("Arvelian"));
        assert_eq!(ms[1].title.as_deref(), Some("Prime Minister"));
    }

    #[test]
    fn portfolios_belong_to_the_title() {
        let m = &read("Minister of Trade Jonas Dragosh spoke.")[0];
        assert_eq!(m.title.as_deref(), Some("Minister of Trade"));
        assert_eq!(m.country, None);
        assert_eq!(m.surface, "Minister of Trade Jonas Dragosh");
    }

    #[test]
    fn bare_titles_have_no_name() {
        let m = &read("The Premier stressed it.")[0];
        assert_eq!(m.title.as_deref(), Some("Premier"));
        assert!(!m.has_name());
    }
}
