//! Compact JSON written by hand: the corpus file and the statements' records.
//!
//! The model derives `Serialize`, and `serde_json` writes it for the CLI's indented output;
//! but every serde type written through `serde_json` compiles its own copy of the
//! serialization code into the app's wasm, a few kilobytes for the model, where the app's
//! downloads are one click each. So the compact form (the corpus file of `readouts build` and
//! every export) is written here with a handful of non-generic functions: strings escaped
//! exactly as `serde_json` escapes them, fields in the model's order. A test
//! (`tests/export.rs`) checks the bytes against `serde_json::to_string` on the fixtures and on
//! generated hostile text, so the two writers cannot drift: a field added to the model and
//! not here fails it.

use super::{Record, Value, COLUMNS};
#[cfg(feature = "corrections")]
use crate::model::Correction;
use crate::model::{
    Diagnostic, Event, Level, Participant, Readout, Source, Span, Statement, TimeOfDay,
    SCHEMA_VERSION,
};

/// `{"schema_version":1,"readouts":[…]}`: the corpus file of these readouts; in `outline`,
/// without their statements, source text, diagnostics and corrections (see
/// [`outline_json`](super::outline_json)).
pub(crate) fn push_corpus(out: &mut String, readouts: &[&Readout], outline: bool) {
    push_corpus_start(out);
    for (i, readout) in readouts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_readout(out, readout, outline);
    }
    push_corpus_end(out);
}

/// What comes before the readouts of a corpus file: `{"schema_version":1,"readouts":[`.
pub(crate) fn push_corpus_start(out: &mut String) {
    out.push_str("{\"schema_version\":");
    push_number(out, SCHEMA_VERSION as usize);
    out.push_str(",\"readouts\":[");
}

/// What comes after the readouts of a corpus file: `]}`.
pub(crate) fn push_corpus_end(out: &mut String) {
    out.push_str("]}");
}

pub(crate) fn push_readout(out: &mut String, readout: &Readout, outline: bool) {
    // An outline's readout holds none of these (the empty text starts its prose at 0).
    let statements = if outline {
        &[][..]
    } else {
        &readout.statements
    };
    let diagnostics = if outline {
        &[][..]
    } else {
        &readout.diagnostics
    };
    out.push_str("{\"id\":");
    push_string(out, &readout.id);
    out.push_str(",\"title\":");
    push_string(out, &readout.title);
    out.push_str(",\"published\":");
    push_optional(out, readout.published.as_deref());
    out.push_str(",\"event\":");
    push_event(out, &readout.event);
    out.push_str(",\"participants\":[");
    for (i, participant) in readout.participants.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_participant(out, participant);
    }
    out.push_str("],\"statements\":[");
    for (i, statement) in statements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_statement(out, statement);
    }
    out.push_str("],\"topics\":");
    push_strings(out, &mut readout.topics.iter().map(|t| t.as_ref()));
    out.push_str(",\"source\":");
    push_source(out, &readout.source, outline);
    out.push_str(",\"diagnostics\":[");
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_diagnostic(out, diagnostic);
    }
    out.push(']');
    // Absent when empty, as serde skips it: a readout as parsed has none. Without the record
    // (the `corrections` feature), the readout's corrected values are all there is to write.
    #[cfg(feature = "corrections")]
    if !outline && !readout.corrections.is_empty() {
        out.push_str(",\"corrections\":[");
        for (i, correction) in readout.corrections.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_correction(out, correction);
        }
        out.push(']');
    }
    out.push('}');
}

#[cfg(feature = "corrections")]
fn push_correction(out: &mut String, correction: &Correction) {
    match correction {
        Correction::Speakers { statement, parsed } => {
            out.push_str("{\"speakers\":{\"statement\":");
            push_string(out, statement);
            out.push_str(",\"parsed\":");
            push_strings(out, &mut parsed.iter().map(String::as_str));
        }
        Correction::Dropped { statement } => {
            out.push_str("{\"dropped\":{\"statement\":");
            push_statement(out, statement);
        }
        Correction::EventDate { parsed } => {
            out.push_str("{\"event_date\":{\"parsed\":");
            push_optional(out, parsed.as_deref());
        }
        Correction::EventLocation { parsed } => {
            out.push_str("{\"event_location\":{\"parsed\":");
            push_optional(out, parsed.as_deref());
        }
    }
    out.push_str("}}");
}

fn push_event(out: &mut String, event: &Event) {
    out.push_str("{\"date\":");
    push_optional(out, event.date.as_deref());
    out.push_str(",\"time_of_day\":");
    push_optional(
        out,
        event.time_of_day.map(|time| match time {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Evening => "evening",
        }),
    );
    out.push_str(",\"location\":");
    push_optional(out, event.location.as_deref());
    out.push_str(",\"kind\":");
    push_string(out, event.kind.as_str());
    out.push('}');
}

fn push_participant(out: &mut String, participant: &Participant) {
    out.push_str("{\"id\":");
    push_string(out, &participant.id);
    out.push_str(",\"name\":");
    push_string(out, &participant.name);
    out.push_str(",\"title\":");
    push_optional(out, participant.title.as_deref());
    out.push_str(",\"country\":");
    push_optional(out, participant.country.as_deref());
    out.push_str(",\"role\":");
    push_string(out, participant.role.as_str());
    out.push_str(",\"aliases\":");
    push_strings(out, &mut participant.aliases.iter().map(String::as_str));
    out.push('}');
}

fn push_statement(out: &mut String, statement: &Statement) {
    out.push_str("{\"id\":");
    push_string(out, &statement.id);
    out.push_str(",\"speakers\":");
    push_strings(out, &mut statement.speakers.iter().map(String::as_str));
    out.push_str(",\"verb\":");
    push_string(out, &statement.verb);
    out.push_str(",\"text\":");
    push_string(out, &statement.text);
    out.push_str(",\"span\":");
    push_span(out, statement.span);
    out.push_str(",\"paragraph\":");
    push_number(out, statement.paragraph);
    out.push_str(",\"topics\":");
    push_strings(out, &mut statement.topics.iter().map(|t| t.as_ref()));
    out.push('}');
}

fn push_source(out: &mut String, source: &Source, outline: bool) {
    out.push_str("{\"text\":");
    push_string(out, if outline { "" } else { &source.text });
    out.push_str(",\"prose_start\":");
    push_number(out, if outline { 0 } else { source.prose_start });
    out.push_str(",\"publisher\":");
    push_optional(out, source.publisher.as_deref());
    out.push_str(",\"url\":");
    push_optional(out, source.url.as_deref());
    out.push('}');
}

fn push_diagnostic(out: &mut String, diagnostic: &Diagnostic) {
    out.push_str("{\"level\":");
    push_string(
        out,
        match diagnostic.level {
            Level::Warning => "warning",
            Level::Error => "error",
        },
    );
    out.push_str(",\"message\":");
    push_string(out, &diagnostic.message);
    out.push_str(",\"span\":");
    match diagnostic.span {
        Some(span) => push_span(out, span),
        None => out.push_str("null"),
    }
    out.push('}');
}

fn push_span(out: &mut String, span: Span) {
    out.push('[');
    push_number(out, span.start);
    out.push(',');
    push_number(out, span.end);
    out.push(']');
}

/// A statement's record (the statements' JSON export): the [`COLUMNS`] as keys, lists as
/// arrays, `null` for a missing value.
pub(crate) fn push_record(out: &mut String, record: &Record) {
    out.push('{');
    for (k, value) in record.values().iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_string(out, COLUMNS[k]);
        out.push(':');
        match *value {
            Value::Text(text) => push_string(out, text),
            Value::Missing => out.push_str("null"),
            Value::List(items) => push_strings(out, &mut items.iter().copied()),
        }
    }
    out.push('}');
}

/// An array of strings. A `dyn` iterator: one copy of this code for every kind of list.
fn push_strings(out: &mut String, items: &mut dyn Iterator<Item = &str>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(out, item);
    }
    out.push(']');
}

fn push_optional(out: &mut String, value: Option<&str>) {
    match value {
        Some(value) => push_string(out, value),
        None => out.push_str("null"),
    }
}

/// A JSON string, escaped as `serde_json` escapes it: `"` and `\` with a backslash, the
/// control characters below U+0020 as `\b \t \n \f \r` or `\u00xx` (lowercase hex), every
/// other character as it is.
pub(crate) fn push_string(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut plain = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&value[plain..at]);
        plain = at + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&value[plain..]);
    out.push('"');
}

/// A whole number in decimal, without the formatting machinery.
fn push_number(out: &mut String, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_as_serde_json_writes_them() {
        for text in [
            "",
            "plain",
            "q\"b\\s/",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "é東京😀\u{2028}",
        ] {
            let mut out = String::new();
            push_string(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap(), "{text:?}");
        }
        for number in [0, 7, 10, 99, 1234567, usize::MAX] {
            let mut out = String::new();
            push_number(&mut out, number);
            assert_eq!(out, number.to_string());
        }
    }
}
