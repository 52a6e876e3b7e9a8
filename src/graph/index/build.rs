//! Building the [`Index`]: every id of a rule graph resolved to a number, in named steps, each
//! reporting the reference problems it finds (duplicate ids, dangling references, branches on
//! answers that do not exist).

use std::collections::HashMap;

use super::{Condition, Index, NONE};
use crate::diagnostic::{Diagnostic, Problem};
use crate::graph::ask::Ask;
use crate::graph::entries::{catalog, entry_count, entry_key};
use crate::graph::lookup::{Lookup, NodeIds};
use crate::graph::model::{ASK_CONCERN, ASK_ROLE, Choice, Kind, Node, RuleGraph};
use crate::graph::origins::Origins;
use crate::graph::str::Str;
use crate::graph::when::When;
use crate::location::{JsonPath, Seg};
use crate::suggest::nearest;

/// Suggestions are skipped for very large id sets: a typo among a million generated node ids
/// would cost more to match than the whole check.
const SUGGEST_LIMIT: usize = 20_000;

/// Builds the index and reports every reference problem found on the way.
pub fn build<'a>(rules: &RuleGraph<'a>, origins: &Origins) -> (Index<'a>, Vec<Diagnostic>) {
    let mut b = Builder {
        rules,
        origins,
        diags: Vec::new(),
    };
    let mut index = Index {
        roles: b.choices("roles", "role", &rules.roles),
        concerns: b.choices("concerns", "concern", &rules.concerns),
        ..Index::default()
    };
    b.questions(&mut index);
    index.safety = safety_question(rules);
    let sources = b.source_ids();
    b.entry_ids(&mut index);
    b.entry_references(&index, &sources);
    let nodes = b.node_ids();
    index.start = b.start(&nodes);
    b.node_links(&nodes, &mut index);
    (index, b.diags)
}

/// The question marked `safety`, when exactly one is (`check` reports none or several).
fn safety_question(rules: &RuleGraph) -> Option<u32> {
    let mut safety = (0..rules.questions.len()).filter(|&i| rules.questions[i].safety);
    match (safety.next(), safety.next()) {
        (Some(one), None) => Some(one as u32),
        _ => None,
    }
}

/// The rules being indexed, with the problems found so far.
struct Builder<'r, 'a> {
    rules: &'r RuleGraph<'a>,
    origins: &'r Origins,
    diags: Vec<Diagnostic>,
}

impl<'r, 'a> Builder<'r, 'a> {
    /// Questions and their options by id and alias; each `assume` names an option.
    fn questions(&mut self, index: &mut Index<'a>) {
        for (qi, q) in self.rules.questions.iter().enumerate() {
            self.check_id("questions", qi, "question", &q.id);
            let mut options = Lookup::default();
            for (oi, o) in q.options.iter().enumerate() {
                let at = [Seg::Key("options".into()), Seg::Index(oi)];
                self.check_id_at("questions", qi, &at, "option", &o.id);
                for (k, key) in std::iter::once(&o.id).chain(&o.aliases).enumerate() {
                    if !options.insert(key, oi as u32) {
                        self.push(
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
                self.push(
                    "questions",
                    qi,
                    &[Seg::Key("options".into())],
                    Problem::Empty { what: "options" },
                );
            }
            if let Some(assume) = &q.assume {
                if options.find(assume).is_none() {
                    let nearest = nearest(assume, options.keys());
                    self.push(
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
                    self.push(
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
    }

    /// Source ids to their position; a repeated id is reported.
    fn source_ids(&mut self) -> HashMap<&'r str, usize> {
        let mut sources: HashMap<&str, usize> = HashMap::new();
        for (i, s) in self.rules.sources.iter().enumerate() {
            if sources.insert(s.id.as_str(), i).is_some() {
                self.push(
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
        sources
    }

    /// Steps, advice and catalog entries by id, per kind.
    fn entry_ids(&mut self, index: &mut Index<'a>) {
        let rules = self.rules;
        for kind in Kind::ALL {
            let section = kind.section();
            let lookup = &mut index.entries[kind as usize];
            for i in 0..entry_count(rules, kind) {
                let id: &Str<'a> = entry_key(rules, kind, i);
                self.check_id(section, i, kind.as_str(), id);
                if !lookup.insert(id, i as u32) {
                    self.push(
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
    }

    /// The partners and sources that entries and steps name exist.
    fn entry_references(&mut self, index: &Index<'a>, sources: &HashMap<&'r str, usize>) {
        let rules = self.rules;
        let partners = &index.entries[Kind::Partner as usize];
        for kind in [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network] {
            for (i, e) in catalog(rules, kind).iter().enumerate() {
                if let Some(p) = &e.provider {
                    self.partner_exists(partners, p, kind.section(), i, "provider");
                }
                if !sources.contains_key(e.source.as_str()) {
                    let nearest = nearest(&e.source, sources.keys().copied());
                    self.push(
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
                self.partner_exists(partners, p, "steps", i, "partner");
            }
        }
    }

    fn partner_exists(
        &mut self,
        partners: &Lookup,
        id: &str,
        section: &'static str,
        i: usize,
        field: &str,
    ) {
        if partners.find(id).is_none() {
            let nearest = nearest(id, partners.keys());
            self.push(
                section,
                i,
                &[Seg::Key(field.into())],
                Problem::Dangling {
                    kind: "partner",
                    id: id.to_string(),
                    nearest,
                },
            );
        }
    }

    /// Node ids to node indexes. The first of two equal ids keeps it; references resolve to
    /// the first.
    fn node_ids(&mut self) -> NodeIds<'r> {
        let rules = self.rules;
        let mut nodes = NodeIds::with_capacity(rules.nodes.len());
        for (i, n) in rules.nodes.iter().enumerate() {
            self.check_id("nodes", i, "node", &n.id);
            if !nodes.insert(&n.id, i as u32) {
                self.push(
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
        nodes
    }

    /// The start node; a graph without nodes is reported here too.
    fn start(&mut self, nodes: &NodeIds) -> Option<u32> {
        let rules = self.rules;
        let start = nodes.get(&rules.start);
        if start.is_none() {
            let all_ids = rules.nodes.iter().map(|n| n.id.as_str());
            let nearest = nearest(&rules.start, all_ids.take(SUGGEST_LIMIT));
            self.diags.push(Diagnostic::new(
                Problem::Dangling {
                    kind: "node",
                    id: rules.start.to_string(),
                    nearest,
                },
                self.origins.base,
                JsonPath::root().key("start"),
            ));
        }
        if rules.nodes.is_empty() {
            self.diags.push(Diagnostic::new(
                Problem::Empty { what: "nodes" },
                self.origins.base,
                JsonPath::root().key("nodes"),
            ));
        }
        start
    }

    /// Each node's question, branches, default, next and additions, packed into the index.
    fn node_links(&mut self, nodes: &NodeIds, index: &mut Index<'a>) {
        let rules = self.rules;
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
            let asks = n.ask.as_ref().and_then(|ask| self.node_ask(index, ask, i));
            self.branches(nodes, index, n, i, asks, &mut then);
            let default = n
                .default
                .as_ref()
                .and_then(|d| self.node_ref(nodes, d, i, &|| vec![Seg::Key("default".into())]));
            let next = n
                .next
                .as_ref()
                .and_then(|x| self.node_ref(nodes, x, i, &|| vec![Seg::Key("next".into())]));
            self.additions(index, n, i, &mut adds);
            index.push(asks, &then, default, next, &adds);
        }
    }

    /// What node `i` asks: role, concern, or a question that exists.
    fn node_ask(&mut self, index: &Index, ask: &str, i: usize) -> Option<Ask> {
        let found = index.ask_named(ask);
        if found.is_none() {
            self.push(
                "nodes",
                i,
                &[Seg::Key("ask".into())],
                Problem::Dangling {
                    kind: "question",
                    id: ask.to_owned(),
                    nearest: nearest(ask, index.ask_names()),
                },
            );
        }
        found
    }

    /// Node `i`'s `then`: each answer that exists, to each node that exists.
    fn branches(
        &mut self,
        nodes: &NodeIds,
        index: &Index,
        n: &Node,
        i: usize,
        asks: Option<Ask>,
        then: &mut Vec<(u32, u32)>,
    ) {
        for (answer, target) in n.then.iter() {
            let at = || vec![Seg::Key("then".into()), Seg::Key(answer.to_owned())];
            let target = self.node_ref(nodes, target, i, &at);
            // The node asks what its `ask` names (`role` and `concern` included).
            let answers = asks.map(|a| (index.answers(a), n.ask.as_deref().unwrap_or_default()));
            let answer_ix = match answers {
                Some((lookup, question)) => {
                    let found = lookup.find(answer);
                    if found.is_none() {
                        let nearest = nearest(answer, lookup.keys());
                        self.push(
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
    }

    /// Node `i`'s additions: each entry resolved ([`NONE`] when it does not exist), each `when`
    /// resolved and recorded.
    fn additions(&mut self, index: &mut Index, n: &Node, i: usize, adds: &mut Vec<u32>) {
        for (k, add) in n.add.iter().enumerate() {
            if let Some(when) = add.when() {
                let at = [
                    Seg::Key("add".into()),
                    Seg::Index(k),
                    Seg::Key("when".into()),
                ];
                if let Some(c) = self.condition(index, when, i, &at) {
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
                    self.push(
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
    }

    /// The node `id` refers to, from node `at`; `field` builds the JSON path of the reference,
    /// only when there is something to report.
    fn node_ref(
        &mut self,
        nodes: &NodeIds,
        id: &str,
        at: usize,
        field: &dyn Fn() -> Vec<Seg>,
    ) -> Option<u32> {
        let found = nodes.get(id);
        if found.is_none() {
            let field = field();
            let rules = self.rules;
            let nearest = if rules.nodes.len() <= SUGGEST_LIMIT {
                nearest(id, rules.nodes.iter().map(|n| n.id.as_str()))
            } else {
                Vec::new()
            };
            self.push(
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
    }
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

impl Builder<'_, '_> {
    /// Resolves a `when` of node `node`; reports every id that does not exist (then `None`).
    fn condition(
        &mut self,
        index: &Index,
        when: &When,
        node: usize,
        at: &[Seg],
    ) -> Option<Condition> {
        let mut clauses = Vec::new();
        let mut ok = true;
        for (key, ids) in when.iter() {
            let mut path = at.to_vec();
            path.push(Seg::Key(key.to_owned()));
            let Some(ask) = index.ask_named(key) else {
                self.push(
                    "nodes",
                    node,
                    &path,
                    Problem::UnknownInWhen {
                        what: "question",
                        id: key.to_owned(),
                        of: None,
                        nearest: nearest(key, index.ask_names()),
                    },
                );
                ok = false;
                continue;
            };
            let lookup = index.answers(ask);
            let what = match ask {
                Ask::Role => "role",
                Ask::Concern => "concern",
                Ask::Question(_) => "option",
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
            clauses.push((ask, options.into()));
        }
        ok.then(|| Condition {
            clauses: clauses.into(),
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

    fn choices<'c>(
        &mut self,
        section: &'static str,
        kind: &'static str,
        list: &[Choice<'c>],
    ) -> Lookup<'c> {
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
            let path = JsonPath(path.0[..1].to_vec());
            self.diags.push(Diagnostic::new(
                Problem::Empty { what: section },
                source,
                path,
            ));
        }
        lookup
    }
}
