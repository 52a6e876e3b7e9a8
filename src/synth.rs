//! Synthetic rule graphs of any size, valid by construction, for tests and benchmarks.
//!
//! The shape is what a national graph with many local branches looks like: the safety
//! question first, a concern switch, then layers of question nodes. Layer `k` asks question
//! `k`, so no path asks a question twice; edges only go to the next layer, so the graph is
//! acyclic; each node of a layer is the target of some edge from the layer before, so every
//! node is reachable; and every node adds a step, so every path ends in a plan. The same
//! options and seed always give the same bytes.

use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{
    Addition, AnswerOption, Choice, Entry, Kind, Node, Question, RuleGraph, SCHEMA_VERSION, Source,
    Step, Text,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Total number of nodes (at least 16).
    pub nodes: usize,
    /// Widest layer of question nodes.
    pub width: usize,
    /// Number of roles.
    pub roles: usize,
    /// Number of concerns.
    pub concerns: usize,
    /// Entries per catalog (steps, partners, ...).
    pub catalog: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

impl SynthOptions {
    /// Sensible proportions for a graph of `nodes` nodes.
    pub fn with_nodes(nodes: usize, seed: u64) -> SynthOptions {
        let nodes = nodes.max(16);
        SynthOptions {
            nodes,
            // Wide enough that a million nodes need about a hundred layers (and questions).
            width: (nodes / 100).clamp(24, 10_000),
            roles: 8,
            concerns: 8,
            catalog: (nodes / 20).clamp(10, 5_000),
            seed,
        }
    }
}

/// A small, fast, deterministic generator (SplitMix64); quality is ample for shuffling edges.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn text(s: &str) -> Text<'static> {
    Text(KeyedStrings::from_pairs(vec![
        ("nl".into(), format!("{s} (nl)").into()),
        ("en".into(), format!("{s} (en)").into()),
    ]))
}

fn add(kind: Kind, id: String, priority: u16) -> Addition<'static> {
    Addition::new(kind, id.into(), priority)
}

fn node(id: String) -> Node<'static> {
    Node {
        id: id.into(),
        add: Box::default(),
        ask: None,
        then: KeyedStrings::default(),
        default: None,
        next: None,
        note: None,
    }
}

/// Generates a graph; it passes `wegwijs check --deny-warnings`.
pub fn generate(opts: &SynthOptions) -> RuleGraph<'static> {
    let mut rng = Rng(opts.seed ^ 0x5eed);
    let reviewed = "2026-11-01".parse().expect("valid date");
    let choice = |prefix: &str, i: usize| Choice {
        id: format!("{prefix}{i}").into(),
        label: text(&format!("{prefix} {i}")),
        description: text(&format!("{prefix} {i} description")),
        aliases: Vec::new(),
    };
    let option = |id: &'static str, urgent: bool| AnswerOption {
        id: id.into(),
        label: text(id),
        help: None,
        urgent,
        aliases: Vec::new(),
    };
    let entry = |kind: Kind, i: usize| Entry {
        id: format!("{}{i}", &kind.as_str()[..1]).into(),
        name: text(&format!("{} {i}", kind.as_str())),
        summary: text("summary"),
        why: None,
        provider: None,
        contact: Default::default(),
        source: "synthetic".into(),
        reviewed,
        verified: true,
        caveat: None,
        local: None,
        note: None,
    };

    // Layer sizes: the concern switch feeds `concerns` nodes, each layer at most triples, and
    // the last layer takes what is left.
    let fixed = 3; // start, urgent, concern switch
    let body = opts.nodes.saturating_sub(fixed).max(opts.concerns);
    let mut layers: Vec<usize> = Vec::new();
    let mut left = body;
    let mut width = opts.concerns;
    while left > 0 {
        let w = width.min(left);
        layers.push(w);
        left -= w;
        width = (width * 3).min(opts.width.max(opts.concerns));
    }

    let questions: Vec<Question> = std::iter::once(Question {
        id: "danger".into(),
        text: text("danger?"),
        help: None,
        options: vec![option("yes", true), option("no", false)],
        assume: Some("no".into()),
        safety: true,
        aliases: Vec::new(),
    })
    .chain((0..layers.len().saturating_sub(1)).map(|k| Question {
        id: format!("q{k}").into(),
        text: text(&format!("question {k}?")),
        help: None,
        options: vec![option("a", false), option("b", false), option("c", false)],
        assume: Some("a".into()),
        safety: false,
        aliases: Vec::new(),
    }))
    .collect();

    let catalog = opts.catalog.max(1);
    let mut nodes: Vec<Node> = Vec::with_capacity(fixed + body);
    let mut start = node("start".into());
    start.ask = Some("danger".into());
    start.then = KeyedStrings::from_pairs(vec![
        ("yes".into(), "urgent".into()),
        ("no".into(), "concern".into()),
    ]);
    nodes.push(start);
    let mut urgent = node("urgent".into());
    urgent.add = vec![add(Kind::Step, "call".into(), 0)].into_boxed_slice();
    urgent.next = Some("concern".into());
    nodes.push(urgent);
    let mut switch = node("concern".into());
    switch.ask = Some("concern".into());
    switch.then = KeyedStrings::from_pairs(
        (0..opts.concerns)
            .map(|c| {
                (
                    format!("c{c}").into(),
                    format!("n0-{}", c % layers[0]).into(),
                )
            })
            .collect(),
    );
    nodes.push(switch);

    // Which catalog entries some node adds, per kind: only those are generated, so nothing is
    // reported unused.
    let mut used: Vec<Vec<bool>> = vec![vec![false; catalog]; Kind::ALL.len()];
    let mut counter = 0usize;
    for (k, &w) in layers.iter().enumerate() {
        let next_width = layers.get(k + 1).copied();
        // A rotation per layer makes edges differ between layers and seeds.
        let shift = next_width.map_or(0, |nw| rng.below(nw));
        for i in 0..w {
            let mut n = node(format!("n{k}-{i}"));
            let e = counter % catalog;
            counter += 1;
            let second = [
                Kind::Partner,
                Kind::Training,
                Kind::Resource,
                Kind::Network,
                Kind::Advice,
            ][i % 5];
            let mut adds = Vec::with_capacity(2);
            for (kind, priority) in [
                (Kind::Step, 10 + (e % 50) as u16),
                (second, 20 + (i % 60) as u16),
            ] {
                used[kind as usize][e] = true;
                adds.push(add(kind, format!("{}{e}", &kind.as_str()[..1]), priority));
            }
            n.add = adds.into_boxed_slice();
            if let Some(nw) = next_width {
                n.ask = Some(format!("q{k}").into());
                n.then = KeyedStrings::from_pairs(
                    ["a", "b", "c"]
                        .iter()
                        .enumerate()
                        .map(|(o, opt)| {
                            (
                                (*opt).into(),
                                format!("n{}-{}", k + 1, (i * 3 + o + shift) % nw).into(),
                            )
                        })
                        .collect(),
                );
            }
            nodes.push(n);
        }
    }

    let used = &used;
    let made = |kind: Kind| (0..catalog).filter(move |&i| used[kind as usize][i]);
    let steps: Vec<Step> = std::iter::once(Step {
        id: "call".into(),
        text: text("call 112"),
        urgent: true,
        partner: None,
    })
    .chain(made(Kind::Step).map(|i| Step {
        id: format!("s{i}").into(),
        text: text(&format!("step {i}")),
        urgent: false,
        partner: None,
    }))
    .collect();

    RuleGraph {
        schema: None,
        schema_version: SCHEMA_VERSION,
        id: format!("synthetic-{}-{}", opts.nodes, opts.seed).into(),
        version: "1".into(),
        title: text("synthetic graph"),
        languages: vec!["nl".into(), "en".into()],
        reviewed,
        emergency: text("call 112"),
        start: "start".into(),
        sources: vec![Source {
            id: "synthetic".into(),
            title: "generated".into(),
            url: "https://example.org/synthetic".into(),
            dated: crate::date::SourceDate::Undated,
            publisher: None,
        }],
        roles: (0..opts.roles).map(|i| choice("r", i)).collect(),
        concerns: (0..opts.concerns).map(|i| choice("c", i)).collect(),
        questions,
        steps,
        advice: made(Kind::Advice)
            .map(|i| crate::graph::model::Advice {
                id: format!("a{i}").into(),
                text: text(&format!("advice {i}")),
            })
            .collect(),
        partners: made(Kind::Partner)
            .map(|i| entry(Kind::Partner, i))
            .collect(),
        trainings: made(Kind::Training)
            .map(|i| entry(Kind::Training, i))
            .collect(),
        resources: made(Kind::Resource)
            .map(|i| entry(Kind::Resource, i))
            .collect(),
        networks: made(Kind::Network)
            .map(|i| entry(Kind::Network, i))
            .collect(),
        nodes,
    }
}

/// An overlay for the graph [`generate`] makes with the same options: `count` new local
/// partners, each attached to a node of the first layer, and a patch of an existing partner's
/// reason. Applied to that graph it still passes `check --deny-warnings`.
pub fn overlay(opts: &SynthOptions, count: usize) -> serde_json::Value {
    let text = |s: &str| serde_json::json!({"nl": format!("{s} (nl)"), "en": format!("{s} (en)")});
    let partners: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            serde_json::json!({
                "id": format!("local-p{i}"),
                "name": text(&format!("local partner {i}")),
                "summary": text("local summary"),
                "source": "local",
                "reviewed": "2026-11-01"
            })
        })
        .chain(std::iter::once(
            serde_json::json!({"id": "p0", "why": text("patched locally")}),
        ))
        .collect();
    let attach: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            serde_json::json!({
                "node": format!("n0-{}", i % opts.concerns),
                "add": [{"kind": "partner", "id": format!("local-p{i}"), "priority": 15}]
            })
        })
        .collect();
    serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "overlay": format!("synthetic-local-{}", opts.seed),
        "extends": format!("synthetic-{}-{}", opts.nodes, opts.seed),
        "version": "1",
        "reviewed": "2026-11-01",
        "sources": [{"id": "local", "title": "generated local additions", "url": "https://example.org/local", "dated": "undated"}],
        "partners": partners,
        "attach": attach
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckOptions, run};
    use crate::graph::{Graph, Origins};
    use serde::Deserialize;

    fn check(rules: RuleGraph<'_>) -> Vec<crate::diagnostic::Diagnostic> {
        let (graph, mut d) = Graph::new(rules, Origins::single(0));
        let more = run(
            &graph,
            &d,
            &CheckOptions {
                today: "2026-11-29".parse().unwrap(),
                max_age_days: 365,
                ..CheckOptions::default()
            },
        );
        d.extend(more);
        d
    }

    #[test]
    fn generated_graphs_are_sound_at_several_sizes() {
        for (nodes, seed) in [(16, 1), (100, 2), (1_000, 3), (5_000, 4)] {
            let rules = generate(&SynthOptions::with_nodes(nodes, seed));
            assert_eq!(rules.nodes.len(), nodes);
            let d = check(rules);
            assert!(d.is_empty(), "{nodes} nodes: {:?}", &d[..d.len().min(5)]);
        }
    }

    #[test]
    fn a_generated_overlay_applies_cleanly_and_reaches_plans() {
        let opts = SynthOptions::with_nodes(2_000, 5);
        let mut rules = generate(&opts);
        let value = overlay(&opts, 12);
        let parsed = crate::graph::overlay::Overlay::deserialize(value).unwrap();
        let mut origins = Origins::single(0);
        let mut diags = Vec::new();
        crate::graph::overlay::apply(&mut rules, &mut origins, parsed, 1, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let d = check(rules.clone());
        assert!(d.is_empty(), "{:?}", &d[..d.len().min(5)]);
        let (graph, _) = Graph::new(rules, origins);
        let mut query = crate::query::Query::empty(&graph);
        query.role = Some(0);
        query.concern = Some(0);
        let outcome = crate::engine::evaluate(&graph, &query).unwrap();
        let local = graph.index.entries(Kind::Partner).find("local-p0").unwrap();
        assert!(
            outcome
                .items
                .iter()
                .any(|i| i.kind == Kind::Partner && i.entry == local)
        );
    }

    #[test]
    fn same_seed_same_graph_other_seed_other_graph() {
        let a = serde_json::to_string(&generate(&SynthOptions::with_nodes(500, 7))).unwrap();
        let b = serde_json::to_string(&generate(&SynthOptions::with_nodes(500, 7))).unwrap();
        let c = serde_json::to_string(&generate(&SynthOptions::with_nodes(500, 8))).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
