//! The `when` of an addition as written: keys (`role`, `concern` or a question id) to the ids
//! that match. Resolving the ids is the index's job ([`super::index::Condition`]).
//!
//! Like [`super::keyed::KeyedStrings`] it keeps file order and refuses a repeated key; it also
//! refuses an empty object or an empty list, which could never mean what the writer intended.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::slice::Slice;
use super::str::Str;

/// Conditions of one addition: every key must match (`{"role": ["teacher"], "case-stage":
/// ["concrete"]}`).
///
/// Borrowed when it lives in static data (the prepared built-in graph), owned when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When<'a>(Slice<'a, (Str<'a>, Ids<'a>)>);

/// The ids one key of a [`When`] accepts.
pub type Ids<'a> = Slice<'a, Str<'a>>;

impl<'a> When<'a> {
    /// Builds conditions from pairs; the caller guarantees distinct keys and non-empty lists.
    pub fn from_pairs(pairs: Vec<(Str<'a>, Vec<Str<'a>>)>) -> When<'a> {
        When(
            pairs
                .into_iter()
                .map(|(k, v)| (k, v.into()))
                .collect::<Box<[_]>>()
                .into(),
        )
    }

    /// Conditions over pairs that live elsewhere; the caller guarantees distinct keys and
    /// non-empty lists.
    pub const fn borrowed(pairs: &'a [(Str<'a>, Ids<'a>)]) -> When<'a> {
        When(Slice::Borrowed(pairs))
    }

    /// Each key with the ids it accepts, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Str<'a>])> {
        self.0.iter().map(|(k, v)| (k.as_str(), &v[..]))
    }
}

impl JsonSchema for When<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "When".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Add only when every key matches: `role`, `concern`, or a question id answered on the path up to this node; each lists the ids that match.",
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "array",
                "items": { "type": "string" },
                "minItems": 1
            }
        })
    }
}

impl Serialize for When<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter() {
            map.serialize_entry(k, &**v)?;
        }
        map.end()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for When<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WhenVisitor;

        impl<'de> Visitor<'de> for WhenVisitor {
            type Value = When<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object whose values are lists of ids")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<When<'de>, A::Error> {
                let mut pairs: Vec<(Str<'de>, Vec<Str<'de>>)> = Vec::new();
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    let ids = map.next_value::<Vec<Str<'de>>>()?;
                    if ids.is_empty() {
                        return Err(de::Error::custom(format_args!(
                            "`when` lists at least one id for `{key}`"
                        )));
                    }
                    pairs.push((key, ids));
                }
                if pairs.is_empty() {
                    return Err(de::Error::custom(
                        "`when` names at least one condition; leave it out to add always",
                    ));
                }
                Ok(When::from_pairs(pairs))
            }
        }

        deserializer.deserialize_map(WhenVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_keys_and_ids_in_file_order() {
        let w: When = serde_json::from_str(r#"{"role":["b","a"],"stage":["x"]}"#).unwrap();
        let got: Vec<(&str, Vec<&str>)> = w
            .iter()
            .map(|(k, v)| (k, v.iter().map(|s| s.as_str()).collect()))
            .collect();
        assert_eq!(got, [("role", vec!["b", "a"]), ("stage", vec!["x"])]);
    }

    #[test]
    fn empty_lists_repeats_and_empty_objects_are_refused() {
        for (bad, says) in [
            (r#"{"role":[]}"#, "at least one id"),
            (r#"{}"#, "at least one condition"),
            (r#"{"role":["a"],"role":["b"]}"#, "duplicate key `role`"),
            (r#"{"role":"a"}"#, "sequence"),
        ] {
            let err = serde_json::from_str::<When>(bad).unwrap_err().to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
