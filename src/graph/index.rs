//! The resolved form of a rule graph: every id turned into an index, once, at load time.
//!
//! Building the index is also where reference problems are found (duplicate ids, dangling
//! references, branches on answers that do not exist), because that is where each reference is
//! looked up. The engine then works with integers only.

use std::collections::HashMap;

use super::ask::Ask;
use super::entries::{catalog, entry_count, entry_key};
use super::lookup::{Lookup, NodeIds};
use super::model::{ASK_CONCERN, ASK_ROLE, Choice, Kind, RuleGraph};
use super::origins::Origins;
use super::str::Str;
use crate::diagnostic::{Diagnostic, Problem};
use crate::location::Seg;
use crate::suggest::nearest;

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
    pub clauses: Box<[(Ask, Box<[u32]>)]>,
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
struct Packed {
    ask: u32,
    default: u32,
    next: u32,
    then_end: u32,
    add_end: u32,
}

/// Every id of a rule graph resolved to an index.
#[derive(Debug, Clone, Default)]
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
    /// Only additions that have a `when` are looked up here, so the rest pay nothing.
    condition_of: HashMap<u32, u32>,
}

impl<'a> Index<'a> {
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

/// Suggestions are skipped for very large id sets: a typo among a million generated node ids
/// would cost more to match than the whole check.
const SUGGEST_LIMIT: usize = 20_000;

/// Builds the index and reports every reference problem found on the way.
pub fn build<'a>(rules: &RuleGraph<'a>, origins: &Origins) -> (Index<'a>, Vec<Diagnostic>) {
    let mut b = Builder {
        origins,
        diags: Vec::new(),
    };
    let mut index = Index {
        roles: b.choices("roles", "role", &rules.roles),
        concerns: b.choices("concerns", "concern", &rules.concerns),
        ..Index::default()
    };

    for (qi, q) in rules.questions.iter().enumerate() {
        b.check_id("questions", qi, "question", &q.id);
        let mut options = Lookup::default();
        for (oi, o) in q.options.iter().enumerate() {
            let at = [Seg::Key("options".into()), Seg::Index(oi)];
            b.check_id_at("questions", qi, &at, "option", &o.id);
            for (k, key) in std::iter::once(&o.id).chain(&o.aliases).enumerate() {
                if !options.insert(key, oi as u32) {
                    b.push(
                        "questions",
                        qi,
                        &id_or_alias(&at, k),
                        Problem::DuplicateId {
                            kind: "option",
                            id: key.to_string(),
                        },
                    );
                }
            }
        }
        if q.options.is_empty() {
            b.push(
                "questions",
                qi,
                &[Seg::Key("options".into())],
                Problem::Empty { what: "options" },
            );
        }
        if let Some(assume) = &q.assume {
            if options.find(assume).is_none() {
                let nearest = nearest(assume, options.keys());
                b.push(
                    "questions",
                    qi,
                    &[Seg::Key("assume".into())],
                    Problem::Dangling {
                        kind: "option",
                        id: assume.to_string(),
                        nearest,
                    },
                );
            }
        }
        for (k, key) in std::iter::once(&q.id).chain(&q.aliases).enumerate() {
            let reserved = key == ASK_ROLE || key == ASK_CONCERN;
            if reserved || !index.questions.insert(key, qi as u32) {
                b.push(
                    "questions",
                    qi,
                    &id_or_alias(&[], k),
                    Problem::DuplicateId {
                        kind: "question",
                        id: key.to_string(),
                    },
                );
            }
        }
        index.options.push(options);
    }
    let safety: Vec<usize> = (0..rules.questions.len())
        .filter(|&i| rules.questions[i].safety)
        .collect();
    if let [one] = safety[..] {
        index.safety = Some(one as u32);
    }

    let mut sources: HashMap<&str, usize> = HashMap::new();
    for (i, s) in rules.sources.iter().enumerate() {
        if sources.insert(s.id.as_str(), i).is_some() {
            b.push(
                "sources",
                i,
                &[Seg::Key("id".into())],
                Problem::DuplicateId {
                    kind: "source",
                    id: s.id.to_string(),
                },
            );
        }
    }

    for kind in Kind::ALL {
        let section = kind.section();
        let ids: Vec<&Str<'a>> = (0..entry_count(rules, kind))
            .map(|i| entry_key(rules, kind, i))
            .collect();
        let lookup = &mut index.entries[kind as usize];
        for (i, id) in ids.iter().enumerate() {
            b.check_id(section, i, kind.as_str(), id);
            if !lookup.insert(id, i as u32) {
                b.push(
                    section,
                    i,
                    &[Seg::Key("id".into())],
                    Problem::DuplicateId {
                        kind: kind.as_str(),
                        id: id.to_string(),
                    },
                );
            }
        }
    }
    let partners = &index.entries[Kind::Partner as usize];
    for kind in [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network] {
        for (i, e) in catalog(rules, kind).iter().enumerate() {
            if let Some(p) = &e.provider {
                if partners.find(p).is_none() {
                    let nearest = nearest(p, partners.keys());
                    b.push(
                        kind.section(),
                        i,
                        &[Seg::Key("provider".into())],
                        Problem::Dangling {
                            kind: "partner",
                            id: p.to_string(),
                            nearest,
                        },
                    );
                }
            }
            if !sources.contains_key(e.source.as_str()) {
                let nearest = nearest(&e.source, sources.keys().copied());
                b.push(
                    kind.section(),
                    i,
                    &[Seg::Key("source".into())],
                    Problem::Dangling {
                        kind: "source",
                        id: e.source.to_string(),
                        nearest,
                    },
                );
            }
        }
    }
    for (i, s) in rules.steps.iter().enumerate() {
        if let Some(p) = &s.partner {
            if partners.find(p).is_none() {
                let nearest = nearest(p, partners.keys());
                b.push(
                    "steps",
                    i,
                    &[Seg::Key("partner".into())],
                    Problem::Dangling {
                        kind: "partner",
                        id: p.to_string(),
                        nearest,
                    },
                );
            }
        }
    }

    let mut nodes = NodeIds::with_capacity(rules.nodes.len());
    for (i, n) in rules.nodes.iter().enumerate() {
        b.check_id("nodes", i, "node", &n.id);
        // The first of two equal ids keeps it; references resolve to the first.
        if !nodes.insert(&n.id, i as u32) {
            b.push(
                "nodes",
                i,
                &[Seg::Key("id".into())],
                Problem::DuplicateId {
                    kind: "node",
                    id: n.id.to_string(),
                },
            );
        }
    }
    let all_ids = || rules.nodes.iter().map(|n| n.id.as_str());
    // `field` builds the JSON path of the reference, only when there is something to report.
    let node_ref =
        |b: &mut Builder, id: &str, at: usize, field: &dyn Fn() -> Vec<Seg>| -> Option<u32> {
            let found = nodes.get(id);
            if found.is_none() {
                let field = field();
                let nearest = if rules.nodes.len() <= SUGGEST_LIMIT {
                    nearest(id, all_ids())
                } else {
                    Vec::new()
                };
                b.push(
                    "nodes",
                    at,
                    &field,
                    Problem::Dangling {
                        kind: "node",
                        id: id.to_owned(),
                        nearest,
                    },
                );
            }
            found
        };
    index.start = match nodes.get(&rules.start) {
        Some(s) => Some(s),
        None => {
            let nearest = nearest(&rules.start, all_ids().take(SUGGEST_LIMIT));
            b.diags.push(Diagnostic::new(
                Problem::Dangling {
                    kind: "node",
                    id: rules.start.to_string(),
                    nearest,
                },
                origins.base,
                crate::location::JsonPath::root().key("start"),
            ));
            None
        }
    };
    if rules.nodes.is_empty() {
        b.diags.push(Diagnostic::new(
            Problem::Empty { what: "nodes" },
            origins.base,
            crate::location::JsonPath::root().key("nodes"),
        ));
    }

    // Exact sizes up front: growing by doubling would leave up to half of each table unused.
    index.nodes.reserve_exact(rules.nodes.len());
    index
        .branches
        .reserve_exact(rules.nodes.iter().map(|n| n.then.len()).sum());
    index
        .add_entries
        .reserve_exact(rules.nodes.iter().map(|n| n.add.len()).sum());
    // One node's links, reused for every node so the loop allocates nothing.
    let mut then: Vec<(u32, u32)> = Vec::new();
    let mut adds: Vec<u32> = Vec::new();
    for (i, n) in rules.nodes.iter().enumerate() {
        then.clear();
        adds.clear();
        let mut asks = None;
        if let Some(ask) = &n.ask {
            let at = [Seg::Key("ask".into())];
            asks = match ask.as_str() {
                ASK_ROLE => Some(Ask::Role),
                ASK_CONCERN => Some(Ask::Concern),
                q => match index.questions.find(q) {
                    Some(qi) => Some(Ask::Question(qi)),
                    None => {
                        let mut cands: Vec<&str> = index.questions.keys().collect();
                        cands.extend([ASK_ROLE, ASK_CONCERN]);
                        let nearest = nearest(q, cands);
                        b.push(
                            "nodes",
                            i,
                            &at,
                            Problem::Dangling {
                                kind: "question",
                                id: q.to_owned(),
                                nearest,
                            },
                        );
                        None
                    }
                },
            };
        }
        for (answer, target) in n.then.iter() {
            let at = || vec![Seg::Key("then".into()), Seg::Key(answer.to_owned())];
            let target = node_ref(&mut b, target, i, &at);
            let answers = asks.map(|a| match a {
                Ask::Role => (&index.roles, ASK_ROLE),
                Ask::Concern => (&index.concerns, ASK_CONCERN),
                Ask::Question(q) => (
                    &index.options[q as usize],
                    n.ask.as_deref().unwrap_or_default(),
                ),
            });
            let answer_ix = match answers {
                Some((lookup, question)) => {
                    let found = lookup.find(answer);
                    if found.is_none() {
                        let nearest = nearest(answer, lookup.keys());
                        b.push(
                            "nodes",
                            i,
                            &at(),
                            Problem::UnknownAnswer {
                                question: question.to_owned(),
                                answer: answer.to_owned(),
                                nearest,
                            },
                        );
                    }
                    found
                }
                None => None,
            };
            if let (Some(a), Some(t)) = (answer_ix, target) {
                then.push((a, t));
            }
        }
        let default = n
            .default
            .as_ref()
            .and_then(|d| node_ref(&mut b, d, i, &|| vec![Seg::Key("default".into())]));
        let next = n
            .next
            .as_ref()
            .and_then(|x| node_ref(&mut b, x, i, &|| vec![Seg::Key("next".into())]));
        for (k, add) in n.add.iter().enumerate() {
            if let Some(when) = add.when() {
                let at = [
                    Seg::Key("add".into()),
                    Seg::Index(k),
                    Seg::Key("when".into()),
                ];
                if let Some(c) = b.condition(&index, when, i, &at) {
                    let position = (index.add_entries.len() + adds.len()) as u32;
                    index
                        .condition_of
                        .insert(position, index.conditions.len() as u32);
                    index.conditions.push(c);
                }
            }
            let lookup = &index.entries[add.kind as usize];
            match lookup.find(&add.id) {
                Some(entry) => adds.push(entry),
                None => {
                    adds.push(NONE);
                    let nearest = nearest(&add.id, lookup.keys());
                    let at = [Seg::Key("add".into()), Seg::Index(k), Seg::Key("id".into())];
                    b.push(
                        "nodes",
                        i,
                        &at,
                        Problem::Dangling {
                            kind: add.kind.as_str(),
                            id: add.id.to_string(),
                            nearest,
                        },
                    );
                }
            }
        }
        index.push(asks, &then, default, next, &adds);
    }
    (index, b.diags)
}

/// Whether an id is lowercase ASCII letters, digits, `-`, `_` or `.`, starting with a letter
/// or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

/// The path of an entry's id (`k == 0`) or of its alias number `k - 1`, below `prefix`.
fn id_or_alias(prefix: &[Seg], k: usize) -> Vec<Seg> {
    let mut path = prefix.to_vec();
    if k == 0 {
        path.push(Seg::Key("id".into()));
    } else {
        path.extend([Seg::Key("aliases".into()), Seg::Index(k - 1)]);
    }
    path
}

struct Builder<'a> {
    origins: &'a Origins,
    diags: Vec<Diagnostic>,
}

impl Builder<'_> {
    /// Resolves a `when` of node `node`; reports every id that does not exist (then `None`).
    fn condition(
        &mut self,
        index: &Index,
        when: &super::when::When,
        node: usize,
        at: &[Seg],
    ) -> Option<Condition> {
        let mut clauses = Vec::new();
        let mut ok = true;
        for (key, ids) in when.iter() {
            let mut path = at.to_vec();
            path.push(Seg::Key(key.to_owned()));
            let (ask, lookup, what) = match key {
                ASK_ROLE => (Ask::Role, &index.roles, "role"),
                ASK_CONCERN => (Ask::Concern, &index.concerns, "concern"),
                q => match index.questions.find(q) {
                    Some(qi) => (Ask::Question(qi), &index.options[qi as usize], "option"),
                    None => {
                        let mut cands: Vec<&str> = index.questions.keys().collect();
                        cands.extend([ASK_ROLE, ASK_CONCERN]);
                        let nearest = nearest(q, cands);
                        self.push(
                            "nodes",
                            node,
                            &path,
                            Problem::UnknownInWhen {
                                what: "question",
                                id: q.to_owned(),
                                of: None,
                                nearest,
                            },
                        );
                        ok = false;
                        continue;
                    }
                },
            };
            let mut options = Vec::with_capacity(ids.len());
            for (j, id) in ids.iter().enumerate() {
                match lookup.find(id) {
                    Some(o) => options.push(o),
                    None => {
                        let mut path = path.clone();
                        path.push(Seg::Index(j));
                        let nearest = nearest(id, lookup.keys());
                        let of = (what == "option").then(|| key.to_owned());
                        self.push(
                            "nodes",
                            node,
                            &path,
                            Problem::UnknownInWhen {
                                what,
                                id: id.to_string(),
                                of,
                                nearest,
                            },
                        );
                        ok = false;
                    }
                }
            }
            clauses.push((ask, options.into_boxed_slice()));
        }
        ok.then(|| Condition {
            clauses: clauses.into_boxed_slice(),
        })
    }

    fn push(&mut self, section: &'static str, index: usize, rest: &[Seg], problem: Problem) {
        let (source, path) = self.origins.path(section, index, rest);
        self.diags.push(Diagnostic::new(problem, source, path));
    }

    fn check_id(&mut self, section: &'static str, index: usize, kind: &'static str, id: &str) {
        self.check_id_at(section, index, &[], kind, id);
    }

    fn check_id_at(
        &mut self,
        section: &'static str,
        index: usize,
        at: &[Seg],
        kind: &'static str,
        id: &str,
    ) {
        if !is_valid_id(id) {
            let mut rest = at.to_vec();
            rest.push(Seg::Key("id".into()));
            self.push(
                section,
                index,
                &rest,
                Problem::BadId {
                    kind,
                    id: id.to_owned(),
                },
            );
        }
    }

    fn choices<'a>(
        &mut self,
        section: &'static str,
        kind: &'static str,
        list: &[Choice<'a>],
    ) -> Lookup<'a> {
        let mut lookup = Lookup::default();
        for (i, c) in list.iter().enumerate() {
            self.check_id(section, i, kind, &c.id);
            for (k, key) in std::iter::once(&c.id).chain(&c.aliases).enumerate() {
                if !lookup.insert(key, i as u32) {
                    let rest = id_or_alias(&[], k);
                    self.push(
                        section,
                        i,
                        &rest,
                        Problem::DuplicateId {
                            kind,
                            id: key.to_string(),
                        },
                    );
                }
            }
        }
        if list.is_empty() {
            let (source, path) = self.origins.path(section, 0, &[]);
            let path = crate::location::JsonPath(path.0[..1].to_vec());
            self.diags.push(Diagnostic::new(
                Problem::Empty { what: section },
                source,
                path,
            ));
        }
        lookup
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
                (Ask::Question(0), vec![1, 0].into_boxed_slice()),
                (Ask::Role, vec![0].into_boxed_slice())
            ]
        );
        assert!(c.holds(|ask| Some(if ask == Ask::Role { 0 } else { 1 })));
        assert!(!c.holds(|ask| (ask == Ask::Role).then_some(0)));
    }
}
