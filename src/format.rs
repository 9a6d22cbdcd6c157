//! Display helpers: how dates and counts read on the page. Pure functions, tested natively.

use readouts_core::date::{Date, MONTH_NAMES};

/// "2024-07-03" → "3 July 2024". Anything that is not a valid `YYYY-MM-DD` date is returned
/// unchanged, so a surprising value is still shown rather than hidden.
pub fn human_date(iso: &str) -> String {
    Date::parse_iso(iso)
        .map(|d| format!("{} {} {}", d.day, MONTH_NAMES[d.month as usize - 1], d.year))
        .unwrap_or_else(|| iso.to_string())
}

/// How many characters of a title or name the page shows where it names something (a card's
/// readout, a filter, the document title): longer ones are shortened, the full text kept in a
/// tooltip (and on the readout's own page). A thousand-character title helps nobody on a card, and keeps every
/// line of the layout short work for the browser.
pub const SHORT_TEXT: usize = 160;

/// `text` cut to `max` characters with "…", or None when it is no longer than that.
pub fn clip(text: &str, max: usize) -> Option<String> {
    let (cut, _) = text.char_indices().nth(max)?;
    let mut out = text[..cut].trim_end().to_string();
    out.push('…');
    Some(out)
}

/// `text`, shortened to [`SHORT_TEXT`] characters if longer.
pub fn short(text: &str) -> String {
    clip(text, SHORT_TEXT).unwrap_or_else(|| text.to_string())
}

/// Whether `value` is a `YYYY-MM-DD` date, fit for a `<time datetime>` attribute.
pub fn is_iso_date(value: &str) -> bool {
    Date::parse_iso(value).is_some()
}

/// "1 statement", "14 statements", "12,345 statements".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        thousands(n),
        if n == 1 { singular } else { plural }
    )
}

/// "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes as megabytes with one decimal ("3.4 MB"), by integer arithmetic (formatting a float
/// would bring the float printer into the wasm). Rounds down.
pub fn megabytes(bytes: usize) -> String {
    let tenths = bytes / 100_000;
    format!("{}.{} MB", thousands(tenths / 10), tenths % 10)
}

/// "A", "A and B", "A, B and C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_clipped_on_a_char_boundary() {
        assert_eq!(clip("short", 10), None);
        assert_eq!(clip("exactly10!", 10), None);
        assert_eq!(clip("ééééé ééééé", 6).as_deref(), Some("ééééé…"));
        let long = "T".repeat(100_000);
        assert_eq!(short(&long).chars().count(), SHORT_TEXT + 1);
        assert_eq!(short("Talks"), "Talks");
    }

    #[test]
    fn formats_valid_dates_and_keeps_the_rest() {
        assert_eq!(human_date("2024-07-03"), "3 July 2024");
        assert_eq!(human_date("2024-12-31"), "31 December 2024");
        assert_eq!(human_date("2024-02-29"), "29 February 2024");
        assert_eq!(human_date("2023-02-29"), "2023-02-29");
        assert_eq!(human_date("2024-13-01"), "2024-13-01");
        assert_eq!(human_date("July 3"), "July 3");
        assert_eq!(human_date("２０２４-07-03"), "２０２４-07-03");
        assert!(is_iso_date("2024-07-03"));
        assert!(!is_iso_date("2024-7-3"));
        assert!(!is_iso_date("+024-07-03"));
    }

    #[test]
    fn counts_and_joins() {
        assert_eq!(count(1, "statement", "statements"), "1 statement");
        assert_eq!(count(0, "statement", "statements"), "0 statements");
        assert_eq!(count(99776, "statement", "statements"), "99,776 statements");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(join_names::<&str>(&[]), "");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A and B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }
}
