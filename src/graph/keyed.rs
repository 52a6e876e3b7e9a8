//! An ordered JSON object of string values that refuses duplicate keys.
//!
//! Rule files are written by hand, and `serde_json` silently keeps the last of two equal keys in a
//! map. For translations (`{"nl": .., "en": ..}`) and branches (`{"yes": "node-a"}`) a repeated key
//! is always a mistake, so this type turns it into a load error. It also keeps the keys in file
//! order, which the questionnaire and the graph pictures show.

use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::exact::{self, Small};
use super::slice::Slice;
use super::str::Str;

/// Keys and string values of a JSON object, in file order, without duplicate keys.
///
/// The pairs are borrowed when they live in static data (the prepared built-in graph,
/// [`super::prepared`]) and owned when read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyedStrings<'a>(Slice<'a, (Str<'a>, Str<'a>)>);

impl<'a> KeyedStrings<'a> {
    /// Builds a map from pairs; the caller guarantees the keys are distinct.
    pub fn from_pairs(pairs: Vec<(Str<'a>, Str<'a>)>) -> Self {
        KeyedStrings(pairs.into())
    }

    /// A map over pairs that live elsewhere; the caller guarantees the keys are distinct.
    pub const fn borrowed(pairs: &'a [(Str<'a>, Str<'a>)]) -> Self {
        KeyedStrings(Slice::Borrowed(pairs))
    }

    /// The value stored under `key`, if any.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Keys and values in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The keys in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the object had no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets `key` to `value`, replacing an existing value in place or appending a new key.
    pub fn insert(&mut self, key: &str, value: &str) {
        match self.0.to_mut().iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = Str::from(value.to_owned()),
            None => {
                let mut pairs = std::mem::take(self.0.to_mut()).into_vec();
                pairs.push((key.to_owned().into(), value.to_owned().into()));
                self.0 = pairs.into();
            }
        }
    }
}

impl JsonSchema for KeyedStrings<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "KeyedStrings".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

impl Serialize for KeyedStrings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for KeyedStrings<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;

        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = KeyedStrings<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object whose values are strings")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<KeyedStrings<'de>, A::Error> {
                // Exact size: a large graph holds millions of these.
                let mut pairs: Small<(Str<'de>, Str<'de>)> = Small::new();
                let mut seen = DistinctKeys::new();
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    if !seen.accept(|| pairs.iter().map(|(k, _)| k), &key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    let value = map.next_value::<Str<'de>>()?;
                    pairs.push((key, value));
                }
                Ok(KeyedStrings(exact::boxed_slice(pairs).into()))
            }
        }

        deserializer.deserialize_map(PairsVisitor)
    }
}

/// Keys accepted so far in one object, to refuse a repeated one in linear time.
///
/// Most objects in a rule file hold two or three keys (translations, branches), and a hash set
/// for each would cost an allocation per object; so the first few keys are compared one by one
/// with the earlier ones. Past [`DistinctKeys::SCAN_UP_TO`] keys they go into a set: an answers
/// object of 200 000 keys once took 30 s with a comparison of every key against all earlier
/// ones.
pub(crate) struct DistinctKeys<K> {
    accepted: usize,
    set: Option<HashSet<K>>,
}

impl<K: Eq + Hash + Clone> DistinctKeys<K> {
    /// Up to this many keys, a new key is compared with each earlier one.
    const SCAN_UP_TO: usize = 16;

    pub(crate) fn new() -> Self {
        DistinctKeys {
            accepted: 0,
            set: None,
        }
    }

    /// True, and `key` is remembered, when it is not among `earlier` (every key accepted so
    /// far, which the caller keeps); false for a repeat.
    pub(crate) fn accept<'e, I>(&mut self, earlier: impl Fn() -> I, key: &K) -> bool
    where
        I: Iterator<Item = &'e K>,
        K: 'e,
    {
        let fresh = match &mut self.set {
            Some(set) => set.insert(key.clone()),
            None if earlier().any(|k| k == key) => false,
            None if self.accepted + 1 >= Self::SCAN_UP_TO => {
                let mut set: HashSet<K> = earlier().cloned().collect();
                set.insert(key.clone());
                self.set = Some(set);
                true
            }
            None => true,
        };
        self.accepted += usize::from(fresh);
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key that counts how often it is compared.
    #[derive(Clone)]
    struct Counted(u32);

    impl Hash for Counted {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            self.0.hash(state);
        }
    }

    thread_local! {
        static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    impl PartialEq for Counted {
        fn eq(&self, other: &Self) -> bool {
            COMPARISONS.with(|c| c.set(c.get() + 1));
            self.0 == other.0
        }
    }

    impl Eq for Counted {}

    /// Regression (issue 14.6): every key was compared with every earlier key, n²/2 comparisons.
    #[test]
    fn many_keys_cost_a_linear_number_of_comparisons() {
        let n = 20_000u32;
        let mut keys: Vec<Counted> = Vec::new();
        let mut seen = DistinctKeys::new();
        COMPARISONS.with(|c| c.set(0));
        for i in 0..n {
            let key = Counted(i);
            assert!(seen.accept(|| keys.iter(), &key));
            keys.push(key);
        }
        assert!(!seen.accept(|| keys.iter(), &Counted(n / 2)));
        let comparisons = COMPARISONS.with(|c| c.get());
        // Pairwise comparison would take n²/2 = 200 000 000.
        assert!(comparisons < 2 * u64::from(n), "{comparisons} comparisons");
    }

    #[test]
    fn repeats_are_found_before_and_after_the_switch_to_a_set() {
        for n in [2u32, 15, 16, 17, 100] {
            let mut keys = Vec::new();
            let mut seen = DistinctKeys::new();
            for i in 0..n {
                assert!(seen.accept(|| keys.iter(), &i));
                keys.push(i);
            }
            for i in 0..n {
                assert!(!seen.accept(|| keys.iter(), &i), "n={n} i={i}");
            }
        }
    }

    #[test]
    fn a_large_object_with_a_late_repeat_is_refused() {
        let mut text = String::from("{");
        for i in 0..5_000 {
            text.push_str(&format!("\"k{i}\":\"v\","));
        }
        text.push_str("\"k7\":\"again\"}");
        let err = serde_json::from_str::<KeyedStrings>(&text).unwrap_err();
        assert!(err.to_string().contains("duplicate key `k7`"), "{err}");
        let ok = text.replace("\"k7\":\"again\"", "\"last\":\"v\"");
        assert_eq!(
            serde_json::from_str::<KeyedStrings>(&ok).unwrap().len(),
            5_001
        );
    }

    #[test]
    fn keeps_file_order() {
        let m: KeyedStrings = serde_json::from_str(r#"{"z":"1","a":"2"}"#).unwrap();
        assert_eq!(m.keys().collect::<Vec<_>>(), ["z", "a"]);
        assert_eq!(m.get("a"), Some("2"));
    }

    #[test]
    fn duplicate_key_is_an_error() {
        let err = serde_json::from_str::<KeyedStrings>(r#"{"nl":"a","nl":"b"}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate key `nl`"), "{err}");
    }

    #[test]
    fn non_string_value_is_an_error() {
        assert!(serde_json::from_str::<KeyedStrings>(r#"{"nl":3}"#).is_err());
    }

    #[test]
    fn insert_replaces_in_place() {
        let mut m: KeyedStrings = serde_json::from_str(r#"{"a":"1","b":"2"}"#).unwrap();
        m.insert("a", "3");
        m.insert("c", "4");
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [("a", "3"), ("b", "2"), ("c", "4")]
        );
    }
}
