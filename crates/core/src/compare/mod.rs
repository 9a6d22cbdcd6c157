//! Comparing accounts: two governments' readouts of one meeting side by side, and two
//! participants side by side.
//!
//! After a call or a meeting each side often publishes its own readout, and the two can read
//! like different conversations. This module finds such pairs ([`same_meeting`],
//! [`other_accounts`]), lines two accounts up topic by topic ([`compare_accounts`], with what
//! each account attributes to each leader and where an account is silent), and puts two
//! participants side by side ([`compare_people`], with statements per month for each).
//!
//! People are matched across readouts by their [`PersonKey`], not their participant id: two
//! publishers spell the same leader differently ("KISHIDA Fumio", "Fumio Kishida"), and ids
//! are slugs of the name each readout gives.

mod accounts;
mod people;

pub use accounts::{
    account_name, compare_accounts, percent, AccountSide, Attributed, Comparison, Leader, Presence,
    Row,
};
pub use people::{compare_people, months, Month, MonthCount, PeopleComparison, Said, TopicCounts};

use crate::date::Date;
use crate::fold::fold;
use crate::model::{Corpus, Participant, Readout, Role};

/// Who a participant is, across readouts: the words of their name, folded (case, accents) and
/// sorted, so that "KISHIDA Fumio", "Fumio Kishida" and "Fumio KISHIDA" are one person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonKey(String);

impl PersonKey {
    pub fn of(participant: &Participant) -> PersonKey {
        let folded = fold(&participant.name);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        PersonKey(sorted(words).join(" "))
    }
}

/// `texts` in order (as `str` compares), by the engine's one sort
/// ([`order_by_text`](crate::query::order_by_text)): a `sort_unstable` here would compile
/// another sort into the app (which pairs accounts on its readout page) for each element type.
fn sorted(texts: Vec<String>) -> Vec<String> {
    crate::query::order_by_text(&texts)
        .into_iter()
        .map(|i| texts[i as usize].clone())
        .collect()
}

/// The leaders of a readout (principal and counterparts, not attendees), by key, sorted.
fn leaders(readout: &Readout) -> Vec<PersonKey> {
    let keys: Vec<String> = readout
        .participants
        .iter()
        .filter(|p| p.role != Role::Attendee)
        .map(|p| PersonKey::of(p).0)
        .collect();
    let mut keys: Vec<PersonKey> = sorted(keys).into_iter().map(PersonKey).collect();
    keys.dedup();
    keys
}

/// Whose account a readout is: its publisher (folded) where it names one, else its principal.
fn side(readout: &Readout) -> Option<String> {
    match &readout.source.publisher {
        Some(publisher) if !publisher.trim().is_empty() => Some(fold(publisher.trim())),
        _ => readout
            .participants
            .iter()
            .find(|p| p.role == Role::Principal)
            .map(|p| PersonKey::of(p).0),
    }
}

/// The event's day, or `None` when the readout gives none.
fn day(readout: &Readout) -> Option<i64> {
    let date = readout.event.date.as_deref().and_then(Date::parse_iso)?;
    Some(date.days_since_epoch())
}

/// True when `a` and `b` are two accounts of one meeting: both dated, at most a day apart
/// (time zones: an evening call in one capital is the next morning in the other); the same
/// leaders, at least two, in either role (each side's principal is its own leader); and
/// published by different sides (different publishers, or, where a readout names none,
/// different principals). A readout is no other account of itself, and a meeting with a third
/// leader is another meeting than the bilateral one on the same day.
pub fn same_meeting(a: &Readout, b: &Readout) -> bool {
    if a.id == b.id {
        return false;
    }
    let (Some(day_a), Some(day_b)) = (day(a), day(b)) else {
        return false;
    };
    if (day_a - day_b).abs() > 1 {
        return false;
    }
    let leaders_a = leaders(a);
    if leaders_a.len() < 2 || leaders_a != leaders(b) {
        return false;
    }
    matches!((side(a), side(b)), (Some(x), Some(y)) if x != y)
}

/// The other accounts of the meeting that `readout` reports, in corpus order.
pub fn other_accounts<'c>(corpus: &'c Corpus, readout: &Readout) -> Vec<&'c Readout> {
    corpus
        .readouts
        .iter()
        .filter(|other| same_meeting(readout, other))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Event, EventKind, Source, Statement};
    use std::borrow::Cow;

    pub fn person(id: &str, name: &str, role: Role) -> Participant {
        Participant {
            id: id.into(),
            name: name.into(),
            title: None,
            country: None,
            role,
            aliases: vec![],
        }
    }

    /// A statement by `speakers` on `topics`.
    pub fn said(readout: &str, n: usize, speakers: &[&str], topics: &[&str]) -> Statement {
        Statement {
            id: crate::model::statement_id(readout, n),
            speakers: speakers
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into(),
            verb: Cow::Borrowed("said"),
            text: format!("statement {n}"),
            span: crate::model::Span::new(0, 0),
            paragraph: 0,
            topics: topics.iter().map(|t| Cow::Owned(t.to_string())).collect(),
        }
    }

    pub fn readout(id: &str, date: &str, publisher: &str, people: Vec<Participant>) -> Readout {
        Readout {
            id: id.into(),
            title: format!("Readout {id}"),
            published: Some(date.into()),
            event: Event {
                date: Some(date.into()),
                time_of_day: None,
                location: None,
                kind: EventKind::PhoneCall,
            },
            participants: people,
            statements: vec![],
            topics: vec![],
            source: Source {
                text: String::new(),
                prose_start: 0,
                publisher: (!publisher.is_empty()).then(|| publisher.into()),
                url: None,
            },
            diagnostics: vec![],
            corrections: Default::default(),
        }
    }

    fn call(id: &str, date: &str, publisher: &str, first: &str, second: &str) -> Readout {
        readout(
            id,
            date,
            publisher,
            vec![
                person(&crate::slug::slug(first), first, Role::Principal),
                person(&crate::slug::slug(second), second, Role::Counterpart),
            ],
        )
    }

    #[test]
    fn the_same_call_told_by_each_side_pairs_with_swapped_roles() {
        let a = call(
            "a",
            "2031-03-04",
            "Arvelian Foreign Ministry",
            "Tomas Brenn",
            "Ilse Varo",
        );
        let b = call(
            "b",
            "2031-03-04",
            "Office of the Kestrian President",
            "Ilse Varo",
            "Tomas Brenn",
        );
        assert!(same_meeting(&a, &b));
        assert!(same_meeting(&b, &a));
    }

    #[test]
    fn a_day_apart_pairs_two_days_do_not() {
        let a = call("a", "2031-03-04", "Arvelia", "Tomas Brenn", "Ilse Varo");
        let next = call("b", "2031-03-05", "Kestria", "Ilse Varo", "Tomas Brenn");
        let later = call("c", "2031-03-06", "Kestria", "Ilse Varo", "Tomas Brenn");
        assert!(same_meeting(&a, &next));
        assert!(!same_meeting(&a, &later));
    }

    #[test]
    fn names_match_whatever_their_order_case_and_accents() {
        let a = call("a", "2031-03-04", "Arvelia", "Tomas Brenn", "KISHIRO Aiko");
        let b = call("b", "2031-03-04", "Kestria", "Aiko Kishiró", "Tomás Brenn");
        assert!(same_meeting(&a, &b));
    }

    #[test]
    fn one_side_twice_a_third_leader_or_another_pair_is_another_meeting() {
        let a = call("a", "2031-03-04", "Arvelia", "Tomas Brenn", "Ilse Varo");
        let same_side = call("b", "2031-03-04", "arvelia", "Tomas Brenn", "Ilse Varo");
        assert!(
            !same_meeting(&a, &same_side),
            "one publisher's two readouts"
        );
        let mut three = call("c", "2031-03-04", "Kestria", "Ilse Varo", "Tomas Brenn");
        three
            .participants
            .push(person("odo-lamm", "Odo Lamm", Role::Counterpart));
        assert!(!same_meeting(&a, &three), "a third leader");
        let other = call("d", "2031-03-04", "Kestria", "Ilse Varo", "Odo Lamm");
        assert!(!same_meeting(&a, &other), "another pair on the same day");
        assert!(!same_meeting(&a, &a), "itself");
    }

    #[test]
    fn without_publishers_the_principals_tell_the_sides() {
        let a = call("a", "2031-03-04", "", "Tomas Brenn", "Ilse Varo");
        let b = call("b", "2031-03-04", "", "Ilse Varo", "Tomas Brenn");
        let c = call("c", "2031-03-04", "", "Tomas Brenn", "Ilse Varo");
        assert!(same_meeting(&a, &b));
        assert!(!same_meeting(&a, &c));
    }

    #[test]
    fn undated_readouts_pair_with_nothing() {
        let mut a = call("a", "2031-03-04", "Arvelia", "Tomas Brenn", "Ilse Varo");
        let b = call("b", "2031-03-04", "Kestria", "Ilse Varo", "Tomas Brenn");
        a.event.date = None;
        assert!(!same_meeting(&a, &b));
    }

    #[test]
    fn other_accounts_lists_every_pair_in_corpus_order() {
        let a = call("a", "2031-03-04", "Arvelia", "Tomas Brenn", "Ilse Varo");
        let b = call("b", "2031-03-04", "Kestria", "Ilse Varo", "Tomas Brenn");
        let c = call(
            "c",
            "2031-03-05",
            "Wire service",
            "Ilse Varo",
            "Tomas Brenn",
        );
        let d = call("d", "2031-04-01", "Kestria", "Ilse Varo", "Tomas Brenn");
        let corpus = Corpus::new(vec![a.clone(), b, c, d]);
        let ids: Vec<&str> = other_accounts(&corpus, &a)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["b", "c"]);
    }
}
