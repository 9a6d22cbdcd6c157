//! One participant across the whole corpus: names, roles, topics raised, timeline, whom they met.

use super::index::Index;
use super::order::{order_by_text, sorted_by_key};
use crate::date::Date;
use crate::model::Role;

/// Everything the participant page shows about one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub titles: Vec<String>,
    pub countries: Vec<String>,
    pub roles: Vec<Role>,
    pub aliases: Vec<String>,
    pub statements: usize,
    /// Topics of their statements, most raised first: (topic, statements).
    pub topics: Vec<(String, usize)>,
    /// Their readouts in date order: (readout id, title, date, role).
    pub timeline: Vec<(String, String, Option<String>, Role)>,
    /// Other leaders in their readouts, most met first: (participant id, name, readouts).
    pub met: Vec<(String, String, usize)>,
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl Index {
    /// The summary of participant `id`, or `None` when no readout has them.
    pub fn person(&self, id: &str) -> Option<PersonSummary> {
        let mut summary: Option<PersonSummary> = None;
        // Every topic of their statements and every other leader of their readouts (id and
        // name), once per mention, counted below.
        let mut topics: Vec<String> = Vec::new();
        let (mut met_ids, mut met_names) = (Vec::new(), Vec::new());
        for readout in &self.corpus().readouts {
            let Some(me) = readout.participant(id) else {
                continue;
            };
            let s = summary.get_or_insert_with(|| PersonSummary {
                id: id.to_string(),
                name: me.name.clone(),
                titles: Vec::new(),
                countries: Vec::new(),
                roles: Vec::new(),
                aliases: Vec::new(),
                statements: 0,
                topics: Vec::new(),
                timeline: Vec::new(),
                met: Vec::new(),
            });
            if let Some(t) = &me.title {
                push_unique(&mut s.titles, t.clone());
            }
            if let Some(c) = &me.country {
                push_unique(&mut s.countries, c.clone());
            }
            push_unique(&mut s.roles, me.role);
            for alias in &me.aliases {
                push_unique(&mut s.aliases, alias.clone());
            }
            let date = readout
                .event
                .date
                .clone()
                .or_else(|| readout.published.clone());
            s.timeline
                .push((readout.id.clone(), readout.title.clone(), date, me.role));
            for statement in readout
                .statements
                .iter()
                .filter(|st| st.speakers.iter().any(|sp| sp == id))
            {
                s.statements += 1;
                topics.extend(statement.topics.iter().map(|t| t.to_string()));
            }
            for other in readout
                .participants
                .iter()
                .filter(|p| p.id != id && p.role != Role::Attendee)
            {
                met_ids.push(other.id.clone());
                met_names.push(other.name.clone());
            }
        }
        let mut summary = summary?;
        // Dated readouts in date order, undated ones last.
        let timeline = std::mem::take(&mut summary.timeline);
        summary.timeline = sorted_by_key(timeline, |t| {
            t.2.as_deref()
                .and_then(Date::parse_iso)
                .map_or(u64::MAX, |d| {
                    (d.days_since_epoch() - i64::from(i32::MIN)) as u64
                })
        });
        // Most first; ties in alphabetical order (`tally`'s, kept by the stable sort).
        let most_first = |n: usize| u64::MAX - n as u64;
        let topics = tally(&topics)
            .into_iter()
            .map(|(first, n)| (topics[first].clone(), n))
            .collect();
        summary.topics = sorted_by_key(topics, |t| most_first(t.1));
        // A leader's name as their first readout gives it.
        let met = tally(&met_ids)
            .into_iter()
            .map(|(first, n)| (met_ids[first].clone(), met_names[first].clone(), n))
            .collect();
        summary.met = sorted_by_key(met, |m: &(String, String, usize)| most_first(m.2));
        Some(summary)
    }
}

/// Each distinct text of `texts`, in `str` order, as the position of its first occurrence and
/// the number of its occurrences. Sorting positions with the engine's one sort ([`order_by_text`],
/// stable) rather than counting in a map keeps map code out of the wasm.
fn tally(texts: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for p in order_by_text(texts) {
        let p = p as usize;
        match out.last_mut() {
            Some((first, n)) if texts[*first] == texts[p] => *n += 1,
            _ => out.push((p, 1)),
        }
    }
    out
}
