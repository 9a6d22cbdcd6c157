//! The people of one readout: who is a leader or an attendee, their canonical names, titles,
//! countries and every form of name the text uses for them.

use super::distinct::{Distinct, SCANNED};
use super::lexicon::lexicon;
use super::names::{is_particle, Mention};
use super::tokens::is_capitalized;
use super::work;
use crate::fxhash::{FxHashMap, FxHasher};
use crate::model::{Participant, Role};
use std::cell::Cell;
use std::hash::Hasher;

/// The role noun of whoever chairs a meeting: "The Chair briefed Ministers …" names them.
pub const CHAIR: &str = "Chair";

#[derive(Debug, Clone)]
pub struct Person {
    /// The fullest name seen, as words.
    pub name: Vec<String>,
    /// That name as written.
    pub name_text: String,
    pub title: Option<String>,
    pub country: Option<String>,
    /// An unknown country adjective seen before the title ("Arvelian").
    pub adjective: Option<String>,
    pub role: Role,
    /// Chairs the meeting ("chaired by …"): answers to "the Chair" ([`CHAIR`]).
    pub chair: bool,
    /// Holds an institution's office ("President of the Aurean Council"): speaks for no
    /// country, so none is inferred (fixtures README).
    pub institution: bool,
    /// Surface forms in order of first use (the canonical name among them; dropped on output).
    pub surfaces: Distinct<String>,
}

impl Person {
    pub fn is_leader(&self) -> bool {
        self.role != Role::Attendee
    }

    /// Makes the mention's name this person's name.
    fn take_name(&mut self, mention: &Mention) {
        self.name = mention.name.iter().map(|w| w.to_string()).collect();
        self.name_text = mention.name_text.to_string();
    }

    /// Takes an office as the title: the first one seen, or a fuller form of it ("Secretary
    /// of State" after a headline's "Secretary"); never a courtesy word ("Mr.").
    pub fn learn_title(&mut self, title: &str) {
        if lexicon().is_courtesy_title(title) {
            return;
        }
        let fuller = |old: &str| {
            title
                .strip_prefix(old)
                .is_some_and(|rest| rest.starts_with(' '))
        };
        if self.title.as_deref().is_none_or(fuller) {
            self.title = Some(title.to_string());
        }
    }

    fn add_surface(&mut self, surface: &str) {
        if !surface.is_empty() {
            self.surfaces.insert_with(surface, || surface.to_string());
        }
    }

    /// The participant this person is, under `id`: every surface form except the canonical
    /// name is an alias.
    pub fn into_participant(self, id: String) -> Participant {
        let name = self.name_text;
        Participant {
            id,
            aliases: self
                .surfaces
                .into_vec()
                .into_iter()
                .filter(|s| *s != name)
                .collect(),
            name,
            title: self.title,
            country: self.country,
            role: self.role,
        }
    }
}

/// Words that mark a capitalized run as an organization, a place or an event, not a person.
pub fn is_institution_word(word: &str) -> bool {
    lexicon().institution_words.contains(word)
}

/// True when a mention can name a person: a titled name, or two or more name words with no
/// institution word, no country and no acronym among them.
pub fn is_person_like(mention: &Mention) -> bool {
    if !mention.has_name() {
        return false;
    }
    let lex = lexicon();
    let words = &mention.name;
    // "Prime Minister SAEKI Toma", "Mr. ARIMA Kosei": a titled name whose first word is a
    // surname in capitals, before a given name in title case.
    let surname_first = mention.title.is_some()
        && words.len() == 2
        && is_capitals(words[0])
        && is_capitalized(words[1])
        && !is_capitals(words[1]);
    let bad_word = |(i, w): (usize, &&str)| {
        is_institution_word(w)
            // "Late Saturday morning, …": a weekday is never a name's ("June" may be).
            || lex.weekdays.contains(w)
            || lex.demonyms.contains_key(*w)
            // An acronym ("SCO"), but not a regnal number after a name ("Tobias III").
            || (w.len() > 1
                && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                && !(i > 0 && is_regnal_number(w))
                && !(i == 0 && surname_first))
    };
    if words.iter().enumerate().any(bad_word) || lex.country_at(words, 0) == Some(words.len()) {
        return false;
    }
    mention.title.is_some() || words.len() >= 2
}

/// A regnal number in Roman numerals, II to XXXIX ("Tobias III", "Ines XIV"); single letters
/// are initials.
fn is_regnal_number(word: &str) -> bool {
    let units = word.trim_start_matches('X');
    let tens = word.len() - units.len();
    word.len() >= 2
        && tens <= 3
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// The same words; case aside for particles ("De la Fuentes" opening a sentence) and for a
/// surname in capitals ("SAEKI Toma", then "Prime Minister Saeki"); diacritics aside, so that
/// an ASCII spelling ("Ostvold") is the same name as "Østvold".
fn same_words<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let (x, y) = (x.as_ref(), y.as_ref());
            x == y
                || (x.eq_ignore_ascii_case(y)
                    && (is_particle(&x.to_ascii_lowercase()) || is_capitals(x) || is_capitals(y)))
                || same_folded(x, y)
        })
}

/// A word written in capitals, of letters only ("SAEKI"): a surname in surname-first order.
pub fn is_capitals(word: &str) -> bool {
    // Most words are told by their second letter: "Saeki" is not in capitals.
    let mut chars = word.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    [first, second]
        .into_iter()
        .chain(chars)
        .all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// The same letters once diacritics are folded to ASCII, case kept ("Østvold", "Ostvold").
fn same_folded(a: &str, b: &str) -> bool {
    // Different ASCII first letters, or two ASCII words (nothing to fold): most pairs are
    // told here.
    match (a.bytes().next(), b.bytes().next()) {
        (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() && x != y => return false,
        _ if a.is_ascii() && b.is_ascii() => return false,
        _ => {}
    }
    // ASCII folds to itself: most names need no folding (it was a tenth of the parse time).
    if a.is_ascii() && b.is_ascii() {
        return a == b;
    }
    let mut a = a.chars().flat_map(fold_letter);
    let mut b = b.chars().flat_map(fold_letter);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x == y => continue,
            _ => return false,
        }
    }
}

/// The ASCII letters a Latin letter with a diacritic is spelt with when diacritics are
/// dropped ("ø" → "o", "ß" → "ss"); other characters stand for themselves.
fn fold_letter(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Č' => "C",
        'ç' | 'ć' | 'č' => "c",
        'Ď' | 'Đ' | 'Ð' => "D",
        'ď' | 'đ' | 'ð' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'Ğ' => "G",
        'ğ' => "g",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "I",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'Ł' | 'Ľ' => "L",
        'ł' | 'ľ' => "l",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ñ' | 'ń' | 'ň' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ř' => "R",
        'ř' => "r",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ť' | 'ţ' | 'ț' => "t",
        'Þ' => "Th",
        'þ' => "th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ý' | 'Ÿ' => "Y",
        'ý' | 'ÿ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    };
    let own = folded.is_empty().then_some(c);
    own.into_iter().chain(folded.chars())
}

/// `short` is a leading or trailing part of `long` ("Putin" of "Vladimir Putin").
fn part_of_words<A: AsRef<str>, B: AsRef<str>>(short: &[A], long: &[B]) -> bool {
    short.len() < long.len()
        && (same_words(&long[..short.len()], short)
            || same_words(&long[long.len() - short.len()..], short))
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// Persons by the first and by the last word of their names (hashed, in ASCII lowercase),
    /// each list ascending; made once there are more than [`SCANNED`] persons, fewer are
    /// scanned. Every name that [`People::find`] matches to a person shares its first or its
    /// last word with the person's name (case aside), so these lists hold every candidate; a
    /// list may also hold a person under a word of an earlier, shorter name, or under a word
    /// whose hash is the same, which the match itself then rules out.
    by_end_word: Option<FxHashMap<u64, Vec<usize>>>,
    /// Set once a leader is known: roles only ever rise from attendee to leader.
    has_leader: Cell<bool>,
    /// Leaders known so far only by title and country ("The President of Kelvany"), whom a
    /// later titled name may name ([`People::add`]); at most [`UNNAMED`].
    unnamed: Vec<usize>,
}

/// The most leaders known only by title and country that a later name may name: an opening
/// names one or two; past that, adding a person stays a lookup, not a scan.
const UNNAMED: usize = 4;

/// The key of a word in [`People::by_end_word`]: its hash in ASCII lowercase.
fn end_word_key(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    if word.is_ascii() {
        for b in word.bytes() {
            hasher.write_u8(b.to_ascii_lowercase());
        }
    } else {
        // Diacritics folded as [`same_words`] folds them: "Østvold" is listed as "ostvold".
        for c in word.chars().flat_map(fold_letter) {
            match u8::try_from(c) {
                Ok(b) if b.is_ascii() => hasher.write_u8(b.to_ascii_lowercase()),
                _ => hasher.write_u32(u32::from(c)),
            }
        }
    }
    hasher.finish()
}

/// A word's length, first and last letters once diacritics are folded ([`fold_letter`]), in
/// ASCII lowercase: two words the same but for ASCII case or diacritics have the same
/// outline, and most different words of a readout have different ones. Cheap for ASCII words.
#[inline]
fn outline(word: &str) -> u64 {
    let pack = |len: usize, first: char, last: char| {
        (len as u64) << 42
            | u64::from(first.to_ascii_lowercase()) << 21
            | u64::from(last.to_ascii_lowercase())
    };
    let bytes = word.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(&first), Some(&last)) if word.is_ascii() => {
            pack(bytes.len(), char::from(first), char::from(last))
        }
        _ => {
            let (mut len, mut first, mut last) = (0, '\0', '\0');
            for c in word.chars().flat_map(fold_letter) {
                first = if len == 0 { c } else { first };
                last = c;
                len += 1;
            }
            pack(len, first, last)
        }
    }
}

impl People {
    /// Lists person `p` under the first and last words of its name as it is now.
    fn index_name(&mut self, p: usize) {
        let Some(index) = &mut self.by_end_word else {
            return;
        };
        let name = &self.persons[p].name;
        for word in [name.first(), name.last()].into_iter().flatten() {
            let list = index.entry(end_word_key(word)).or_default();
            if let Err(at) = list.binary_search(&p) {
                list.insert(at, p);
            }
        }
    }

    /// Appends a person and indexes its name (indexing every name once there are many).
    fn push(&mut self, person: Person) -> usize {
        self.persons.push(person);
        let p = self.persons.len() - 1;
        if self.by_end_word.is_none() && self.persons.len() > SCANNED {
            self.by_end_word = Some(FxHashMap::default());
            for q in 0..self.persons.len() {
                self.index_name(q);
            }
        } else {
            self.index_name(p);
        }
        p
    }

    /// The person a name refers to: the same words, or a leading or trailing part of a known
    /// name ("Putin", "Xi"), or a fuller form of it. Leaders win over attendees; otherwise the
    /// first person wins.
    pub fn find<W: AsRef<str>>(&self, name: &[W]) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        let Some(index) = &self.by_end_word else {
            return self.find_among(0..self.persons.len(), 0..self.persons.len(), name);
        };
        let list = |word: &W| {
            index
                .get(&end_word_key(word.as_ref()))
                .map_or(&[][..], Vec::as_slice)
        };
        let (first, last) = (list(&name[0]), list(&name[name.len() - 1]));
        // A name with the same words starts with the same word; a leading part of a name too,
        // and a trailing part ends with the same word: both lists, merged in ascending order.
        let mut i = 0;
        let mut j = 0;
        let merged = std::iter::from_fn(|| {
            let p = match (first.get(i), last.get(j)) {
                (Some(&a), Some(&b)) if a == b => {
                    j += 1;
                    a
                }
                (Some(&a), Some(&b)) if a > b => {
                    j += 1;
                    return Some(b);
                }
                (Some(&a), _) => a,
                (None, Some(&b)) => {
                    j += 1;
                    return Some(b);
                }
                (None, None) => return None,
            };
            i += 1;
            Some(p)
        });
        self.find_among(first.iter().copied(), merged, name)
    }

    /// [`People::find`] among candidates, in ascending order: `same` for the same words,
    /// `parts` for a leading or trailing part.
    fn find_among<W: AsRef<str>>(
        &self,
        same: impl IntoIterator<Item = usize>,
        parts: impl IntoIterator<Item = usize>,
        name: &[W],
    ) -> Option<usize> {
        let mut same = same.into_iter().inspect(|_| work::add(1));
        if let Some(p) = same.find(|&p| same_words(&self.persons[p].name, name)) {
            return Some(p);
        }
        let mut first = None;
        for p in parts {
            work::add(1);
            let person = &self.persons[p];
            if part_of_words(name, &person.name) || part_of_words(&person.name, name) {
                if person.is_leader() {
                    return Some(p);
                }
                first = first.or(Some(p));
            }
        }
        first
    }

    /// The person each mention names, if any. Any match shares its first or last word with a
    /// person's name: most mentions (places, organizations) share neither, and with few
    /// people a scan of their words spares them the search (with many, the index does).
    pub fn find_each(&self, mentions: &[Mention]) -> Vec<Option<usize>> {
        if self.by_end_word.is_some() {
            return mentions.iter().map(|m| self.find(&m.name)).collect();
        }
        // Each word with whether it is ASCII: two ASCII words fold alike only when equal.
        let person_words: Vec<(&str, bool)> = self
            .persons
            .iter()
            .flat_map(|p| p.name.first().into_iter().chain(p.name.last()))
            .map(|w| (w.as_str(), w.is_ascii()))
            .collect();
        // Every word that matches one of them has the same [`outline`]: most words are told
        // by theirs alone, without comparing them with each person's words.
        let outlines: Vec<u64> = person_words.iter().map(|&(p, _)| outline(p)).collect();
        let known_word = |w: Option<&&str>| {
            work::add(person_words.len());
            w.is_some_and(|w| {
                if !outlines.contains(&outline(w)) {
                    return false;
                }
                let ascii = w.is_ascii();
                person_words.iter().any(|&(p, p_ascii)| {
                    p.eq_ignore_ascii_case(w) || (!(ascii && p_ascii) && same_folded(p, w))
                })
            })
        };
        mentions
            .iter()
            .map(|m| {
                (known_word(m.name.first()) || known_word(m.name.last()))
                    .then(|| self.find(&m.name))
                    .flatten()
            })
            .collect()
    }

    /// True when some person is a leader (principal or counterpart).
    pub fn has_leader(&self) -> bool {
        if !self.has_leader.get() {
            work::add(self.persons.len());
            self.has_leader
                .set(self.persons.iter().any(Person::is_leader));
        }
        self.has_leader.get()
    }

    /// Adds the person a mention names, or merges it into the person it already names
    /// (keeping the fullest name). A leader role wins over attendee. What the mention tells
    /// beyond the name is learnt later, in text order, by [`People::learn`].
    pub fn add(&mut self, mention: &Mention, role: Role) -> usize {
        let found = self
            .find(&mention.name)
            .or_else(|| self.unnamed_for(mention));
        let index = match found {
            Some(i) => i,
            None => self.push(Person {
                name: Vec::new(),
                name_text: String::new(),
                title: None,
                country: None,
                adjective: None,
                role,
                chair: false,
                institution: false,
                surfaces: Distinct::default(),
            }),
        };
        let person = &mut self.persons[index];
        // The fuller name wins; of two spellings, the one with diacritics ("Østvold").
        let diacritics = mention.name.len() == person.name.len()
            && !mention.name_text.is_ascii()
            && person.name_text.is_ascii();
        if mention.name.len() > person.name.len() || diacritics || self.unnamed.contains(&index) {
            person.take_name(mention);
            self.unnamed.retain(|&p| p != index);
            self.index_name(index);
        }
        let person = &mut self.persons[index];
        if person.role == Role::Attendee && role != Role::Attendee {
            person.role = role;
        }
        index
    }

    /// Adds a leader known only by title ("THE PRESIDENT:" in a transcript); `name` is how the
    /// text calls them ("The President").
    pub fn add_titled(&mut self, title: &str, name: &str, role: Role) -> usize {
        self.push(Person {
            name: vec![title.to_string()],
            name_text: name.to_string(),
            title: Some(title.to_string()),
            country: None,
            adjective: None,
            role,
            chair: false,
            institution: false,
            surfaces: Distinct::default(),
        })
    }

    /// Adds a counterpart the text names only by title and country ("The President of
    /// Kelvany", `name`), whom a later mention with that title and a name may name.
    pub fn add_unnamed(&mut self, title: &str, country: &str, name: &str) -> usize {
        let p = self.add_titled(title, name, Role::Counterpart);
        self.persons[p].country = Some(country.to_string());
        if self.unnamed.len() < UNNAMED {
            self.unnamed.push(p);
        }
        p
    }

    /// The leader known only by title and country that a titled name not yet known names: the
    /// same title, no other country, and no other such leader it could be.
    fn unnamed_for(&self, mention: &Mention) -> Option<usize> {
        let title = mention.title.as_deref().filter(|_| mention.has_name())?;
        let mut fits = self.unnamed.iter().copied().filter(|&p| {
            let person = &self.persons[p];
            person.title.as_deref() == Some(title)
                && mention
                    .country
                    .as_deref()
                    .is_none_or(|c| person.country.as_deref() == Some(c))
        });
        let one = fits.next()?;
        fits.next().is_none().then_some(one)
    }

    /// Records what a mention tells about a known person: title, country, surface form, and a
    /// fuller form of the name: a titled mention that ends with the name so far ("President
    /// Vittorio Anselm" for "Anselm", wherever it stands).
    pub fn learn(&mut self, index: usize, mention: &Mention) {
        let person = &mut self.persons[index];
        let (name, known) = (&mention.name, &person.name);
        if mention.title.is_some()
            && name.len() > known.len()
            && same_words(&name[name.len() - known.len()..], known)
            && is_person_like(mention)
        {
            person.take_name(mention);
            self.index_name(index);
        }
        let person = &mut self.persons[index];
        if let Some(title) = mention.title.as_deref().filter(|_| mention.has_name()) {
            person.learn_title(title);
        }
        if person.country.is_none() {
            person.country = mention.country.as_deref().map(str::to_string);
        }
        if person.adjective.is_none() {
            person.adjective = mention.adjective.map(str::to_string);
        }
        person.institution |= mention.institution;
        // "the Honorable Clara Vosk": an honorific makes no alias.
        let honorific = mention
            .title
            .as_deref()
            .is_some_and(|t| lexicon().honorific_titles.contains(t));
        if mention.has_name() && !honorific {
            person.add_surface(&mention.surface);
        }
    }

    /// Makes a leader the principal; the one before, if another, becomes a counterpart.
    pub fn make_principal(&mut self, index: usize) {
        if !self.persons[index].is_leader() {
            return;
        }
        for person in &mut self.persons {
            if person.role == Role::Principal {
                person.role = Role::Counterpart;
            }
        }
        self.persons[index].role = Role::Principal;
    }

    /// Records a bare role noun used for a person ("the Premier").
    pub fn add_role_alias(&mut self, index: usize, title: &str) {
        self.persons[index].add_surface(&format!("the {title}"));
    }

    pub fn leaders(&self) -> impl Iterator<Item = usize> + '_ {
        work::add(self.persons.len());
        (0..self.persons.len()).filter(|&i| self.persons[i].is_leader())
    }

    /// The leaders with this title ("Premier", "President"); for [`CHAIR`], the chair.
    pub fn leaders_titled<'a>(&'a self, title: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.leaders().filter(move |&i| {
            let person = &self.persons[i];
            person.title.as_deref() == Some(title) || (person.chair && title == CHAIR)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::names::mentions;
    use super::super::tokens::tokenize;
    use super::*;

    fn mention(text: &str) -> Mention<'_> {
        mentions(text, &tokenize(text, 0, text.len())).remove(0)
    }

    #[test]
    fn merges_short_and_full_forms_and_keeps_aliases_in_order() {
        let mut people = People::default();
        let mut add = |text: &str| {
            let m = mention(text);
            let p = people.add(&m, Role::Counterpart);
            people.learn(p, &m);
            p
        };
        assert_eq!(add("Russian President Vladimir Putin"), 0);
        assert_eq!(add("President Putin’s visit"), 0);
        assert_eq!(add("Putin said"), 0);
        let putin = people.persons.remove(0).into_participant("putin".into());
        assert_eq!(putin.name, "Vladimir Putin");
        assert_eq!(putin.country.as_deref(), Some("Russia"));
        assert_eq!(
            putin.aliases,
            vec!["President Vladimir Putin", "President Putin", "Putin"]
        );
    }

    #[test]
    fn courtesy_words_are_no_title_and_fuller_titles_win() {
        let mut people = People::default();
        let mut add = |text: &str| {
            let m = mention(text);
            let p = people.add(&m, Role::Counterpart);
            people.learn(p, &m);
            p
        };
        add("Mr. Kasper Lindahl");
        add("Secretary Lindahl");
        add("Secretary of State Kasper Lindahl");
        add("Minister Lindahl");
        let person = people.persons.remove(0).into_participant("l".into());
        assert_eq!(person.title.as_deref(), Some("Secretary of State"));
        assert!(person.aliases.contains(&"Mr. Kasper Lindahl".to_string()));
    }

    #[test]
    fn surname_capitals_and_ascii_spellings_are_the_same_person() {
        let mut people = People::default();
        let saeki = mention("Prime Minister SAEKI Toma");
        assert!(is_person_like(&saeki));
        let p = people.add(&saeki, Role::Principal);
        assert_eq!(people.find(&mention("Prime Minister Saeki").name), Some(p));
        let q = people.add(&mention("Minister Sigrid Østvold"), Role::Counterpart);
        assert_eq!(people.find(&mention("Minister Ostvold").name), Some(q));
        // Capitals alone are still an acronym.
        assert!(!is_person_like(&mention("NATO")));
        assert!(!is_person_like(&mention("SCO Summit")));
    }

    #[test]
    fn a_capitalized_particle_opening_a_sentence_is_the_same_person() {
        let mut people = People::default();
        let full = people.add(&mention("Minister Liesel de la Fuentes"), Role::Counterpart);
        assert_eq!(people.find(&mention("De la Fuentes said").name), Some(full));
    }

    #[test]
    fn words_alike_but_for_case_or_diacritics_have_one_outline() {
        assert_eq!(outline("SAEKI"), outline("Saeki"));
        assert_eq!(outline("Østvold"), outline("Ostvold"));
        assert_eq!(outline("Strauß"), outline("Strauss"));
        assert_eq!(outline("Zoë"), outline("ZOE"));
        assert_ne!(outline("Saeki"), outline("Sasaki"));
        assert_ne!(outline("Orsk"), outline("Orsa"));
        assert_eq!(outline(""), outline(""));
    }

    #[test]
    fn tells_people_from_institutions() {
        assert!(is_person_like(&mention("Cai Qi")));
        assert!(is_person_like(&mention("President Lina Orsk")));
        assert!(!is_person_like(&mention(
            "Shanghai Cooperation Organization"
        )));
        assert!(!is_person_like(&mention("Astana")));
        assert!(!is_person_like(&mention("SCO Summit")));
        assert!(!is_person_like(&mention("South Africa")));
        assert!(is_person_like(&mention("King Tobias III")));
        assert!(is_person_like(&mention("Queen Ines XIV")));
        assert!(!is_person_like(&mention("Tobias NTC")));
        assert!(!is_person_like(&mention("III Tobias")));
    }
}
