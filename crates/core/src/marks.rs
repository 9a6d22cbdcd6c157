//! What views mark as corrected: which statements a reader gave other speakers, and whether
//! the event's date and place were corrected ([`Readout::is_corrected`],
//! [`Readout::event_corrections`]).
//!
//! With the `corrections` feature (on by default), they are read from the whole record
//! (`Readout::corrections`, see the `correct` module). Without it, the record is read as
//! [`Marks`] only: the main app's build, which shows readouts already corrected by the import
//! page's app and only needs to know what to mark, does without the code that reads, checks
//! and writes each parser value (about 1.8 KB gzip of its first load). Such a build writes no
//! corrections when it exports a readout: the readout's values are the corrected ones, and the
//! import page's own export keeps the record.

#[cfg(feature = "corrections")]
use crate::model::{Correction, Readout};

#[cfg(feature = "corrections")]
impl Readout {
    /// True when a reader corrected the statement `id` (its speakers).
    pub fn is_corrected(&self, id: &str) -> bool {
        self.corrections
            .iter()
            .any(|c| matches!(c, Correction::Speakers { statement, .. } if statement == id))
    }

    /// Whether a reader corrected the event's date and its place.
    pub fn event_corrections(&self) -> (bool, bool) {
        let has = |f: fn(&Correction) -> bool| self.corrections.iter().any(f);
        (
            has(|c| matches!(c, Correction::EventDate { .. })),
            has(|c| matches!(c, Correction::EventLocation { .. })),
        )
    }
}

pub use marks_only::Marks;

/// The marks alone (compiled in every build, so that the tests hold them to the record; only
/// a build without the `corrections` feature keeps them as a readout's corrections).
mod marks_only {
    #[cfg(not(feature = "corrections"))]
    use crate::model::Readout;
    use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer};
    use std::fmt;

    /// A readout's corrections as marks: the ids of the statements whose speakers were
    /// corrected, and whether the event's date and place were. Read from the corrections'
    /// JSON (`[{"speakers": {"statement": "…", "parsed": […]}}, {"dropped": …}, …]`), every
    /// parser value skipped unread.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Marks {
        statements: Vec<String>,
        event_date: bool,
        event_location: bool,
    }

    /// Reads the list by hand, each correction's kind as a map key and, for a speakers
    /// correction, its `statement`, every other value skipped: about half the code of derived
    /// readers of the same shape (field visitors, `Option`s), in the app's first load.
    impl<'de> Deserialize<'de> for Marks {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_seq(List)
        }
    }

    /// The list of corrections.
    struct List;
    /// One correction (`{"<kind>": {…}}`), into the marks.
    struct Entry<'m>(&'m mut Marks);
    /// A speakers correction's `{"statement": "<id>", …}`: the id.
    struct Named;

    impl<'de> Visitor<'de> for List {
        type Value = Marks;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of corrections")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Marks, A::Error> {
            let mut marks = Marks::default();
            while seq.next_element_seed(Entry(&mut marks))?.is_some() {}
            Ok(marks)
        }
    }

    impl<'de> DeserializeSeed<'de> for Entry<'_> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Entry<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a correction")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(kind) = map.next_key::<String>()? {
                match kind.as_str() {
                    "speakers" => {
                        if let Some(id) = map.next_value_seed(Named)? {
                            self.0.statements.push(id);
                        }
                        continue;
                    }
                    "event_date" => self.0.event_date = true,
                    "event_location" => self.0.event_location = true,
                    _ => {}
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }

    impl<'de> DeserializeSeed<'de> for Named {
        type Value = Option<String>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Named {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a corrected statement")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut id = None;
            while let Some(key) = map.next_key::<String>()? {
                if key == "statement" {
                    id = Some(map.next_value::<String>()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(id)
        }
    }

    impl Marks {
        /// No statement or event field marked.
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }

        /// How many marks (statements, then the event's fields), for the corpus's limits.
        pub fn len(&self) -> usize {
            self.statements.len() + usize::from(self.event_date) + usize::from(self.event_location)
        }

        /// The ids of the statements whose speakers were corrected.
        pub fn statements(&self) -> &[String] {
            &self.statements
        }

        /// Whether the event's date and its place were corrected.
        pub fn event(&self) -> (bool, bool) {
            (self.event_date, self.event_location)
        }

        /// Renames the marked statements, as `Readout::set_id` renames statements.
        #[cfg_attr(feature = "corrections", allow(dead_code))]
        pub(crate) fn rename(&mut self, renamed: impl Fn(&str) -> String) {
            for statement in &mut self.statements {
                *statement = renamed(statement);
            }
        }
    }

    #[cfg(not(feature = "corrections"))]
    impl Readout {
        /// True when a reader corrected the statement `id` (its speakers).
        pub fn is_corrected(&self, id: &str) -> bool {
            self.corrections.statements.iter().any(|s| s == id)
        }

        /// Whether a reader corrected the event's date and its place.
        pub fn event_corrections(&self) -> (bool, bool) {
            self.corrections.event()
        }
    }
}
