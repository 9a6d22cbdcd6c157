//! Statement numbers by statement id, for permalinks, without a second copy of the ids: an
//! open-addressing hash table of statement numbers, each checked against the corpus's own id.
//! Four bytes a slot, where a map from owned ids costs some sixty bytes a statement.

/// A free slot.
const FREE: u32 = u32::MAX;

#[cfg_attr(test, derive(PartialEq))]
pub struct IdTable {
    /// Statement numbers, at most half the slots used; a power of two slots.
    slots: Vec<u32>,
    /// The bits of the hash that pick a slot.
    bits: u32,
}

/// The slot where a search for `id` starts: the high bits of its FNV-1a hash (a few
/// instructions a byte; ids are short).
fn home(id: &str, bits: u32) -> usize {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    (hash >> (64 - bits)) as usize
}

impl IdTable {
    /// The table of the ids of statements `0..ids.len()`.
    #[cfg(test)]
    pub fn new<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> IdTable {
        let mut table = IdTable::with_capacity(ids.len());
        for (doc, id) in ids.enumerate() {
            table.insert(doc as u32, id);
        }
        table
    }

    /// An empty table for the ids of `statements` statements, entered with
    /// [`insert`](Self::insert).
    pub fn with_capacity(statements: usize) -> IdTable {
        let bits = (statements * 2).max(2).next_power_of_two().trailing_zeros();
        IdTable {
            slots: vec![FREE; 1 << bits],
            bits,
        }
    }

    /// Enters statement `doc`'s id (at most the capacity's number of statements).
    pub fn insert(&mut self, doc: u32, id: &str) {
        let mask = self.slots.len() - 1;
        let mut slot = home(id, self.bits);
        while self.slots[slot] != FREE {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = doc;
    }

    /// The number of the first statement with `id`, given each statement's id.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = home(id, self.bits);
        loop {
            match self.slots[slot] {
                FREE => return None,
                doc if id_of(doc) == id => return Some(doc),
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdTable;

    #[test]
    fn finds_every_id_and_no_other() {
        let ids: Vec<String> = (0..1000).map(|n| format!("readout-s{n}")).collect();
        let table = IdTable::new(ids.iter().map(String::as_str));
        let id_of = |doc: u32| ids[doc as usize].as_str();
        for (doc, id) in ids.iter().enumerate() {
            assert_eq!(table.find(id, id_of), Some(doc as u32));
        }
        assert_eq!(table.find("readout-s1000", id_of), None);
        assert_eq!(table.find("", id_of), None);
        let empty = IdTable::new(std::iter::empty());
        assert_eq!(empty.find("x", |_| ""), None);
    }
}
