//! `--explain`: why each recommendation is in a plan ([`Reason`]) and every node the walk
//! visited ([`TraceStep`]).

use schemars::JsonSchema;
use serde::Serialize;

use crate::engine::Outcome;
use crate::graph::{Ask, Graph};

/// Why a recommendation is in the plan: a node that added it, and the answers that led there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reason<'g> {
    /// The node that added it.
    pub node: &'g str,
    /// The answers taken on the way to that node, in order (`question=option`).
    pub answers: Vec<String>,
    /// When the addition carries a `when`: each condition with the answer that met it
    /// (`role=teacher`, `case-stage=concrete`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<String>,
}

/// One node visited, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TraceStep<'g> {
    /// Node id.
    pub node: &'g str,
    /// The question asked there (`role`, `concern` or a question id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'g str>,
    /// The answer taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<&'g str>,
    /// True when that answer was assumed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    /// What the node added, as `kind:id`.
    pub added: Vec<String>,
    /// Additions of the node whose `when` did not hold on this path, as `kind:id`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
}

/// The answer a `when` at path position `at` saw for `ask`: the walk's own rule, on the path
/// up to that node.
fn seen_at(outcome: &Outcome, at: usize, ask: Ask) -> Option<u32> {
    let (role, concern) = (Some(outcome.role), Some(outcome.concern));
    crate::engine::seen(role, concern, &outcome.path[..=at], ask)
}

/// Addition `k` of the node at path position `at`: `None` without a `when`, else whether it
/// held and each condition as `question=answer seen`.
fn condition_at(
    graph: &Graph,
    outcome: &Outcome,
    at: usize,
    k: usize,
) -> Option<(bool, Vec<String>)> {
    let node = outcome.path[at].node;
    let c = graph.index.condition(graph.index.condition_at(node, k)?);
    let held = c.holds(|ask| seen_at(outcome, at, ask));
    let met = c
        .clauses
        .iter()
        .filter_map(|&(ask, _)| {
            let answer = seen_at(outcome, at, ask)?;
            Some(graph.answer_text(ask, answer))
        })
        .collect();
    Some((held, met))
}

/// The reasons for a recommendation: each node (and addition) that added it.
pub(super) fn reasons<'g>(
    graph: &'g Graph<'_>,
    outcome: &Outcome,
    from: &[(u32, u32)],
) -> Vec<Reason<'g>> {
    let mut out: Vec<Reason<'g>> = Vec::new();
    for &(node, k) in from {
        let node_id: &'g str = &graph.rules.nodes[node as usize].id;
        let at = outcome.path.iter().position(|v| v.node == node);
        let when = at
            .and_then(|at| condition_at(graph, outcome, at, k as usize))
            .map(|(_, met)| met)
            .unwrap_or_default();
        if let Some(r) = out.iter_mut().find(|r| r.node == node_id) {
            for w in when {
                if !r.when.contains(&w) {
                    r.when.push(w);
                }
            }
            continue;
        }
        let position = outcome
            .path
            .iter()
            .position(|v| v.node == node)
            .unwrap_or(0);
        let answers = outcome.path[..position]
            .iter()
            .filter_map(|v| {
                v.answer
                    .map(|(ask, answer, _)| graph.answer_text(ask, answer))
            })
            .collect();
        out.push(Reason {
            node: node_id,
            answers,
            when,
        });
    }
    out
}

/// Every node the walk visited, with the answer taken and what it added or skipped.
pub(super) fn trace<'g>(graph: &'g Graph<'_>, outcome: &Outcome) -> Vec<TraceStep<'g>> {
    outcome
        .path
        .iter()
        .enumerate()
        .map(|(at, visit)| {
            let node = &graph.rules.nodes[visit.node as usize];
            let (mut added, mut skipped) = (Vec::new(), Vec::new());
            for (k, a) in node.add.iter().enumerate() {
                let held = condition_at(graph, outcome, at, k).is_none_or(|(held, _)| held);
                let list = if held { &mut added } else { &mut skipped };
                list.push(format!("{}:{}", a.kind.as_str(), a.id));
            }
            let (question, answer, assumed) = match visit.answer {
                Some((ask, a, assumed)) => (
                    Some(graph.ask_id(ask)),
                    Some(graph.answer_id(ask, a)),
                    assumed,
                ),
                None => (None, None, false),
            };
            TraceStep {
                node: &node.id,
                question,
                answer,
                assumed,
                added,
                skipped,
            }
        })
        .collect()
}
