//! Checks over the decision graph's paths, each linear in nodes plus edges.
//!
//! - cycles, by an iterative three-colour depth-first search that names the nodes in order;
//! - a question asked twice on one path, by pushing "asked so far" bit sets forward in
//!   topological order;
//! - totality and the acute-danger route, in [`super::proofs`];
//! - unreachable nodes and catalog entries no path uses.

use crate::diagnostic::{Diagnostic, Problem};
use crate::graph::Ask;
use crate::graph::entries::{entry_count, entry_id};
use crate::graph::{Graph, Kind};
use crate::location::Seg;

/// Runs the path checks; assumes every reference resolved.
pub(super) fn check(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let Some(start) = graph.index.start else {
        return;
    };
    let Some(topo) = cycles(graph, out) else {
        return;
    };
    let parent = reachable(graph, start);
    for n in 0..parent.len() {
        if !reached(&parent, n) {
            let (source, path) = graph.origins.path("nodes", n, &[Seg::Key("id".into())]);
            out.push(Diagnostic::new(
                Problem::Unreachable {
                    node: graph.rules.nodes[n].id.to_string(),
                },
                source,
                path,
            ));
        }
    }
    asked_twice(graph, &topo, &parent, out);
    missing_branches(graph, &parent, out);
    super::proofs::run(graph, &topo, start, out);
    unused(graph, &parent, out);
}

/// Returns a topological order (the start of every edge before its end), or reports every cycle.
///
/// Kahn's algorithm finds the order: it visits nodes roughly in file order, which a large graph
/// rewards with cache hits. Only when it cannot finish does a depth-first search run, to name
/// the nodes of each cycle in order.
fn cycles(graph: &Graph<'_>, out: &mut Vec<Diagnostic>) -> Option<Vec<u32>> {
    let n = graph.rules.nodes.len();
    let mut indegree = vec![0u32; n];
    for node in 0..n as u32 {
        for child in graph.index.links(node).successors() {
            indegree[child as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&i| indegree[i as usize] == 0)
        .collect();
    let mut done = 0;
    while done < order.len() {
        let node = order[done];
        done += 1;
        for child in graph.index.links(node).successors() {
            indegree[child as usize] -= 1;
            if indegree[child as usize] == 0 {
                order.push(child);
            }
        }
    }
    if order.len() == n {
        return Some(order);
    }
    name_cycles(graph, out);
    None
}

/// Reports every cycle, with its nodes in order, by a three-colour depth-first search.
fn name_cycles(graph: &Graph<'_>, out: &mut Vec<Diagnostic>) {
    const WHITE: u8 = 0;
    const GREY: u8 = 1;
    const BLACK: u8 = 2;
    let n = graph.rules.nodes.len();
    let mut colour = vec![WHITE; n];
    let mut stack: Vec<(u32, u32)> = Vec::new();
    for root in 0..n as u32 {
        if colour[root as usize] != WHITE {
            continue;
        }
        colour[root as usize] = GREY;
        stack.push((root, 0));
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let links = graph.index.links(node);
            if (*next as usize) < links.successor_count() {
                let Some(child) = links.successor(*next as usize) else {
                    *next += 1;
                    continue;
                };
                *next += 1;
                match colour[child as usize] {
                    WHITE => {
                        colour[child as usize] = GREY;
                        stack.push((child, 0));
                    }
                    GREY => {
                        let from = stack.iter().position(|&(s, _)| s == child).unwrap_or(0);
                        let mut names: Vec<String> = stack[from..]
                            .iter()
                            .map(|&(s, _)| graph.rules.nodes[s as usize].id.to_string())
                            .collect();
                        names.push(graph.rules.nodes[child as usize].id.to_string());
                        let field = edge_field(graph, node, child);
                        let (source, path) = graph.origins.path("nodes", node as usize, &field);
                        out.push(Diagnostic::new(
                            Problem::Cycle { nodes: names },
                            source,
                            path,
                        ));
                    }
                    _ => {}
                }
            } else {
                colour[node as usize] = BLACK;
                stack.pop();
            }
        }
    }
}

/// The JSON path (below the node) of the field that holds the edge `from -> to`.
fn edge_field(graph: &Graph, from: u32, to: u32) -> Vec<Seg> {
    let links = graph.index.links(from);
    let node = &graph.rules.nodes[from as usize];
    if links.next == Some(to) {
        return vec![Seg::Key("next".into())];
    }
    if links.default == Some(to) && !links.then.iter().any(|&(_, t)| t == to) {
        return vec![Seg::Key("default".into())];
    }
    let key = node
        .then
        .iter()
        .find(|(_, target)| graph.rules.nodes[to as usize].id == *target)
        .map(|(k, _)| k.to_owned());
    match key {
        Some(k) => vec![Seg::Key("then".into()), Seg::Key(k)],
        None => vec![Seg::Key("default".into())],
    }
}

/// Each node's parent on a shortest path from the start: [`UNREACHED`] for nodes no path
/// reaches, the start's own index for the start. (The answer taken there is found again when a
/// message needs it: one `u32` a node keeps a million-node check small.)
type Parents = Vec<u32>;

/// A node no path reaches, in [`Parents`].
const UNREACHED: u32 = u32::MAX;

fn reached(parent: &[u32], n: usize) -> bool {
    parent[n] != UNREACHED
}

/// Breadth-first search from the start.
fn reachable(graph: &Graph<'_>, start: u32) -> Parents {
    let mut parent: Parents = vec![UNREACHED; graph.rules.nodes.len()];
    parent[start as usize] = start;
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for child in graph.index.links(n).successors() {
            if parent[child as usize] == UNREACHED {
                parent[child as usize] = n;
                queue.push_back(child);
            }
        }
    }
    parent
}

/// The answers along the BFS path from the start to `node`.
fn path_to(graph: &Graph, parent: &[u32], node: u32) -> Vec<String> {
    let mut answers = Vec::new();
    let mut n = node;
    while reached(parent, n as usize) && parent[n as usize] != n {
        let p = parent[n as usize];
        if let Some(ask) = graph.index.links(p).ask {
            answers.push(graph.answer_text(ask, graph.answer_to(p, n)));
        }
        n = p;
    }
    answers.reverse();
    answers
}

fn ask_slot(ask: Ask) -> usize {
    match ask {
        Ask::Role => 0,
        Ask::Concern => 1,
        Ask::Question(q) => q as usize + 2,
    }
}

/// Pushes "asked so far" bit sets forward in topological order and reports a node whose
/// question is already in its set. A node's set lives only from the first of its predecessors
/// until the node itself is handled, in a pool of reused rows: memory follows the width of the
/// graph, not its size.
fn asked_twice(graph: &Graph, topo: &[u32], parent: &[u32], out: &mut Vec<Diagnostic>) {
    const NO_ROW: u32 = u32::MAX;
    let words = (graph.rules.questions.len() + 2).div_ceil(64);
    let mut row_of = vec![NO_ROW; graph.rules.nodes.len()];
    let mut pool: Vec<u64> = Vec::new();
    let mut free: Vec<u32> = Vec::new();
    let mut mine = vec![0u64; words];
    for &n in topo {
        if !reached(parent, n as usize) {
            continue;
        }
        match row_of[n as usize] {
            NO_ROW => mine.fill(0),
            row => {
                mine.copy_from_slice(&pool[row as usize * words..][..words]);
                free.push(row);
                row_of[n as usize] = NO_ROW;
            }
        }
        let links = graph.index.links(n);
        if let Some(ask) = links.ask {
            let slot = ask_slot(ask);
            if mine[slot / 64] & (1 << (slot % 64)) != 0 {
                let (source, path) =
                    graph
                        .origins
                        .path("nodes", n as usize, &[Seg::Key("ask".into())]);
                out.push(Diagnostic::new(
                    Problem::AskedTwice {
                        question: graph.ask_id(ask).to_string(),
                        node: graph.rules.nodes[n as usize].id.to_string(),
                    },
                    source,
                    path,
                ));
            }
            mine[slot / 64] |= 1 << (slot % 64);
        }
        for child in links.successors() {
            let row = match row_of[child as usize] {
                NO_ROW => {
                    let row = match free.pop() {
                        Some(r) => {
                            pool[r as usize * words..][..words].fill(0);
                            r
                        }
                        None => {
                            pool.resize(pool.len() + words, 0);
                            (pool.len() / words - 1) as u32
                        }
                    };
                    row_of[child as usize] = row;
                    row
                }
                row => row,
            };
            for (dst, src) in pool[row as usize * words..][..words].iter_mut().zip(&mine) {
                *dst |= src;
            }
        }
    }
}

fn missing_branches(graph: &Graph, parent: &[u32], out: &mut Vec<Diagnostic>) {
    for (n, links) in graph.index.all_links().enumerate() {
        let Some(ask) = links.ask else { continue };
        if links.default.is_some() || !reached(parent, n) || links.then.is_empty() {
            continue;
        }
        for a in 0..graph.answer_count(ask) as u32 {
            if links.then.iter().any(|&(x, _)| x == a) {
                continue;
            }
            let text = graph.answer_text(ask, a);
            let answer = text
                .split_once('=')
                .map_or(String::new(), |(_, o)| o.to_owned());
            let (source, path) = graph.origins.path("nodes", n, &[Seg::Key("then".into())]);
            out.push(Diagnostic::new(
                Problem::NoBranch {
                    node: graph.rules.nodes[n].id.to_string(),
                    question: graph.ask_id(ask).to_string(),
                    answer,
                    path: path_to(graph, parent, n as u32),
                },
                source,
                path,
            ));
        }
    }
}

fn unused(graph: &Graph, parent: &[u32], out: &mut Vec<Diagnostic>) {
    let rules = &graph.rules;
    let mut used: [Vec<bool>; 6] = Default::default();
    for kind in Kind::ALL {
        let len = entry_count(rules, kind);
        used[kind as usize] = vec![false; len];
    }
    let mut asked = vec![false; rules.questions.len()];
    for (n, links) in graph.index.all_links().enumerate() {
        if !reached(parent, n) {
            continue;
        }
        for add in graph.adds(n as u32) {
            used[add.kind as usize][add.entry as usize] = true;
        }
        if let Some(Ask::Question(q)) = links.ask {
            asked[q as usize] = true;
        }
    }
    // A partner named as the provider of a used entry, or by a used step, is used too.
    let partners = graph.index.entries(Kind::Partner);
    let mut providers = Vec::new();
    for kind in [Kind::Training, Kind::Resource, Kind::Network, Kind::Partner] {
        for (i, e) in crate::graph::entries::catalog(rules, kind)
            .iter()
            .enumerate()
        {
            if used[kind as usize][i] {
                providers.extend(e.provider.as_deref().and_then(|p| partners.find(p)));
            }
        }
    }
    for (i, s) in rules.steps.iter().enumerate() {
        if used[Kind::Step as usize][i] {
            providers.extend(s.partner.as_deref().and_then(|p| partners.find(p)));
        }
    }
    for p in providers {
        used[Kind::Partner as usize][p as usize] = true;
    }
    for kind in Kind::ALL {
        for (i, is_used) in used[kind as usize].iter().enumerate() {
            if !is_used {
                let id = entry_id(rules, kind, i);
                let (source, path) =
                    graph
                        .origins
                        .path(kind.section(), i, &[Seg::Key("id".into())]);
                out.push(Diagnostic::new(
                    Problem::Unused {
                        kind: kind.as_str(),
                        id: id.to_string(),
                    },
                    source,
                    path,
                ));
            }
        }
    }
    for (q, was_asked) in asked.iter().enumerate() {
        if !was_asked {
            let (source, path) = graph.origins.path("questions", q, &[Seg::Key("id".into())]);
            out.push(Diagnostic::new(
                Problem::Unused {
                    kind: "question",
                    id: rules.questions[q].id.to_string(),
                },
                source,
                path,
            ));
        }
    }
}
