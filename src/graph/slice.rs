//! [`Slice`]: a list of a rule graph that is either read from a file (owned, allocated once at
//! its size) or part of the prepared built-in graph (borrowed from static data, no allocation).
//!
//! Not `Cow<[T]>`: `Cow` is invariant in its element type, which would pin every graph to the
//! exact lifetime of its text; this enum is covariant, as a `Box<[T]>` was.

use std::fmt;
use std::ops::Deref;

/// A list that borrows its items or owns them; compared and shown as its items.
#[derive(Clone)]
pub enum Slice<'a, T> {
    /// Items that live elsewhere (static data).
    Borrowed(&'a [T]),
    /// Items read from a file.
    Owned(Box<[T]>),
}

impl<T> Slice<'_, T> {
    /// The items, owned, for changing them (an overlay patching the graph).
    pub fn to_mut(&mut self) -> &mut Box<[T]>
    where
        T: Clone,
    {
        if let Slice::Borrowed(items) = *self {
            *self = Slice::Owned(items.into());
        }
        match self {
            Slice::Owned(items) => items,
            Slice::Borrowed(_) => unreachable!("made owned above"),
        }
    }
}

impl<T: PartialEq> PartialEq for Slice<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Slice<'_, T> {}

impl<T: fmt::Debug> fmt::Debug for Slice<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> Default for Slice<'_, T> {
    fn default() -> Self {
        Slice::Borrowed(&[])
    }
}

impl<T> Deref for Slice<'_, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Slice::Borrowed(items) => items,
            Slice::Owned(items) => items,
        }
    }
}

impl<T> From<Vec<T>> for Slice<'_, T> {
    fn from(items: Vec<T>) -> Self {
        Slice::Owned(items.into_boxed_slice())
    }
}

impl<T> From<Box<[T]>> for Slice<'_, T> {
    fn from(items: Box<[T]>) -> Self {
        Slice::Owned(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_items_become_owned_when_changed() {
        static ITEMS: [u32; 2] = [1, 2];
        let mut s = Slice::Borrowed(&ITEMS[..]);
        assert_eq!(&*s, [1, 2]);
        s.to_mut()[0] = 9;
        assert_eq!(&*s, [9, 2]);
        assert_eq!(ITEMS, [1, 2]);
        assert!(matches!(s, Slice::Owned(_)));
        assert_eq!(Slice::Borrowed(&[9, 2][..]), s);
        assert_eq!(format!("{s:?}"), "[9, 2]");
        assert_eq!(std::mem::size_of::<Slice<'_, u64>>(), 24);
    }
}
