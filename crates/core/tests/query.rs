//! The query engine over a corpus of the seed and the fictional fixtures: facet counts,
//! search operators, folding, sorting, date ranges, and property tests against a plain
//! scan of every statement (filters; phrases drawn from the texts of the seed, the fixtures
//! and generated readouts, word by word).

mod common;

use proptest::prelude::*;
use readouts_core::query::text::{parse_search, words, Term};
use readouts_core::query::{
    suggest, why_empty, Facet, Index, Part, Query, Sort, PAGE_SIZE, SUGGESTED, WORD_FIELDS,
};
use readouts_core::{parse, Corpus};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let readouts = common::readout_texts().iter().map(|t| parse(t)).collect();
        Index::new(Corpus::new(readouts))
    })
}

/// The seed and fixtures, then generated readouts: phrases that recur across statements.
fn mixed_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut texts = common::readout_texts();
        texts.extend(readouts_synth::corpus(60, 3).into_iter().map(|(_, t)| t));
        Index::new(Corpus::new(texts.iter().map(|t| parse(t)).collect()))
    })
}

/// The folded words of statement `doc`.
fn folded_words(index: &Index, doc: u32) -> Vec<String> {
    words(&index.statement(doc).1.text)
        .into_iter()
        .map(|w| w.folded)
        .collect()
}

/// The names of statement `doc`'s values of `facet`, read from the corpus, not the index:
/// a speaker's every name and alias in the corpus, their countries and roles, the topics, the
/// verb, the kind's label, the readout's title with its date.
fn field_names(index: &Index, doc: u32, facet: Facet) -> Vec<String> {
    let (r, s) = index.statement(doc);
    let speakers = || s.speakers.iter().filter_map(|id| r.participant(id));
    match facet {
        Facet::Speaker => speakers()
            .flat_map(|p| speaker_names(index)[&p.id].clone())
            .collect(),
        Facet::Country => speakers().filter_map(|p| p.country.clone()).collect(),
        Facet::Role => speakers().map(|p| p.role.as_str().to_string()).collect(),
        Facet::Verb => vec![s.verb.to_lowercase()],
        Facet::Topic => s.topics.iter().map(|t| t.to_string()).collect(),
        Facet::Kind => vec![r.event.kind.label().to_string()],
        Facet::Readout => vec![match r.event.date.as_ref().or(r.published.as_ref()) {
            Some(d) => format!("{} ({d})", r.title),
            None => r.title.clone(),
        }],
        Facet::Source if index.is_imported(r) => vec!["Imported".to_string()],
        Facet::Source => vec!["Bundled".to_string()],
    }
}

/// Every name and alias of each participant id in the corpus (made once per index).
fn speaker_names(index: &Index) -> &'static HashMap<String, Vec<String>> {
    type Names = HashMap<String, Vec<String>>;
    static MADE: Mutex<Vec<(usize, &'static Names)>> = Mutex::new(Vec::new());
    let key = index as *const Index as usize;
    let mut made = MADE.lock().unwrap();
    if let Some(&(_, names)) = made.iter().find(|(k, _)| *k == key) {
        return names;
    }
    let mut names: Names = HashMap::new();
    for p in index.corpus().readouts.iter().flat_map(|r| &r.participants) {
        let list = names.entry(p.id.clone()).or_default();
        list.push(p.name.clone());
        list.extend(p.aliases.iter().cloned());
    }
    let names: &'static Names = Box::leak(Box::new(names));
    made.push((key, names));
    names
}

/// Whether folded `words` hold `term` (a word by prefix, a phrase whole and in order).
fn holds(words: &[String], term: &Term) -> bool {
    match term {
        Term::Word(prefix) => words.iter().any(|w| w.starts_with(prefix.as_str())),
        Term::Phrase(phrase) => words.windows(phrase.len()).any(|w| w == &phrase[..]),
        Term::In(..) => false,
    }
}

/// Whether statement `doc` matches `term`, by reading it: a plain term in its text or in a
/// name of its speakers, countries or topics; a qualified one in its facet's names only.
fn scan_term(index: &Index, doc: u32, term: &Term) -> bool {
    let in_field = |facet: Facet, term: &Term| {
        field_names(index, doc, facet).iter().any(|name| {
            let ws: Vec<String> = words(name).into_iter().map(|w| w.folded).collect();
            holds(&ws, term)
        })
    };
    match term {
        Term::In(facet, inner) => in_field(*facet, inner),
        _ => {
            holds(&folded_words(index, doc), term) || WORD_FIELDS.iter().any(|&f| in_field(f, term))
        }
    }
}

/// The statements a search text finds, by a scan of every statement (the clauses read by
/// the engine's parser, each checked by [`scan_term`]).
fn scan_search(index: &Index, text: &str) -> Vec<u32> {
    let clauses = parse_search(text);
    (0..index.len() as u32)
        .filter(|&d| {
            clauses
                .iter()
                .all(|c| c.any_of.iter().any(|t| scan_term(index, d, t)) != c.negated)
        })
        .collect()
}

fn search(text: &str) -> usize {
    index()
        .search(&Query {
            text: text.into(),
            ..Query::default()
        })
        .total
}

/// Statements whose text, speakers, countries or topics contain `needle` (folded: lowercase
/// ASCII here) as a word prefix.
fn scan(needle: &str) -> usize {
    scan_search(index(), needle).len()
}

#[test]
fn an_empty_query_finds_everything_and_counts_every_value() {
    let results = index().search(&Query::default());
    assert_eq!(results.total, index().len());
    assert_eq!(results.page.len(), PAGE_SIZE.min(index().len()));
    let speakers = results
        .facets
        .iter()
        .find(|f| f.facet == Facet::Speaker)
        .unwrap();
    let xi = speakers
        .values
        .iter()
        .find(|v| index().value(Facet::Speaker, v.id) == "xi-jinping")
        .unwrap();
    assert_eq!(xi.count, 8);
    assert_eq!(index().label(Facet::Speaker, xi.id), "Xi Jinping");
}

#[test]
fn facet_counts_say_what_toggling_would_give() {
    let q = Query::default().toggled(Facet::Speaker, "xi-jinping");
    let results = index().search(&q);
    assert_eq!(results.total, 8);
    let speakers = results
        .facets
        .iter()
        .find(|f| f.facet == Facet::Speaker)
        .unwrap();
    // Counts within the selected facet ignore its own selection: Putin still shows 6.
    let putin = speakers
        .values
        .iter()
        .find(|v| index().value(Facet::Speaker, v.id) == "vladimir-putin")
        .unwrap();
    assert_eq!((putin.count, putin.selected), (6, false));
    // Other facets are counted within the results.
    let verbs = results
        .facets
        .iter()
        .find(|f| f.facet == Facet::Verb)
        .unwrap();
    let total: u32 = verbs.values.iter().map(|v| v.count).sum();
    assert_eq!(total, 8);
    // Two speakers: OR within a facet.
    let both = index().search(&q.toggled(Facet::Speaker, "vladimir-putin"));
    assert_eq!(both.total, 14);
}

#[test]
fn search_operators() {
    assert_eq!(search("sco"), scan("sco"));
    assert!(search("sco") > 0);
    // Prefix: "sanction" finds "sanctions".
    assert_eq!(search("sanction"), scan("sanction"));
    // A phrase needs the words in order.
    let phrase = search("\"rotating chair\"");
    assert!(phrase > 0 && phrase < search("rotating"));
    assert_eq!(search("\"chair rotating\""), 0);
    // Exclusion and OR.
    assert_eq!(
        search("china -russia"),
        search("china") - search("china russia")
    );
    let either = search("brics OR ukraine");
    assert_eq!(
        either,
        search("brics") + search("ukraine") - search("brics ukraine")
    );
    // Case and accents fold.
    assert_eq!(search("CHINA"), search("china"));
    assert_eq!(search("Ólafur"), search("olafur"));
}

#[test]
fn words_find_speakers_countries_and_topics() {
    // The seed's Putin speaks 6 statements; no statement's text names him.
    assert_eq!(search("Putin"), 6);
    assert_eq!(search("putin"), search("speaker:putin"));
    // An alias ("President Putin") is a name too; a phrase stays within one name.
    assert_eq!(search("\"president putin\""), 6);
    assert_eq!(search("\"putin president\""), 0);
    // Putin's statements on BRICS: BRICS in the text or among the topics.
    let expected = scan_search(index(), "putin brics");
    assert!(!expected.is_empty());
    assert_eq!(search("Putin BRICS"), expected.len());
    assert_eq!(search("speaker:putin BRICS"), expected.len());
    // A country: the statements of its speakers, and those whose text names it.
    assert!(search("country:russia") >= 6 && search("russia") >= search("country:russia"));
}

#[test]
fn qualifiers_look_in_their_field_only() {
    assert_eq!(search("speaker:\"vladimir putin\""), 6);
    assert_eq!(search("speaker:vladimir-putin"), 6);
    assert_eq!(search("SPEAKER:Put"), 6);
    assert_eq!(search("speaker:xi OR speaker:putin"), 14);
    assert_eq!(search("speaker:putin -speaker:putin"), 0);
    assert_eq!(search("-speaker:putin"), index().len() - 6);
    // BRICS names a topic, never a speaker.
    assert_eq!(search("speaker:brics"), 0);
    let thanked = (0..index().len() as u32)
        .filter(|&d| index().statement(d).1.verb == "thanked")
        .count();
    assert_eq!(search("verb:thanked"), thanked);
    assert_eq!(search("verb:thank"), search("verb:thanked"));
    // No value asks nothing; an unknown field is text.
    assert_eq!(search("speaker:"), index().len());
    assert_eq!(search("colour:putin"), 0);
    assert_eq!(
        search("topic:\"global south\""),
        scan_search(index(), "topic:\"global south\"").len()
    );
}

fn text(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

#[test]
fn suggestions_name_speakers_and_topics_with_exact_counts() {
    let found = suggest(index(), &text("Pu"), 8);
    let putin = found
        .iter()
        .find(|s| s.facet == Facet::Speaker && s.value == "vladimir-putin")
        .unwrap();
    assert_eq!((putin.label.as_str(), putin.count), ("Vladimir Putin", 6));
    let chosen = putin.apply(&text("Pu"));
    assert_eq!(chosen.text, "");
    assert!(chosen.is_selected(Facet::Speaker, "vladimir-putin"));
    assert_eq!(index().search(&chosen).total, 6);
    // Within the words before it: Putin's statements on BRICS.
    let q = text("brics Putin");
    let putin = suggest(index(), &q, 8)
        .into_iter()
        .find(|s| s.value == "vladimir-putin")
        .unwrap();
    assert_eq!(putin.count as usize, index().search(&putin.apply(&q)).total);
    assert_eq!(putin.apply(&q).text, "brics");
    // A topic, and a qualifier's values with nothing typed after its colon.
    assert!(suggest(index(), &text("BRI"), 8)
        .iter()
        .any(|s| s.facet == Facet::Topic && s.value == "BRICS"));
    let topics = suggest(index(), &text("topic:"), 100);
    assert!(!topics.is_empty() && topics.iter().all(|s| s.facet == Facet::Topic));
    assert!(topics.windows(2).all(|w| w[0].count >= w[1].count));
    // Nothing for a finished word, an exclusion, or a selected value.
    assert!(suggest(index(), &text("Pu "), 8).is_empty());
    assert!(suggest(index(), &text("-Pu"), 8).is_empty());
    let selected = text("Putin").toggled(Facet::Speaker, "vladimir-putin");
    assert!(!suggest(index(), &selected, 8)
        .iter()
        .any(|s| s.value == "vladimir-putin"));
}

#[test]
fn an_empty_result_says_what_emptied_it() {
    assert!(why_empty(index(), &text("Putin")).is_none());
    let why = why_empty(index(), &text("Putin zqxw")).unwrap();
    assert_eq!(
        why.parts,
        vec![
            (Part::Words("Putin".into()), 6),
            (Part::Words("zqxw".into()), 0)
        ]
    );
    assert_eq!(why.removed, vec![1]);
    assert_eq!((why.relaxed.text.as_str(), why.results.total), ("Putin", 6));
    assert!(!why.reversed_dates);
    // A misspelt name: the nearest speaker.
    let why = why_empty(index(), &text("Puttin")).unwrap();
    let nearest: Vec<&str> = why
        .nearest
        .iter()
        .map(|&(f, id)| index().value(f, id))
        .collect();
    assert_eq!(nearest.first(), Some(&"vladimir-putin"));
    // Two filters that exclude each other: one goes, the one keeping more stays.
    let q = text("speaker:putin").toggled(Facet::Speaker, "xi-jinping");
    let why = why_empty(index(), &q).unwrap();
    assert_eq!(why.removed.len(), 1);
    assert_eq!(why.results.total, 8, "Xi's 8 kept over Putin's 6");
    // A reversed range is swapped back.
    let reversed = Query {
        from: Some("2024-07-31".into()),
        to: Some("2024-07-01".into()),
        ..Query::default()
    };
    let why = why_empty(index(), &reversed).unwrap();
    assert!(why.reversed_dates && why.removed.is_empty());
    assert_eq!(why.relaxed.from.as_deref(), Some("2024-07-01"));
    assert_eq!(why.results.total, 14);
}

#[test]
fn highlights_are_spans_of_the_original_text() {
    let text = "Ólafur stressed the \"Global South\" and global trade.";
    let ranges = Index::highlights(text, "olaf \"global south\" -trade");
    let marked: Vec<&str> = ranges.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(marked, vec!["Ólafur", "Global South"]);
}

#[test]
fn sort_orders_and_date_ranges() {
    let newest = index().search(&Query {
        sort: Sort::Newest,
        ..Query::default()
    });
    let oldest = index().search(&Query {
        sort: Sort::Oldest,
        ..Query::default()
    });
    let date = |d: u32| {
        let r = index().statement(d).0;
        r.event.date.clone().or(r.published.clone())
    };
    let dates: Vec<_> = newest
        .page
        .iter()
        .map(|&d| date(d))
        .filter(Option::is_some)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let dates: Vec<_> = oldest
        .page
        .iter()
        .map(|&d| date(d))
        .filter(Option::is_some)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let in_order = index().search(&Query {
        sort: Sort::Readout,
        ..Query::default()
    });
    assert!(in_order.page.windows(2).all(|w| w[0] < w[1]));

    let july_2024 = Query {
        from: Some("2024-07-01".into()),
        to: Some("2024-07-31".into()),
        ..Query::default()
    };
    assert_eq!(index().search(&july_2024).total, 14);
}

#[test]
fn permalinks_and_people() {
    let doc = index()
        .find_statement("2024-07-03-xi-jinping-vladimir-putin-s8")
        .unwrap();
    assert_eq!(index().statement(doc).1.verb, "thanked");
    let xi = index().person("xi-jinping").unwrap();
    assert_eq!((xi.name.as_str(), xi.statements), ("Xi Jinping", 8));
    assert_eq!(xi.met[0].0, "vladimir-putin");
    assert!(xi.topics.iter().any(|(t, _)| t == "BRICS"));
    assert!(index().person("nobody").is_none());
}

/// Every participant's topics and people met, against counting in ordered maps (the plain
/// way): same counts, most first, ties alphabetical, a leader named as their first readout
/// names them.
#[test]
fn people_summaries_count_like_ordered_maps() {
    use readouts_core::Role;
    use std::collections::BTreeMap;
    let index = mixed_index();
    let corpus = index.corpus();
    let ids: std::collections::BTreeSet<&str> = corpus
        .readouts
        .iter()
        .flat_map(|r| r.participants.iter().map(|p| p.id.as_str()))
        .collect();
    assert!(ids.len() > 20, "{}", ids.len());
    for id in ids {
        let (mut topics, mut met) = (BTreeMap::<String, usize>::new(), BTreeMap::new());
        for readout in corpus
            .readouts
            .iter()
            .filter(|r| r.participant(id).is_some())
        {
            for statement in readout.statements.iter() {
                if statement.speakers.iter().any(|s| s == id) {
                    for topic in &statement.topics {
                        *topics.entry(topic.to_string()).or_default() += 1;
                    }
                }
            }
            for other in readout.participants.iter() {
                if other.id != id && other.role != Role::Attendee {
                    met.entry(other.id.clone())
                        .or_insert_with(|| (other.name.clone(), 0))
                        .1 += 1;
                }
            }
        }
        // Most first, stably: ties stay in the maps' (alphabetical) order.
        let mut topics: Vec<(String, usize)> = topics.into_iter().collect();
        topics.sort_by_key(|t| std::cmp::Reverse(t.1));
        let mut met: Vec<(String, String, usize)> = met
            .into_iter()
            .map(|(id, (name, n))| (id, name, n))
            .collect();
        met.sort_by_key(|m| std::cmp::Reverse(m.2));
        let person = index.person(id).unwrap();
        assert_eq!(person.topics, topics, "{id}");
        assert_eq!(person.met, met, "{id}");
    }
}

#[test]
fn phrases_match_whole_words_in_order_within_one_statement() {
    assert_eq!(search("\"rotating chair\""), search("\"Rotating, chair!\""));
    // A one-word phrase is the whole word, where the plain word is a prefix.
    assert!(search("\"sanction\"") < search("sanction"));
    // The last word of one statement and the first of the next are no phrase.
    let ix = index();
    let (last, first) = (0..ix.len() as u32 - 1)
        .find_map(|d| {
            let a = folded_words(ix, d);
            let b = folded_words(ix, d + 1);
            Some((a.last()?.clone(), b.first()?.clone()))
        })
        .unwrap();
    let across = format!("\"{last} {first}\"");
    let expected = (0..ix.len() as u32)
        .filter(|&d| {
            folded_words(ix, d)
                .windows(2)
                .any(|w| w[0] == last && w[1] == first)
        })
        .count();
    assert_eq!(search(&across), expected);
}

/// The statements whose folded words contain `phrase`'s, in order and adjacent (in the text
/// or in one name of a speaker, country or topic).
fn phrase_scan(index: &Index, phrase: &[String]) -> Vec<u32> {
    let term = Term::Phrase(phrase.to_vec());
    (0..index.len() as u32)
        .filter(|&d| scan_term(index, d, &term))
        .collect()
}

/// A phrase of the corpus: the original text of `len` words of a statement from its
/// `at`-th word (case, accents and punctuation as written), and its folded words.
fn phrase_at(
    index: &Index,
    doc: prop::sample::Index,
    at: prop::sample::Index,
    len: usize,
) -> Option<(String, Vec<String>)> {
    let text = &index.statement(doc.index(index.len()) as u32).1.text;
    let ws = words(text);
    if ws.is_empty() {
        return None;
    }
    let first = at.index(ws.len());
    let last = (first + len).min(ws.len()) - 1;
    let raw = &text[ws[first].start..ws[last].end];
    let folded = ws[first..=last].iter().map(|w| w.folded.clone()).collect();
    (!raw.contains(['"', '“', '”', '„'])).then(|| (raw.to_string(), folded))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A phrase drawn from the corpus (or two, joined by OR, or excluded) finds exactly the
    /// statements a scan of every statement's words finds.
    #[test]
    fn phrases_find_what_a_scan_finds(docs in prop::array::uniform2(any::<prop::sample::Index>()),
                                      ats in prop::array::uniform2(any::<prop::sample::Index>()),
                                      lens in prop::array::uniform2(1usize..5), how in 0usize..4) {
        let ix = mixed_index();
        let (Some((raw_a, a)), Some((raw_b, mut b))) = (phrase_at(ix, docs[0], ats[0], lens[0]), phrase_at(ix, docs[1], ats[1], lens[1])) else {
            return Ok(());
        };
        // The second phrase glued to the first's last word: mostly absent, at times not.
        if how == 3 {
            b.insert(0, a[a.len() - 1].clone());
        }
        let found_a = phrase_scan(ix, &a);
        let found_b = phrase_scan(ix, &b);
        let (text, expected): (String, Vec<u32>) = match how {
            0 => (format!("\"{raw_a}\""), found_a),
            1 => (format!("\"{raw_a}\" OR \"{raw_b}\""), (0..ix.len() as u32).filter(|d| found_a.contains(d) || found_b.contains(d)).collect()),
            2 => (format!("\"{raw_a}\" -\"{raw_b}\""), found_a.into_iter().filter(|d| !found_b.contains(d)).collect()),
            _ => (format!("\"{} {}\"", a[a.len() - 1], raw_b), found_b),
        };
        let results = ix.search(&Query { text: text.clone(), sort: Sort::Readout, ..Query::default() });
        prop_assert_eq!(results.total, expected.len(), "{}", text);
        prop_assert_eq!(&results.page[..], &expected[..expected.len().min(PAGE_SIZE)], "{}", text);
    }

    /// Words and qualifiers made from a statement's own names (a speaker's name or alias, a
    /// country, a topic, a verb, a kind, a readout's title), cut to a prefix or quoted whole,
    /// alone, excluded, joined by OR or beside a word of its text, find exactly the
    /// statements a scan finds.
    #[test]
    fn qualifiers_and_names_find_what_a_scan_finds(doc in any::<prop::sample::Index>(), facet in 0usize..7,
                                                   picks in prop::array::uniform3(any::<prop::sample::Index>()),
                                                   cut in 1usize..8, how in 0usize..6) {
        let ix = mixed_index();
        let d = doc.index(ix.len()) as u32;
        let facet = Facet::ALL[facet];
        let names = field_names(ix, d, facet);
        let text_words = folded_words(ix, d);
        if names.is_empty() || text_words.is_empty() {
            return Ok(());
        }
        let name = &names[picks[0].index(names.len())];
        let ws: Vec<String> = words(name).into_iter().map(|w| w.folded).collect();
        if ws.is_empty() || name.contains(['"', '“', '”', '„']) {
            return Ok(());
        }
        let word = &ws[picks[1].index(ws.len())];
        let prefix: String = word.chars().take(cut).collect();
        let key = facet.key();
        let text = match how {
            0 => prefix.clone(),
            1 => format!("{key}:{prefix}"),
            2 => format!("{key}:\"{name}\""),
            3 => format!("-{key}:{prefix}"),
            4 => format!("{prefix} {}", text_words[picks[2].index(text_words.len())]),
            _ => format!("{key}:{prefix} OR {}", text_words[picks[2].index(text_words.len())]),
        };
        let expected = scan_search(ix, &text);
        // Plain words look in the text and in WORD_FIELDS only.
        let plain = how == 0 || how == 4;
        if how != 3 && (!plain || WORD_FIELDS.contains(&facet)) {
            prop_assert!(expected.contains(&d), "{} should find its own statement", text);
        }
        let results = ix.search(&Query { text: text.clone(), sort: Sort::Readout, ..Query::default() });
        prop_assert_eq!(results.total, expected.len(), "{}", text);
        prop_assert_eq!(&results.page[..], &expected[..expected.len().min(PAGE_SIZE)], "{}", text);
    }

    /// Every suggestion's count is the number of results its choice gives, and every value of
    /// the suggested facets with a name word starting with the typed word, and a result, is
    /// offered, most results first.
    #[test]
    fn suggestions_count_what_choosing_them_gives(doc in any::<prop::sample::Index>(), facet in 0usize..4,
                                                  picks in prop::array::uniform2(any::<prop::sample::Index>()),
                                                  cut in 1usize..5, before in prop::sample::select(vec!["", "the ", "china ", "speaker:xi ", "-the "]),
                                                  filter in prop::option::of(0usize..4)) {
        let ix = mixed_index();
        let d = doc.index(ix.len()) as u32;
        let names = field_names(ix, d, SUGGESTED[facet]);
        let Some(name) = names.get(picks[0].index(names.len().max(1))) else { return Ok(()) };
        let ws: Vec<String> = words(name).into_iter().map(|w| w.folded).collect();
        let Some(word) = ws.get(picks[1].index(ws.len().max(1))) else { return Ok(()) };
        let prefix: String = word.chars().take(cut).collect();
        let mut q = text(&format!("{before}{prefix}"));
        if let Some(f) = filter {
            // A selection in one of the facets: Xi's, or the statement's own value.
            let facet = SUGGESTED[f];
            let value = match facet {
                Facet::Speaker => "xi-jinping".to_string(),
                _ => ix.value(facet, 0).to_string(),
            };
            q = q.toggled(facet, &value);
        }
        let found = suggest(ix, &q, usize::MAX);
        for s in &found {
            prop_assert!(s.count > 0 && !q.is_selected(s.facet, &s.value));
            prop_assert_eq!(s.count as usize, ix.search(&s.apply(&q)).total, "{:?} {:?}", q, s);
        }
        prop_assert!(found.windows(2).all(|w| w[0].count >= w[1].count));
        // Completeness: the values whose names start a word with the prefix (scanned).
        let rest = Query { text: before.trim_end().to_string(), ..q.clone() };
        for &facet in &SUGGESTED {
            for id in 0..ix.value_count(facet) as u32 {
                let value = ix.value(facet, id);
                let names: Vec<String> = match facet {
                    Facet::Speaker => speaker_names(ix)[value].clone(),
                    _ => vec![ix.label(facet, id).to_string()],
                };
                let named = names.iter().any(|n| words(n).iter().any(|w| w.folded.starts_with(&prefix)));
                let offered = found.iter().any(|s| s.facet == facet && s.value == value);
                if !named || q.is_selected(facet, value) {
                    prop_assert!(!offered, "{} offered for {:?}", value, prefix);
                    continue;
                }
                let mut chosen = rest.clone();
                chosen.filters.insert(facet, value.to_string());
                prop_assert_eq!(offered, ix.search(&chosen).total > 0, "{} for {:?}", value, q);
            }
        }
    }

    /// A query that finds nothing gets a relaxed query that finds something, by removing the
    /// fewest parts (no smaller removal finds anything), each part counted alone as a scan
    /// counts it.
    #[test]
    fn an_empty_result_is_relaxed_minimally(words_in in prop::collection::vec(prop::sample::select(vec!["china", "trade", "zqxw", "-the", "speaker:xi", "topic:brics", "verb:stress", "\"two sides\"", "president"]), 1..4),
                                            picks in prop::collection::vec((0usize..7, any::<prop::sample::Index>()), 0..3),
                                            from in prop::option::of(2024i32..2034)) {
        let ix = index();
        let all = ix.search(&Query::default());
        let mut q = Query { text: words_in.join(" "), from: from.map(|y| format!("{y}-01-01")), ..Query::default() };
        for (f, pick) in picks {
            let counts = &all.facets[f];
            if counts.values.is_empty() { continue; }
            let v = counts.values[pick.index(counts.values.len())].id;
            q = q.toggled(counts.facet, ix.value(counts.facet, v));
        }
        let Some(why) = why_empty(ix, &q) else {
            prop_assert!(ix.search(&q).total > 0);
            return Ok(());
        };
        prop_assert_eq!(ix.search(&q).total, 0);
        prop_assert!(why.results.total > 0, "{:?}", q);
        prop_assert_eq!(why.results.total, ix.search(&why.relaxed).total);
        for (part, count) in &why.parts {
            if let Part::Words(clause) = part {
                prop_assert_eq!(*count, scan_search(ix, clause).len(), "{}", clause);
            }
        }
        // No removal of fewer parts finds anything: each single part, if two were removed.
        if why.removed.len() == 2 {
            for (i, (part, _)) in why.parts.iter().enumerate() {
                let mut fewer = q.clone();
                match part {
                    Part::Words(clause) => fewer.text = q.text.replacen(clause.as_str(), "", 1),
                    Part::Filter(facet) => fewer.filters.clear(*facet),
                    Part::Dates => fewer.from = None,
                }
                prop_assert_eq!(ix.search(&fewer).total, 0, "removing {} alone finds some", i);
            }
        }
    }

    /// Every result satisfies every selected filter, and nothing that would is left out.
    #[test]
    fn results_satisfy_every_filter(picks in prop::collection::vec((0usize..7, any::<prop::sample::Index>()), 0..4),
                                    word in prop::sample::select(vec!["", "china", "trade", "the", "ag", "\"two sides\"", "-the"]),
                                    from in prop::option::of(2024i32..2034), sort in 0usize..3) {
        let all = index().search(&Query::default());
        let mut q = Query { text: word.to_string(), from: from.map(|y| format!("{y}-01-01")), ..Query::default() };
        q.sort = [Sort::Newest, Sort::Oldest, Sort::Readout][sort];
        for (f, pick) in picks {
            let counts = &all.facets[f];
            if counts.values.is_empty() { continue; }
            let v = counts.values[pick.index(counts.values.len())].id;
            q = q.toggled(counts.facet, index().value(counts.facet, v));
        }
        // The text condition, checked naively on each statement's folded words.
        let matched = scan_search(index(), word);
        let text_ok = |d: u32| matched.contains(&d);
        let expected: Vec<u32> = (0..index().len() as u32).filter(|&d| {
            let (r, s) = index().statement(d);
            let speakers: Vec<_> = s.speakers.iter().filter_map(|id| r.participant(id)).collect();
            let ok = |facet: Facet, values: Vec<String>| { let sel = q.filters.get(facet); sel.is_empty() || values.iter().any(|v| sel.contains(v)) };
            let date = r.event.date.clone().or(r.published.clone());
            ok(Facet::Speaker, s.speakers.to_vec())
                && ok(Facet::Country, speakers.iter().filter_map(|p| p.country.clone()).collect())
                && ok(Facet::Role, speakers.iter().map(|p| p.role.as_str().to_string()).collect())
                && ok(Facet::Verb, vec![s.verb.to_lowercase()])
                && ok(Facet::Topic, s.topics.iter().map(|t| t.to_string()).collect())
                && ok(Facet::Kind, vec![r.event.kind.as_str().to_string()])
                && ok(Facet::Readout, vec![r.id.clone()])
                && q.from.as_ref().is_none_or(|f| date.as_ref().is_some_and(|d| d >= f))
                && text_ok(d)
        }).collect();
        let results = index().search(&q);
        prop_assert_eq!(results.total, expected.len());
        // The page: the first of the matches in the order asked for, dated ones by date
        // (undated last), ties in corpus order.
        let mut in_order = expected;
        let date = |d: u32| { let r = index().statement(d).0; r.event.date.clone().or(r.published.clone()) };
        match q.sort {
            Sort::Readout => {}
            Sort::Oldest => in_order.sort_by_key(|&d| (date(d).is_none(), date(d))),
            Sort::Newest => in_order.sort_by_key(|&d| (date(d).is_none(), std::cmp::Reverse(date(d)))),
        }
        in_order.truncate(PAGE_SIZE);
        prop_assert_eq!(results.page, in_order);
    }
}
