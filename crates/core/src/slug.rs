//! URL-safe slugs for ids: lowercase ASCII letters and digits joined by single hyphens.

/// "Ólafur Þórsson" → "olafur-thorsson"; "Xi Jinping" → "xi-jinping". Never empty.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_slug(&mut out, text);
    out
}

/// Appends the slug of `text` to `out` (ids are built from several slugs).
pub fn push_slug(out: &mut String, text: &str) {
    let start = out.len();
    // After a letter or digit of this slug: the next separator writes a hyphen.
    let mut open = false;
    let mut push = |out: &mut String, f: char| {
        if f.is_ascii_alphanumeric() {
            out.push(f.to_ascii_lowercase());
            open = true;
        } else if open {
            out.push('-');
            open = false;
        }
    };
    let mut folded = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            push(out, c);
            continue;
        }
        folded.clear();
        crate::fold::push_folded(&mut folded, c);
        for f in folded.chars() {
            push(out, f);
        }
    }
    if out.ends_with('-') && out.len() > start {
        out.pop();
    }
    if out.len() == start {
        out.push('x');
    }
}

#[cfg(test)]
mod tests {
    use super::{push_slug, slug};

    #[test]
    fn slugs() {
        assert_eq!(slug("Xi Jinping"), "xi-jinping");
        assert_eq!(slug("Ólafur Þórsson"), "olafur-thorsson");
        assert_eq!(
            slug("Amira bint Saleh al-Qasimi"),
            "amira-bint-saleh-al-qasimi"
        );
        assert_eq!(slug("  --  "), "x");
        assert_eq!(slug("2024-07-03 / A & B"), "2024-07-03-a-b");
    }

    #[test]
    fn appends_to_an_id() {
        let mut id = String::from("2024-07-03-");
        push_slug(&mut id, "Ólafur Þórsson!");
        assert_eq!(id, "2024-07-03-olafur-thorsson");
        id.push('-');
        push_slug(&mut id, " -- ");
        assert_eq!(id, "2024-07-03-olafur-thorsson-x");
    }
}
