//! Word and punctuation tokens with byte offsets into the normalized text.

use crate::model::Span;

/// One token: a word (letters, digits, inner hyphens and apostrophes) or one punctuation char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// `None` for words, the character for punctuation.
    pub punct: Option<char>,
    /// A word with a joiner inside ("al-Qasimi", "Putin’s").
    pub joined: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Where the token lies in the text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// True for characters that can continue a word when followed by a letter or digit.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '‑')
}

/// Splits `text[range]` into tokens; whitespace separates and is dropped.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    // About one token per five bytes of prose.
    let mut tokens = Vec::with_capacity((end - start) / 4 + 1);
    tokenize_into(text, start, end, &mut tokens);
    tokens
}

/// [`tokenize`], appending to `out`: one buffer can hold the tokens of a whole readout.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    super::work::add(end - start);
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // ASCII, by far the most common case, is classified by table: a letter or digit
        // starts a word, other ASCII but whitespace is punctuation.
        let (c, starts_word) = match ASCII_CLASS[usize::from(b)] {
            AsciiClass::Space => {
                i += 1;
                continue;
            }
            AsciiClass::Word => (char::from(b), true),
            AsciiClass::Punct => (char::from(b), false),
            AsciiClass::NotAscii => match text[i..end].chars().next() {
                Some(c) => (c, c.is_alphanumeric()),
                None => break,
            },
        };
        if starts_word {
            let (word_end, joined) = word_end(text, i, end);
            out.push(Token {
                start: i,
                end: word_end,
                punct: None,
                joined,
            });
            i = word_end;
            continue;
        }
        let next = i + c.len_utf8();
        if !c.is_whitespace() {
            out.push(Token {
                start: i,
                end: next,
                punct: Some(c),
                joined: false,
            });
        }
        i = next;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// A letter or digit.
    Word,
    /// Whitespace.
    Space,
    /// Any other ASCII character: punctuation and symbols (controls never reach the parser).
    Punct,
    /// A byte of a multi-byte character.
    NotAscii,
}

/// The class of every byte value.
static ASCII_CLASS: [AsciiClass; 256] = {
    let mut table = [AsciiClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            AsciiClass::Word
        } else if matches!(byte, b' ' | b'\t'..=b'\r') {
            AsciiClass::Space
        } else {
            AsciiClass::Punct
        };
        b += 1;
    }
    table
};

/// The char starting at byte `i` of `text[..end]`, if any.
fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    let b = *text.as_bytes().get(i).filter(|_| i < end)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[i..end].chars().next()
    }
}

/// The end of the word starting at `start` (letters and digits, and joiners between two of
/// them), and whether it has a joiner.
fn word_end(text: &str, start: usize, end: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut joined = false;
    loop {
        // The common case: a run of ASCII letters and digits.
        i = ascii_word_end(&bytes[..end], i);
        let Some(&b) = bytes[..end].get(i) else {
            return (i, joined);
        };
        let c = match ASCII_CLASS[usize::from(b)] {
            AsciiClass::NotAscii => match text[i..end].chars().next() {
                Some(c) => c,
                None => return (i, joined),
            },
            // Of ASCII, only a hyphen or an apostrophe can go on.
            _ if b == b'-' || b == b'\'' => char::from(b),
            _ => return (i, joined),
        };
        if c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        // A joiner belongs to the word only between two word characters.
        let after = i + c.len_utf8();
        if is_joiner(c) && char_at(text, after, end).is_some_and(char::is_alphanumeric) {
            i = after;
            joined = true;
        } else {
            return (i, joined);
        }
    }
}

/// The end of the run of ASCII letters and digits at `i` of `bytes`, eight bytes at a time:
/// one test finds where a word shorter than eight bytes (most are) ends, with no branch per
/// letter to mispredict at the word's end; the last few bytes of `bytes` one at a time.
fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let others = not_alphanumeric(u64::from_le_bytes(*chunk));
        if others != 0 {
            // Little-endian: the lowest set bit is in the first such byte.
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The high bit of every byte of `chunk` that is not an ASCII letter or digit (non-ASCII
/// bytes included). Each byte's sums stay below 0x100: no carry crosses into the next byte.
fn not_alphanumeric(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` (all below 0x80) that lies in `lo..=hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7F - hi))
    };
    let ascii = chunk & !HIGH;
    // `| 0x20` lowers ASCII letters, and maps no other byte into a..=z.
    let letters = within(ascii | (ONES * 0x20), b'a', b'z');
    let digits = within(ascii, b'0', b'9');
    (!(letters | digits) & HIGH) | (chunk & HIGH)
}

/// The tokens as text, with "" for punctuation: what word-level scanners index.
pub fn token_words<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    tokens
        .iter()
        .map(|t| if t.is_word() { t.text(text) } else { "" })
        .collect()
}

/// A short word in ASCII lowercase, kept on the stack: for matching against keywords.
pub struct Lower {
    bytes: [u8; 32],
    len: usize,
}

impl Lower {
    /// The lowercase word; "" for a word longer than 32 bytes (no keyword is that long).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// `word` in ASCII lowercase without allocating (see [`Lower`]).
pub fn ascii_lower(word: &str) -> Lower {
    let mut lower = Lower {
        bytes: [0; 32],
        len: 0,
    };
    if let Some(slot) = lower.bytes.get_mut(..word.len()) {
        // Copied and lowered in one loop: a word is a few bytes, and a copy of unknown length
        // is a call to the C library's memcpy.
        for (to, &from) in slot.iter_mut().zip(word.as_bytes()) {
            *to = from.to_ascii_lowercase();
        }
        lower.len = word.len();
    }
    lower
}

/// True when the word starts with an uppercase letter (any script).
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a possessive ending ("Putin’s" → "Putin").
pub fn strip_possessive(word: &str) -> &str {
    // Every possessive ends in "s" or in "’" (whose last byte is 0x99): most words end otherwise.
    if !matches!(word.as_bytes().last(), Some(b's' | 0x99)) {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix("’"))
        .unwrap_or(word)
}

/// True for opening or closing double quotation marks of any style.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("Putin’s China-Russia ties, al-Qasimi's “new” 10:30."),
            vec![
                "Putin’s",
                "China-Russia",
                "ties",
                ",",
                "al-Qasimi's",
                "“",
                "new",
                "”",
                "10",
                ":",
                "30",
                "."
            ]
        );
    }

    #[test]
    fn keeps_diacritics_and_trailing_hyphen_apart() {
        assert_eq!(
            words("Ólafur Þórsson - ok"),
            vec!["Ólafur", "Þórsson", "-", "ok"]
        );
    }

    #[test]
    fn offsets_are_absolute() {
        let text = "xx Hello";
        let t = tokenize(text, 3, text.len());
        assert_eq!((t[0].start, t[0].end), (3, 8));
    }

    #[test]
    fn lowers_short_words_on_the_stack() {
        assert_eq!(
            ascii_lower("Évening").as_str(),
            "Évening".to_ascii_lowercase()
        );
        assert_eq!(ascii_lower("TONIGHT").as_str(), "tonight");
        assert_eq!(
            ascii_lower("Extraordinarily-long-compound-word").as_str(),
            ""
        );
    }

    #[test]
    fn finds_the_end_of_ascii_words_as_a_byte_loop_does() {
        // Every byte value at every place of a chunk, and every length around eight.
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = b"abcdefgh".to_vec();
                bytes[at] = byte;
                bytes.extend_from_slice(b"Z9q0");
                for len in 0..=bytes.len() {
                    let run = &bytes[..len];
                    let expected = run
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric())
                        .unwrap_or(len);
                    assert_eq!(ascii_word_end(run, 0), expected, "{byte:#x} at {at}, {len}");
                }
            }
        }
    }

    #[test]
    fn strips_possessives() {
        assert_eq!(strip_possessive("Putin’s"), "Putin");
        assert_eq!(strip_possessive("Brenn's"), "Brenn");
        assert_eq!(strip_possessive("Brenn"), "Brenn");
    }
}
