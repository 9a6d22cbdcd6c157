//! The facet values a [`Query`](super::Query) selects.

use super::Facet;

/// The values selected in each facet: for every facet, its values sorted and without repeats.
/// Iteration goes by facet in [`Facet::ALL`] order, then by value, so a query string lists them
/// in one order whatever order they were chosen in.
///
/// Sorted lists rather than ordered sets in an ordered map: a query selects a handful of values,
/// for which a list is as quick, and the ordered collections' code for these types weighed
/// about 3 KB gzip in the app's wasm.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters([Vec<String>; Facet::ALL.len()]);

impl Filters {
    /// The values selected in `facet`, sorted (empty when none is).
    pub fn get(&self, facet: Facet) -> &[String] {
        &self.0[facet.index()]
    }

    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        self.find(facet, value).is_ok()
    }

    /// Selects `value`; false when it already was.
    pub fn insert(&mut self, facet: Facet, value: String) -> bool {
        match self.find(facet, &value) {
            Ok(_) => false,
            Err(at) => {
                self.0[facet.index()].insert(at, value);
                true
            }
        }
    }

    /// Unselects `value`; false when it was not selected.
    pub fn remove(&mut self, facet: Facet, value: &str) -> bool {
        match self.find(facet, value) {
            Ok(at) => {
                self.0[facet.index()].remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Unselects every value of `facet`.
    pub fn clear(&mut self, facet: Facet) {
        self.0[facet.index()].clear();
    }

    /// True when no facet has a selected value.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// How many values are selected, over every facet.
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    /// Each facet with a selection, in [`Facet::ALL`] order, with its sorted values.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &[String])> {
        Facet::ALL
            .into_iter()
            .zip(&self.0)
            .filter(|(_, values)| !values.is_empty())
            .map(|(facet, values)| (facet, values.as_slice()))
    }

    fn find(&self, facet: Facet, value: &str) -> Result<usize, usize> {
        self.0[facet.index()].binary_search_by(|v| v.as_str().cmp(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_sorted_and_single() {
        let mut f = Filters::default();
        assert!(f.is_empty());
        assert!(f.insert(Facet::Topic, "trade".into()));
        assert!(f.insert(Facet::Topic, "climate".into()));
        assert!(!f.insert(Facet::Topic, "trade".into()));
        assert!(f.insert(Facet::Speaker, "xi-jinping".into()));
        assert_eq!(f.get(Facet::Topic), ["climate", "trade"]);
        assert_eq!(f.len(), 3);
        let facets: Vec<Facet> = f.iter().map(|(facet, _)| facet).collect();
        assert_eq!(facets, [Facet::Speaker, Facet::Topic]);
        assert!(f.contains(Facet::Topic, "climate"));
        assert!(!f.contains(Facet::Country, "climate"));
        assert!(f.remove(Facet::Topic, "climate"));
        assert!(!f.remove(Facet::Topic, "climate"));
        f.clear(Facet::Topic);
        assert_eq!(f.iter().count(), 1);
        f.clear(Facet::Speaker);
        assert!(f.is_empty());
        assert_eq!(f, Filters::default());
    }
}
