//! The corpus's lists: every participant (`/p/`: name, title, country, statements and
//! readouts, sortable, narrowed by a find box) and every readout by date (`/r/`: narrowed by
//! kind, publisher and participants' country, with the count of each choice). Their state is
//! a few query-string parameters ([`PeopleView`], [`ReadoutView`]), so a URL reproduces a list.
//!
//! Orders come from the engine's one sort (`order`, `order_by_text`), not maps or `sort_by`
//! closures: the app runs this code (see `order.rs`).

use super::index::Index;
use super::order::{arrange, order_by_text, sorted_by_key};
use super::push_encoded;
use super::url::query_pairs;
use super::Facet;
use crate::date::Date;
use crate::fold::fold;
use crate::model::{EventKind, Readout};

/// One participant across the corpus, as the list of people shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    /// The participant id (`/p/<id>`).
    pub id: String,
    /// The name in the first readout that lists them.
    pub name: String,
    /// The first title and country any of their readouts gives.
    pub title: Option<String>,
    pub country: Option<String>,
    /// Their statements (a joint statement counts for each speaker) and readouts.
    pub statements: usize,
    pub readouts: usize,
    /// Folded name, other names, title and country: what the find box looks in.
    words: String,
}

impl PersonRow {
    /// Whether every word of `find` (folded) is in the row's names, title or country.
    pub fn matches(&self, find: &str) -> bool {
        fold(find)
            .split_whitespace()
            .all(|word| self.words.contains(word))
    }
}

/// The orders of the list of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeopleSort {
    /// Most statements first (then by name): the default.
    #[default]
    Statements,
    /// Most readouts first, then by name.
    Readouts,
    /// By name, A to Z (accents and case folded).
    Name,
    /// By country, A to Z, then by name; people without a country last.
    Country,
}

impl PeopleSort {
    pub const ALL: [PeopleSort; 4] = [
        PeopleSort::Statements,
        PeopleSort::Readouts,
        PeopleSort::Name,
        PeopleSort::Country,
    ];

    /// The URL value (`sort=`).
    pub fn key(self) -> &'static str {
        match self {
            PeopleSort::Statements => "statements",
            PeopleSort::Readouts => "readouts",
            PeopleSort::Name => "name",
            PeopleSort::Country => "country",
        }
    }

    /// The label of the sort control's option.
    pub fn label(self) -> &'static str {
        match self {
            PeopleSort::Statements => "Most statements",
            PeopleSort::Readouts => "Most readouts",
            PeopleSort::Name => "Name",
            PeopleSort::Country => "Country",
        }
    }

    pub fn from_key(key: &str) -> Option<PeopleSort> {
        PeopleSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The list of people as the URL asks for it: `sort=` and `find=`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeopleView {
    pub sort: PeopleSort,
    pub find: String,
}

impl PeopleView {
    /// Reads `sort` and `find` from a query string (others ignored, an unknown sort is the
    /// default).
    pub fn from_query_string(query: &str) -> PeopleView {
        let mut view = PeopleView::default();
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "sort" => view.sort = PeopleSort::from_key(&value).unwrap_or_default(),
                "find" => view.find = value,
                _ => {}
            }
        }
        view
    }

    /// The query string (without `?`), empty for the default view.
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        if self.sort != PeopleSort::default() {
            push_pair(&mut out, "sort", self.sort.key());
        }
        if !self.find.trim().is_empty() {
            push_pair(&mut out, "find", &self.find);
        }
        out
    }
}

/// `query` (a query string without `?`) with `key` set to `value` in place (added at the end
/// if absent; removed where `value` is empty), the other pairs kept in order: what a list's
/// control writes to the address.
pub fn with_param(query: &str, key: &str, value: &str) -> String {
    let mut out = String::new();
    let mut set = value.is_empty();
    for (k, v) in query_pairs(query) {
        if k != key {
            push_pair(&mut out, &k, &v);
        } else if !set {
            push_pair(&mut out, key, value);
            set = true;
        }
    }
    if !set {
        push_pair(&mut out, key, value);
    }
    out
}

/// `key=value` after a `&` unless first, the value percent-encoded.
fn push_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(key);
    out.push('=');
    push_encoded(out, value, "+");
}

impl Index {
    /// Every participant of the corpus once (by id), by name A to Z, with their statements
    /// as the speaker facet counts them: [`people`] on the index's corpus.
    pub fn people(&self) -> Vec<PersonRow> {
        people(&self.corpus().readouts, |id| {
            self.value_id(Facet::Speaker, id)
                .map_or(0, |v| self.total(Facet::Speaker, v) as usize)
        })
    }
}

/// Every participant of `readouts` once (by id), by name A to Z, each with the number of
/// statements `statements` gives for their id (the speaker facet's count, where a joint
/// statement counts for each speaker); see [`people_in`] for the order and the find box.
/// It reads only the readouts' participants, so it works on an outline of the corpus
/// ([`outline_json`](crate::export::outline_json)) with the counts handed over with it.
pub fn people(readouts: &[Readout], statements: impl Fn(&str) -> usize) -> Vec<PersonRow> {
    // Every (id, readout) listing, grouped by id with the one text sort.
    let listings: Vec<(&Readout, usize)> = readouts
        .iter()
        .flat_map(|r| (0..r.participants.len()).map(move |p| (r, p)))
        .collect();
    let ids: Vec<String> = listings
        .iter()
        .map(|&(r, p)| r.participants[p].id.clone())
        .collect();
    let by_id = order_by_text(&ids);
    let mut rows: Vec<PersonRow> = Vec::new();
    let mut last: Option<&str> = None;
    // Within an id, listings stay in corpus order (the sort is stable): the first readout
    // names them.
    for &at in &by_id {
        let (readout, p) = listings[at as usize];
        let person = &readout.participants[p];
        if last != Some(person.id.as_str()) {
            last = Some(&person.id);
            rows.push(PersonRow {
                id: person.id.clone(),
                name: person.name.clone(),
                title: None,
                country: None,
                statements: statements(&person.id),
                readouts: 0,
                words: String::new(),
            });
        }
        let Some(row) = rows.last_mut() else { continue };
        row.readouts += 1;
        let known = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
        row.title = row.title.take().or_else(|| known(&person.title));
        row.country = row.country.take().or_else(|| known(&person.country));
        for word in std::iter::once(&person.name)
            .chain(&person.aliases)
            .chain(&person.title)
            .chain(&person.country)
        {
            row.words.push_str(&fold(word));
            row.words.push(' ');
        }
    }
    let names: Vec<String> = rows.iter().map(|r| fold(&r.name)).collect();
    let order = order_by_text(&names);
    arrange(rows, &order)
}

/// The rows of `people` (as [`Index::people`] gives them) that `view` finds, in its order.
pub fn people_in(people: &[PersonRow], view: &PeopleView) -> Vec<PersonRow> {
    let found: Vec<PersonRow> = people
        .iter()
        .filter(|p| p.matches(&view.find))
        .cloned()
        .collect();
    // Stable sorts over the name order: ties stay by name.
    match view.sort {
        PeopleSort::Name => found,
        PeopleSort::Statements => sorted_by_key(found, |p| u64::MAX - p.statements as u64),
        PeopleSort::Readouts => sorted_by_key(found, |p| u64::MAX - p.readouts as u64),
        PeopleSort::Country => {
            // No country sorts after every country ("\u{10FFFF}" is past any text).
            let countries: Vec<String> = found
                .iter()
                .map(|p| p.country.as_deref().map_or("\u{10FFFF}".to_string(), fold))
                .collect();
            let order = order_by_text(&countries);
            arrange(found, &order)
        }
    }
}

/// The list of readouts as the URL asks for it: `kind=`, `publisher=`, `country=` (each one
/// value; none is every readout).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadoutView {
    pub kind: Option<EventKind>,
    pub publisher: Option<String>,
    pub country: Option<String>,
}

impl ReadoutView {
    pub fn from_query_string(query: &str) -> ReadoutView {
        let mut view = ReadoutView::default();
        for (key, value) in query_pairs(query) {
            let value = Some(value).filter(|v| !v.is_empty());
            match key.as_str() {
                "kind" => {
                    view.kind =
                        value.and_then(|v| EventKind::ALL.into_iter().find(|k| k.as_str() == v))
                }
                "publisher" => view.publisher = value,
                "country" => view.country = value,
                _ => {}
            }
        }
        view
    }

    /// The query string (without `?`), empty for every readout.
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        if let Some(kind) = self.kind {
            push_pair(&mut out, "kind", kind.as_str());
        }
        if let Some(publisher) = &self.publisher {
            push_pair(&mut out, "publisher", publisher);
        }
        if let Some(country) = &self.country {
            push_pair(&mut out, "country", country);
        }
        out
    }
}

/// The readouts a [`ReadoutView`] shows, and the choices of each filter with the number of
/// readouts each would show (counted with the other two filters applied, as facets are).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadoutList {
    /// Positions in the corpus's readouts, newest first (by the event's date, else the
    /// publication's; undated readouts last, in corpus order).
    pub readouts: Vec<u32>,
    /// `(kind, readouts)` for each kind the corpus has, in [`EventKind::ALL`]'s order.
    pub kinds: Vec<(EventKind, usize)>,
    /// `(publisher, readouts)` and `(country, readouts)`, A to Z.
    pub publishers: Vec<(String, usize)>,
    pub countries: Vec<(String, usize)>,
}

/// The date a readout is listed under: the event's, else the publication's.
pub fn readout_date(readout: &Readout) -> Option<&str> {
    readout
        .event
        .date
        .as_deref()
        .or(readout.published.as_deref())
}

/// The countries of a readout's participants, each once, in order of first mention.
fn countries(readout: &Readout) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for country in readout
        .participants
        .iter()
        .filter_map(|p| p.country.as_deref())
    {
        if !country.trim().is_empty() && !out.contains(&country) {
            out.push(country);
        }
    }
    out
}

/// The readouts of `view` among `readouts` (a corpus's), newest first, with every filter's
/// choices and counts. It reads no statement: an outline of the corpus will do.
pub fn readout_list(readouts: &[Readout], view: &ReadoutView) -> ReadoutList {
    let keep = |r: &Readout, skip: usize| {
        (skip == 0 || view.kind.is_none_or(|k| r.event.kind == k))
            && (skip == 1
                || view
                    .publisher
                    .as_deref()
                    .is_none_or(|p| r.source.publisher.as_deref() == Some(p)))
            && (skip == 2
                || view
                    .country
                    .as_deref()
                    .is_none_or(|c| countries(r).contains(&c)))
    };
    let mut kinds: Vec<(EventKind, usize)> = EventKind::ALL.iter().map(|&k| (k, 0)).collect();
    let (mut publishers, mut in_country) = (Vec::new(), Vec::new());
    let mut shown = Vec::new();
    for (i, r) in readouts.iter().enumerate() {
        if keep(r, 0) {
            if let Some(k) = kinds.iter_mut().find(|(k, _)| *k == r.event.kind) {
                k.1 += 1;
            }
        }
        if keep(r, 1) {
            publishers.extend(r.source.publisher.clone().filter(|p| !p.trim().is_empty()));
        }
        if keep(r, 2) {
            in_country.extend(countries(r).into_iter().map(str::to_string));
        }
        if keep(r, usize::MAX) {
            shown.push(i as u32);
        }
    }
    kinds.retain(|&(_, n)| n > 0);
    // Kinds the view chose are offered even at zero, so the choice can be seen and undone.
    if let Some(kind) = view.kind.filter(|k| !kinds.iter().any(|(c, _)| c == k)) {
        kinds.push((kind, 0));
    }
    let by_date = sorted_by_key(shown, |&i| {
        u64::MAX
            - readout_date(&readouts[i as usize])
                .and_then(Date::parse_iso)
                .map_or(0, day_key)
    });
    ReadoutList {
        readouts: by_date,
        kinds,
        publishers: tally(publishers, view.publisher.as_deref()),
        countries: tally(in_country, view.country.as_deref()),
    }
}

/// A date as a number that orders as the date does (undated is 0: last when newest first).
fn day_key(d: Date) -> u64 {
    (d.year.max(0) as u64) * 10_000 + d.month as u64 * 100 + d.day as u64 + 1
}

/// Each distinct value of `values` with how often it occurs, A to Z; `chosen` is offered at
/// 0 where no value is it.
fn tally(values: Vec<String>, chosen: Option<&str>) -> Vec<(String, usize)> {
    let order = order_by_text(&values);
    let mut out: Vec<(String, usize)> = Vec::new();
    for v in arrange(values, &order) {
        match out.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => out.push((v, 1)),
        }
    }
    if let Some(chosen) = chosen.filter(|c| !out.iter().any(|(v, _)| v == c)) {
        let at = out.partition_point(|(v, _)| v.as_str() < chosen);
        out.insert(at, (chosen.to_string(), 0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;

    /// Three fictional readouts: a Velmora–Drevnia meeting and call, and a Sarnia summit where
    /// an attendee says nothing.
    fn index() -> Index {
        let person = |id: &str, name: &str, title: &str, country: &str, role: &str| {
            format!(
                r#"{{"id":"{id}","name":"{name}","title":"{title}","country":"{country}","role":"{role}","aliases":["{}"]}}"#,
                name.split(' ').next_back().unwrap()
            )
        };
        let statement = |id: &str, speakers: &str| {
            format!(
                r#"{{"id":"{id}","speakers":[{speakers}],"verb":"said","text":"x.","span":[0,2],"paragraph":0,"topics":[]}}"#
            )
        };
        let readout = |id: &str,
                       date: &str,
                       kind: &str,
                       publisher: &str,
                       people: Vec<String>,
                       statements: Vec<String>| {
            format!(
                r#"{{"id":"{id}","title":"{id} title","published":null,"event":{{"date":"{date}","time_of_day":null,"location":null,"kind":"{kind}"}},"participants":[{}],"statements":[{}],"topics":[],"source":{{"text":"x. y.","publisher":"{publisher}","url":null}},"diagnostics":[]}}"#,
                people.join(","),
                statements.join(",")
            )
        };
        let arvid = person(
            "arvid-lonnqvist",
            "Arvid Lönnqvist",
            "President",
            "Velmora",
            "principal",
        );
        let tamsin = person(
            "tamsin-okafor",
            "Tamsin Okafor",
            "Prime Minister",
            "Drevnia",
            "counterpart",
        );
        let ilse = person(
            "ilse-brandvik",
            "Ilse Brandvik",
            "Foreign Minister",
            "Velmora",
            "attendee",
        );
        let corpus = format!(
            r#"{{"schema_version":1,"readouts":[{},{},{}]}}"#,
            readout(
                "meet",
                "2031-03-08",
                "meeting",
                "Office of Velmora",
                vec![arvid.clone(), tamsin.clone(), ilse],
                vec![
                    statement("meet-s1", r#""arvid-lonnqvist""#),
                    statement("meet-s2", r#""arvid-lonnqvist","tamsin-okafor""#)
                ]
            ),
            readout(
                "call",
                "2031-05-01",
                "phone_call",
                "Office of Velmora",
                vec![arvid.clone(), tamsin.clone()],
                vec![statement("call-s1", r#""arvid-lonnqvist""#)]
            ),
            readout(
                "summit",
                "2030-11-20",
                "multilateral",
                "Drevnian Cabinet",
                vec![
                    tamsin,
                    person("oskar-vail", "Oskar Vail", "King", "Sarnia", "counterpart")
                ],
                vec![statement("summit-s1", r#""oskar-vail""#)]
            ),
        );
        Index::new(Corpus::from_json(&corpus).unwrap())
    }

    fn ids(rows: &[PersonRow]) -> Vec<&str> {
        rows.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn every_participant_once_with_counts() {
        let people = index().people();
        assert_eq!(
            ids(&people),
            [
                "arvid-lonnqvist",
                "ilse-brandvik",
                "oskar-vail",
                "tamsin-okafor"
            ],
            "by name"
        );
        let arvid = &people[0];
        assert_eq!((arvid.statements, arvid.readouts), (3, 2));
        assert_eq!(arvid.title.as_deref(), Some("President"));
        assert_eq!(arvid.country.as_deref(), Some("Velmora"));
        let ilse = &people[1];
        assert_eq!(
            (ilse.statements, ilse.readouts),
            (0, 1),
            "an attendee who said nothing is listed"
        );
        assert_eq!((people[3].statements, people[3].readouts), (1, 3));
    }

    #[test]
    fn sorts_and_the_find_box() {
        let people = index().people();
        let view = |sort, find: &str| {
            people_in(
                &people,
                &PeopleView {
                    sort,
                    find: find.into(),
                },
            )
        };
        assert_eq!(
            ids(&view(PeopleSort::Statements, "")),
            [
                "arvid-lonnqvist",
                "oskar-vail",
                "tamsin-okafor",
                "ilse-brandvik"
            ],
            "most statements first, ties by name"
        );
        assert_eq!(ids(&view(PeopleSort::Readouts, ""))[0], "tamsin-okafor");
        assert_eq!(
            ids(&view(PeopleSort::Country, "")),
            [
                "tamsin-okafor",
                "oskar-vail",
                "arvid-lonnqvist",
                "ilse-brandvik"
            ]
        );
        // Folded, every word, in names, titles and countries.
        assert_eq!(ids(&view(PeopleSort::Name, "lonnq")), ["arvid-lonnqvist"]);
        assert_eq!(
            ids(&view(PeopleSort::Name, "VELMORA minister")),
            ["ilse-brandvik"]
        );
        assert!(view(PeopleSort::Name, "nobody").is_empty());
    }

    #[test]
    fn an_outline_of_the_corpus_gives_the_same_lists() {
        let index = index();
        let readouts: Vec<&Readout> = index.corpus().readouts.iter().collect();
        let outline = Corpus::from_json(&crate::export::outline_json(&readouts)).unwrap();
        assert!(outline
            .readouts
            .iter()
            .all(|r| r.statements.is_empty() && r.source.text.is_empty()));
        // The statements are handed over as counts: the speaker facet's, here.
        let spoken = |id: &str| {
            index
                .value_id(Facet::Speaker, id)
                .map_or(0, |v| index.total(Facet::Speaker, v) as usize)
        };
        assert_eq!(people(&outline.readouts, spoken), index.people());
        for view in [
            ReadoutView::default(),
            ReadoutView {
                country: Some("Sarnia".into()),
                ..Default::default()
            },
            ReadoutView {
                kind: Some(EventKind::PhoneCall),
                publisher: Some("Office of Velmora".into()),
                ..Default::default()
            },
        ] {
            assert_eq!(
                readout_list(&outline.readouts, &view),
                readout_list(&index.corpus().readouts, &view)
            );
        }
    }

    #[test]
    fn a_control_sets_its_parameter_in_place() {
        assert_eq!(with_param("", "find", "Lönn q"), "find=L%C3%B6nn+q");
        assert_eq!(
            with_param("sort=name&find=a", "sort", "readouts"),
            "sort=readouts&find=a"
        );
        assert_eq!(with_param("sort=name&find=a", "sort", ""), "find=a");
        assert_eq!(with_param("find=a&find=b", "find", "c"), "find=c");
        assert_eq!(
            PeopleView::from_query_string(&with_param("sort=name", "find", "a&b")).find,
            "a&b"
        );
    }

    #[test]
    fn views_read_and_write_their_query_strings() {
        let view = PeopleView {
            sort: PeopleSort::Name,
            find: "Lönn q&".into(),
        };
        let back = PeopleView::from_query_string(&view.to_query_string());
        assert_eq!(back, view);
        assert_eq!(PeopleView::default().to_query_string(), "");
        assert_eq!(
            PeopleView::from_query_string("sort=zzz").sort,
            PeopleSort::Statements
        );
        let view = ReadoutView {
            kind: Some(EventKind::PhoneCall),
            publisher: Some("Office of Velmora".into()),
            country: Some("Drevnia".into()),
        };
        assert_eq!(
            ReadoutView::from_query_string(&view.to_query_string()),
            view
        );
        assert_eq!(
            ReadoutView::from_query_string("kind=nope&country="),
            ReadoutView::default()
        );
    }

    #[test]
    fn readouts_newest_first_with_filters_and_counts() {
        let index = index();
        let titles = |list: &ReadoutList| -> Vec<String> {
            list.readouts
                .iter()
                .map(|&i| index.corpus().readouts[i as usize].id.clone())
                .collect()
        };
        let all = readout_list(&index.corpus().readouts, &ReadoutView::default());
        assert_eq!(titles(&all), ["call", "meet", "summit"]);
        assert_eq!(
            all.kinds,
            [
                (EventKind::Meeting, 1),
                (EventKind::PhoneCall, 1),
                (EventKind::Multilateral, 1)
            ]
        );
        assert_eq!(
            all.publishers,
            [
                ("Drevnian Cabinet".to_string(), 1),
                ("Office of Velmora".to_string(), 2)
            ]
        );
        assert_eq!(
            all.countries,
            [
                ("Drevnia".to_string(), 3),
                ("Sarnia".to_string(), 1),
                ("Velmora".to_string(), 2)
            ]
        );
        let sarnia = readout_list(
            &index.corpus().readouts,
            &ReadoutView {
                country: Some("Sarnia".into()),
                ..Default::default()
            },
        );
        assert_eq!(titles(&sarnia), ["summit"]);
        // The other filters' choices are counted within Sarnia; its own are not narrowed.
        assert_eq!(sarnia.publishers, [("Drevnian Cabinet".to_string(), 1)]);
        assert_eq!(sarnia.countries.len(), 3);
        let none = readout_list(
            &index.corpus().readouts,
            &ReadoutView {
                kind: Some(EventKind::VideoCall),
                publisher: Some("Nobody".into()),
                ..Default::default()
            },
        );
        assert!(none.readouts.is_empty());
        // Chosen values stay offered at zero, so the choice shows and can be undone.
        assert!(none.kinds.contains(&(EventKind::VideoCall, 0)));
        assert!(none.publishers.contains(&("Nobody".to_string(), 0)));
    }
}
