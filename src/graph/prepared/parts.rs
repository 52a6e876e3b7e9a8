//! The constructors `builtin.rs` is written in: short names, because the generated file calls
//! them thousands of times, each building one part of the model from static strings.

use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{Addition, AdditionFields, Kind, Text};
use crate::graph::str::Str;
use crate::graph::when::When;

/// A string of the graph, pointing into the binary.
pub(super) fn s(text: &'static str) -> Str<'static> {
    Str::from(text)
}

/// A list of strings (languages, aliases).
pub(super) fn ss(list: &[&'static str]) -> Vec<Str<'static>> {
    list.iter().map(|&x| Str::from(x)).collect()
}

/// An ordered object of strings (`then`).
pub(super) fn ks(pairs: &[(&'static str, &'static str)]) -> KeyedStrings<'static> {
    KeyedStrings::from_pairs(pairs.iter().map(|&(k, v)| (s(k), s(v))).collect())
}

/// A text in each language.
pub(super) fn t(pairs: &[(&'static str, &'static str)]) -> Text<'static> {
    Text(ks(pairs))
}

/// A `when`.
pub(super) fn when(pairs: &[(&'static str, &[&'static str])]) -> When<'static> {
    When::from_lists(
        pairs
            .iter()
            .map(|&(k, v)| (s(k), v.iter().map(|&x| s(x)).collect())),
    )
}

/// One addition of a node.
pub(super) fn add(
    kind: Kind,
    id: &'static str,
    priority: u16,
    why: Option<Text<'static>>,
    when: Option<When<'static>>,
) -> Addition<'static> {
    Addition::from(AdditionFields {
        kind,
        id: s(id),
        priority,
        why,
        when,
    })
}
