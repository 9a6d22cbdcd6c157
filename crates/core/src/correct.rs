//! A reader's corrections of a parse: reassign a statement's speakers, drop a statement the
//! parser should not have made, fix the event's date or place.
//!
//! # How a correction is kept
//!
//! The readout holds the corrected values where every reader already looks (a statement's
//! `speakers`, `event.date`, `event.location`; a dropped statement is gone from `statements`),
//! and its [`corrections`](crate::Readout::corrections) list records, for each corrected value,
//! the parser's value it replaced ([`Correction`]). So:
//!
//! - every view, the query engine, the exports and readers that know nothing of corrections see
//!   the corrected readout, with nothing to apply;
//! - the original parse is recoverable, whole: [`parsed`] undoes every correction;
//! - a view marks what was corrected from the list ([`Readout::is_corrected`],
//!   [`Readout::event_corrections`]), wherever the statement appears.
//!
//! The list holds at most one correction per statement and per event field, each recording the
//! *parser's* value: correcting a value twice keeps the first record, and correcting it back to
//! the parser's value removes the record. [`correct`] applies one [`Edit`] that way, after
//! checking it; validation ([`validate`](crate::validate::validate)) checks a stored list
//! against the readout, each problem located (`readouts[0].corrections[2].statement`).
//!
//! Statement ids never change: a dropped statement leaves a gap in the numbers (`…-s3` after
//! `…-s1`), so permalinks to the others still hold, and [`parsed`] puts it back in its place.
//! `docs/corpus-format.md` (Corrections) discusses the format and its versioning.

use crate::model::{Correction, Readout, Role, Speakers};
use crate::validate::{is_iso_date, Problem};

/// What a reader asks to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// These participants (ids; not attendees, at least one, each once) said the statement.
    Speakers {
        statement: String,
        speakers: Vec<String>,
    },
    /// The statement is not one: drop it.
    Drop { statement: String },
    /// The event's date, `YYYY-MM-DD`, or none.
    EventDate(Option<String>),
    /// The event's place, or none.
    EventLocation(Option<String>),
}

/// Applies `edit` to `readout` and records it (see [the module](self)); a refused edit changes
/// nothing and says why, located as validation locates problems (`statements[3].speakers`).
pub fn correct(readout: &mut Readout, edit: Edit) -> Result<(), Problem> {
    match edit {
        Edit::Speakers {
            statement,
            speakers,
        } => reassign(readout, &statement, speakers),
        Edit::Drop { statement } => drop_statement(readout, &statement),
        Edit::EventDate(date) => {
            if let Some(date) = date.as_deref().filter(|d| !is_iso_date(d)) {
                return Err(Problem::new(
                    "event.date",
                    format!("{date:?} is not a real calendar date written YYYY-MM-DD"),
                ));
            }
            let current = std::mem::replace(&mut readout.event.date, date.clone());
            record_event(readout, current, date, true);
            Ok(())
        }
        Edit::EventLocation(place) => {
            let current = std::mem::replace(&mut readout.event.location, place.clone());
            record_event(readout, current, place, false);
            Ok(())
        }
    }
}

/// The statement `id`'s position in `statements`, or a problem naming it.
fn position(readout: &Readout, id: &str) -> Result<usize, Problem> {
    readout
        .statements
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| Problem::new("statements", format!("no statement {id:?} in this readout")))
}

fn reassign(readout: &mut Readout, id: &str, speakers: Vec<String>) -> Result<(), Problem> {
    let at = position(readout, id)?;
    let path = format!("statements[{at}].speakers");
    if speakers.is_empty() {
        return Err(Problem::new(path, "a statement needs a speaker"));
    }
    for (k, speaker) in speakers.iter().enumerate() {
        if speakers[..k].contains(speaker) {
            return Err(Problem::new(path, format!("{speaker:?} is listed twice")));
        }
        match readout.participant(speaker) {
            None => {
                return Err(Problem::new(
                    path,
                    format!("{speaker:?} is not a participant of this readout"),
                ))
            }
            Some(p) if p.role == Role::Attendee => {
                return Err(Problem::new(
                    path,
                    format!("{speaker:?} is an attendee, and attendees never speak"),
                ))
            }
            Some(_) => {}
        }
    }
    let current = std::mem::replace(
        &mut readout.statements[at].speakers,
        Speakers::from(speakers),
    );
    let recorded = readout
        .corrections
        .iter()
        .position(|c| matches!(c, Correction::Speakers { statement, .. } if statement == id));
    match recorded {
        // Corrected before: the first record keeps the parser's speakers; back to them, none.
        Some(c) => {
            if let Correction::Speakers { parsed, .. } = &readout.corrections[c] {
                if *parsed == readout.statements[at].speakers {
                    readout.corrections.remove(c);
                }
            }
        }
        None if current != readout.statements[at].speakers => {
            readout.corrections.push(Correction::Speakers {
                statement: id.to_string(),
                parsed: current,
            })
        }
        None => {}
    }
    Ok(())
}

fn drop_statement(readout: &mut Readout, id: &str) -> Result<(), Problem> {
    let at = position(readout, id)?;
    let mut statement = readout.statements.remove(at);
    // The statement is kept as the parser made it: a speakers correction goes back into it.
    if let Some(c) = readout
        .corrections
        .iter()
        .position(|c| matches!(c, Correction::Speakers { statement, .. } if statement == id))
    {
        if let Correction::Speakers { parsed, .. } = readout.corrections.remove(c) {
            statement.speakers = parsed;
        }
    }
    readout.corrections.push(Correction::Dropped { statement });
    Ok(())
}

/// Records an event field's correction from `current` to `new` (`date`: the date, else the
/// place), keeping the first record's parser value and removing it when `new` is that value.
fn record_event(readout: &mut Readout, current: Option<String>, new: Option<String>, date: bool) {
    let recorded = readout.corrections.iter().position(|c| match c {
        Correction::EventDate { .. } => date,
        Correction::EventLocation { .. } => !date,
        _ => false,
    });
    match recorded {
        Some(c) => {
            let parsed = match &readout.corrections[c] {
                Correction::EventDate { parsed } | Correction::EventLocation { parsed } => parsed,
                _ => return,
            };
            if *parsed == new {
                readout.corrections.remove(c);
            }
        }
        None if current != new => readout.corrections.push(if date {
            Correction::EventDate { parsed: current }
        } else {
            Correction::EventLocation { parsed: current }
        }),
        None => {}
    }
}

/// The readout as the parser made it: every correction undone, dropped statements back in their
/// place (by their number), no corrections left.
pub fn parsed(readout: &Readout) -> Readout {
    let mut original = readout.clone();
    for correction in std::mem::take(&mut original.corrections) {
        match correction {
            Correction::Speakers { statement, parsed } => {
                if let Some(s) = original.statements.iter_mut().find(|s| s.id == statement) {
                    s.speakers = parsed;
                }
            }
            Correction::Dropped { statement } => {
                let n = number(&statement.id);
                let at = original
                    .statements
                    .iter()
                    .position(|s| number(&s.id) > n)
                    .unwrap_or(original.statements.len());
                original.statements.insert(at, statement);
            }
            Correction::EventDate { parsed } => original.event.date = parsed,
            Correction::EventLocation { parsed } => original.event.location = parsed,
        }
    }
    original
}

/// The `n` of a statement id `…-s<n>` (0 when it has none), the statement's place in the parse.
fn number(id: &str) -> u64 {
    id.rsplit_once("-s")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}
