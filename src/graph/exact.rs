//! Lists deserialized into exactly sized boxed slices.
//!
//! serde reads a JSON array of unknown length by growing a vector (4, 8, 16 …). In a graph of a
//! million nodes, each with a few branches and recommendations, the unused capacity (or the
//! holes a plain `Vec` leaves when shrunk afterwards) was a third of the memory: the benchmark
//! measured 4.65 × the file at 100k nodes with `Vec` + `into_boxed_slice`, against 3.87 × this
//! way. So lists are read into a [`SmallVec`] that keeps the first items on the stack, and
//! allocated once, at the right size.

use serde::{Deserialize, Deserializer};
use smallvec::SmallVec;

/// A list being read: up to eight items on the stack before it spills to the heap.
pub(crate) type Small<T> = SmallVec<[T; 8]>;

/// The items of `list` in an allocation of exactly their number.
pub(crate) fn boxed_slice<T>(list: Small<T>) -> Box<[T]> {
    if list.spilled() {
        // Already on the heap: shrinking it in place is cheapest.
        list.into_vec().into_boxed_slice()
    } else {
        // One allocation of exactly its length. (`collect` would not do: `Vec` starts a list
        // of unknown length at four items, and shrinking that afterwards leaves holes.)
        let mut exact = Vec::with_capacity(list.len());
        exact.extend(list);
        exact.into_boxed_slice()
    }
}

/// For `#[serde(deserialize_with = "...")]`: a JSON array into an exactly sized boxed slice.
pub(crate) fn boxed<'de, D, T>(deserializer: D) -> Result<Box<[T]>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Small::<T>::deserialize(deserializer).map(boxed_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_lists_keep_every_item_in_order() {
        for n in [0, 3, 8, 9, 20] {
            let list: Small<u32> = (0..n).collect();
            let boxed = boxed_slice(list);
            assert_eq!(boxed.to_vec(), (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn deserializes_json_arrays() {
        #[derive(Deserialize)]
        struct W {
            #[serde(deserialize_with = "boxed")]
            items: Box<[u32]>,
        }
        let w: W = serde_json::from_str(r#"{"items": [5, 6]}"#).unwrap();
        assert_eq!(&*w.items, &[5, 6]);
        assert!(serde_json::from_str::<W>(r#"{"items": 3}"#).is_err());
    }
}
