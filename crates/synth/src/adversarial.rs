//! Adversarial readouts: inputs shaped to make a parser super-linear, at any size.
//!
//! Each [`Family`] repeats one shape that an innocent parser handles in time quadratic in its
//! length: a sentence of chained reporting frames ("Lina Orsk said that Tomas Brenn said that
//! …"), thousands of speakers, one endless name, a paragraph without a sentence end, and so on.
//! The parser's scaling test (work units at 2N against N) and its benchmark (`parse/adversarial`)
//! run every family; every name in them is invented.

/// One shape of adversarial input.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// A short name, for benchmark ids and test messages.
    pub name: &'static str,
    /// What the input repeats.
    pub shape: &'static str,
    make: fn(usize) -> String,
}

impl Family {
    /// The input at about `bytes` bytes (never much shorter; longer by at most one repeat).
    pub fn text(&self, bytes: usize) -> String {
        (self.make)(bytes)
    }
}

/// Every family.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "chained_frames",
        shape: "one sentence: \"Lina Orsk said that \" + \"Tomas Brenn said that \" × N",
        make: chained_frames,
    },
    Family {
        name: "alternating_clauses",
        shape: "one sentence: \"A said that …, while B stressed that …, while A …\" × N",
        make: alternating_clauses,
    },
    Family {
        name: "and_verb_chain",
        shape: "one sentence: \"Lina Orsk opened the talks and called for calm and called for …\"",
        make: and_verb_chain,
    },
    Family {
        name: "according_to",
        shape: "one sentence: \"According to Lina Orsk, according to Tomas Brenn, …\"",
        make: according_to,
    },
    Family {
        name: "nested_quotes",
        shape: "“A said: “B said: “A said: … ” ” ”, and straight quotes around N terms",
        make: nested_quotes,
    },
    Family {
        name: "quoted_terms",
        shape: "one sentence quoting N distinct terms (\"Kalo Mire\"), then one naming them all",
        make: quoted_terms,
    },
    Family {
        name: "acronyms",
        shape: "N distinct acronyms defined (\"Alba Bora Cana (ABC)\"), then one sentence naming all",
        make: acronyms,
    },
    Family {
        name: "long_list",
        shape: "\"They agreed on the following:\" and N list items",
        make: long_list,
    },
    Family {
        name: "joint_subject_list",
        shape: "one subject of N names: \"A1 B1, A2 B2, …, and AN BN said that …\"",
        make: joint_subject_list,
    },
    Family {
        name: "long_name",
        shape: "one name of N capitalized words, a title chain \"President of President of …\", an acronym after a long capitalized run",
        make: long_name,
    },
    Family {
        name: "transcript_labels",
        shape: "N transcript turns, each with its own speaker label",
        make: transcript_labels,
    },
    Family {
        name: "no_sentence_end",
        shape: "readout prose with every sentence end replaced by a comma: one sentence",
        make: no_sentence_end,
    },
    Family {
        name: "many_participants",
        shape: "N distinct speakers, each in a sentence of their own, and an attendee line of N names",
        make: many_participants,
    },
    Family {
        name: "joint_and_titles",
        shape: "N participants, then \"They said …\", \"The President said …\" × N",
        make: joint_and_titles,
    },
];

/// The family of this name.
pub fn family(name: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.name == name)
}

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "sa", "tu", "vel", "zor", "bri", "dan", "fe", "gor", "hal", "ist",
    "jun", "nor",
];

/// The `n`-th invented word: distinct for every `n`, capitalized ("Kalo", "Mire").
fn word(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
    }
    if out.len() < 4 {
        out.push_str("ra");
    }
    capitalize(&out)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The `n`-th invented person: two distinct words ("Kalo Mire").
fn person(n: usize) -> String {
    format!("{} {}", word(2 * n), word(2 * n + 1))
}

/// `head`, then `repeat(i)` for i = 0, 1, … until `bytes` is reached, then `tail`.
fn repeated(
    bytes: usize,
    head: &str,
    mut repeat: impl FnMut(usize) -> String,
    tail: &str,
) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str(head);
    let mut i = 0;
    while out.len() + tail.len() < bytes {
        out.push_str(&repeat(i));
        i += 1;
    }
    out.push_str(tail);
    out
}

const OPENING: &str =
    "President Lina Orsk held talks with Prime Minister Tomas Brenn in Vell on 3 March 2031.\n\n";

fn chained_frames(bytes: usize) -> String {
    repeated(
        bytes,
        &format!("{OPENING}Lina Orsk said that "),
        |_| "Tomas Brenn said that ".into(),
        "the talks went well.",
    )
}

fn alternating_clauses(bytes: usize) -> String {
    repeated(
        bytes,
        &format!("{OPENING}Lina Orsk said that trade grew"),
        |i| {
            let (who, verb) = if i % 2 == 0 {
                ("Tomas Brenn", "stressed")
            } else {
                ("Lina Orsk", "noted")
            };
            format!(", while {who} {verb} that trade grew")
        },
        ".",
    )
}

fn and_verb_chain(bytes: usize) -> String {
    repeated(
        bytes,
        &format!("{OPENING}Lina Orsk opened the talks"),
        |_| " and called for calm".into(),
        ".",
    )
}

fn according_to(bytes: usize) -> String {
    repeated(
        bytes,
        OPENING,
        |i| {
            let who = if i % 2 == 0 {
                "Lina Orsk"
            } else {
                "Tomas Brenn"
            };
            let lead = if i == 0 { "According" } else { "according" };
            format!("{lead} to {who}, ")
        },
        "the talks went well.",
    )
}

fn nested_quotes(bytes: usize) -> String {
    let half = bytes / 2;
    let mut out = repeated(
        half,
        &format!("{OPENING}Lina Orsk said: "),
        |i| {
            let who = if i % 2 == 0 {
                "Tomas Brenn"
            } else {
                "Lina Orsk"
            };
            format!("“{who} said: ")
        },
        "we agree",
    );
    let depth = out.matches('“').count();
    out.extend(std::iter::repeat_n("”", depth));
    out.push_str(".\n\n");
    out.push_str(&repeated(
        bytes.saturating_sub(out.len()),
        "Tomas Brenn said",
        |i| format!(" \"{}\" and", word(i)),
        " \"done\".",
    ));
    out
}

fn quoted_terms(bytes: usize) -> String {
    let mut n = 0;
    let mut out = repeated(
        bytes / 2,
        &format!("{OPENING}Lina Orsk welcomed"),
        |i| {
            n = i + 1;
            format!(" the \"{} {}\",", word(2 * i), word(2 * i + 1))
        },
        " and more.",
    );
    out.push_str(" Tomas Brenn praised");
    for i in 0..n {
        out.push_str(&format!(" the {} {},", word(2 * i), word(2 * i + 1)));
    }
    out.push_str(" and more.");
    out
}

/// Four words whose initials spell the `n`-th acronym, and the acronym.
fn acronym(n: usize) -> (String, String) {
    let letters: Vec<u8> = (0..4)
        .map(|k| b'A' + ((n / 26usize.pow(k)) % 26) as u8)
        .collect();
    let words: Vec<String> = letters
        .iter()
        .map(|&l| format!("{}{}", char::from(l), "orava"))
        .collect();
    (
        words.join(" "),
        String::from_utf8(letters).unwrap_or_default(),
    )
}

fn acronyms(bytes: usize) -> String {
    let mut n = 0;
    let mut out = repeated(
        bytes / 2,
        OPENING,
        |i| {
            n = i + 1;
            let (full, short) = acronym(i);
            format!("Lina Orsk praised the {full} ({short}). ")
        },
        "",
    );
    out.push_str("Tomas Brenn named");
    for i in 0..n {
        out.push_str(&format!(" the {},", acronym(i).1));
    }
    out.push_str(" and more.");
    out
}

fn long_list(bytes: usize) -> String {
    repeated(
        bytes,
        &format!("{OPENING}The leaders agreed on the following:\n"),
        |i| format!("- to open office {} in {};\n", i + 1, word(i)),
        "- to meet again.",
    )
}

fn joint_subject_list(bytes: usize) -> String {
    repeated(
        bytes,
        OPENING,
        |i| format!("{}, ", person(i)),
        "and Tomas Brenn said that the talks went well.",
    )
}

fn long_name(bytes: usize) -> String {
    let third = bytes / 3;
    let mut out = repeated(
        third,
        &format!("{OPENING}President"),
        |i| format!(" {}", word(i)),
        " said that the talks went well.",
    );
    out.push(' ');
    out.push_str(&repeated(
        third,
        "Minister",
        |_| " of President".into(),
        " of Kestria said that it works.",
    ));
    out.push(' ');
    out.push_str(&repeated(
        third,
        "They backed the",
        |i| format!(" {}", word(i)),
        " Alba Bora Cana (ABC).",
    ));
    out
}

fn transcript_labels(bytes: usize) -> String {
    repeated(
        bytes,
        OPENING,
        |i| format!("{}: Thank you. We agree.\n", person(i)),
        "",
    )
}

fn no_sentence_end(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut seed = 1;
    while out.len() < bytes {
        let text = super::readout(seed);
        seed += 1;
        // The body only: one paragraph, every sentence end a comma.
        let body = text
            .lines()
            .filter(|l| !l.starts_with("date ") && !l.starts_with("(Source"))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&body.replace(". ", ", ").replace(['.', '!', '?', ':'], ","));
        out.push(' ');
    }
    out.push('.');
    out
}

fn many_participants(bytes: usize) -> String {
    let mut n = 0;
    let mut out = repeated(
        bytes / 2,
        OPENING,
        |i| {
            n = i + 1;
            format!("{} said that trade grew. ", person(i))
        },
        "",
    );
    out.push_str("\n\n");
    for i in 0..n {
        out.push_str(&format!("{}, ", person(n + i)));
    }
    out.push_str("among others, were present.");
    out
}

fn joint_and_titles(bytes: usize) -> String {
    let mut out = repeated(
        bytes / 2,
        OPENING,
        |i| format!("President {} said that trade grew. ", person(i)),
        "\n\n",
    );
    out.push_str(&repeated(
        bytes / 2,
        "",
        |i| {
            if i % 2 == 0 {
                "They said that trade grew. ".into()
            } else {
                "The President said that trade grew. ".into()
            }
        },
        "",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_reaches_its_size_and_names_distinct_people() {
        for family in FAMILIES {
            for bytes in [1_000, 20_000] {
                let text = family.text(bytes);
                assert!(text.len() >= bytes / 2, "{} at {bytes}", family.name);
                // At most one repeat more: one readout, for `no_sentence_end`.
                assert!(text.len() <= bytes + 8192, "{} at {bytes}", family.name);
            }
        }
        let people: std::collections::HashSet<String> = (0..5000).map(person).collect();
        assert_eq!(people.len(), 5000);
    }
}
