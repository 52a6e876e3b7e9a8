//! Lists deserialized into exactly sized vectors.
//!
//! serde reads a JSON array of unknown length by growing a vector (4, 8, 16 …). In a graph of a
//! million nodes, each with a few branches and recommendations, the unused capacity (or the
//! holes left by shrinking it afterwards) was a third of the memory. [`Exact`] keeps the first
//! items on the stack and allocates once, at the right size.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// How many items are kept on the stack before spilling to the heap.
const INLINE: usize = 8;

/// A collector that allocates once, exactly, for lists of up to [`INLINE`] items.
pub(crate) struct Exact<T> {
    inline: [Option<T>; INLINE],
    len: usize,
    spill: Vec<T>,
}

impl<T> Exact<T> {
    /// An empty collector.
    pub(crate) fn new() -> Exact<T> {
        Exact {
            inline: Default::default(),
            len: 0,
            spill: Vec::new(),
        }
    }

    /// The items so far, on the stack or spilled.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.inline[..self.len.min(INLINE)]
            .iter()
            .flatten()
            .chain(&self.spill)
    }

    /// Adds an item.
    pub(crate) fn push(&mut self, item: T) {
        if self.len < INLINE && self.spill.is_empty() {
            self.inline[self.len] = Some(item);
            self.len += 1;
            return;
        }
        if self.spill.is_empty() {
            self.spill.reserve_exact(INLINE * 2);
            self.spill
                .extend(self.inline.iter_mut().filter_map(Option::take));
            self.len = 0;
        }
        self.spill.push(item);
    }

    /// The items, in an allocation of exactly their number.
    pub(crate) fn finish(mut self) -> Vec<T> {
        if !self.spill.is_empty() {
            self.spill.shrink_to_fit();
            return self.spill;
        }
        let mut out = Vec::with_capacity(self.len);
        out.extend(
            self.inline
                .iter_mut()
                .take(self.len)
                .filter_map(Option::take),
        );
        out
    }
}

/// For `#[serde(deserialize_with = "...")]`: a JSON array into a boxed slice.
pub(crate) fn boxed<'de, D, T>(deserializer: D) -> Result<Box<[T]>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    vec(deserializer).map(Vec::into_boxed_slice)
}

/// For `#[serde(deserialize_with = "...")]`: a JSON array into an exactly sized `Vec`.
pub(crate) fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct SeqVisitor<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for SeqVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Exact::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items.finish())
        }
    }

    deserializer.deserialize_seq(SeqVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lists_are_exact() {
        let mut e = Exact::new();
        for i in 0..3 {
            e.push(i);
        }
        let v = e.finish();
        assert_eq!((v.clone(), v.capacity()), (vec![0, 1, 2], 3));
    }

    #[test]
    fn long_lists_keep_every_item_in_order() {
        let mut e = Exact::new();
        for i in 0..20 {
            e.push(i);
        }
        assert_eq!(
            e.iter().copied().collect::<Vec<_>>(),
            (0..20).collect::<Vec<_>>()
        );
        let v = e.finish();
        assert_eq!((v.len(), v.capacity()), (20, 20));
        assert_eq!(v, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn deserializes_json_arrays() {
        #[derive(Deserialize)]
        struct W {
            #[serde(deserialize_with = "vec")]
            items: Vec<u32>,
        }
        let w: W = serde_json::from_str(r#"{"items": [5, 6]}"#).unwrap();
        assert_eq!((w.items.clone(), w.items.capacity()), (vec![5, 6], 2));
        assert!(serde_json::from_str::<W>(r#"{"items": 3}"#).is_err());
    }
}
