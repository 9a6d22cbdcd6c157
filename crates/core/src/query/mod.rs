//! The query engine: an index built once from a corpus answers a [`Query`] (facet selections,
//! a date range, search text, a sort and a page) with the matching statements in order and
//! the count of every facet value.
//!
//! Facet counts follow faceted-search convention: a value's count is how many results there
//! would be with that value toggled on (its own facet's other selections set aside), so
//! values within one facet combine with OR and facets combine with AND.
//!
//! # What a search word matches
//!
//! A word (by prefix) or a phrase matches a statement whose text has it, **or** whose
//! speakers' names or aliases, speakers' countries or topics have it ([`WORD_FIELDS`]): the
//! statement's text and those names are one searchable record. So `Putin` finds Putin's
//! statements (and any that name him), and `Putin BRICS` the statements that have both, each
//! word in the text or the names: his statements on BRICS. The alternative, a word acting as a
//! speaker filter only when no text has it, was rejected: adding one readout that mentions
//! "Putin" would silently turn the filter into a text search and change every count, and such
//! a rule cannot be checked against a plain scan. With the OR, every operator keeps its
//! meaning: `-putin` excludes his statements and those naming him, `a OR b` and phrases work
//! on names as on text (a phrase stays within one name, as it stays within one statement).
//!
//! A qualifier, `field:value` with any facet's key ([`Facet::key`], any case: `speaker:putin`,
//! `topic:brics`, `verb:stress`, `country:"south arvelia"`, `role:`, `kind:`, `readout:`),
//! looks in that facet's names only, never in the text: the value matches as a word would
//! (by prefix, or quoted as a whole-word phrase; `speaker:vladimir-putin` is the phrase of its
//! words), and takes `-` and `OR` like any word. A qualifier with no value (`speaker:`, as
//! typed) asks nothing, and an unknown field (`colour:red`, `10:30`) is plain text. See
//! [`text::parse_search`].
//!
//! Around the search: [`suggest()`] offers facet values for the word being typed, with the exact
//! count choosing each would give; [`why_empty()`] says which parts of a query that finds
//! nothing emptied it, and the nearest query that finds something.

mod bitset;
mod browse;
mod build;
mod empty;
mod extent;
mod fields;
mod filters;
mod ids;
mod index;
mod order;
pub(crate) use order::{order, order_by_text, sorted_by_key};
mod people;
mod postings;
pub mod source;
mod suggest;
pub mod text;
mod url;
pub(crate) use url::push_encoded;

pub use browse::{
    people, people_in, readout_date, readout_list, with_param, PeopleSort, PeopleView, PersonRow,
    ReadoutList, ReadoutView,
};
pub use build::{Finishing, IndexBuilder};
pub use empty::{why_empty, Emptied, Part};
pub use filters::Filters;
pub use index::{FacetCounts, FacetValue, Index, Results};
pub use people::PersonSummary;
pub use suggest::{suggest, Suggestion, SUGGESTED};

/// What statements can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Speaker,
    Country,
    Role,
    Verb,
    Topic,
    Kind,
    Readout,
    /// Where a statement's readout comes from: the bundled corpus, or imported in this browser
    /// ([`Index::with_imported`]).
    Source,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Speaker,
        Facet::Country,
        Facet::Role,
        Facet::Verb,
        Facet::Topic,
        Facet::Kind,
        Facet::Readout,
        Facet::Source,
    ];

    /// The URL parameter name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Speaker => "speaker",
            Facet::Country => "country",
            Facet::Role => "role",
            Facet::Verb => "verb",
            Facet::Topic => "topic",
            Facet::Kind => "kind",
            Facet::Readout => "readout",
            Facet::Source => "source",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// A heading for the facet list.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Speaker => "Speaker",
            Facet::Country => "Country",
            Facet::Role => "Role",
            Facet::Verb => "Reporting verb",
            Facet::Topic => "Topic",
            Facet::Kind => "Kind of readout",
            Facet::Readout => "Readout",
            Facet::Source => "Source",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The facets whose values' names a search word also matches (beside the statement text):
/// who spoke (names and aliases), for which country, on which topic.
pub const WORD_FIELDS: [Facet; 3] = [Facet::Speaker, Facet::Country, Facet::Topic];

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// Corpus order: readouts as bundled, statements as they stand in each.
    Readout,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Readout => "readout",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        [Sort::Newest, Sort::Oldest, Sort::Readout]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Everything a view of statements depends on; it round-trips through a URL query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Search text in the search syntax of [`text::parse_search`].
    pub text: String,
    pub filters: Filters,
    /// Inclusive date bounds, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    pub sort: Sort,
    /// Zero-based page of [`PAGE_SIZE`] results.
    pub page: usize,
}

/// Results per page: the viewer never renders more cards than this at once.
pub const PAGE_SIZE: usize = 50;

impl Query {
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.filters.contains(facet, value)
    }

    /// The same query with `value` of `facet` toggled, back on the first page.
    pub fn toggled(&self, facet: Facet, value: &str) -> Query {
        let mut next = self.clone();
        if !next.filters.remove(facet, value) {
            next.filters.insert(facet, value.to_string());
        }
        next.page = 0;
        next
    }

    /// True when nothing narrows the statements.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.filters.is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }
}
