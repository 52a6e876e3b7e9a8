//! The rule graph: its file format ([`model`]), loading ([`mod@load`]), paths into its files
//! ([`path`]) and the resolved index the engine walks ([`index`]).
//!
//! A [`Graph`] is the unit the rest of the program works with: the parsed rules, the index built
//! from them, and [`Origins`], which remembers which file and JSON path every part came from so
//! that a diagnostic can point at it.

pub mod index;
pub mod keyed;
pub mod load;
pub mod model;
pub mod path;

use std::collections::HashMap;
use std::path::PathBuf;

pub use index::{Add, Ask, Index, Links, Lookup};
pub use load::{BUILTIN_NAME, ReadError, SourceFile, Sources};
pub use model::{Kind, RuleGraph, Text};

use crate::diagnostic::{Diagnostic, SourceId};
use path::{JsonPath, Seg};

/// Where the parts of a graph came from.
///
/// For a graph read from one file every item comes from that file at its own index, and no
/// table is needed. Overlays record their items here.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// The file that holds the top-level fields and every item not listed in `items`.
    pub base: SourceId,
    items: HashMap<(&'static str, usize), ItemOrigin>,
}

/// Where one item of a merged graph was defined, and which files changed which of its fields.
#[derive(Debug, Clone)]
pub struct ItemOrigin {
    /// The file and index the item was first defined at.
    pub source: SourceId,
    /// Its index in that file's list.
    pub index: usize,
    /// Later files that set fields of the item: (field, file, index in that file's list).
    pub fields: Vec<(String, SourceId, usize)>,
}

impl Origins {
    /// Everything comes from one file.
    pub fn single(source: SourceId) -> Origins {
        Origins {
            base: source,
            items: HashMap::new(),
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

    /// The file and JSON path of `section[index]` followed by `rest`, in the file that wrote it.
    pub fn path(&self, section: &'static str, index: usize, rest: &[Seg]) -> (SourceId, JsonPath) {
        let (source, at) = match self.items.get(&(section, index)) {
            None => (self.base, index),
            Some(origin) => {
                let field = match rest.first() {
                    Some(Seg::Key(k)) => Some(k.as_str()),
                    _ => None,
                };
                origin
                    .fields
                    .iter()
                    .rev()
                    .find(|(f, _, _)| Some(f.as_str()) == field)
                    .map(|(_, s, i)| (*s, *i))
                    .unwrap_or((origin.source, origin.index))
            }
        };
        let mut path = JsonPath::item(section, at);
        path.0.extend_from_slice(rest);
        (source, path)
    }
}

/// A rule graph ready to use: rules, resolved index and origins.
#[derive(Debug, Clone)]
pub struct Graph {
    /// The rules as written (merged, when overlays were applied).
    pub rules: RuleGraph,
    /// Every id resolved to an index.
    pub index: Index,
    /// Which file each part came from.
    pub origins: Origins,
}

impl Graph {
    /// Builds the index of `rules`; returns the graph and every reference problem found.
    pub fn new(rules: RuleGraph, origins: Origins) -> (Graph, Vec<Diagnostic>) {
        let (index, diagnostics) = index::build(&rules, &origins);
        (
            Graph {
                rules,
                index,
                origins,
            },
            diagnostics,
        )
    }

    /// The language to show content in: `wanted` when the graph carries it, else its first.
    pub fn content_lang<'a>(&'a self, wanted: &'a str) -> &'a str {
        if self.rules.languages.iter().any(|l| l == wanted) {
            wanted
        } else {
            self.rules.languages.first().map_or(wanted, String::as_str)
        }
    }
}

/// Which rule files to load.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Files given with `--rules`; empty means the built-in graph.
    pub files: Vec<PathBuf>,
}

/// The outcome of loading: the graph if one could be built, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The graph, unless a file could not be parsed at all.
    pub graph: Option<Graph>,
    /// Structural and reference problems (not the deeper checks of [`crate::check`]).
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the selected rule files (or the built-in graph) into `sources` and indexes the
/// result.
///
/// Only a file that cannot be opened at all is an `Err`; everything wrong inside a file is a
/// diagnostic in [`Loaded`].
pub fn load(selection: &Selection, sources: &mut Sources) -> Result<Loaded, ReadError> {
    let (source, unreadable) = match selection.files.first() {
        None => (sources.add_builtin(), None),
        Some(path) => sources.read(path)?,
    };
    if let Some(d) = unreadable {
        return Ok(Loaded {
            graph: None,
            diagnostics: vec![d],
        });
    }
    let parsed = load::parse(&sources.file(source).text, source);
    let (graph, diagnostics) = match parsed {
        Ok(rules) => {
            let (graph, d) = Graph::new(rules, Origins::single(source));
            (Some(graph), d)
        }
        Err(d) => (None, d),
    };
    Ok(Loaded { graph, diagnostics })
}

/// The built-in graph, parsed and indexed.
///
/// The built-in graph is checked by the test suite (`check --deny-warnings` must pass), so
/// start-up only parses and indexes it.
pub fn builtin() -> Graph {
    let rules = load::parse(load::BUILTIN_TEXT, 0)
        .unwrap_or_else(|d| panic!("the built-in rule graph does not parse: {d:?}"));
    Graph::new(rules, Origins::single(0)).0
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
                fields: vec![("contact".into(), 1, 0)],
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
}
