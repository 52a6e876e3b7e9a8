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
