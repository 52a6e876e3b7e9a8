//! `wegwijs export html`: the file itself, and the page driven in headless Chromium.
//!
//! The browser checks live in `tests/js/browser.mjs`; this file writes the pages and the plans
//! the command line gives for the same answers, runs the script, and shows its report.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{TODAY, every_outcome, every_outcome_in, stdout, wegwijs};
use crate::deadline;
use crate::external::{chromium, node_with_packages};
use serde_json::{Value, json};
use wegwijs::graph::Ask;

const HOSTILE: &str = "tests/fixtures/export/hostile.json";
/// A small graph whose additions carry `when` on role, concern, an earlier answer and the
/// node's own question: the page must apply them exactly as the engine does.
const CONDITIONS: &str = "tests/fixtures/export/conditions.json";

/// The JSON block the page's script reads.
fn blob(page: &str) -> Value {
    let start = page
        .find(r#"<script type="application/json" id="wegwijs-data">"#)
        .expect("a data block");
    let rest = &page[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</script>").unwrap();
    serde_json::from_str(&rest[open..close]).unwrap()
}

#[test]
fn the_page_is_one_file_that_loads_nothing_from_elsewhere() {
    let page = stdout(&["export", "html", "--lang", "nl"]);
    assert!(page.starts_with("<!doctype html>\n<html lang=\"nl\">"));
    let policy = page
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .expect("a policy");
    for directive in [
        "default-src 'none'",
        "connect-src 'none'",
        "img-src 'none'",
        "font-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "script-src 'sha256-",
        "style-src 'sha256-",
    ] {
        assert!(policy.contains(directive), "{directive} missing: {policy}");
    }
    assert!(!policy.contains("unsafe"), "{policy}");
    // Nothing that could fetch: no external script, stylesheet, image, frame or font.
    for tag in [
        "<link", "<img", "<iframe", "<object", "<embed", "src=", "@import", "url(",
    ] {
        assert!(!page.contains(tag), "the page contains {tag}");
    }
    assert_eq!(
        page.matches("<script").count(),
        2,
        "one data block, one script"
    );
    let data = blob(&page);
    assert_eq!(data["format"], 2);
    assert_eq!(data["lang"], "nl");
    assert_eq!(data["languages"], json!(["nl", "en"]));
    let graph: Value =
        serde_json::from_str(&std::fs::read_to_string("rules/default.json").unwrap()).unwrap();
    for list in [
        "roles",
        "concerns",
        "questions",
        "steps",
        "partners",
        "nodes",
    ] {
        assert_eq!(
            data[list].as_array().unwrap().len(),
            graph[list].as_array().unwrap().len(),
            "{list}"
        );
    }
}

#[test]
fn the_page_carries_the_merged_graph_with_its_overlay() {
    let page = stdout(&[
        "--rules",
        "rules/default.json",
        "--rules",
        "examples/overlay-gemeente-voorbeeld.json",
        "export",
        "html",
    ]);
    let data = blob(&page);
    let overlay: Value = serde_json::from_str(
        &std::fs::read_to_string("examples/overlay-gemeente-voorbeeld.json").unwrap(),
    )
    .unwrap();
    assert_eq!(data["graph"]["overlays"][0]["id"], overlay["overlay"]);
    let partners: Vec<&str> = data["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for added in overlay["partners"].as_array().unwrap() {
        let id = added["id"].as_str().unwrap();
        assert!(partners.contains(&id), "{id} not in {partners:?}");
    }
}

#[test]
fn markup_in_a_graph_stays_inside_the_data_block() {
    let page = stdout(&["--rules", HOSTILE, "export", "html"]);
    assert_eq!(page.matches("<script").count(), 2);
    assert_eq!(page.matches("</script>").count(), 2);
    assert!(page.contains("<title>Markup &lt;/title&gt;&lt;script&gt;"));
    let data = blob(&page);
    assert_eq!(
        data["questions"][0]["options"][0]["label"]["en"],
        "Yes <img src=x onerror=alert(1)>"
    );
    assert_eq!(data["languages"], json!(["en"]));
}

#[test]
fn export_refuses_a_broken_graph_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"schema_version": 1, "id": "x""#).unwrap();
    let out = wegwijs()
        .args(["--rules", broken.to_str().unwrap(), "export", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json:1:"), "{err}");
}

/// `wegwijs batch` input for every role × concern of `graph` with nothing answered (so with the
/// assumed answers), and for every complete answer path; the languages alternate.
fn queries(graph: &wegwijs::graph::Graph, outcomes: &[wegwijs::engine::Outcome]) -> String {
    let r = &graph.rules;
    let mut lines = Vec::new();
    let langs = ["nl", "en"];
    for role in &r.roles {
        for concern in &r.concerns {
            let lang = langs[lines.len() % 2];
            lines.push(
                json!({"role": role.id.as_str(), "concern": concern.id.as_str(), "lang": lang}),
            );
        }
    }
    for outcome in outcomes {
        let mut answers = serde_json::Map::new();
        for visit in &outcome.path {
            if let Some((Ask::Question(q), o, _)) = visit.answer {
                let q = &r.questions[q as usize];
                answers.insert(q.id.to_string(), json!(q.options[o as usize].id.as_str()));
            }
        }
        lines.push(json!({
            "role": r.roles[outcome.role as usize].id.as_str(),
            "concern": r.concerns[outcome.concern as usize].id.as_str(),
            "answers": answers,
            "lang": langs[lines.len() % 2],
        }));
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn the_page_works_in_headless_chromium_and_gives_the_cli_plans() {
    let Some(node) = node_with_packages() else {
        return;
    };
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let page = write("wegwijs.html", &stdout(&["export", "html", "--lang", "en"]));
    let hostile = write(
        "hostile.html",
        &stdout(&["--rules", HOSTILE, "export", "html"]),
    );
    let batch = |rules: Option<&str>, input: String| -> String {
        let mut cmd = wegwijs();
        if let Some(rules) = rules {
            cmd.args(["--rules", rules]);
        }
        let plans = cmd.arg("batch").write_stdin(input).output().unwrap();
        assert!(
            plans.status.success(),
            "{}",
            String::from_utf8_lossy(&plans.stderr)
        );
        String::from_utf8(plans.stdout).unwrap()
    };
    let (graph, outcomes) = every_outcome();
    let expected = write("plans.jsonl", &batch(None, queries(&graph, &outcomes)));
    let conditions_page = write(
        "conditions.html",
        &stdout(&["--rules", CONDITIONS, "export", "html", "--lang", "en"]),
    );
    let text: &'static str = Box::leak(std::fs::read_to_string(CONDITIONS).unwrap().into());
    let rules = wegwijs::graph::load::parse(text, 0).unwrap();
    let (conditional, _) = wegwijs::graph::Graph::new(rules, wegwijs::graph::Origins::single(0));
    let input = queries(&conditional, &every_outcome_in(&conditional));
    let conditions_expected = write("conditions.jsonl", &batch(Some(CONDITIONS), input));
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts/export-html");
    let mut config = json!({
        "page": page,
        "hostile": hostile,
        "hostile_rules": HOSTILE,
        "expected": expected,
        "conditions": {"page": conditions_page, "expected": conditions_expected},
        "bin": env!("CARGO_BIN_EXE_wegwijs"),
        "today": TODAY,
        "artifacts": artifacts,
    });
    // `WEGWIJS_SCREENSHOTS=docs cargo test --test cli export_html` renews the README's pictures.
    if let Some(dir) = std::env::var_os("WEGWIJS_SCREENSHOTS") {
        config["screenshots"] = json!(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
    }
    let config = write("config.json", &config.to_string());
    // Chromium walks every plan of the built-in graph: about three minutes of CPU time, so
    // more than one command's patience (and still far below a CI job's limit).
    let out = deadline::output_within(
        Command::new(node)
            .arg("tests/js/browser.mjs")
            .arg(&config)
            .env("WEGWIJS_CHROMIUM", &chromium),
        deadline::PATIENCE * 10,
    );
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser checks failed:\n{report}");
    assert!(report.contains(" 0 failed"), "{report}");
}
