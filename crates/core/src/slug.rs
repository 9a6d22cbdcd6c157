//! URL-safe slugs for ids: lowercase ASCII letters and digits joined by single hyphens.

/// "Ólafur Þórsson" → "olafur-thorsson"; "Xi Jinping" → "xi-jinping". Never empty.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut folded = String::with_capacity(4);
    for c in text.chars() {
        folded.clear();
        crate::fold::push_folded(&mut folded, c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                out.push(f.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

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
}
