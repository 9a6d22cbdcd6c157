//! Normalization of pasted readout text into the stored `source.text`.
//!
//! Every span the parser produces indexes the normalized text, so this runs first and alone:
//! line endings become `\n`, HTML entities are decoded once, odd spaces become plain spaces,
//! runs of spaces collapse, lines are trimmed, and blank-line runs collapse to one blank line.

/// Returns the normalized form of `raw`. Idempotent: `normalize(&normalize(x)) == normalize(x)`
/// for text without entity-like sequences produced by decoding.
pub fn normalize(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let text: &str = &decoded;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Newlines seen since the last visible character; flushed as at most two.
    let mut pending_newlines = 0usize;
    let mut pending_space = false;
    let flush = |out: &mut String, newlines: &mut usize, space: &mut bool| {
        if !out.is_empty() {
            if *newlines > 0 {
                out.push_str(if *newlines > 1 { "\n\n" } else { "\n" });
            } else if *space {
                out.push(' ');
            }
        }
        *newlines = 0;
        *space = false;
    };
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of visible ASCII, single spaces between, is copied as it is.
        if bytes[i].is_ascii_graphic() {
            let start = i;
            i += 1;
            loop {
                while let Some(chunk) = bytes[i..].first_chunk::<8>() {
                    if !is_plain_chunk(u64::from_le_bytes(*chunk), bytes[i - 1] == b' ') {
                        break;
                    }
                    i += 8;
                }
                match bytes.get(i) {
                    Some(b) if b.is_ascii_graphic() => i += 1,
                    Some(b' ')
                        if bytes[i - 1] != b' '
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_graphic) =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            // A run never ends in a space: a space before a line end or an odd character is
            // the slow path's to judge.
            if bytes[i - 1] == b' ' {
                i -= 1;
            }
            flush(&mut out, &mut pending_newlines, &mut pending_space);
            out.push_str(&text[start..i]);
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                pending_newlines += 1;
                pending_space = false;
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                pending_newlines += 1;
                pending_space = false;
            }
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}' => {}
            c if c.is_whitespace() || c.is_control() => {
                if pending_newlines == 0 {
                    pending_space = true;
                }
            }
            c => {
                flush(&mut out, &mut pending_newlines, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// True when eight bytes are visible ASCII or single spaces (no space follows a space, and the
/// first byte is no space when `after_space`): the bytes need no change. Word-at-a-time tests.
fn is_plain_chunk(word: u64, after_space: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Control characters (below 0x20), DEL and any non-ASCII byte.
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let del = {
        let x = word ^ (ONES * 0x7F);
        x.wrapping_sub(ONES) & !x & HIGH
    };
    if control | del | (word & HIGH) != 0 {
        return false;
    }
    // Exactly the bytes that are spaces, as their high bit.
    let x = word ^ (ONES * 0x20);
    let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
    spaces & (spaces << 8) == 0 && !(after_space && spaces & 0x80 != 0)
}

/// Decodes named and numeric HTML entities once (`&amp;amp;` becomes `&amp;`).
fn decode_entities(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        match decode_one(tail) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Decodes the entity at the start of `s` (which starts with `&`): the char and bytes used.
fn decode_one(s: &str) -> Option<(char, usize)> {
    let semi = s[1..].find(';').filter(|&i| i <= 10)? + 1;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "middot" => '·',
            "bull" => '•',
            "shy" => '\u{ad}',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "oacute" => 'ó',
            "iacute" => 'í',
            "uacute" => 'ú',
            "ntilde" => 'ñ',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "auml" => 'ä',
            "ccedil" => 'ç',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn cleans_a_messy_paste() {
        let raw = "\u{feff}  Title&nbsp;line \r\n\r\n\r\nA  &amp; B said &quot;hi&quot;.\r\nNext\tline&#8217;s end &#x2014; ok \n";
        assert_eq!(
            normalize(raw),
            "Title line\n\nA & B said \"hi\".\nNext line’s end — ok"
        );
    }

    #[test]
    fn decodes_once_and_keeps_unknown_entities() {
        assert_eq!(
            normalize("&amp;amp; &bogus; & &#0; &#xZZ;"),
            "&amp; &bogus; & &#0; &#xZZ;"
        );
    }

    #[test]
    fn keeps_markup_as_text() {
        assert_eq!(
            normalize("&lt;script&gt;x&lt;/script&gt;"),
            "<script>x</script>"
        );
    }

    #[test]
    fn plain_runs_keep_single_spaces_and_lose_the_rest() {
        let text =
            "A plain line of text with single spaces only.  Then  doubled   ones \nand a \t tab.";
        assert_eq!(
            normalize(text),
            "A plain line of text with single spaces only. Then doubled ones\nand a tab."
        );
        for cut in 0..text.len() {
            let slow: String = text[cut..]
                .split('\n')
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            assert_eq!(normalize(&text[cut..]), slow.trim(), "from byte {cut}");
        }
    }

    #[test]
    fn is_idempotent_on_plain_text() {
        let once = normalize(" a  b \r\n\r\n\r\n c ");
        assert_eq!(normalize(&once), once);
    }
}
