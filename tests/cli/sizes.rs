//! Hostile sizes, end to end. These build inputs of tens of megabytes, so they are `#[ignore]`d
//! and run in release by `.ci/run` (`cargo test --release --locked --test cli -- --ignored`,
//! or `… -- --ignored sizes::` for these alone); the unit tests beside
//! the code (`graph::keyed`, `location`) pin the algorithms on every `cargo test`. Figures
//! measured before and after the fixes are in BENCHMARKS.md.

use crate::common::wegwijs;

/// Issue 14.6: an answers object of 200 000 keys took minutes (each key compared with all
/// earlier ones). Now it is refused at once for its first unknown question.
#[test]
#[ignore = "builds a 3 MB answers file; run with --ignored"]
fn an_answers_object_of_200k_keys_is_answered_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.json");
    let mut text = String::from("{\"acute-danger\":\"no\"");
    for i in 0..200_000 {
        text.push_str(&format!(",\"q{i}\":\"x\""));
    }
    text.push('}');
    std::fs::write(&path, text).unwrap();
    wegwijs()
        .args(["plan", "-r", "teacher", "-c", "polarisation", "--answers"])
        .arg(&path)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown question `q0`"));
}

/// Issue 14.7: `check` of a minified (one-line) graph counted every diagnostic's column from
/// the start of the line: 115 000 warnings on a 97 MB line took minutes; pretty-printed, seconds.
#[test]
#[ignore = "builds a 40 MB graph; run with --ignored"]
fn a_minified_graph_with_many_warnings_is_checked_quickly() {
    let mut graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/minimal-rules.json").unwrap())
            .unwrap();
    let partner = graph["partners"][0].clone();
    let partners = graph["partners"].as_array_mut().unwrap();
    for i in 0..50_000 {
        let mut p = partner.clone();
        p["id"] = format!("unused-{i}").into();
        p.as_object_mut().unwrap().remove("aliases");
        p["summary"] = serde_json::json!({"nl": "x".repeat(330), "en": "y".repeat(330)});
        partners.push(p);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minified.json");
    std::fs::write(&path, serde_json::to_string(&graph).unwrap()).unwrap();
    wegwijs()
        .arg("check")
        .arg(&path)
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success()
        .stdout(predicates::str::contains("50000 warnings"));
}
