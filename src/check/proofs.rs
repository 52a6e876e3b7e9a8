//! The two proofs over every path, exact in the presence of `when`, and the check that each
//! `when` can hold somewhere.
//!
//! - **Totality**: every path from the start to an end adds at least one step (E017).
//! - **Safety first**: every path after an urgent answer to the acute-danger question adds an
//!   urgent step (E020).
//! - **Reachable conditions**: every `when` holds on at least one path that reaches its node
//!   (W008).
//!
//! Without `when`, whether a node adds a step depends on the node alone, and one backwards
//! pass over the DAG decides both proofs. A `when` makes it depend on the role, the concern and
//! the answers given so far on the path, so the pass runs over a product state instead: once per
//! role (only if some `when` names `role`), per concern (only if some `when` names `concern`),
//! and per node over every combination of answers to the questions that `when`s name
//! ([`States`]; a question not yet asked is one more value). Each combination is a real prefix of
//! a path, and each path is in exactly one run, so the result is exact: no path is assumed that
//! cannot happen, and none is missed. The cost is (nodes + edges) × roles × concerns × states,
//! and the number of states is bounded by [`STATE_LIMIT`] (E025 beyond it), so the proofs stay
//! linear in the size of the graph. A graph without `when` runs once, with one state: exactly the
//! old pass.

use crate::diagnostic::{Diagnostic, Problem, SafetyIssue};
use crate::graph::{Ask, Condition};
use crate::graph::{Graph, Kind};

/// The most combinations of answers the proofs track per node (see the module comment).
pub const STATE_LIMIT: u64 = 1024;

/// Runs the proofs; `topo` is a topological order of every node.
pub(super) fn run(graph: &Graph, topo: &[u32], start: u32, out: &mut Vec<Diagnostic>) {
    let Some(states) = States::new(graph, out) else {
        return;
    };
    let conditions = graph.index.conditions();
    let mentions = |ask: Ask| {
        conditions
            .iter()
            .any(|c| c.clauses.iter().any(|(a, _)| *a == ask))
    };
    let roles: Vec<Option<u32>> = if mentions(Ask::Role) {
        (0..graph.rules.roles.len() as u32).map(Some).collect()
    } else {
        vec![None]
    };
    let concerns: Vec<Option<u32>> = if mentions(Ask::Concern) {
        (0..graph.rules.concerns.len() as u32).map(Some).collect()
    } else {
        vec![None]
    };
    // Without conditions the proofs run once, and reading each node's additions is cheap: the
    // table would only add to the peak memory of checking a large graph.
    let steps = (!conditions.is_empty()).then(|| StepAdds::new(graph));
    let mut no_step_found = false;
    let mut no_urgent_found: Vec<bool> = Vec::new();
    let mut holds = vec![false; conditions.len()];
    let mut reached = vec![false; graph.rules.nodes.len()];
    for &role in &roles {
        for &concern in &concerns {
            let run = Run {
                graph,
                steps: steps.as_ref(),
                states: &states,
                role,
                concern,
            };
            let (no_step, no_urgent) = run.backwards(topo);
            if !no_step_found && no_step[run.at(start, 0)] {
                no_step_found = true;
                let (end, path) = run.witness(start, 0, &no_step, false, Vec::new());
                let (source, json) = graph.origins.path("nodes", end as usize, &[]);
                out.push(Diagnostic::new(Problem::NoStep { path }, source, json));
            }
            run.safety(start, &no_urgent, &mut no_urgent_found, out);
            if !conditions.is_empty() {
                run.forwards(topo, start, &mut holds, &mut reached);
            }
        }
    }
    never_holds(graph, &holds, &reached, out);
}

/// Combinations of answers to the questions that `when`s name, numbered `0..count`: digit `j`
/// (place value `place[j]`, base `base[j]`) is 0 while question `j` is not asked yet, else its
/// option plus one. State 0 is "nothing asked yet", the state at the start.
struct States {
    /// For each question of the graph, its digit, when a `when` names it.
    digit_of: Vec<Option<usize>>,
    place: Vec<usize>,
    base: Vec<usize>,
    count: usize,
}

impl States {
    fn new(graph: &Graph, out: &mut Vec<Diagnostic>) -> Option<States> {
        let questions = &graph.rules.questions;
        let mut digit_of = vec![None; questions.len()];
        let mut place = Vec::new();
        let mut base = Vec::new();
        let mut count: u64 = 1;
        let mut named = Vec::new();
        for c in graph.index.conditions() {
            for (ask, _) in c.clauses.iter() {
                let Ask::Question(q) = *ask else { continue };
                if digit_of[q as usize].is_some() {
                    continue;
                }
                digit_of[q as usize] = Some(place.len());
                let b = questions[q as usize].options.len() + 1;
                place.push(count as usize);
                base.push(b);
                count = count.saturating_mul(b as u64);
                named.push(questions[q as usize].id.to_string());
            }
        }
        if count > STATE_LIMIT {
            out.push(Diagnostic::new(
                Problem::WhenTooComplex {
                    questions: named,
                    states: count,
                    limit: STATE_LIMIT,
                },
                graph.origins.base,
                crate::location::JsonPath::root().key("nodes"),
            ));
            return None;
        }
        Some(States {
            digit_of,
            place,
            base,
            count: count as usize,
        })
    }

    /// The answer question `q` has in state `s`, if it is tracked and was asked.
    fn answer(&self, s: usize, q: u32) -> Option<u32> {
        let j = self.digit_of[q as usize]?;
        let d = (s / self.place[j]) % self.base[j];
        (d > 0).then(|| d as u32 - 1)
    }

    /// State `s` after question `q` (tracked) was answered `o`.
    fn with(&self, s: usize, j: usize, o: u32) -> usize {
        let d = (s / self.place[j]) % self.base[j];
        s - d * self.place[j] + (o as usize + 1) * self.place[j]
    }
}

/// How one node leads on, in one run: which (child, state) pairs follow (node, state).
enum Moves {
    /// To `next` (or nowhere) with the same state: a node that asks nothing.
    Next(Option<u32>),
    /// To one fixed child (or none: a missing branch, reported as E018): `role` or `concern`
    /// in a run that fixes it, with that answer.
    Fixed(Ask, u32, Option<u32>),
    /// Per option of a tracked question: the child, and the digit to set.
    Tracked(u32, usize),
    /// To any successor with the same state: an ask whose answer no `when` sees.
    Any,
}

/// One run of the proofs, for one role and one concern (or any, when no `when` names them).
/// Each node's step additions, as one `u32` each: the condition's index (or [`StepAdds::ALWAYS`])
/// with the top bit set for an urgent step. The proofs ask whether a node adds a step in every
/// answer state of every role and concern; reading the node's additions through
/// [`Graph::adds`] each time, a hash lookup per condition, was most of the time of a `check`.
struct StepAdds {
    /// Where each node's steps end in `steps`.
    ends: Vec<u32>,
    steps: Vec<u32>,
}

impl StepAdds {
    const URGENT: u32 = 1 << 31;
    const ALWAYS: u32 = Self::URGENT - 1;

    fn new(graph: &Graph) -> StepAdds {
        let mut ends = Vec::with_capacity(graph.rules.nodes.len());
        let mut steps = Vec::new();
        for n in 0..graph.rules.nodes.len() as u32 {
            for a in graph.adds(n).filter(|a| a.kind == Kind::Step) {
                let urgent = graph.rules.steps[a.entry as usize].urgent;
                let condition = a.condition.unwrap_or(Self::ALWAYS);
                steps.push(condition | if urgent { Self::URGENT } else { 0 });
            }
            ends.push(steps.len() as u32);
        }
        StepAdds { ends, steps }
    }

    /// Node `n`'s steps: (urgent, condition).
    fn of(&self, n: u32) -> impl Iterator<Item = (bool, Option<u32>)> + '_ {
        let n = n as usize;
        let start = n.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        self.steps[start..self.ends[n] as usize].iter().map(|&v| {
            let condition = v & !Self::URGENT;
            (
                v & Self::URGENT != 0,
                (condition != Self::ALWAYS).then_some(condition),
            )
        })
    }
}

struct Run<'r, 'g> {
    graph: &'r Graph<'g>,
    /// `None` when no addition has a `when`.
    steps: Option<&'r StepAdds>,
    states: &'r States,
    role: Option<u32>,
    concern: Option<u32>,
}

impl Run<'_, '_> {
    fn at(&self, n: u32, s: usize) -> usize {
        n as usize * self.states.count + s
    }

    fn moves(&self, n: u32) -> Moves {
        let l = self.graph.index.links(n);
        match l.ask {
            None => Moves::Next(l.next),
            Some(Ask::Role) if self.role.is_some() => {
                let r = self.role.unwrap_or_default();
                Moves::Fixed(Ask::Role, r, l.branch(r))
            }
            Some(Ask::Concern) if self.concern.is_some() => {
                let c = self.concern.unwrap_or_default();
                Moves::Fixed(Ask::Concern, c, l.branch(c))
            }
            Some(Ask::Question(q)) => match self.states.digit_of[q as usize] {
                Some(j) => Moves::Tracked(q, j),
                None => Moves::Any,
            },
            Some(_) => Moves::Any,
        }
    }

    /// Whether condition `c` holds in state `s` of this run.
    fn holds(&self, c: &Condition, s: usize) -> bool {
        c.holds(|ask| match ask {
            Ask::Role => self.role,
            Ask::Concern => self.concern,
            Ask::Question(q) => self.states.answer(s, q),
        })
    }

    /// Whether node `n` adds a step (an urgent one, with `urgent_only`) in state `s`, the state
    /// after its own question was answered.
    fn adds_step(&self, n: u32, s: usize, urgent_only: bool) -> bool {
        let g = self.graph;
        let Some(steps) = self.steps else {
            return g.adds(n).any(|a| {
                a.kind == Kind::Step && (!urgent_only || g.rules.steps[a.entry as usize].urgent)
            });
        };
        steps.of(n).any(|(urgent, condition)| {
            (!urgent_only || urgent)
                && condition.is_none_or(|c| self.holds(g.index.condition(c), s))
        })
    }

    /// Backwards over the DAG: `(no_step, no_urgent)`, indexed by [`Run::at`], true when some
    /// path from that node in that state to an end adds no step (no urgent step).
    fn backwards(&self, topo: &[u32]) -> (Vec<bool>, Vec<bool>) {
        let size = self.graph.rules.nodes.len() * self.states.count;
        let mut no_step = vec![false; size];
        let mut no_urgent = vec![false; size];
        for &n in topo.iter().rev() {
            let moves = self.moves(n);
            for s in 0..self.states.count {
                for (flags, urgent) in [(&mut no_step, false), (&mut no_urgent, true)] {
                    let bad = match moves {
                        Moves::Next(next) => {
                            !self.adds_step(n, s, urgent)
                                && next.is_none_or(|c| flags[self.at(c, s)])
                        }
                        Moves::Fixed(_, _, child) => {
                            !self.adds_step(n, s, urgent)
                                && child.is_some_and(|c| flags[self.at(c, s)])
                        }
                        Moves::Tracked(q, j) => self.options(q).any(|o| {
                            let after = self.states.with(s, j, o);
                            !self.adds_step(n, after, urgent)
                                && self
                                    .graph
                                    .index
                                    .links(n)
                                    .branch(o)
                                    .is_some_and(|c| flags[self.at(c, after)])
                        }),
                        Moves::Any => {
                            !self.adds_step(n, s, urgent)
                                && self
                                    .graph
                                    .index
                                    .links(n)
                                    .successors()
                                    .any(|c| flags[self.at(c, s)])
                        }
                    };
                    flags[self.at(n, s)] = bad;
                }
            }
        }
        (no_step, no_urgent)
    }

    fn options(&self, q: u32) -> impl Iterator<Item = u32> {
        0..self.graph.answer_count(Ask::Question(q)) as u32
    }

    /// Reports each urgent answer of the safety question after which some path of this run adds
    /// no urgent step (each answer once over all runs, in `found`).
    fn safety(
        &self,
        start: u32,
        no_urgent: &[bool],
        found: &mut Vec<bool>,
        out: &mut Vec<Diagnostic>,
    ) {
        let g = self.graph;
        let Some(q) = g.index.safety else { return };
        let links = g.index.links(start);
        if links.ask != Some(Ask::Question(q)) {
            return;
        }
        let options = &g.rules.questions[q as usize].options;
        found.resize(options.len(), false);
        for (o, option) in options.iter().enumerate() {
            let o = o as u32;
            if !option.urgent || found[o as usize] {
                continue;
            }
            let after = match self.states.digit_of[q as usize] {
                Some(j) => self.states.with(0, j, o),
                None => 0,
            };
            if self.adds_step(start, after, true) {
                continue;
            }
            let Some(target) = links.branch(o) else {
                continue;
            };
            if no_urgent[self.at(target, after)] {
                found[o as usize] = true;
                let first = g.answer_text(Ask::Question(q), o);
                let (end, path) = self.witness(target, after, no_urgent, true, vec![first]);
                let (source, json) = g.origins.path("nodes", end as usize, &[]);
                out.push(Diagnostic::new(
                    Problem::Safety {
                        issue: SafetyIssue::NoUrgentStep { path },
                    },
                    source,
                    json,
                ));
            }
        }
    }

    /// Follows flagged (node, state) pairs from `from` to an end; returns the end and the
    /// answers taken, with the run's role and concern when the path does not ask them.
    fn witness(
        &self,
        from: u32,
        s: usize,
        flagged: &[bool],
        urgent: bool,
        mut path: Vec<String>,
    ) -> (u32, Vec<String>) {
        let g = self.graph;
        let (mut n, mut s) = (from, s);
        let mut asked_role = false;
        let mut asked_concern = false;
        let end = loop {
            let l = g.index.links(n);
            let step = match self.moves(n) {
                Moves::Next(next) => next
                    .filter(|&c| flagged[self.at(c, s)])
                    .map(|c| (c, s, None)),
                Moves::Fixed(ask, answer, child) => child
                    .filter(|&c| flagged[self.at(c, s)])
                    .map(|c| (c, s, Some((ask, answer)))),
                // The option whose own additions add no step and whose child is flagged.
                Moves::Tracked(q, j) => self.options(q).find_map(|o| {
                    let after = self.states.with(s, j, o);
                    l.branch(o)
                        .filter(|&c| {
                            !self.adds_step(n, after, urgent) && flagged[self.at(c, after)]
                        })
                        .map(|c| (c, after, Some((Ask::Question(q), o))))
                }),
                Moves::Any => l
                    .successors()
                    .find(|&c| flagged[self.at(c, s)])
                    .map(|c| (c, s, l.ask.map(|a| (a, g.answer_to(n, c))))),
            };
            let Some((child, after, answer)) = step else {
                break n;
            };
            if let Some((ask, a)) = answer {
                asked_role |= ask == Ask::Role;
                asked_concern |= ask == Ask::Concern;
                path.push(g.answer_text(ask, a));
            }
            n = child;
            s = after;
        };
        let mut fixed = Vec::new();
        if let (Some(r), false) = (self.role, asked_role) {
            fixed.push(g.answer_text(Ask::Role, r));
        }
        if let (Some(c), false) = (self.concern, asked_concern) {
            fixed.push(g.answer_text(Ask::Concern, c));
        }
        fixed.extend(path);
        (end, fixed)
    }

    /// Forwards over the DAG: marks in `holds` every condition that holds at some (node, state)
    /// a path of this run reaches.
    fn forwards(&self, topo: &[u32], start: u32, holds: &mut [bool], reached: &mut [bool]) {
        let g = self.graph;
        let mut reach = vec![false; g.rules.nodes.len() * self.states.count];
        reach[self.at(start, 0)] = true;
        for &n in topo {
            let moves = self.moves(n);
            for s in 0..self.states.count {
                if !reach[self.at(n, s)] {
                    continue;
                }
                reached[n as usize] = true;
                // The states a `when` at this node sees: after the node's own answer.
                let mut seen = |after: usize| {
                    for a in g.adds(n) {
                        if let Some(c) = a.condition {
                            if !holds[c as usize] && self.holds(g.index.condition(c), after) {
                                holds[c as usize] = true;
                            }
                        }
                    }
                };
                match moves {
                    Moves::Next(next) => {
                        seen(s);
                        if let Some(c) = next {
                            reach[self.at(c, s)] = true;
                        }
                    }
                    Moves::Fixed(_, _, child) => {
                        seen(s);
                        if let Some(c) = child {
                            reach[self.at(c, s)] = true;
                        }
                    }
                    Moves::Tracked(q, j) => {
                        for o in self.options(q) {
                            let after = self.states.with(s, j, o);
                            seen(after);
                            if let Some(c) = g.index.links(n).branch(o) {
                                reach[self.at(c, after)] = true;
                            }
                        }
                    }
                    Moves::Any => {
                        seen(s);
                        for c in g.index.links(n).successors() {
                            reach[self.at(c, s)] = true;
                        }
                    }
                }
            }
        }
    }
}

/// W008 for every condition that held in no run, at the addition that carries it.
/// Nodes no path reaches are left out: W001 reports them.
fn never_holds(graph: &Graph, holds: &[bool], reached: &[bool], out: &mut Vec<Diagnostic>) {
    if holds.iter().all(|&h| h) {
        return;
    }
    for n in 0..graph.rules.nodes.len() as u32 {
        if !reached[n as usize] {
            continue;
        }
        for a in graph.adds(n) {
            let Some(c) = a.condition else { continue };
            if holds[c as usize] {
                continue;
            }
            let node = &graph.rules.nodes[n as usize];
            let addition = &node.add[a.at as usize];
            let at = [
                crate::location::Seg::Key("add".into()),
                crate::location::Seg::Index(a.at as usize),
                crate::location::Seg::Key("when".into()),
            ];
            let (source, path) = graph.origins.path("nodes", n as usize, &at);
            out.push(Diagnostic::new(
                Problem::WhenNeverHolds {
                    node: node.id.to_string(),
                    addition: format!("{}:{}", addition.kind.as_str(), addition.id),
                },
                source,
                path,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_remembers_each_tracked_answer_apart() {
        // Two tracked questions of 2 and 3 options: digits of base 3 and 4, 12 states.
        let states = States {
            digit_of: vec![Some(0), None, Some(1)],
            place: vec![1, 3],
            base: vec![3, 4],
            count: 12,
        };
        assert_eq!((states.answer(0, 0), states.answer(0, 2)), (None, None));
        let s = states.with(0, 1, 2);
        let s = states.with(s, 0, 1);
        assert!(s < states.count);
        assert_eq!(
            (states.answer(s, 0), states.answer(s, 2)),
            (Some(1), Some(2))
        );
        // An untracked question has no answer in any state.
        assert_eq!(states.answer(s, 1), None);
        // Answering again (only in a graph with E016) replaces the digit.
        assert_eq!(states.answer(states.with(s, 0, 0), 0), Some(0));
    }
}
