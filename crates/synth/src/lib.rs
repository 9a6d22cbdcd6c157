//! readouts-synth: a deterministic generator of FICTIONAL readouts.
//!
//! Every country, city, organization and person here is invented ("Arvelia", "Norland",
//! President Elena Varga-Holm, …); no real leader is ever named. The texts follow the styles of
//! the project's conventions (`docs/conventions.md`) so that benchmarks and scale tests exercise the same
//! paths as real readouts:
//!
//! - foreign-ministry prose: "X stressed that …", unattributed continuation sentences,
//!   "X thanked …, noting that …", "The two sides agreed …", a topic-only sentence and an
//!   attendee line ("A and B, among others, were present at the meeting.");
//! - White-House style ("President A spoke with Prime Minister B today. The leaders discussed …");
//! - transcripts (`Title Name: text` turns);
//! - multilateral meetings with three to five leaders speaking in turn;
//! - phone and video calls, with or without a `date YYYY-MM-DD` header line;
//! - acronyms defined in the text ("Northern Trade Council (NTC)") and reused, quoted terms
//!   ("Green Corridor"), relative dates ("on Tuesday", "yesterday");
//! - now and then a messy paste: CRLF line endings, doubled spaces, `&amp;` / `&nbsp;`,
//!   curly quotes, a trailing "(Source: …)" line.
//!
//! Randomness comes from a small self-contained SplitMix64 generator, so the same seed gives the
//! same text on every platform and every version of Rust. A readout averages about twenty
//! statements, so 5,000 readouts give roughly 100,000 statements.

pub mod adversarial;

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Mixes a seed and an index into an independent seed.
fn mix(seed: u64, index: u64) -> u64 {
    Rng::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03)).next_u64()
}

struct Country {
    name: &'static str,
    adjective: &'static str,
    capital: &'static str,
}

const COUNTRIES: &[Country] = &[
    Country {
        name: "Arvelia",
        adjective: "Arvelian",
        capital: "Port Senna",
    },
    Country {
        name: "Norland",
        adjective: "Norlandic",
        capital: "Halvik",
    },
    Country {
        name: "Kestria",
        adjective: "Kestrian",
        capital: "Veloria",
    },
    Country {
        name: "Montavia",
        adjective: "Montavian",
        capital: "Draska",
    },
    Country {
        name: "Solenne",
        adjective: "Solennese",
        capital: "Ambrel",
    },
    Country {
        name: "Tavrenia",
        adjective: "Tavrenian",
        capital: "Kolmar",
    },
    Country {
        name: "Valdoria",
        adjective: "Valdorian",
        capital: "Ferrisport",
    },
    Country {
        name: "Brennia",
        adjective: "Brennian",
        capital: "Lusk",
    },
    Country {
        name: "Qarsany",
        adjective: "Qarsani",
        capital: "Meridan",
    },
    Country {
        name: "Lunaria",
        adjective: "Lunarian",
        capital: "Seloa",
    },
    Country {
        name: "Ostravelle",
        adjective: "Ostravellan",
        capital: "Quillon",
    },
    Country {
        name: "Marisco",
        adjective: "Marisquen",
        capital: "Aldera",
    },
];

const TITLES: &[&str] = &["President", "Prime Minister", "Chancellor", "Premier"];

/// Given names and surnames of fictional leaders, including hyphens, particles and diacritics.
const GIVEN: &[&str] = &[
    "Elena", "Tomas", "Idris", "Mirela", "Henrik", "Amara", "Jonas", "Zoë", "Lúcio", "Søren",
    "Katya", "Oren", "Talia", "Bastian", "Ines", "Radek", "Noor", "Émile", "Liesel", "Dario",
];
const SURNAMES: &[&str] = &[
    "Varga-Holm",
    "Lindqvist",
    "Kaelen",
    "Dragosh",
    "Solvang",
    "Okonkwo-Reyes",
    "van der Brinck",
    "Maréchal",
    "Andrade Vell",
    "Ålund",
    "Petrovane",
    "Quist",
    "Halloran",
    "Bexley",
    "de la Fuentes",
    "Marrow",
    "Teskari",
    "Oduya",
    "Ferenczy",
    "Castellane",
];

const ATTENDEE_ROLES: &[&str] = &[
    "Foreign Minister",
    "Minister of Trade",
    "National Security Adviser",
    "Chief of Staff",
    "Finance Minister",
];

/// Organizations, each introduced once with its acronym and then referred to by it.
const ORGS: &[(&str, &str)] = &[
    ("Northern Trade Council", "NTC"),
    ("Coastal Security Forum", "CSF"),
    ("Alliance of River States", "ARS"),
    ("Meridian Development Bank", "MDB"),
    ("Polar Shipping Initiative", "PSI"),
    ("Southern Grain Compact", "SGC"),
    ("Continental Energy Union", "CEU"),
];

const QUOTED: &[&str] = &[
    "Green Corridor",
    "Open Skies Compact",
    "Harbor Partnership",
    "Digital Silk Lane",
    "Blue Economy",
    "Fair Tariff Pledge",
];

const FIELDS: &[&str] = &[
    "trade and investment",
    "renewable energy",
    "fisheries",
    "port infrastructure",
    "digital connectivity",
    "public health",
    "education and culture",
    "agriculture",
    "tourism",
    "scientific research",
    "customs and logistics",
    "water management",
];

const ISSUES: &[&str] = &[
    "the situation in the Velan Strait",
    "maritime security in the Saros Sea",
    "the humanitarian crisis in the Dunmere region",
    "climate change",
    "food security",
    "the reform of the global financial system",
    "migration along the eastern frontier",
    "the ceasefire talks in Karvosh",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const VERBS_THAT: &[&str] = &[
    "stressed that",
    "said that",
    "noted that",
    "pointed out that",
    "emphasized that",
    "underlined that",
    "expressed the hope that",
    "reaffirmed that",
];

#[derive(Clone)]
struct Leader {
    title: &'static str,
    given: &'static str,
    surname: &'static str,
    country: usize,
}

impl Leader {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
    fn titled(&self) -> String {
        format!("{} {}", self.title, self.full())
    }
    fn titled_short(&self) -> String {
        format!("{} {}", self.title, self.surname)
    }
    fn country(&self) -> &'static Country {
        &COUNTRIES[self.country]
    }
}

struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
    fn long(&self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }
    fn short(&self) -> String {
        format!("{} {}", MONTHS[self.month as usize - 1], self.day)
    }
    /// Day of the week (0 = Monday), Zeller-style via days since 1970-01-01 (a Thursday).
    fn weekday(&self) -> usize {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        (days + 3).rem_euclid(7) as usize
    }
}

/// Per-readout state: the random source, the cast, and which acronyms are already defined.
struct Gen {
    rng: Rng,
    defined: Vec<bool>,
    /// The principal's country (the first leader cast): the side that issues the readout.
    issuer: Option<usize>,
}

impl Gen {
    fn new(seed: u64) -> Self {
        Gen {
            rng: Rng::new(mix(seed, 0x5EED)),
            defined: vec![false; ORGS.len()],
            issuer: None,
        }
    }

    fn leaders(&mut self, count: usize) -> Vec<Leader> {
        let mut countries: Vec<usize> = Vec::new();
        while countries.len() < count {
            let c = self.rng.below(COUNTRIES.len());
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
        self.issuer = self.issuer.or(countries.first().copied());
        let mut used: Vec<&str> = Vec::new();
        countries
            .into_iter()
            .map(|country| {
                let mut surname = self.rng.pick(SURNAMES);
                while used.contains(&surname) {
                    surname = self.rng.pick(SURNAMES);
                }
                used.push(surname);
                Leader {
                    title: self.rng.pick(TITLES),
                    given: self.rng.pick(GIVEN),
                    surname,
                    country,
                }
            })
            .collect()
    }

    fn attendees(&mut self, avoid: &[Leader]) -> Vec<String> {
        let n = self.rng.range(2, 3);
        let mut out: Vec<String> = Vec::new();
        while out.len() < n {
            let surname = self.rng.pick(SURNAMES);
            if avoid.iter().any(|l| l.surname == surname) {
                continue;
            }
            let mut name = format!("{} {}", self.rng.pick(GIVEN), surname);
            if self.rng.chance(30) {
                name = format!("{} {name}", self.rng.pick(ATTENDEE_ROLES));
            }
            if !out.iter().any(|o| o.ends_with(surname)) {
                out.push(name);
            }
        }
        out
    }

    fn date(&mut self) -> Date {
        let month = self.rng.range(1, 12) as u32;
        Date {
            year: self.rng.range(2019, 2025) as u32,
            month,
            day: self.rng.range(1, 28) as u32,
        }
    }

    /// An organization mention: defined with its acronym the first time, then the acronym.
    fn org(&mut self) -> String {
        let i = self.rng.below(ORGS.len());
        let (name, acronym) = ORGS[i];
        if self.defined[i] {
            format!("the {acronym}")
        } else {
            self.defined[i] = true;
            format!("the {name} ({acronym})")
        }
    }

    fn quoted(&mut self) -> String {
        format!("\"{}\"", self.rng.pick(QUOTED))
    }

    /// A clause with content: a position, proposal or commitment (no final period).
    fn content(&mut self, own: &Leader, other: &Leader) -> String {
        let a = own.country().name;
        let b = other.country().name;
        let field = self.rng.pick(FIELDS);
        let issue = self.rng.pick(ISSUES);
        match self.rng.below(14) {
            0 => format!("{a} and {b} should continue to deepen cooperation in {field}"),
            1 => format!(
                "{a} is ready to work with {b} to advance the {} initiative",
                self.quoted()
            ),
            2 => format!(
                "the two countries should strengthen coordination within {}",
                self.org()
            ),
            3 => format!("{a} is deeply concerned about {issue} and calls for restraint by all parties"),
            4 => format!(
                "relations between {a} and {b} have entered a new stage of steady growth over the past year"
            ),
            5 => format!("{a} supports a political settlement of {issue} through dialogue and consultation"),
            6 => format!(
                "{a} welcomes more {} companies to invest in {field} and will provide a fair business environment",
                other.country().adjective
            ),
            7 => format!(
                "both sides should make full use of {} to expand practical cooperation",
                self.org()
            ),
            8 => format!(
                "the {} vision offers a sound framework for cooperation in {field}",
                self.quoted()
            ),
            9 => format!("{a} will host the next ministerial meeting of {} in the autumn", self.org()),
            10 => format!(
                "the people of {a} and {b} share a long history of friendly exchanges that should be carried forward"
            ),
            11 => format!("{a} opposes unilateral sanctions and any attempt to politicize {field}"),
            12 => format!(
                "the two governments should launch negotiations on a new agreement on {field} before the end of the year"
            ),
            _ => format!(
                "{a} stands ready to share its experience in {field} and to train more {} experts",
                other.country().adjective
            ),
        }
    }

    /// A whole unattributed sentence continuing the current speaker (with final period).
    fn continuation(&mut self, own: &Leader, other: &Leader) -> String {
        capitalize(&self.content(own, other)) + "."
    }

    /// How a leader is referred to after the first mention.
    fn mention(&mut self, leader: &Leader) -> String {
        match self.rng.below(4) {
            0 => leader.full(),
            1 => leader.titled_short(),
            2 => leader.surname.to_string(),
            _ => leader.full(),
        }
    }

    /// A speaker paragraph: an attributed first sentence, then continuations, sometimes a
    /// pronoun-led attributed sentence.
    fn speaker_paragraph(
        &mut self,
        speaker: &Leader,
        other: &Leader,
        first_in_readout: bool,
        thanks: bool,
    ) -> String {
        let mut sentences = Vec::new();
        let who = self.mention(speaker);
        if thanks {
            sentences.push(format!(
                "{} thanked {} for the warm reception, noting that {}.",
                capitalize(&who),
                other.titled(),
                self.content(speaker, other)
            ));
        } else if first_in_readout && self.rng.chance(30) {
            sentences.push(format!(
                "Recalling the visit to {} last year, {who} pointed out that {}.",
                other.country().capital,
                self.content(speaker, other)
            ));
        } else {
            let verb = self.rng.pick(VERBS_THAT);
            sentences.push(format!(
                "{} {verb} {}.",
                capitalize(&who),
                self.content(speaker, other)
            ));
        }
        let extra = self.rng.range(2, 6);
        for _ in 0..extra {
            match self.rng.below(10) {
                0 => {
                    let verb = self.rng.pick(VERBS_THAT);
                    let pronoun = if self.rng.chance(50) { "He" } else { "She" };
                    sentences.push(format!(
                        "{pronoun} {verb} {}.",
                        self.content(speaker, other)
                    ));
                }
                1 => sentences.push(format!(
                    "{} welcomed the progress made in {}.",
                    capitalize(&self.mention(speaker)),
                    self.rng.pick(FIELDS)
                )),
                _ => sentences.push(self.continuation(speaker, other)),
            }
        }
        sentences.join(" ")
    }

    fn joint(&mut self, a: &Leader, b: &Leader, subject: &str) -> String {
        let field = self.rng.pick(FIELDS);
        match self.rng.below(4) {
            0 => format!(
                "{subject} agreed to strengthen exchanges at all levels and to expand cooperation in {field}."
            ),
            1 => format!(
                "{subject} agreed that {} and {} will hold a joint commission meeting on {field} within six months.",
                a.country().name,
                b.country().name
            ),
            2 => format!(
                "{subject} welcomed the signing of several cooperation documents covering {field} and {}.",
                self.rng.pick(FIELDS)
            ),
            _ => format!(
                "{subject} expressed their readiness to work together within {} on {}.",
                self.org(),
                self.rng.pick(ISSUES)
            ),
        }
    }

    fn topic_only(&mut self, subject: &str) -> String {
        format!(
            "{subject} also had an exchange of views on {} and other international and regional issues of mutual interest.",
            self.rng.pick(ISSUES)
        )
    }

    fn attendee_line(&mut self, leaders: &[Leader]) -> String {
        let names = self.attendees(leaders);
        let list = match names.len() {
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!("{}, {} and {}", names[0], names[1], names[2]),
        };
        format!("{list}, among others, were present at the meeting.")
    }

    fn header(&mut self, published: &Date, always: bool) -> Option<String> {
        (always || self.rng.chance(70)).then(|| format!("date {}", published.iso()))
    }

    /// A date phrase for the event, relative to the publication date when possible.
    fn event_when(&mut self, event: &Date, published_same_day: bool) -> String {
        let part = self.rng.pick(&[
            "On the morning of",
            "On the afternoon of",
            "On the evening of",
            "On",
        ]);
        if published_same_day && self.rng.chance(25) {
            return format!("On {}", WEEKDAYS[event.weekday()]);
        }
        if self.rng.chance(50) {
            format!("{part} {} local time", event.long())
        } else {
            format!("{part} {}", event.short())
        }
    }

    fn ministry_prose(&mut self, kind: MinistryKind) -> String {
        let cast = self.leaders(2);
        let date = self.date();
        self.ministry_prose_of(kind, &cast, &date)
    }

    /// A ministry's account of `kind` between `cast[0]` (its own leader) and `cast[1]`.
    fn ministry_prose_of(&mut self, kind: MinistryKind, cast: &[Leader], date: &Date) -> String {
        let (p, c) = (&cast[0], &cast[1]);
        let mut paras = Vec::new();
        let header = self.header(date, matches!(kind, MinistryKind::Phone));
        let when = self.event_when(date, header.is_some());
        let opening = match kind {
            MinistryKind::Meeting => format!(
                "{when}, {} met with {} {} in {}.",
                p.titled(),
                c.country().adjective,
                c.titled(),
                p.country().capital
            ),
            MinistryKind::Talks => format!(
                "{when}, {} held talks with {} {} at the Hall of the Republic in {}.",
                p.titled(),
                c.country().adjective,
                c.titled(),
                p.country().capital
            ),
            MinistryKind::Phone => format!(
                "{when}, {} had a phone call with {} {}.",
                p.titled(),
                c.country().adjective,
                c.titled()
            ),
            MinistryKind::Video => format!(
                "{when}, {} held a video call with {} of {}.",
                p.titled(),
                c.titled(),
                c.country().name
            ),
        };
        match header {
            Some(h) if self.rng.chance(30) => paras.push(format!("{h} {opening}")),
            Some(h) => {
                paras.push(h);
                paras.push(opening);
            }
            None => paras.push(opening),
        }
        let turns = self.rng.range(3, 5);
        for t in 0..turns {
            let (speaker, other) = if t % 2 == 0 { (p, c) } else { (c, p) };
            let thanks = t == 1 && !matches!(kind, MinistryKind::Phone | MinistryKind::Video);
            paras.push(self.speaker_paragraph(speaker, other, t == 0, thanks));
        }
        let subject = self
            .rng
            .pick(&["The two sides", "The two heads of state", "Both leaders"]);
        let mut joint = vec![self.joint(p, c, subject)];
        if self.rng.chance(60) {
            joint.push(self.joint(p, c, "They"));
        }
        paras.push(joint.join(" "));
        if self.rng.chance(60) {
            paras.push(self.topic_only("The two heads of state"));
        }
        if matches!(kind, MinistryKind::Meeting | MinistryKind::Talks) {
            paras.push(self.attendee_line(cast));
        }
        paras.join("\n\n")
    }

    fn white_house(&mut self) -> String {
        let cast = self.leaders(2);
        let date = self.date();
        self.white_house_of(&cast, &date, false)
    }

    /// A "Readout of …'s Call" by `cast[0]`'s office; `dated` always gives it its date line
    /// (which anchors its "today").
    fn white_house_of(&mut self, cast: &[Leader], date: &Date, dated: bool) -> String {
        let (p, c) = (&cast[0], &cast[1]);
        let mut paras = Vec::new();
        if let Some(h) = self.header(date, dated) {
            paras.push(h);
        }
        paras.push(format!(
            "Readout of {}'s Call with {} of {}",
            p.titled_short(),
            c.titled_short(),
            c.country().name
        ));
        let mut first = vec![
            format!(
                "{} spoke with {} of {} today.",
                p.titled(),
                c.titled(),
                c.country().name
            ),
            format!(
                "The leaders discussed {} and cooperation in {}.",
                self.rng.pick(ISSUES),
                self.rng.pick(FIELDS)
            ),
        ];
        let n = self.rng.range(4, 8);
        for _ in 0..n {
            let verb = self.rng.pick(&[
                "reaffirmed that",
                "underscored that",
                "welcomed that",
                "noted that",
            ]);
            first.push(format!(
                "{} {verb} {}.",
                p.titled_short(),
                self.content(p, c)
            ));
            if self.rng.chance(40) {
                first.push(self.continuation(p, c));
            }
        }
        paras.push(first.join(" "));
        let mut second = Vec::new();
        let n = self.rng.range(3, 6);
        for _ in 0..n {
            second.push(format!(
                "{} said that {}.",
                c.titled_short(),
                self.content(c, p)
            ));
            if self.rng.chance(50) {
                second.push(self.continuation(c, p));
            }
        }
        paras.push(second.join(" "));
        paras.push(format!(
            "They agreed to stay in close touch on {} and to meet on the margins of the next summit of {}.",
            self.rng.pick(ISSUES),
            self.org()
        ));
        paras.join("\n\n")
    }

    fn transcript(&mut self) -> String {
        let cast = self.leaders(2);
        let date = self.date();
        let mut paras = Vec::new();
        if let Some(h) = self.header(&date, false) {
            paras.push(h);
        }
        paras.push(format!(
            "Joint press remarks by {} and {}, {}, {} {} {}",
            cast[0].titled(),
            cast[1].titled(),
            cast[0].country().capital,
            date.day,
            MONTHS[date.month as usize - 1],
            date.year
        ));
        let turns = self.rng.range(4, 6);
        for t in 0..turns {
            let (s, o) = (&cast[t % 2], &cast[(t + 1) % 2]);
            let label = if self.rng.chance(50) {
                s.titled_short()
            } else {
                s.full()
            };
            let mut sentences = Vec::new();
            if t == 0 {
                sentences.push(format!(
                    "It is an honour to welcome {} to {}.",
                    o.titled_short(),
                    s.country().capital
                ));
            }
            let n = self.rng.range(2, 5);
            for _ in 0..n {
                sentences.push(capitalize(&self.content(s, o)) + ".");
            }
            if self.rng.chance(30) {
                sentences.push("Thank you.".to_string());
            }
            paras.push(format!("{label}: {}", sentences.join(" ")));
        }
        paras.join("\n\n")
    }

    fn multilateral(&mut self) -> String {
        let n = self.rng.range(3, 5);
        let cast = self.leaders(n);
        let date = self.date();
        let mut paras = Vec::new();
        if let Some(h) = self.header(&date, false) {
            paras.push(h);
        }
        let host = &cast[0];
        let guests: Vec<String> = cast[1..]
            .iter()
            .map(|l| format!("{} {}", l.country().adjective, l.titled()))
            .collect();
        let when = self.event_when(&date, false);
        paras.push(format!(
            "{when}, {} hosted a summit of {} with {} in {}.",
            host.titled(),
            self.org(),
            join_and(&guests),
            host.country().capital
        ));
        for (i, speaker) in cast.iter().enumerate() {
            let other = &cast[(i + 1) % cast.len()];
            paras.push(self.speaker_paragraph(speaker, other, i == 0, false));
        }
        let mut closing = vec![self.joint(host, &cast[1], "The leaders")];
        if self.rng.chance(50) {
            closing.push(self.joint(host, &cast[2], "They"));
        }
        paras.push(closing.join(" "));
        if self.rng.chance(50) {
            paras.push(self.attendee_line(&cast));
        }
        paras.join("\n\n")
    }

    /// Turns a clean text into a messy paste.
    fn mess(&mut self, text: String, source: &str) -> String {
        let mut text = text
            .replace(
                " and ",
                if self.rng.chance(50) {
                    " &amp; "
                } else {
                    " and "
                },
            )
            .replace(". ", if self.rng.chance(50) { ".  " } else { ". " });
        if self.rng.chance(50) {
            text = text.replacen(' ', "&nbsp;", 1);
        }
        if self.rng.chance(50) {
            text = curly_quotes(&text);
        }
        text.push_str(&format!("\n\n(Source: {source})"));
        if self.rng.chance(60) {
            text = text.replace('\n', "\r\n");
        }
        text
    }
}

#[derive(Clone, Copy)]
enum MinistryKind {
    Meeting,
    Talks,
    Phone,
    Video,
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Replaces straight double quotes by alternating curly ones, and apostrophes by ’.
fn curly_quotes(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '"' => {
                let q = if open { '\u{201C}' } else { '\u{201D}' };
                open = !open;
                q
            }
            '\'' => '\u{2019}',
            other => other,
        })
        .collect()
}

/// One fictional readout, in a style chosen by the seed. The same seed always gives the
/// same text.
pub fn readout(seed: u64) -> String {
    let mut g = Gen::new(seed);
    let text = match g.rng.below(100) {
        0..=24 => g.ministry_prose(MinistryKind::Meeting),
        25..=39 => g.ministry_prose(MinistryKind::Talks),
        40..=51 => g.ministry_prose(MinistryKind::Phone),
        52..=59 => g.ministry_prose(MinistryKind::Video),
        60..=71 => g.white_house(),
        72..=83 => g.transcript(),
        _ => g.multilateral(),
    };
    if g.rng.chance(15) {
        // The readout is the principal's side's: its ministry is the source.
        let issuer = g.issuer.unwrap_or_else(|| g.rng.below(COUNTRIES.len()));
        let source = format!("Ministry of Foreign Affairs of {}", COUNTRIES[issuer].name);
        g.mess(text, &source)
    } else {
        text
    }
}

/// Two accounts of one phone call, each by one side: the first leader's ministry in prose,
/// then the second leader's office in the "Readout of …'s Call" style, the same day. The same
/// seed always gives the same pair.
pub fn account_pair(seed: u64) -> [String; 2] {
    let mut g = Gen::new(seed);
    let cast = g.leaders(2);
    let date = g.date();
    let first = g.ministry_prose_of(MinistryKind::Phone, &cast, &date);
    // The second account defines its acronyms anew.
    g.defined.iter_mut().for_each(|d| *d = false);
    let swapped = [cast[1].clone(), cast[0].clone()];
    let second = g.white_house_of(&swapped, &date, true);
    [first, second]
}

/// In every run of this many readouts of [`corpus`], the last two are two accounts of one
/// call ([`account_pair`]).
pub const PAIR_EVERY: usize = 25;

/// `count` fictional readouts as `(file name, text)` pairs, in file-name order. File names are
/// `NNNNN_<hex>.txt`, unique, and depend only on `seed` and the index. The last two of every
/// [`PAIR_EVERY`] are two sides' accounts of one call.
pub fn corpus(count: usize, seed: u64) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let s = mix(seed, i as u64 + 1);
            let text = match i % PAIR_EVERY {
                n if n == PAIR_EVERY - 2 => {
                    let [first, _] = account_pair(s);
                    first
                }
                n if n == PAIR_EVERY - 1 => {
                    // The other side's account of the call of the readout before.
                    let [_, second] = account_pair(mix(seed, i as u64));
                    second
                }
                _ => readout(s),
            };
            (format!("{i:05}_{:016x}.txt", s), text)
        })
        .collect()
}

/// One paragraph (no blank line, no line break) of readout-like attributed and continuation
/// sentences, about `bytes` long: never longer, and shorter by less than one sentence.
pub fn single_paragraph(bytes: usize) -> String {
    let mut g = Gen::new(0xFACE ^ bytes as u64);
    let cast = g.leaders(2);
    let mut out = String::with_capacity(bytes);
    let opening = format!(
        "{} met with {} {} in {}.",
        cast[0].titled(),
        cast[1].country().adjective,
        cast[1].titled(),
        cast[0].country().capital
    );
    if opening.len() > bytes {
        return String::new();
    }
    out.push_str(&opening);
    let mut turn = 0;
    loop {
        let (s, o) = (&cast[turn % 2], &cast[(turn + 1) % 2]);
        let sentence = if g.rng.chance(35) {
            turn += 1;
            let verb = g.rng.pick(VERBS_THAT);
            format!("{} {verb} {}.", capitalize(&g.mention(s)), g.content(s, o))
        } else {
            g.continuation(s, o)
        };
        if out.len() + 1 + sentence.len() > bytes {
            break;
        }
        out.push(' ');
        out.push_str(&sentence);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        for seed in 0..50 {
            assert_eq!(readout(seed), readout(seed));
        }
        assert_eq!(corpus(20, 7), corpus(20, 7));
        assert_eq!(single_paragraph(5000), single_paragraph(5000));
    }

    #[test]
    fn different_seeds_differ() {
        let texts: std::collections::HashSet<String> = (0..200).map(readout).collect();
        assert_eq!(texts.len(), 200);
        assert_ne!(corpus(5, 1), corpus(5, 2));
    }

    #[test]
    fn corpus_has_the_requested_size_and_unique_sorted_names() {
        let c = corpus(300, 42);
        assert_eq!(c.len(), 300);
        let names: Vec<&String> = c.iter().map(|(n, _)| n).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert!(names.iter().all(|n| n.ends_with(".txt")));
        assert!(corpus(0, 1).is_empty());
    }

    #[test]
    fn single_paragraph_has_about_the_requested_size() {
        for bytes in [1_000, 10_000, 1_000_000] {
            let p = single_paragraph(bytes);
            assert!(p.len() <= bytes, "{} > {bytes}", p.len());
            assert!(
                p.len() + 400 >= bytes,
                "{} much shorter than {bytes}",
                p.len()
            );
            assert!(!p.contains('\n'));
        }
        assert_eq!(single_paragraph(3), "");
    }

    #[test]
    fn every_style_appears() {
        let texts: Vec<String> = (0..400).map(readout).collect();
        let has = |needle: &str| texts.iter().any(|t| t.contains(needle));
        assert!(has("among others, were present at the meeting."));
        assert!(has("had a phone call with"));
        assert!(has("held a video call with"));
        assert!(has("spoke with"));
        assert!(has("Joint press remarks"));
        assert!(has("hosted a summit"));
        assert!(has("\r\n"));
        assert!(has("(Source: "));
        assert!(has("&amp;"));
        assert!(texts.iter().any(|t| t.starts_with("date 20")));
        assert!(has("The two sides agreed"));
        assert!(has(" (NTC)"));
    }

    #[test]
    fn about_twenty_statement_sentences_per_readout() {
        // A rough count: sentence ends in the body, minus headers and non-statement lines.
        let texts: Vec<String> = (0..500).map(readout).collect();
        let sentences: usize = texts
            .iter()
            .map(|t| t.matches(". ").count() + t.matches(".\n").count())
            .sum();
        let average = sentences as f64 / texts.len() as f64;
        assert!((15.0..30.0).contains(&average), "average {average}");
    }

    #[test]
    fn weekday_is_right() {
        // 2024-07-03 was a Wednesday; 1970-01-01 a Thursday.
        let d = Date {
            year: 2024,
            month: 7,
            day: 3,
        };
        assert_eq!(WEEKDAYS[d.weekday()], "Wednesday");
        let d = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        assert_eq!(WEEKDAYS[d.weekday()], "Thursday");
    }
}
