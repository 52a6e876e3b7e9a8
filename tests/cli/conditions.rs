//! `when` on additions and page-level sources, end to end through the binary: plans, `--explain`,
//! overlays, rule tests and `check`, on the small graph the browser comparison also walks.

use crate::common::{json, recs, wegwijs};
use predicates::prelude::*;

/// Teacher and youth-worker, polarisation and youth-groups; `when`s on role, concern, the
/// acute-danger answer and the case-stage question the `stage` node itself asks.
const GRAPH: &str = "tests/fixtures/export/conditions.json";

fn plan(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--rules", GRAPH, "plan"];
    all.extend_from_slice(args);
    json(&all)
}

#[test]
fn a_conditional_step_is_in_the_plan_only_for_its_role() {
    let teacher = plan(&["-r", "teacher", "-c", "polarisation"]);
    assert_eq!(
        recs(&teacher),
        ["step:ask-care-coordinator", "advice:talk-about-it"]
    );
    let youth_worker = plan(&["-r", "youth-worker", "-c", "polarisation"]);
    assert_eq!(
        recs(&youth_worker),
        ["step:ask-team", "advice:talk-about-it"]
    );
}

#[test]
fn a_when_on_the_nodes_own_question_and_the_concern_needs_both() {
    let both = [
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
        "-a",
        "case-stage=concrete",
    ];
    assert!(recs(&plan(&both)).contains(&"partner:voorbeeld-welzijn".to_owned()));
    let wrong_concern = [
        "-r",
        "youth-worker",
        "-c",
        "polarisation",
        "-a",
        "case-stage=concrete",
    ];
    assert!(!recs(&plan(&wrong_concern)).contains(&"partner:voorbeld-welzijn".to_owned()));
    let wrong_stage = [
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
        "-a",
        "case-stage=signals",
    ];
    assert!(!recs(&plan(&wrong_stage)).contains(&"partner:voorbeeld-welzijn".to_owned()));
}

#[test]
fn an_urgent_step_for_one_role_joins_112_and_a_when_on_the_danger_answer_reorders() {
    let teacher = plan(&[
        "-r",
        "teacher",
        "-c",
        "youth-groups",
        "-a",
        "acute-danger=yes",
    ]);
    assert_eq!(
        recs(&teacher)[..4],
        [
            "step:call-112",
            "step:call-school-safety",
            "step:ask-team",
            "step:ask-care-coordinator"
        ]
    );
    let youth_worker = plan(&[
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
        "-a",
        "acute-danger=yes",
    ]);
    assert_eq!(recs(&youth_worker)[..2], ["step:call-112", "step:ask-team"]);
}

#[test]
fn explain_says_which_condition_held_and_what_was_left_out() {
    wegwijs()
        .args([
            "--rules",
            GRAPH,
            "plan",
            "-r",
            "teacher",
            "-c",
            "youth-groups",
        ])
        .args(["-a", "case-stage=concrete", "--explain", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "because: stage (acute-danger=no; condition met: case-stage=concrete,\n",
        ))
        .stdout(predicate::str::contains("concern=youth-groups)"))
        .stdout(predicate::str::contains(
            "plan + step:ask-care-coordinator (not added, condition not met:",
        ));
    let explained = plan(&[
        "-r",
        "teacher",
        "-c",
        "youth-groups",
        "-a",
        "case-stage=concrete",
        "--explain",
    ]);
    let partner = explained["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "voorbeeld-welzijn")
        .unwrap();
    assert_eq!(
        partner["because"][0]["when"],
        serde_json::json!(["case-stage=concrete", "concern=youth-groups"])
    );
    let trace = explained["trace"].as_array().unwrap();
    let last = trace.last().unwrap();
    assert_eq!(
        last["skipped"],
        serde_json::json!(["step:ask-team", "step:ask-team", "advice:talk-about-it"])
    );
}

#[test]
fn an_overlay_attaches_a_conditional_addition_and_its_typos_point_into_the_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("local.json");
    std::fs::write(
        &overlay,
        r#"{"schema_version": 1, "overlay": "local", "version": "1", "reviewed": "2026-11-29",
  "attach": [{"node": "plan", "add": [
    {"kind": "partner", "id": "voorbeeld-welzijn", "when": {"role": ["youth-worker"]}}]}]}
"#,
    )
    .unwrap();
    let overlay = overlay.to_str().unwrap();
    let with = |role: &str| {
        json(&[
            "--rules",
            GRAPH,
            "--rules",
            overlay,
            "plan",
            "-r",
            role,
            "-c",
            "polarisation",
        ])
    };
    assert!(recs(&with("youth-worker")).contains(&"partner:voorbeeld-welzijn".to_owned()));
    assert!(!recs(&with("teacher")).contains(&"partner:voorbeeld-welzijn".to_owned()));

    let typo = dir.path().join("typo.json");
    std::fs::write(
        &typo,
        r#"{"schema_version": 1, "overlay": "typo", "version": "1", "reviewed": "2026-11-29",
  "attach": [{"node": "plan", "add": [
    {"kind": "partner", "id": "voorbeeld-welzijn", "when": {"role": ["youth-workr"]}}]}]}
"#,
    )
    .unwrap();
    wegwijs()
        .args(["check", GRAPH, typo.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[E024]: `when` names role `youth-workr`, which does not exist",
        ))
        .stdout(predicate::str::contains(
            "typo.json:3:70 (attach[0].add[0].when.role[0])",
        ))
        .stdout(predicate::str::contains("did you mean `youth-worker`?"));
}

#[test]
fn rule_tests_pin_conditional_additions() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases.json");
    std::fs::write(
        &cases,
        r#"{"cases": [
  {"name": "the care coordinator is the teacher's first step", "role": "teacher",
   "concern": "polarisation",
   "expect": {"first_steps": ["ask-care-coordinator"], "exclude": ["step:ask-team"]}},
  {"name": "wrong on purpose: youth workers get no care coordinator", "role": "youth-worker",
   "concern": "polarisation", "expect": {"include": ["step:ask-care-coordinator"]}}
]}
"#,
    )
    .unwrap();
    wegwijs()
        .args(["--rules", GRAPH, "test", cases.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 passed, 1 failed"));
}

#[test]
fn plans_cite_the_page_by_title_and_date_never_by_source_id() {
    let args = [
        "--rules",
        GRAPH,
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
    ];
    let concrete = ["-a", "case-stage=concrete", "--lang", "en"];
    wegwijs()
        .args(args)
        .args(concrete)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Source: Fictief voorbeeld (page dated 2026-11) · reviewed 2026-11-29",
        ))
        .stdout(predicate::str::contains("eigen").not());
    wegwijs()
        .args(args)
        .args(concrete)
        .args(["--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "_Source: Fictief voorbeeld (page dated 2026-11) · reviewed 2026-11-29_",
        ))
        .stdout(predicate::str::contains(
            "- Fictief voorbeeld (page dated 2026-11) <https://example.org/wegwijs-voorbeeld>",
        ));
    let p = plan(&[
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
        "-a",
        "case-stage=concrete",
    ]);
    let source = serde_json::json!({
        "title": "Fictief voorbeeld",
        "url": "https://example.org/wegwijs-voorbeeld",
        "dated": "2026-11"
    });
    assert_eq!(p["schema_version"], 2);
    assert_eq!(p["recommendations"][1]["source"], source);
    assert_eq!(p["sources"], serde_json::json!([source]));
}

#[test]
fn an_undated_page_says_so() {
    wegwijs()
        .args([
            "plan",
            "-r",
            "youth-worker",
            "-c",
            "youth-groups",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        // Wrapped after "(page" at 80 columns.
        .stdout(predicate::str::contains("undated) · reviewed 2026-11-29"));
}

#[test]
fn a_review_against_a_much_older_page_is_w009_with_an_adjustable_limit() {
    let fixture = "tests/fixtures/check/W009-source-older-than-review.json";
    wegwijs()
        .args(["check", "--deny-warnings", fixture])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning[W009]"));
    wegwijs()
        .args([
            "check",
            "--deny-warnings",
            "--max-source-age-days",
            "3000",
            fixture,
        ])
        .assert()
        .success();
}

#[test]
fn a_source_without_address_or_with_a_made_up_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("examples/minimal-rules.json").unwrap();
    for (from, to, says) in [
        (
            "\"url\": \"https://example.org/wegwijs-voorbeeld\",\n",
            "",
            "error[E003]: required field `url` is missing",
        ),
        (
            "\"dated\": \"undated\"",
            "\"dated\": \"maart 2023\"",
            "is not a page date: write YYYY-MM-DD, YYYY-MM, YYYY or \"undated\"",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let path = dir.path().join("rules.json");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        wegwijs()
            .args(["check", path.to_str().unwrap()])
            .assert()
            .code(1)
            .stdout(predicate::str::contains(says));
    }
}
