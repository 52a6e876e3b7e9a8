//! Where the parts of a merged graph came from: which file and JSON path wrote each item and
//! value ([`Origins`]), and which overlays were applied ([`OverlayInfo`]).
//!
//! This is what loading learns beside the rules themselves; the rules ([`super::model`]) hold
//! only what the files say.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::model::Text;
use crate::date::Date;
use crate::diagnostic::SourceId;
use crate::location::{JsonPath, Seg};

/// Where the parts of a graph came from.
///
/// For a graph read from one file every item comes from that file at its own index, and no
/// table is needed. Overlays record their items here.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// The file that holds the top-level fields and every item not listed in `items`.
    pub base: SourceId,
    items: HashMap<(&'static str, usize), ItemOrigin>,
    /// The overlays applied to the base, in order.
    pub overlays: Vec<OverlayInfo>,
}

/// Where one item of a merged graph was defined, and which files changed which of its values.
#[derive(Debug, Clone)]
pub struct ItemOrigin {
    /// The file the item was first defined in.
    pub source: SourceId,
    /// Its index in that file's list.
    pub index: usize,
    /// Values that later files set, latest last.
    pub fields: Vec<FieldOrigin>,
}

/// A value inside an item that another file set: the item's path below `prefix` lives in
/// `source` below `path`.
#[derive(Debug, Clone)]
pub struct FieldOrigin {
    /// The value's path within the item, e.g. `contact.phone` or `add[3]`.
    pub prefix: Vec<Seg>,
    /// The file that set it.
    pub source: SourceId,
    /// Its path in that file.
    pub path: JsonPath,
}

impl Origins {
    /// Everything comes from one file.
    pub fn single(source: SourceId) -> Origins {
        Origins {
            base: source,
            items: HashMap::new(),
            overlays: Vec::new(),
        }
    }

    /// Records where item `index` of `section` in the merged graph came from.
    pub fn set(&mut self, section: &'static str, index: usize, origin: ItemOrigin) {
        self.items.insert((section, index), origin);
    }

    /// The recorded origin of an item, if it differs from "base file, same index".
    pub fn get(&self, section: &'static str, index: usize) -> Option<&ItemOrigin> {
        self.items.get(&(section, index))
    }

    /// The recorded origin of an item, created with `default` when there is none yet.
    pub fn entry(
        &mut self,
        section: &'static str,
        index: usize,
        default: impl FnOnce() -> ItemOrigin,
    ) -> &mut ItemOrigin {
        self.items.entry((section, index)).or_insert_with(default)
    }

    /// The file and JSON path of `section[index]` followed by `rest`, in the file that wrote it:
    /// the latest file that set the value (or a value containing it), else the item's own file.
    pub fn path(&self, section: &'static str, index: usize, rest: &[Seg]) -> (SourceId, JsonPath) {
        let Some(origin) = self.items.get(&(section, index)) else {
            let mut path = JsonPath::item(section, index);
            path.0.extend_from_slice(rest);
            return (self.base, path);
        };
        // Patches record leaves only, so the latest file whose value contains `rest` wrote it:
        // a later leaf above an earlier one replaced it whole. (Taking the longest prefix here
        // once picked the *earliest* of two overlays that set the same field.)
        let set_by = origin
            .fields
            .iter()
            .rev()
            .find(|f| rest.starts_with(&f.prefix));
        match set_by {
            Some(f) => {
                let mut path = f.path.clone();
                path.0.extend_from_slice(&rest[f.prefix.len()..]);
                (f.source, path)
            }
            None => {
                let mut path = JsonPath::item(section, origin.index);
                path.0.extend_from_slice(rest);
                (origin.source, path)
            }
        }
    }
}

/// Identity of an overlay applied to a graph, shown in plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OverlayInfo {
    /// The overlay's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its review date.
    pub reviewed: Date,
    /// Its title (usually the municipality's or region's name), in every language it gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'static>>,
    /// The loaded file it was read from, to tell which values it set.
    #[serde(skip)]
    #[schemars(skip)]
    pub source: SourceId,
}

impl OverlayInfo {
    /// The title in `lang` (with the text's own fallback), else the id.
    pub fn name(&self, lang: &str) -> &str {
        match &self.title {
            Some(t) if !t.get(lang).trim().is_empty() => t.get(lang),
            _ => &self.id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_point_at_the_file_that_set_a_field() {
        let mut o = Origins::single(0);
        o.set(
            "partners",
            3,
            ItemOrigin {
                source: 0,
                index: 3,
                fields: vec![FieldOrigin {
                    prefix: vec![Seg::Key("contact".into())],
                    source: 1,
                    path: JsonPath::item("partners", 0).key("contact"),
                }],
            },
        );
        let contact = [Seg::Key("contact".into()), Seg::Key("phone".into())];
        let (s, p) = o.path("partners", 3, &contact);
        assert_eq!((s, p.to_string()), (1, "partners[0].contact.phone".into()));
        let (s, p) = o.path("partners", 3, &[Seg::Key("name".into())]);
        assert_eq!((s, p.to_string()), (0, "partners[3].name".into()));
        let (s, p) = o.path("nodes", 7, &[]);
        assert_eq!((s, p.to_string()), (0, "nodes[7]".into()));
    }

    #[test]
    fn the_latest_of_two_files_that_set_a_field_owns_it() {
        // Regression: with two overlays setting `source`, the first one was named, so W010
        // blamed the second overlay's slot for a `source` it had set.
        let mut o = Origins::single(0);
        let field = |source, i| FieldOrigin {
            prefix: vec![Seg::Key("source".into())],
            source,
            path: JsonPath::item("partners", i).key("source"),
        };
        o.set(
            "partners",
            3,
            ItemOrigin {
                source: 0,
                index: 3,
                fields: vec![field(1, 0), field(2, 4)],
            },
        );
        let (s, p) = o.path("partners", 3, &[Seg::Key("source".into())]);
        assert_eq!((s, p.to_string()), (2, "partners[4].source".into()));
    }
}
