//! The largest corpus that readouts reads: one set of limits, enforced everywhere.
//!
//! A corpus comes from an operator, but readers' browsers pay for it: a 64 KB readout title of
//! one repeated letter once took the app half a minute to lay out, and a field the app cannot
//! hold (a number past 32 bits in wasm) made the app refuse what `readouts check` accepted. So
//! every limit lives here, and every reader enforces the same ones:
//!
//! - [`Corpus::from_json`] (the app's reader) refuses a corpus past any limit
//!   ([`CorpusError::Limits`](crate::CorpusError::Limits));
//! - [`validate`](crate::validate::validate) (`readouts check`) reports each value past a limit as
//!   a located problem;
//! - the parser [`fit`]s what it makes, so `readouts build` never writes a corpus that `check`
//!   or the app would refuse.
//!
//! The limits are far above anything a real readout needs (a readout's title is a line, a
//! name a few words, a sentence a few hundred bytes) and far below what makes a page slow.
//! [`LIMITS`] lists them for people and tools (`readouts limits` prints it).

#[cfg(feature = "corrections")]
use crate::model::Correction;
use crate::model::{Corpus, Diagnostic, Level, Readout, Statement};
use crate::validate::Problem;
use serde::Serialize;

/// Bytes of a corpus file that `readouts check` and the app read, at most.
pub const CORPUS_BYTES: usize = 512 * 1024 * 1024;
/// Bytes of one readout's source text (and of a readout file that `readouts build` reads).
pub const SOURCE_TEXT_BYTES: usize = 8 * 1024 * 1024;
/// Bytes of a readout's title.
pub const TITLE_BYTES: usize = 1_000;
/// Bytes of a statement's text (one sentence's content).
pub const STATEMENT_TEXT_BYTES: usize = 20_000;
/// Bytes of an id (readout, participant; a statement id is its readout's id plus `-s<n>`).
pub const ID_BYTES: usize = 300;
/// Bytes of a short label: a name, an alias, a title, a country, a place, a publisher, a
/// reporting verb, a topic.
pub const LABEL_BYTES: usize = 300;
/// Bytes of a source URL.
pub const URL_BYTES: usize = 4_096;
/// Bytes of a diagnostic's message.
pub const MESSAGE_BYTES: usize = 2_000;
/// Participants of one readout.
pub const PARTICIPANTS: usize = 1_000;
/// Items of any other list of a readout: aliases of a participant, speakers and topics of a
/// statement, topics and diagnostics of a readout.
pub const LIST_ITEMS: usize = 1_000;
/// Statements of one readout.
pub const STATEMENTS: usize = 100_000;

/// One limit, described for people and tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// A stable name (`title_bytes`).
    pub name: &'static str,
    /// The largest value allowed.
    pub max: usize,
    /// What it bounds, in plain words.
    pub applies_to: &'static str,
}

/// Every limit, in the order of this module.
pub const LIMITS: &[Limit] = &[
    limit("corpus_bytes", CORPUS_BYTES, "bytes of a corpus JSON file"),
    limit(
        "source_text_bytes",
        SOURCE_TEXT_BYTES,
        "bytes of a readout's source.text (and of a readout file)",
    ),
    limit("title_bytes", TITLE_BYTES, "bytes of a readout's title"),
    limit(
        "statement_text_bytes",
        STATEMENT_TEXT_BYTES,
        "bytes of a statement's text",
    ),
    limit(
        "id_bytes",
        ID_BYTES,
        "bytes of a readout or participant id, or a speaker id (statement ids: readout id + \"-s<n>\")",
    ),
    limit(
        "label_bytes",
        LABEL_BYTES,
        "bytes of a name, alias, title, country, location, publisher, verb or topic",
    ),
    limit("url_bytes", URL_BYTES, "bytes of source.url"),
    limit(
        "message_bytes",
        MESSAGE_BYTES,
        "bytes of a diagnostic's message",
    ),
    limit("participants", PARTICIPANTS, "participants of a readout"),
    limit(
        "list_items",
        LIST_ITEMS,
        "aliases of a participant; speakers and topics of a statement; topics and diagnostics of a readout",
    ),
    limit("statements", STATEMENTS, "statements of a readout"),
];

const fn limit(name: &'static str, max: usize, applies_to: &'static str) -> Limit {
    Limit {
        name,
        max,
        applies_to,
    }
}

/// Every value of `corpus` past a limit, located by path, in corpus order.
pub fn problems(corpus: &Corpus) -> Vec<Problem> {
    let mut check = Checker {
        path: Vec::new(),
        out: Vec::new(),
    };
    for (r, readout) in corpus.readouts.iter().enumerate() {
        check.within(Seg::Item("readouts", r), |c| c.readout(readout));
    }
    check.out
}

/// One step of a value's path: a field, or an item of a list.
#[derive(Clone, Copy)]
enum Seg {
    Field(&'static str),
    Item(&'static str, usize),
}

/// Walks a corpus keeping the path to where it is; the path becomes a string only for a
/// problem (the app runs this on every load, so it costs no allocation per value, and few
/// formatting calls in the wasm).
struct Checker {
    path: Vec<Seg>,
    out: Vec<Problem>,
}

impl Checker {
    fn readout(&mut self, readout: &Readout) {
        self.bytes("id", &readout.id, ID_BYTES);
        self.bytes("title", &readout.title, TITLE_BYTES);
        self.bytes("source.text", &readout.source.text, SOURCE_TEXT_BYTES);
        self.option("source.url", &readout.source.url, URL_BYTES);
        self.option("source.publisher", &readout.source.publisher, LABEL_BYTES);
        self.option("event.location", &readout.event.location, LABEL_BYTES);
        self.labels("topics", &readout.topics, LIST_ITEMS, LABEL_BYTES);
        self.count("participants", readout.participants.len(), PARTICIPANTS);
        for (p, person) in readout.participants.iter().enumerate() {
            self.within(Seg::Item("participants", p), |c| {
                c.bytes("id", &person.id, ID_BYTES);
                c.bytes("name", &person.name, LABEL_BYTES);
                c.option("title", &person.title, LABEL_BYTES);
                c.option("country", &person.country, LABEL_BYTES);
                c.labels("aliases", &person.aliases, LIST_ITEMS, LABEL_BYTES);
            });
        }
        self.count("statements", readout.statements.len(), STATEMENTS);
        let text_len = readout.source.text.len();
        for (s, statement) in readout.statements.iter().enumerate() {
            self.within(Seg::Item("statements", s), |c| {
                c.statement(statement, text_len)
            });
        }
        // At most one correction per statement and event field (validation), so as many as
        // statements, and a dropped statement within a statement's limits.
        self.count("corrections", readout.corrections.len(), STATEMENTS);
        #[cfg(not(feature = "corrections"))]
        for (k, statement) in readout.corrections.statements().iter().enumerate() {
            self.within(Seg::Item("corrections", k), |c| {
                c.bytes("statement", statement, ID_BYTES + 24)
            });
        }
        #[cfg(feature = "corrections")]
        for (k, correction) in readout.corrections.iter().enumerate() {
            self.within(Seg::Item("corrections", k), |c| match correction {
                Correction::Speakers { statement, parsed } => {
                    c.bytes("statement", statement, ID_BYTES + 24);
                    c.labels("parsed", parsed, LIST_ITEMS, ID_BYTES);
                }
                Correction::Dropped { statement } => {
                    c.within(Seg::Field("statement"), |c| {
                        c.statement(statement, text_len)
                    });
                }
                Correction::EventDate { parsed } | Correction::EventLocation { parsed } => {
                    c.option("parsed", parsed, LABEL_BYTES);
                }
            });
        }
        self.count("diagnostics", readout.diagnostics.len(), LIST_ITEMS);
        for (d, diagnostic) in readout.diagnostics.iter().enumerate() {
            self.within(Seg::Item("diagnostics", d), |c| {
                c.bytes("message", &diagnostic.message, MESSAGE_BYTES);
            });
        }
    }

    fn statement(&mut self, statement: &Statement, text_len: usize) {
        self.bytes("id", &statement.id, ID_BYTES + 24);
        self.bytes("verb", &statement.verb, LABEL_BYTES);
        self.bytes("text", &statement.text, STATEMENT_TEXT_BYTES);
        self.labels("speakers", &statement.speakers, LIST_ITEMS, ID_BYTES);
        self.labels("topics", &statement.topics, LIST_ITEMS, LABEL_BYTES);
        // A paragraph index past the text's length indexes no paragraph (and a number past 32
        // bits could not even be read by the app, which runs in 32-bit wasm).
        if statement.paragraph > text_len {
            let message = format!(
                "{} is past the end of source.text ({text_len} bytes)",
                statement.paragraph
            );
            self.push(Seg::Field("paragraph"), message);
        }
    }

    /// Runs `check` one step further down the path.
    fn within(&mut self, seg: Seg, check: impl FnOnce(&mut Self)) {
        self.path.push(seg);
        check(self);
        self.path.pop();
    }

    fn bytes(&mut self, field: &'static str, value: &str, max: usize) {
        if value.len() > max {
            self.over(Seg::Field(field), value.len(), "bytes", max);
        }
    }

    fn option(&mut self, field: &'static str, value: &Option<String>, max: usize) {
        if let Some(value) = value {
            self.bytes(field, value, max);
        }
    }

    fn count(&mut self, field: &'static str, count: usize, max: usize) {
        if count > max {
            self.over(Seg::Field(field), count, "items", max);
        }
    }

    /// A list of strings: its length, and each item's.
    fn labels<S: AsRef<str>>(
        &mut self,
        field: &'static str,
        items: &[S],
        max: usize,
        bytes: usize,
    ) {
        self.count(field, items.len(), max);
        for (i, item) in items.iter().enumerate() {
            let len = item.as_ref().len();
            if len > bytes {
                self.over(Seg::Item(field, i), len, "bytes", bytes);
            }
        }
    }

    /// A value past its limit: "`<found>` `<unit>`, more than the limit of `<max>`".
    fn over(&mut self, last: Seg, found: usize, unit: &str, max: usize) {
        self.push(
            last,
            format!("{found} {unit}, more than the limit of {max}"),
        );
    }

    /// A problem at the current path followed by `last`.
    fn push(&mut self, last: Seg, message: String) {
        let mut path = String::new();
        for seg in self.path.iter().chain([&last]) {
            if !path.is_empty() {
                path.push('.');
            }
            let (name, item) = match *seg {
                Seg::Field(name) => (name, None),
                Seg::Item(name, i) => (name, Some(i)),
            };
            path.push_str(name);
            if let Some(i) = item {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
        self.out.push(Problem::new(path, message));
    }
}

/// Brings a readout the parser made within the limits, saying what it cut in a warning
/// diagnostic each time: strings are shortened at a character boundary and end with "…",
/// lists keep their first items, and statements of participants past the limit are dropped.
/// A readout within the limits is left as it is.
pub fn fit(readout: &mut Readout) {
    let mut cuts: Vec<String> = Vec::new();
    let mut cut = |what: &str| cuts.push(what.to_string());
    // Room for the suffix `readouts build` adds to make ids unique ("-2").
    if readout.id.len() > ID_BYTES - 16 {
        let mut id = readout.id.clone();
        shorten_plain(&mut id, ID_BYTES - 16);
        readout.set_id(id);
        cut("the id");
    }
    if shorten(&mut readout.title, TITLE_BYTES) {
        cut("the title");
    }
    if let Some(publisher) = &mut readout.source.publisher {
        if shorten(publisher, LABEL_BYTES) {
            cut("the publisher");
        }
    }
    if let Some(location) = &mut readout.event.location {
        if shorten(location, LABEL_BYTES) {
            cut("the place");
        }
    }
    if readout
        .source
        .url
        .as_ref()
        .is_some_and(|u| u.len() > URL_BYTES)
    {
        // A shortened URL would lead elsewhere: drop it instead.
        readout.source.url = None;
        cut("the source URL (dropped)");
    }
    fit_participants(readout, &mut cut);
    // A label that long is no topic (a long quotation, say): dropped everywhere.
    let before = readout.topics.len();
    readout.topics.retain(|t| t.len() <= LABEL_BYTES);
    if readout.topics.len() < before {
        cut("topics longer than a label");
    }
    for statement in &mut readout.statements {
        if shorten(&mut statement.text, STATEMENT_TEXT_BYTES) {
            cut(&format!("the text of {}", statement.id));
        }
        statement.topics.retain(|t| t.len() <= LABEL_BYTES);
        statement.topics.truncate(LIST_ITEMS);
    }
    if readout.statements.len() > STATEMENTS {
        readout.statements.truncate(STATEMENTS);
        cut("the statements past the limit");
    }
    if readout.topics.len() > LIST_ITEMS {
        readout.topics.truncate(LIST_ITEMS);
        cut("the topics past the limit");
    }
    for diagnostic in &mut readout.diagnostics {
        if shorten(&mut diagnostic.message, MESSAGE_BYTES) {
            cut("a diagnostic's message");
        }
    }
    if readout.diagnostics.len() >= LIST_ITEMS {
        // One place is kept for the diagnostic that says what was cut.
        readout.diagnostics.truncate(LIST_ITEMS - 1);
        cut("the diagnostics past the limit");
    }
    if !cuts.is_empty() {
        let mut message = format!(
            "shortened to the corpus limits (`readouts limits`): {}",
            cuts.join(", ")
        );
        shorten(&mut message, MESSAGE_BYTES);
        readout.diagnostics.push(Diagnostic {
            level: Level::Warning,
            message,
            span: None,
        });
    }
}

/// Participants past [`PARTICIPANTS`] are dropped with their statements; long names, titles,
/// countries and aliases are shortened (a participant's id is a slug of the name, and is
/// shortened too).
fn fit_participants(readout: &mut Readout, cut: &mut impl FnMut(&str)) {
    if readout.participants.len() > PARTICIPANTS {
        // A set: each statement's speakers are looked up in it (a list made this quadratic).
        let dropped: std::collections::HashSet<String> = readout.participants[PARTICIPANTS..]
            .iter()
            .map(|p| p.id.clone())
            .collect();
        readout.participants.truncate(PARTICIPANTS);
        let mut keep: std::collections::HashMap<(*const String, usize), bool> =
            std::collections::HashMap::new();
        readout.statements.retain(|s| {
            // Statements of the same speakers share one list: each list is read once
            // (a thousand "They said …" of a thousand leaders would be a million reads).
            let list = (s.speakers.as_ptr(), s.speakers.len());
            *keep.entry(list).or_insert_with(|| {
                crate::parse::work::add(s.speakers.len());
                !s.speakers.iter().any(|id| dropped.contains(id))
            })
        });
        cut("the participants past the limit, with their statements");
    }
    for (p, person) in readout.participants.iter_mut().enumerate() {
        let mut long = shorten(&mut person.name, LABEL_BYTES);
        for field in [&mut person.title, &mut person.country]
            .into_iter()
            .flatten()
        {
            long |= shorten(field, LABEL_BYTES);
        }
        person.aliases.retain(|a| a.len() <= LABEL_BYTES);
        person.aliases.truncate(LIST_ITEMS);
        if person.id.len() > ID_BYTES {
            let old = std::mem::take(&mut person.id);
            // Shortened, then made unique again by the participant's position.
            let mut id = old.clone();
            shorten_plain(&mut id, ID_BYTES - 12);
            id.push_str(&format!("-{p}"));
            for statement in &mut readout.statements {
                if statement.speakers.contains(&old) {
                    let speakers: Vec<String> = statement
                        .speakers
                        .iter()
                        .map(|s| if *s == old { id.clone() } else { s.clone() })
                        .collect();
                    statement.speakers = speakers.into();
                }
            }
            person.id = id;
            long = true;
        }
        if long {
            cut(&format!("a participant's name ({})", person.id));
        }
    }
}

/// The part of a raw readout that the parser reads: all of it, or, past
/// [`SOURCE_TEXT_BYTES`], the lines that fit (true when it was cut). Normalization never
/// lengthens text, so the source text stays within its limit.
pub fn within_source_limit(raw: &str) -> (&str, bool) {
    if raw.len() <= SOURCE_TEXT_BYTES {
        return (raw, false);
    }
    let mut end = SOURCE_TEXT_BYTES;
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = &raw[..end];
    let end = head.rfind('\n').map_or(end, |newline| newline + 1);
    (&raw[..end], true)
}

/// Shortens `s` to at most `max` bytes, ending with "…"; true if it was longer.
fn shorten(s: &mut String, max: usize) -> bool {
    if s.len() <= max {
        return false;
    }
    shorten_plain(s, max - '…'.len_utf8());
    s.push('…');
    true
}

/// Cuts `s` to at most `max` bytes at a character boundary.
fn shorten_plain(s: &mut String, max: usize) {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
}
