//! Helpers shared by the end-to-end tests: the binary with a clean environment, and JSON plans.
#![allow(dead_code)] // each test file uses a different subset

use assert_cmd::Command;
use serde_json::Value;

/// The date every test takes as today, so review-age judgements never depend on the calendar.
pub const TODAY: &str = "2026-12-01";

/// The `wegwijs` binary with no language or colour settings inherited from the developer.
pub fn wegwijs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    for var in [
        "WEGWIJS_LANG",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WEGWIJS_TODAY", TODAY);
    cmd
}

/// Runs `wegwijs ARGS --format json`, asserts success and parses stdout.
pub fn json(args: &[&str]) -> Value {
    let out = wegwijs()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The ids of `wegwijs list WHAT`.
pub fn ids(what: &str) -> Vec<String> {
    json(&["list", what])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect()
}

/// `kind:id` of every recommendation of a JSON plan, in order.
pub fn recs(plan: &Value) -> Vec<String> {
    plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}:{}",
                r["kind"].as_str().unwrap(),
                r["id"].as_str().unwrap()
            )
        })
        .collect()
}

/// stdout of a successful run, as text.
pub fn stdout(args: &[&str]) -> String {
    let out = wegwijs().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every complete answer path of every role and concern of the built-in graph: walks the graph
/// and branches on each option wherever the walk asks.
pub fn every_outcome() -> (
    wegwijs::graph::Graph<'static>,
    Vec<wegwijs::engine::Outcome>,
) {
    let graph = wegwijs::graph::builtin();
    let outcomes = every_outcome_in(&graph);
    (graph, outcomes)
}

/// Every complete answer path of every role and concern of `graph`, as the library's own
/// enumeration (`wegwijs::walks`) visits them.
#[allow(dead_code)]
pub fn every_outcome_in(graph: &wegwijs::graph::Graph) -> Vec<wegwijs::engine::Outcome> {
    let mut outcomes = Vec::new();
    wegwijs::walks::each_outcome(graph, u64::MAX, |o| outcomes.push(o.clone()))
        .expect("role and concern are set, so every walk ends");
    outcomes
}

/// The `node` binary when the test packages in `tests/js` are installed. Without them the
/// calling test returns early with a notice, unless `WEGWIJS_REQUIRE_JS` is set (as `.ci/run`
/// does), in which case their absence fails the test.
pub fn node_with_packages() -> Option<String> {
    let installed = std::path::Path::new("tests/js/node_modules/.package-lock.json").exists();
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok();
    if installed && node {
        return Some("node".to_owned());
    }
    assert!(
        std::env::var_os("WEGWIJS_REQUIRE_JS").is_none(),
        "Node.js and the packages in tests/js are required: run `npm ci --prefix tests/js`"
    );
    eprintln!("notice: skipping a JavaScript check: run `npm ci --prefix tests/js` to include it");
    None
}
