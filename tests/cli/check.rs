//! `wegwijs check` end to end: one fixture per diagnostic code, each with its expected output
//! beside it (`X.json` and `X.expected`), plus exit codes, JSON output and scale.
//!
//! Run with `WEGWIJS_BLESS=1` to rewrite the expected files that differ after a deliberate
//! change ([`crate::expected`]); review the diff like code.

use std::path::Path;

use crate::common::wegwijs;
use crate::expected;
use predicates::prelude::*;
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/check";

fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn each_fixture_yields_exactly_the_expected_diagnostics() {
    let mut failures = Vec::new();
    for name in fixtures() {
        let path = format!("{FIXTURES}/{name}");
        // A fixture may need other files around it: `X.args` holds the arguments before
        // `check`, one per line, with `{fixture}` for its own path.
        let out = match std::fs::read_to_string(path.replace(".json", ".args")) {
            Ok(args) => wegwijs()
                .args(args.lines().map(|a| a.replace("{fixture}", &path)))
                .arg("check")
                .output()
                .unwrap(),
            Err(_) => wegwijs().args(["check", &path]).output().unwrap(),
        };
        let actual = String::from_utf8(out.stdout).unwrap();
        if let Err(difference) = expected::compare(&path.replace(".json", ".expected"), &actual) {
            failures.push(difference);
        }
        // Errors exit 1; warnings and notes alone exit 0.
        let has_errors = actual.lines().any(|l| l.starts_with("error["));
        assert_eq!(
            out.status.code(),
            Some(if has_errors { 1 } else { 0 }),
            "{name}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_has_a_fixture_that_produces_it() {
    let doc = std::fs::read_to_string("rules/FORMAT.md").unwrap();
    let codes: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .map(|l| &l[..4])
        .filter(|c| {
            c.len() == 4 && "EWN".contains(&c[..1]) && c[1..].chars().all(|d| d.is_ascii_digit())
        })
        .collect();
    assert!(codes.len() >= 28, "{codes:?}");
    for code in codes {
        let fixture = fixtures()
            .into_iter()
            .find(|n| n.starts_with(code))
            .unwrap_or_else(|| panic!("no fixture for {code}"));
        let expected = std::fs::read_to_string(format!(
            "{FIXTURES}/{}",
            fixture.replace(".json", ".expected")
        ))
        .unwrap();
        assert!(
            expected.contains(&format!("[{code}]")),
            "{fixture} does not produce {code}"
        );
    }
}

#[test]
fn all_problems_in_a_file_are_reported_in_one_run() {
    let expected =
        std::fs::read_to_string(format!("{FIXTURES}/several-mistakes.expected")).unwrap();
    for code in ["E011", "E019", "E012", "W005"] {
        assert!(expected.contains(&format!("[{code}]")), "{code}");
    }
    assert_eq!(expected.matches("error[E012]").count(), 2);
    let structural =
        std::fs::read_to_string(format!("{FIXTURES}/several-structural-mistakes.expected"))
            .unwrap();
    for code in ["E002", "E004", "E006"] {
        assert!(structural.contains(&format!("[{code}]")), "{code}");
    }
    assert!(
        structural.ends_with("4 errors, 0 warnings, 0 notes (1 file)\n"),
        "{structural}"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_and_position() {
    let out = wegwijs()
        .args([
            "check",
            "--format",
            "json",
            &format!("{FIXTURES}/several-mistakes.json"),
            &format!("{FIXTURES}/W005-bad-contact.json"),
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let files: Vec<&String> = keys.iter().map(|k| &k.0).collect();
    assert_eq!(
        files.first().unwrap().as_str(),
        format!("{FIXTURES}/several-mistakes.json")
    );
    let mut sorted_within = keys.clone();
    sorted_within.sort_by(|a, b| {
        (files.iter().position(|f| **f == a.0), a.1, a.2).cmp(&(
            files.iter().position(|f| **f == b.0),
            b.1,
            b.2,
        ))
    });
    assert_eq!(keys, sorted_within);
}

#[test]
fn json_diagnostics_carry_every_field() {
    let out = wegwijs()
        .args([
            "check",
            "--format",
            "json",
            &format!("{FIXTURES}/E012-dangling-node.json"),
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 0);
    assert_eq!(
        report["files"][0],
        format!("{FIXTURES}/E012-dangling-node.json")
    );
    let d = &report["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "E012");
    assert_eq!(d["message"], "there is no node with id `plna`");
    assert_eq!(d["help"], "did you mean `plan`?");
    assert_eq!(d["file"], format!("{FIXTURES}/E012-dangling-node.json"));
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(63), Some(93))
    );
    assert_eq!(d["path"], "nodes[1].next");
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 8, "{keys:?}");
}

#[test]
fn dutch_diagnostics() {
    wegwijs()
        .args([
            "check",
            "--lang",
            "nl",
            &format!("{FIXTURES}/E012-dangling-node.json"),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "fout[E012]: er is geen knooppunt met id `plna`",
        ))
        .stdout(predicate::str::contains("= tip: bedoelde u `plan`?"))
        .stdout(predicate::str::ends_with(
            "1 fout, 0 waarschuwingen, 0 opmerkingen (1 bestand)\n",
        ));
}

#[test]
fn deny_warnings_fails_on_warnings_but_not_on_notes() {
    let warn = format!("{FIXTURES}/W001-unreachable.json");
    wegwijs().args(["check", &warn]).assert().code(0);
    wegwijs()
        .args(["check", "--deny-warnings", &warn])
        .assert()
        .code(1);
    let note = format!("{FIXTURES}/N001-unverified-with-caveat.json");
    wegwijs()
        .args(["check", "--deny-warnings", &note])
        .assert()
        .code(0);
}

#[test]
fn max_age_days_moves_the_staleness_limit() {
    let stale = format!("{FIXTURES}/W003-stale.json");
    wegwijs()
        .args(["check", "--deny-warnings", &stale])
        .assert()
        .code(1);
    wegwijs()
        .args(["check", "--deny-warnings", "--max-age-days", "1000", &stale])
        .assert()
        .code(0);
    // The built-in graph, judged two years from now, is stale: the warning names the entries.
    wegwijs()
        .args(["--today", "2028-12-01", "check", "--deny-warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "warning[W003]: `ess` was last reviewed 2026-11-29",
        ));
}

#[test]
fn check_without_files_checks_the_rules_flag_or_the_built_in_graph() {
    wegwijs()
        .args(["--rules", &format!("{FIXTURES}/E015-cycle.json"), "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("urgent -> plan -> urgent"));
    wegwijs().args(["check"]).assert().code(0);
}

#[test]
fn unreadable_files_are_usage_errors() {
    // `check` reports the file as a diagnostic (so that other files are still checked); with
    // nothing readable at all it is still a usage error.
    wegwijs()
        .args(["check", "does-not-exist.json"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error[E008]: cannot read the file: file not found",
        ))
        .stdout(predicate::str::contains("--> does-not-exist.json"));
    wegwijs()
        .args(["--rules", "does-not-exist.json", "plan", "-r", "teacher"])
        .args(["-c", "polarisation"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read rule file does-not-exist.json",
        ));
}

#[test]
fn plan_shows_rule_warnings_only_when_verbose() {
    let path = format!("{FIXTURES}/W001-unreachable.json");
    wegwijs()
        .args([
            "--rules",
            &path,
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "polarisation",
        ])
        .assert()
        .success()
        .stderr("");
    wegwijs()
        .args([
            "--rules",
            &path,
            "--verbose",
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "polarisation",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Discuss it in your team."))
        .stdout(predicate::str::contains("W001").not())
        .stderr(predicate::str::contains(
            "warning[W001]: node `leftover` cannot be reached",
        ));
}

#[test]
fn plan_with_json_format_reports_rule_errors_as_a_json_object() {
    let out = wegwijs()
        .args([
            "--rules",
            &format!("{FIXTURES}/E018-missing-branch.json"),
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "polarisation",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["error"]["kind"], "rules");
    assert_eq!(v["diagnostics"][0]["code"], "E018");
}

/// The checker is linear: a generated graph of 100 000 nodes (a file of about 19 MB) is
/// checked clean. Timing is the benchmark's job; this test checks the result. Two checks of
/// 19 MB take half a minute in a debug build, so it runs in release from `.ci/run`.
#[test]
#[ignore = "checks a 19 MB graph twice; run in release with --ignored"]
fn a_large_generated_graph_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let graph = wegwijs::synth::generate(&wegwijs::synth::SynthOptions::with_nodes(100_000, 11));
    std::fs::write(&path, serde_json::to_vec(&graph).unwrap()).unwrap();
    assert!(Path::new(&path).metadata().unwrap().len() > 15_000_000);
    wegwijs()
        .arg("check")
        .arg("--deny-warnings")
        .arg(&path)
        .assert()
        .success()
        .stdout("0 errors, 0 warnings, 0 notes (1 file)\n");
    // One edge back to the start makes a cycle, and the checker names it.
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(r#""id":"n0-0","#, r#""id":"n0-0","note":"x","#, 1);
    let last = broken.rfind(r#"{"id":"n"#).unwrap();
    let mut broken = broken;
    broken.insert_str(last + 1, r#""next":"start","#);
    std::fs::write(&path, broken).unwrap();
    wegwijs()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[E015]: the decision graph has a cycle: start -> ",
        ));
}
