//! The corpus model: the serde types every part of readouts agrees on.
//!
//! Field names are part of the public JSON format (other tools read it), so they are fixed here
//! and never renamed. A corpus carries [`SCHEMA_VERSION`]; [`Corpus::from_json`] refuses any other.

use crate::limits;
use crate::validate::Problem;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// The version of the JSON corpus format this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole corpus: every parsed readout, in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema_version: u32,
    pub readouts: Vec<Readout>,
}

/// One parsed readout: the event, who took part, what each of them said, and the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readout {
    /// Stable slug, unique within a corpus.
    pub id: String,
    pub title: String,
    /// Publication date (`YYYY-MM-DD`), from the `date` header line.
    pub published: Option<String>,
    pub event: Event,
    pub participants: Vec<Participant>,
    pub statements: Vec<Statement>,
    /// Every topic of the readout, in order of first mention. Labels from the curated lexicon
    /// are shared (borrowed), the readout's own are owned; the JSON is the same.
    pub topics: Vec<Cow<'static, str>>,
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
    /// What readers corrected in the parse, each with the parser's value it replaced: the
    /// fields above hold the corrected values ([`correct`](crate::correct)). Empty, and absent
    /// from the JSON, in a readout as parsed; absent in corpora written before it existed.
    #[serde(default, skip_serializing_if = "Corrections::is_empty")]
    #[cfg_attr(not(feature = "corrections"), serde(skip_serializing))]
    pub corrections: Corrections,
}

/// When, where and what kind of encounter the readout reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Day of the meeting or call (`YYYY-MM-DD`); null when the text gives no anchor.
    pub date: Option<String>,
    pub time_of_day: Option<TimeOfDay>,
    /// City; null for phone and video calls.
    pub location: Option<String>,
    pub kind: EventKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    Morning,
    Afternoon,
    Evening,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Meeting,
    Talks,
    PhoneCall,
    VideoCall,
    Multilateral,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Meeting,
        EventKind::Talks,
        EventKind::PhoneCall,
        EventKind::VideoCall,
        EventKind::Multilateral,
    ];

    /// The JSON name, also used in URLs and labels.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::PhoneCall => "phone_call",
            EventKind::VideoCall => "video_call",
            EventKind::Multilateral => "multilateral",
        }
    }

    /// A human label ("phone call").
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::PhoneCall => "phone call",
            EventKind::VideoCall => "video call",
            EventKind::Multilateral => "multilateral meeting",
        }
    }
}

/// A person who took part. Ids are slugs of the canonical name, so the same person has the
/// same id in every readout of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: String,
    /// The fullest form of the name the text gives.
    pub name: String,
    pub title: Option<String>,
    pub country: Option<String>,
    pub role: Role,
    /// Every other form the text uses for this person ("President Putin", "Putin").
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Principal,
    Counterpart,
    Attendee,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Principal => "principal",
            Role::Counterpart => "counterpart",
            Role::Attendee => "attendee",
        }
    }
}

/// A statement's participant ids. Shared, not copied: the statements of the same speakers hold
/// one list. In JSON, an array of strings.
pub type Speakers = Arc<[String]>;

/// [`Speakers`] as a JSON array of strings, through the code that reads and writes every other
/// list of strings of the model (serde's own `Arc` support would add its own to the wasm).
pub(crate) mod shared_ids {
    use super::Speakers;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(ids: &Speakers, serializer: S) -> Result<S::Ok, S::Error> {
        ids.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Speakers, D::Error> {
        Vec::<String>::deserialize(deserializer).map(Speakers::from)
    }
}

/// One attributed statement: who said it, how (the reporting verb), and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// `<readout id>-s<n>`, n counting from 1 in reading order.
    pub id: String,
    /// Participant ids; more than one for joint statements ("The two sides agreed …").
    #[serde(with = "shared_ids")]
    pub speakers: Speakers,
    /// The reporting verb as written ("pointed out"), or `continued` / `said`. Borrowed from the
    /// parser's verb list when it is spelled as listed (most are), so statements share it.
    pub verb: Cow<'static, str>,
    pub text: String,
    /// The whole sentence in [`Source::text`].
    pub span: Span,
    /// Zero-based index of the paragraph of the source text.
    pub paragraph: usize,
    /// Topic labels, as in [`Readout::topics`].
    pub topics: Vec<Cow<'static, str>>,
}

/// A readout's corrections: with the `corrections` feature (on by default), the whole record,
/// each [`Correction`] with the parser's value it replaced; without it (the main app's
/// build), only the marks that views show, read from the same JSON ([`crate::marks::Marks`]).
#[cfg(feature = "corrections")]
pub type Corrections = Vec<Correction>;
/// A readout's corrections: without the `corrections` feature, only their marks.
#[cfg(not(feature = "corrections"))]
pub type Corrections = crate::marks::Marks;

/// One value of a readout that a reader corrected, with the parser's value it replaced (see
/// [`correct`](crate::correct), which applies and records them). In JSON, an object with one
/// key, the kind: `{"speakers": {"statement": "r-s2", "parsed": ["a-b"]}}`,
/// `{"dropped": {"statement": {…}}}`, `{"event_date": {"parsed": "2024-07-03"}}`,
/// `{"event_location": {"parsed": null}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// The statement `statement` (an id of [`Readout::statements`]) has other speakers than
    /// the parser's, `parsed`.
    Speakers {
        statement: String,
        #[serde(with = "shared_ids")]
        parsed: Speakers,
    },
    /// A statement the parser made and a reader dropped, as the parser made it: it is no
    /// longer in [`Readout::statements`].
    Dropped { statement: Statement },
    /// The event's date is not the parser's, `parsed`.
    EventDate { parsed: Option<String> },
    /// The event's place is not the parser's, `parsed`.
    EventLocation { parsed: Option<String> },
}

/// The readout's text, normalized, and where it came from.
///
/// `text` is the whole text the parser read, so every [`Span`] stays an index into it and
/// parsing `text` again gives the same readout. What the parser read as metadata rather than
/// as the readout (a first line `date YYYY-MM-DD`, whose date is [`Readout::published`]) comes
/// before [`Source::prose_start`]; the readout's own prose, the part shown as the readout, is
/// `&text[prose_start..]`, and every statement's span lies inside it. A file's `key: value`
/// header never reaches `text` (the CLI removes it before parsing). See `docs/corpus-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The normalized text every [`Span`] indexes into.
    pub text: String,
    /// The byte offset in `text` where the readout's prose starts (0 when the text starts with
    /// it). Absent in corpora written before it existed, which read as 0: their text was shown
    /// whole, and still is.
    #[serde(default)]
    pub prose_start: usize,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// Something the parser could not read, or read with doubt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Warning,
    Error,
}

/// The unit enums of the model, read from their snake_case names by one visitor
/// ([`read_name`]): serde's derived readers would compile a reader, a name visitor and their
/// error paths per enum into the app's wasm. They are written by serde's derived `Serialize`
/// (`rename_all = "snake_case"`); a test checks that both agree on every name.
trait Named: Copy + 'static {
    /// Every variant, in the order of [`Named::NAMES`].
    const ALL: &'static [Self];
    /// The JSON name of each variant.
    const NAMES: &'static [&'static str];
}

/// Reads a [`Named`] enum from its name; any other string is an "unknown variant" error that
/// lists the names, as serde's derived readers say.
fn read_name<'de, D: Deserializer<'de>, T: Named>(deserializer: D) -> Result<T, D::Error> {
    deserializer
        .deserialize_str(NameOf(T::NAMES))
        .map(|i| T::ALL[i])
}

/// The visitor of [`read_name`]: the position of a name in a list.
struct NameOf(&'static [&'static str]);

impl<'de> Visitor<'de> for NameOf {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("one of")?;
        for (i, name) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { " `" } else { ", `" })?;
            f.write_str(name)?;
            f.write_str("`")?;
        }
        Ok(())
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|name| *name == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }
}

macro_rules! named {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl Named for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                read_name(deserializer)
            }
        }
    };
}

named!(TimeOfDay { Morning => "morning", Afternoon => "afternoon", Evening => "evening" });
named!(EventKind {
    Meeting => "meeting",
    Talks => "talks",
    PhoneCall => "phone_call",
    VideoCall => "video_call",
    Multilateral => "multilateral",
});
named!(Role { Principal => "principal", Counterpart => "counterpart", Attendee => "attendee" });
named!(Level { Warning => "warning", Error => "error" });

/// A byte range `[start, end)` into [`Source::text`], serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The spanned text, or `None` when the span is out of range or not on char boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The span as a range, to index a string (`&text[span.range()]`, which panics where
    /// [`Span::slice`] gives `None`).
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// The verb of a statement that went on in the next sentence (`docs/conventions.md`).
pub const CONTINUED: &str = "continued";

impl Readout {
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The verb a continuation of this readout continues: that of the nearest statement before
    /// it that is not a continuation itself (None at the readout's start, or for a statement
    /// of another readout). A card and a citation say "stressed", not "continued".
    pub fn continued_verb(&self, statement: &Statement) -> Option<&str> {
        let at = self
            .statements
            .iter()
            .position(|s| std::ptr::eq(s, statement))?;
        self.statements[..at]
            .iter()
            .rev()
            .map(|s| s.verb.as_ref())
            .find(|&verb| verb != CONTINUED)
    }

    /// The reporting verb of `statement` as a reader reads it: its own, or for a continuation
    /// the verb it continues (its own, "continued", where none comes before it).
    pub fn reporting_verb<'a>(&'a self, statement: &'a Statement) -> &'a str {
        match statement.verb.as_ref() {
            CONTINUED => self.continued_verb(statement).unwrap_or(CONTINUED),
            verb => verb,
        }
    }

    /// Gives the readout a new id, and its statements (those of its corrections too) ids to
    /// match: `<id>-s<n>` with each statement's own number (a dropped statement leaves a gap),
    /// or its place in `statements` for an id without one.
    pub fn set_id(&mut self, id: String) {
        let prefix = format!("{}-s", self.id);
        let renamed = |old: &str, n: usize| match old.strip_prefix(&prefix) {
            Some(number) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{id}-s{number}")
            }
            _ => statement_id(&id, n),
        };
        for (n, statement) in self.statements.iter_mut().enumerate() {
            statement.id = renamed(&statement.id, n);
        }
        let count = self.statements.len();
        #[cfg(feature = "corrections")]
        for correction in &mut self.corrections {
            match correction {
                Correction::Speakers { statement, .. } => *statement = renamed(statement, count),
                Correction::Dropped { statement } => statement.id = renamed(&statement.id, count),
                Correction::EventDate { .. } | Correction::EventLocation { .. } => {}
            }
        }
        #[cfg(not(feature = "corrections"))]
        self.corrections
            .rename(|statement| renamed(statement, count));
        self.id = id;
    }
}

/// The id of the `index`-th (zero-based) statement of a readout.
pub fn statement_id(readout_id: &str, index: usize) -> String {
    let mut id = String::with_capacity(readout_id.len() + 8);
    id.push_str(readout_id);
    id.push_str("-s");
    // The number's digits, written without the formatting machinery (one id per statement).
    let number = index + 1;
    let mut divisor = 1;
    while divisor <= number / 10 {
        divisor *= 10;
    }
    while divisor > 0 {
        id.push(char::from(b'0' + (number / divisor % 10) as u8));
        divisor /= 10;
    }
    id
}

/// Why a corpus could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    /// The text is not JSON of the corpus shape; `line` and `column` are 1-based.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON has no usable `schema_version`.
    MissingSchemaVersion,
    /// The corpus was written for another version of the format.
    SchemaVersion { found: u64, expected: u32 },
    /// The file is larger than [`limits::CORPUS_BYTES`].
    TooLarge { bytes: usize },
    /// Values past the [limits], each located (never empty).
    Limits(Vec<Problem>),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Json {
                line,
                column,
                message,
            } => write!(
                f,
                "malformed corpus JSON at line {line}, column {column}: {message}"
            ),
            CorpusError::MissingSchemaVersion => write!(
                f,
                "the corpus has no schema_version (expected schema_version {SCHEMA_VERSION})"
            ),
            CorpusError::SchemaVersion { found, expected } => write!(
                f,
                "unsupported corpus schema_version {found}: this version of readouts reads schema_version {expected}"
            ),
            CorpusError::TooLarge { bytes } => write!(
                f,
                "the corpus file has {bytes} bytes, more than the limit of {}",
                limits::CORPUS_BYTES
            ),
            CorpusError::Limits(problems) => {
                write!(f, "the corpus is past readouts' limits")?;
                if let Some(first) = problems.first() {
                    write!(f, ": {first}")?;
                }
                if problems.len() > 1 {
                    write!(f, " (and {} more)", problems.len() - 1)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

impl From<serde_json::Error> for CorpusError {
    fn from(err: serde_json::Error) -> Self {
        let message = err.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        CorpusError::Json {
            line: err.line(),
            column: err.column(),
            message,
        }
    }
}

/// A `schema_version` field as it was written: a whole number, or `None` for any other JSON
/// value (a string, a fraction, null, …), read without building a JSON value tree (which
/// would cost the app's wasm several kilobytes for this one field). In the app's wasm a
/// fraction is a JSON error instead (`vendor/serde_json` reads whole numbers only).
struct Version(Option<u64>);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Version, E> {
                Ok(Version(Some(n)))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Version, E> {
                Ok(Version(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Version, E> {
                Ok(Version(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Version, E> {
                Ok(Version(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Version, E> {
                Ok(Version(None))
            }
            fn visit_unit<E>(self) -> Result<Version, E> {
                Ok(Version(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Version, A::Error> {
                IgnoredAny.visit_seq(seq).map(|_| Version(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Version, A::Error> {
                IgnoredAny.visit_map(map).map(|_| Version(None))
            }
        }
        deserializer.deserialize_any(Any)
    }
}

impl Corpus {
    pub fn new(readouts: Vec<Readout>) -> Self {
        Corpus {
            schema_version: SCHEMA_VERSION,
            readouts,
        }
    }

    /// Statements over all readouts.
    pub fn statement_count(&self) -> usize {
        self.readouts.iter().map(|r| r.statements.len()).sum()
    }

    /// Reads a corpus, checking the schema version before the shape so that a corpus from
    /// another version gets a message about versions, not about some missing field, and
    /// refusing one past the [limits]. A leading UTF-8 byte-order mark is
    /// skipped. `readouts check` applies the same limits.
    pub fn from_json(json: &str) -> Result<Corpus, CorpusError> {
        Self::from_json_bytes(json.as_bytes())
    }

    /// [`Corpus::from_json`] on the bytes of a file: the app's reader, which reads the
    /// fetched bytes as they came (no text decoding, no UTF-16 copy in between). A string
    /// that is not UTF-8 is a JSON error with its line and column.
    pub fn from_json_bytes(json: &[u8]) -> Result<Corpus, CorpusError> {
        let corpus = Self::from_bytes_unlimited(json)?;
        let problems = limits::problems(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(CorpusError::Limits(problems))
        }
    }

    /// [`Corpus::from_json`] without the per-value limits, for validation
    /// ([`validate`](crate::validate::validate) reports each value past a limit as a located
    /// problem among the others). Only the file's size is limited.
    pub fn from_json_unlimited(json: &str) -> Result<Corpus, CorpusError> {
        Self::from_bytes_unlimited(json.as_bytes())
    }

    /// The one reader behind the others: text and bytes go through the same code (one copy
    /// of the JSON reader in the app's wasm).
    pub(crate) fn from_bytes_unlimited(json: &[u8]) -> Result<Corpus, CorpusError> {
        let json = json.strip_prefix("\u{feff}".as_bytes()).unwrap_or(json);
        if json.len() > limits::CORPUS_BYTES {
            return Err(CorpusError::TooLarge { bytes: json.len() });
        }
        #[derive(Deserialize)]
        struct Header {
            schema_version: Option<Version>,
        }
        let header: Header = serde_json::from_slice(json)?;
        let found = header
            .schema_version
            .and_then(|v| v.0)
            .ok_or(CorpusError::MissingSchemaVersion)?;
        if found != u64::from(SCHEMA_VERSION) {
            return Err(CorpusError::SchemaVersion {
                found,
                expected: SCHEMA_VERSION,
            });
        }
        Ok(serde_json::from_slice(json)?)
    }

    /// The corpus file: compact JSON (no indentation or spaces: a corpus is downloaded by
    /// every reader, and indentation is a third of an indented file) with a trailing newline;
    /// the same corpus always gives the same bytes.
    ///
    /// Written by [`export::corpus_json`](crate::export::corpus_json), the compact writer
    /// every download shares (serde's output, byte for byte, without its code in the app).
    pub fn to_json(&self) -> String {
        let readouts: Vec<&Readout> = self.readouts.iter().collect();
        crate::export::corpus_json(&readouts)
    }

    /// [`Corpus::to_json`] indented, for people reading it (`readouts parse`).
    pub fn to_json_pretty(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a corpus always serializes");
        json.push('\n');
        json
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn statement_ids_count_from_one() {
        let ids: Vec<String> = [0, 8, 9, 99, 1234]
            .iter()
            .map(|&n| statement_id("r", n))
            .collect();
        assert_eq!(ids, ["r-s1", "r-s9", "r-s10", "r-s100", "r-s1235"]);
    }

    use super::*;

    /// Each variant reads back from the name serde's derived `Serialize` writes for it.
    fn names_round_trip<
        T: Named + Serialize + for<'de> Deserialize<'de> + fmt::Debug + PartialEq,
    >() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (value, name) in T::ALL.iter().zip(T::NAMES) {
            let json = serde_json::to_string(value).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *value);
        }
    }

    #[test]
    fn unit_enums_read_the_names_they_write() {
        names_round_trip::<TimeOfDay>();
        names_round_trip::<EventKind>();
        names_round_trip::<Role>();
        names_round_trip::<Level>();
        assert_eq!(&EventKind::ALL[..], <EventKind as Named>::ALL);
    }

    #[test]
    fn unknown_and_mistyped_names_say_what_was_expected() {
        let err = serde_json::from_str::<Role>("\"host\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `host`, expected one of `principal`, `counterpart`, `attendee` at line 1 column 6"
        );
        let err = serde_json::from_str::<Level>("3").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `3`, expected one of `warning`, `error` at line 1 column 1"
        );
    }

    fn tiny() -> Corpus {
        Corpus::new(vec![Readout {
            id: "r".into(),
            title: "T".into(),
            published: None,
            event: Event {
                date: Some("2024-01-02".into()),
                time_of_day: Some(TimeOfDay::Evening),
                location: None,
                kind: EventKind::PhoneCall,
            },
            participants: vec![Participant {
                id: "a-b".into(),
                name: "A B".into(),
                title: None,
                country: None,
                role: Role::Principal,
                aliases: vec![],
            }],
            statements: vec![Statement {
                id: statement_id("r", 0),
                speakers: ["a-b".into()].into(),
                verb: "said".into(),
                text: "x".into(),
                span: Span::new(0, 1),
                paragraph: 0,
                topics: vec![],
            }],
            topics: vec![],
            source: Source {
                text: "x".into(),
                prose_start: 0,
                publisher: None,
                url: None,
            },
            diagnostics: vec![],
            corrections: Default::default(),
        }])
    }

    #[test]
    fn round_trips_with_the_documented_field_names() {
        let corpus = tiny();
        let json = corpus.to_json();
        assert!(json.starts_with("{\"schema_version\":1,"));
        assert!(json.contains("\"span\":[0,1]"));
        assert!(json.contains("\"kind\":\"phone_call\""));
        assert!(json.contains("\"time_of_day\":\"evening\""));
        assert_eq!(json.lines().count(), 1, "compact: one line");
        assert_eq!(Corpus::from_json(&json).unwrap(), corpus);
        let pretty = corpus.to_json_pretty();
        assert!(pretty.contains("\"span\": [\n"));
        assert_eq!(Corpus::from_json(&pretty).unwrap(), corpus);
    }

    #[test]
    fn another_schema_version_names_both_versions() {
        let json = tiny()
            .to_json()
            .replace("\"schema_version\":1", "\"schema_version\":7");
        let err = Corpus::from_json(&json).unwrap_err();
        assert_eq!(
            err,
            CorpusError::SchemaVersion {
                found: 7,
                expected: 1
            }
        );
        let message = err.to_string();
        assert!(message.contains('7') && message.contains('1'), "{message}");
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let err =
            Corpus::from_json("{\n  \"schema_version\": 1,\n  \"readouts\": [,]\n}").unwrap_err();
        match err {
            CorpusError::Json { line, column, .. } => assert_eq!((line, column), (3, 16)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn missing_schema_version_is_its_own_error() {
        assert_eq!(
            Corpus::from_json("{\"readouts\": []}").unwrap_err(),
            CorpusError::MissingSchemaVersion
        );
    }

    #[test]
    fn a_schema_version_that_is_no_whole_number_is_missing() {
        for value in ["\"1\"", "1.0", "-1", "null", "true", "[1]", "{\"v\": 1}"] {
            let json = format!("{{\"schema_version\": {value}, \"readouts\": []}}");
            assert_eq!(
                Corpus::from_json(&json).unwrap_err(),
                CorpusError::MissingSchemaVersion,
                "{value}"
            );
        }
    }

    /// Natively serde_json reads floats as upstream does; the app's wasm has no float parser
    /// (`vendor/serde_json`), so there a fraction or an exponent where a number is read is an
    /// error of its own (tests/e2e/errors.test.mjs). In skipped values both read alike.
    #[test]
    fn fractions_are_refused_where_numbers_are_read_and_skipped_elsewhere() {
        let json = tiny().to_json();
        let fraction = json.replace("\"paragraph\":0", "\"paragraph\":1.5");
        assert_ne!(fraction, json);
        match Corpus::from_json(&fraction).unwrap_err() {
            CorpusError::Json { message, .. } => {
                assert_eq!(
                    message,
                    "invalid type: floating point `1.5`, expected usize"
                )
            }
            other => panic!("unexpected {other:?}"),
        }
        let skipped = json
            .replacen(
                '{',
                "{\"generator\":{\"v\":1.5,\"r\":[-2.5e-3,1E+2,123456789012345678901234567890]},",
                1,
            )
            .replace("\"paragraph\":0", "\"confidence\":9.5e-1,\"paragraph\":0");
        assert_eq!(Corpus::from_json(&skipped).unwrap(), tiny());
    }

    #[test]
    fn bytes_read_as_the_text_and_strings_must_be_utf8() {
        let json = tiny().to_json();
        let bom = [&[0xEF, 0xBB, 0xBF][..], json.as_bytes()].concat();
        assert_eq!(Corpus::from_json_bytes(&bom).unwrap(), tiny());
        // "é" is C3 A9 in UTF-8; C3 FF is no character.
        let mut bytes = json.replace("\"T\"", "\"T\u{e9}\"").into_bytes();
        let at = bytes.iter().position(|&b| b == 0xC3).unwrap();
        bytes[at + 1] = 0xFF;
        match Corpus::from_json_bytes(&bytes).unwrap_err() {
            CorpusError::Json { message, .. } => assert!(message.contains("unicode"), "{message}"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn set_id_renumbers_statements() {
        let mut readout = tiny().readouts.remove(0);
        readout.set_id("other".into());
        assert_eq!(readout.statements[0].id, "other-s1");
    }
}
