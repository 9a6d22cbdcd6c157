//! The words of facet values: what a search word finds besides statement text, and what a
//! qualifier (`speaker:putin`) looks in.
//!
//! Each facet value has one or more *entries*, short texts naming it: its label (a speaker's
//! name, a country, a topic, a verb, a kind's or readout's label) and, for a speaker, each
//! alias the corpus gives them ("President Putin", "Putin"). The entries are documents of a
//! [`Postings`] of their own, so a word or phrase is looked up exactly as in statement text
//! (the same folding, prefixes and whole-word phrases; a phrase within one entry, never across
//! two), and the values found lend their statements. Entries are few next to statements (a
//! few per speaker, topic and readout), so a keystroke pays a lookup in a small index and one
//! [`Bitset::insert_all`] per value found.

use super::bitset::Bitset;
use super::postings::Postings;
use super::text::Term;
use super::Facet;

/// The entries of every facet's values.
#[cfg_attr(test, derive(PartialEq))]
pub struct Fields {
    /// The (facet, value id) each entry names, in entry order.
    owners: Vec<(Facet, u32)>,
    postings: Postings,
}

impl Fields {
    /// Indexes `entries`: `(facet, value id, text)`.
    pub fn new<'a>(entries: impl IntoIterator<Item = (Facet, u32, &'a str)>) -> Fields {
        let mut owners = Vec::new();
        let texts: Vec<&str> = entries
            .into_iter()
            .map(|(facet, id, text)| {
                owners.push((facet, id));
                text
            })
            .collect();
        Fields {
            postings: Postings::new(&mut texts.into_iter()),
            owners,
        }
    }

    /// Calls `each(facet, value id)` once for each value of one of `facets` having an entry
    /// that `term` (a word by prefix or a phrase) matches.
    pub fn for_each_value(&self, term: &Term, facets: &[Facet], mut each: impl FnMut(Facet, u32)) {
        let mut entries = Bitset::empty(self.owners.len());
        match term {
            Term::Word(prefix) => self.postings.add_prefixed(prefix, &mut entries),
            Term::Phrase(words) => self.postings.add_phrase(words, &mut entries),
            Term::In(..) => return,
        }
        // Entries of one value follow each other: skip the repeats.
        let mut last = None;
        for entry in entries.members() {
            let owner = self.owners[entry as usize];
            if facets.contains(&owner.0) && last != Some(owner) {
                each(owner.0, owner.1);
            }
            last = Some(owner);
        }
    }

    /// The distinct folded words of every entry, in increasing order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.postings.all_words()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_by_any_entry_and_never_across_entries() {
        let fields = Fields::new([
            (Facet::Speaker, 0, "Vladimir Putin"),
            (Facet::Speaker, 0, "President Putin"),
            (Facet::Speaker, 1, "Xi Jinping"),
            (Facet::Speaker, 1, "President Xi"),
            (Facet::Topic, 0, "BRICS"),
            (Facet::Verb, 0, "pointed out"),
        ]);
        let found = |term: Term, facets: &[Facet]| {
            let mut out = Vec::new();
            fields.for_each_value(&term, facets, |f, id| out.push((f, id)));
            out
        };
        let all = Facet::ALL;
        assert_eq!(
            found(Term::Word("put".into()), &all),
            vec![(Facet::Speaker, 0)]
        );
        assert_eq!(
            found(Term::Word("president".into()), &all),
            vec![(Facet::Speaker, 0), (Facet::Speaker, 1)]
        );
        assert_eq!(
            found(Term::Word("p".into()), &[Facet::Verb, Facet::Topic]),
            vec![(Facet::Verb, 0)]
        );
        let phrase = |w: &[&str]| Term::Phrase(w.iter().map(|w| w.to_string()).collect());
        assert_eq!(
            found(phrase(&["president", "xi"]), &all),
            vec![(Facet::Speaker, 1)]
        );
        // "Putin" ends one entry and "President" starts the next: no phrase.
        assert!(found(phrase(&["putin", "president"]), &all).is_empty());
        assert!(found(Term::Word("brics".into()), &[Facet::Speaker]).is_empty());
        assert_eq!(
            fields.words().collect::<Vec<_>>(),
            vec![
                "brics",
                "jinping",
                "out",
                "pointed",
                "president",
                "putin",
                "vladimir",
                "xi"
            ]
        );
    }
}
