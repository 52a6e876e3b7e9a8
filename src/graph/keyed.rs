//! An ordered JSON object of string values that refuses duplicate keys.
//!
//! Rule files are written by hand, and `serde_json` silently keeps the last of two equal keys in a
//! map. For translations (`{"nl": .., "en": ..}`) and branches (`{"yes": "node-a"}`) a repeated key
//! is always a mistake, so this type turns it into a load error. It also keeps the keys in file
//! order, which the questionnaire and the graph pictures show.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::exact::Exact;
use super::str::Str;

/// Keys and string values of a JSON object, in file order, without duplicate keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyedStrings<'a>(Box<[(Str<'a>, Str<'a>)]>);

impl<'a> KeyedStrings<'a> {
    /// Builds a map from pairs; the caller guarantees the keys are distinct.
    pub fn from_pairs(pairs: Vec<(Str<'a>, Str<'a>)>) -> Self {
        KeyedStrings(pairs.into_boxed_slice())
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
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = Str::from(value.to_owned()),
            None => {
                let mut pairs = std::mem::take(&mut self.0).into_vec();
                pairs.push((key.to_owned().into(), value.to_owned().into()));
                self.0 = pairs.into_boxed_slice();
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
                let mut pairs: Exact<(Str<'de>, Str<'de>)> = Exact::new();
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    let value = map.next_value::<Str<'de>>()?;
                    pairs.push((key, value));
                }
                Ok(KeyedStrings(pairs.finish().into_boxed_slice()))
            }
        }

        deserializer.deserialize_map(PairsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
