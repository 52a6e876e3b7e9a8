//! Id tables: ids and aliases to their position in the rule file.
//!
//! Every reference in a graph is resolved through one of these, millions of times in a large
//! graph, so keys of up to 15 bytes are stored inline in the table slot (no pointer to follow)
//! and hashed with FxHash (`rustc-hash`): the keys come from the rule file and need no defence
//! against flooding, as wegwijs serves no untrusted requests.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::str::Str;

/// Ids and aliases of one kind of thing, mapped to their position in the rule file. Keys borrow
/// from the rule file's text where they can.
#[derive(Debug, Clone, Default)]
pub struct Lookup<'a>(Table<'a>);

#[derive(Debug, Clone)]
enum Table<'a> {
    /// Built while indexing a graph.
    Hashed {
        // Keys of up to 15 bytes inline (see [`inline_key`]), longer ones by reference.
        short: HashMap<[u32; 4], u32, FxBuildHasher>,
        long: HashMap<Str<'a>, u32, FxBuildHasher>,
        // Every key in the order it was added, for suggestions.
        keys: Vec<Str<'a>>,
    },
    /// Prepared at build time ([`super::prepared`]): static data, nothing built at start-up.
    Sorted {
        // Every key, sorted, with its position: found by binary search.
        sorted: &'static [(&'static str, u32)],
        // Every key in the order it was added.
        keys: &'static [Str<'static>],
    },
}

impl Default for Table<'_> {
    fn default() -> Self {
        Table::Hashed {
            short: HashMap::default(),
            long: HashMap::default(),
            keys: Vec::new(),
        }
    }
}

impl<'a> Lookup<'a> {
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        match &self.0 {
            Table::Hashed { short, long, .. } => match inline_key(key) {
                Some(k) => short.get(&k).copied(),
                None => long.get(key).copied(),
            },
            Table::Sorted { sorted, .. } => sorted
                .binary_search_by(|&(k, _)| k.cmp(key))
                .ok()
                .map(|at| sorted[at].1),
        }
    }

    /// The index of the entry whose id or alias is `key` (case and surrounding space ignored).
    pub fn find(&self, key: &str) -> Option<u32> {
        self.get(key).or_else(|| {
            let folded = fold(key);
            (folded != key).then(|| self.get(&folded)).flatten()
        })
    }

    /// Every id and alias, in the order they were added, for suggestions.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let keys: &[Str] = match &self.0 {
            Table::Hashed { keys, .. } => keys,
            Table::Sorted { keys, .. } => keys,
        };
        keys.iter().map(|k| k.as_str())
    }

    /// Adds `key`; returns false when it was already taken.
    pub(super) fn insert(&mut self, key: &Str<'a>, index: u32) -> bool {
        let key = match fold(key) {
            std::borrow::Cow::Borrowed(k) if k.len() == key.len() => key.clone(),
            folded => Str::from(folded.into_owned()),
        };
        if self.get(&key).is_some() {
            return false;
        }
        if let Table::Sorted { keys, .. } = self.0 {
            // A prepared table is never added to; should one be, it is rebuilt first.
            let mut built = Lookup::default();
            for k in keys {
                let at = self.get(k).expect("a key of the table");
                built.insert(k, at);
            }
            *self = built;
        }
        let Table::Hashed { short, long, keys } = &mut self.0 else {
            unreachable!("made hashed above");
        };
        match inline_key(&key) {
            Some(k) => short.insert(k, index),
            None => long.insert(key.clone(), index),
        };
        keys.push(key);
        true
    }
}

impl Lookup<'static> {
    /// A table prepared at build time: `sorted` holds every key (folded, distinct) sorted, with
    /// its position; `keys` the same keys in the order they were added.
    pub const fn sorted(
        sorted: &'static [(&'static str, u32)],
        keys: &'static [Str<'static>],
    ) -> Lookup<'static> {
        Lookup(Table::Sorted { sorted, keys })
    }
}

/// Two tables are equal when they hold the same keys, added in the same order, at the same
/// positions (how a prepared index is held to the one built from the rules).
#[cfg(test)]
impl PartialEq for Lookup<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.keys().count() == other.keys().count()
            && self
                .keys()
                .zip(other.keys())
                .all(|(a, b)| a == b && self.get(a) == other.get(b))
    }
}

/// An id of up to 15 bytes packed into 16 (its length in the last), so a table can hold it
/// inline: a lookup then compares the key in the table slot instead of following a pointer to
/// the string, which in a large graph is a cache miss.
fn inline_key(id: &str) -> Option<[u32; 4]> {
    let bytes = id.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[15] = bytes.len() as u8;
    let word = |i: usize| u32::from_le_bytes([buf[i], buf[i + 1], buf[i + 2], buf[i + 3]]);
    Some([word(0), word(4), word(8), word(12)])
}

/// `key` without surrounding space and in lowercase, copied only when that changes it.
fn fold(key: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = key.trim();
    if trimmed.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(trimmed.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    }
}

/// Node ids to node indexes, while the index is built: every reference to a node is looked up
/// here, millions of times in a large graph. Short ids are stored inline ([`inline_key`]);
/// longer ones go to a second table.
pub(super) struct NodeIds<'r> {
    // Keys of four u32s, not two u64s: with a u32 value a slot is 20 bytes instead of 24.
    short: HashMap<[u32; 4], u32, FxBuildHasher>,
    long: HashMap<&'r str, u32, FxBuildHasher>,
}

impl<'r> NodeIds<'r> {
    pub(super) fn with_capacity(n: usize) -> NodeIds<'r> {
        NodeIds {
            short: HashMap::with_capacity_and_hasher(n, FxBuildHasher),
            long: HashMap::with_hasher(FxBuildHasher),
        }
    }

    /// Adds an id; false when it was already there (the first keeps it).
    pub(super) fn insert(&mut self, id: &'r str, node: u32) -> bool {
        use std::collections::hash_map::Entry;
        let slot = match inline_key(id) {
            Some(key) => match self.short.entry(key) {
                Entry::Occupied(_) => return false,
                Entry::Vacant(v) => v.insert(node),
            },
            None => match self.long.entry(id) {
                Entry::Occupied(_) => return false,
                Entry::Vacant(v) => v.insert(node),
            },
        };
        *slot = node;
        true
    }

    pub(super) fn get(&self, id: &str) -> Option<u32> {
        match inline_key(id) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(id).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_short_and_long_resolve_and_keep_the_first() {
        let mut ids = NodeIds::with_capacity(4);
        assert!(ids.insert("n0-1", 0));
        assert!(ids.insert("a-node-id-longer-than-fifteen-bytes", 1));
        assert!(ids.insert("exactly15bytes!", 2));
        assert!(ids.insert("n0-10", 3));
        assert!(!ids.insert("n0-1", 9));
        assert!(!ids.insert("a-node-id-longer-than-fifteen-bytes", 9));
        assert_eq!(ids.get("n0-1"), Some(0));
        assert_eq!(ids.get("a-node-id-longer-than-fifteen-bytes"), Some(1));
        assert_eq!(ids.get("exactly15bytes!"), Some(2));
        assert_eq!(ids.get("n0-10"), Some(3));
        assert_eq!(ids.get("n0-"), None);
        assert_eq!(ids.get(""), None);
    }

    #[test]
    fn a_prepared_table_finds_what_the_built_one_does() {
        static SORTED: [(&str, u32); 3] = [("docent", 0), ("leraar", 0), ("teacher", 0)];
        static KEYS: [Str<'static>; 3] = [
            Str::borrowed("teacher"),
            Str::borrowed("docent"),
            Str::borrowed("leraar"),
        ];
        let mut prepared = Lookup::sorted(&SORTED, &KEYS);
        let mut built = Lookup::default();
        for k in &KEYS {
            built.insert(k, 0);
        }
        assert!(prepared == built);
        for key in ["Docent ", "leraar", "teacher", "x", ""] {
            assert_eq!(prepared.find(key), built.find(key), "{key}");
        }
        assert!(prepared.insert(&Str::from("mentor"), 1));
        assert!(!prepared.insert(&Str::from("DOCENT"), 1));
        assert_eq!(prepared.find("mentor"), Some(1));
        assert_eq!(prepared.find("docent"), Some(0));
    }

    #[test]
    fn lookup_ignores_case_and_space() {
        let mut l = Lookup::default();
        assert!(l.insert(&Str::from("Jongerenwerker"), 3));
        assert!(!l.insert(&Str::from("jongerenwerker "), 4));
        assert_eq!(l.find(" JONGERENWERKER"), Some(3));
    }
}
