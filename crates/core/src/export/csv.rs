//! The CSV writer: RFC 4180 fields and rows, the formula guard, and the statements' CSV (the
//! format is described in [the module above](super)).

use super::{Record, Value, COLUMNS};
use crate::model::{Readout, Statement};
use std::borrow::Cow;

/// What joins the items of a list (speakers, topics) in one CSV field.
pub const LIST_SEPARATOR: &str = "; ";

/// The statements as CSV: a byte order mark, the header row of [`COLUMNS`], then one row per
/// statement, in the order given.
pub fn statements_csv(rows: &[(&Readout, &Statement)], base: &str) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &COLUMNS.map(Value::Text));
    for &(readout, statement) in rows {
        push_row(&mut out, &Record::new(readout, statement, base).values());
    }
    out
}

/// Appends one row: each value a field (a list's items joined with [`LIST_SEPARATOR`], a
/// missing value empty), guarded ([`guard`]), quoted where RFC 4180 needs it, separated by
/// commas, ended by CRLF.
pub(crate) fn push_row(out: &mut String, values: &[Value]) {
    let mut joined = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = match *value {
            Value::Text(text) => text,
            Value::Missing => "",
            Value::List(items) => {
                joined.clear();
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        joined.push_str(LIST_SEPARATOR);
                    }
                    joined.push_str(item);
                }
                &joined
            }
        };
        push_field(out, &guard(field));
    }
    out.push_str("\r\n");
}

/// Appends a field, between double quotes (its own doubled) when it holds a comma, a double
/// quote, a CR or an LF, as it is otherwise.
fn push_field(out: &mut String, field: &str) {
    if !field.contains([',', '"', '\r', '\n']) {
        out.push_str(field);
        return;
    }
    out.push('"');
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

/// The formula guard: a field that a spreadsheet would run as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a CR) gets a leading `'`; so does one that starts with `'`, so that
/// removing one leading `'` from every field that has one gives back every original value.
pub fn guard(field: &str) -> Cow<'_, str> {
    match field.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'') => {
            let mut guarded = String::with_capacity(field.len() + 1);
            guarded.push('\'');
            guarded.push_str(field);
            Cow::Owned(guarded)
        }
        _ => Cow::Borrowed(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(fields: &[&str]) -> String {
        let mut out = String::new();
        let values: Vec<Value> = fields.iter().map(|f| Value::Text(f)).collect();
        push_row(&mut out, &values);
        out
    }

    #[test]
    fn lists_are_joined_and_missing_values_empty() {
        let mut out = String::new();
        push_row(
            &mut out,
            &[
                Value::List(&["a", "-b", "c,d"]),
                Value::Missing,
                Value::List(&[]),
                Value::List(&["=x"]),
            ],
        );
        assert_eq!(out, "\"a; -b; c,d\",,,'=x\r\n");
    }

    #[test]
    fn quotes_only_what_rfc_4180_needs() {
        assert_eq!(row(&["a", "b c", "é"]), "a,b c,é\r\n");
        assert_eq!(
            row(&["a,b", "say \"no\"", "two\nlines", "cr\r"]),
            "\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\r\"\r\n"
        );
        assert_eq!(row(&["", ""]), ",\r\n");
    }

    #[test]
    fn guards_formulas_and_apostrophes() {
        for field in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted"] {
            assert_eq!(guard(field), format!("'{field}"));
        }
        for field in ["", "a=1", " =1", "1-2", "«=»"] {
            assert_eq!(guard(field), field);
        }
        assert_eq!(
            row(&["=HYPERLINK(\"x\",1)"]),
            "\"'=HYPERLINK(\"\"x\"\",1)\"\r\n"
        );
    }
}
