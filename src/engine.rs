//! The walk: a [`Query`] and a [`Graph`] in, an [`Outcome`] out.
//!
//! Evaluation starts at the start node, applies each node's additions, and follows the branch
//! for the node's answer until a node leads nowhere. Recommendations accumulate along the way,
//! de-duplicated by kind and id, and are ordered: urgent steps first, then by priority (lower
//! first), then in the order they were first added. Every visit is recorded, so `--explain`
//! can say which node and which answer put each recommendation in the plan.
//!
//! The outcome holds indexes only; [`crate::plan`] turns it into texts in one language.
//!
//! The exported page (`src/export/page.js`) walks the same graph in the browser with its own
//! copy of these rules. A change here must be made there too: the browser comparison test
//! (`the_page_works_in_headless_chromium_and_gives_the_cli_plans` in `tests/export_html.rs`,
//! with `tests/js/browser.mjs`) gives every answer path to both and fails when a plan differs.

use std::fmt;

use smallvec::{SmallVec, smallvec};

use crate::graph::Ask;
use crate::graph::{Graph, Kind};
use crate::query::Query;

/// One node on the path and the answer taken there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// The node.
    pub node: u32,
    /// What it asked, the answer index, and whether that answer was assumed.
    pub answer: Option<(Ask, u32, bool)>,
}

/// One recommendation of the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its catalog.
    pub kind: Kind,
    /// Index in the catalog.
    pub entry: u32,
    /// The lowest priority any node gave it.
    pub priority: u16,
    /// An urgent step (always shown first).
    pub urgent: bool,
    /// Every (node, position in that node's `add`) that added it, in path order. Most items
    /// come from one or two nodes, so these stay inline: a walk allocates no list per item.
    pub from: SmallVec<[(u32, u32); 2]>,
}

/// The result of a complete walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The role the plan is for.
    pub role: u32,
    /// The concern the plan is for.
    pub concern: u32,
    /// Every node visited, in order.
    pub path: Vec<Visit>,
    /// The recommendations, in plan order.
    pub items: Vec<Item>,
    /// Answers given for questions this path does not ask: (question, option).
    pub ignored: Vec<(u32, u32)>,
}

impl Outcome {
    /// Whether the plan opens with urgent steps.
    pub fn urgent(&self) -> bool {
        self.items.first().is_some_and(|i| i.urgent)
    }
}

/// Where a walk stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walk {
    /// The path is complete.
    Done(Outcome),
    /// The path needs an answer to this before it can go on.
    Needs(Ask),
}

/// Why a walk could not complete. For a graph that passed `check`, only
/// [`EngineError::Unanswered`] can happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// A question on the path has no answer and nothing to assume.
    Unanswered(Ask),
    /// The graph has no start node.
    NoStart,
    /// A node has no branch for the answer given.
    NoBranch {
        /// The node.
        node: u32,
    },
    /// The walk visited more nodes than the graph has: there is a cycle.
    Cycle,
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Unanswered(_) => f.write_str("a question on this path has no answer"),
            EngineError::NoStart => f.write_str("the rule graph has no start node"),
            EngineError::NoBranch { .. } => f.write_str("a node has no branch for the answer"),
            EngineError::Cycle => f.write_str("the rule graph has a cycle"),
        }
    }
}

impl std::error::Error for EngineError {}

/// Walks the graph for `query`. With `assume`, unanswered questions take the option the graph
/// declares as assumed; without it, the walk stops at the first unanswered one.
pub fn walk(graph: &Graph, query: &Query, assume: bool) -> Result<Walk, EngineError> {
    let ix = &graph.index;
    let mut node = ix.start.ok_or(EngineError::NoStart)?;
    // Sized for a typical walk of the built-in graph, so neither list grows step by step.
    let mut path: Vec<Visit> = Vec::with_capacity(16);
    let mut items: Vec<Item> = Vec::with_capacity(32);
    let mut seen = 0u128;
    let limit = graph.index.node_count();
    loop {
        if path.len() >= limit {
            return Err(EngineError::Cycle);
        }
        let links = ix.links(node);
        // The answer first: a `when` may name the question this very node asks.
        let next = match links.ask {
            None => {
                path.push(Visit { node, answer: None });
                links.next
            }
            Some(ask) => {
                let (answer, assumed) = match answer_for(graph, query, ask, assume) {
                    Some(a) => a,
                    None if assume => return Err(EngineError::Unanswered(ask)),
                    None => return Ok(Walk::Needs(ask)),
                };
                path.push(Visit {
                    node,
                    answer: Some((ask, answer, assumed)),
                });
                Some(links.branch(answer).ok_or(EngineError::NoBranch { node })?)
            }
        };
        for add in graph.adds(node) {
            if let Some(c) = add.condition {
                if !ix.condition(c).holds(|ask| on_path(query, &path, ask)) {
                    continue;
                }
            }
            let urgent = add.kind == Kind::Step && graph.rules.steps[add.entry as usize].urgent;
            // A 128-bit filter over (kind, entry): most additions are new to the walk, and for
            // those the filter spares the search through every item so far.
            let bit = 1u128 << ((add.entry as usize * 8 + add.kind as usize) % 128);
            let known = seen & bit != 0;
            seen |= bit;
            let found = known
                .then(|| {
                    items
                        .iter_mut()
                        .find(|i| i.kind == add.kind && i.entry == add.entry)
                })
                .flatten();
            match found {
                Some(item) => {
                    item.priority = item.priority.min(add.priority);
                    item.from.push((node, add.at));
                }
                None => items.push(Item {
                    kind: add.kind,
                    entry: add.entry,
                    priority: add.priority,
                    urgent,
                    from: smallvec![(node, add.at)],
                }),
            }
        }
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    // A stable sort keeps first-added order among equals.
    items.sort_by_key(|i| (!i.urgent, i.priority));
    let asked = |q: u32| {
        path.iter()
            .any(|v| matches!(v.answer, Some((Ask::Question(x), _, _)) if x == q))
    };
    let ignored = query
        .answers
        .iter()
        .enumerate()
        .filter_map(|(q, o)| o.map(|o| (q as u32, o)))
        .filter(|&(q, _)| !asked(q))
        .collect();
    Ok(Walk::Done(Outcome {
        role: query.role.ok_or(EngineError::Unanswered(Ask::Role))?,
        concern: query.concern.ok_or(EngineError::Unanswered(Ask::Concern))?,
        path,
        items,
        ignored,
    }))
}

/// Evaluates a one-shot query: unanswered questions take their assumed answer.
pub fn evaluate(graph: &Graph, query: &Query) -> Result<Outcome, EngineError> {
    match walk(graph, query, true)? {
        Walk::Done(outcome) => Ok(outcome),
        Walk::Needs(ask) => Err(EngineError::Unanswered(ask)),
    }
}

/// The answer a `when` sees for `ask` during a walk of `query` (see [`seen`]).
pub fn on_path(query: &Query, path: &[Visit], ask: Ask) -> Option<u32> {
    seen(query.role, query.concern, path, ask)
}

/// The answer a `when` sees for `ask`: the role or concern, or the answer a question got on
/// `path`, the path so far (an answer given for a question the path has not asked does not
/// count). `--explain` asks it again for a finished walk, with the path up to a node.
pub fn seen(role: Option<u32>, concern: Option<u32>, path: &[Visit], ask: Ask) -> Option<u32> {
    match ask {
        Ask::Role => role,
        Ask::Concern => concern,
        Ask::Question(_) => path.iter().find_map(|v| match v.answer {
            Some((a, answer, _)) if a == ask => Some(answer),
            _ => None,
        }),
    }
}

/// The answer the query gives to `ask`, or with `assume` the question's assumed option; the
/// flag says whether it was assumed.
fn answer_for(graph: &Graph, query: &Query, ask: Ask, assume: bool) -> Option<(u32, bool)> {
    if let Some(given) = query.answer(ask) {
        return Some((given, false));
    }
    match ask {
        Ask::Question(q) if assume => {
            let option = graph.rules.questions[q as usize].assume.as_deref()?;
            graph.index.options[q as usize]
                .find(option)
                .map(|o| (o, true))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::entries::entry_id;
    use crate::graph::{Origins, RuleGraph};
    use crate::query::RawQuery;
    use serde::Deserialize;

    /// A small graph: start asks danger; yes adds an urgent step; both go on to a concern
    /// switch; `a` adds partner p (prio 30) and step s2 (prio 40); `b` asks a follow-up.
    fn graph() -> Graph<'static> {
        let rules = RuleGraph::deserialize(serde_json::json!({
            "schema_version": 1, "id": "t", "version": "1", "title": {"en": "T"},
            "languages": ["en"], "reviewed": "2026-01-01", "emergency": {"en": "Call 112."},
            "start": "start",
            "sources": [{"id": "s", "title": "S", "url": "https://example.org/s", "dated": "undated"}],
            "roles": [{"id": "r", "label": {"en": "R"}, "description": {"en": "R"}}],
            "concerns": [
                {"id": "a", "label": {"en": "A"}, "description": {"en": "A"}},
                {"id": "b", "label": {"en": "B"}, "description": {"en": "B"}}
            ],
            "questions": [
                {"id": "danger", "safety": true, "text": {"en": "?"}, "assume": "no",
                 "options": [{"id": "yes", "urgent": true, "label": {"en": "y"}}, {"id": "no", "label": {"en": "n"}}]},
                {"id": "more", "text": {"en": "?"},
                 "options": [{"id": "x", "label": {"en": "x"}}, {"id": "y", "label": {"en": "y"}}]}
            ],
            "steps": [
                {"id": "call", "urgent": true, "text": {"en": "Call 112"}},
                {"id": "s1", "text": {"en": "one"}},
                {"id": "s2", "text": {"en": "two"}}
            ],
            "partners": [{"id": "p", "name": {"en": "P"}, "summary": {"en": "P"}, "source": "s", "reviewed": "2026-01-01"}],
            "nodes": [
                {"id": "start", "ask": "danger", "then": {"yes": "urgent", "no": "switch"},
                 "add": [{"kind": "step", "id": "s1", "priority": 60}]},
                {"id": "urgent", "add": [{"kind": "step", "id": "call", "priority": 90}], "next": "switch"},
                {"id": "switch", "ask": "concern", "then": {"a": "na", "b": "nb"}},
                {"id": "na", "add": [{"kind": "step", "id": "s2", "priority": 40},
                                     {"kind": "partner", "id": "p", "priority": 30},
                                     {"kind": "step", "id": "s1", "priority": 10}]},
                {"id": "nb", "ask": "more", "then": {"x": "na"}, "default": "end"},
                {"id": "end"}
            ]
        }))
        .unwrap();
        let (g, d) = Graph::new(rules, Origins::single(0));
        assert!(d.is_empty(), "{d:?}");
        g
    }

    fn query(g: &Graph, concern: &str, answers: &[&str]) -> Query {
        let mut raw = RawQuery {
            role: Some("r".into()),
            concern: Some(concern.into()),
            ..RawQuery::default()
        };
        for a in answers {
            raw.push_answer(a).unwrap();
        }
        Query::resolve(g, &raw).unwrap()
    }

    fn ids(g: &Graph, o: &Outcome) -> Vec<String> {
        o.items
            .iter()
            .map(|i| entry_id(&g.rules, i.kind, i.entry as usize).to_string())
            .collect()
    }

    #[test]
    fn orders_by_priority_and_deduplicates_keeping_the_lowest() {
        let g = graph();
        let o = evaluate(&g, &query(&g, "a", &[])).unwrap();
        // s1 was added at 60 by start, then again at 10 by `na`: one item, priority 10.
        assert_eq!(ids(&g, &o), ["s1", "p", "s2"]);
        assert_eq!(o.items[0].priority, 10);
        assert_eq!(o.items[0].from.as_slice(), [(0, 0), (3, 2)]);
    }

    #[test]
    fn urgent_steps_come_first_whatever_their_priority() {
        let g = graph();
        let o = evaluate(&g, &query(&g, "a", &["danger=yes"])).unwrap();
        assert_eq!(ids(&g, &o)[0], "call");
        assert!(o.urgent());
    }

    #[test]
    fn assumed_answers_are_marked() {
        let g = graph();
        let o = evaluate(&g, &query(&g, "a", &[])).unwrap();
        assert_eq!(o.path[0].answer, Some((Ask::Question(0), 1, true)));
        let o = evaluate(&g, &query(&g, "a", &["danger=no"])).unwrap();
        assert_eq!(o.path[0].answer, Some((Ask::Question(0), 1, false)));
    }

    #[test]
    fn follow_up_without_assumption_needs_an_answer() {
        let g = graph();
        assert_eq!(
            evaluate(&g, &query(&g, "b", &[])),
            Err(EngineError::Unanswered(Ask::Question(1)))
        );
        let o = evaluate(&g, &query(&g, "b", &["more=y"])).unwrap();
        assert_eq!(ids(&g, &o), ["s1"]);
        let o = evaluate(&g, &query(&g, "b", &["more=x"])).unwrap();
        assert_eq!(ids(&g, &o), ["s1", "p", "s2"]);
    }

    #[test]
    fn answers_off_the_path_are_reported_as_ignored() {
        let g = graph();
        let o = evaluate(&g, &query(&g, "a", &["more=x"])).unwrap();
        assert_eq!(o.ignored, [(1, 0)]);
    }

    #[test]
    fn walk_without_assumptions_stops_at_each_open_question_in_order() {
        let g = graph();
        let mut q = Query::empty(&g);
        assert_eq!(walk(&g, &q, false), Ok(Walk::Needs(Ask::Question(0))));
        q.answers[0] = Some(1);
        assert_eq!(walk(&g, &q, false), Ok(Walk::Needs(Ask::Concern)));
        q.concern = Some(1);
        assert_eq!(walk(&g, &q, false), Ok(Walk::Needs(Ask::Question(1))));
        q.answers[1] = Some(1);
        // The path never asks the role, but a plan is always for a role.
        assert_eq!(walk(&g, &q, false), Err(EngineError::Unanswered(Ask::Role)));
        q.role = Some(0);
        assert!(matches!(walk(&g, &q, false), Ok(Walk::Done(_))));
    }

    /// The test graph with `when` on additions: `na` adds p only for `more=x` (a question
    /// asked at `nb`, before `na` on the `b` route, never on the `a` route), `nb` adds s2 only
    /// for its own answer `y` and role `r`, and `start` adds s1 only for concern `b`.
    fn conditional() -> Graph<'static> {
        let mut g = graph();
        fn when(json: serde_json::Value) -> Option<crate::graph::model::When<'static>> {
            Some(crate::graph::model::When::deserialize(json).unwrap())
        }
        g.rules.nodes[3].add[1].set_when(when(serde_json::json!({"more": ["x"]})));
        let mut nb: Vec<_> = g.rules.nodes[4].add.to_vec();
        let mut s2 = crate::graph::model::Addition::new(Kind::Step, "s2".into(), 5);
        s2.set_when(when(serde_json::json!({"more": ["y"], "role": ["r"]})));
        nb.push(s2);
        g.rules.nodes[4].add = nb.into_boxed_slice();
        g.rules.nodes[0].add[0].set_when(when(serde_json::json!({"concern": ["b"]})));
        let (g, d) = Graph::new(g.rules, Origins::single(0));
        assert!(d.is_empty(), "{d:?}");
        g
    }

    #[test]
    fn when_on_the_concern_is_known_without_being_asked_first() {
        let g = conditional();
        // `start` adds s1 only for concern b; the concern is asked later, at `switch`.
        let o = evaluate(&g, &query(&g, "b", &["more=y"])).unwrap();
        assert_eq!(ids(&g, &o), ["s2", "s1"]);
        let o = evaluate(&g, &query(&g, "a", &[])).unwrap();
        assert!(!ids(&g, &o).contains(&"p".to_owned()));
    }

    #[test]
    fn when_on_a_question_needs_it_answered_on_the_path() {
        let g = conditional();
        // On route a, `more` is never asked: its answer is ignored and does not satisfy `when`.
        let o = evaluate(&g, &query(&g, "a", &["more=x"])).unwrap();
        assert_eq!(ids(&g, &o), ["s1", "s2"]);
        assert_eq!(o.ignored, [(1, 0)]);
        // On route b, `more=x` is asked at `nb` before `na`: p is added.
        let o = evaluate(&g, &query(&g, "b", &["more=x"])).unwrap();
        assert!(ids(&g, &o).contains(&"p".to_owned()));
    }

    #[test]
    fn when_on_the_question_the_node_itself_asks_sees_its_answer() {
        let g = conditional();
        let o = evaluate(&g, &query(&g, "b", &["more=y"])).unwrap();
        let s2 = o
            .items
            .iter()
            .find(|i| i.kind == Kind::Step && i.entry == 2);
        assert_eq!(s2.map(|i| i.from.to_vec()), Some(vec![(4, 0)]));
    }

    #[test]
    fn a_cycle_in_an_unchecked_graph_ends_the_walk() {
        let mut g = graph();
        g.index.set_next(5, Some(0));
        let q = query(&g, "b", &["more=y"]);
        assert_eq!(evaluate(&g, &q), Err(EngineError::Cycle));
    }
}
