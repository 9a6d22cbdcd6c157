//! One readout file's text into a [`Readout`], as `readouts parse` and `readouts build` read it
//! and as the app's import reads a dropped `.txt` file, so that both give the same readout:
//! split off the optional [header], [parse](crate::parse()), apply the header,
//! fit the [limits](crate::limits), and name a readout the parser could give no id after its
//! file. Reading the file is the caller's.

use crate::header::{self, Header};
use crate::validate::is_iso_date;
use crate::{parse_known, Readout};

/// A readout file, parsed.
pub struct Loaded {
    pub readout: Readout,
    /// How many lines the header took, terminator included (0 without a header): lines of a
    /// diagnostic's span are counted in the file from there.
    pub header_lines: usize,
}

/// Parses the text of the readout file whose name without its extension is `stem`. Fails only
/// on a malformed header or a file with nothing after its header (the message says which);
/// the parser itself never fails.
pub fn load(stem: &str, text: &str) -> Result<Loaded, String> {
    load_with(stem, text, &Header::default())
}

/// [`load`], with the fields `over` gives in place of the header's (the import form's title,
/// publisher, URL and date, which act exactly as a header would: the date anchors "today").
/// Fails too on a date in `over` that is not `YYYY-MM-DD`.
pub fn load_with(stem: &str, text: &str, over: &Header) -> Result<Loaded, String> {
    if let Some(date) = over.published.as_deref().filter(|d| !is_iso_date(d)) {
        return Err(format!(
            "the publication date `{date}` is not a date written YYYY-MM-DD"
        ));
    }
    let split = split_header(text)?;
    let header = split.header.overridden_by(over);
    let mut readout = parse_known(split.body, header.known());
    header.apply(&mut readout);
    // The header's title or URL may be past the corpus limits: the corpus stays readable.
    crate::limits::fit(&mut readout);
    if readout.id.trim().is_empty() {
        readout.set_id(fallback_id(stem));
    }
    Ok(Loaded {
        readout,
        header_lines: split.header_lines,
    })
}

/// The header and the readout text of a file. Fails on a malformed header or a file with
/// nothing after its header.
pub fn split_header(text: &str) -> Result<header::Split<'_>, String> {
    let split = header::split(text)?;
    if split.body.trim().is_empty() {
        return Err("no readout text after the header".into());
    }
    Ok(split)
}

/// A slug of a file's stem, for a readout the parser could give no id.
pub fn fallback_id(stem: &str) -> String {
    let stem = stem.to_lowercase();
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "readout".into()
    } else {
        slug
    }
}

/// The first of `base`, `base-2`, `base-3`, … that `taken` does not hold.
pub fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("some suffix is free")
}

/// Makes readout ids unique in order: a repeated id gets `-2`, `-3`, … (the first unused),
/// through [`Readout::set_id`] so that statement ids follow.
pub fn make_ids_unique(readouts: &mut [Readout]) {
    let mut used = std::collections::HashSet::new();
    for readout in readouts.iter_mut() {
        let id = free_id(&readout.id, |id| used.contains(id));
        if id != readout.id {
            readout.set_id(id.clone());
        }
        used.insert(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_id(id: &str) -> Readout {
        let mut r = crate::parse("President A said that all is well.");
        r.set_id(id.into());
        r
    }

    #[test]
    fn repeated_ids_get_suffixes_in_order() {
        let mut rs: Vec<Readout> = ["x", "y", "x", "x", "x-2"]
            .iter()
            .map(|i| with_id(i))
            .collect();
        make_ids_unique(&mut rs);
        let ids: Vec<&str> = rs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["x", "y", "x-2", "x-3", "x-2-2"]);
        for r in &rs {
            assert!(r
                .statements
                .iter()
                .all(|s| s.id.starts_with(&format!("{}-s", r.id))));
        }
    }

    #[test]
    fn fallback_ids_are_slugs() {
        assert_eq!(fallback_id("001 Arvelia & Norland"), "001-arvelia-norland");
        assert_eq!(fallback_id("---"), "readout");
    }

    #[test]
    fn a_header_is_applied_and_counted() {
        let loaded = load(
            "x",
            "title: Talks in Halvik\npublisher: Ministry of Arvelia\n---\nPresident Elena Varga-Holm said that the talks went well.\n",
        )
        .unwrap();
        assert_eq!(loaded.readout.title, "Talks in Halvik");
        assert_eq!(
            loaded.readout.source.publisher.as_deref(),
            Some("Ministry of Arvelia")
        );
        assert_eq!(loaded.header_lines, 3);
    }

    #[test]
    fn fields_act_as_a_header() {
        let text = "published: 2037-06-09\n\nPresident Hal Calder met today with Prime Minister Teodor Ossin of Velmora. President Calder stressed that ties are strong.\n";
        let over = Header {
            published: Some("2037-06-10".into()),
            title: Some("Calder and Ossin".into()),
            ..Header::default()
        };
        let loaded = load_with("calder", text, &over).unwrap().readout;
        assert_eq!(loaded.event.date.as_deref(), Some("2037-06-10"));
        assert_eq!(loaded.published.as_deref(), Some("2037-06-10"));
        assert_eq!(loaded.title, "Calder and Ossin");
        let bad = Header {
            published: Some("10 June".into()),
            ..Header::default()
        };
        assert_eq!(
            load_with("calder", text, &bad).err().as_deref(),
            Some("the publication date `10 June` is not a date written YYYY-MM-DD")
        );
    }

    #[test]
    fn a_header_without_text_fails() {
        assert_eq!(
            load("x", "title: T\n---\n  \n").err().as_deref(),
            Some("no readout text after the header")
        );
    }
}
