//! Accent and case folding shared by slugs and search: "Ólafur" and "olafur" compare equal.

/// The ASCII (or unchanged) form of one character, lowercased: 'Ó' → "o", 'ß' → "ss", 'Þ' → "th".
pub fn fold_char(c: char) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    if c.is_ascii() {
        return Cow::Owned(c.to_ascii_lowercase().to_string());
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
        _ => return Cow::Owned(c.to_lowercase().collect()),
    };
    Cow::Borrowed(s)
}

/// The folded form of a whole string.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Ólafur Þórsson"), "olafur thorsson");
        assert_eq!(fold("Straße ÉTÉ"), "strasse ete");
        assert_eq!(fold("Москва"), "москва");
    }
}
