//! `wegwijs list`: what a user can type.

use crate::common::{json, stdout};

#[test]
fn roles_show_ids_labels_and_aliases() {
    let text = stdout(&["list", "roles"]);
    let line = text
        .lines()
        .find(|l| l.starts_with("youth-worker "))
        .expect("youth-worker line");
    assert!(line.contains("Youth worker"), "{text}");
    assert!(text.contains("aliases: jongerenwerker"), "{text}");
    for role in [
        "police-officer",
        "social-worker",
        "teacher",
        "youth-care-worker",
        "municipal-officer",
        "volunteer",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(role)),
            "{role} missing:\n{text}"
        );
    }
}

#[test]
fn concerns_in_dutch() {
    let text = stdout(&["list", "concerns", "--lang", "nl"]);
    assert!(text.contains("Radicalisering"), "{text}");
    assert!(text.contains("ook: radicalisering"), "{text}");
}

#[test]
fn questions_show_options_assumptions_and_the_safety_mark() {
    let text = stdout(&["list", "questions"]);
    assert!(text.starts_with("acute-danger"), "{text}");
    assert!(text.contains("safety question, always first"), "{text}");
    assert!(text.contains("  no"), "{text}");
    assert!(text.contains("(assumed when not given)"), "{text}");
    let data = json(&["list", "questions"]);
    assert_eq!(data[0]["id"], "acute-danger");
    assert_eq!(data[0]["safety"], true);
    assert_eq!(data[0]["assume"], "no");
    assert_eq!(data[0]["options"][0]["id"], "yes");
}

#[test]
fn every_catalog_can_be_listed_as_json() {
    for (what, id) in [
        ("partners", "lse"),
        ("trainings", "omgaan-met-extreme-idealen"),
        ("resources", "idealen-op-drift"),
        ("networks", "lokaal-netwerk"),
        ("steps", "call-112"),
        ("advice", "notice-signs"),
    ] {
        let data = json(&["list", what]);
        let ids: Vec<&str> = data
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&id), "{what}: {ids:?}");
    }
}
