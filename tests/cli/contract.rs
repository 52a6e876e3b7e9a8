//! The contract with programs: published schemas, JSON plans that match them, `batch`,
//! completions, the man page and the scripts in `examples/`.

use std::io::Write;
use std::process::Stdio;

use crate::common;
use crate::common::{TODAY, json, wegwijs};
use crate::{deadline, external};
use predicates::prelude::*;
use serde_json::Value;
use wegwijs::i18n::Lang;
use wegwijs::plan::{Plan, PlanOptions};
use wegwijs::schema::{SchemaKind, to_text};

fn committed(kind: SchemaKind) -> Value {
    let text = std::fs::read_to_string(format!("rules/schema/{}", kind.file_name())).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::validator_for(&committed(kind)).expect("the schema itself is valid")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for kind in SchemaKind::ALL {
        let path = format!("rules/schema/{}", kind.file_name());
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            on_disk,
            to_text(kind),
            "{path} is stale: run `wegwijs schema ... > {path}`"
        );
        let name = format!("{kind:?}").to_lowercase();
        wegwijs()
            .args(["schema", &name])
            .assert()
            .success()
            .stdout(on_disk);
    }
}

#[test]
fn the_default_graph_points_at_and_validates_against_the_rules_schema() {
    let text = std::fs::read_to_string("rules/default.json").unwrap();
    let graph: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(graph["$schema"], "schema/rules.schema.json");
    assert!(
        std::path::Path::new("rules")
            .join(graph["$schema"].as_str().unwrap())
            .exists()
    );
    assert_valid(&validator(SchemaKind::Rules), &graph, "rules/default.json");
    let example: Value =
        serde_json::from_str(&std::fs::read_to_string("examples/minimal-rules.json").unwrap())
            .unwrap();
    assert_valid(
        &validator(SchemaKind::Rules),
        &example,
        "examples/minimal-rules.json",
    );
}

#[test]
fn the_shipped_rule_tests_validate_against_the_tests_schema() {
    let v = validator(SchemaKind::Tests);
    for entry in std::fs::read_dir("rules/tests").unwrap() {
        let path = entry.unwrap().path();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_valid(&v, &file, &path.display().to_string());
    }
}

#[test]
fn the_rules_schema_rejects_what_check_rejects_structurally() {
    let v = validator(SchemaKind::Rules);
    let mut graph: Value =
        serde_json::from_str(&std::fs::read_to_string("examples/minimal-rules.json").unwrap())
            .unwrap();
    graph["nodes"][0]["nxt"] = Value::from("plan");
    assert!(!v.is_valid(&graph));
    graph["nodes"][0].as_object_mut().unwrap().remove("nxt");
    graph["nodes"][2]["add"][0]["kind"] = Value::from("partnr");
    assert!(!v.is_valid(&graph));
}

/// Every answer path of every role and concern, in both languages, with and without the trace.
fn every_plan() -> Vec<Value> {
    let mut plans = Vec::new();
    let (graph, outcomes) = common::every_outcome();
    for outcome in outcomes {
        for (lang, explain) in [(Lang::En, false), (Lang::Nl, true)] {
            let opts = PlanOptions {
                explain,
                today: TODAY.parse().unwrap(),
                ..PlanOptions::new(lang)
            };
            plans.push(serde_json::to_value(Plan::build(&graph, &outcome, &opts)).unwrap());
        }
    }
    plans
}

#[test]
fn every_plan_of_the_default_graph_validates_against_the_plan_schema() {
    let v = validator(SchemaKind::Plan);
    let plans = every_plan();
    assert!(plans.len() > 500, "{}", plans.len());
    for plan in &plans {
        assert_valid(
            &v,
            plan,
            &format!("{} {}", plan["role"]["id"], plan["concern"]["id"]),
        );
    }
    // And the binary's output is the same document.
    let cli = json(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "family-support",
        "-a",
        "home-safety=yes",
        "--explain",
    ]);
    assert_valid(&v, &cli, "plan --format json --explain");
}

#[test]
fn check_reports_validate_against_the_check_schema() {
    let v = validator(SchemaKind::Check);
    for entry in std::fs::read_dir("tests/fixtures/check").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let out = wegwijs()
                .arg("check")
                .arg(&path)
                .args(["--format", "json"])
                .output()
                .unwrap();
            let report: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_valid(&v, &report, &path.display().to_string());
        }
    }
}

#[test]
fn batch_example_gives_its_expected_output() {
    let input = std::fs::read("examples/batch-queries.jsonl").unwrap();
    let expected = std::fs::read_to_string("examples/batch-queries.expected.jsonl").unwrap();
    wegwijs()
        .arg("batch")
        .write_stdin(input)
        .assert()
        .code(1) // line 3 names an unknown concern
        .stdout(expected.clone())
        .stderr("");
    let lines: Vec<Value> = expected
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3]["recommendations"][0]["id"], "call-112");
    let v = validator(SchemaKind::Plan);
    for line in [&lines[0], &lines[1], &lines[3]] {
        assert_valid(&v, line, "batch line");
    }
}

/// Flat memory at 100k lines is measured by the benchmark (`cargo bench`); here a debug build
/// checks order and completeness on 5 000 lines, some megabytes of plans (far more than a pipe
/// holds).
#[test]
fn batch_of_good_lines_succeeds_and_streams_in_order() {
    let mut input = String::new();
    let concerns = [
        "radicalisation",
        "polarisation",
        "youth-groups",
        "exit-support",
    ];
    for i in 0..5_000 {
        input.push_str(&format!(
            "{{\"role\":\"teacher\",\"concern\":\"{}\"}}\n",
            concerns[i % 4]
        ));
    }
    let out = wegwijs().arg("batch").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        assert!(
            line.contains(&format!("\"concern\":{{\"id\":\"{}\"", concerns[i % 4])),
            "line {i}"
        );
        count += 1;
    }
    assert_eq!(count, 5_000);
}

/// A program that writes one query and waits for the answer must get it without closing stdin.
#[test]
fn batch_answers_each_line_as_it_arrives() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let answers = deadline::Lines::new(child.stdout.take().unwrap());
    for concern in ["polarisation", "exit-support"] {
        writeln!(stdin, "{{\"role\":\"teacher\",\"concern\":\"{concern}\"}}").unwrap();
        stdin.flush().unwrap();
        // Before stdin is closed: a batch that waited for the end of its input never answers.
        let line = answers
            .next("the plan for the line just written")
            .expect("a plan, not the end of the output");
        assert!(line.contains(concern), "{line}");
    }
    drop(stdin);
    assert_eq!(answers.next("the end of the output"), None);
    assert!(deadline::finish(child, "wegwijs batch").status.success());
}

#[test]
fn batch_stops_quietly_when_the_reader_leaves() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..10_000 {
            if stdin
                .write_all(b"{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n")
                .is_err()
            {
                break;
            }
        }
    });
    let out = deadline::finish(child, "wegwijs batch with its reader gone");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
    writer.join().unwrap();
}

#[test]
fn json_errors_go_to_stderr_as_one_object() {
    let out = wegwijs()
        .args([
            "plan",
            "-r",
            "astronaut",
            "-c",
            "polarisation",
            "--format",
            "json",
        ])
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["error"]["kind"], "usage");
    assert_eq!(v["error"]["exit_code"], 2);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown role `astronaut`")
    );
}

#[test]
fn completions_offer_the_ids_of_the_loaded_graph() {
    // clap_complete's PowerShell script completes flags but not values.
    let out = wegwijs()
        .args(["completions", "powershell"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("--role"));
    for shell in ["bash", "zsh", "fish"] {
        let out = wegwijs().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for id in [
            "youth-worker",
            "radicalisation",
            "acute-danger=yes",
            "case-stage=multi-agency",
        ] {
            assert!(script.contains(id), "{shell} completions lack {id}");
        }
    }
    let own = wegwijs()
        .args([
            "--rules",
            "examples/minimal-rules.json",
            "completions",
            "bash",
        ])
        .output()
        .unwrap();
    let script = String::from_utf8(own.stdout).unwrap();
    assert!(script.contains("youth-worker") && !script.contains("radicalisation"));
}

#[test]
fn help_shows_examples_and_the_man_page_renders() {
    wegwijs()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    for sub in ["plan", "list", "check", "batch", "schema", "completions"] {
        wegwijs()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    wegwijs()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".TH wegwijs 1"))
        .stdout(predicate::str::contains(".TH wegwijs 1"))
        .stdout(predicate::str::contains("plan"));
}

#[test]
fn answers_file_example_fills_answers() {
    let plan = json(&[
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "radicalisation",
        "--answers",
        "examples/answers.json",
    ]);
    assert_eq!(plan["answers"]["case-stage"], "concrete");
    assert_eq!(plan["answers"]["acute-danger"], "no");
    assert!(plan["assumed"].as_object().unwrap().is_empty());
    wegwijs()
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "radicalisation",
            "--answers",
            "examples/answers.json",
            "-a",
            "case-stage=signals",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("case-stage was answered twice"));
    wegwijs()
        .args([
            "plan",
            "-r",
            "teacher",
            "-c",
            "radicalisation",
            "--answers",
            "missing.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers file missing.json"));
}

#[test]
fn jq_pipeline_example_lists_partners() {
    // examples/partners.sh pipes the plan through jq.
    if !external::program("jq", "jq") {
        return;
    }
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_wegwijs"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = deadline::output(
        std::process::Command::new("sh")
            .args(["examples/partners.sh", "social-worker", "exit-support"])
            .env("PATH", &path),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(
        tsv.lines()
            .any(|l| l.starts_with("Forsa, exit support of the LSE\t")),
        "{tsv}"
    );
    assert!(tsv.contains("Landelijk Steunpunt Extremisme (LSE, national extremism support centre)\thttps://www.landelijksteunpuntextremisme.nl"), "{tsv}");
    // Regression: a bad role ended the pipe in jq, and the script exited 0 with no rows.
    let out = deadline::output(
        std::process::Command::new("sh")
            .args(["examples/partners.sh", "astronaut", "exit-support"])
            .env("PATH", &path),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
}

/// Regression (issue 14.18): `schema plan` claimed to describe every line of `batch`, but error
/// lines did not validate against it and no schema described them; and the plan schema listed
/// the recommendation kinds as a closed set although the README promises new kinds may appear.
#[test]
fn error_objects_validate_against_the_error_schema_and_kinds_are_open() {
    let errors = validator(SchemaKind::Error);
    // A batch error line, with and without an id.
    let out = wegwijs()
        .arg("batch")
        .write_stdin("{\"id\": \"q1\", \"role\": 1}\nnot json\n{\"id\": 2, \"role\": \"astronaut\", \"concern\": \"polarisation\"}\n")
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for line in stdout.lines() {
        assert_valid(&errors, &serde_json::from_str(line).unwrap(), line);
    }
    // A command's usage error, an argument error and a broken graph's error, on stderr.
    for args in [
        &[
            "plan",
            "-r",
            "astronaut",
            "-c",
            "polarisation",
            "--format",
            "json",
        ][..],
        &["plan", "-r", "teacher", "--format", "json"],
        &[
            "--rules",
            "tests/fixtures/check/E012-dangling-node.json",
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "polarisation",
            "--format",
            "json",
        ],
    ] {
        let out = wegwijs().args(args).assert().failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert_valid(&errors, &serde_json::from_str(&stderr).unwrap(), &stderr);
    }
    // A plan from a later version with a kind this one does not know still validates.
    let plans = validator(SchemaKind::Plan);
    let mut plan = every_plan().remove(0);
    plan["recommendations"][0]["kind"] = "hotline".into();
    assert_valid(&plans, &plan, "a plan with a new kind");
}
