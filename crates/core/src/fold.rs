//! Accent and case folding shared by slugs and search: "Ólafur" and "olafur" compare equal.

/// Appends the folded form of one character: lowercased, and ASCII where the letter has an
/// accent-free form ('Ó' → "o", 'ß' → "ss", 'Þ' → "th"). Allocates nothing for ASCII.
pub fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let s = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => "e",
        'Ğ' | 'ğ' | 'Ģ' | 'ģ' => "g",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => "i",
        'Ķ' | 'ķ' => "k",
        'Ł' | 'ł' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ž' | 'ž' | 'Ż' | 'ż' => "z",
        '’' | '‘' => "'",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(s);
}

/// The folded form of a whole string.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// `text` in lowercase, character by character (`char::to_lowercase`, whose table folding
/// already needs), accents kept: "Déclaré" → "déclaré". Unlike `str::to_lowercase`, a capital
/// sigma at the end of a word becomes 'σ', not 'ς': the engine's keys and sort keys need a
/// consistent lowercase, not Greek spelling, and `str::to_lowercase` would add its own code and
/// Unicode tables (about 2 KB gzip) to the app's wasm.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::{fold, lowercase};

    #[test]
    fn lowercases_without_folding() {
        assert_eq!(lowercase("Stressed"), "stressed");
        assert_eq!(lowercase("Déclaré ÉTÉ"), "déclaré été");
        assert_eq!(lowercase("İstanbul"), "i\u{307}stanbul");
        assert_eq!(lowercase("ΟΔΟΣ"), "οδοσ");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Ólafur Þórsson"), "olafur thorsson");
        assert_eq!(fold("Straße ÉTÉ"), "strasse ete");
        assert_eq!(fold("Москва"), "москва");
    }
}
