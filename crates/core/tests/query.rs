//! The query engine over a corpus of the seed and the fictional fixtures: facet counts,
//! search operators, folding, sorting, date ranges, and property tests against a plain
//! scan of every statement (filters; phrases drawn from the texts of the seed, the fixtures
//! and generated readouts, word by word).

mod common;

use proptest::prelude::*;
use readouts_core::query::text::words;
use readouts_core::query::{Facet, Index, Query, Sort, PAGE_SIZE};
use readouts_core::{parse, Corpus};
use std::sync::OnceLock;

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

fn search(text: &str) -> usize {
    index()
        .search(&Query {
            text: text.into(),
            ..Query::default()
        })
        .total
}

/// Statements whose text contains `needle` (folded: lowercase ASCII here) as a word prefix.
fn scan(needle: &str) -> usize {
    (0..index().len() as u32)
        .filter(|&d| {
            let text = index().statement(d).1.text.to_lowercase();
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(needle))
        })
        .count()
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

/// The statements whose folded words contain `phrase`'s, in order and adjacent.
fn phrase_scan(index: &Index, phrase: &[String]) -> Vec<u32> {
    (0..index.len() as u32)
        .filter(|&d| {
            folded_words(index, d)
                .windows(phrase.len())
                .any(|w| w == phrase)
        })
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
        let text_ok = |d: u32| {
            let ws: Vec<String> = words(&index().statement(d).1.text).into_iter().map(|w| w.folded).collect();
            match word {
                "" => true,
                "-the" => !ws.iter().any(|w| w.starts_with("the")),
                "\"two sides\"" => ws.windows(2).any(|p| p[0] == "two" && p[1] == "sides"),
                prefix => ws.iter().any(|w| w.starts_with(prefix)),
            }
        };
        let expected: Vec<u32> = (0..index().len() as u32).filter(|&d| {
            let (r, s) = index().statement(d);
            let speakers: Vec<_> = s.speakers.iter().filter_map(|id| r.participant(id)).collect();
            let ok = |facet: Facet, values: Vec<String>| q.filters.get(&facet).is_none_or(|sel| values.iter().any(|v| sel.contains(v)));
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
