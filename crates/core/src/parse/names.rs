//! Name mentions: runs of capitalized words such as "Russian President Vladimir Putin", read
//! as an optional country adjective, an optional title and the name itself.

use super::lexicon::lexicon;
use super::tokens::{is_capitalized, strip_possessive, token_words, Token};
use crate::model::Span;
use std::borrow::Cow;

/// A run of capitalized words in a sentence, read as adjective + title + name. Its text
/// borrows from the readout; only forms the text does not spell out are owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'t> {
    /// Token indices `[first, last)` of the run within the sentence's tokens.
    pub first: usize,
    pub last: usize,
    /// The title's words, one space apart ("Prime Minister").
    pub title: Option<Cow<'t, str>>,
    /// Country from a known adjective ("Russian") or "President of Kestria".
    pub country: Option<Cow<'t, str>>,
    /// An adjective before the title that is not in the lexicon ("Arvelian").
    pub adjective: Option<&'t str>,
    /// The name words, possessive removed; empty for a bare title ("The Premier").
    pub name: NameWords<'t>,
    /// The name as written ("John F. Kennedy"), possessive removed.
    pub name_text: &'t str,
    /// Title and name as written, without adjective or possessive: a candidate alias.
    pub surface: Cow<'t, str>,
    /// The title is an institution's office ("President of the Aurean Council Emilia Rask",
    /// "President Emilia Rask of the Aurean Council"): the person speaks for no country.
    pub institution: bool,
    /// The title was written in the plural over a list of names ("Foreign Ministers A of X,
    /// B of Y and C of Z"): each name of the list takes it in the singular.
    pub listed: bool,
}

/// The words of a name: up to four kept inline, as nearly every name is, more on the heap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameWords<'t> {
    Inline { words: [&'t str; 4], len: usize },
    Heap(Vec<&'t str>),
}

impl<'t> std::ops::Deref for NameWords<'t> {
    type Target = [&'t str];

    fn deref(&self) -> &[&'t str] {
        match self {
            NameWords::Inline { words, len } => &words[..*len],
            NameWords::Heap(words) => words,
        }
    }
}

impl<'t> FromIterator<&'t str> for NameWords<'t> {
    fn from_iter<I: IntoIterator<Item = &'t str>>(iter: I) -> Self {
        let mut words = [""; 4];
        let mut len = 0;
        let mut iter = iter.into_iter();
        for word in iter.by_ref() {
            if len == words.len() {
                let mut heap = words.to_vec();
                heap.push(word);
                heap.extend(iter);
                return NameWords::Heap(heap);
            }
            words[len] = word;
            len += 1;
        }
        NameWords::Inline { words, len }
    }
}

impl Mention<'_> {
    pub fn has_name(&self) -> bool {
        !self.name.is_empty()
    }
}

/// Portfolios in titles such as "Minister of Trade".
fn is_portfolio(word: &str) -> bool {
    lexicon().portfolios.contains(word)
}

/// Lowercase words that may sit inside a name ("Jean-Marc de la Fontaine", "bin Saleh").
pub fn is_particle(word: &str) -> bool {
    lexicon().particles.contains(word)
}

/// "al-Qasimi", "el-Sisi": a lowercase particle joined to a capitalized name.
fn is_prefixed_name(word: &str) -> bool {
    word.split_once(['-', '\''])
        .is_some_and(|(head, tail)| is_particle(head) && is_capitalized(tail))
}

/// A word that can be part of a name; `joined` when it has a hyphen or apostrophe inside.
/// Inlined up to its first test, which tells most words (the scanner asks at every word).
#[inline]
fn is_name_word(word: &str, joined: bool) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    // Most words are plain lowercase ASCII: no lookups for them. A lowercase word is a name
    // only as particle + joiner + name ("al-Qasimi"). Punctuation ("") is none.
    if first.is_ascii_lowercase() && !joined {
        return false;
    }
    is_name_word_looked_up(word, joined)
}

/// [`is_name_word`] past its first test: the word's case and the lexicon.
#[inline(never)]
fn is_name_word_looked_up(word: &str, joined: bool) -> bool {
    (is_capitalized(word) || (joined && is_prefixed_name(word))) && !is_breaker(word)
}

/// Capitalized words of title-case headlines that separate names ("X Meets Y", "Call with").
fn is_breaker(word: &str) -> bool {
    lexicon().name_breakers.contains(word)
}

/// Capitalized words that start sentences or phrases but are never part of a name.
pub fn is_starter(word: &str) -> bool {
    lexicon().sentence_starters.contains(word)
}

/// Every capitalized run in the tokens of one sentence, read as mentions.
pub fn mentions<'t>(text: &'t str, tokens: &[Token]) -> Vec<Mention<'t>> {
    let mut out = Vec::new();
    let words = token_words(text, tokens);
    MentionScanner::default().scan(text, tokens, &words, &mut out);
    out
}

/// Reads mentions, reusing its buffers from sentence to sentence.
#[derive(Default)]
pub struct MentionScanner<'t> {
    words: Vec<&'t str>,
    spans: Vec<Span>,
}

impl<'t> MentionScanner<'t> {
    /// Appends the mentions of one sentence (its tokens) to `out`.
    /// `words` are the tokens as text, "" for punctuation.
    pub fn scan(
        &mut self,
        text: &'t str,
        tokens: &[Token],
        token_words: &[&'t str],
        out: &mut Vec<Mention<'t>>,
    ) {
        let word = |i: usize| -> &'t str { token_words.get(i).copied().unwrap_or("") };
        let name_word = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| is_name_word(word(i), t.joined))
        };
        super::work::add(tokens.len());
        let (words, spans) = (&mut self.words, &mut self.spans);
        // The singular title of a list under way and the token where its last entry ended.
        let mut list: Option<(Cow<'t, str>, usize)> = None;
        let mut i = 0;
        while i < tokens.len() {
            // Most words open with a lowercase ASCII letter and have no joiner: skip them fast.
            let can_start = |(w, t): (&&str, &Token)| {
                w.as_bytes()
                    .first()
                    .is_some_and(|b| !b.is_ascii_lowercase() || t.joined)
            };
            match token_words[i..]
                .iter()
                .zip(&tokens[i..])
                .position(can_start)
            {
                Some(skip) => i += skip,
                None => break,
            }
            if !name_word(i) {
                i += 1;
                continue;
            }
            let first = i;
            words.clear();
            spans.clear();
            let mut j = i;
            let mut institution = false;
            loop {
                let w = word(j);
                if w.is_empty() {
                    break;
                }
                words.push(w);
                spans.push(tokens[j].span());
                j += 1;
                if strip_possessive(w).len() < w.len() {
                    break;
                }
                // "Mr.", "John F. Kennedy": a period after a title abbreviation or an initial.
                let dot = tokens.get(j).is_some_and(|t| t.punct == Some('.'));
                if dot && (w.chars().count() == 1 || lexicon().name_abbreviations.contains(w)) {
                    j += 1;
                }
                // A name never runs over a line break: lines pasted together ("Home > China
                // News" over a headline, a summary line over the next) are not one name.
                if breaks_line(text, tokens, j) {
                    break;
                }
                let next = word(j);
                if name_word(j) {
                    continue;
                }
                // "Deputy Prime Minister/Foreign Minister Dalia Rahimova": of titles joined by a
                // slash, the one next to the name is the person's (fixtures-pending README).
                if tokens.get(j).is_some_and(|t| t.punct == Some('/')) && name_word(j + 1) {
                    if let Some(at) = title_start(words) {
                        words.truncate(at);
                        spans.truncate(at);
                        j += 1;
                        continue;
                    }
                }
                if is_particle(next) {
                    // Particles only inside a name, one or two in a row ("de la").
                    let k = if is_particle(word(j + 1)) {
                        j + 2
                    } else {
                        j + 1
                    };
                    if name_word(k) {
                        words.extend((j..k).map(word));
                        spans.extend((j..k).map(|t| tokens[t].span()));
                        j = k;
                        continue;
                    }
                }
                // "President of the Republic of Lisvane Anton Merel": the state form is
                // skipped, "of Lisvane" read as after any title (the country, then the name).
                let form = (next == "of" && word(j + 1) == "the")
                    .then(|| lexicon().state_form_len(word, j + 2))
                    .flatten();
                if let Some(n) = form.filter(|&n| {
                    word(j + 2 + n) == "of" && name_word(j + 3 + n) && ends_with_title(words)
                }) {
                    words.push("of");
                    spans.push(tokens[j + 2 + n].span());
                    j += 3 + n;
                    continue;
                }
                // "President of the United States Donald Trump": a listed country after
                // "of the" is read as after "of" ("the" left out),
                // though "States" may end an institution's name.
                // The country is read whole ("of the United States of America Barack Obama").
                let country = (next == "of" && word(j + 1) == "the" && ends_with_title(words))
                    .then(|| lexicon().country_at(token_words, j + 2))
                    .flatten();
                if let Some(n) = country {
                    words.push("of");
                    spans.push(tokens[j].span());
                    words.extend((j + 2..j + 2 + n).map(word));
                    spans.extend((j + 2..j + 2 + n).map(|t| tokens[t].span()));
                    j += 2 + n;
                    if name_word(j) {
                        continue;
                    }
                    break;
                }
                // "President of the Aurean Council Emilia Rask": the institution belongs to
                // the office, not to the name; the mention keeps title and name.
                if next == "of" && word(j + 1) == "the" && ends_with_title(words) {
                    let from = j + 2;
                    let end = (from..).find(|&k| !name_word(k)).unwrap_or(from);
                    let office = (from..end)
                        .rev()
                        .find(|&k| lexicon().institution_words.contains(word(k)));
                    if let Some(k) = office.filter(|&k| k + 1 < end) {
                        institution = true;
                        j = k + 1;
                        continue;
                    }
                }
                // "Minister for Foreign Affairs", "Minister for Europe and Foreign Affairs",
                // "Minister of Foreign Affairs and Trade": the rest of a listed title, its
                // "for", "of" and "and" included.
                if matches!(next, "for" | "of") && ends_with_title(words) {
                    if let Some(rest) = title_rest(words, |k| word(j + k)) {
                        words.extend((j..j + rest).map(word));
                        spans.extend((j..j + rest).map(|t| tokens[t].span()));
                        j += rest;
                        // "… of Kaminato" after the title: read on as after any title.
                        if word(j) == "of" && name_word(j + 1) {
                            words.push("of");
                            spans.push(tokens[j].span());
                            j += 1;
                        }
                        if name_word(j) {
                            continue;
                        }
                        break;
                    }
                }
                if next == "of" && ends_with_title(words) && name_word(j + 1) {
                    words.push("of");
                    spans.push(tokens[j].span());
                    j += 1;
                    continue;
                }
                break;
            }
            let last = j;
            if let Some(mut mention) = read_run(text, words, spans, first, last) {
                // "President Emilia Rask of the Aurean Council": an institution's office.
                let of_institution = || {
                    word(last) == "of"
                        && word(last + 1) == "the"
                        && (last + 2..last + 7)
                            .take_while(|&k| is_capitalized(word(k)))
                            .any(|k| lexicon().institution_words.contains(word(k)))
                };
                mention.institution = institution
                    || (mention.title.is_some() && mention.has_name() && of_institution());
                // "…, Hana Sato of Ryokai and Petra Lund of Norland": a name that goes on the
                // list of a plural title takes its title.
                // (The list's country words, "Korvania", are read as a run of their own first.)
                let past_entry = list.as_ref().is_some_and(|(_, a)| mention.first >= *a);
                if let Some((title, after)) = list.take_if(|_| past_entry) {
                    let between = after..mention.first;
                    let joins = !between.is_empty()
                        && between
                            .clone()
                            .all(|k| word(k) == "and" || tokens[k].punct == Some(','));
                    if joins && mention.title.is_none() && mention.has_name() {
                        mention.title = Some(title);
                        mention.listed = true;
                    }
                }
                let mut after = last;
                // "Prime Minister Oren Talvik of Kestria": the country after a titled name.
                if mention.title.is_some() && mention.has_name() && word(last) == "of" {
                    let at = country_after_of(token_words, last + 1);
                    let rest = [
                        word(at),
                        word(at + 1),
                        word(at + 2),
                        word(at + 3),
                        word(at + 4),
                    ];
                    let len = lexicon().country_at(&rest, 0).unwrap_or(1);
                    if is_capitalized(rest[0]) && !is_starter(rest[0]) {
                        let spans: Vec<Span> = (at..at + len).map(|t| tokens[t].span()).collect();
                        mention.country = Some(joined(text, &rest[..len], &spans));
                        after = at + len;
                    }
                }
                if mention.listed {
                    list = mention.title.clone().map(|title| (title, after));
                }
                out.push(mention);
            }
            i = last.max(i + 1);
        }
    }
}

/// True when a line break stands between token `at` and the one before it.
fn breaks_line(text: &str, tokens: &[Token], at: usize) -> bool {
    match (
        at.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(at),
    ) {
        (Some(before), Some(token)) => text[before.end..token.start].contains('\n'),
        _ => false,
    }
}

/// Where the country after a titled name's "of" starts (`at`, the word after "of"): past "the"
/// and a state form ("Prime Minister X of the Republic of Korea": "Korea"), or past "the"
/// before a listed country ("President X of the United States"); else `at`.
fn country_after_of(words: &[&str], at: usize) -> usize {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    if word(at) != "the" {
        return at;
    }
    let lex = lexicon();
    match lex.state_form_len(word, at + 1) {
        Some(n) if word(at + 1 + n) == "of" => at + 2 + n,
        _ if lex.country_at(words, at + 1).is_some() => at + 1,
        _ => at,
    }
}

/// `words` one space apart: a slice of the text when it spells them so, else a new string.
fn joined<'t>(text: &'t str, words: &[&'t str], spans: &[Span]) -> Cow<'t, str> {
    match (spans.first(), spans.last()) {
        (Some(first), Some(last)) => {
            let slice = &text[first.start..last.end];
            let spaced = spans
                .windows(2)
                .all(|w| w[1].start == w[0].end + 1 && text.as_bytes()[w[0].end] == b' ');
            if spaced && words.len() == spans.len() {
                Cow::Borrowed(slice)
            } else {
                Cow::Owned(words.join(" "))
            }
        }
        _ => Cow::Borrowed(""),
    }
}

/// How many words from `after(0)` ("for" or "of") on complete a listed title that starts in
/// `words` and goes past them ("Minister" + "for Europe and Foreign Affairs"): the longest
/// such rest, if any. The words after may be capitalized or "and", "of", "for".
fn title_rest<'w>(words: &[&'w str], after: impl Fn(usize) -> &'w str) -> Option<usize> {
    let lex = lexicon();
    let mut candidate = words.to_vec();
    candidate.push(after(0));
    candidate.extend(
        (1..=lex.longest_title())
            .map(&after)
            .take_while(|w| is_capitalized(w) || matches!(*w, "and" | "of" | "for")),
    );
    let from = words.len().saturating_sub(lex.longest_title());
    (from..words.len())
        .filter_map(|at| lex.title_at(&candidate, at).map(|n| at + n))
        .filter(|&end| end > words.len() + 1)
        .max()
        .map(|end| end - words.len())
}

/// True when `words[at..end]` is a title in the plural ("Prime Ministers", "Foreign
/// Ministers"): its last word without its "s" makes a listed title.
pub(super) fn opens_plural_title(words: &[&str], at: usize, end: usize) -> bool {
    singular_title(words, at, end).is_some()
}

/// `words[at..end]` as a listed title once its last word loses its plural "s" ("Foreign
/// Ministers" → "Foreign Minister"), one space apart.
fn singular_title(words: &[&str], at: usize, end: usize) -> Option<String> {
    let mut title = [""; 4];
    let last = words.get(end.checked_sub(1)?)?.strip_suffix('s')?;
    if end <= at || end - at > title.len() {
        return None;
    }
    for (slot, word) in title.iter_mut().zip(&words[at..end]) {
        *slot = word;
    }
    title[end - at - 1] = last;
    (lexicon().title_at(&title[..end - at], 0) == Some(end - at))
        .then(|| title[..end - at].join(" "))
}

/// A plural title opening a run and followed by a name ("Foreign Ministers Yusuf Demir"): its
/// length in words and its singular.
fn plural_title_opening(words: &[&str]) -> Option<(usize, String)> {
    let longest = lexicon().longest_title().min(words.len().saturating_sub(1));
    (1..=longest)
        .rev()
        .find_map(|len| singular_title(words, 0, len).map(|title| (len, title)))
}

fn ends_with_title(words: &[&str]) -> bool {
    title_start(words).is_some()
}

/// Where a title that ends the run starts, if one does.
fn title_start(words: &[&str]) -> Option<usize> {
    let lex = lexicon();
    // Only the last few words can start a title that ends with the run.
    let from = words.len().saturating_sub(lex.longest_title());
    super::work::add(words.len() - from);
    (from..words.len()).find(|&at| {
        lex.title_at(words, at)
            .is_some_and(|n| at + n == words.len())
    })
}

/// The first word at or after `next` past the honorifics there ("Shri", "H.E."), leaving at
/// least one word for the name. "H.E." is read as two initials: the pair is looked up as "H.E".
fn skip_honorifics(words: &[&str], mut next: usize) -> usize {
    let lex = lexicon();
    let initials = |at: usize| match (words.get(at), words.get(at + 1)) {
        (Some(a), Some(b)) if a.len() == 1 && b.len() == 1 => {
            lex.honorifics.contains(format!("{a}.{b}").as_str())
        }
        _ => false,
    };
    loop {
        if next + 1 >= words.len() {
            return next;
        }
        if lex.honorifics.contains(words[next]) {
            next += 1;
        } else if next + 2 < words.len() && initials(next) {
            next += 2;
        } else {
            return next;
        }
    }
}

/// Where the name starts in an untitled run from `from` that opens with the tail of an office
/// whose head went before it ("… and Director of the Office of the Central Foreign Affairs
/// Commission Wang Yi", "… for Foreign Affairs Wang Yi", China's MFA): past its last
/// institution or portfolio word, when two name words or more follow it; else `from`.
fn past_office_tail(words: &[&str], from: usize) -> usize {
    let lex = lexicon();
    (from..words.len().saturating_sub(2))
        .rev()
        .find(|&k| lex.institution_words.contains(words[k]) || is_portfolio(words[k]))
        .map_or(from, |k| k + 1)
}

/// Reads a run's words as `[adjective…] [title] [of Country] [name…]`.
fn read_run<'t>(
    text: &'t str,
    words: &[&'t str],
    spans: &[Span],
    first: usize,
    last: usize,
) -> Option<Mention<'t>> {
    let end = spans.last()?.end;
    super::work::add(words.len());
    let lex = lexicon();
    // A run ends at a possessive ("the President's invitation"): its last word is read without
    // it, so that a title is still a title (a few words copied on the stack).
    let mut unpossessed = [""; 8];
    let title_words: &[&str] = match words.split_last() {
        Some((last, rest)) if words.len() <= 8 && strip_possessive(last).len() < last.len() => {
            unpossessed[..rest.len()].copy_from_slice(rest);
            unpossessed[rest.len()] = strip_possessive(last);
            &unpossessed[..words.len()]
        }
        _ => words,
    };
    let title_at = (0..words.len())
        .find_map(|at| lex.title_at(title_words, at).map(|n| (at, n)))
        .map(|(at, len)| {
            // "Trade Minister", "Energy Minister": a portfolio before "Minister" is the title's.
            if at > 0 && len == 1 && words[at] == "Minister" && is_portfolio(words[at - 1]) {
                (at - 1, 2)
            } else {
                (at, len)
            }
        });
    // "Foreign Ministers Yusuf Demir of Korvania, …": a plural title over a list of names.
    let plural = match title_at {
        Some(_) => None,
        None => {
            let skip = words.iter().take_while(|w| is_starter(w)).count();
            plural_title_opening(&words[skip..]).map(|(len, title)| (skip, len, title))
        }
    };
    let title_at = title_at.or(plural.as_ref().map(|&(at, len, _)| (at, len)));
    let mut country = None;
    let mut adjective = None;
    // Byte range of the title as written ("Mr." with its period).
    let mut title_span: Option<Span> = None;
    let (title, name_from) = match title_at {
        Some((at, len)) => {
            let pre = &words[..at];
            if let Some(&adj) = pre.last() {
                let two = (pre.len() >= 2)
                    .then(|| joined(text, &pre[pre.len() - 2..], &spans[at - 2..at]));
                let found = two
                    .as_deref()
                    .and_then(|t| lex.demonyms.get(t))
                    .or_else(|| lex.demonyms.get(adj));
                match found {
                    Some(&c) => country = Some(Cow::Borrowed(c)),
                    None if !is_starter(adj) && !adj.ends_with("ing") => adjective = Some(adj),
                    None => {}
                }
            }
            let mut next = at + len;
            let mut title_last = at + len - 1;
            // Honorifics between title and name: "Prime Minister Shri Narendra …", "External
            // Affairs Minister Dr. Rohan Iyer" (never part of the name).
            next = skip_honorifics(words, next);
            if words.get(next) == Some(&"of") {
                let n = lex.country_at(words, next + 1).unwrap_or(1);
                match words.get(next + 1) {
                    // "Minister of Trade": a portfolio belongs to the title.
                    Some(w) if n == 1 && is_portfolio(w) => title_last = next + 1,
                    _ => {
                        let range = next + 1..(next + 1 + n).min(words.len());
                        if range.len() == n {
                            country = Some(joined(text, &words[range.clone()], &spans[range]));
                        }
                    }
                }
                next += 1 + n;
                // "President of Norvalia H.E. Mr. Tomas Kell": honorifics after the country.
                next = skip_honorifics(words, next);
            }
            let mut title_end = spans[title_last].end;
            if text[title_end..].starts_with('.')
                && lex.dotted_courtesy_titles.contains(words[at + len - 1])
            {
                title_end += 1;
            }
            title_span = Some(Span::new(spans[at].start, title_end));
            // "PM Harsh Dalvi": an abbreviation's title is the full one.
            let title = match lex.full_title(words[at]).filter(|_| title_last == at) {
                Some(full) => Cow::Borrowed(full),
                None => match joined(text, &words[at..=title_last], &spans[at..=title_last]) {
                    Cow::Borrowed(t) => Cow::Borrowed(strip_possessive(t)),
                    Cow::Owned(t) => Cow::Owned(strip_possessive(&t).to_string()),
                },
            };
            let title = match &plural {
                Some((_, _, singular)) => Cow::Owned(singular.clone()),
                None => title,
            };
            (Some(title), next)
        }
        None => {
            let skip = words
                .iter()
                .take_while(|w| is_starter(w) || (w.ends_with("ing") && w.len() > 4))
                .count();
            // "in Yunjing", "Beijing": a run of only such words inside a sentence is a place's
            // name, not a participle opening it ("Recalling …", "Downing Street" keep theirs).
            let skip = if skip == words.len() && first > 0 {
                words.iter().take_while(|w| is_starter(w)).count()
            } else {
                skip
            };
            // "H.E. Lucia Ferrante, President of Altheria": an honorific before a name that
            // has no title in front of it is no part of the name either.
            // Only a run of three words or more can hold an honorific and a whole name
            // ("Shri Arvind Rao", "H.E. Lucia Ferrante"): most runs are shorter, and no
            // lookup is made for them.
            let skip = if words.len() >= skip + 3 {
                skip_honorifics(words, skip)
            } else {
                skip
            };
            (None, past_office_tail(words, skip))
        }
    };
    // "Petra Lindgren MP, Minister for …": post-nominal letters written after the name with no
    // comma between are no part of it (read after two name words or more: no lookup for the
    // many shorter runs).
    let mut name_to = words.len();
    while name_to > name_from + 2 && lex.post_nominals.contains(words[name_to - 1]) {
        name_to -= 1;
    }
    let name: NameWords = words
        .get(name_from..name_to)
        .unwrap_or_default()
        .iter()
        .map(|w| strip_possessive(w))
        .filter(|w| !w.is_empty())
        .collect();
    if title.is_none() && name.is_empty() {
        return None;
    }
    let (name_start, name_text) = match spans.get(name_from..name_to) {
        Some([first_word, .., last_word]) => (
            first_word.start,
            strip_possessive(&text[first_word.start..last_word.end]),
        ),
        Some([only]) => (only.start, strip_possessive(&text[only.range()])),
        _ => (end, ""),
    };
    let surface = match title_span {
        // The plural title is the list's, not this name's form: the name alone.
        Some(_) if plural.is_some() => Cow::Borrowed(name_text),
        Some(title) if name.is_empty() => Cow::Borrowed(&text[title.range()]),
        // Title and name one space apart: the slice that holds both.
        Some(title) if name_start == title.end + 1 && text.as_bytes()[title.end] == b' ' => {
            Cow::Borrowed(&text[title.start..name_start + name_text.len()])
        }
        Some(title) => Cow::Owned(format!("{} {name_text}", &text[title.range()])),
        None => Cow::Borrowed(name_text),
    };
    let listed = plural.is_some() && !name.is_empty();
    Some(Mention {
        first,
        last,
        title,
        country,
        adjective,
        name,
        name_text,
        surface,
        institution: false,
        listed,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(text: &str) -> Vec<Mention<'_>> {
        mentions(text, &tokenize(text, 0, text.len()))
    }

    #[test]
    fn a_name_never_runs_over_a_line_break() {
        let ms = read("Home > Kesmar News\nLi Wen Holds Talks");
        let names: Vec<_> = ms.iter().map(|m| m.name.join(" ")).collect();
        assert_eq!(names, vec!["Home", "Kesmar News", "Li Wen"]);
    }

    #[test]
    fn an_office_tail_before_a_name_is_no_part_of_it() {
        let ms =
            read("and Director of the Office of the Central Affairs Commission Li Wen had a call.");
        let m = ms.last().unwrap();
        assert_eq!(m.name[..], ["Li", "Wen"]);
        assert_eq!(m.surface, "Li Wen");
        let ms = read("Director of the Commission for Foreign Affairs Li Wen spoke.");
        let names: Vec<_> = ms.iter().map(|m| m.name.join(" ")).collect();
        assert_eq!(names, vec!["", "Commission", "Li Wen"]);
        // A single word after an institution is no name to take apart.
        let m = &read("He thanked the Kesmar Council Wen.")[0];
        assert_eq!(m.name[..], ["Kesmar", "Council", "Wen"]);
    }

    #[test]
    fn a_long_country_after_of_the_is_read_whole() {
        let m = &read("He called President of the United States of America Barack Obama.")[0];
        assert_eq!(m.title.as_deref(), Some("President"));
        assert_eq!(m.country.as_deref(), Some("United States of America"));
        assert_eq!(m.name[..], ["Barack", "Obama"]);
    }

    #[test]
    fn reads_adjective_title_and_name() {
        let m = &read("Russian President Vladimir Putin met him.")[0];
        assert_eq!(m.title.as_deref(), Some("President"));
        assert_eq!(m.country.as_deref(), Some("Russia"));
        assert_eq!(m.name[..], ["Vladimir", "Putin"]);
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
    fn a_place_in_ing_inside_a_sentence_is_a_name() {
        let ms = read("Recalling the visit, he met her in Yunjing.");
        let names: Vec<_> = ms.iter().map(|m| m.name.join(" ")).collect();
        assert_eq!(names, ["Yunjing"]);
    }

    #[test]
    fn of_titles_joined_by_a_slash_the_one_next_to_the_name_is_read() {
        let ms = read("He met Temarian Deputy Prime Minister/Foreign Minister Dalia Rahimova.");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].title.as_deref(), Some("Foreign Minister"));
        assert_eq!(ms[0].adjective, Some("Temarian"));
        assert_eq!(ms[0].surface, "Foreign Minister Dalia Rahimova");
    }

    #[test]
    fn drops_an_honorific_before_a_name_without_title() {
        let m = &read("He spoke with H.E. Lucia Ferrante, President of Altheria.")[0];
        assert_eq!(m.title, None);
        assert_eq!(m.name[..], ["Lucia", "Ferrante"]);
        assert_eq!(m.name_text, "Lucia Ferrante");
        // A lone honorific-like word is still a name: nothing is left after it.
        let m = &read("He met Shri yesterday.")[0];
        assert_eq!(m.name[..], ["Shri"]);
    }

    #[test]
    fn post_nominal_letters_after_a_name_are_no_part_of_it() {
        let ms = read("He met Hon. Petra Lindgren MP, Minister for Foreign Affairs of Brisendal.");
        let m = ms.iter().find(|m| m.name.contains(&"Petra")).unwrap();
        assert_eq!(m.name[..], ["Petra", "Lindgren"]);
        assert_eq!(m.name_text, "Petra Lindgren");
        // The letters alone stay a name.
        assert_eq!(read("He met MP yesterday.")[0].name[..], ["MP"]);
    }

    #[test]
    fn between_ends_a_name_in_a_headline() {
        let ms = read("Readout of Phone Call Between Presidents Ferrand and Okonkwo-Baptiste");
        let surfaces: Vec<_> = ms.iter().map(|m| m.surface.as_ref()).collect();
        assert!(
            surfaces.iter().all(|s| !s.contains("Between")),
            "{surfaces:?}"
        );
        assert!(surfaces.contains(&"Ferrand"), "{surfaces:?}");
    }

    #[test]
    fn reads_of_country_and_unknown_adjectives() {
        let ms =
            read("President of Kestria Lina Orsk spoke with Arvelian Prime Minister Tomas Brenn.");
        assert_eq!(ms[0].country.as_deref(), Some("Kestria"));
        assert_eq!(ms[0].name[..], ["Lina", "Orsk"]);
        assert_eq!(ms[1].adjective, Some("Arvelian"));
        assert_eq!(ms[1].title.as_deref(), Some("Prime Minister"));
    }

    #[test]
    fn portfolios_belong_to_the_title() {
        let m = &read("Minister of Trade Jonas Dragosh spoke.")[0];
        assert_eq!(m.title.as_deref(), Some("Minister of Trade"));
        assert_eq!(m.country, None);
        assert_eq!(m.surface, "Minister of Trade Jonas Dragosh");
        // Before the title too, never read as a country adjective.
        let ms = read("Trade Minister Olaf Brun met Kestrian Energy Minister Ada Voss.");
        assert_eq!(ms[0].title.as_deref(), Some("Trade Minister"));
        assert_eq!((ms[0].adjective, ms[0].country.as_deref()), (None, None));
        assert_eq!(ms[0].surface, "Trade Minister Olaf Brun");
        assert_eq!(ms[1].title.as_deref(), Some("Energy Minister"));
        assert_eq!(ms[1].adjective, Some("Kestrian"));
    }

    #[test]
    fn long_runs_keep_every_word() {
        let text = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa met.";
        let m = &read(text)[0];
        assert_eq!(m.name.len(), 10);
        assert_eq!(m.name.last(), Some(&"Kappa"));
        assert_eq!(
            m.name_text,
            "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa"
        );
    }

    #[test]
    fn reads_institutions_and_for_inside_titles() {
        let ms = read("President of the Aurean Council Emilia Rask met Mr. ARIMA Kosei, Minister for Foreign Affairs of Kaminato.");
        assert_eq!(ms[0].title.as_deref(), Some("President"));
        assert_eq!(
            (ms[0].name_text, ms[0].country.as_deref()),
            ("Emilia Rask", None)
        );
        assert_eq!(ms[0].surface, "President Emilia Rask");
        assert_eq!(ms[1].surface, "Mr. ARIMA Kosei");
        assert_eq!(ms[2].title.as_deref(), Some("Minister for Foreign Affairs"));
        assert_eq!(ms[2].country.as_deref(), Some("Kaminato"));
    }

    #[test]
    fn a_plural_title_goes_to_each_name_of_its_list() {
        let ms = read("Foreign Ministers Yusuf Demir of Korvania, Hana Sato of Ryokai and Petra Lund of Norland took part.");
        let people: Vec<_> = ms
            .iter()
            .filter(|m| m.has_name() && m.title.is_some())
            .map(|m| (m.name_text, m.country.as_deref(), m.surface.as_ref()))
            .collect();
        assert_eq!(
            people,
            vec![
                ("Yusuf Demir", Some("Korvania"), "Yusuf Demir"),
                ("Hana Sato", Some("Ryokai"), "Hana Sato"),
                ("Petra Lund", Some("Norland"), "Petra Lund"),
            ]
        );
        assert!(ms
            .iter()
            .filter(|m| m.title.is_some())
            .all(|m| m.title.as_deref() == Some("Foreign Minister") && m.listed));
        // A name after the list's sentence goes on with no title.
        let ms = read("Presidents Ana Belo of Ostrela and Tomas Orr of Vell met; Lina Orsk spoke.");
        let orsk = ms.iter().find(|m| m.name_text == "Lina Orsk").unwrap();
        assert_eq!((orsk.title.as_deref(), orsk.listed), (None, false));
        assert_eq!(ms[0].title.as_deref(), Some("President"));
    }

    #[test]
    fn a_listed_country_or_a_state_form_after_of_the_is_the_country() {
        fn read_one(text: &str) -> (Option<String>, Option<String>, String) {
            let m = read(text).into_iter().find(|m| m.has_name()).unwrap();
            let title = m.title.map(|t| t.to_string());
            (
                title,
                m.country.map(|c| c.to_string()),
                m.name_text.to_string(),
            )
        }
        let expect = |title: &str, country: &str, name: &str| {
            (
                Some(title.to_string()),
                Some(country.to_string()),
                name.to_string(),
            )
        };
        assert_eq!(
            read_one("He spoke to the President of the United States Dana Hollis today."),
            expect("President", "United States", "Dana Hollis")
        );
        assert_eq!(
            read_one("He spoke to President Dana Hollis of the United States of America."),
            expect("President", "United States of America", "Dana Hollis")
        );
        assert_eq!(
            read_one("He met Prime Minister Han Dal of the Republic of Korea."),
            expect("Prime Minister", "Korea", "Han Dal")
        );
        assert_eq!(
            read_one("He met President Ilse Varga of Türkiye."),
            expect("President", "Türkiye", "Ilse Varga")
        );
    }

    #[test]
    fn a_state_form_before_the_country_is_dropped() {
        let m = &read("He called President of the Republic of Lisvane Anton Merel.")[0];
        assert_eq!(
            (m.title.as_deref(), m.country.as_deref(), m.name_text),
            (Some("President"), Some("Lisvane"), "Anton Merel")
        );
        assert_eq!(m.surface, "President Anton Merel");
    }

    #[test]
    fn bare_titles_have_no_name() {
        let m = &read("The Premier stressed it.")[0];
        assert_eq!(m.title.as_deref(), Some("Premier"));
        assert!(!m.has_name());
    }

    #[test]
    fn titles_of_several_portfolios_are_read_whole() {
        let ms = read("Minister for Europe and Foreign Affairs Ana Belo met Tomas Orr.");
        assert_eq!(
            (ms[0].title.as_deref(), ms[0].name_text),
            (Some("Minister for Europe and Foreign Affairs"), "Ana Belo")
        );
        let ms = read("The Secretary of State stressed it.");
        assert_eq!(ms[0].title.as_deref(), Some("Secretary of State"));
    }

    #[test]
    fn an_abbreviated_title_is_the_full_title() {
        let ms = read("PM thanked PM Harsh Dalvi.");
        assert_eq!(ms[0].title.as_deref(), Some("Prime Minister"));
        assert!(!ms[0].has_name());
        assert_eq!(ms[1].title.as_deref(), Some("Prime Minister"));
        assert_eq!(
            (ms[1].name_text, ms[1].surface.as_ref()),
            ("Harsh Dalvi", "PM Harsh Dalvi")
        );
    }
}
