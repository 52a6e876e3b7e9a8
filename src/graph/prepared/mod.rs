//! The built-in rule graph, prepared at build time.
//!
//! Every command without `--rules` starts from the built-in graph, and a one-shot `plan` should
//! cost little more than starting a process. Parsing the graph's JSON and resolving its ids took
//! most of that (BENCHMARKS.md), so a test writes the graph and its index out as Rust
//! (`builtin.rs`: the rules as constructor calls whose strings point into the binary, the index
//! as static tables), and start-up runs that code instead.
//!
//! `builtin.rs` is generated and committed. Its second line records a hash of what it is written
//! from or compiles against (`rules/default.json`, `src/date.rs` and every Rust file under
//! `src/graph/`); `build.rs` compiles it in (`cfg(wegwijs_prepared)`) only when that hash matches
//! those files now. Otherwise this module parses `rules/default.json` as any rule
//! file, and cargo warns that the prepared graph is out of date. So an edit to the rules is in
//! the next build either way, and the test that writes the file fails until it is written again:
//! `WEGWIJS_BLESS=1 cargo test --lib graph::prepared`.

#[cfg(wegwijs_prepared)]
#[rustfmt::skip]
mod builtin;
#[cfg(test)]
mod generate;
#[cfg(wegwijs_prepared)]
mod parts;

use super::{Graph, Origins, RuleGraph};

/// Whether this build carries the prepared graph (false while `builtin.rs` is out of date).
pub const PREPARED: bool = cfg!(wegwijs_prepared);

/// The built-in graph's rules: the prepared ones, or else parsed from `rules/default.json`.
pub fn rules() -> RuleGraph<'static> {
    #[cfg(wegwijs_prepared)]
    {
        builtin::rules()
    }
    #[cfg(not(wegwijs_prepared))]
    {
        super::load::parse(super::BUILTIN_TEXT, 0)
            .unwrap_or_else(|d| panic!("the built-in rule graph does not parse: {d:?}"))
    }
}

/// The built-in graph with its index, its parts attributed to `origins`.
///
/// The built-in graph is checked by the test suite (`check --deny-warnings` must pass), so it
/// has no reference problems to report.
pub fn graph(origins: Origins) -> Graph<'static> {
    #[cfg(wegwijs_prepared)]
    {
        Graph {
            rules: builtin::rules(),
            index: super::Index::from_tables(&builtin::INDEX),
            origins,
        }
    }
    #[cfg(not(wegwijs_prepared))]
    {
        Graph::new(rules(), origins).0
    }
}

/// What `--version` names: the built-in graph's id, version and review date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// The graph's id.
    pub id: &'static str,
    /// Its content version.
    pub version: &'static str,
    /// When it was last reviewed as a whole (`YYYY-MM-DD`).
    pub reviewed: &'static str,
}

/// The built-in graph's [`Head`], without reading the whole graph when it is prepared.
pub fn head() -> Option<Head> {
    #[cfg(wegwijs_prepared)]
    {
        Some(Head {
            id: builtin::ID,
            version: builtin::VERSION,
            reviewed: builtin::REVIEWED,
        })
    }
    #[cfg(not(wegwijs_prepared))]
    {
        #[derive(serde::Deserialize)]
        struct Fields {
            id: &'static str,
            version: &'static str,
            reviewed: &'static str,
        }
        let f: Fields = serde_json::from_str(super::BUILTIN_TEXT).ok()?;
        Some(Head {
            id: f.id,
            version: f.version,
            reviewed: f.reviewed,
        })
    }
}
