//! Countries the text makes plain (an unknown adjective matched to a name the text uses; the
//! place a leader's own statements speak for), and the side that issues the readout.

use super::distinct::SCANNED;
use super::lexicon;
use super::lexicon::country_for_adjective;
use super::names::{self};
use super::people::{self, People};
use super::segment::{BlockKind, Layout};
use super::sentences::Sentence;
use super::statements::Draft;
use super::tokens::{self};
use super::work;
use crate::fxhash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The countries pass: the publisher's own country for its leader, when the publisher names
/// one and the text gives that leader none; countries left unknown, from what the text makes
/// plain; then the principal, when the publisher names the side that issues the readout.
/// `known_publisher` is the publisher known from outside the text (a file's `publisher:`
/// header); a source line in the text ("(Source: …)") wins over it. Returns the publisher.
pub(super) fn settle(
    text: &str,
    layout: &Layout,
    sentences: &[Sentence],
    people: &mut People,
    drafts: &[Draft],
    speaker_lists: &[usize],
    known_publisher: Option<&str>,
) -> Option<String> {
    let publisher = layout
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::SourceLine)
        .map(|b| source_publisher(&text[b.span.start..b.span.end]))
        .or_else(|| known_publisher.map(|p| p.trim().to_string()))
        .filter(|p| !p.is_empty());
    if let Some(side) = publisher.as_deref().and_then(publisher_side) {
        give_publisher_side(&side, people);
    }
    host_country_from_stay(text, layout, sentences, people);
    infer_countries(text, sentences, people, drafts, speaker_lists);
    // The principal leads the side that issues the readout, when the publisher says which.
    if let Some(issuer) = publisher.as_deref().and_then(|p| issuing_leader(p, people)) {
        people.make_principal(issuer);
    }

    publisher
}

/// The letters and digits of a word as written between spaces (`raw`, a run of `tokens`:
/// "Kestria's", "(ARS),"), without a possessive ending ("Kestria's" → "Kestria"); "" for none.
/// Inlined: the countries pass asks at every capitalized word of a statement, and its
/// neighbours.
#[inline]
fn word_core<'t>(text: &'t str, tokens: &[tokens::Token], raw: Option<&Range<usize>>) -> &'t str {
    let Some(word) = raw else {
        return "";
    };
    let tokens = &tokens[word.clone()];
    match (
        tokens.iter().find(|t| t.is_word()),
        tokens.iter().rfind(|t| t.is_word()),
    ) {
        (Some(first), Some(last)) => tokens::strip_possessive(&text[first.start..last.end]),
        _ => "",
    }
}

/// Countries the text makes plain: an unknown adjective matched to a name the text uses
/// ("Arvelian" → "Arvelia"), then, for leaders still without one, the country their own
/// statements speak for: the place name they use most that no other participant has.
pub(super) fn infer_countries(
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
        .filter(|&p| {
            let person = &people.persons[p];
            person.country.is_none() && person.is_leader() && !person.institution
        })
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
        let core = |k: usize| -> &str { word_core(text, tokens, raw.get(k)) };
        let open_end = |k: usize| tokens[raw[k].end - 1].is_word();
        for k in 0..raw.len() {
            // A word opening with a lowercase letter or a digit is not capitalized, trimmed or not.
            if text.as_bytes()[tokens[raw[k].start].start].is_ascii_alphanumeric()
                && !text.as_bytes()[tokens[raw[k].start].start].is_ascii_uppercase()
            {
                continue;
            }
            let word = core(k);
            if !tokens::is_capitalized(word)
                || names_a_place(core(k + 1))
                // "the people of Rusk", "investment in Vell", "welcome you to Velgorod": a
                // place the leader speaks about, not for (`data/place_prepositions.txt`).
                || (k > 0 && lex.place_prepositions.contains(core(k - 1)))
                // "the loss of the ferry Aurora": a thing's name after its common noun.
                || (k > 1 && is_apposition(text, tokens, &raw[k - 2], &raw[k - 1]))
            {
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
    // The words of every full name the text gives ("the case of Harry Dunn"), a participant's
    // or not: a person's name, never a country ("justice for Harry's family").
    let full_names: FxHashSet<&str> = sentences
        .iter()
        .flat_map(|s| s.mentions)
        .filter(|m| m.name.len() > 1 && people::is_person_like(m))
        .flat_map(|m| m.name.iter().copied())
        .collect();
    for (slot, &p) in leaders_without.iter().enumerate() {
        let (counts, order) = &uses[slot];
        let best = {
            let persons = &people.persons;
            let is_name_word = |word: &str| match many {
                true => name_words.contains(word),
                false => persons.iter().any(|q| q.name.iter().any(|w| w == word)),
            };
            let taken = |name: &str| match many {
                true => countries.contains(name),
                false => persons.iter().any(|q| q.country.as_deref() == Some(name)),
            };
            let could_be_country = |name: &str| {
                lex.is_country(name)
                    || (!name.contains(' ')
                        // "EU-Russia relations", "the Japan-U.S. Alliance": a pair of sides.
                        && !name.contains('-')
                        && !is_name_word(name)
                        && !full_names.contains(name)
                        && !names::is_starter(name)
                        && !people::is_institution_word(name)
                        // "Israelis": a people, read by its adjective.
                        && !lex.demonyms.contains_key(name.strip_suffix('s').unwrap_or(name))
                        && lex.title_at(&[name], 0).is_none()
                        && name.chars().any(char::is_lowercase)
                        // "Ardennese" when Ardenne is another leader's: an adjective.
                        && country_for_adjective(name, taken).is_none())
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
    country_from_pair(sentences, people);
}

/// "… Aino Rask of Kesmaria, who is in Dravonia on a working visit" (the opening):
/// a visitor is in the host's country. When the place is a country, listed or one the text
/// makes plain (a country adjective of it, "Dravonian", or an office of it, "President of
/// Dravonia"), the visitor has another country, and one other leader has none, the place is
/// that leader's country. A city ("who is in Velgorod on a working visit") is no country: it
/// stays the event's place.
fn host_country_from_stay(
    text: &str,
    layout: &Layout,
    sentences: &[Sentence],
    people: &mut People,
) {
    // The opening: the first two prose blocks (a standalone date line may be the first).
    let mut prose = (0..layout.blocks.len()).filter(|&b| layout.blocks[b].kind == BlockKind::Prose);
    let opening = [prose.next(), prose.next()];
    let lex = lexicon::lexicon();
    let stay = sentences
        .iter()
        .take_while(|s| opening[1].is_none_or(|last| s.block <= last))
        .filter(|s| opening.contains(&Some(s.block)))
        .find_map(|s| {
            let word = |i: usize| s.words.get(i).copied().unwrap_or("");
            // A name, a comma, "who is in" and a capitalized place: looked for after each
            // mention (a sentence has a few), not at every word.
            let (visitor, at) = s.mentions.iter().find_map(|m| {
                let at = m.last + 1;
                let comma = s.tokens.get(m.last).is_some_and(|t| t.punct == Some(','));
                let stay = comma
                    && word(at) == "who"
                    && matches!(word(at + 1), "is" | "was")
                    && word(at + 2) == "in"
                    && tokens::is_capitalized(word(at + 3));
                (stay && m.has_name()).then_some((m, at))
            })?;
            let len = lex.country_at(s.words, at + 3).unwrap_or(1);
            let place = &text[s.tokens[at + 3].start..s.tokens[at + 2 + len].end];
            // "on a working visit": the clause goes on to a visit.
            let visit = (at + 3 + len..s.words.len().min(at + 10 + len))
                .take_while(|&k| s.tokens[k].punct.is_none())
                .any(|k| word(k).starts_with("visit"));
            visit.then_some((place, people.find(&visitor.name)?))
        });
    let Some((place, visitor)) = stay else {
        return;
    };
    let persons = &people.persons;
    let visitors = persons[visitor].country.as_deref();
    if visitors.is_none_or(|c| c == place)
        || persons.iter().any(|p| p.country.as_deref() == Some(place))
    {
        return;
    }
    let is_country = lex.is_country(place)
        || sentences.iter().any(|s| {
            s.mentions
                .iter()
                .any(|m| m.country.as_deref() == Some(place))
                // "Dravonian", "Dravonian-Kesmarian talks".
                || s.words.iter().flat_map(|w| w.split('-')).any(|w| {
                    w.len() > 4
                        && w.get(..4) == place.get(..4)
                        && country_for_adjective(w, |c| c == place).is_some()
                })
        });
    let host = {
        let mut without = people.leaders().filter(|&p| {
            let person = &people.persons[p];
            p != visitor && person.country.is_none() && !person.institution
        });
        match (without.next(), without.next()) {
            (Some(host), None) => host,
            _ => return,
        }
    };
    if is_country {
        people.persons[host].country = Some(place.to_string());
    }
}

/// "the alliance between Carrick and Fjellmark", "the Sindhara–Nordavia agreement": when one
/// leader alone has no country and a pair of names joins another leader's country to a name no
/// one has, that name is the first leader's country (the fixtures README's decision).
fn country_from_pair(sentences: &[Sentence], people: &mut People) {
    let lone = {
        let mut without = people
            .leaders()
            .filter(|&p| people.persons[p].country.is_none());
        match (without.next(), without.next()) {
            (Some(lone), None) => lone,
            _ => return,
        }
    };
    let taken = |name: &str| {
        people
            .persons
            .iter()
            .any(|q| q.country.as_deref() == Some(name))
    };
    let is_name_word = |word: &str| {
        people
            .persons
            .iter()
            .any(|q| q.name.iter().any(|w| w == word))
    };
    let free = |word: &str| {
        tokens::is_capitalized(word)
            && word.chars().any(char::is_lowercase)
            && !taken(word)
            && !is_name_word(word)
            && !names::is_starter(word)
            && !people::is_institution_word(word)
            && !lexicon::lexicon().demonyms.contains_key(word)
    };
    let found = sentences.iter().find_map(|s| {
        let word = |i: usize| s.words.get(i).map_or("", |w| tokens::strip_possessive(w));
        (0..s.tokens.len()).find_map(|i| {
            // "between A and B", or "A–B" / "A-B" written without spaces.
            let pair = if word(i) == "between" && word(i + 2) == "and" {
                Some((word(i + 1), word(i + 3)))
            } else {
                let dash = s.tokens.get(i + 1).and_then(|t| t.punct);
                let tight = |a: usize, b: usize| {
                    s.tokens
                        .get(a)
                        .zip(s.tokens.get(b))
                        .is_some_and(|(x, y)| x.end == y.start)
                };
                (matches!(dash, Some('–' | '-')) && tight(i, i + 1) && tight(i + 1, i + 2))
                    .then(|| (word(i), word(i + 2)))
            };
            let (a, b) = pair?;
            match (taken(a), taken(b)) {
                (false, true) if free(a) => Some(a.to_string()),
                (true, false) if free(b) => Some(b.to_string()),
                _ => None,
            }
        })
    });
    if let Some(country) = found {
        people.persons[lone].country = Some(country);
    }
}

/// True when the two words before a capitalized word (`article` and `noun`, runs of
/// `tokens`) make it the name of a thing ("the ferry Aurora", "a city Velgorod"), never a
/// country: an article, then a word opening with a lowercase letter. Read from the words'
/// first tokens, without their cores: the countries pass asks at every capitalized word.
#[inline]
fn is_apposition(
    text: &str,
    tokens: &[tokens::Token],
    article: &Range<usize>,
    noun: &Range<usize>,
) -> bool {
    let noun = &tokens[noun.start];
    let article = &tokens[article.start];
    text.as_bytes()[noun.start].is_ascii_lowercase()
        && matches!(
            &text[article.start..article.end],
            "the" | "The" | "a" | "A" | "an" | "An"
        )
}

/// True when the word after a capitalized word makes it a place or a label rather than a
/// country: a place noun ("the Sella region", `data/place_nouns.txt`) or a number ("Number
/// 10").
fn names_a_place(next: &str) -> bool {
    next.starts_with(|c: char| c.is_ascii_digit()) || lexicon::lexicon().place_nouns.contains(next)
}

/// The leader whose country the publisher names ("Presidential Office of Kestria", "Kestrian
/// Foreign Ministry"), when exactly one does.
pub(super) fn issuing_leader(publisher: &str, people: &People) -> Option<usize> {
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

/// The side a publisher names as its own: a country, and the publisher's office when the
/// publisher is an officeholder ("President of Tarvinia" → Tarvinia, President).
#[derive(Debug, PartialEq, Eq)]
struct Side<'a> {
    country: &'a str,
    office: Option<&'a str>,
}

/// The side a publisher names: the place after its last comma or its last "of" ("Ministry of
/// Foreign Affairs of the Republic of Tessaly", "Prime Minister's Office, Albrand", "President
/// of Tarvinia"), when that place reads as a country: one to three capitalized words, none of
/// them a portfolio, a state form, an institution word or a title ("Department of State",
/// "Chair of the Caldera Summit", "10 Downing Street" name none).
fn publisher_side(publisher: &str) -> Option<Side<'_>> {
    let lex = lexicon::lexicon();
    let (before_comma, after_comma) = match publisher.rsplit_once(", ") {
        Some((head, tail)) => (Some(head), tail),
        None => (None, publisher),
    };
    let (head, country) = match after_comma.rsplit_once(" of ") {
        Some((head, place)) => (Some(head), place.trim()),
        None => (None, after_comma.trim()),
    };
    if before_comma.is_none() && head.is_none() {
        return None;
    }
    let words: Vec<&str> = country.split(' ').collect();
    let country_like = words.len() <= 3
        && words.iter().all(|w| {
            tokens::is_capitalized(w)
                && w.chars().any(char::is_lowercase)
                && !lex.portfolios.contains(w)
                && !lex.is_state_form(w)
                && !people::is_institution_word(w)
                && !names::is_starter(w)
                && lex.title_at(&[w], 0).is_none()
        });
    if !country_like {
        return None;
    }
    // "President of Tarvinia": the whole head is an office.
    let office = head.filter(|head| {
        let words: Vec<&str> = head.split(' ').collect();
        before_comma.is_none() && lex.title_at(&words, 0) == Some(words.len())
    });
    Some(Side { country, office })
}

/// Gives the publisher's country (and office) to the leader of that side, when no participant
/// has that country yet and the text gave the leader none: the principal, or else the one
/// leader without a country. A leader's own words may name cities and places visited; the
/// publisher says whose side the readout is.
fn give_publisher_side(side: &Side<'_>, people: &mut People) {
    let persons = &people.persons;
    if persons
        .iter()
        .any(|p| p.country.as_deref() == Some(side.country))
    {
        return;
    }
    let without: Vec<usize> = people
        .leaders()
        .filter(|&p| persons[p].country.is_none() && !persons[p].institution)
        .collect();
    let leader = match without
        .iter()
        .find(|&&p| persons[p].role == crate::model::Role::Principal)
    {
        Some(&principal) => principal,
        None => match without.as_slice() {
            [only] => *only,
            _ => return,
        },
    };
    let person = &mut people.persons[leader];
    person.country = Some(side.country.to_string());
    if let (None, Some(office)) = (&person.title, side.office) {
        person.learn_title(office);
    }
}

/// "(Source: Ministry of Foreign Affairs)" → "Ministry of Foreign Affairs".
pub(super) fn source_publisher(line: &str) -> String {
    let inner = line.trim().trim_start_matches('(').trim_end_matches(')');
    inner
        .split_once(':')
        .map_or(inner, |(_, rest)| rest)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country_of(text: &str, name: &str) -> Option<String> {
        let readout = super::super::parse(text, None, None);
        let person = readout.participants.iter().find(|p| p.name == name);
        person.and_then(|p| p.country.clone())
    }

    #[test]
    fn a_visitor_is_in_the_hosts_country_not_a_city() {
        let readout = |place: &str| {
            let text = format!(
                "Talks\n\nThe Kremlin hosted talks between Yaroslav Demin and Prime Minister \
                 of Kesmaria Aino Rask, who is in {place} on a working visit.\n\nThe \
                 Dravonian-Kesmarian talks went on."
            );
            super::super::parse(&text, None, None)
        };
        // A country the text makes plain ("Dravonian"): the host's, and no place.
        let r = readout("Dravonia");
        assert_eq!(r.participants[0].country.as_deref(), Some("Dravonia"));
        assert_eq!(r.event.location, None);
        // A city: the place of the talks, no one's country.
        let r = readout("Velgorod");
        assert_eq!(r.participants[0].country, None);
        assert_eq!(r.event.location.as_deref(), Some("Velgorod"));
    }

    #[test]
    fn a_person_a_pair_an_institution_or_a_people_is_no_country() {
        let of_brenn = |words: &str| {
            let text = format!(
                "Prime Minister Anna Kell of Dravonia spoke with President Tomas Brenn \
                 today. President Brenn said that {words} mattered."
            );
            country_of(&text, "Tomas Brenn")
        };
        // Each is used more than the country, which is named once, last.
        let country = " and that Velmora would help";
        assert_eq!(
            of_brenn(&format!(
                "the case of Ivo Marten and Marten's family{country}"
            ))
            .as_deref(),
            Some("Velmora")
        );
        assert_eq!(
            of_brenn(&format!(
                "Kell-Brenn talks and the Kell-Brenn plan{country}"
            ))
            .as_deref(),
            Some("Velmora")
        );
        assert_eq!(
            of_brenn(&format!(
                "the Administration and the Administration's plan{country}"
            ))
            .as_deref(),
            Some("Velmora")
        );
        assert_eq!(
            of_brenn(&format!("Israelis and Israelis again{country}")).as_deref(),
            Some("Velmora")
        );
        // With no country named, none is made up.
        assert_eq!(of_brenn("the case of Ivo Marten and Marten's family"), None);
    }

    #[test]
    fn a_things_name_after_its_noun_is_no_country() {
        // "the ferry Aurora" is used first, as often as the country: it never wins.
        let text = "Prime Minister Anna Kell of Dravonia spoke with President Tomas Brenn \
                    today. President Brenn said that the loss of the ferry Aurora grieved \
                    everyone. He added that Velmora would support the search.";
        assert_eq!(country_of(text, "Tomas Brenn").as_deref(), Some("Velmora"));
    }

    #[test]
    fn a_publisher_names_its_side_after_its_last_comma_or_of() {
        fn side(p: &str) -> Option<(&str, Option<&str>)> {
            publisher_side(p).map(|s| (s.country, s.office))
        }
        assert_eq!(
            side("President of Tarvinia"),
            Some(("Tarvinia", Some("President")))
        );
        assert_eq!(
            side("Ministry of Foreign Affairs of the Republic of Tessaly"),
            Some(("Tessaly", None))
        );
        assert_eq!(
            side("Prime Minister's Office, Albrand"),
            Some(("Albrand", None))
        );
        assert_eq!(
            side("Presidential Office of Kestria"),
            Some(("Kestria", None))
        );
        // No country: a portfolio, an address, an event, an institution, no "of" at all.
        for none in [
            "Ministry of Foreign Affairs",
            "U.S. Department of State",
            "Prime Minister's Office, 10 Downing Street",
            "Chair of the Caldera Summit",
            "Office of the President",
            "European Council",
            "The White House",
        ] {
            assert_eq!(side(none), None, "{none}");
        }
    }
}
