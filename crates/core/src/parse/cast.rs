//! Pass 2, people: who took part. The opening sentence names the principal and the
//! counterparts; subjects of reporting frames and transcript labels add leaders; "… were
//! present" lines add attendees; a headline may give the fullest form of a name.

use super::frames::SubjectRef;
use super::lexicon;
use super::names::{mentions, Mention};
use super::people::{self, is_person_like, People, Person, CHAIR};
use super::segment::{self, BlockKind};
use super::sentences::Sentence;
use super::tokens::{is_capitalized, strip_possessive, tokenize};
use crate::fxhash::FxHashSet;
use crate::model::*;

/// Pass 1: who took part.
/// Who took part, and the person each of the readout's mentions names (in the order of
/// `mentions`): the people are found first, then every mention of a known person teaches its
/// form of the name (an alias), title and country, in text order.
pub(super) fn read(
    text: &str,
    blocks: &[segment::Block],
    sentences: &[Sentence],
    mentions: &[Mention],
) -> (People, Vec<Option<usize>>) {
    let mut people = find_people(text, blocks, sentences);
    // From here on the people are known: who each mention names is found once.
    let mention_persons = people.find_each(mentions);
    for sentence in sentences {
        for (m, mention) in sentence.mentions.iter().enumerate() {
            let Some(p) = mention_persons[sentence.mentions_from + m] else {
                // "the President of Dalvia, Irena Kovac, …": the office names the person after.
                let next = sentence.mentions.get(m + 1);
                if let Some(q) = next.and_then(|n| {
                    let named = mention_persons[sentence.mentions_from + m + 1];
                    named.filter(|_| is_untitled(n))
                }) {
                    learn_office_before(
                        sentence,
                        mention,
                        next.map_or(0, |n| n.first),
                        &mut people.persons[q],
                    );
                }
                continue;
            };
            {
                people.learn(p, mention);
                // "Bryn Caddick, MP, Prime Minister of Tessaly": past post-nominal letters.
                let mut comma = mention.last;
                let mut next = m + 1;
                while let Some(letters) = sentence.mentions.get(next).filter(|n| {
                    n.first == comma + 1
                        && n.title.is_none()
                        && n.name.len() == 1
                        && lexicon::lexicon().post_nominals.contains(n.name[0])
                }) {
                    comma = letters.last;
                    next += 1;
                }
                if let Some(next) = sentence.mentions.get(next) {
                    learn_appositive(text, sentence, comma, next, &mut people.persons[p]);
                }
            }
        }
    }
    for sentence in sentences {
        learn_titles_by_country(blocks, sentence, &mut people);
    }
    (people, mention_persons)
}

/// "The President of Velmora briefed …" (a frame's subject) when no leader is of Velmora yet
/// and one leader alone has no country and no other title: that leader is the President of
/// Velmora, and "the President" (Kremlin style, after an opening with a bare name). "… the
/// President of Orvania" in a headline is the alias "the President" of the leader with that
/// title and country.
fn learn_titles_by_country(blocks: &[segment::Block], sentence: &Sentence, people: &mut People) {
    let heading = blocks[sentence.block].kind == BlockKind::Heading;
    // A subject starts at its article when one stands before the mention ("When discussing …,
    // the President of Dravonia emphasised …").
    let is_subject = |at: usize| {
        sentence.frames.iter().any(|f| {
            f.subject_first == at
                || (f.subject_first + 1 == at
                    && sentence.words[f.subject_first].eq_ignore_ascii_case("the"))
        })
    };
    for mention in sentence.mentions {
        let (Some(title), Some(country), false) = (
            mention.title.as_deref(),
            mention.country.as_deref(),
            mention.has_name(),
        ) else {
            continue;
        };
        // "the President of Orvania", but not "Office of the Prime Minister of Kestria" (an
        // institution's name: the publisher).
        let word = |back: usize| {
            mention
                .first
                .checked_sub(back)
                .and_then(|i| sentence.words.get(i))
                .copied()
                .unwrap_or("")
        };
        let after_the =
            word(1).eq_ignore_ascii_case("the") && !people::is_institution_word(word(3));
        let of_country = |p: &usize| people.persons[*p].country.as_deref() == Some(country);
        let holder = people.leaders().find(of_country);
        let lone = || {
            let mut free = people.leaders().filter(|&p| {
                let person = &people.persons[p];
                person.country.is_none() && person.title.as_deref().is_none_or(|t| t == title)
            });
            match (free.next(), free.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        };
        match holder {
            // A headline's "the President of Kestria", or a subject's ("The President of
            // Tarnovia thanked him …") once the object of an earlier frame told who that is.
            Some(p)
                if (heading && after_the || !heading && is_subject(mention.first))
                    && people.persons[p].title.as_deref() == Some(title) =>
            {
                people.add_role_alias(p, title);
            }
            None if is_subject(mention.first) => {
                if let Some(p) = lone() {
                    let person = &mut people.persons[p];
                    person.learn_title(title);
                    person.country = Some(country.to_string());
                    people.add_role_alias(p, title);
                }
            }
            // "Halvard Stene congratulated the President of Dalvia on …": the one leader the
            // office can be, other than the frame's speaker, holds it (no alias: the text calls
            // no one "the President" there).
            None if after_the && !heading => {
                let speaker = addressed_by(sentence, mention, people);
                if let Some(p) = lone().filter(|&p| speaker.is_some_and(|s| s != p)) {
                    let person = &mut people.persons[p];
                    person.learn_title(title);
                    person.country = Some(country.to_string());
                }
            }
            _ => {}
        }
    }
}

/// The person a frame's subject names, when `mention` ("the President of Dalvia") is the
/// object right after the frame's verb ("Halvard Stene congratulated the President of …").
fn addressed_by(sentence: &Sentence, mention: &Mention, people: &People) -> Option<usize> {
    let article = sentence.tokens.get(mention.first.checked_sub(1)?)?;
    let frame = sentence
        .frames
        .iter()
        .find(|f| !f.trailing && f.content.start == article.start)?;
    let SubjectRef::Mentions(range) = &frame.subject else {
        return None;
    };
    let [subject] = &sentence.mentions[range.clone()] else {
        return None;
    };
    people.find(&subject.name)
}

/// Leaders the opening sentence names only by title, after its first word: "the President of
/// Kelvany" ("The Prime Minister spoke to the President of Kelvany …") is a counterpart named
/// "The President of Kelvany", of Kelvany; "the Prime Minister" without a country, when no
/// named leader holds that title ("President Ostrova called the Prime Minister …", UK style),
/// is the publisher's own leader, whom the readout never names: the principal, named "The
/// Prime Minister" (fixtures README). Not a title after "as" ("… on his appointment as the
/// Prime Minister"), nor an appositive after a comma ("Lena Moravec, the President of
/// Carpathia"), nor one with a country adjective ("the Iraqi Prime Minister").
fn untitled_leaders(text: &str, opening: &Sentence, people: &mut People) {
    let word = |i: usize| opening.words.get(i).copied().unwrap_or("");
    // A principal already known only by title ("The Prime Minister spoke to …") stays it.
    let titled_principal = people
        .persons
        .iter()
        .any(|p| p.role == Role::Principal && p.name_text.starts_with("The "));
    for mention in opening.mentions {
        let Some(title) = mention.title.as_deref() else {
            continue;
        };
        let article = mention.first.checked_sub(1).map(word);
        // "the Governor's House": a possessive title names a place or a thing, not a leader.
        let possessive = mention
            .last
            .checked_sub(1)
            .is_some_and(|l| strip_possessive(word(l)).len() < word(l).len());
        if mention.has_name()
            || possessive
            || mention.first == first_word(opening)
            || mention.adjective.is_some()
            || !article.is_some_and(|w| w.eq_ignore_ascii_case("the"))
            || matches!(word(mention.first.wrapping_sub(2)), "as" | "")
            || lexicon::lexicon().is_courtesy_title(title)
        {
            continue;
        }
        // "the Secretary-General of the Northern Alliance": an institution's office, named
        // with it; "the President of the Aurean Commission, Elke Brandt, …": the name follows.
        let complement = (word(mention.last) == "of").then(|| {
            let from = mention.last + 1 + usize::from(word(mention.last + 1) == "the");
            let end = (from..).find(|&k| !is_capitalized(word(k))).unwrap_or(from);
            (from, end)
        });
        // "the President of Dalvia, Irena Kovac, …": the name follows, after a comma.
        let named_after = |end: usize| {
            opening.tokens.get(end).and_then(|t| t.punct) == Some(',')
                && opening
                    .mentions
                    .iter()
                    .any(|m| m.first == end + 1 && is_untitled(m) && is_person_like(m))
        };
        match (mention.country.as_deref(), complement) {
            (Some(country), _) => {
                let known = people.leaders().any(|p| {
                    let person = &people.persons[p];
                    person.country.as_deref() == Some(country)
                });
                if !known && !named_after(mention.last) {
                    people.add_unnamed(title, country, &format!("The {title} of {country}"));
                }
            }
            (None, Some((from, end))) => {
                let named_after = word(end).is_empty()
                    && opening
                        .mentions
                        .iter()
                        .any(|m| m.first == end + 1 && is_person_like(m));
                if end > from && !named_after {
                    let of = &text[opening.tokens[mention.last].start..opening.tokens[end - 1].end];
                    let p =
                        people.add_titled(title, &format!("The {title} {of}"), Role::Counterpart);
                    people.persons[p].institution = true;
                }
            }
            (None, None) => {
                if people.leaders_titled(title).next().is_none() {
                    let p = people.add_titled(title, &format!("The {title}"), Role::Counterpart);
                    if !titled_principal {
                        people.make_principal(p);
                    }
                }
            }
        }
    }
}

/// A mention with no office before its name: none, or only a courtesy word ("H.E. Ms.
/// Thandiwe Mokoena-Ruiz", read with the title "Ms").
fn is_untitled(mention: &Mention) -> bool {
    mention
        .title
        .as_deref()
        .is_none_or(|t| lexicon::lexicon().is_courtesy_title(t))
}

/// True when the words right before token `at` are one of `phrases` (lowercase words).
fn preceded_by(sentence: &Sentence, at: usize, phrases: &[Vec<&str>]) -> bool {
    phrases.iter().any(|phrase| {
        at >= phrase.len()
            && sentence.words[at - phrase.len()..at]
                .iter()
                .zip(phrase)
                .all(|(w, p)| w.eq_ignore_ascii_case(p))
    })
}

/// True when the sentence ends with words that say its people took part ("… and Foreign
/// Minister C of Z took part."): `data/taking_part.txt`.
fn lists_who_took_part(sentence: &Sentence) -> bool {
    let last = sentence.words.iter().rev().find(|w| !w.is_empty());
    lexicon::lexicon().taking_part.iter().any(|phrase| {
        // Most sentences end with a word that ends no phrase.
        if let (Some(p), Some(w)) = (phrase.last(), last) {
            if !w.eq_ignore_ascii_case(p) {
                return false;
            }
        }
        // The sentence's last words, punctuation ("" words) aside, read backwards.
        let mut words = sentence.words.iter().rev().filter(|w| !w.is_empty());
        phrase
            .iter()
            .rev()
            .all(|p| words.next().is_some_and(|w| w.eq_ignore_ascii_case(p)))
            && words.next().is_some()
    })
}

/// "H.E. Mr. Leopold Ostheim, President of Sarovia": a bare title right after a person's
/// name and a comma gives their title and country (no alias: the text never joins them).
fn learn_appositive(
    text: &str,
    sentence: &Sentence,
    comma: usize,
    next: &Mention,
    person: &mut Person,
) {
    let punct = |at: usize| sentence.tokens.get(at).and_then(|t| t.punct);
    let word = |i: usize| sentence.words.get(i).copied().unwrap_or("");
    // "Lena Moravec, the President of Carpathia": past the article.
    let first = comma + 1 + usize::from(word(comma + 1) == "the");
    if next.has_name() || next.first != first || punct(comma) != Some(',') {
        return;
    }
    let Some(title) = next.title.as_deref() else {
        return;
    };
    person.learn_title(title);
    if person.country.is_none() {
        person.country = next
            .country
            .as_deref()
            .map(str::to_string)
            .or_else(|| state_form_country(text, sentence, next.last))
            .or_else(|| country_after_comma(sentence, next.last));
    }
}

/// "…, Federal Minister for Foreign Affairs, Norland.": the country after the title's comma,
/// when it ends the sentence (Japan's MOFA), read from token `comma` on.
fn country_after_comma(sentence: &Sentence, comma: usize) -> Option<String> {
    let tokens = sentence.tokens;
    let country = sentence.mentions.iter().find(|m| m.first == comma + 1)?;
    let ends = tokens
        .get(country.last)
        .is_none_or(|t| t.punct == Some('.'));
    let plain = country.title.is_none() && !people::is_person_like(country);
    (tokens.get(comma)?.punct == Some(',') && ends && plain && country.name.len() <= 3)
        .then(|| country.name.join(" "))
}

/// "the President of Dalvia, Irena Kovac, …": an office of a country with "the" right before a
/// comma and the name that `next` starts gives that person's title and country when the text
/// gave none (no alias, as [`learn_appositive`]).
fn learn_office_before(sentence: &Sentence, office: &Mention, next: usize, person: &mut Person) {
    let word = |i: usize| sentence.words.get(i).copied().unwrap_or("");
    let (Some(title), Some(country)) = (office.title.as_deref(), office.country.as_deref()) else {
        return;
    };
    let after_the = office
        .first
        .checked_sub(1)
        .is_some_and(|i| word(i).eq_ignore_ascii_case("the"));
    let comma = sentence.tokens.get(office.last).and_then(|t| t.punct) == Some(',');
    if office.has_name() || !after_the || !comma || next != office.last + 1 {
        return;
    }
    if person.title.is_none() {
        person.learn_title(title);
    }
    if person.country.is_none() {
        person.country = Some(country.to_string());
    }
}

/// "… of the Republic of Ostrela": the country named after a state form (a word of
/// `data/state_forms.txt`), read from token `at` on.
fn state_form_country(text: &str, sentence: &Sentence, at: usize) -> Option<String> {
    let word = |i: usize| sentence.words.get(i).copied().unwrap_or("");
    if word(at) != "of" || word(at + 1) != "the" {
        return None;
    }
    let form = lexicon::lexicon().state_form_len(word, at + 2)?;
    let from = at + 3 + form;
    let end = (from..).find(|&i| !is_capitalized(word(i)))?;
    (word(from - 1) == "of" && end > from).then(|| {
        let (start, stop) = (sentence.tokens[from].start, sentence.tokens[end - 1].end);
        text[start..stop].to_string()
    })
}

/// The sentence's first word, past an opening quotation mark (a spokesperson's words pasted
/// as news sites print them, each paragraph opening with "“").
fn first_word(sentence: &Sentence) -> usize {
    sentence
        .tokens
        .iter()
        .position(|t| t.is_word())
        .unwrap_or(0)
}

/// A bare title that is the subject of the opening sentence: it opens it ("The Prime Minister
/// spoke to …"), or follows "the" after a few words of time that name no one ("Today the
/// President spoke …", "On Monday, the President …"), and a lowercase word (its verb) follows.
fn opens_as_subject(text: &str, opening: &Sentence, m: &Mention) -> bool {
    if m.first == first_word(opening) {
        return true;
    }
    let word = |i: usize| opening.words.get(i).copied().unwrap_or("");
    let article = m.first - 1;
    m.country.is_none()
        && m.adjective.is_none()
        && article <= 4
        && word(article).eq_ignore_ascii_case("the")
        && word(m.last).starts_with(|c: char| c.is_ascii_lowercase())
        && opening.tokens[..article]
            .iter()
            .all(|t| t.is_word() || t.text(text) == ",")
        && opening.words[..article]
            .iter()
            .all(|w| !lexicon::lexicon().opening_prepositions.contains(w))
}

fn find_people(text: &str, blocks: &[segment::Block], sentences: &[Sentence]) -> People {
    let mut people = People::default();
    // The opening sentence: its first person is the principal, the others counterparts.
    // A lead-in line ("The following is attributable to Spokesperson …:") introduces the
    // readout and names no one who takes part: the opening is the sentence after it.
    let opening = sentences.iter().find(|s| {
        matches!(blocks[s.block].kind, BlockKind::Prose)
            && !s.tokens.is_empty()
            && !text[s.span.start..s.span.end].trim_end().ends_with(':')
    });
    if let Some(opening) = opening {
        let mut first = true;
        // The word before the name: an office's tail before it ("for Foreign Affairs Wang Yi")
        // holds the preposition, not the name.
        let after_preposition = |m: &Mention| {
            let name_at = (m.first..m.last)
                .find(|&i| m.name.first() == Some(&opening.words[i]))
                .unwrap_or(m.first);
            let before = name_at.checked_sub(1).and_then(|i| opening.tokens.get(i));
            m.title.is_none()
                && before.is_some_and(|t| {
                    lexicon::lexicon()
                        .opening_prepositions
                        .contains(t.text(text))
                })
        };
        // "The Prime Minister spoke to …", "Today the President spoke …": a leader named only
        // by title opens the readout as its subject.
        if let Some(m) = opening
            .mentions
            .first()
            .filter(|m| !m.has_name() && opens_as_subject(text, opening, m))
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
        let mut host = None;
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
            // "… paid a state visit to Kesaria at the invitation of Prime Minister Y": the host.
            if preceded_by(opening, mention.first, &lexicon::lexicon().host_phrases) {
                host = host.or(Some(p));
            }
        }
        untitled_leaders(text, opening, &mut people);
        if let Some(host) = host {
            people.make_principal(host);
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
        // "… chaired by Foreign Minister A of X": the chair leads the meeting. The phrase is
        // rare and cheap to test, so it goes first.
        let chairs = sentence.mentions.iter().filter(|m| {
            preceded_by(sentence, m.first, &lexicon::lexicon().chair_phrases) && is_person_like(m)
        });
        for mention in chairs {
            let p = people.add(mention, Role::Principal);
            people.make_principal(p);
            people.persons[p].chair = true;
            people.add_role_alias(p, CHAIR);
        }
        // "Foreign Minister B of Y and Foreign Minister C of Z took part.": leaders all; so are
        // the names under a plural title ("Prime Ministers A of X and B of Y attended …")
        // outside an attendee line.
        let took_part = lists_who_took_part(sentence);
        let leader = |m: &&Mention| {
            (took_part || (m.listed && !sentence.attendee_line)) && is_person_like(m)
        };
        for mention in sentence.mentions.iter().filter(leader) {
            let p = people.add(mention, next_leader_role(&people));
            if people.persons[p].role == Role::Attendee {
                people.persons[p].role = Role::Counterpart;
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
pub(super) fn with_label_mention<R>(label: &str, f: impl FnOnce(Option<&Mention>) -> R) -> R {
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
pub(super) fn is_speaker_label(mention: &Mention, people: &People) -> bool {
    mention.has_name()
        && (mention.title.is_some()
            || mention.name.len() >= 2
            || people.find(&mention.name).is_some()
            || !is_role_label(mention))
}

/// Labels for the press and the floor, not for leaders: "Q", "Moderator", "Reporter"
/// (`data/role_labels.txt`).
pub(super) fn is_role_label(mention: &Mention) -> bool {
    mention.title.is_none()
        && mention.name.len() == 1
        && lexicon::lexicon().is_role_label(mention.name[0])
}

#[cfg(test)]
mod tests {
    fn participant(text: &str, name: &str) -> (Option<String>, Option<String>) {
        let readout = super::super::parse(text, None, None);
        let p = readout
            .participants
            .iter()
            .find(|p| p.name == name)
            .unwrap();
        (p.title.clone(), p.country.clone())
    }

    #[test]
    fn an_appositive_office_gives_title_and_country() {
        let with = |office: &str| {
            let text =
                format!("Minister Ilse Orm of Kestria met Dr. Lukas Brenner, {office} Both spoke.");
            participant(&text, "Lukas Brenner")
        };
        let expected = (
            Some("Minister of Foreign Affairs".into()),
            Some("Norland".into()),
        );
        // The country after the title's comma, ending the sentence (Japan's MOFA).
        assert_eq!(with("Minister of Foreign Affairs, Norland."), expected);
        // The office with "the" (India's MEA).
        assert_eq!(
            with("the Minister of Foreign Affairs of Norland."),
            expected
        );
        // A place in mid-sentence is no country of his.
        assert_eq!(
            with("Minister of Foreign Affairs, Vell, in the morning.").1,
            None
        );
    }

    #[test]
    fn an_opening_quotation_mark_leaves_the_bare_title_the_opening_subject() {
        // A spokesperson's words as news sites paste them: "“" opens every paragraph.
        let text = "“The Prime Minister spoke to Chancellor Ludger Ansbeck of Halvaria today.\n\n\
                    “They agreed to speak again soon.”";
        let readout = super::super::parse(text, None, None);
        let people: Vec<_> = readout
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.role))
            .collect();
        use crate::model::Role::*;
        assert_eq!(
            people,
            [
                ("The Prime Minister", Principal),
                ("Ludger Ansbeck", Counterpart)
            ]
        );
        assert_eq!(readout.statements[0].speakers.len(), 2);
    }

    #[test]
    fn an_office_then_honorifics_and_a_name_is_one_participant() {
        // "the President of Sarvanta, H.E. Ms. Thandiwe Mokoena-Ruiz,": the courtesy words
        // between the comma and the name leave her the office's title and country, and no
        // participant "The President of Sarvanta" beside her.
        let text = "Prime Minister Shri Vikram Sethuraman met the President of Sarvanta, H.E. \
                    Ms. Thandiwe Mokoena-Ruiz, in Port Celeste today.";
        let readout = super::super::parse(text, None, None);
        let people: Vec<_> = readout
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_deref(), p.country.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Vikram Sethuraman", Some("Prime Minister"), None),
                ("Thandiwe Mokoena-Ruiz", Some("President"), Some("Sarvanta")),
            ]
        );
    }
}
