//! The rule graph: its file format ([`model`]), the files it is read from ([`sources`]), loading
//! ([`mod@load`], with serde's errors turned into diagnostics by [`decode`]), overlays
//! ([`overlay`]) and where each part came from ([`origins`]), and the resolved index the engine
//! walks ([`index`]). A question and its answers are [`mod@ask`]'s; the items a plan recommends,
//! by kind, are [`entries`]'s. Paths and positions inside its files are [`crate::location`]'s.
//!
//! A [`Graph`] is the unit the rest of the program works with: the parsed rules, the index built
//! from them, and [`Origins`], which remembers which file and JSON path every part came from so
//! that a diagnostic can point at it.

pub mod ask;
pub mod decode;
pub mod entries;
mod exact;
pub mod index;
pub mod keyed;
pub mod load;
pub mod lookup;
pub mod model;
pub mod origins;
pub mod overlay;
pub mod prepared;
pub mod slice;
pub mod slots;
pub mod sources;
pub mod str;
pub mod when;

use std::path::PathBuf;

pub use ask::{Answer, Ask};
pub use index::{Add, Condition, Index, Links};
pub use lookup::Lookup;
pub use model::{Kind, RuleGraph, Text};
pub use origins::{FieldOrigin, ItemOrigin, Origins, OverlayInfo};
pub use sources::{BUILTIN_NAME, BUILTIN_TEXT, ReadError, SourceFile, Sources};

use crate::diagnostic::{Diagnostic, SourceId};
use crate::location::JsonPath;

/// A rule graph ready to use: rules, resolved index and origins.
#[derive(Debug, Clone)]
pub struct Graph<'a> {
    /// The rules as written (merged, when overlays were applied).
    pub rules: RuleGraph<'a>,
    /// Every id resolved to an index.
    pub index: Index<'a>,
    /// Which file each part came from.
    pub origins: Origins,
}

impl<'a> Graph<'a> {
    /// Builds the index of `rules`; returns the graph and every reference problem found.
    pub fn new(rules: RuleGraph<'a>, origins: Origins) -> (Graph<'a>, Vec<Diagnostic>) {
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

    /// What node `n` adds to a plan: its `add` list with every id resolved (unresolved ones,
    /// possible only in a graph with errors, are left out).
    pub fn adds(&self, n: u32) -> impl Iterator<Item = Add> + '_ {
        let node = &self.rules.nodes[n as usize];
        node.add
            .iter()
            .zip(self.index.add_entries(n))
            .enumerate()
            .filter(|(_, (_, entry))| **entry != index::NONE)
            .map(move |(k, (a, &entry))| Add {
                kind: a.kind,
                priority: a.priority,
                entry,
                at: k as u32,
                // Only an addition with a `when` looks its condition up.
                condition: a.when().and_then(|_| self.index.condition_at(n, k)),
            })
    }

    /// The position in `sources` of the source with id `id`.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.rules.sources.iter().position(|s| s.id == id)
    }

    /// The language to show content in: `wanted` when the graph carries it, else its first.
    pub fn content_lang<'s>(&'s self, wanted: &'s str) -> &'s str {
        if self.rules.languages.iter().any(|l| l == wanted) {
            wanted
        } else {
            self.rules.languages.first().map_or(wanted, |l| l.as_str())
        }
    }
}

/// Which rule files to load.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Files given with `--rules`; empty means the built-in graph.
    pub files: Vec<PathBuf>,
}

/// The outcome of loading: the graph if one could be built, every diagnostic, and the files,
/// which the graph borrows its strings from.
#[derive(Debug)]
pub struct Loaded<'s> {
    /// The graph, unless a file could not be parsed at all.
    pub graph: Option<Graph<'s>>,
    /// Structural and reference problems (not the deeper checks of [`crate::check`]).
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, to name and locate the diagnostics.
    pub sources: &'s Sources,
}

/// Loads the selected rule files into `sources`, applies overlays, and indexes the result.
///
/// The first file is the base graph, unless it is an overlay: then the base is the built-in
/// graph. Every later file must be an overlay. No file at all means the built-in graph. Only a
/// file that cannot be opened is an `Err`; everything wrong inside a file is a diagnostic.
pub fn load<'s>(selection: &Selection, sources: &'s mut Sources) -> Result<Loaded<'s>, ReadError> {
    // First read every file; then parse, borrowing strings from the texts.
    let mut ids = Vec::with_capacity(selection.files.len());
    let mut diagnostics = Vec::new();
    for path in &selection.files {
        let (id, unreadable) = sources.read(path)?;
        diagnostics.extend(unreadable);
        ids.push(id);
    }
    Ok(load_read(ids, diagnostics, sources))
}

/// Like [`load()`], for files already read into `sources` (each exactly once: stdin and FIFOs
/// cannot be read twice). `ids` are the files in command-line order; `diagnostics` are the
/// problems found while reading them, which stop the load.
pub fn load_read<'s>(
    mut ids: Vec<SourceId>,
    mut diagnostics: Vec<Diagnostic>,
    sources: &'s mut Sources,
) -> Loaded<'s> {
    let first_is_overlay = ids
        .first()
        .is_some_and(|&f| overlay::kind_of(&sources.file(f).text) == overlay::FileKind::Overlay);
    let builtin = ids.is_empty() || first_is_overlay;
    let base = if builtin {
        sources.add_builtin()
    } else {
        ids.remove(0)
    };
    let sources: &'s Sources = sources;
    let failed = |diagnostics| Loaded {
        graph: None,
        diagnostics,
        sources,
    };
    if !diagnostics.is_empty() {
        return failed(diagnostics);
    }
    // The prepared graph passed `check` when it was written. A build whose prepared graph is out
    // of date reads `rules/default.json` as any file, so that an edit that broke it is reported
    // with its file, line and column rather than hidden.
    let prepared = builtin && prepared::PREPARED;
    if prepared && ids.is_empty() {
        return Loaded {
            graph: Some(prepared::graph(Origins::single(base))),
            diagnostics,
            sources,
        };
    }
    let parsed = if prepared {
        Ok(prepared::rules())
    } else {
        load::parse(&sources.file(base).text, base)
    };
    let mut rules = match parsed {
        Ok(rules) => rules,
        Err(d) => return failed(d),
    };
    let mut origins = Origins::single(base);
    for id in ids {
        let text = &sources.file(id).text;
        match overlay::parse(text, id) {
            Ok(o) => overlay::apply(&mut rules, &mut origins, o, id, &mut diagnostics),
            Err(_) if overlay::kind_of(text) == overlay::FileKind::Graph => {
                diagnostics.push(Diagnostic::new(
                    crate::diagnostic::Problem::NotAnOverlay,
                    id,
                    JsonPath::root(),
                ));
            }
            Err(d) => diagnostics.extend(d),
        }
    }
    if !diagnostics.is_empty() {
        return failed(diagnostics);
    }
    let (graph, diagnostics) = Graph::new(rules, origins);
    Loaded {
        graph: Some(graph),
        diagnostics,
        sources,
    }
}

/// The built-in graph with its index, as prepared at build time ([`prepared`]).
pub fn builtin() -> Graph<'static> {
    prepared::graph(Origins::single(0))
}
