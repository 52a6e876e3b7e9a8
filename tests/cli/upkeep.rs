//! Tools for the people who keep the graph true: `--explain`, `graph` pictures and rule tests.

use std::process::Command;

use crate::common;
use crate::common::{every_outcome, json, stdout, wegwijs};
use crate::{deadline, external};
use predicates::prelude::*;
use wegwijs::i18n::Lang;
use wegwijs::plan::{Plan, PlanOptions};

// ---- explain ------------------------------------------------------------------------------

/// On every path of the default graph, each recommendation names the nodes that added it,
/// and the trace shows each of those nodes adding it.
#[test]
fn explain_accounts_for_every_recommendation_on_every_path() {
    let (graph, outcomes) = every_outcome();
    let opts = PlanOptions {
        explain: true,
        today: common::TODAY.parse().unwrap(),
        ..PlanOptions::new(Lang::En)
    };
    assert!(outcomes.len() > 300, "{}", outcomes.len());
    for outcome in &outcomes {
        let plan = Plan::build(&graph, outcome, &opts);
        let trace = plan.trace.as_ref().expect("a trace");
        for rec in &plan.recommendations {
            let reasons = rec.because.as_ref().expect("reasons");
            assert!(
                !reasons.is_empty(),
                "{} {}: {}",
                plan.role.id,
                plan.concern.id,
                rec.id
            );
            let key = format!("{}:{}", rec.kind.as_str(), rec.id);
            for reason in reasons {
                let step = trace
                    .iter()
                    .find(|t| t.node == reason.node)
                    .expect("node in trace");
                assert!(
                    step.added.contains(&key),
                    "{} does not add {key}",
                    reason.node
                );
                // The reason's answers are exactly those taken before the node.
                let position = trace.iter().position(|t| t.node == reason.node).unwrap();
                let before: Vec<String> = trace[..position]
                    .iter()
                    .filter_map(|t| {
                        Some(format!("{}={}", t.question.as_ref()?, t.answer.as_ref()?))
                    })
                    .collect();
                assert_eq!(reason.answers, before);
            }
        }
    }
}

#[test]
fn explain_in_text_adds_because_lines_and_the_path() {
    let text = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "radicalisation",
        "-a",
        "case-stage=concrete",
        "--explain",
    ]);
    assert!(
        text.contains("↳ because: rad-concrete (acute-danger=no, concern=radicalisation,\n        case-stage=concrete)"),
        "{text}"
    );
    assert!(
        text.contains("\nPath taken\n  start acute-danger=no (assumed)\n"),
        "{text}"
    );
}

#[test]
fn without_explain_nothing_changes() {
    let args = [
        "plan",
        "-r",
        "teacher",
        "-c",
        "family-support",
        "-a",
        "home-safety=yes",
    ];
    let plain = stdout(&args);
    assert!(!plain.contains("because") && !plain.contains("Path taken"));
    let mut with = json(&[&args[..], &["--explain"]].concat());
    let without = json(&args);
    assert!(without.get("trace").is_none());
    assert!(
        without["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("because").is_none())
    );
    with.as_object_mut().unwrap().remove("trace");
    for r in with["recommendations"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("because");
    }
    assert_eq!(with, without);
}

// ---- graph pictures ---------------------------------------------------------------------

/// Renders `dot` with Graphviz; whether it succeeded, and what it said on stderr.
fn graphviz(dot: &str) -> (bool, String) {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` starts");
    let mut stdin = child.stdin.take().unwrap();
    let dot = dot.to_owned();
    // On a thread of its own, so that a `dot` that stops reading cannot block the test.
    std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(dot.as_bytes());
    });
    let out = deadline::finish(child, "Graphviz `dot -Tsvg`");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn dot_renders_with_graphviz_without_warnings() {
    if !external::program("dot", "graphviz") {
        return;
    }
    for args in [
        vec!["graph"],
        vec!["graph", "--lang", "nl"],
        vec![
            "graph",
            "--role",
            "youth-worker",
            "--concern",
            "exit-support",
        ],
        vec!["--rules", "tests/fixtures/tricky-labels.json", "graph"],
        vec![
            "--rules",
            "examples/overlay-gemeente-voorbeeld.json",
            "graph",
            "-c",
            "youth-groups",
        ],
    ] {
        let dot = stdout(&args);
        let (ok, stderr) = graphviz(&dot);
        assert!(ok && stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn labels_keep_quotes_brackets_and_non_ascii() {
    let dot = stdout(&["--rules", "tests/fixtures/tricky-labels.json", "graph"]);
    assert!(dot.contains(r#"Call 112 (\"now\") -> |go|"#), "{dot}");
    assert!(dot.contains("a\\\\b; c&d `x` — ü é ø 東京"), "{dot}");
    assert!(dot.contains("\"urgent.v2\" -> \"end\";"), "{dot}");
    let mermaid = stdout(&[
        "--rules",
        "tests/fixtures/tricky-labels.json",
        "graph",
        "--format",
        "mermaid",
    ]);
    assert!(
        mermaid.contains("Call 112 (#34;now#34;) -#62; #124;go#124;"),
        "{mermaid}"
    );
    assert!(
        !mermaid.contains("end(") && !mermaid.contains("end["),
        "node ids must not be Mermaid keywords"
    );
}

/// Mermaid's own parser (run by Node) accepts every picture. The Node packages are installed
/// by .ci/run; run `npm ci --prefix tests/js` to run this locally.
#[test]
fn mermaid_output_parses_with_mermaid() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, args) in [
        ("all.mmd", vec!["graph", "--format", "mermaid"]),
        (
            "nl.mmd",
            vec![
                "graph",
                "--format",
                "mermaid",
                "--lang",
                "nl",
                "--concern",
                "radicalisering",
            ],
        ),
        (
            "tricky.mmd",
            vec![
                "--rules",
                "tests/fixtures/tricky-labels.json",
                "graph",
                "--format",
                "mermaid",
            ],
        ),
        (
            "overlay.mmd",
            vec![
                "--rules",
                "examples/overlay-gemeente-voorbeeld.json",
                "graph",
                "-f",
                "mermaid",
            ],
        ),
        (
            // Conditional additions carry `[role=teacher; …]` in their labels.
            "conditions.mmd",
            vec![
                "--rules",
                "tests/fixtures/export/conditions.json",
                "graph",
                "-f",
                "mermaid",
            ],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, stdout(&args)).unwrap();
        files.push(path);
    }
    // A broken file must fail, or the check proves nothing.
    let broken = dir.path().join("broken.mmd");
    std::fs::write(&broken, "flowchart TD\n  end[\"x\"] --> n1\n").unwrap();
    let Some(node) = external::node_with_packages() else {
        return;
    };
    let out = deadline::output(
        Command::new(node)
            .arg("tests/js/mermaid-parse.mjs")
            .args(&files),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = deadline::output(
        Command::new(node)
            .arg("tests/js/mermaid-parse.mjs")
            .arg(&broken),
    );
    assert!(!out.status.success());
}

#[test]
fn the_readme_picture_is_up_to_date() {
    let committed = std::fs::read_to_string("docs/exit-support.dot").unwrap();
    let now = stdout(&[
        "graph",
        "--role",
        "youth-worker",
        "--concern",
        "exit-support",
        "--lang",
        "en",
    ]);
    assert_eq!(committed, now, "regenerate with the command in the README");
    assert!(
        std::fs::read_to_string("docs/exit-support.svg")
            .unwrap()
            .contains("<svg")
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains(
        "wegwijs graph --role youth-worker --concern exit-support --lang en > docs/exit-support.dot"
    ));
    assert!(readme.contains("docs/exit-support.svg"));
}

// ---- rule tests -------------------------------------------------------------------------

#[test]
fn the_shipped_rule_tests_pass() {
    let mut files: Vec<String> = std::fs::read_dir("rules/tests")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    wegwijs()
        .arg("test")
        .args(&files)
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^\d+ passed, 0 failed \(3 files\)\n$").unwrap());
}

#[test]
fn the_shipped_rule_tests_cover_every_role_and_concern_and_acute_danger() {
    let text = std::fs::read_to_string("rules/tests/roles-and-concerns.json").unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = file["cases"].as_array().unwrap();
    for role in common::ids("roles") {
        for concern in common::ids("concerns") {
            assert!(
                cases
                    .iter()
                    .any(|c| c["role"] == role.as_str() && c["concern"] == concern.as_str()),
                "no case for {role} × {concern}"
            );
        }
    }
    let danger: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("rules/tests/acute-danger.json").unwrap())
            .unwrap();
    let urgent = danger["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["expect"]["urgent"] == true)
        .count();
    assert!(urgent >= common::ids("concerns").len());
}

#[test]
fn a_deliberately_wrong_case_fails_with_the_differences() {
    wegwijs()
        .args(["test", "tests/fixtures/ruletests/deliberately-wrong.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "FAIL  tests/fixtures/ruletests/deliberately-wrong.json: wrong: no acute danger, yet expected urgent with 112 first\n      missing: step:call-112\n      unexpected: partner:forsa\n      urgent: expected true, got false\n      first steps: expected [call-112], got [internal-youth-work]\n",
        ))
        .stdout(predicate::str::contains("`partner:forsaa`: there is no partner with this id; did you mean `forsa`?"))
        .stdout(predicate::str::contains("no plan: unknown role `astronaut`"))
        .stdout(predicate::str::ends_with("1 passed, 3 failed (1 file)\n"));
    let out = wegwijs()
        .args([
            "test",
            "--format",
            "json",
            "tests/fixtures/ruletests/deliberately-wrong.json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (report["passed"].as_u64(), report["failed"].as_u64()),
        (Some(1), Some(3))
    );
}

#[test]
fn a_malformed_test_file_says_where() {
    wegwijs()
        .args(["test", "tests/fixtures/ruletests/malformed.json"])
        .assert()
        .code(2)
        .stderr("error: test file tests/fixtures/ruletests/malformed.json:3:99 (cases[0].expect.inclde): unknown field `inclde`; did you mean `include`?\n");
}

#[test]
fn rule_tests_run_against_the_loaded_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let tests = dir.path().join("voorbeeld.json");
    std::fs::write(
        &tests,
        r#"{"cases": [{"name": "local youth work for youth groups", "role": "teacher", "concern": "youth-groups",
            "expect": {"include": ["partner:jongerenwerk-voorbeeld"]}}]}"#,
    )
    .unwrap();
    wegwijs().arg("test").arg(&tests).assert().code(1);
    wegwijs()
        .args([
            "--rules",
            "examples/overlay-gemeente-voorbeeld.json",
            "test",
        ])
        .arg(&tests)
        .assert()
        .success();
}
