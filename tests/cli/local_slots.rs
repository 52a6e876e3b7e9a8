//! Local slots: what the national graph leaves to each municipality, the starter overlay that
//! `init overlay` writes, filling it in, and the plans, checks and lists that show who filled
//! what. Written against any built-in graph that has the contract's slot ids, not its texts.

use std::path::{Path, PathBuf};

use crate::common;
use crate::common::{json, stdout, wegwijs};
use serde_json::{Value, json as j};

const VOORBEELD: &str = "examples/overlay-gemeente-voorbeeld.json";
/// Obviously not a working number: no Dutch number starts with 0000.
const FAKE_PHONE: &str = "0000 000 000";

fn init(dir: &Path, lang: &str) -> PathBuf {
    let file = dir.join(format!("overlay-{lang}.json"));
    wegwijs()
        .args([
            "init",
            "overlay",
            "--name",
            "Gemeente Proef",
            "--lang",
            lang,
        ])
        .arg("--output")
        .arg(&file)
        .assert()
        .success();
    file
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

/// The check report of `files`, as JSON.
fn check(files: &[&Path]) -> (Option<i32>, Value) {
    let out = wegwijs()
        .args(["check", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

/// The errors and warnings `report` locates in `file` (the base graph's own warnings are the
/// business of its maintainers and its own tests, not of an overlay).
fn problems_in(report: &Value, file: &Path) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "note" && d["file"] == file.to_str().unwrap())
        .map(|d| format!("{} {}", d["code"], d["message"]))
        .collect()
}

fn codes(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The slot ids of the loaded graph, by `list slots`.
fn slot_ids(rules: &[&str]) -> Vec<String> {
    let mut args = Vec::new();
    for r in rules {
        args.extend(["--rules", r]);
    }
    args.extend(["list", "slots"]);
    json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Fills the OOV slot of a starter with a phone number, and with a source and review date
/// unless `provenance` is false.
fn fill_oov(path: &Path, provenance: bool) {
    let mut o = read(path);
    o["sources"] = j!([{"id": "proef", "title": "Fictief: gemeente Proef",
        "url": "https://proef.example/", "dated": "2026-11"}]);
    let oov = o["partners"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "gemeente-oov")
        .expect("the starter has the OOV slot");
    oov["name"] = j!({"nl": "Team OOV Proef (fictief)", "en": "OOV team Proef (fictional)"});
    oov["contact"]["phone"] = j!(FAKE_PHONE);
    if provenance {
        oov["source"] = j!("proef");
        oov["reviewed"] = j!("2026-11-30");
    }
    write(path, &o);
}

/// The recommendation of a JSON plan whose local route is the slot `slot`, under a step.
fn step_for_slot<'p>(plan: &'p Value, slot: &str) -> &'p Value {
    plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "step" && r["local"]["slot"] == slot)
        .unwrap_or_else(|| panic!("no step names {slot}: {plan:#}"))
}

/// The lines of a text plan from the step whose text starts like `text` up to the next step
/// or section.
fn step_block(plan_text: &str, text: &str) -> String {
    let words = text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let lines: Vec<&str> = plan_text.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains(&words))
        .unwrap_or_else(|| panic!("{words} not in\n{plan_text}"));
    let next_step = |l: &str| {
        let t = l.trim_start();
        l.starts_with("  ")
            && t.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    };
    let mut block = vec![lines[first]];
    block.extend(
        lines[first + 1..]
            .iter()
            .take_while(|l| !l.is_empty() && !next_step(l)),
    );
    block.join("\n")
}

/// The blocks of `list slots` text: a line naming a slot and its indented lines.
fn slot_blocks(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in text.lines() {
        match blocks.last_mut() {
            Some(b) if line.starts_with(' ') => {
                b.push('\n');
                b.push_str(line);
            }
            _ => blocks.push(line.to_owned()),
        }
    }
    blocks
}

#[test]
fn an_untouched_starter_checks_with_notes_only_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["nl", "en"] {
        let file = init(dir.path(), lang);
        let (code, report) = check(&[&file]);
        assert_eq!(code, Some(0), "{report:#}");
        assert_eq!(report["errors"], 0, "{report:#}");
        assert_eq!(problems_in(&report, &file), Vec::<String>::new());
        let slot_warnings = ["W010", "W011"].map(String::from);
        assert!(!codes(&report).iter().any(|c| slot_warnings.contains(c)));
        // Every slot is still open, and said so once, as a note.
        let open = codes(&report).iter().filter(|c| *c == "N002").count();
        assert_eq!(open, slot_ids(&[]).len(), "{report:#}");
    }
}

#[test]
fn the_starter_holds_every_slot_of_the_loaded_graph_with_a_note() {
    let starter: Value = serde_json::from_str(&stdout(&[
        "init",
        "overlay",
        "--name",
        "Gemeente Voorbeeld",
        "--lang",
        "nl",
    ]))
    .unwrap();
    assert_eq!(starter["overlay"], "gemeente-voorbeeld");
    assert_eq!(starter["title"]["nl"], "Gemeente Voorbeeld");
    let slots = json(&["list", "slots"]);
    let slots = slots.as_array().unwrap();
    assert!(!slots.is_empty());
    for slot in slots {
        let section = format!("{}s", slot["kind"].as_str().unwrap());
        let item = starter[&section]
            .as_array()
            .and_then(|l| l.iter().find(|i| i["id"] == slot["id"]))
            .unwrap_or_else(|| panic!("{} missing from the starter", slot["id"]));
        assert_eq!(
            item["contact"],
            j!({"website": "", "phone": "", "email": ""})
        );
        assert!(item["note"].as_str().unwrap().starts_with("Lokale plek"));
        assert!(item["name"]["nl"].is_string(), "the generic name as a hint");
    }
    // Only slots: the starter adds nothing of its own.
    let written: usize = ["partners", "trainings", "resources", "networks"]
        .iter()
        .map(|s| starter[*s].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(written, slots.len());
}

#[test]
fn init_refuses_to_overwrite_a_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    std::fs::write(&file, "my own work").unwrap();
    let out = wegwijs()
        .args(["init", "overlay", "--name", "X", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own work");
    wegwijs()
        .args(["init", "overlay", "--name", "X", "--force", "--output"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(read(&file)["overlay"], "x");
}

#[test]
fn filling_the_oov_phone_shows_it_under_the_step_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = init(dir.path(), "en");
    fill_oov(&file, true);
    let (code, report) = check(&[&file]);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(problems_in(&report, &file), Vec::<String>::new());
    let rules = file.to_str().unwrap();
    let args = [
        "--rules",
        rules,
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
    ];
    let plan = json(&args);
    let step = step_for_slot(&plan, "gemeente-oov");
    assert_eq!(step["contact"]["phone"], FAKE_PHONE);
    assert_eq!(step["local"]["filled_by"]["overlay"], "gemeente-proef");
    // The starter's review date is the day it was written.
    assert_eq!(step["local"]["filled_by"]["reviewed"], common::TODAY);
    // In the text plan the phone and the overlay stand under that step, not elsewhere.
    let text = stdout(&args);
    let block = step_block(&text, step["text"].as_str().unwrap());
    assert!(block.contains(&format!("Phone: {FAKE_PHONE}")), "{block}");
    assert!(
        block.contains("Local details from: Gemeente Proef"),
        "{block}"
    );
    assert!(!block.contains("not filled in yet"), "{block}");
    // The step's generic party now has the local name the overlay gave it.
    assert!(block.contains("OOV team Proef (fictional)"), "{block}");
}

#[test]
fn without_an_overlay_the_step_shows_the_generic_route_to_fill_in() {
    let args = [
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
    ];
    let plan = json(&args);
    let step = step_for_slot(&plan, "gemeente-oov");
    assert!(step.get("contact").is_none(), "{step:#}");
    assert!(step["local"].get("filled_by").is_none());
    let find = step["local"]["find"].as_str().unwrap();
    assert!(!find.is_empty());
    let text = stdout(&args);
    let block = step_block(&text, step["text"].as_str().unwrap());
    let first_words: String = find
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        block.contains("Local route, not filled in yet:") && block.contains(&first_words),
        "{block}"
    );
    let nl = stdout(&[
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
        "--lang",
        "nl",
    ]);
    assert!(nl.contains("Lokale route, nog in te vullen:"), "{nl}");
}

#[test]
fn filling_a_slot_without_its_own_source_and_review_date_warns() {
    let dir = tempfile::tempdir().unwrap();
    let file = init(dir.path(), "en");
    fill_oov(&file, false);
    let (code, report) = check(&[&file]);
    assert_eq!(code, Some(0), "a warning alone does not fail check");
    let w010: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "W010")
        .collect();
    assert_eq!(w010.len(), 1, "{report:#}");
    // It points into the overlay, at the patch that filled the slot.
    assert_eq!(w010[0]["file"], file.to_str().unwrap());
    assert!(
        w010[0]["message"]
            .as_str()
            .unwrap()
            .contains("gemeente-oov")
    );
    assert!(w010[0]["message"].as_str().unwrap().contains("`source`"));
    wegwijs()
        .args(["check", "--deny-warnings"])
        .arg(&file)
        .assert()
        .code(1);
}

#[test]
fn contact_details_on_a_slot_in_a_base_graph_are_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    let mut graph: Value =
        serde_json::from_str(&std::fs::read_to_string("rules/default.json").unwrap()).unwrap();
    let oov = graph["partners"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "gemeente-oov")
        .unwrap();
    oov["contact"] = j!({"website": "https://gemeente.example/"});
    write(&base, &graph);
    let (_, report) = check(&[&base]);
    assert!(codes(&report).contains(&"W011".to_owned()), "{report:#}");
    // The slot is then shown like any national entry, and no longer listed as open.
    let n002 = codes(&report).iter().filter(|c| *c == "N002").count();
    assert_eq!(n002, slot_ids(&[]).len() - 1);
}

#[test]
fn the_built_in_graph_reports_each_open_slot_as_a_note() {
    let (code, report) = check(&[]);
    assert_eq!(code, Some(0));
    assert!(!codes(&report).iter().any(|c| c == "W010" || c == "W011"));
    let open: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "N002")
        .collect();
    assert_eq!(open.len(), slot_ids(&[]).len());
    assert!(open.iter().all(|d| d["severity"] == "note"));
    for id in [
        "gemeente-oov",
        "zvh",
        "sociaal-wijkteam",
        "meldpunt-zorgwekkend-gedrag-lokaal",
        "leerplicht",
        "lokaal-netwerk",
    ] {
        assert!(slot_ids(&[]).contains(&id.to_owned()), "{id} is not a slot");
    }
}

#[test]
fn list_slots_names_every_slot_and_its_filler() {
    let open = json(&["list", "slots"]);
    for slot in open.as_array().unwrap() {
        assert_eq!(slot["state"], "open", "{slot}");
        assert!(slot.get("filled_by").is_none());
        assert!(!slot["find"].as_str().unwrap().is_empty());
    }
    let filled = json(&["--rules", VOORBEELD, "list", "slots"]);
    for slot in filled.as_array().unwrap() {
        assert_eq!(slot["state"], "overlay", "{slot}");
        assert_eq!(slot["filled_by"]["overlay"], "gemeente-voorbeeld");
        assert_eq!(slot["filled_by"]["version"], "2.0.0");
    }
    let text = stdout(&["--rules", VOORBEELD, "list", "slots"]);
    let blocks = slot_blocks(&text);
    let ids = slot_ids(&[VOORBEELD]);
    assert_eq!(blocks.len(), ids.len(), "{text}");
    for (id, block) in ids.iter().zip(&blocks) {
        assert!(block.starts_with(&format!("{id} (")), "{block}");
        assert!(block.contains("filled by: Gemeente Voorbeeld"), "{block}");
    }
    let dutch = stdout(&["list", "slots", "--lang", "nl"]);
    assert!(dutch.contains("open, zo vindt u het:"), "{dutch}");
}

#[test]
fn the_example_fills_every_slot_with_fictional_values_only() {
    let example = read(Path::new(VOORBEELD));
    for section in ["partners", "networks"] {
        for item in example[section].as_array().unwrap() {
            let name = item["name"]["nl"].as_str().unwrap_or_default();
            assert!(name.contains("fictief"), "{name}");
            assert_eq!(item["verified"], false, "{}", item["id"]);
            assert!(
                item["contact"].get("phone").is_none(),
                "no phone numbers, not even fake ones"
            );
            for field in ["website", "email"] {
                if let Some(v) = item["contact"][field].as_str() {
                    assert!(v.contains(".example"), "{v} is not obviously fictional");
                }
            }
        }
    }
    let (code, report) = check(&[Path::new(VOORBEELD)]);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(
        problems_in(&report, Path::new(VOORBEELD)),
        Vec::<String>::new()
    );
}

#[test]
fn markdown_and_the_page_say_which_overlay_a_local_entry_came_from() {
    let md = stdout(&[
        "--rules",
        VOORBEELD,
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("_Local details from: Gemeente Voorbeeld (FICTIONAL EXAMPLE), version 2.0.0 · reviewed 2026-11-29_"),
        "{md}"
    );
    let page = stdout(&["--rules", VOORBEELD, "export", "html"]);
    let start = page.find(r#"id="wegwijs-data">"#).unwrap() + r#"id="wegwijs-data">"#.len();
    let end = start + page[start..].find("</script>").unwrap();
    let data: Value = serde_json::from_str(&page[start..end]).unwrap();
    let oov = data["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "gemeente-oov")
        .unwrap();
    let by = &oov["local"]["filled_by"];
    assert_eq!(by["overlay"], "gemeente-voorbeeld");
    assert_eq!(by["version"], "2.0.0");
    assert_eq!(by["reviewed"], "2026-11-29");
    assert_eq!(by["name"]["nl"], "Gemeente Voorbeeld (FICTIEF VOORBEELD)");
    // Without the overlay the page carries the route to find the local party.
    let page = stdout(&["export", "html"]);
    assert!(
        page.contains(r#""local":{"find":"#),
        "open slots carry their find text"
    );
}
