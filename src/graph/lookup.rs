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
pub struct Lookup<'a> {
    // Keys of up to 15 bytes inline (see [`inline_key`]), longer ones by reference.
    short: HashMap<[u32; 4], u32, FxBuildHasher>,
    long: HashMap<Str<'a>, u32, FxBuildHasher>,
    // Every key in the order it was added, for suggestions.
    keys: Vec<Str<'a>>,
}

impl<'a> Lookup<'a> {
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        match inline_key(key) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(key).copied(),
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
        self.keys.iter().map(|k| k.as_str())
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
        match inline_key(&key) {
            Some(k) => self.short.insert(k, index),
            None => self.long.insert(key.clone(), index),
        };
        self.keys.push(key);
        true
    }
}

impl Lookup<'static> {
    /// A table read back from a prepared index ([`super::prepared`]): keys as [`Lookup::keys`]
    /// gives them (folded, distinct), each with its position.
    #[cfg(wegwijs_prepared)]
    pub(super) fn from_keys(keys: &[(&'static str, u32)]) -> Lookup<'static> {
        let mut lookup = Lookup {
            short: HashMap::with_capacity_and_hasher(keys.len(), FxBuildHasher),
            keys: Vec::with_capacity(keys.len()),
            ..Lookup::default()
        };
        for &(key, index) in keys {
            match inline_key(key) {
                Some(k) => lookup.short.insert(k, index),
                None => lookup.long.insert(Str::from(key), index),
            };
            lookup.keys.push(Str::from(key));
        }
        lookup
    }
}

/// Two tables are equal when they hold the same keys, added in the same order, at the same
/// positions (how a prepared index is held to the one built from the rules).
#[cfg(test)]
impl PartialEq for Lookup<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.keys.len() == other.keys.len()
            && self
                .keys
                .iter()
                .zip(&other.keys)
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
    fn lookup_ignores_case_and_space() {
        let mut l = Lookup::default();
        assert!(l.insert(&Str::from("Jongerenwerker"), 3));
        assert!(!l.insert(&Str::from("jongerenwerker "), 4));
        assert_eq!(l.find(" JONGERENWERKER"), Some(3));
    }
}
