//! The resolved form of a rule graph: every id turned into an index, once, at load time.
//!
//! Building the index is also where reference problems are found (duplicate ids, dangling
//! references, branches on answers that do not exist), because that is where each reference is
//! looked up. The engine then works with integers only.

mod build;
#[cfg(any(test, wegwijs_prepared))]
pub(crate) mod tables;

pub use build::{build, is_valid_id};

use super::ask::Ask;
use super::lookup::Lookup;
use super::model::{ASK_CONCERN, ASK_ROLE, Kind};
use super::slice::Slice;

/// One resolved recommendation of a node (see [`crate::graph::Graph::adds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Add {
    /// Which catalog.
    pub kind: Kind,
    /// Lower comes first.
    pub priority: u16,
    /// Index in that catalog.
    pub entry: u32,
    /// Position in the node's `add` list, to find its `why`.
    pub at: u32,
    /// Its `when`, as an index into [`Index::condition`]; `None` adds it on every path.
    pub condition: Option<u32>,
}

/// A resolved `when`: every clause must hold. A clause holds when the answer to its [`Ask`]
/// (the query's role or concern, or the answer a question got on the path so far) is one of
/// its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// (what is asked, the answer indexes that match), in file order.
    pub clauses: Slice<'static, (Ask, Slice<'static, u32>)>,
}

impl Condition {
    /// Whether every clause holds, given the answer to each ask (`None`: not answered on the
    /// path, which never matches).
    pub fn holds(&self, mut answer: impl FnMut(Ask) -> Option<u32>) -> bool {
        self.clauses
            .iter()
            .all(|(ask, options)| answer(*ask).is_some_and(|a| options.contains(&a)))
    }
}

/// A node's resolved edges and recommendations, as a view into the [`Index`].
#[derive(Debug, Clone, Copy)]
pub struct Links<'i> {
    /// What the node branches on, if anything.
    pub ask: Option<Ask>,
    /// (answer index, node index) pairs, in file order.
    pub then: &'i [(u32, u32)],
    /// The node for answers `then` does not list.
    pub default: Option<u32>,
    /// The node that follows when nothing is asked.
    pub next: Option<u32>,
}

impl Links<'_> {
    /// The node an answer leads to, if any.
    pub fn branch(&self, answer: u32) -> Option<u32> {
        self.then
            .iter()
            .find(|(a, _)| *a == answer)
            .map(|(_, n)| *n)
            .or(self.default)
    }

    /// How many successors [`Links::successor`] numbers (repeats included).
    pub fn successor_count(&self) -> usize {
        self.then.len() + usize::from(self.default.is_some()) + usize::from(self.next.is_some())
    }

    /// Successor number `i` (`then` targets, then `default`, then `next`), or `None` past the
    /// end or when an earlier successor already named the same node.
    pub fn successor(&self, i: usize) -> Option<u32> {
        let target = self
            .then
            .iter()
            .map(|(_, n)| *n)
            .chain(self.default)
            .chain(self.next)
            .nth(i)?;
        let repeat = self
            .then
            .iter()
            .map(|(_, n)| *n)
            .chain(self.default)
            .chain(self.next)
            .take(i)
            .any(|n| n == target);
        (!repeat).then_some(target)
    }

    /// Every node this one can lead to, in file order, without repeats.
    pub fn successors(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.successor_count()).filter_map(|i| self.successor(i))
    }
}

/// "None" in the packed per-node table, and an addition whose id did not resolve.
pub(crate) const NONE: u32 = u32::MAX;
/// `ask` values in the packed table below the question indexes' range.
const ASK_ROLE_CODE: u32 = u32::MAX - 1;
const ASK_CONCERN_CODE: u32 = u32::MAX - 2;

/// One node's links, packed: a large graph has millions of nodes, and the branches and
/// additions of all nodes live in two shared arrays.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(PartialEq))]
struct Packed {
    ask: u32,
    default: u32,
    next: u32,
    then_end: u32,
    add_end: u32,
}

/// Every id of a rule graph resolved to an index.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct Index<'a> {
    /// Roles by id and alias.
    pub roles: Lookup<'a>,
    /// Concerns by id and alias.
    pub concerns: Lookup<'a>,
    /// Questions by id and alias.
    pub questions: Lookup<'a>,
    /// For each question, its options by id and alias.
    pub options: Vec<Lookup<'a>>,
    /// For each [`Kind`] (in [`Kind::ALL`] order), the catalog by id.
    pub entries: [Lookup<'a>; 6],
    /// The start node.
    pub start: Option<u32>,
    /// The question marked `safety`, if exactly one is.
    pub safety: Option<u32>,
    nodes: Vec<Packed>,
    branches: Vec<(u32, u32)>,
    /// Per node, the catalog index of each of its additions, in `add` order ([`NONE`] when the
    /// id did not resolve). Kind and priority stay in the rules.
    add_entries: Vec<u32>,
    /// Every resolved `when`, in file order.
    conditions: Vec<Condition>,
    /// Position in `add_entries` of each addition with a `when` -> its index in `conditions`.
    /// Only additions that have a `when` are looked up here, so the rest pay nothing. FxHash:
    /// `check`'s proofs look conditions up for every node in every answer state.
    condition_of: rustc_hash::FxHashMap<u32, u32>,
}

impl<'a> Index<'a> {
    /// The question with this id: `role`, `concern`, or a follow-up question's id or alias.
    pub fn ask_named(&self, id: &str) -> Option<Ask> {
        match id {
            ASK_ROLE => Some(Ask::Role),
            ASK_CONCERN => Some(Ask::Concern),
            q => self.questions.find(q).map(Ask::Question),
        }
    }

    /// Every name [`Index::ask_named`] knows (question ids and aliases, then `role` and
    /// `concern`), to suggest the nearest for one it does not.
    pub fn ask_names(&self) -> impl Iterator<Item = &str> {
        self.questions.keys().chain([ASK_ROLE, ASK_CONCERN])
    }

    /// The ids and aliases of the answers to `ask`.
    pub fn answers(&self, ask: Ask) -> &Lookup<'a> {
        match ask {
            Ask::Role => &self.roles,
            Ask::Concern => &self.concerns,
            Ask::Question(q) => &self.options[q as usize],
        }
    }

    /// The catalog lookup for a kind.
    pub fn entries(&self, kind: Kind) -> &Lookup<'a> {
        &self.entries[kind as usize]
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// The resolved links of node `n`.
    pub fn links(&self, n: u32) -> Links<'_> {
        let n = n as usize;
        let p = self.nodes[n];
        let then_start = n.checked_sub(1).map_or(0, |prev| self.nodes[prev].then_end);
        let opt = |v: u32| (v != NONE).then_some(v);
        Links {
            ask: match p.ask {
                NONE => None,
                ASK_ROLE_CODE => Some(Ask::Role),
                ASK_CONCERN_CODE => Some(Ask::Concern),
                q => Some(Ask::Question(q)),
            },
            then: &self.branches[then_start as usize..p.then_end as usize],
            default: opt(p.default),
            next: opt(p.next),
        }
    }

    /// The catalog index of each addition of node `n`, in `add` order ([`NONE`]: unresolved).
    pub(crate) fn add_entries(&self, n: u32) -> &[u32] {
        let n = n as usize;
        let start = n.checked_sub(1).map_or(0, |prev| self.nodes[prev].add_end);
        &self.add_entries[start as usize..self.nodes[n].add_end as usize]
    }

    /// The condition of addition `at` of node `n`, when it has one that resolved.
    pub(crate) fn condition_at(&self, n: u32, at: usize) -> Option<u32> {
        let start = (n as usize)
            .checked_sub(1)
            .map_or(0, |prev| self.nodes[prev].add_end);
        self.condition_of.get(&(start + at as u32)).copied()
    }

    /// A resolved `when` by its index (see [`Add::condition`]).
    pub fn condition(&self, c: u32) -> &Condition {
        &self.conditions[c as usize]
    }

    /// Every resolved `when`, in file order.
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    /// Links of every node, in order.
    pub fn all_links(&self) -> impl Iterator<Item = Links<'_>> + '_ {
        (0..self.nodes.len() as u32).map(|n| self.links(n))
    }

    fn push(
        &mut self,
        ask: Option<Ask>,
        then: &[(u32, u32)],
        default: Option<u32>,
        next: Option<u32>,
        add: &[u32],
    ) {
        self.branches.extend_from_slice(then);
        self.add_entries.extend_from_slice(add);
        self.nodes.push(Packed {
            ask: match ask {
                None => NONE,
                Some(Ask::Role) => ASK_ROLE_CODE,
                Some(Ask::Concern) => ASK_CONCERN_CODE,
                Some(Ask::Question(q)) => q,
            },
            default: default.unwrap_or(NONE),
            next: next.unwrap_or(NONE),
            then_end: self.branches.len() as u32,
            add_end: self.add_entries.len() as u32,
        });
    }

    /// Points node `n`'s `next` elsewhere: for tests of what the engine does with a graph that
    /// did not pass `check`.
    #[cfg(test)]
    pub(crate) fn set_next(&mut self, n: u32, next: Option<u32>) {
        self.nodes[n as usize].next = next.unwrap_or(NONE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_ascii() {
        for good in ["youth-worker", "n12", "a.b_c", "1st"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "Youth", "-x", "a b", "jeugd\u{e9}", "x\u{1b}"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn packed_links_read_back_as_written() {
        let mut index = Index::default();
        index.push(None, &[], None, Some(1), &[9]);
        index.push(
            Some(Ask::Question(4)),
            &[(0, 2), (1, 3)],
            Some(3),
            None,
            &[],
        );
        index.push(Some(Ask::Role), &[], None, None, &[7, NONE]);
        let l = index.links(1);
        assert_eq!(
            (l.ask, l.then, l.default, l.next),
            (Some(Ask::Question(4)), &[(0, 2), (1, 3)][..], Some(3), None)
        );
        assert!(index.add_entries(1).is_empty());
        let l = index.links(0);
        assert_eq!(
            (l.ask, l.next, index.add_entries(0)),
            (None, Some(1), &[9][..])
        );
        assert_eq!(index.links(2).ask, Some(Ask::Role));
        assert_eq!(index.add_entries(2), [7, NONE]);
    }

    #[test]
    fn successors_are_unique_in_order() {
        let links = Links {
            ask: None,
            then: &[(0, 5), (1, 6), (2, 5)],
            default: Some(7),
            next: None,
        };
        assert_eq!(links.successors().collect::<Vec<_>>(), [5, 6, 7]);
        assert_eq!(links.branch(2), Some(5));
        assert_eq!(links.branch(9), Some(7));
    }

    #[test]
    fn conditions_resolve_aliases_and_only_conditional_additions_carry_one() {
        use crate::graph::{Graph, Origins, RuleGraph};
        use serde::Deserialize;
        let t = serde_json::json!({"en": "x"});
        let rules = RuleGraph::deserialize(serde_json::json!({
            "schema_version": 1, "id": "t", "version": "1", "title": t, "languages": ["en"],
            "reviewed": "2026-01-01", "emergency": t, "start": "a",
            "roles": [{"id": "teacher", "label": t, "description": t, "aliases": ["docent"]}],
            "concerns": [{"id": "c", "label": t, "description": t}],
            "questions": [{"id": "stage", "text": t, "aliases": ["fase"],
                "options": [{"id": "early", "label": t}, {"id": "late", "label": t, "aliases": ["laat"]}]}],
            "steps": [{"id": "s", "text": t}],
            "nodes": [
                {"id": "a", "ask": "stage", "then": {"early": "b", "late": "b"}},
                {"id": "b", "add": [
                    {"kind": "step", "id": "s"},
                    {"kind": "step", "id": "s", "when": {"role": ["docent"], "fase": ["laat", "early"]}}
                ]}
            ]
        }))
        .unwrap();
        let (g, d) = Graph::new(rules, Origins::single(0));
        assert!(d.is_empty(), "{d:?}");
        let adds: Vec<Add> = g.adds(1).collect();
        assert_eq!(adds[0].condition, None);
        let c = g.index.condition(adds[1].condition.unwrap());
        // `json!` sorts keys, so `fase` comes first here; a file keeps its own order.
        assert_eq!(
            &c.clauses[..],
            &[
                (Ask::Question(0), vec![1, 0].into()),
                (Ask::Role, vec![0].into())
            ]
        );
        assert!(c.holds(|ask| Some(if ask == Ask::Role { 0 } else { 1 })));
        assert!(!c.holds(|ask| (ask == Ask::Role).then_some(0)));
    }
}
