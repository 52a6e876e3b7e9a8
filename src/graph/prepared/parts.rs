//! The constructors `builtin.rs` is written in: short names, because the generated file calls
//! them thousands of times, each building one part of the model from static strings.

use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{Addition, AdditionFields, Kind, Text};
use crate::graph::str::Str;
use crate::graph::when::{Ids, When};

/// A string of the graph, pointing into the binary.
pub(super) const fn s(text: &'static str) -> Str<'static> {
    Str::borrowed(text)
}

/// A list of strings (languages, aliases).
pub(super) fn ss(list: &[&'static str]) -> Vec<Str<'static>> {
    list.iter().map(|&x| Str::borrowed(x)).collect()
}

/// An ordered object of strings (`then`), over static pairs.
pub(super) const fn ks(pairs: &'static [(Str<'static>, Str<'static>)]) -> KeyedStrings<'static> {
    KeyedStrings::borrowed(pairs)
}

/// A text in each language, over static pairs.
pub(super) const fn t(pairs: &'static [(Str<'static>, Str<'static>)]) -> Text<'static> {
    Text(KeyedStrings::borrowed(pairs))
}

/// A `when`, over static pairs.
pub(super) const fn when(pairs: &'static [(Str<'static>, Ids<'static>)]) -> When<'static> {
    When::borrowed(pairs)
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
        id: Str::borrowed(id),
        priority,
        why,
        when,
    })
}
