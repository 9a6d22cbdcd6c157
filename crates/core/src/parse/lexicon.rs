//! The parser's word lists, read once from the data files in `crates/core/data/`: one
//! documented file per word class (countries and their adjectives, titles, topics, reporting
//! verbs and their classes, impersonal frames, abbreviations, joint subjects, topic-only phrases, transcript role
//! labels, metadata keys, name particles, headline breakers, sentence starters, portfolios,
//! institution words, adverbs), so that changing such a rule is a change of data.

use super::tokens::ascii_lower;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::model::{EventKind, TimeOfDay};
use std::sync::OnceLock;

pub struct Lexicon {
    /// Titles ("Prime Minister" before "Prime"), and their abbreviations ("PM").
    titles: PhraseIndex,
    /// Abbreviation of a title → the title ("PM" → "Prime Minister").
    title_abbreviations: FxHashMap<&'static str, &'static str>,
    /// Country adjective (as written) → country name.
    pub demonyms: FxHashMap<&'static str, &'static str>,
    /// Country names ("South Africa").
    countries: PhraseIndex,
    /// Country names as written ("South Africa").
    country_names: FxHashSet<&'static str>,
    pub topics: Vec<TopicEntry>,
    /// Topic patterns by lowercase first word.
    pub topic_index: FirstWordIndex,
    /// Reporting verbs ("pointed out" before "pointed"), as written.
    pub verbs: PhraseIndex,
    /// Reporting verbs of the `addressee` class ("told reporters that").
    addressee_verbs: FxHashSet<&'static str>,
    /// Reporting verbs of the `welcome` class ("welcomed X to Harlow today" is ceremony).
    welcome_verbs: FxHashSet<&'static str>,
    /// Reporting verbs of the `that` class: frames only before "that".
    that_verbs: FxHashSet<&'static str>,
    /// Reporting verbs of the `participle` class: frames only after a comma, for the
    /// sentence's opening subject.
    participle_verbs: FxHashSet<&'static str>,
    /// Reporting verbs of the `opener` class: frames only before a word in "-ing".
    opener_verbs: FxHashSet<&'static str>,
    abbreviations: FxHashSet<&'static str>,
    /// The most characters an abbreviation has.
    longest_abbreviation: usize,
    /// Phrases of topic-only sentences, lowercase.
    topic_only: Vec<&'static str>,
    /// Words one of which every topic-only phrase holds: a sentence without any needs no
    /// search for the phrases.
    topic_only_keys: Vec<&'static str>,
    /// Openings of impersonal frames ("hope was expressed") as lowercase words, with the verb
    /// their statements are labelled with.
    pub impersonal_frames: Vec<(Vec<&'static str>, &'static str)>,
    /// Participles of impersonal passive frames ("… was expressed"), lowercase.
    pub impersonal_participles: Vec<&'static str>,
    /// Participles of narrative passive sentences ("… were held"), lowercase.
    pub narrative_participles: WordSet,
    /// The first words of [`Lexicon::impersonal_frames`]: most sentences open with none.
    pub impersonal_firsts: WordFilter,
    /// Openings of joint subjects, lowercase.
    joint_subjects: Vec<&'static str>,
    role_labels: FxHashSet<&'static str>,
    /// Courtesy words read as titles ("Mr."), never a participant's title.
    courtesy_titles: FxHashSet<&'static str>,
    /// Words of a state's formal name ("the Republic of …").
    state_forms: FxHashSet<&'static str>,
    /// Lowercase nouns after a place name ("region"): the word before is no country.
    pub place_nouns: WordSet,
    /// Lowercase words before a place spoken about ("in"): the word after is no
    /// country a leader's statements speak for.
    pub place_prepositions: WordSet,
    /// Phrases before a host's name ("at the invitation of"), as lowercase words.
    pub host_phrases: Vec<Vec<&'static str>>,
    /// Phrases before a chair's name ("chaired by"), as lowercase words.
    pub chair_phrases: Vec<Vec<&'static str>>,
    /// Last words of a sentence that lists who took part ("took part"), as lowercase words.
    pub taking_part: Vec<Vec<&'static str>>,
    header_keys: Vec<&'static str>,
    /// Lines of a publisher's page pasted with a readout, in lowercase, and their class.
    page_lines: Vec<(&'static str, PageLineClass)>,
    /// Lowercase words inside names ("de", "bin").
    pub particles: WordSet,
    /// Capitalized words that end a name in a headline ("Meets").
    pub name_breakers: WordSet,
    /// Capitalized words that open a sentence, never a name ("The", "Recalling").
    pub sentence_starters: WordSet,
    /// Portfolios of ministers' titles ("Trade").
    pub portfolios: WordSet,
    /// Words of organizations, places and events ("Council", "Summit").
    pub institution_words: WordSet,
    /// Last words of joint subjects ("sides", "leaders").
    pub joint_heads: WordSet,
    /// Words that make a plural subject indefinite ("several", "some"), lowercase.
    pub indefinite_subjects: WordSet,
    /// Modal verbs after a joint subject that make the sentence a proposal ("should").
    pub joint_modals: WordSet,
    /// Infinitives whose purpose clause gives a caller's words ("to congratulate").
    pub purpose_verbs: WordSet,
    /// Letters after a name before an appositive title ("MP").
    pub post_nominals: WordSet,
    /// Words between a subject and its verb ("also", "in turn").
    pub frame_adverbs: WordSet,
    /// Words before a name that make it a place ("in", "near").
    pub opening_prepositions: WordSet,
    /// Words joining two speakers' clauses ("while").
    pub clause_joiners: WordSet,
    /// Words opening an aside before "that" ("in", "during").
    pub frame_asides: WordSet,
    /// Words inside an acronym's full name without a letter ("of", "&").
    pub acronym_connectors: WordSet,
    /// Words opening quoted speech, lowercase ("we").
    pub quote_pronouns: WordSet,
    /// Honorifics between a title and a name ("Shri"), as written.
    pub honorifics: WordSet,
    /// Abbreviations whose period stays inside a name ("Mr", "St"), as written.
    pub name_abbreviations: WordSet,
    /// Courtesy titles written with a period ("Mr." → "Mr"), without it.
    pub dotted_courtesy_titles: WordSet,
    /// Subject pronouns ("he", "They"), lowercase or capitalized, and their number.
    subject_pronouns: FxHashMap<&'static str, Pronoun>,
    /// The most bytes a subject pronoun has.
    longest_pronoun: usize,
    /// The subject pronouns behind a [`WordFilter`]: most words are told without hashing.
    pronoun_filter: WordFilter,
    /// Nouns of a leader by nationality ("leader", "side"), lowercase.
    pub nationality_heads: WordSet,
    /// Words between a country's adjective and such a noun ("foreign"), lowercase.
    pub head_modifiers: WordSet,
    /// Determiners opening a joint plural subject ("the", "Both"), lowercase or capitalized.
    pub joint_determiners: WordSet,
    /// Words showing a clause after "welcomed X to a place" ("and", "noting").
    pub ceremony_clause_words: WordSet,
    /// Words before the city of the meeting ("in", "visiting"): `data/venue_markers.txt`.
    pub venue_markers: WordSet,
    /// Courtesy titles that never make an alias ("His Excellency", "Honorable"):
    /// `data/honorific_titles.txt`.
    pub honorific_titles: WordSet,
    /// Month names ("July") and their numbers, January 1.
    pub months: FoldedMap<u32>,
    /// Month abbreviations ("Sept") and their numbers; only capitalized ones are months.
    pub month_abbreviations: FoldedMap<u32>,
    /// Weekday names and their numbers, Monday 0.
    pub weekdays: FoldedMap<u32>,
    /// Words naming a day by its offset from the publication date ("yesterday": -1).
    pub relative_days: FoldedMap<i64>,
    /// Two-word phrases naming a day by its offset ("last night": -1), lowercase.
    pub relative_pairs: Vec<(&'static str, &'static str, i64)>,
    /// Parts of the day ("evening") and the time of day they give.
    pub day_parts: FoldedMap<TimeOfDay>,
    /// Words before a part of the day that make it the event's ("this").
    pub day_part_openers: FoldedMap<()>,
    /// Words before a clock time that make it the event's ("at").
    pub clock_prepositions: FoldedMap<()>,
    /// Words between the two days of a date range ("to", "–"), as written.
    pub date_range_joiners: WordSet,
    /// Suffixes of a country's adjective ("ian"), in the order they are tried.
    adjective_suffixes: Vec<&'static str>,
    /// Endings of a country's name added to an adjective's stem ("ia"), in order.
    name_endings: Vec<&'static str>,
    /// Phrases of the opening paragraph that tell the event's kind, kind by kind, in order.
    pub event_kinds: Vec<EventKindPhrases>,
    /// Phrases of a sentence that lists who else attended ("were present").
    pub attendee_markers: Markers,
}

/// Words as written, behind a [`WordFilter`]: most words not in the set are told without
/// hashing.
pub struct WordSet {
    words: FxHashSet<&'static str>,
    filter: WordFilter,
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let words: FxHashSet<&'static str> = words.collect();
        let mut filter = WordFilter::default();
        for word in &words {
            filter.insert(word);
        }
        WordSet { words, filter }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.words.contains(word)
    }

    /// False when neither the word nor any ASCII case of it is in the set (the filter folds
    /// ASCII case): a test before lowering a word to look it up.
    pub fn may_contain(&self, word: &str) -> bool {
        self.filter.may_contain(word)
    }
}

/// Patterns, as `(entry, pattern)` positions, by their lowercase first word, behind a
/// [`WordFilter`].
#[derive(Debug, Clone, Default)]
pub struct FirstWordIndex {
    by_word: FxHashMap<String, Vec<(usize, usize)>>,
    filter: WordFilter,
    /// The words' lengths and first letters, for the ASCII words looked up.
    first_bytes: LengthFirstByte,
}

impl FirstWordIndex {
    /// Indexes `(first word, (entry, pattern))` pairs; the words are lowered.
    pub fn new<'w>(firsts: impl IntoIterator<Item = (&'w str, (usize, usize))>) -> Self {
        let mut index = FirstWordIndex::default();
        for (word, at) in firsts {
            let word = word.to_lowercase();
            index.filter.insert(&word);
            index.first_bytes.insert(&word);
            index.by_word.entry(word).or_default().push(at);
        }
        index
    }

    /// False when no pattern can start with a word of this [`WordFilter::slot`], in any case:
    /// no lookup needed.
    pub fn may_start(&self, slot: usize) -> bool {
        self.filter.has_slot(slot)
    }

    /// The filter of first words behind [`FirstWordIndex::may_start`].
    pub fn filter(&self) -> &WordFilter {
        &self.filter
    }

    /// The patterns whose first word is `word` in any case, without the filter. A short ASCII
    /// word is lowered on the stack, and one already in lowercase not at all.
    pub fn lookup(&self, word: &str) -> &[(usize, usize)] {
        let get = |key: &str| self.by_word.get(key).map_or(&[][..], Vec::as_slice);
        if word.is_ascii() {
            // ASCII lowers to the same length and first byte, lowered.
            if !self.first_bytes.may_contain_lowered(word) {
                return &[];
            }
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return get(word);
            }
            let short = ascii_lower(word);
            if !short.as_str().is_empty() {
                return get(short.as_str());
            }
        } else if !word.chars().any(char::is_uppercase) {
            return get(word);
        }
        get(&word.to_lowercase())
    }
}

/// A 4096-bit filter over (first letter, last letter, length) of words, case aside: "no" is
/// certain, "maybe" needs a real lookup. It spares most words of a sentence any hashing.
#[derive(Debug, Clone)]
pub struct WordFilter([u64; 64]);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter([0; 64])
    }
}

impl WordFilter {
    /// The filter bit of a word: computed once, it can test several filters.
    pub fn slot(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        // `| 0x20` folds ASCII case without a test: it maps other bytes too, but always alike.
        let first = usize::from(bytes.first()? | 0x20);
        let last = usize::from(bytes.last()? | 0x20);
        Some((first * 131 + last * 31 + bytes.len()) % 4096)
    }

    pub fn insert(&mut self, word: &str) {
        if let Some(slot) = Self::slot(word) {
            self.0[slot / 64] |= 1 << (slot % 64);
        }
    }

    pub fn may_contain(&self, word: &str) -> bool {
        Self::slot(word).is_some_and(|slot| self.has_slot(slot))
    }

    pub fn has_slot(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// The filter of words that pass either filter.
    pub fn union(&self, other: &WordFilter) -> WordFilter {
        WordFilter(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }
}

/// One curated topic: its label and the word sequences that mention it.
pub struct TopicEntry {
    pub label: &'static str,
    pub patterns: Vec<Pattern>,
}

pub struct Pattern {
    pub words: Vec<&'static str>,
    /// Patterns written with a capital letter match exactly; others ignore case.
    pub case_sensitive: bool,
}

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const TITLES: &str = include_str!("../../data/titles.txt");
const TITLE_ABBREVIATIONS: &str = include_str!("../../data/title_abbreviations.tsv");
const TOPICS: &str = include_str!("../../data/topics.tsv");
const REPORTING_VERBS: &str = include_str!("../../data/reporting_verbs.tsv");
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const TOPIC_ONLY: &str = include_str!("../../data/topic_only.txt");
const JOINT_SUBJECTS: &str = include_str!("../../data/joint_subjects.txt");
const ROLE_LABELS: &str = include_str!("../../data/role_labels.txt");
const HEADER_KEYS: &str = include_str!("../../data/header_keys.txt");
const PAGE_LINES: &str = include_str!("../../data/page_lines.tsv");
const NAME_PARTICLES: &str = include_str!("../../data/name_particles.txt");
const NAME_BREAKERS: &str = include_str!("../../data/name_breakers.txt");
const SENTENCE_STARTERS: &str = include_str!("../../data/sentence_starters.txt");
const PORTFOLIOS: &str = include_str!("../../data/portfolios.txt");
const INSTITUTION_WORDS: &str = include_str!("../../data/institution_words.txt");
const JOINT_HEADS: &str = include_str!("../../data/joint_heads.txt");
const INDEFINITE_SUBJECTS: &str = include_str!("../../data/indefinite_subjects.txt");
const JOINT_MODALS: &str = include_str!("../../data/joint_modals.txt");
const PURPOSE_VERBS: &str = include_str!("../../data/purpose_verbs.txt");
const POST_NOMINALS: &str = include_str!("../../data/post_nominals.txt");
const FRAME_ADVERBS: &str = include_str!("../../data/frame_adverbs.txt");
const IMPERSONAL_FRAMES: &str = include_str!("../../data/impersonal_frames.tsv");
const IMPERSONAL_PARTICIPLES: &str = include_str!("../../data/impersonal_participles.txt");
const NARRATIVE_PARTICIPLES: &str = include_str!("../../data/narrative_participles.txt");
const COURTESY_TITLES: &str = include_str!("../../data/courtesy_titles.txt");
const STATE_FORMS: &str = include_str!("../../data/state_forms.txt");
const PLACE_NOUNS: &str = include_str!("../../data/place_nouns.txt");
const PLACE_PREPOSITIONS: &str = include_str!("../../data/place_prepositions.txt");
const OPENING_PREPOSITIONS: &str = include_str!("../../data/opening_prepositions.txt");
const CLAUSE_JOINERS: &str = include_str!("../../data/clause_joiners.txt");
const FRAME_ASIDES: &str = include_str!("../../data/frame_asides.txt");
const ACRONYM_CONNECTORS: &str = include_str!("../../data/acronym_connectors.txt");
const QUOTE_PRONOUNS: &str = include_str!("../../data/quote_pronouns.txt");
const HONORIFICS: &str = include_str!("../../data/honorifics.txt");
const NAME_ABBREVIATIONS: &str = include_str!("../../data/name_abbreviations.txt");
const SUBJECT_PRONOUNS: &str = include_str!("../../data/subject_pronouns.tsv");
const NATIONALITY_HEADS: &str = include_str!("../../data/nationality_heads.txt");
const HEAD_MODIFIERS: &str = include_str!("../../data/head_modifiers.txt");
const JOINT_DETERMINERS: &str = include_str!("../../data/joint_determiners.txt");
const CEREMONY_CLAUSE_WORDS: &str = include_str!("../../data/ceremony_clause_words.txt");
const VENUE_MARKERS: &str = include_str!("../../data/venue_markers.txt");
const HONORIFIC_TITLES: &str = include_str!("../../data/honorific_titles.txt");
const MONTHS: &str = include_str!("../../data/months.tsv");
const WEEKDAYS: &str = include_str!("../../data/weekdays.txt");
const RELATIVE_DAYS: &str = include_str!("../../data/relative_days.tsv");
const DAY_PARTS: &str = include_str!("../../data/day_parts.tsv");
const DAY_PART_OPENERS: &str = include_str!("../../data/day_part_openers.txt");
const CLOCK_PREPOSITIONS: &str = include_str!("../../data/clock_prepositions.txt");
const DATE_RANGE_JOINERS: &str = include_str!("../../data/date_range_joiners.txt");
const ADJECTIVE_ENDINGS: &str = include_str!("../../data/adjective_endings.tsv");
const HOST_PHRASES: &str = include_str!("../../data/host_phrases.txt");
const CHAIR_PHRASES: &str = include_str!("../../data/chair_phrases.txt");
const TAKING_PART: &str = include_str!("../../data/taking_part.txt");
const EVENT_KINDS: &str = include_str!("../../data/event_kinds.tsv");
const ATTENDEE_MARKERS: &str = include_str!("../../data/attendee_markers.txt");

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The first tab-separated column of a data line.
fn first_column(line: &'static str) -> &'static str {
    line.split('\t').next().unwrap_or_default().trim()
}

/// The letters of the lines of `data/adjective_endings.tsv` with this role, in order.
fn adjective_endings(wanted: &'static str) -> impl Iterator<Item = &'static str> {
    data_lines(ADJECTIVE_ENDINGS).filter_map(move |line| {
        let (role, letters) = line.split_once('\t')?;
        (role == wanted).then(|| letters.trim())
    })
}

/// The phrases of `data/relative_days.tsv` with their offsets in days.
fn relative_days() -> impl Iterator<Item = (&'static str, i64)> {
    data_lines(RELATIVE_DAYS).filter_map(|line| {
        let (phrase, offset) = line.split_once('\t')?;
        Some((phrase.trim(), offset.trim().parse().ok()?))
    })
}

/// Words with a value, found in any ASCII case ("JULY", "July"), behind a [`WordFilter`]:
/// most words are told without lowering or hashing.
pub struct FoldedMap<V> {
    /// The words in ASCII lowercase.
    map: FxHashMap<String, V>,
    filter: WordFilter,
    /// The fewest and the most bytes a word has: a length outside tells a word at once.
    lengths: std::ops::RangeInclusive<usize>,
}

impl<V: Copy> FoldedMap<V> {
    fn new(entries: impl Iterator<Item = (&'static str, V)>) -> Self {
        let mut filter = WordFilter::default();
        let map: FxHashMap<String, V> = entries
            .inspect(|(word, _)| filter.insert(word))
            .map(|(word, value)| (word.to_ascii_lowercase(), value))
            .collect();
        let shortest = map.keys().map(String::len).min().unwrap_or(1);
        let longest = map.keys().map(String::len).max().unwrap_or(0);
        FoldedMap {
            map,
            filter,
            lengths: shortest..=longest,
        }
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        if !self.lengths.contains(&word.len()) || !self.filter.may_contain(word) {
            return None;
        }
        // A word too long to lower on the stack is none of these short words.
        self.map.get(ascii_lower(word).as_str()).copied()
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.map.len()
    }
}

/// A lowercase word as written and with a capital first letter ("he", "He"). The capitalized
/// form is made once, when the lexicon is read, and lives as long as the program.
fn as_written_or_capitalized(word: &'static str) -> impl Iterator<Item = &'static str> {
    let mut chars = word.chars();
    let capital: Option<&'static str> = chars.next().map(|first| {
        let capitalized: String = first.to_uppercase().chain(chars).collect();
        &*Box::leak(capitalized.into_boxed_str())
    });
    std::iter::once(word).chain(capital.filter(|c| *c != word))
}

/// The class of a page line (`data/page_lines.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLineClass {
    /// A line that stands alone ("The White House", "Press release").
    Mast,
    /// A label whose value follows it ("From:").
    Label,
    /// A label whose value is the page's release date ("For Immediate Release", "Published").
    Release,
}

/// The number of a subject pronoun (`data/subject_pronouns.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// "he", "she": one speaker.
    One,
    /// "they": every leader together.
    Joint,
}

/// Splits a phrase into the words the tokenizer would give (periods dropped).
fn words(phrase: &'static str) -> Vec<&'static str> {
    phrase.split([' ', '.']).filter(|w| !w.is_empty()).collect()
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let title_abbreviations: FxHashMap<&str, &str> = data_lines(TITLE_ABBREVIATIONS)
            .filter_map(|line| {
                let (short, full) = line.split_once('\t')?;
                Some((short.trim(), full.trim()))
            })
            .collect();
        let titles =
            PhraseIndex::new(data_lines(TITLES).chain(title_abbreviations.keys().copied()));
        let mut demonyms = FxHashMap::default();
        let mut country_names = Vec::new();
        for line in data_lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let country = cols.next().unwrap_or_default();
            country_names.push(country);
            for demonym in cols.next().unwrap_or_default().split(',') {
                if !demonym.is_empty() {
                    demonyms.insert(demonym, country);
                }
            }
        }
        let countries = PhraseIndex::new(country_names.iter().copied());
        let topics: Vec<TopicEntry> = data_lines(TOPICS)
            .filter_map(|line| {
                let (label, patterns) = line.split_once('\t')?;
                let patterns = patterns
                    .split('|')
                    .map(|p| Pattern {
                        words: p.split(' ').filter(|w| !w.is_empty()).collect(),
                        case_sensitive: p.chars().any(char::is_uppercase),
                    })
                    .collect();
                Some(TopicEntry { label, patterns })
            })
            .collect();
        let topic_index = FirstWordIndex::new(topics.iter().enumerate().flat_map(|(e, entry)| {
            entry
                .patterns
                .iter()
                .enumerate()
                .filter_map(move |(p, pattern)| pattern.words.first().map(|&first| (first, (e, p))))
        }));
        let verbs: Vec<(&str, &str)> = data_lines(REPORTING_VERBS)
            .map(|line| line.split_once('\t').unwrap_or((line, "say")))
            .collect();
        let abbreviations: FxHashSet<&str> = data_lines(ABBREVIATIONS).collect();
        Lexicon {
            verbs: PhraseIndex::new(verbs.iter().map(|&(verb, _)| verb)),
            addressee_verbs: verbs
                .iter()
                .filter(|&&(_, class)| class.trim() == "addressee")
                .map(|&(verb, _)| verb)
                .collect(),
            welcome_verbs: verbs
                .iter()
                .filter(|&&(_, class)| class.trim() == "welcome")
                .map(|&(verb, _)| verb)
                .collect(),
            that_verbs: verbs
                .iter()
                .filter(|&&(_, class)| class.trim() == "that")
                .map(|&(verb, _)| verb)
                .collect(),
            participle_verbs: verbs
                .iter()
                .filter(|&&(_, class)| class.trim() == "participle")
                .map(|&(verb, _)| verb)
                .collect(),
            opener_verbs: verbs
                .iter()
                .filter(|&&(_, class)| class.trim() == "opener")
                .map(|&(verb, _)| verb)
                .collect(),
            longest_abbreviation: abbreviations.iter().map(|a| a.len()).max().unwrap_or(0),
            abbreviations,
            topic_only_keys: covering_words(data_lines(TOPIC_ONLY)),
            topic_only: data_lines(TOPIC_ONLY).collect(),
            joint_subjects: data_lines(JOINT_SUBJECTS).collect(),
            role_labels: data_lines(ROLE_LABELS).collect(),
            courtesy_titles: data_lines(COURTESY_TITLES).collect(),
            state_forms: data_lines(STATE_FORMS).collect(),
            place_nouns: WordSet::new(data_lines(PLACE_NOUNS)),
            place_prepositions: WordSet::new(data_lines(PLACE_PREPOSITIONS)),
            host_phrases: data_lines(HOST_PHRASES).map(words).collect(),
            chair_phrases: data_lines(CHAIR_PHRASES).map(words).collect(),
            taking_part: data_lines(TAKING_PART).map(words).collect(),
            header_keys: data_lines(HEADER_KEYS).collect(),
            page_lines: data_lines(PAGE_LINES)
                .filter_map(|line| {
                    let (phrase, class) = line.split_once('\t')?;
                    let class = match class.trim() {
                        "label" => PageLineClass::Label,
                        "release" => PageLineClass::Release,
                        _ => PageLineClass::Mast,
                    };
                    Some((phrase.trim(), class))
                })
                .collect(),
            particles: WordSet::new(data_lines(NAME_PARTICLES)),
            name_breakers: WordSet::new(data_lines(NAME_BREAKERS)),
            sentence_starters: WordSet::new(data_lines(SENTENCE_STARTERS)),
            portfolios: WordSet::new(data_lines(PORTFOLIOS)),
            institution_words: WordSet::new(data_lines(INSTITUTION_WORDS)),
            joint_heads: WordSet::new(data_lines(JOINT_HEADS)),
            indefinite_subjects: WordSet::new(data_lines(INDEFINITE_SUBJECTS)),
            joint_modals: WordSet::new(data_lines(JOINT_MODALS)),
            purpose_verbs: WordSet::new(data_lines(PURPOSE_VERBS)),
            post_nominals: WordSet::new(data_lines(POST_NOMINALS)),
            frame_adverbs: WordSet::new(data_lines(FRAME_ADVERBS)),
            impersonal_frames: data_lines(IMPERSONAL_FRAMES)
                .filter_map(|line| {
                    let (opening, verb) = line.split_once('\t')?;
                    Some((
                        opening.split(' ').filter(|w| !w.is_empty()).collect(),
                        verb.trim(),
                    ))
                })
                .collect(),
            impersonal_participles: data_lines(IMPERSONAL_PARTICIPLES).collect(),
            narrative_participles: WordSet::new(data_lines(NARRATIVE_PARTICIPLES)),
            impersonal_firsts: data_lines(IMPERSONAL_FRAMES).fold(
                WordFilter::default(),
                |mut filter, line| {
                    filter.insert(line.split([' ', '\t']).next().unwrap_or_default());
                    filter
                },
            ),
            opening_prepositions: WordSet::new(data_lines(OPENING_PREPOSITIONS)),
            clause_joiners: WordSet::new(data_lines(CLAUSE_JOINERS)),
            frame_asides: WordSet::new(data_lines(FRAME_ASIDES)),
            acronym_connectors: WordSet::new(data_lines(ACRONYM_CONNECTORS)),
            quote_pronouns: WordSet::new(data_lines(QUOTE_PRONOUNS)),
            honorifics: WordSet::new(data_lines(HONORIFICS)),
            name_abbreviations: WordSet::new(data_lines(NAME_ABBREVIATIONS)),
            dotted_courtesy_titles: WordSet::new(
                data_lines(COURTESY_TITLES).filter_map(|t| t.strip_suffix('.')),
            ),
            subject_pronouns: data_lines(SUBJECT_PRONOUNS)
                .filter_map(|line| {
                    let (word, number) = line.split_once('\t')?;
                    let number = match number.trim() {
                        "one" => Pronoun::One,
                        "joint" => Pronoun::Joint,
                        _ => return None,
                    };
                    Some(as_written_or_capitalized(word).map(move |w| (w, number)))
                })
                .flatten()
                .collect(),
            longest_pronoun: data_lines(SUBJECT_PRONOUNS)
                .map(|line| line.split('\t').next().unwrap_or_default().len())
                .max()
                .unwrap_or(0),
            pronoun_filter: data_lines(SUBJECT_PRONOUNS).fold(WordFilter::default(), |mut f, l| {
                f.insert(l.split('\t').next().unwrap_or_default());
                f
            }),
            nationality_heads: WordSet::new(data_lines(NATIONALITY_HEADS)),
            head_modifiers: WordSet::new(data_lines(HEAD_MODIFIERS)),
            joint_determiners: WordSet::new(
                data_lines(JOINT_DETERMINERS).flat_map(as_written_or_capitalized),
            ),
            ceremony_clause_words: WordSet::new(data_lines(CEREMONY_CLAUSE_WORDS)),
            honorific_titles: WordSet::new(data_lines(HONORIFIC_TITLES)),
            venue_markers: WordSet::new(
                data_lines(VENUE_MARKERS).flat_map(as_written_or_capitalized),
            ),
            months: FoldedMap::new(
                (1..)
                    .zip(data_lines(MONTHS))
                    .map(|(n, line)| (first_column(line), n)),
            ),
            month_abbreviations: FoldedMap::new((1..).zip(data_lines(MONTHS)).flat_map(
                |(n, line)| {
                    let abbreviations = line.split('\t').nth(1).unwrap_or_default();
                    abbreviations
                        .split(',')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(move |a| (a, n))
                },
            )),
            weekdays: FoldedMap::new((0..).zip(data_lines(WEEKDAYS)).map(|(n, day)| (day, n))),
            relative_days: FoldedMap::new(
                relative_days().filter(|(phrase, _)| !phrase.contains(' ')),
            ),
            relative_pairs: relative_days()
                .filter_map(|(phrase, offset)| {
                    let (first, second) = phrase.split_once(' ')?;
                    Some((first, second, offset))
                })
                .collect(),
            day_parts: FoldedMap::new(data_lines(DAY_PARTS).filter_map(|line| {
                let (word, part) = line.split_once('\t')?;
                let part = match part.trim() {
                    "morning" => TimeOfDay::Morning,
                    "afternoon" => TimeOfDay::Afternoon,
                    "evening" => TimeOfDay::Evening,
                    _ => return None,
                };
                Some((word, part))
            })),
            day_part_openers: FoldedMap::new(data_lines(DAY_PART_OPENERS).map(|w| (w, ()))),
            clock_prepositions: FoldedMap::new(data_lines(CLOCK_PREPOSITIONS).map(|w| (w, ()))),
            date_range_joiners: WordSet::new(data_lines(DATE_RANGE_JOINERS)),
            adjective_suffixes: adjective_endings("suffix").collect(),
            name_endings: adjective_endings("ending").collect(),
            event_kinds: EventKindPhrases::read(EVENT_KINDS),
            attendee_markers: Markers::new(data_lines(ATTENDEE_MARKERS)),
            topic_index,
            titles,
            title_abbreviations,
            demonyms,
            countries,
            country_names: country_names.into_iter().collect(),
            topics,
        }
    })
}

/// The first country name an adjective may come from ("Arvelian" → "Arvel", "Arvela",
/// "Arvelia", …) that `accept` takes.
pub fn country_for_adjective(
    adjective: &str,
    mut accept: impl FnMut(&str) -> bool,
) -> Option<String> {
    let mut candidate = String::new();
    let lex = lexicon();
    for &suffix in &lex.adjective_suffixes {
        let Some(stem) = adjective
            .strip_suffix(suffix)
            .filter(|s| s.chars().count() >= 3)
        else {
            continue;
        };
        if accept(stem) {
            return Some(stem.to_string());
        }
        for &ending in &lex.name_endings {
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            if accept(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// A few words such that each phrase holds one of them, possibly inside a longer word
/// ("exchange" is in "exchanged views"): chosen greedily, the word in most phrases first.
fn covering_words(phrases: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut left: Vec<&str> = phrases.collect();
    let mut keys = Vec::new();
    while !left.is_empty() {
        let holds = |phrase: &str, key: &str| phrase.split(' ').any(|w| w.contains(key));
        let words = left.iter().flat_map(|p| p.split(' '));
        let best = words.max_by_key(|&w| left.iter().filter(|p| holds(p, w)).count());
        let Some(best) = best else {
            break;
        };
        left.retain(|p| !holds(p, best));
        keys.push(best);
    }
    keys
}

/// A phrase as listed, without the double quotes that keep the spaces at its ends (`" met "`).
fn unquoted(phrase: &'static str) -> &'static str {
    phrase
        .strip_prefix('"')
        .and_then(|p| p.strip_suffix('"'))
        .unwrap_or(phrase)
}

/// The phrases of one event kind (`data/event_kinds.tsv`), lowercase ASCII, found anywhere in
/// an opening paragraph.
pub struct EventKindPhrases {
    pub kind: EventKind,
    /// Words one of which every sign holds: an opening without any needs no search.
    keys: Vec<&'static str>,
    signs: Vec<&'static str>,
    unless: Vec<&'static str>,
}

impl EventKindPhrases {
    /// The kinds of `data`, in the order they first appear; a line of an unknown kind or
    /// role is skipped (a test checks that none is).
    fn read(data: &'static str) -> Vec<EventKindPhrases> {
        let mut kinds: Vec<EventKindPhrases> = Vec::new();
        for line in data_lines(data) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(role), Some(phrase)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(kind) = EventKind::ALL.into_iter().find(|k| k.as_str() == kind) else {
                continue;
            };
            let at = match kinds.iter().position(|k| k.kind == kind) {
                Some(at) => at,
                None => {
                    kinds.push(EventKindPhrases {
                        kind,
                        keys: Vec::new(),
                        signs: Vec::new(),
                        unless: Vec::new(),
                    });
                    kinds.len() - 1
                }
            };
            match role {
                "sign" => kinds[at].signs.push(unquoted(phrase)),
                "unless" => kinds[at].unless.push(unquoted(phrase)),
                _ => {}
            }
        }
        for kind in &mut kinds {
            kind.keys = covering_words(kind.signs.iter().copied());
        }
        kinds
    }

    /// True when `lower`, an opening in ASCII lowercase, holds a sign of this kind and none
    /// of its unless-phrases.
    pub fn matches(&self, lower: &str) -> bool {
        let has = |phrases: &[&str]| phrases.iter().any(|p| lower.contains(p));
        has(&self.keys) && has(&self.signs) && !has(&self.unless)
    }

    /// True when `lower` (ASCII lowercase) holds one of this kind's unless-phrases.
    pub fn denied_by(&self, lower: &str) -> bool {
        self.unless.iter().any(|p| lower.contains(p))
    }
}

/// Phrases found anywhere in a sentence's ASCII lowercase, behind a test on its words that
/// spares most sentences the lowering and the search: each phrase has a key word, the shortest
/// of its words after the first with four letters or more (short words such as "in" are
/// everywhere), which starts a word of any sentence that holds the phrase; a phrase without
/// one is keyed by its first word, which ends a word of such a sentence ("unaccompanied by").
pub struct Markers {
    phrases: Vec<&'static str>,
    /// Keys that start a word, and keys that end one.
    starts: Vec<&'static str>,
    ends: Vec<&'static str>,
    /// The first four bytes of the keys of `starts`, and the last four of those of `ends`:
    /// one bit test tells most words.
    heads: QuadFilter,
    tails: QuadFilter,
    /// The fewest letters a key of `ends` has (most words are shorter).
    shortest_end: usize,
    /// Set when a phrase has no key of four letters: then every sentence is searched.
    unkeyed: bool,
}

impl Markers {
    fn new(phrases: impl Iterator<Item = &'static str>) -> Self {
        let mut markers = Markers {
            phrases: phrases.collect(),
            starts: Vec::new(),
            ends: Vec::new(),
            heads: QuadFilter::default(),
            tails: QuadFilter::default(),
            shortest_end: usize::MAX,
            unkeyed: false,
        };
        for phrase in &markers.phrases {
            let letters = |w: &'static str| w.trim_matches(|c: char| !c.is_alphanumeric());
            let mut words = phrase.split(' ').map(letters);
            let first = words.next().unwrap_or_default();
            match words.filter(|w| w.len() >= 4).min_by_key(|w| w.len()) {
                Some(key) => {
                    markers.heads.insert(&key.as_bytes()[..4]);
                    markers.starts.push(key);
                }
                None if first.len() >= 4 => {
                    markers.tails.insert(&first.as_bytes()[first.len() - 4..]);
                    markers.ends.push(first);
                    markers.shortest_end = markers.shortest_end.min(first.len());
                }
                None => markers.unkeyed = true,
            }
        }
        markers
    }

    /// True when `sentence`, whose words are `words`, holds one of the phrases, in any case.
    pub fn found_in(&self, words: &[&str], sentence: &str) -> bool {
        let keyed = self.unkeyed || words.iter().any(|w| self.holds_key(w.as_bytes()));
        if !keyed {
            return false;
        }
        let lower = sentence.to_ascii_lowercase();
        self.phrases.iter().any(|m| lower.contains(m))
    }

    /// True when `word` starts with a key of `starts` or ends with one of `ends`, in any case.
    /// Both filters are read before either is acted on: one well-predicted branch for the
    /// many words that pass neither.
    fn holds_key(&self, word: &[u8]) -> bool {
        let (Some(head), Some(tail)) = (word.first_chunk::<4>(), word.last_chunk::<4>()) else {
            return false;
        };
        let may_start = self.heads.may_contain(head);
        let may_end = self.tails.may_contain(tail) & (word.len() >= self.shortest_end);
        if !(may_start | may_end) {
            return false;
        }
        let same = |a: &[u8], key: &str| a.eq_ignore_ascii_case(key.as_bytes());
        let starts = |key: &&str| word.get(..key.len()).is_some_and(|head| same(head, key));
        let ends = |key: &&str| {
            let from = word.len().checked_sub(key.len());
            from.is_some_and(|from| same(&word[from..], key))
        };
        (may_start && self.starts.iter().any(starts)) || (may_end && self.ends.iter().any(ends))
    }
}

/// A 4096-bit filter over four bytes, ASCII case aside: "no" is certain, "maybe" needs a real
/// comparison.
struct QuadFilter([u64; 64]);

impl Default for QuadFilter {
    fn default() -> Self {
        QuadFilter([0; 64])
    }
}

impl QuadFilter {
    fn slot(four: &[u8]) -> usize {
        let mut quad = [0; 4];
        quad.copy_from_slice(&four[..4]);
        // `| 0x20` folds ASCII case without a test: it maps other bytes too, but always alike.
        let folded = u32::from_le_bytes(quad) | 0x2020_2020;
        (folded.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn insert(&mut self, four: &[u8]) {
        let slot = Self::slot(four);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    fn may_contain(&self, four: &[u8]) -> bool {
        let slot = Self::slot(four);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// Phrases (titles, country names, reporting verbs) by first word, longest first, behind a
/// [`WordFilter`] of first words: the longest phrase at a word, found without hashing most words.
pub struct PhraseIndex {
    /// Each phrase as listed, with its words.
    by_first_word: FxHashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>,
    /// First words by length and first byte, then by [`WordFilter`]: most words are told by
    /// the first test alone.
    first_bytes: LengthFirstByte,
    first_words: WordFilter,
    /// The most words a phrase has.
    longest: usize,
}

/// A filter over (length, first byte) of words as written, one bit each: a test of a few
/// instructions, cheaper than a [`WordFilter`]'s, for lists read at every word of a readout.
#[derive(Debug, Clone, Default)]
struct LengthFirstByte([u64; 16]);

impl LengthFirstByte {
    fn insert(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.0[word.len().min(15)] |= 1 << (first & 63);
        }
    }

    fn may_contain(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.has(word.len(), first))
    }

    /// [`LengthFirstByte::may_contain`] for the word in ASCII lowercase.
    fn may_contain_lowered(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.has(word.len(), first.to_ascii_lowercase()))
    }

    fn has(&self, len: usize, first: u8) -> bool {
        self.0[len.min(15)] >> (first & 63) & 1 != 0
    }
}

impl PhraseIndex {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Self {
        let mut index = PhraseIndex {
            by_first_word: FxHashMap::default(),
            first_bytes: LengthFirstByte::default(),
            first_words: WordFilter::default(),
            longest: 0,
        };
        for phrase in phrases {
            let words = words(phrase);
            let Some(&first) = words.first() else {
                continue;
            };
            let group = index.by_first_word.entry(first).or_default();
            if !group.iter().any(|(_, w)| *w == words) {
                index.first_bytes.insert(first);
                index.first_words.insert(first);
                index.longest = index.longest.max(words.len());
                group.push((phrase, words));
            }
        }
        for group in index.by_first_word.values_mut() {
            group.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        }
        index
    }

    /// The longest phrase starting at `words[at]`: its length in words, and the phrase as listed.
    /// Inlined: the scanners ask at nearly every word, and the filters tell most words at once
    /// (the call alone cost as much as they do).
    #[inline]
    pub fn longest_at(&self, words: &[&str], at: usize) -> Option<(usize, &'static str)> {
        let first = *words.get(at)?;
        if !self.first_bytes.may_contain(first) || !self.first_words.may_contain(first) {
            return None;
        }
        self.longest_listed(words, at, first)
    }

    /// [`PhraseIndex::longest_at`] for a word that passed the filters: the hash lookup.
    #[inline(never)]
    fn longest_listed(
        &self,
        words: &[&str],
        at: usize,
        first: &str,
    ) -> Option<(usize, &'static str)> {
        self.by_first_word
            .get(first)?
            .iter()
            .find(|(_, p)| words.len() >= at + p.len() && words[at..at + p.len()] == p[..])
            .map(|(phrase, p)| (p.len(), *phrase))
    }

    /// The length in words of the longest phrase that starts with `word`.
    fn longest_from(&self, word: &str) -> Option<usize> {
        if !self.first_words.may_contain(word) {
            return None;
        }
        Some(self.by_first_word.get(word)?.first()?.1.len())
    }
}

impl Lexicon {
    /// The most words a title has: only the last so many words of a run can start a title
    /// that ends with the run.
    pub fn longest_title(&self) -> usize {
        self.titles.longest
    }

    /// The longest title starting at `words[at]`: its length in words.
    pub fn title_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.titles.longest_at(words, at).map(|(len, _)| len)
    }

    /// The title an abbreviation stands for ("PM" → "Prime Minister"), if `word` is one.
    pub fn full_title(&self, word: &str) -> Option<&'static str> {
        // Every abbreviation is in capitals: most titles need no lookup.
        if !word.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        self.title_abbreviations.get(word).copied()
    }

    /// The longest country name starting at `words[at]`: its length in words.
    pub fn country_at(&self, words: &[&str], at: usize) -> Option<usize> {
        self.countries.longest_at(words, at).map(|(len, _)| len)
    }

    /// A country name of two or more words starting at `words[at]` ("South Africa").
    pub fn long_country_at(&self, words: &[&str], at: usize) -> Option<&'static str> {
        self.countries
            .longest_at(words, at)
            .filter(|&(len, _)| len > 1)
            .map(|(_, name)| name)
    }

    /// True when a country name of two or more words starts with `word`.
    pub fn may_start_long_country(&self, word: &str) -> bool {
        self.countries.longest_from(word).is_some_and(|len| len > 1)
    }

    pub fn is_country(&self, name: &str) -> bool {
        self.country_names.contains(name)
    }

    /// A reporting verb that may name an addressee before "that" ("told reporters that").
    /// A verb of the `that` class: a frame only when "that" follows it.
    pub fn is_that_verb(&self, verb: &str) -> bool {
        self.that_verbs.contains(verb)
    }

    /// A verb of the `participle` class: ", agreeing on …" reports for the opening subject.
    pub fn is_participle_verb(&self, verb: &str) -> bool {
        self.participle_verbs.contains(verb)
    }

    /// A verb of the `opener` class: "opened by" + a word in "-ing" is one verb.
    pub fn is_opener_verb(&self, verb: &str) -> bool {
        self.opener_verbs.contains(verb)
    }

    /// A verb of the `welcome` class: "X welcomed Y to a place." alone is ceremony.
    pub fn is_welcome_verb(&self, verb: &str) -> bool {
        self.welcome_verbs.contains(verb)
    }

    pub fn is_addressee_verb(&self, verb: &str) -> bool {
        self.addressee_verbs.contains(verb)
    }

    /// The class of a reporting verb in `data/reporting_verbs.tsv` (`say`, `addressee`,
    /// `that`, `welcome`), for explanations: read from the data file on each call (no table
    /// is kept for it, since parsing never asks), spaces in the verb as written ignored.
    pub fn verb_class(&self, verb: &str) -> Option<&'static str> {
        let written = verb.split_whitespace();
        data_lines(REPORTING_VERBS).find_map(|line| {
            let (listed, class) = line.split_once('\t').unwrap_or((line, "say"));
            let same = listed.split(' ').eq(written.clone());
            same.then_some(class.trim())
        })
    }

    /// A word after which a period does not end a sentence ("Mr", "Gen", "etc").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        // Every abbreviation is short: most words need no lookup.
        word.len() <= self.longest_abbreviation && self.abbreviations.contains(word)
    }

    /// A sentence, in ASCII lowercase, that only says a subject was talked about.
    pub fn is_topic_only(&self, lower: &str) -> bool {
        self.topic_only_keys.iter().any(|k| lower.contains(k))
            && self.topic_only.iter().any(|p| lower.contains(p))
    }

    /// A sentence that opens with a joint subject ("The two sides …", "They …"), in any case,
    /// as whole words.
    pub fn opens_with_joint_subject(&self, sentence: &str) -> bool {
        self.joint_subjects.iter().any(|p| {
            sentence
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
                && !sentence[p.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }

    /// A transcript label of the press or the floor ("Q", "Moderator").
    /// A courtesy word or honorific read as a title ("Mr.", "His Excellency"): no office.
    pub fn is_courtesy_title(&self, title: &str) -> bool {
        self.courtesy_titles.contains(title)
    }

    /// The number of a subject pronoun, as written in lowercase or with a capital first letter
    /// ("He", "they").
    pub fn subject_pronoun(&self, word: &str) -> Option<Pronoun> {
        // Every pronoun is short: most words need no lookup.
        if word.len() > self.longest_pronoun || !self.pronoun_filter.may_contain(word) {
            return None;
        }
        self.subject_pronouns.get(word).copied()
    }

    /// A word of a state's formal name: "Republic" in "the Republic of Ostrela".
    pub fn is_state_form(&self, word: &str) -> bool {
        self.state_forms.contains(word)
    }

    /// The words of a state's formal name before its "of", read from `at`: a state form,
    /// after up to three capitalized words that qualify it ("Republic", "Federal Republic",
    /// "Democratic Socialist Republic", "People's Republic"). `word(i)` is the i-th word.
    pub fn state_form_len<'w>(&self, word: impl Fn(usize) -> &'w str, at: usize) -> Option<usize> {
        (0..4).find_map(|n| {
            let w = word(at + n);
            if self.is_state_form(w) {
                return Some(Some(n + 1));
            }
            let qualifier = w.starts_with(|c: char| c.is_uppercase()) && w != "of";
            (!qualifier).then_some(None)
        })?
    }

    pub fn is_role_label(&self, word: &str) -> bool {
        self.role_labels.contains(word)
    }

    /// The page line (`data/page_lines.tsv`) that `line` is, case aside: its class, and
    /// where its value starts when the line also holds it ("From: X", "For Immediate Release
    /// October 11, 2043"; a release line's value must hold a digit). `None` as the value: the
    /// line is the listed one alone, with or without a final ":".
    pub fn page_line(&self, line: &str) -> Option<(PageLineClass, Option<usize>)> {
        let bare = line.strip_suffix(':').unwrap_or(line).trim_end();
        for &(phrase, class) in &self.page_lines {
            if bare.eq_ignore_ascii_case(phrase) {
                return Some((class, None));
            }
            let opens = line
                .get(..phrase.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(phrase));
            if class == PageLineClass::Mast || !opens {
                continue;
            }
            let rest = &line[phrase.len()..];
            let value = match rest.strip_prefix(':') {
                Some(value) => value,
                None if class == PageLineClass::Release && rest.starts_with(' ') => rest,
                None => continue,
            };
            let value = value.trim_start();
            let dated = value.bytes().any(|b| b.is_ascii_digit());
            if !value.is_empty() && (dated || class == PageLineClass::Label) {
                return Some((class, Some(line.len() - value.len())));
            }
        }
        None
    }

    /// A label that starts a line of metadata ("Date", "Venue"), in any case.
    pub fn is_header_key(&self, label: &str) -> bool {
        self.header_keys
            .iter()
            .any(|k| k.eq_ignore_ascii_case(label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = lexicon();
        assert_eq!(lex.demonyms.get("Russian"), Some(&"Russia"));
        assert_eq!(lex.title_at(&["Prime", "Minister", "X"], 0), Some(2));
        assert_eq!(lex.title_at(&["PM", "Dalvi"], 0), Some(1));
        assert_eq!(lex.full_title("PM"), Some("Prime Minister"));
        assert_eq!(lex.full_title("Premier"), None);
        assert_eq!(lex.country_at(&["South", "Africa"], 0), Some(2));
        // Formal and current names, each a country as the text writes it.
        assert_eq!(lex.country_at(&["Viet", "Nam"], 0), Some(2));
        assert!([
            "Türkiye",
            "Czechia",
            "Russian Federation",
            "Republic of Korea"
        ]
        .iter()
        .all(|c| lex.is_country(c)));
        assert_eq!(lex.demonyms.get("Turkish"), Some(&"Turkey"));
        assert!(lex.topics.iter().any(|t| t.label == "BRICS"));
        assert!(lex.topics.iter().all(|t| !t.patterns.is_empty()));
        assert_eq!(
            lex.verbs.longest_at(&["pointed", "out"], 0),
            Some((2, "pointed out"))
        );
        assert!(lex.is_addressee_verb("told") && !lex.is_addressee_verb("said"));
        assert!(lex.is_abbreviation("Mr") && !lex.is_abbreviation("Mister"));
        assert!(lex.is_role_label("Moderator") && lex.is_header_key("VENUE"));
        assert!(
            lex.opens_with_joint_subject("They agreed") && !lex.opens_with_joint_subject("Theyre")
        );
    }

    #[test]
    fn word_lists_hold_single_words() {
        for list in [
            NAME_PARTICLES,
            NAME_BREAKERS,
            SENTENCE_STARTERS,
            PORTFOLIOS,
            INSTITUTION_WORDS,
            JOINT_HEADS,
            INDEFINITE_SUBJECTS,
            JOINT_MODALS,
            POST_NOMINALS,
            IMPERSONAL_PARTICIPLES,
            NARRATIVE_PARTICIPLES,
            FRAME_ADVERBS,
            OPENING_PREPOSITIONS,
            CLAUSE_JOINERS,
            FRAME_ASIDES,
            ACRONYM_CONNECTORS,
            QUOTE_PRONOUNS,
            ROLE_LABELS,
            ABBREVIATIONS,
        ] {
            for word in data_lines(list) {
                assert!(
                    !word.is_empty() && !word.contains([' ', ',', '"']),
                    "{word:?} is not one word"
                );
            }
        }
        let lex = lexicon();
        assert!(lex.particles.contains("bin") && !lex.particles.contains("Bin"));
        assert!(lex.sentence_starters.contains("Recalling"));
        assert!(lex.institution_words.contains("Council"));
        assert!(lex.frame_adverbs.contains("also") && !lex.frame_adverbs.contains("ly"));
    }

    /// Every file of `crates/core/data/` opens with its documentation, is listed in the
    /// folder's README and is read here: no list is dead, none undocumented.
    #[test]
    fn every_data_file_is_documented_listed_and_read() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let readme = std::fs::read_to_string(format!("{folder}/README.md")).unwrap();
        let source = include_str!("lexicon.rs");
        let mut files = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name == "README.md" {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(format!("{folder}/{name}")).unwrap();
            assert!(
                text.starts_with("# "),
                "{name} opens without its documentation"
            );
            assert!(
                readme.contains(&format!("`{name}`")),
                "{name} is not in data/README.md"
            );
            let read = format!("include_str!(\"../../data/{name}\")");
            assert!(source.contains(&read), "{name} is not read by the lexicon");
        }
        assert!(files > 20, "only {files} data files found in {folder}");
    }

    #[test]
    fn event_kind_phrases_load() {
        let kinds = &lexicon().event_kinds;
        let lines = data_lines(EVENT_KINDS).count();
        let loaded: usize = kinds.iter().map(|k| k.signs.len() + k.unless.len()).sum();
        assert_eq!(
            loaded, lines,
            "a line of event_kinds.tsv has an unknown kind or role"
        );
        assert_eq!(kinds[0].kind, EventKind::VideoCall);
        assert!(kinds[1].unless.contains(&" met "));
        assert!(kinds.iter().all(|k| !k.keys.is_empty()));
    }

    #[test]
    fn calendar_words_load_in_order() {
        let lex = lexicon();
        assert_eq!(lex.months.len(), 12);
        // The parser's month names are those the app shows.
        for (n, name) in (1..).zip(crate::date::MONTH_NAMES) {
            assert_eq!(lex.months.get(name), Some(n));
        }
        assert_eq!(lex.month_abbreviations.get("Sept"), Some(9));
        assert_eq!(lex.month_abbreviations.get("May"), None);
        assert_eq!(lex.weekdays.get("Sunday"), Some(6));
        assert_eq!(lex.weekdays.len(), 7);
        assert_eq!(lex.relative_days.get("Yesterday"), Some(-1));
        assert!(lex.relative_pairs.contains(&("last", "night", -1)));
        let lines = data_lines(RELATIVE_DAYS).count();
        assert_eq!(lex.relative_days.len() + lex.relative_pairs.len(), lines);
        assert_eq!(lex.day_parts.len(), data_lines(DAY_PARTS).count());
        assert!(lex.clock_prepositions.contains("AT") && lex.date_range_joiners.contains("–"));
    }

    #[test]
    fn adjective_endings_load_in_order() {
        let lex = lexicon();
        assert_eq!(lex.adjective_suffixes[..3], ["ian", "an", "n"]);
        assert_eq!(lex.name_endings.len(), 5);
        let lines = data_lines(ADJECTIVE_ENDINGS).count();
        assert_eq!(lex.adjective_suffixes.len() + lex.name_endings.len(), lines);
        let found = country_for_adjective("Arvelian", |c| c == "Arvelia");
        assert_eq!(found.as_deref(), Some("Arvelia"));
    }

    #[test]
    fn pronouns_and_determiners_match_as_written_or_capitalized() {
        let lex = lexicon();
        assert_eq!(lex.subject_pronoun("He"), Some(Pronoun::One));
        assert_eq!(lex.subject_pronoun("they"), Some(Pronoun::Joint));
        assert_eq!(lex.subject_pronoun("HE"), None);
        assert!(lex.joint_determiners.contains("Both") && !lex.joint_determiners.contains("BOTH"));
        assert!(
            lex.dotted_courtesy_titles.contains("Prof")
                && !lex.dotted_courtesy_titles.contains("Madam")
        );
        assert!(lex.honorifics.contains("Shri") && lex.name_abbreviations.contains("St"));
    }

    #[test]
    fn attendee_markers_are_keyed_by_a_rare_word() {
        let markers = &lexicon().attendee_markers;
        assert!(markers.starts.contains(&"took") && markers.starts.contains(&"others"));
        assert_eq!(markers.ends, ["accompanied"]);
        assert!(!markers.unkeyed);
        let found = |s: &str| markers.found_in(&s.split([' ', ',']).collect::<Vec<_>>(), s);
        assert!(found("A and B, among others, were present."));
        assert!(found("Also Present were A and B."));
        assert!(found("Cai Dongyu and others attended the talks."));
        assert!(found("The Minister, unaccompanied by aides, met B."));
        assert!(!found("The meeting was attended by A."));
        assert!(!found("A presented the plan."));
    }

    #[test]
    fn topic_only_phrases_are_found_through_their_covering_words() {
        let lex = lexicon();
        assert_eq!(
            lex.topic_only_keys,
            ["exchange", "about", "reviewed", "discussed"]
        );
        assert!(lex.is_topic_only("they had an in-depth exchange on trade."));
        assert!(!lex.is_topic_only("they exchanged gifts."));
    }
}
