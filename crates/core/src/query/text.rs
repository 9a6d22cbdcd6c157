//! Search text: folded words with their places, and the search syntax
//! (`words` by prefix, `"exact phrase"`, `-exclusion`, `a OR b`).

use crate::fold::push_folded;

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
    /// A word, matched by prefix: "sanction" finds "sanctions".
    Word(String),
    /// Words in this order, each whole.
    Phrase(Vec<String>),
}

/// Terms joined by OR; a negated clause excludes what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub any_of: Vec<Term>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Reads the search box: clauses that must all hold.
pub fn parse_search(input: &str) -> Vec<Clause> {
    // First the raw items: (negated, term) or the OR keyword.
    enum Item {
        Term(bool, Term),
        Or,
    }
    let mut items = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let negated = rest.starts_with('-') && rest.len() > 1;
        let body = if negated { &rest[1..] } else { rest };
        let first = body.chars().next().unwrap_or(' ');
        let (raw, phrase, used) = if is_quote(first) {
            let inner = &body[first.len_utf8()..];
            let close = inner.find(is_quote).unwrap_or(inner.len());
            let used = first.len_utf8() + (close + 1).min(inner.len());
            (&inner[..close], true, used)
        } else {
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            (&body[..end], false, end)
        };
        let consumed = usize::from(negated) + used;
        rest = rest[consumed.min(rest.len())..].trim_start();
        if raw == "OR" && !phrase && !negated {
            items.push(Item::Or);
            continue;
        }
        let folded: Vec<String> = words(raw).into_iter().map(|w| w.folded).collect();
        let term = match folded.len() {
            0 => continue,
            1 if !phrase => Term::Word(folded.into_iter().next().unwrap_or_default()),
            _ => Term::Phrase(folded),
        };
        items.push(Item::Term(negated, term));
    }
    let mut clauses: Vec<Clause> = Vec::new();
    let mut join_next = false;
    for item in items {
        match item {
            Item::Or => join_next = !clauses.is_empty(),
            Item::Term(negated, term) => {
                match clauses.last_mut() {
                    Some(last) if join_next && last.negated == negated => last.any_of.push(term),
                    _ => clauses.push(Clause {
                        negated,
                        any_of: vec![term],
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

    #[test]
    fn parses_every_operator() {
        let clauses =
            parse_search(r#"Trade "global south" -sanctions ukraine OR gaza -"cold war""#);
        assert_eq!(
            clauses,
            vec![
                Clause {
                    negated: false,
                    any_of: vec![word("trade")]
                },
                Clause {
                    negated: false,
                    any_of: vec![Term::Phrase(vec!["global".into(), "south".into()])]
                },
                Clause {
                    negated: true,
                    any_of: vec![word("sanctions")]
                },
                Clause {
                    negated: false,
                    any_of: vec![word("ukraine"), word("gaza")]
                },
                Clause {
                    negated: true,
                    any_of: vec![Term::Phrase(vec!["cold".into(), "war".into()])]
                },
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
