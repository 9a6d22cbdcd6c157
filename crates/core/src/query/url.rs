//! A [`Query`] as a URL query string, so that every view can be linked, reloaded and shared:
//! `q`, one key per facet (repeated for several values), `from`, `to`, `sort`, `page`.

use super::{Facet, Query, Sort};

impl Query {
    /// `q=global+south&speaker=xi-jinping&sort=oldest`; defaults are left out. Keys come in a
    /// fixed order, so equal queries give equal strings.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.trim()));
        }
        for (facet, values) in self.filters.iter() {
            for value in values {
                pairs.push((facet.key(), value));
            }
        }
        if let Some(from) = &self.from {
            pairs.push(("from", from));
        }
        if let Some(to) = &self.to {
            pairs.push(("to", to));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.key()));
        }
        let page = (self.page + 1).to_string();
        if self.page > 0 {
            pairs.push(("page", &page));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string (with or without the leading `?`); unknown keys and malformed
    /// values are ignored, so an edited URL still opens a view.
    pub fn from_query_string(query: &str) -> Query {
        let mut out = Query::default();
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "q" => out.text = value,
                "from" if is_date(&value) => out.from = Some(value),
                "to" if is_date(&value) => out.to = Some(value),
                "sort" => out.sort = Sort::from_key(&value).unwrap_or_default(),
                "page" => out.page = value.parse::<usize>().unwrap_or(1).saturating_sub(1),
                key => {
                    if let (Some(facet), false) = (Facet::from_key(key), value.is_empty()) {
                        out.filters.insert(facet, value);
                    }
                }
            }
        }
        out
    }
}

/// The decoded `(key, value)` pairs of a query string (with or without the leading `?`), in
/// order; a pair without `=` has an empty value.
pub(super) fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
}

fn is_date(value: &str) -> bool {
    crate::validate::is_iso_date(value)
}

/// Percent-encodes everything but unreserved characters; spaces become `+`.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_encoded(&mut out, value, "+");
    out
}

/// Appends `value` percent-encoded: every byte but the unreserved characters (RFC 3986:
/// letters, digits, `-_.~`) as `%XX`, and a space as `space` (`+` in a query string, `%20` in
/// a path segment, as yew-router and the app's routes write ids).
pub(crate) fn push_encoded(out: &mut String, value: &str, space: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push_str(space),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}

/// Decodes `+` and `%XX`; invalid escapes stay as written, invalid UTF-8 is replaced.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut q = Query {
            text: "\"global south\" -sanctions é&x=1".into(),
            sort: Sort::Oldest,
            page: 2,
            from: Some("2024-01-01".into()),
            ..Query::default()
        };
        q = q
            .toggled(Facet::Speaker, "xi-jinping")
            .toggled(Facet::Topic, "Shanghai Cooperation Organization (SCO)");
        q.page = 2;
        let s = q.to_query_string();
        assert!(
            s.starts_with("q=%22global+south%22+-sanctions+%C3%A9%26x%3D1&speaker=xi-jinping"),
            "{s}"
        );
        assert_eq!(Query::from_query_string(&format!("?{s}")), q);
    }

    #[test]
    fn ignores_what_it_cannot_read() {
        let q = Query::from_query_string(
            "?bogus=1&from=yesterday&page=x&speaker=&sort=sideways&q=%ZZ%",
        );
        assert_eq!(
            q,
            Query {
                text: "%ZZ%".into(),
                ..Query::default()
            }
        );
        assert_eq!(Query::default().to_query_string(), "");
    }
}
