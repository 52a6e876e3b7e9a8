//! Overlays: a municipality's local additions on top of the built-in graph.

use crate::common::{ids, json, recs, stdout, wegwijs};
use predicates::prelude::*;

const VOORBEELD: &str = "examples/overlay-gemeente-voorbeeld.json";

/// The plan of every role × concern as `kind:id` lists, from one `wegwijs batch` over `rules`
/// (the graph loads once, not once per plan).
fn every_plan(rules: &[&str]) -> Vec<(String, String, Vec<String>)> {
    let mut queries = Vec::new();
    let mut input = String::new();
    for role in ids("roles") {
        for concern in ids("concerns") {
            input.push_str(&format!(
                "{{\"role\":\"{role}\",\"concern\":\"{concern}\"}}\n"
            ));
            queries.push((role.clone(), concern));
        }
    }
    let out = wegwijs()
        .args(rules)
        .arg("batch")
        .write_stdin(input)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let plans: Vec<Vec<String>> = stdout
        .lines()
        .map(|l| recs(&serde_json::from_str(l).unwrap()))
        .collect();
    assert_eq!(plans.len(), queries.len());
    queries
        .into_iter()
        .zip(plans)
        .map(|((role, concern), plan)| (role, concern, plan))
        .collect()
}

#[test]
fn the_example_overlay_adds_its_local_partner_where_it_should_and_nowhere_else() {
    let local = every_plan(&["--rules", VOORBEELD]);
    let national = every_plan(&[]);
    for ((role, concern, r), (_, _, national)) in local.iter().zip(&national) {
        let partner = r.contains(&"partner:jongerenwerk-voorbeeld".to_owned());
        // The local-network slot, which the overlay attaches to radicalisation and
        // polarisation (the national graph also names it on other paths).
        let slot = "network:lokaal-netwerk".to_owned();
        let network = r.contains(&slot);
        assert_eq!(
            partner,
            role == "youth-worker" || concern == "youth-groups",
            "{role} {concern}: {r:?}"
        );
        if concern == "radicalisation" || concern == "polarisation" {
            assert!(network, "{role} {concern}: {r:?}");
        }
        // Everything the national graph recommends is still there.
        assert!(national.iter().all(|n| r.contains(n)), "{role} {concern}");
    }
}

#[test]
fn a_patch_changes_only_the_fields_it_names() {
    let plan = json(&[
        "--rules",
        VOORBEELD,
        "plan",
        "-r",
        "municipal-officer",
        "-c",
        "radicalisation",
        "-a",
        "case-stage=multi-agency",
    ]);
    let zvh = plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "zvh")
        .unwrap()
        .clone();
    assert_eq!(
        zvh["text"],
        "Zorg- en Veiligheidshuis, Voorbeeld region (fictional)"
    );
    assert_eq!(zvh["verified"], false);
    assert_eq!(
        zvh["caveat"],
        "Fictional example: this local procedure does not exist."
    );
    assert_eq!(zvh["contact"]["website"], "https://zvh.voorbeeld.example/");
    // Not in the patch: kept from the national graph.
    assert!(
        zvh["summary"]
            .as_str()
            .unwrap()
            .starts_with("Regional partnership")
    );
    assert_eq!(zvh["reviewed"], "2026-11-29");
}

#[test]
fn plans_name_the_overlay_in_their_footer() {
    let plan = json(&[
        "--rules",
        VOORBEELD,
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
    ]);
    assert_eq!(plan["graph"]["id"], "nl-sociale-stabiliteit");
    assert_eq!(plan["graph"]["overlays"][0]["id"], "gemeente-voorbeeld");
    assert_eq!(plan["graph"]["overlays"][0]["version"], "2.0.0");
    let text = stdout(&[
        "--rules",
        VOORBEELD,
        "plan",
        "-r",
        "teacher",
        "-c",
        "polarisation",
    ]);
    assert!(text.contains("+ gemeente-voorbeeld 2.0.0"), "{text}");
    let without = json(&["plan", "-r", "teacher", "-c", "polarisation"]);
    assert!(without["graph"].get("overlays").is_none());
}

#[test]
fn an_explicit_base_gives_the_same_graph_as_the_built_in_one() {
    let implicit = json(&[
        "--rules",
        VOORBEELD,
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
    ]);
    let explicit = json(&[
        "--rules",
        "rules/default.json",
        "--rules",
        VOORBEELD,
        "plan",
        "-r",
        "youth-worker",
        "-c",
        "youth-groups",
    ]);
    assert_eq!(implicit, explicit);
}

#[test]
fn the_example_overlay_checks_clean_and_validates_against_its_schema() {
    wegwijs()
        // The built-in base still cites 2018 pages (see tests/rules.rs, OLD_PAGES_ALLOWED).
        .args([
            "check",
            "--deny-warnings",
            "--max-source-age-days=4000",
            VOORBEELD,
        ])
        .assert()
        .success();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("rules/schema/overlay.schema.json").unwrap())
            .unwrap();
    let overlay: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(VOORBEELD).unwrap()).unwrap();
    assert!(
        jsonschema::validator_for(&schema)
            .unwrap()
            .is_valid(&overlay)
    );
}

#[test]
fn diagnostics_name_the_file_each_value_came_from() {
    let fixture = "tests/fixtures/check/overlay-patch-mistakes.json";
    let out = wegwijs()
        .args(["check", "--format", "json", fixture])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let at = |code: &str, path: &str| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code && d["path"] == path)
            .map(|d| d["file"].as_str().unwrap().to_owned())
    };
    // The patched phone and e-mail are the overlay's; the attached reason too.
    assert_eq!(
        at("W005", "partners[0].contact.phone").as_deref(),
        Some(fixture)
    );
    assert_eq!(
        at("W005", "partners[0].contact.email").as_deref(),
        Some(fixture)
    );
    assert_eq!(at("E019", "attach[0].add[0].why").as_deref(), Some(fixture));
    // The base's own unverified entries stay the base's.
    let base_note = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["code"] == "N001"
                && d["message"]
                    .as_str()
                    .unwrap()
                    .contains("`school-en-veiligheid`")
        })
        .map(|d| d["file"].as_str().unwrap().to_owned());
    assert_eq!(base_note.as_deref(), Some("<built-in>/rules/default.json"));
}

#[test]
fn overlay_mistakes_are_reported_in_the_overlay() {
    wegwijs()
        .args([
            "--rules",
            "tests/fixtures/check/overlay-mistakes.json",
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "overlay-mistakes.json:12:15 (attach[0].node)",
        ))
        .stderr(predicate::str::contains("did you mean `c-youth-groups`?"));
}

/// Regression: an overlay could rewrite the text of the 112 step, `check` passed it, and the
/// plan for acute danger opened with "call the community officer first and wait". Now the
/// patch is E026 and every command that loads the graph refuses it with exit code 1.
#[test]
fn an_overlay_cannot_rewrite_the_112_step() {
    let evil = "tests/fixtures/check/E026-overlay-rewrites-112-step.json";
    wegwijs()
        .args([
            "--rules",
            evil,
            "plan",
            "--role",
            "teacher",
            "--concern",
            "polarisation",
        ])
        .args(["--answer", "acute-danger=yes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("wijkagent").not())
        .stdout(predicate::str::contains("community officer").not())
        .stderr(predicate::str::contains("E026"));
    wegwijs()
        .args(["check", evil])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[E026]"));
}

/// A step that carries a partner's contact details carries their age too: when the partner is
/// due for a check, the step says so in text, Markdown and JSON, as the partner's own entry does.
#[test]
fn a_step_with_a_partner_due_for_review_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("old-lse.json");
    std::fs::write(
        &overlay,
        r#"{"schema_version": 1, "overlay": "old-lse", "version": "1", "reviewed": "2026-11-29",
            "partners": [{"id": "lse", "reviewed": "2019-01-01"}]}"#,
    )
    .unwrap();
    let overlay = overlay.to_str().unwrap();
    let query = ["plan", "-r", "youth-worker", "-c", "radicalisation"];
    let args = |extra: &[&'static str]| -> Vec<&str> {
        let mut a = vec!["--rules", overlay];
        a.extend(query);
        a.extend(extra);
        a
    };
    let plan = json(&args(&[]));
    let step = plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ask-lse")
        .unwrap()
        .clone();
    assert_eq!(step["review_due"], true, "{step}");
    let text = stdout(&args(&[]));
    let at = text
        .find("Landelijk Steunpunt Extremisme for advice")
        .unwrap();
    let step_text = &text[at..at + 400];
    assert!(
        step_text.contains("Check that this is still correct"),
        "{step_text}"
    );
    let markdown = stdout(&args(&["--format", "markdown"]));
    assert!(markdown.contains("**check that this is still correct**"));
    // Without the overlay the built-in review date holds and nothing is flagged.
    let fresh = stdout(&query);
    assert!(!fresh.contains("Check that this is still correct"));
}
