//! Search text: folded words with their places, and the search syntax
//! (`words` by prefix, `"exact phrase"`, `-exclusion`, `a OR b`, `field:value`).

use super::Facet;
use crate::fold::push_folded;
use crate::model::Span;

/// One folded word of a text and its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`, folded (lowercase, accents removed), split at anything not a letter
/// or digit: "Ólafur's China-Russia" → "olafur", "s", "china", "russia".
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |folded, start, end| {
        out.push(Word {
            folded: folded.to_string(),
            start,
            end,
        })
    });
    out
}

/// Calls `each(folded, start, end)` for every word of `text`, as [`words`] splits and folds
/// them, without an allocation per word: the index reads every statement this way.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str, usize, usize)) {
    let bytes = text.as_bytes();
    let mut folded = String::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII is most text: a byte test, no char decoding.
        let (alphanumeric, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alphanumeric {
            start.get_or_insert(i);
            if b.is_ascii() {
                folded.push(char::from(b.to_ascii_lowercase()));
            } else {
                push_folded(&mut folded, text[i..].chars().next().unwrap_or(' '));
            }
        } else if let Some(s) = start.take() {
            each(&folded, s, i);
            folded.clear();
        }
        i += len;
    }
    if let Some(s) = start {
        each(&folded, s, bytes.len());
    }
}

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word, matched by prefix: "sanction" finds "sanctions". In the statement's text or in
    /// its speakers' names and aliases, countries and topics (see [`crate::query`]).
    Word(String),
    /// Words in this order, each whole, in the text or in one name, alias, country or topic.
    Phrase(Vec<String>),
    /// A word or phrase looked for in one facet's values only (`speaker:putin`), never in the
    /// text: the value's label (a speaker's name, and each of their aliases).
    In(Facet, Box<Term>),
}

/// Terms joined by OR; a negated clause excludes what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub any_of: Vec<Term>,
    /// The bytes of the search text the clause was read from (its terms and the ORs between
    /// them), so that a clause can be named or removed where it was typed.
    pub span: Span,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// The facet of a qualifier at the start of `body` (`speaker:`, any case) and the rest after
/// its colon; `None` where `body` starts with no facet key and a colon (`10:30`, `re:set`).
pub fn qualifier(body: &str) -> Option<(Facet, &str)> {
    let colon = body.find(':')?;
    let key = &body[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Facet::from_key(&key.to_ascii_lowercase()).map(|facet| (facet, &body[colon + 1..]))
}

/// The text of one item at the start of `body`: a quoted phrase (its inner text) or a run of
/// non-space characters; whether it was quoted; and the bytes used, closing quote included.
fn raw_item(body: &str) -> (&str, bool, usize) {
    let first = body.chars().next().unwrap_or(' ');
    if is_quote(first) {
        let inner = &body[first.len_utf8()..];
        let close = inner.find(is_quote).unwrap_or(inner.len());
        let used = first.len_utf8() + (close + 1).min(inner.len());
        (&inner[..close], true, used)
    } else {
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        (&body[..end], false, end)
    }
}

/// The term of an item's text: one word unquoted is a prefix, anything else a phrase; none
/// for text without a word.
fn term_of(raw: &str, quoted: bool) -> Option<Term> {
    let folded: Vec<String> = words(raw).into_iter().map(|w| w.folded).collect();
    match folded.len() {
        0 => None,
        1 if !quoted => folded.into_iter().next().map(Term::Word),
        _ => Some(Term::Phrase(folded)),
    }
}

/// One item of the search text.
enum Item {
    Term(bool, Term),
    Or,
}

/// Reads one item at the start of `rest` (not empty, no leading space): the item, if it asks
/// anything, and the bytes used.
fn read_item(rest: &str) -> (Option<Item>, usize) {
    let negated = rest.starts_with('-') && rest.len() > 1;
    let body = if negated { &rest[1..] } else { rest };
    let at = usize::from(negated);
    // A qualifier: its value is a word or a quoted phrase right after the colon. With no
    // value (`speaker:` while typing) it asks nothing.
    if let Some((facet, value)) = qualifier(body) {
        let key = body.len() - value.len();
        if value.is_empty() || value.starts_with(char::is_whitespace) {
            return (None, at + key);
        }
        let (raw, quoted, used) = raw_item(value);
        let term = term_of(raw, quoted).map(|t| Item::Term(negated, Term::In(facet, Box::new(t))));
        return (term, at + key + used);
    }
    let (raw, quoted, used) = raw_item(body);
    if raw == "OR" && !quoted && !negated {
        return (Some(Item::Or), used);
    }
    (
        term_of(raw, quoted).map(|t| Item::Term(negated, t)),
        at + used,
    )
}

/// Reads the search box: clauses that must all hold.
pub fn parse_search(input: &str) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut join_next = false;
    let mut at = input.len() - input.trim_start().len();
    while at < input.len() {
        let (item, used) = read_item(&input[at..]);
        let span = Span::new(at, (at + used).min(input.len()));
        at = span.end;
        at += input[at..].len() - input[at..].trim_start().len();
        match item {
            None => {}
            Some(Item::Or) => join_next = !clauses.is_empty(),
            Some(Item::Term(negated, term)) => {
                match clauses.last_mut() {
                    Some(last) if join_next && last.negated == negated => {
                        last.any_of.push(term);
                        last.span.end = span.end;
                    }
                    _ => clauses.push(Clause {
                        negated,
                        any_of: vec![term],
                        span,
                    }),
                }
                join_next = false;
            }
        }
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Term {
        Term::Word(w.into())
    }

    #[test]
    fn folds_and_splits_words() {
        let w: Vec<String> = words("Ólafur's China-Russia ÉTÉ")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(w, vec!["olafur", "s", "china", "russia", "ete"]);
        let w = &words("x Þór")[1];
        assert_eq!((w.folded.as_str(), w.start, w.end), ("thor", 2, 7));
    }

    /// The clauses as (negated, terms, the text they were read from).
    fn read(input: &str) -> Vec<(bool, Vec<Term>, &str)> {
        parse_search(input)
            .into_iter()
            .map(|c| (c.negated, c.any_of, &input[c.span.range()]))
            .collect()
    }

    fn phrase(words: &[&str]) -> Term {
        Term::Phrase(words.iter().map(|w| w.to_string()).collect())
    }

    fn within(facet: Facet, term: Term) -> Term {
        Term::In(facet, Box::new(term))
    }

    #[test]
    fn parses_every_operator() {
        assert_eq!(
            read(r#"Trade "global south" -sanctions ukraine OR gaza -"cold war""#),
            vec![
                (false, vec![word("trade")], "Trade"),
                (
                    false,
                    vec![phrase(&["global", "south"])],
                    "\"global south\""
                ),
                (true, vec![word("sanctions")], "-sanctions"),
                (
                    false,
                    vec![word("ukraine"), word("gaza")],
                    "ukraine OR gaza"
                ),
                (true, vec![phrase(&["cold", "war"])], "-\"cold war\""),
            ]
        );
    }

    #[test]
    fn parses_qualifiers() {
        assert_eq!(
            read(r#"Speaker:Putin -topic:"global south" verb:stress OR country:X brics"#),
            vec![
                (
                    false,
                    vec![within(Facet::Speaker, word("putin"))],
                    "Speaker:Putin"
                ),
                (
                    true,
                    vec![within(Facet::Topic, phrase(&["global", "south"]))],
                    "-topic:\"global south\""
                ),
                (
                    false,
                    vec![
                        within(Facet::Verb, word("stress")),
                        within(Facet::Country, word("x"))
                    ],
                    "verb:stress OR country:X"
                ),
                (false, vec![word("brics")], "brics"),
            ]
        );
        // A slug is the phrase of its words; a quoted word is whole.
        assert_eq!(
            read("speaker:vladimir-putin speaker:\"xi\""),
            vec![
                (
                    false,
                    vec![within(Facet::Speaker, phrase(&["vladimir", "putin"]))],
                    "speaker:vladimir-putin"
                ),
                (
                    false,
                    vec![within(Facet::Speaker, phrase(&["xi"]))],
                    "speaker:\"xi\""
                ),
            ]
        );
        // No value asks nothing; an unknown field or a time is text.
        assert!(parse_search("speaker: -topic:  verb:\"\"").is_empty());
        assert_eq!(
            read("colour:red 10:30"),
            vec![
                (false, vec![phrase(&["colour", "red"])], "colour:red"),
                (false, vec![phrase(&["10", "30"])], "10:30"),
            ]
        );
    }

    #[test]
    fn tolerates_odd_input() {
        assert!(parse_search("").is_empty());
        assert!(parse_search("  OR  - \"").is_empty());
        assert_eq!(parse_search("\"unclosed phrase").len(), 1);
        assert_eq!(
            parse_search("China-Russia")[0].any_of[0],
            Term::Phrase(vec!["china".into(), "russia".into()])
        );
        assert_eq!(parse_search("a OR").len(), 1);
    }
}
