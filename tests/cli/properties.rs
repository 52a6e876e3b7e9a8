//! Property tests: for random valid graphs and random answers the engine terminates, never
//! panics, explains every recommendation and is deterministic; random breakages of a valid
//! graph are always reported by `check`.

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};
use wegwijs::check::{CheckOptions, run};
use wegwijs::diagnostic::{Diagnostic, Severity};
use wegwijs::graph::{Graph, Origins, RuleGraph};
use wegwijs::i18n::Lang;
use wegwijs::plan::{PlanOptions, plan_for};
use wegwijs::query::RawQuery;

/// What one node of a generated graph does: ask its own question and branch to later nodes,
/// go on to a later node, or end.
#[derive(Debug, Clone)]
enum Shape {
    Ask { options: usize, targets: Vec<usize> },
    Next(usize),
    End,
}

/// A graph of `shapes.len() + 2` nodes: node 0 asks the safety question (yes goes through the
/// urgent node 1), node 2.. follow the shapes. Edges only point to later nodes, each node asks
/// its own question, and every node adds a step: valid by construction.
fn graph_json(shapes: &[Shape], partners: &[bool]) -> Value {
    let n = shapes.len() + 2;
    let t = |s: &str| json!({"nl": s, "en": s});
    let mut nodes = vec![
        json!({"id": "n0", "ask": "danger", "then": {"yes": "n1", "no": "n2"}}),
        json!({"id": "n1", "add": [{"kind": "step", "id": "call", "priority": 0}], "next": "n2"}),
    ];
    let mut questions = vec![json!({
        "id": "danger", "safety": true, "text": t("?"), "assume": "no",
        "options": [{"id": "yes", "urgent": true, "label": t("y")}, {"id": "no", "label": t("n")}]
    })];
    for (k, shape) in shapes.iter().enumerate() {
        let i = k + 2;
        let mut add =
            vec![json!({"kind": "step", "id": format!("s{}", i % 5), "priority": (i * 7) % 60})];
        if partners[k % partners.len()] {
            add.push(
                json!({"kind": "partner", "id": format!("p{}", i % 3), "priority": (i * 13) % 60}),
            );
        }
        let mut node = json!({"id": format!("n{i}"), "add": add});
        // A target index wraps into the nodes after this one.
        let later = |t: usize| i + 1 + t % (n - i - 1);
        match shape {
            Shape::Ask { options, targets } if i + 1 < n => {
                let q = format!("q{i}");
                let opts: Vec<Value> = (0..*options)
                    .map(|o| json!({"id": format!("o{o}"), "label": t("o")}))
                    .collect();
                questions.push(json!({"id": q, "text": t("?"), "assume": "o0", "options": opts}));
                let then: serde_json::Map<String, Value> = (0..*options)
                    .map(|o| {
                        (
                            format!("o{o}"),
                            json!(format!("n{}", later(targets[o % targets.len()]))),
                        )
                    })
                    .collect();
                node["ask"] = json!(q);
                node["then"] = Value::Object(then);
            }
            Shape::Next(target) if i + 1 < n => {
                node["next"] = json!(format!("n{}", later(*target)))
            }
            _ => {}
        }
        nodes.push(node);
    }
    json!({
        "schema_version": 1, "id": "prop", "version": "1", "title": t("T"), "languages": ["nl", "en"],
        "reviewed": "2026-11-01", "emergency": t("112"), "start": "n0",
        "sources": [{"id": "s", "title": "S", "url": "https://example.org/s", "dated": "undated"}],
        "roles": [{"id": "r", "label": t("R"), "description": t("R")}],
        "concerns": [{"id": "c", "label": t("C"), "description": t("C")}],
        "questions": questions,
        "steps": (0..5).map(|s| json!({"id": format!("s{s}"), "text": t("step")}))
            .chain(std::iter::once(json!({"id": "call", "urgent": true, "text": t("112")}))).collect::<Vec<_>>(),
        "partners": (0..3).map(|p| json!({"id": format!("p{p}"), "name": t("P"), "summary": t("P"),
            "source": "s", "reviewed": "2026-11-01"})).collect::<Vec<_>>(),
        "nodes": nodes
    })
}

fn shapes() -> impl Strategy<Value = (Vec<Shape>, Vec<bool>)> {
    let shape = prop_oneof![
        3 => (2usize..4, prop::collection::vec(0usize..1000, 1..4))
            .prop_map(|(options, targets)| Shape::Ask { options, targets }),
        2 => (0usize..1000).prop_map(Shape::Next),
        1 => Just(Shape::End),
    ];
    (
        prop::collection::vec(shape, 1..30),
        prop::collection::vec(any::<bool>(), 1..5),
    )
}

fn load(value: &Value) -> (Graph<'static>, Vec<Diagnostic>) {
    let rules = RuleGraph::deserialize(value.clone()).expect("generated graphs deserialize");
    let (graph, mut d) = Graph::new(rules, Origins::single(0));
    let opts = CheckOptions {
        today: "2026-12-01".parse().unwrap(),
        max_age_days: 365,
        ..CheckOptions::default()
    };
    let more = run(&graph, &d, &opts);
    d.extend(more);
    (graph, d)
}

fn errors(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.code())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_graphs_are_valid((shapes, partners) in shapes()) {
        let (_, d) = load(&graph_json(&shapes, &partners));
        prop_assert!(errors(&d).is_empty(), "{:?}", d);
    }

    #[test]
    fn evaluation_terminates_explains_everything_and_is_deterministic(
        (shapes, partners) in shapes(),
        picks in prop::collection::vec(0usize..4, 0..40),
        danger in any::<bool>(),
        explain in any::<bool>(),
    ) {
        let value = graph_json(&shapes, &partners);
        let (graph, _) = load(&value);
        let mut raw = RawQuery { role: Some("r".into()), concern: Some("c".into()), answers: Vec::new() };
        raw.answers.push(("danger".into(), if danger { "yes" } else { "no" }.into()));
        for (k, pick) in picks.iter().enumerate() {
            let q = format!("q{}", k + 2);
            if let Some(question) = graph.rules.questions.iter().find(|x| *x.id == q) {
                raw.answers.push((q, question.options[pick % question.options.len()].id.to_string()));
            }
        }
        let opts = PlanOptions { explain: true, today: "2026-12-01".parse().unwrap(), ..PlanOptions::new(Lang::En) };
        let plan = plan_for(&graph, &raw, &opts).expect("a valid graph plans every answer");
        prop_assert_eq!(plan.urgent, danger);
        prop_assert!(plan.recommendations.iter().any(|r| r.kind == wegwijs::graph::Kind::Step));
        let trace = plan.trace.as_ref().unwrap();
        for rec in &plan.recommendations {
            let key = format!("{}:{}", rec.kind.as_str(), rec.id);
            let because = rec.because.as_ref().unwrap();
            prop_assert!(!because.is_empty());
            for reason in because {
                let step = trace.iter().find(|t| t.node == reason.node);
                prop_assert!(step.is_some_and(|s| s.added.contains(&key)), "{} not added by {}", key, reason.node);
            }
        }
        // Same input, same plan, down to the order and the bytes.
        let again = plan_for(&graph, &raw, &PlanOptions { explain, ..opts }).unwrap();
        let first = plan_for(&graph, &raw, &PlanOptions { explain, ..opts }).unwrap();
        prop_assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn removing_a_referenced_node_is_an_error((shapes, partners) in shapes(), pick in any::<usize>()) {
        let mut value = graph_json(&shapes, &partners);
        let targets = referenced(&value);
        let gone = &targets[pick % targets.len()];
        value["nodes"].as_array_mut().unwrap().retain(|n| n["id"] != *gone);
        let (_, d) = load(&value);
        prop_assert!(errors(&d).contains(&"E012"), "{:?}", d);
    }

    #[test]
    fn renaming_an_id_is_an_error((shapes, partners) in shapes(), pick in any::<usize>(), step in any::<bool>()) {
        let mut value = graph_json(&shapes, &partners);
        if step {
            // The step the node after the urgent one adds (every node adds one).
            for s in value["steps"].as_array_mut().unwrap() {
                if s["id"] == "s2" {
                    s["id"] = json!("s2-renamed");
                }
            }
        } else {
            let targets = referenced(&value);
            let renamed = targets[pick % targets.len()].clone();
            for n in value["nodes"].as_array_mut().unwrap() {
                if n["id"] == renamed {
                    n["id"] = json!(format!("{renamed}-renamed"));
                }
            }
        }
        let (_, d) = load(&value);
        prop_assert!(errors(&d).contains(&"E012"), "{:?}", d);
    }

    #[test]
    fn an_edge_back_to_an_earlier_node_is_a_cycle((shapes, partners) in shapes(), pick in any::<usize>()) {
        let mut value = graph_json(&shapes, &partners);
        // Take an edge a -> b and add b -> a.
        let edges = edges(&value);
        let (a, b) = edges[pick % edges.len()].clone();
        let nodes = value["nodes"].as_array_mut().unwrap();
        let node = nodes.iter_mut().find(|n| n["id"] == b).unwrap();
        match node.get("then").and_then(Value::as_object).map(|t| t.keys().next().cloned()) {
            Some(Some(first)) => node["then"][first] = json!(a),
            _ => {
                if let Some(o) = node.as_object_mut() {
                    o.insert("next".into(), json!(a));
                }
            }
        }
        let (_, d) = load(&value);
        prop_assert!(errors(&d).contains(&"E015"), "{:?}", d);
    }
}

/// Adds a second role and concern to a generated graph and a `when` to additions picked by
/// `conds`: on a role, a concern, the safety answer, or the first option of some question
/// (which may be asked before the node, at it, after it or never on its paths).
fn with_conditions(value: &mut Value, conds: &[(u8, usize)]) {
    let t = |s: &str| json!({"nl": s, "en": s});
    value["roles"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "r2", "label": t("R2"), "description": t("R2")}));
    value["concerns"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "c2", "label": t("C2"), "description": t("C2")}));
    let questions: Vec<String> = value["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect();
    let mut k = 0;
    for node in value["nodes"].as_array_mut().unwrap() {
        let Some(add) = node.get_mut("add").and_then(Value::as_array_mut) else {
            continue;
        };
        for a in add {
            let (kind, pick) = conds[k % conds.len()];
            k += 1;
            let when = match kind % 6 {
                0 => json!({"role": ["r"]}),
                1 => json!({"role": ["r2"], "concern": ["c"]}),
                2 => json!({"concern": ["c2"]}),
                3 => json!({"danger": ["yes"]}),
                4 if questions.len() > 1 => {
                    json!({ questions[1 + pick % (questions.len() - 1)].clone(): ["o0"] })
                }
                _ => continue,
            };
            a["when"] = when;
        }
    }
}

/// Every complete outcome of `graph` for every role and concern, by the library's own
/// enumeration, which walks the graph and branches on each option wherever the walk asks.
fn every_outcome(graph: &Graph) -> Vec<wegwijs::engine::Outcome> {
    let mut out = Vec::new();
    wegwijs::walks::each_outcome(graph, u64::MAX, |o| out.push(o.clone()))
        .expect("role and concern are set, so every walk ends");
    out
}

fn small_shapes() -> impl Strategy<Value = (Vec<Shape>, Vec<bool>)> {
    shapes().prop_map(|(mut s, p)| {
        s.truncate(12);
        (s, p)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The proofs with `when` are exact: `check` reports a path without a step (E017), an
    /// urgent path without an urgent step (E020) and a `when` that never holds (W008) exactly
    /// when walking every path of every role and concern finds one.
    #[test]
    fn proofs_with_when_agree_with_walking_every_path(
        (shapes, partners) in small_shapes(),
        conds in prop::collection::vec((any::<u8>(), any::<usize>()), 1..12),
    ) {
        let mut value = graph_json(&shapes, &partners);
        with_conditions(&mut value, &conds);
        let (graph, d) = load(&value);
        let codes: Vec<&str> = d.iter().map(|d| d.code()).collect();
        let outcomes = every_outcome(&graph);
        let no_step = outcomes.iter().any(|o| !o.items.iter().any(|i| i.kind == wegwijs::graph::Kind::Step));
        prop_assert_eq!(codes.contains(&"E017"), no_step, "{:?}", d);
        let danger_yes = |o: &wegwijs::engine::Outcome| o.path[0].answer.is_some_and(|(_, a, _)| a == 0);
        let no_urgent = outcomes.iter().any(|o| danger_yes(o) && !o.urgent());
        prop_assert_eq!(codes.contains(&"E020"), no_urgent, "{:?}", d);
        let mut applied = std::collections::HashSet::new();
        let mut reached = std::collections::HashSet::new();
        for o in &outcomes {
            reached.extend(o.path.iter().map(|v| v.node));
            for i in &o.items {
                applied.extend(i.from.iter().copied());
            }
        }
        let mut never = 0;
        for n in 0..graph.rules.nodes.len() as u32 {
            for (k, a) in graph.rules.nodes[n as usize].add.iter().enumerate() {
                if a.when().is_some() && reached.contains(&n) && !applied.contains(&(n, k as u32)) {
                    never += 1;
                }
            }
        }
        prop_assert_eq!(codes.iter().filter(|c| **c == "W008").count(), never, "{:?}", d);
    }
}

/// Every (from, to) edge of a generated graph.
fn edges(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for n in value["nodes"].as_array().unwrap() {
        let from = n["id"].as_str().unwrap().to_owned();
        if let Some(next) = n.get("next").and_then(Value::as_str) {
            out.push((from.clone(), next.to_owned()));
        }
        if let Some(then) = n.get("then").and_then(Value::as_object) {
            out.extend(
                then.values()
                    .map(|t| (from.clone(), t.as_str().unwrap().to_owned())),
            );
        }
    }
    out
}

/// Every node some edge points to.
fn referenced(value: &Value) -> Vec<String> {
    let mut targets: Vec<String> = edges(value).into_iter().map(|(_, to)| to).collect();
    targets.sort();
    targets.dedup();
    targets
}
