//! Every complete answer path of a graph, or of two graphs at once: the plans a graph can give.
//!
//! A *complete answer path* is a role, a concern and an explicit answer to every question the
//! walk asks on the way, with nothing assumed. [`count`] counts them without walking (one pass
//! over the reachable nodes per role and concern), so a caller can refuse to enumerate a
//! generated graph with billions of paths before it starts. [`each_outcome`] walks one graph's
//! paths; [`each_joint`] walks two graphs side by side, branching wherever either asks, so the
//! same answers give one plan from each. Walking goes through [`crate::engine::walk`], so every
//! rule of plan making (ordering, conditions on additions) holds here exactly as in `plan`.

use std::rc::Rc;

use crate::engine::{EngineError, Outcome, Walk, walk};
use crate::graph::Ask;
use crate::graph::entries::{entry_id, entry_partner};
use crate::graph::{Graph, Kind};
use crate::query::Query;

/// The number of complete answer paths over every role and concern (saturating).
///
/// One pass counts the paths below every node whose paths do not depend on the role or the
/// concern; each role and concern then only recounts the nodes above a role or concern
/// switch. A generated graph of 100 000 nodes is counted in a few passes over its nodes.
pub fn count(graph: &Graph) -> u128 {
    let roles = graph.rules.roles.len() as u32;
    let concerns = graph.rules.concerns.len() as u32;
    let base = independent_counts(graph);
    let dependent: Vec<usize> = (0..base.len())
        .filter(|&i| matches!(base[i], Memo::Dependent))
        .collect();
    let mut memo = base;
    let mut total = 0u128;
    for role in 0..roles {
        for concern in 0..concerns {
            for &i in &dependent {
                memo[i] = Memo::Unseen;
            }
            total = total.saturating_add(count_from(graph, role, concern, &mut memo));
        }
    }
    total
}

/// The number of complete answer paths for one role and concern.
pub fn count_for(graph: &Graph, role: u32, concern: u32) -> u128 {
    let mut memo = vec![Memo::Unseen; graph.index.node_count()];
    count_from(graph, role, concern, &mut memo)
}

#[derive(Debug, Clone, Copy)]
enum Memo {
    Unseen,
    Open,
    Done(u128),
    /// The count depends on the role or the concern (a switch on them lies below).
    Dependent,
}

/// Calls `f` with each successor of node `n` for this role and concern, one per answer (so a
/// target two options lead to counts twice); `None` for an answer without a branch.
fn each_successor(graph: &Graph, n: u32, role: u32, concern: u32, mut f: impl FnMut(Option<u32>)) {
    let links = graph.index.links(n);
    match links.ask {
        None => {
            if let Some(next) = links.next {
                f(Some(next));
            }
        }
        Some(Ask::Role) => f(links.branch(role)),
        Some(Ask::Concern) => f(links.branch(concern)),
        Some(Ask::Question(q)) => {
            for o in 0..graph.answer_count(Ask::Question(q)) as u32 {
                f(links.branch(o));
            }
        }
    }
}

/// Whether node `n` ends a path (asks nothing and leads nowhere).
fn is_end(graph: &Graph, n: u32) -> bool {
    let links = graph.index.links(n);
    links.ask.is_none() && links.next.is_none()
}

/// The paths below every node that does not depend on the role or concern; the others are
/// marked [`Memo::Dependent`].
fn independent_counts(graph: &Graph) -> Vec<Memo> {
    let n = graph.index.node_count();
    let mut memo = vec![Memo::Unseen; n];
    let mut stack = Vec::new();
    for root in 0..n as u32 {
        stack.push((root, false));
        while let Some((node, expanded)) = stack.pop() {
            let i = node as usize;
            if !expanded {
                if !matches!(memo[i], Memo::Unseen) {
                    continue;
                }
                if matches!(graph.index.links(node).ask, Some(Ask::Role | Ask::Concern)) {
                    memo[i] = Memo::Dependent;
                    continue;
                }
                memo[i] = Memo::Open;
                stack.push((node, true));
                each_successor(graph, node, 0, 0, |t| {
                    if let Some(t) = t {
                        if matches!(memo[t as usize], Memo::Unseen) {
                            stack.push((t, false));
                        }
                    }
                });
            } else {
                let mut sum = Some(0u128);
                each_successor(graph, node, 0, 0, |t| match t.map(|t| memo[t as usize]) {
                    Some(Memo::Done(k)) => sum = sum.map(|s| s.saturating_add(k)),
                    Some(Memo::Dependent) => sum = None,
                    // No branch, or a cycle (a graph that did not pass `check`): no path.
                    _ => {}
                });
                memo[i] = match sum {
                    None => Memo::Dependent,
                    Some(_) if is_end(graph, node) => Memo::Done(1),
                    Some(k) => Memo::Done(k),
                };
            }
        }
    }
    memo
}

/// Paths from the start node to an end, by an explicit post-order walk (a deep generated graph
/// must not overflow the stack). A node met again while open (a cycle, only in a graph that
/// did not pass `check`) counts as no path.
fn count_from(graph: &Graph, role: u32, concern: u32, memo: &mut [Memo]) -> u128 {
    let Some(start) = graph.index.start else {
        return 0;
    };
    let mut stack = vec![(start, false)];
    while let Some((n, expanded)) = stack.pop() {
        let i = n as usize;
        if !expanded {
            if !matches!(memo[i], Memo::Unseen) {
                continue;
            }
            memo[i] = Memo::Open;
            stack.push((n, true));
            each_successor(graph, n, role, concern, |t| {
                if let Some(t) = t {
                    if matches!(memo[t as usize], Memo::Unseen) {
                        stack.push((t, false));
                    }
                }
            });
        } else {
            let mut paths = 0u128;
            each_successor(graph, n, role, concern, |t| {
                if let Some(Memo::Done(k)) = t.map(|t| memo[t as usize]) {
                    paths = paths.saturating_add(k);
                }
            });
            memo[i] = Memo::Done(if is_end(graph, n) { 1 } else { paths });
        }
    }
    match memo[start as usize] {
        Memo::Done(k) => k,
        _ => 0,
    }
}

/// How an enumeration ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enumerated {
    /// Every path was visited; this many.
    All(u64),
    /// More than the limit: the enumeration stopped there.
    TooMany,
}

/// Calls `f` with the outcome of every complete answer path of `graph`, in a fixed order (roles,
/// concerns and options in file order), unless there are more than `limit`.
pub fn each_outcome(
    graph: &Graph,
    limit: u64,
    mut f: impl FnMut(&Outcome),
) -> Result<Enumerated, EngineError> {
    let mut seen = 0u64;
    let mut stack: Vec<Query> = Vec::new();
    for role in 0..graph.rules.roles.len() as u32 {
        for concern in 0..graph.rules.concerns.len() as u32 {
            let mut q = Query::empty(graph);
            q.role = Some(role);
            q.concern = Some(concern);
            stack.push(q);
            while let Some(q) = stack.pop() {
                match walk(graph, &q, false)? {
                    Walk::Done(outcome) => {
                        seen += 1;
                        if seen > limit {
                            return Ok(Enumerated::TooMany);
                        }
                        f(&outcome);
                    }
                    Walk::Needs(Ask::Question(question)) => {
                        let options = graph.answer_count(Ask::Question(question));
                        for option in (0..options as u32).rev() {
                            let mut next = q.clone();
                            next.answers[question as usize] = Some(option);
                            stack.push(next);
                        }
                    }
                    Walk::Needs(other) => return Err(EngineError::Unanswered(other)),
                }
            }
        }
    }
    Ok(Enumerated::All(seen))
}

/// One answer on a joint path. The two graphs usually agree; when a question's option exists
/// in only one of them, the other graph branches on its own options and both are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointAnswer<'g> {
    /// The question id.
    pub question: &'g str,
    /// The option the old graph took, when it has the question and the option.
    pub old: Option<&'g str>,
    /// The option the new graph took.
    pub new: Option<&'g str>,
}

/// A path through both graphs: the answers that make both walks complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointPath<'g> {
    /// Role id (present in both graphs).
    pub role: &'g str,
    /// Concern id (present in both graphs).
    pub concern: &'g str,
    /// Answers in the order they were asked.
    pub answers: Vec<JointAnswer<'g>>,
}

impl std::fmt::Display for JointPath<'_> {
    /// `teacher/polarisation: acute-danger=no, case-stage=concrete` (`q=a→b` where the graphs
    /// took different options).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.role, self.concern)?;
        for (i, a) in self.answers.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            match (a.old, a.new) {
                (Some(o), Some(n)) if o != n => write!(f, "{}={o}→{n}", a.question)?,
                (Some(o), _) | (None, Some(o)) => write!(f, "{}={o}", a.question)?,
                (None, None) => f.write_str(a.question)?,
            }
        }
        Ok(())
    }
}

#[derive(Clone)]
struct State<'g> {
    query: [Query; 2],
    done: [Option<Rc<Outcome>>; 2],
    answers: Vec<JointAnswer<'g>>,
}

/// Calls `f(path, old outcome, new outcome)` for every joint complete answer path of two
/// graphs, for every role and concern both have, unless there are more than `limit`.
///
/// Each graph is walked until it is done or needs an answer; a question either graph needs is
/// branched on over that graph's options, and the answer is given to the other graph too when
/// it has the same question and option. A graph already done is not walked again: an answer to
/// a question it never asked cannot change its plan.
pub fn each_joint<'g>(
    old: &'g Graph<'_>,
    new: &'g Graph<'_>,
    limit: u64,
    mut f: impl FnMut(&JointPath<'g>, &Outcome, &Outcome),
) -> Result<Enumerated, EngineError> {
    let graphs = [old, new];
    let mut seen = 0u64;
    let mut stack: Vec<State<'g>> = Vec::new();
    for (ro, role) in old.rules.roles.iter().enumerate() {
        let Some(rn) = exact(&new.rules.roles, |r| r.id.as_str(), &role.id) else {
            continue;
        };
        for (co, concern) in old.rules.concerns.iter().enumerate() {
            let Some(cn) = exact(&new.rules.concerns, |c| c.id.as_str(), &concern.id) else {
                continue;
            };
            let mut query = [Query::empty(old), Query::empty(new)];
            query[0].role = Some(ro as u32);
            query[0].concern = Some(co as u32);
            query[1].role = Some(rn);
            query[1].concern = Some(cn);
            stack.push(State {
                query,
                done: [None, None],
                answers: Vec::new(),
            });
            while let Some(mut s) = stack.pop() {
                let mut branched = false;
                for side in 0..2 {
                    if s.done[side].is_some() {
                        continue;
                    }
                    match walk(graphs[side], &s.query[side], false)? {
                        Walk::Done(outcome) => s.done[side] = Some(Rc::new(outcome)),
                        Walk::Needs(Ask::Question(q)) => {
                            branch(&graphs, side, q, &s, &mut stack);
                            branched = true;
                            break;
                        }
                        Walk::Needs(other) => return Err(EngineError::Unanswered(other)),
                    }
                }
                if branched {
                    continue;
                }
                let (Some(o), Some(n)) = (&s.done[0], &s.done[1]) else {
                    continue;
                };
                seen += 1;
                if seen > limit {
                    return Ok(Enumerated::TooMany);
                }
                let path = JointPath {
                    role: &role.id,
                    concern: &concern.id,
                    answers: s.answers,
                };
                f(&path, o, n);
            }
        }
    }
    Ok(Enumerated::All(seen))
}

/// Pushes one state per option of question `q` of `graphs[side]`, in reverse so they pop in
/// file order.
fn branch<'g>(
    graphs: &[&'g Graph<'_>; 2],
    side: usize,
    q: u32,
    s: &State<'g>,
    stack: &mut Vec<State<'g>>,
) {
    let here = graphs[side];
    let other = 1 - side;
    let question = &here.rules.questions[q as usize];
    let there = exact(
        &graphs[other].rules.questions,
        |x| x.id.as_str(),
        &question.id,
    );
    for (o, option) in question.options.iter().enumerate().rev() {
        let mut child = s.clone();
        child.query[side].answers[q as usize] = Some(o as u32);
        let mut given_there = None;
        if let Some(tq) = there {
            let options = &graphs[other].rules.questions[tq as usize].options;
            if let Some(to) = exact(options, |x| x.id.as_str(), &option.id) {
                if child.query[other].answers[tq as usize].is_none() {
                    child.query[other].answers[tq as usize] = Some(to);
                    given_there = Some(&*option.id);
                }
            }
        }
        let id: &'g str = &option.id;
        match child
            .answers
            .iter_mut()
            .find(|a| a.question == question.id.as_str())
        {
            Some(a) if side == 0 => a.old = Some(id),
            Some(a) => a.new = Some(id),
            None => {
                let (old, new) = if side == 0 {
                    (Some(id), given_there)
                } else {
                    (given_there, Some(id))
                };
                child.answers.push(JointAnswer {
                    question: &question.id,
                    old,
                    new,
                });
            }
        }
        stack.push(child);
    }
}

/// The index of the item whose id is exactly `id` (aliases do not count across graphs).
fn exact<T>(list: &[T], id_of: impl Fn(&T) -> &str, id: &str) -> Option<u32> {
    list.iter().position(|x| id_of(x) == id).map(|i| i as u32)
}

/// Appends every entry whose facts a plan shows, as (kind, id): its recommendations, the
/// partners its steps name, and the providers of its entries.
pub fn shown<'g>(g: &'g Graph<'_>, o: &Outcome, out: &mut Vec<(Kind, &'g str)>) {
    for item in &o.items {
        out.push((
            item.kind,
            entry_id(&g.rules, item.kind, item.entry as usize),
        ));
        let partner = entry_partner(&g.rules, item.kind, item.entry as usize);
        if let Some(p) = partner {
            out.push((Kind::Partner, p));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_agrees_with_walking_every_path_of_the_builtin_graph() {
        let g = crate::graph::builtin();
        let mut walked = 0;
        let end = each_outcome(&g, u64::MAX, |_| walked += 1).unwrap();
        assert_eq!(end, Enumerated::All(walked));
        assert_eq!(count(&g), u128::from(walked));
        assert!(walked > 100, "{walked}");
    }

    #[test]
    fn a_graph_against_itself_gives_each_path_once_with_equal_plans() {
        let g = crate::graph::builtin();
        let mut paths = 0u64;
        let end = each_joint(&g, &g, u64::MAX, |path, o, n| {
            paths += 1;
            assert_eq!(o.items, n.items, "{path}");
        })
        .unwrap();
        assert_eq!(u128::from(paths), count(&g));
        assert_eq!(end, Enumerated::All(paths));
    }

    #[test]
    fn counting_agrees_with_walking_a_generated_graph() {
        // Small enough to walk: every layer multiplies the paths by its options.
        let opts = crate::synth::SynthOptions {
            nodes: 24,
            width: 3,
            roles: 2,
            concerns: 3,
            catalog: 10,
            seed: 3,
        };
        let rules = crate::synth::generate(&opts);
        let (g, d) = Graph::new(rules, crate::graph::Origins::single(0));
        assert!(d.is_empty(), "{d:?}");
        let mut walked = 0u128;
        let end = each_outcome(&g, 200_000, |_| walked += 1).unwrap();
        assert!(matches!(end, Enumerated::All(_)), "{}", count(&g));
        assert_eq!(count(&g), walked);
        let by_pair: u128 = (0..g.rules.roles.len() as u32)
            .flat_map(|r| (0..g.rules.concerns.len() as u32).map(move |c| (r, c)))
            .map(|(r, c)| count_for(&g, r, c))
            .sum();
        assert_eq!(by_pair, walked);
    }

    #[test]
    fn the_limit_stops_the_walk() {
        let g = crate::graph::builtin();
        let mut calls = 0;
        assert_eq!(
            each_outcome(&g, 10, |_| calls += 1).unwrap(),
            Enumerated::TooMany
        );
        assert_eq!(calls, 10);
        assert_eq!(
            each_joint(&g, &g, 3, |_, _, _| ()).unwrap(),
            Enumerated::TooMany
        );
    }

    #[test]
    fn a_joint_path_reads_as_role_concern_and_answers() {
        let p = JointPath {
            role: "teacher",
            concern: "polarisation",
            answers: vec![
                JointAnswer {
                    question: "acute-danger",
                    old: Some("no"),
                    new: Some("no"),
                },
                JointAnswer {
                    question: "stage",
                    old: Some("early"),
                    new: Some("signals"),
                },
            ],
        };
        assert_eq!(
            p.to_string(),
            "teacher/polarisation: acute-danger=no, stage=early→signals"
        );
    }
}
