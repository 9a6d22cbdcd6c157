//! Reporting frames: "X stressed that …", "According to X, …", "…, X said.", "… ,” said X."
//!
//! A frame is a subject (names, a pronoun, a joint phrase or a bare title), a reporting verb as
//! written, and the byte range of the content it introduces.

use super::lexicon::{lexicon, PhraseIndex, Pronoun};
use super::names::Mention;
use super::tokens::{ascii_lower, is_double_quote, Token};
use super::trace::Unframed;
use super::work;
use crate::explain::{VerbNote, VerbReason};
use crate::model::Span;
use std::borrow::Cow;
use std::ops::Range;

/// Who a frame's subject points at, before it is resolved to people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubjectRef<'t> {
    /// A run of the sentence's mentions, by index ("Putin", "A and B").
    Mentions(Range<usize>),
    /// "He", "She".
    Pronoun,
    /// "They", "The two sides", "Both leaders", "The two heads of state", and a bare plural
    /// opening a clause ("Ministers", "Heads of State and Government", "Foreign Ministers").
    Joint,
    /// "Several Ministers", "Some participants": no one can be named (no statement).
    Indefinite,
    /// "The Premier": a title without a name.
    Title(Cow<'t, str>),
    /// "The Arvelian leader", "the Russian President": a leader by country or its adjective.
    Nationality(Cow<'t, str>),
    /// "Hope was expressed that …", "It was agreed to …": no one named; the paragraph's last
    /// speaker, or every leader at a paragraph's start.
    Impersonal,
}

#[derive(Debug, Clone)]
pub struct Frame<'t> {
    pub subject: SubjectRef<'t>,
    /// First token of the subject.
    pub subject_first: usize,
    /// The verb as written ("pointed out", "according to").
    pub verb: Cow<'static, str>,
    /// Where the content lies in the text (its start may pass its end when nothing follows
    /// the verb; statements read it as empty).
    pub content: Span,
    /// Set for frames that stand after their content ("…, X said.").
    pub trailing: bool,
}

/// The longest reporting verb of `verbs` starting at `words[at]`: its length in words, and
/// the verb.
fn verb_at(verbs: &PhraseIndex, words: &[&str], at: usize) -> Option<(usize, &'static str)> {
    let word = *words.get(at)?;
    // Every reporting verb starts with a lowercase ASCII letter.
    if !word.as_bytes().first()?.is_ascii_lowercase() {
        return None;
    }
    verbs.longest_at(words, at)
}

/// A word that may stand between a subject and its verb: an "-ly" adverb or one of
/// `data/frame_adverbs.txt`.
pub(super) fn is_adverb(word: &str) -> bool {
    (word.ends_with("ly") && word.len() > 3 && word.chars().all(|c| c.is_lowercase()))
        || lexicon().frame_adverbs.contains(word)
}

/// A last word of a joint subject ("sides", "Ministers"), case aside.
fn is_joint_head(word: &str) -> bool {
    let heads = &lexicon().joint_heads;
    heads.may_contain(word)
        && (heads.contains(word)
            || word.starts_with(|c: char| c.is_ascii_uppercase())
                && heads.contains(ascii_lower(word).as_str()))
}

/// Appends all frames of a sentence to `frames`, in order. The caller decides which to keep.
/// `words` are the tokens as text, "" for punctuation. `unframed`: where to note each
/// reporting verb that made no frame, and why (`()` notes nothing, and costs nothing).
pub fn find_frames<'t, U: Unframed>(
    text: &'t str,
    sentence_end: usize,
    tokens: &[Token],
    words: &[&'t str],
    mentions: &[Mention<'t>],
    frames: &mut Vec<Frame<'t>>,
    unframed: &mut U,
) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let punct = |i: usize| tokens.get(i).and_then(|t| t.punct);
    let from = frames.len();
    work::add(tokens.len());
    // Only punctuation after token `i`? (Every token after the last word is punctuation.)
    let last_word = tokens.iter().rposition(Token::is_word);
    let only_punct_from = |i: usize| last_word.is_none_or(|w| w < i);
    let mut leading = LeadingSubject::default();

    // "According to X, …"; "…, according to the senior Qoravan diplomat." (trailing)
    for (i, w) in words.iter().enumerate() {
        if w.eq_ignore_ascii_case("according") && word(i + 1) == "to" {
            let trailing = (i > 0 && punct(i - 1) == Some(','))
                .then(|| last_word.and_then(|l| subject_before(words, mentions, l + 1)))
                .flatten()
                .filter(|&(_, first)| first == i + 2);
            if let Some((subject, _)) = trailing {
                frames.push(Frame {
                    subject,
                    subject_first: i,
                    verb: Cow::Borrowed("according to"),
                    content: Span::new(tokens[0].start, tokens[i - 1].start),
                    trailing: true,
                });
            } else if let Some((m, mention)) = mention_starting_at(mentions, i + 2) {
                if punct(mention.last) == Some(',') {
                    let start = tokens
                        .get(mention.last + 1)
                        .map_or(sentence_end, |t| t.start);
                    frames.push(Frame {
                        subject: SubjectRef::Mentions(m..m + 1),
                        subject_first: i,
                        verb: Cow::Borrowed("according to"),
                        content: Span::new(start, sentence_end),
                        trailing: false,
                    });
                }
            }
        }
    }

    // Where an impersonal opening ends: its own verb ("It was agreed") makes no other frame.
    let mut opening_end = 0;
    if let Some((after, verb)) = impersonal_opening(words) {
        opening_end = after;
        let start = content_start(text, tokens, words, after, "");
        frames.push(Frame {
            subject: SubjectRef::Impersonal,
            subject_first: 0,
            verb: Cow::Borrowed(verb),
            content: Span::new(start, sentence_end),
            trailing: false,
        });
    }

    let verbs = &lexicon().verbs;
    let mut v = 0;
    while v < tokens.len() {
        let Some((mut len, listed)) = verb_at(verbs, words, v) else {
            v += 1;
            continue;
        };
        // "opened by sending": the act in "-ing" belongs to the verb; without one, no frame.
        if lexicon().is_opener_verb(listed) {
            if !word(v + len).ends_with("ing") {
                v += len;
                continue;
            }
            len += 1;
        }
        let verb_text = &text[tokens[v].start..tokens[v + len - 1].end];
        // The verb as written: nearly always the list's own spelling, which costs nothing.
        let verb: Cow<'static, str> = if verb_text == listed {
            Cow::Borrowed(listed)
        } else {
            Cow::Owned(verb_text.to_string())
        };
        let after_verb = v + len;
        // ", agreeing on …": the opening subject's, when nothing before it is a frame;
        // "…, with the Prime Minister setting out …": the subject after "with".
        if lexicon().is_participle_verb(listed) {
            let after_comma = v > 0 && punct(v - 1) == Some(',');
            let subject = if after_comma && frames.len() == from {
                opening_subject(words, mentions, v - 1)
            } else {
                subject_before(words, mentions, v).filter(|&(_, first)| {
                    first >= 2 && word(first - 1) == "with" && punct(first - 2) == Some(',')
                })
            };
            if let Some((subject, first)) = subject {
                let start = content_start(text, tokens, words, after_verb, verb_text);
                frames.push(Frame {
                    subject,
                    subject_first: first,
                    verb,
                    content: Span::new(start, sentence_end),
                    trailing: false,
                });
            }
            v = after_verb;
            continue;
        }
        // Only punctuation (and closing quotes) between the verb and the sentence end?
        let at_end = only_punct_from(after_verb);

        // Inverted: ",” said X." (or ",” said X, opening the talks.": an aside after a comma).
        let before_is_break =
            v > 0 && matches!(punct(v - 1), Some(c) if c == ',' || is_double_quote(c));
        if before_is_break {
            if let Some((m, mention)) = mention_starting_at(mentions, after_verb) {
                if only_punct_from(mention.last) || punct(mention.last) == Some(',') {
                    frames.push(Frame {
                        subject: SubjectRef::Mentions(m..m + 1),
                        subject_first: v,
                        verb,
                        content: Span::new(tokens[0].start, tokens[v].start),
                        trailing: true,
                    });
                    v = after_verb;
                    continue;
                }
            }
        }

        let mut k = v;
        while k > 0 && is_adverb(word(k - 1)) {
            k -= 1;
        }
        // "Putin, for his part, said": look past a short aside between commas.
        if k > 0 && punct(k - 1) == Some(',') {
            let open = (k.saturating_sub(7)..k - 1)
                .rev()
                .find(|&i| punct(i) == Some(','));
            if let Some(open) = open.filter(|&o| (o + 1..k - 1).all(|i| punct(i).is_none())) {
                k = open;
            }
        }
        let subject = subject_before(words, mentions, k).or_else(|| {
            // "President Corvin opened the summit and called for …": the sentence's subject.
            (k > 1 && word(k - 1) == "and")
                .then(|| {
                    leading
                        .before(words, mentions, k - 1)
                        .or_else(|| topic_led_subject(text, tokens, words, mentions, k - 1))
                })
                .flatten()
        });
        // No frame: a `that`-class verb without "that", or a welcome that is ceremony.
        let no_that = lexicon().is_that_verb(&verb) && word(after_verb) != "that";
        let not_a_frame = no_that
            || lexicon().is_welcome_verb(&verb)
                && welcomes_to_a_place(text, sentence_end, tokens, words, mentions, after_verb);
        if U::NOTES && (subject.is_none() || not_a_frame) && v >= opening_end {
            let reason = match (&subject, no_that) {
                (None, _) => VerbReason::NoSubject,
                (Some(_), true) => VerbReason::NoThat,
                (Some(_), false) => VerbReason::Ceremony,
            };
            let span = Span::new(tokens[v].start, tokens[after_verb - 1].end);
            unframed.note(VerbNote {
                verb: verb.to_string(),
                span,
                reason,
            });
        }
        if let (Some((subject, first)), false) = (subject, not_a_frame) {
            // "A, he said, but B.": a frame inside its content keeps the whole sentence.
            let inside = first >= 4
                && punct(first - 1) == Some(',')
                && punct(after_verb) == Some(',')
                && word(after_verb + 1).starts_with(|c: char| c.is_lowercase());
            // "…, and the Prime Minister accepted.": a clause of its own with nothing after
            // its verb, not a frame after its content (the clause before is another's).
            let joined = first > 0 && lexicon().clause_joiners.contains(word(first - 1));
            let at_end = at_end && !joined;
            let content = if at_end {
                Span::new(tokens[0].start, tokens[first].start)
            } else if inside {
                Span::new(tokens[0].start, sentence_end)
            } else {
                let start = content_start(text, tokens, words, after_verb, verb_text);
                Span::new(start, sentence_end)
            };
            frames.push(Frame {
                subject,
                subject_first: first,
                verb,
                content,
                trailing: at_end && first > 0,
            });
        }
        v = after_verb;
    }
    frames[from..].sort_by_key(|f| f.subject_first);
}

/// "welcomed Chancellor B of Velsenia to the Governor's House in Harlow today.", "welcomed the
/// President of Kestria, Anna Kell, to …": a named guest after the verb at `after_verb` (or an
/// office and the name in commas), then "to" and a place, and no clause after it (no comma,
/// semicolon, "and", "that" or "noting"): ceremony.
fn welcomes_to_a_place(
    text: &str,
    sentence_end: usize,
    tokens: &[Token],
    words: &[&str],
    mentions: &[Mention],
    after_verb: usize,
) -> bool {
    // "welcomed the President of Kestria, Anna Kell, to …": past "the".
    let first = after_verb + usize::from(words.get(after_verb) == Some(&"the"));
    let Some((_, guest)) = mention_starting_at(mentions, first) else {
        return false;
    };
    // "… of Velsenia" after the name.
    let mut to = guest.last;
    if words.get(to) == Some(&"of") {
        to += 1;
        while words
            .get(to)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            to += 1;
        }
    }
    // "the President of Kestria, Anna Kell, to …": the guest's name in commas after the office.
    let comma = |at: usize| tokens.get(at).is_some_and(|t| t.punct == Some(','));
    let named = match mention_starting_at(mentions, to + 1) {
        Some((_, name))
            if !guest.has_name() && comma(to) && name.has_name() && comma(name.last) =>
        {
            to = name.last + 1;
            true
        }
        _ => guest.has_name(),
    };
    if !named || words.get(to) != Some(&"to") {
        return false;
    }
    let place_start = tokens.get(to + 1).map_or(sentence_end, |t| t.start);
    let rest = text[place_start..sentence_end].trim_end_matches(['.', ' ', '\n']);
    !rest.contains([',', ';'])
        && !rest
            .split(' ')
            .any(|w| lexicon().ceremony_clause_words.contains(w))
}

/// "They also discussed X and agreed to Y", "He spoke about X (SORF) and conveyed Y", "They
/// reviewed X, and emphasised Y": when what stands before the "and" at token `and` is
/// topic-only, the coordinated verb's subject is the one that opens the sentence, whatever
/// lies between (conventions: the first verb that gives content labels the statement).
fn topic_led_subject<'t>(
    text: &str,
    tokens: &[Token],
    words: &[&'t str],
    mentions: &[Mention<'t>],
    and: usize,
) -> Option<(SubjectRef<'t>, usize)> {
    let before = text.get(tokens.first()?.start..tokens.get(and)?.start)?;
    work::add(before.len() / 16 + 1);
    if !lexicon().is_topic_only(&before.to_ascii_lowercase()) {
        return None;
    }
    opening_subject(words, mentions, and)
}

/// The subject that opens the sentence, if it ends before token `until`: it ends before the
/// first lowercase word after it ("They also …", "President A met …") that joins no members
/// ("The President and the Prime Minister also …"). It may follow a short opening phrase and
/// its comma ("Moreover, the two ministers exchanged views … and shared …").
fn opening_subject<'t>(
    words: &[&'t str],
    mentions: &[Mention<'t>],
    until: usize,
) -> Option<(SubjectRef<'t>, usize)> {
    let start = words
        .iter()
        .take(5)
        .position(|w| w.is_empty())
        .map_or(0, |p| p + 1);
    (1..until.min(start + 8))
        .filter(|&j| {
            words[j].starts_with(|c: char| c.is_lowercase()) && !matches!(words[j], "and" | "the")
        })
        .find_map(|j| {
            subject_before(words, mentions, j).filter(|&(_, first)| first == 0 || first == start)
        })
}

/// An impersonal frame that opens the sentence ("Hope was expressed", "It was also agreed"):
/// the first token after it, and the verb its statements are labelled with.
fn impersonal_opening(words: &[&str]) -> Option<(usize, &'static str)> {
    listed_impersonal_opening(words).or_else(|| passive_opening(words))
}

/// A passive sentence opening ("Talks were held …", "Agreements were signed …"): the tokens of
/// its "was" or "were" and of its participle (a short noun phrase, then adverbs between them).
pub(super) fn passive_participle(words: &[&str]) -> Option<(usize, usize)> {
    // Most words do not start with "w": one well-predicted test before their lengths.
    let is_be = |w: &&str| w.starts_with('w') && matches!(*w, "was" | "were");
    let be = 1 + words.get(1..words.len().min(10))?.iter().position(is_be)?;
    if words[..be].iter().any(|w| w.is_empty()) {
        return None;
    }
    let mut i = be + 1;
    while words.get(i).is_some_and(|w| is_adverb(w)) {
        i += 1;
    }
    (i < words.len()).then_some((be, i))
}

/// "A mutual commitment was expressed to …", "Deep concern was voiced over …": a short noun
/// phrase of lowercase words after its first, "was" or "were", adverbs, and a participle of
/// `data/impersonal_participles.txt`. Its content starts at the sentence's start (token 0),
/// or after the participle when the phrase is "It".
fn passive_opening(words: &[&str]) -> Option<(usize, &'static str)> {
    let (be, i) = passive_participle(words)?;
    let phrase_is_plain = words[1..be]
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_lowercase()));
    if !phrase_is_plain || !words[0].starts_with(char::is_uppercase) {
        return None;
    }
    let verb = lexicon()
        .impersonal_participles
        .iter()
        .find(|&&p| p == words[i])?;
    // The noun phrase holds the content ("A mutual commitment … to develop trade"): the text
    // is the whole sentence; after "It was …", what follows the participle.
    let after = if words[0] == "It" { i + 1 } else { 0 };
    Some((after, verb))
}

/// An opening of `data/impersonal_frames.tsv`.
fn listed_impersonal_opening(words: &[&str]) -> Option<(usize, &'static str)> {
    let first = words.first()?;
    // The filter folds ASCII case, as the comparison below does.
    if !lexicon().impersonal_firsts.may_contain(first) {
        return None;
    }
    lexicon()
        .impersonal_frames
        .iter()
        .find_map(|(opening, verb)| {
            if !opening.first()?.eq_ignore_ascii_case(first) {
                return None;
            }
            let mut i = 1;
            for want in &opening[1..] {
                while words.get(i).is_some_and(|w| *w != *want && is_adverb(w)) {
                    i += 1;
                }
                if !words.get(i)?.eq_ignore_ascii_case(want) {
                    return None;
                }
                i += 1;
            }
            Some((i, *verb))
        })
}

/// The subject ending just before token `end`, and its first token.
fn subject_before<'t>(
    words: &[&'t str],
    mentions: &[Mention<'t>],
    end: usize,
) -> Option<(SubjectRef<'t>, usize)> {
    if end == 0 {
        return None;
    }
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    if let Some(plural) = plural_subject_before(words, end) {
        return Some(plural);
    }
    if let Some(joint) = joint_with_complement(words, end) {
        return Some(joint);
    }
    if let Some((m, mention)) = mention_ending_at(mentions, end) {
        if let Some(of_office) = head_of_institution(words, mention) {
            return Some(of_office);
        }
        // Joint subjects: "A and B", "A, B and C", "The President and the Prime Minister",
        // "The Prime Minister and President B". Mentions are in text order: each member of the
        // group is the one before the next.
        let mut group = m..m + 1;
        let mut first = mention.first;
        // Set when the last member joined after ", and": a list only with a third member.
        let mut serial = false;
        loop {
            // "… and the Prime Minister": the article before a member is no part of it.
            let at = match word(first.wrapping_sub(1)) {
                "the" | "The" => first - 1,
                _ => first,
            };
            // A comma joins members only before an "and" ("A, B and C"): in "On the Corran
            // Gulf, Lu Wenhai clarified …" the place is no member.
            let joiner = if group.len() == 1 { "and" } else { "" };
            if at < 2 {
                break;
            }
            // After a serial ", and", only commas join ("A, B, and C").
            let and_joins = word(at - 1) == "and" && !serial;
            if !(and_joins || word(at - 1) == joiner) {
                break;
            }
            // "A, B, and C": the member before a serial comma ends at the comma.
            let end = if word(at - 1) == "and" && word(at - 2).is_empty() && group.len() == 1 {
                serial = true;
                at - 2
            } else {
                at - 1
            };
            // A bare title joins only with "and" ("In a call with the President, Prime
            // Minister B said …" is one speaker).
            // "On the Hollin Sea, the Prime Minister and the President welcomed …": a name after
            // a preposition is a place or a topic, never a member.
            // "Looking ahead to this week's Harbor Summit, the Prime Minister and President B
            // agreed …": a comma joins people only, never an organization or an event.
            let member = group.start.checked_sub(1).filter(|&p| {
                mentions[p].last == end
                    && (word(at - 1) == "and"
                        || (mentions[p].has_name() && super::people::is_person_like(&mentions[p])))
                    && !after_preposition(words, mentions[p].first)
            });
            match member {
                Some(p) => {
                    group.start = p;
                    first = mentions[p].first;
                }
                None => break,
            }
        }
        // "… between Westmarch and Kelvany, and the President spoke …": ", and" alone joins
        // clauses, not members.
        if serial && group.len() == 2 {
            group = m..m + 1;
            first = mention.first;
        }
        // "the President": the subject starts at its article, so that a clause joiner before
        // it ("…, and the President agreed") is seen.
        if matches!(word(first.wrapping_sub(1)), "the" | "The") {
            first -= 1;
        }
        if group.len() > 1 {
            return Some((SubjectRef::Mentions(group), first));
        }
        if !mention.has_name() {
            let nationality = mention
                .country
                .clone()
                .or_else(|| mention.adjective.map(Cow::Borrowed));
            return match nationality {
                Some(n) => Some((SubjectRef::Nationality(n), first)),
                None => mention.title.clone().map(|t| (SubjectRef::Title(t), first)),
            };
        }
        return Some((SubjectRef::Mentions(group), first));
    }
    let last = word(end - 1);
    let lex = lexicon();
    match lex.subject_pronoun(last) {
        Some(Pronoun::One) => return Some((SubjectRef::Pronoun, end - 1)),
        Some(Pronoun::Joint) => return Some((SubjectRef::Joint, end - 1)),
        None => {}
    }
    // "The Arvelian leader", "the Solmarian side" (Kremlin style: the leader of that side),
    // "The Huaxian foreign minister" (one lowercase word between)
    if lex.nationality_heads.contains(last) {
        let modifier = usize::from(lex.head_modifiers.contains(word(end.wrapping_sub(2))));
        let adjective = end.checked_sub(2 + modifier).filter(|&a| a >= 1)?;
        let capital = |i: usize| word(i).starts_with(char::is_uppercase);
        // "the senior Qoravan diplomat": a modifier may stand before the adjective too.
        let before = adjective - 1;
        let article = match before.checked_sub(1) {
            Some(a) if lex.head_modifiers.contains(word(before)) => a,
            _ => before,
        };
        if matches!(word(article), "The" | "the") && capital(adjective) {
            return Some((
                SubjectRef::Nationality(Cow::Borrowed(word(adjective))),
                article,
            ));
        }
        // "The Aurean Council president": an institution's name before the head; the one
        // leader who holds an institution's office, else the leader of that side, as for "the
        // Solmarian side". The hint is then the name whole ("Aurean Council").
        if adjective >= 2
            && matches!(word(adjective - 2), "The" | "the")
            && capital(adjective - 1)
            && capital(adjective)
        {
            let hint = match super::people::is_institution_word(word(adjective)) {
                true => Cow::Owned(format!("{} {}", word(adjective - 1), word(adjective))),
                false => Cow::Borrowed(word(adjective - 1)),
            };
            return Some((SubjectRef::Nationality(hint), adjective - 2));
        }
    }
    None
}

/// "The president of the Aurean Council": a lowercase head of `data/nationality_heads.txt`, "of
/// the" and an institution's name, read as "the Aurean Council president" is (the one leader
/// who holds an institution's office, else the leader of that side).
fn head_of_institution<'t>(
    words: &[&str],
    mention: &Mention<'t>,
) -> Option<(SubjectRef<'t>, usize)> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let at = mention.first.checked_sub(4)?;
    let institution = mention.title.is_none()
        && mention
            .name
            .last()
            .is_some_and(|w| super::people::is_institution_word(w));
    (institution
        && matches!(word(at), "The" | "the")
        && lexicon().nationality_heads.contains(word(at + 1))
        && word(at + 2) == "of"
        && word(at + 3) == "the")
        .then_some((
            SubjectRef::Nationality(Cow::Borrowed(mention.name_text)),
            at,
        ))
}

/// "The leaders of the two nations", "The leaders of Dravonia and Pellaria", "the heads of
/// state of both countries": a joint subject, then "of" and a short complement that names
/// its sides (capitalized words, "and", "the", "two", "both" and one lowercase noun), ending
/// before token `end`. The subject is the joint one, every leader.
fn joint_with_complement<'t>(words: &[&str], end: usize) -> Option<(SubjectRef<'t>, usize)> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let of = (end.saturating_sub(6)..end.saturating_sub(1))
        .rev()
        .find(|&i| word(i) == "of")?;
    let mut nouns = 0;
    let complement = (of + 1..end).all(|i| {
        let w = word(i);
        match w {
            "" => false,
            "the" | "two" | "both" | "and" => true,
            _ if w.starts_with(|c: char| c.is_uppercase()) => true,
            _ => {
                nouns += 1;
                nouns == 1 && w.chars().all(|c| c.is_ascii_lowercase())
            }
        }
    });
    if !complement {
        return None;
    }
    match plural_subject_before(words, of)? {
        (SubjectRef::Joint, first) => Some((SubjectRef::Joint, first)),
        _ => None,
    }
}

/// True when the word before token `first` (or before its "the") is a preposition of
/// `data/opening_prepositions.txt` ("On the Hollin Sea", "in Calder"), in any case.
fn after_preposition(words: &[&str], first: usize) -> bool {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut before = first.wrapping_sub(1);
    if matches!(word(before), "the" | "The") {
        before = before.wrapping_sub(1);
    }
    let w = word(before);
    !w.is_empty()
        && lexicon()
            .opening_prepositions
            .contains(ascii_lower(w).as_str())
        && !matches!(w, "the" | "The" | "a" | "A" | "an" | "An")
}

/// A plural subject ending before token `end`: "The two sides", "Both leaders", "the heads of
/// state" (joint); a bare plural opening the sentence or a clause, "Ministers", "Heads of State
/// and Government", "Foreign Ministers" (joint: every leader, as chairs' summaries use them);
/// "Several Ministers", "some participants" (indefinite). Its words are lowercase words, heads
/// of `data/joint_heads.txt` in any case, and portfolios ("Foreign"); its determiner is "the",
/// "both", "all" or a word of `data/indefinite_subjects.txt`.
///
/// Inlined up to the test of the head, which rules out nearly every word: callers ask at
/// several words of each sentence.
#[inline]
pub(super) fn plural_subject_before<'t>(
    words: &[&str],
    end: usize,
) -> Option<(SubjectRef<'t>, usize)> {
    let head = end.checked_sub(1).and_then(|i| words.get(i))?;
    let heads = &lexicon().joint_heads;
    if !heads.may_contain(head) {
        return None;
    }
    plural_subject_from_head(words, end)
}

/// [`plural_subject_before`] past its first test.
#[inline(never)]
fn plural_subject_from_head<'t>(words: &[&str], end: usize) -> Option<(SubjectRef<'t>, usize)> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    if end == 0 || !is_joint_head(word(end - 1)) {
        return None;
    }
    let lex = lexicon();
    // Every word from `i` to the head is a head or a portfolio: a bare plural so far.
    let mut bare = true;
    for i in (end.saturating_sub(7)..end).rev() {
        let w = word(i);
        if lex.joint_determiners.contains(w) {
            return Some((SubjectRef::Joint, i));
        }
        let indefinite = &lex.indefinite_subjects;
        if indefinite.may_contain(w) && indefinite.contains(ascii_lower(w).as_str()) {
            // "A number of Ministers", "the majority of leaders"
            let start = if matches!(word(i.wrapping_sub(1)), "A" | "a") {
                i - 1
            } else {
                i
            };
            return Some((SubjectRef::Indefinite, start));
        }
        let head = is_joint_head(w) || lex.portfolios.contains(w);
        let plain = head
            || matches!(w, "of" | "and")
            || w.starts_with(|c: char| c.is_lowercase()) && w.chars().all(char::is_alphabetic)
            || super::names::opens_plural_title(words, i, end);
        if !plain {
            return None;
        }
        bare &= head || matches!(w, "of" | "and");
        // The sentence's or a clause's first word: a bare plural is every leader.
        if i == 0 || word(i - 1).is_empty() {
            return (bare && head).then_some((SubjectRef::Joint, i));
        }
    }
    None
}

/// The mention of `mentions` whose first token is `first`, and its index. Mentions are in text
/// order and never overlap, so both their first and their last tokens ascend: a binary search.
fn mention_starting_at<'m, 't>(
    mentions: &'m [Mention<'t>],
    first: usize,
) -> Option<(usize, &'m Mention<'t>)> {
    work::add(search_steps(mentions.len()));
    let m = mentions.partition_point(|m| m.first < first);
    mentions
        .get(m)
        .filter(|m| m.first == first)
        .map(|mention| (m, mention))
}

/// The mention of `mentions` that ends just before token `last`, and its index.
fn mention_ending_at<'m, 't>(
    mentions: &'m [Mention<'t>],
    last: usize,
) -> Option<(usize, &'m Mention<'t>)> {
    work::add(search_steps(mentions.len()));
    let m = mentions.partition_point(|m| m.last < last);
    mentions
        .get(m)
        .filter(|m| m.last == last)
        .map(|mention| (m, mention))
}

/// The probes of a binary search over `len` elements.
fn search_steps(len: usize) -> usize {
    (usize::BITS - len.leading_zeros()) as usize
}

/// The subject that opens a sentence (a name or a pronoun), read once per sentence however many
/// frames ask for it ("A opened the talks and called for … and called for …").
#[derive(Default)]
struct LeadingSubject<'t> {
    /// The name that opens the sentence, if any; `None` until read.
    read: Option<Option<(SubjectRef<'t>, usize)>>,
    /// The first punctuation token after an opening pronoun ("He"): words run up to it.
    pronoun_words_end: usize,
    /// The first punctuation token after the opening name.
    name_words_end: usize,
}

impl<'t> LeadingSubject<'t> {
    /// The opening subject, when nothing but words stands between it and token `until`.
    fn before(
        &mut self,
        words: &[&str],
        mentions: &[Mention<'t>],
        until: usize,
    ) -> Option<(SubjectRef<'t>, usize)> {
        if self.read.is_none() {
            self.read(words, mentions);
        }
        // "He stressed …": a singular pronoun, capitalized, opening the sentence.
        let pronoun = words.first().is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && lexicon().subject_pronoun(w) == Some(Pronoun::One)
        });
        if pronoun && self.pronoun_words_end >= until {
            return Some((SubjectRef::Pronoun, 0));
        }
        self.read
            .clone()
            .flatten()
            .filter(|_| self.name_words_end >= until)
    }

    fn read(&mut self, words: &[&str], mentions: &[Mention<'t>]) {
        // The first punctuation token at or after `from`: words run up to it.
        let words_end = |from: usize| {
            let end = words
                .get(from..)
                .and_then(|rest| rest.iter().position(|w| w.is_empty()))
                .map_or(words.len(), |p| from + p);
            work::add(end.saturating_sub(from) + 1);
            end
        };
        self.pronoun_words_end = words_end(1);
        let opening = mentions.first().filter(|m| m.first == 0 && m.has_name());
        self.name_words_end = opening.map_or(0, |m| words_end(m.last));
        self.read = Some(opening.map(|_| (SubjectRef::Mentions(0..1), 0)));
        // "The leaders began with a discussion of X and underscored …": a joint subject that
        // opens the sentence, of up to four words.
        if opening.is_none() {
            let joint = (2..=4.min(words.len()))
                .find_map(|end| Some((end, plural_subject_before(words, end)?)))
                .filter(|(_, (subject, at))| *at == 0 && *subject == SubjectRef::Joint);
            if let Some((end, subject)) = joint {
                self.name_words_end = words_end(end);
                self.read = Some(Some(subject));
            }
        }
    }
}

/// Where a frame's content starts: after the verb, a directly following "that", an
/// addressee + "that" (for verbs such as "told"), or a colon or comma before a quote.
fn content_start(
    text: &str,
    tokens: &[Token],
    words: &[&str],
    after_verb: usize,
    verb: &str,
) -> usize {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut i = after_verb;
    // "said in his opening remarks that", "noted during the talks that"
    let aside = lexicon().frame_asides.contains(word(i));
    // Not past an infinitive: in "agreed on the need to ensure that …" the "that" is the
    // content's own.
    let that_soon = (i + 1..(i + 9).min(tokens.len()))
        .take_while(|&j| tokens[j].is_word() && word(j) != "to")
        .find(|&j| word(j) == "that");
    if word(i) == "that" {
        i += 1;
    } else if let (true, Some(that)) = (aside, that_soon) {
        i = that + 1;
    } else if lexicon().is_addressee_verb(verb) {
        if let Some(that) = (i + 1..(i + 6).min(tokens.len())).find(|&j| word(j) == "that") {
            let plain = (i..that).all(|j| tokens[j].is_word() || tokens[j].punct == Some('.'));
            if plain {
                i = that + 1;
            }
        }
    } else if matches!(tokens.get(i).and_then(|t| t.punct), Some(':' | ',')) {
        i += 1;
    } else if let Some(colon) = colon_before_quote(tokens, i) {
        // "As President Sandvik stated after the call: "…"": a few words, then the quote.
        i = colon + 1;
    }
    tokens.get(i).map_or(text.len(), |t| t.start)
}

/// The colon of a few words after a verb that end in a colon and a quotation mark ("stated
/// after the call: "…""): where a direct quote starts past an adverbial.
fn colon_before_quote(tokens: &[Token], from: usize) -> Option<usize> {
    const WORDS: usize = 6;
    let colon = (from..(from + WORDS + 1).min(tokens.len()))
        .take_while(|&j| tokens[j].is_word() || tokens[j].punct == Some(':'))
        .find(|&j| tokens[j].punct == Some(':'))?;
    let quote = tokens.get(colon + 1)?.punct.is_some_and(is_double_quote);
    (colon > from && quote).then_some(colon)
}

#[cfg(test)]
mod tests {
    use super::super::names::mentions;
    use super::super::tokens::{token_words, tokenize};
    use super::*;

    fn frames(text: &str) -> Vec<(SubjectRef<'_>, Cow<'static, str>, String)> {
        raw_frames(text)
            .into_iter()
            .map(|f| {
                let content = text[f.content.range()].to_string();
                (f.subject, f.verb, content)
            })
            .collect()
    }

    #[test]
    fn a_welcome_of_an_office_and_its_holders_name_to_a_place_is_ceremony() {
        assert!(
            frames("Lina Orsk welcomed the President of Kestria, Tomas Brenn, to Vell today.")
                .is_empty()
        );
        assert_eq!(
            frames("Lina Orsk welcomed the President of Kestria, Tomas Brenn, to Vell, noting it.")
                .len(),
            1
        );
    }

    #[test]
    fn a_comma_joins_people_to_a_subject_never_an_event() {
        let f = frames("Ahead of the Harbor Summit, Lina Orsk and President Brenn agreed to act.");
        assert_eq!(f[0].0, SubjectRef::Mentions(1..3));
        let f = frames("Lina Orsk, Anna Kell and President Brenn agreed to act.");
        assert_eq!(f[0].0, SubjectRef::Mentions(0..3));
    }

    #[test]
    fn the_president_of_an_institution_is_read_as_its_president() {
        let f = frames("The president of the Aurean Council reiterated the call.");
        assert_eq!(
            f[0].0,
            SubjectRef::Nationality(Cow::Borrowed("Aurean Council"))
        );
        assert_eq!(f[0].2, "the call.");
    }

    #[test]
    fn a_joint_subject_opening_the_sentence_leads_its_coordinated_verb() {
        let f = frames("The leaders began with a discussion on trade and underscored the stakes.");
        assert_eq!(
            (f[0].0.clone(), f[0].1.as_ref()),
            (SubjectRef::Joint, "underscored")
        );
    }

    #[test]
    fn a_that_past_an_infinitive_is_the_contents_own() {
        let f = frames("They agreed on the need to ensure that quotas are set.");
        assert_eq!(f[0].2, "on the need to ensure that quotas are set.");
        let f = frames("She noted during the talks that ties are strong.");
        assert_eq!(f[0].2, "ties are strong.");
    }

    #[test]
    fn reads_the_common_frames() {
        let f = frames("Recalling the visit, Xi Jinping pointed out that ties are strong.");
        assert_eq!(f[0].1, "pointed out");
        assert_eq!(f[0].2, "ties are strong.");
        let f = frames("He also stressed it.");
        assert_eq!(
            (f[0].0.clone(), f[0].2.as_str()),
            (SubjectRef::Pronoun, "it.")
        );
        let f = frames("The two heads of state agreed to meet.");
        assert_eq!(f[0].0, SubjectRef::Joint);
        let f = frames("It was also agreed that talks would resume.");
        assert_eq!(
            (f[0].0.clone(), f[0].1.as_ref(), f[0].2.as_str()),
            (SubjectRef::Impersonal, "agreed", "talks would resume.")
        );
        let f = frames("Emphasis was placed on the need to act.");
        assert_eq!(
            (f[0].1.as_ref(), f[0].2.as_str()),
            ("placed", "the need to act.")
        );
        let f = frames("The President and the Prime Minister agreed to meet.");
        assert_eq!(f[0].0, SubjectRef::Mentions(0..2));
        let f = frames("In a call with the President, Prime Minister Orsk said it works.");
        assert_eq!(f[0].0, SubjectRef::Mentions(1..2));
        assert!(frames(
            "Lina Orsk welcomed President Tomas Brenn to the Blue House in Vell today."
        )
        .is_empty());
        assert_eq!(
            frames("Lina Orsk welcomed President Brenn to Vell, noting the ties.").len(),
            1
        );
        let f = frames("They also discussed trade (WTO), and agreed to meet.");
        assert_eq!(
            (f[0].0.clone(), f[0].2.as_str()),
            (SubjectRef::Joint, "to meet.")
        );
        // "conferred about" is topic-only as "discussed" is (White House).
        let f = frames("They also conferred about the crossing and agreed to revisit it.");
        assert_eq!(
            (f[0].0.clone(), f[0].2.as_str()),
            (SubjectRef::Joint, "to revisit it.")
        );
        let f = frames("Vell is ready to help build a seed bank, he said, but it needs time.");
        assert_eq!(
            f[0].2,
            "Vell is ready to help build a seed bank, he said, but it needs time."
        );
        let f = frames("As President Sandvik stated after the call: \"We act. We agree.\"");
        assert_eq!(f[0].2, "\"We act. We agree.\"");
        let f = frames("Orsk stated after the call that it works: fully.");
        assert_eq!(f[0].2, "it works: fully.");
        let f = frames("According to Orsk, the talks went well.");
        assert_eq!(
            (f[0].1.as_ref(), f[0].2.as_str()),
            ("according to", "the talks went well.")
        );
    }

    #[test]
    fn reads_bare_and_indefinite_plural_subjects() {
        for (text, subject) in [
            ("Ministers agreed to meet.", SubjectRef::Joint),
            (
                "Heads of State and Government welcomed it.",
                SubjectRef::Joint,
            ),
            ("The Foreign Ministers stressed peace.", SubjectRef::Joint),
            ("On trade, leaders called for talks.", SubjectRef::Joint),
            ("The two Prime Ministers welcomed it.", SubjectRef::Joint),
            ("Both Prime Ministers agreed to meet.", SubjectRef::Joint),
            (
                "Several Ministers stressed the need.",
                SubjectRef::Indefinite,
            ),
            (
                "A number of delegations raised concerns.",
                SubjectRef::Indefinite,
            ),
        ] {
            let f = frames(text);
            assert_eq!(f[0].0, subject, "{text}");
        }
        // A plural inside a clause is no subject; a title before "of State" is a person.
        assert!(frames("It helps ministers stressed by work.").is_empty());
        let f = frames("The Secretary of State stressed peace.");
        assert_eq!(f[0].0, SubjectRef::Title("Secretary of State".into()));
    }

    #[test]
    fn serial_commas_join_three_members_but_not_two() {
        let f = frames("Lina Orsk, Tomas Brenn, and Ana Ruiz agreed to meet.");
        assert_eq!(f[0].0, SubjectRef::Mentions(0..3));
        let f = frames("They praised ties between Vell and Kestria, and Ana Ruiz noted it.");
        assert!(f
            .iter()
            .any(|f| f.0 == SubjectRef::Mentions(2..3) && f.1 == "noted"));
        let f = frames("On the Corran Gulf, Lu Wenhai clarified it.");
        assert_eq!(f[0].0, SubjectRef::Mentions(1..2));
    }

    #[test]
    fn a_participle_after_a_comma_reports_for_the_opening_subject() {
        let f = frames("The President and the Premier also spoke about fish, agreeing on quotas.");
        assert_eq!(
            (f[0].0.clone(), f[0].1.as_ref(), f[0].2.as_str()),
            (SubjectRef::Mentions(0..2), "agreeing", "on quotas.")
        );
        // After a frame, or without a comma, a participle is no frame of its own.
        assert_eq!(frames("Orsk thanked Vane, noting the ties.").len(), 1);
        assert!(frames("Orsk thanked Vane for expressing support.")[0].1 == "thanked");
        assert!(frames("It was a year of growing ties, noting nothing.").is_empty());
        // After an opening phrase and its comma, a topic-only verb then one that gives content.
        let f = frames("Moreover, the two ministers exchanged views on fish and shared the view that quotas help.");
        assert_eq!(
            (f[0].0.clone(), f[0].1.as_ref(), f[0].2.as_str()),
            (SubjectRef::Joint, "shared", "the view that quotas help.")
        );
    }

    fn raw_frames(text: &str) -> Vec<Frame<'_>> {
        let tokens = tokenize(text, 0, text.len());
        let words = token_words(text, &tokens);
        let mut frames = Vec::new();
        find_frames(
            text,
            text.len(),
            &tokens,
            &words,
            &mentions(text, &tokens),
            &mut frames,
            &mut (),
        );
        frames
    }

    #[test]
    fn reads_a_trailing_according_to_and_a_diplomat_by_nationality() {
        let text = "All parties should show restraint, according to the senior Qoravan diplomat.";
        let found = raw_frames(text);
        assert!(found[0].trailing);
        assert_eq!(found[0].verb, "according to");
        assert!(matches!(&found[0].subject, SubjectRef::Nationality(n) if n == "Qoravan"));
        assert_eq!(
            &text[found[0].content.range()],
            "All parties should show restraint"
        );
        let found = raw_frames("Talks must go on, the Kelvaran diplomat said.");
        assert!(matches!(&found[0].subject, SubjectRef::Nationality(n) if n == "Kelvaran"));
    }

    #[test]
    fn reads_trailing_and_inverted_frames() {
        let text = "\"We will stand together,\" Lina Orsk said.";
        let found = raw_frames(text);
        assert!(found[0].trailing);
        assert_eq!(
            &text[found[0].content.range()],
            "\"We will stand together,\" "
        );
        let found = raw_frames("\"Never,\" said President Orsk.");
        assert!(found[0].trailing);
        assert_eq!(found[0].verb, "said");
        // An aside after the speaker ("…, opening the talks") keeps the inverted frame; its
        // content is the quote, marks included (the statement drops them).
        let text = "\"Never closer,\" said President Orsk, opening the talks.";
        let found = raw_frames(text);
        assert!(found[0].trailing);
        assert_eq!(&text[found[0].content.range()], "\"Never closer,\" ");
    }

    #[test]
    fn reads_joint_names_and_two_speakers() {
        let f = frames(
            "Orsk Lina and Tomas Brenn agreed that it works, while Ana Ruiz stressed peace.",
        );
        assert!(matches!(&f[0].0, SubjectRef::Mentions(m) if m.len() == 2));
        assert_eq!(f[1].1, "stressed");
        assert_eq!(f[1].2, "peace.");
    }
}
