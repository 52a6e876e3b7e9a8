//! The shipped rule files: the built-in graph and the documented example are sound, and the
//! documentation shows the example as it is.

use crate::common::wegwijs;

#[test]
fn the_built_in_graph_checks_clean_with_deny_warnings() {
    // Notes only: unverified entries with a caveat (N001) and open local slots (N002). No
    // source page is older than the default limit before its entry's review (W009).
    for args in [
        &["check", "--deny-warnings"][..],
        &["check", "--deny-warnings", "rules/default.json"][..],
    ] {
        wegwijs().args(args).assert().success().stdout(
            predicates::str::is_match(r"\n0 errors, 0 warnings, \d+ notes \(1 file\)\n$").unwrap(),
        );
    }
}

#[test]
fn the_built_in_graph_leaves_exactly_the_six_local_slots_open() {
    let out = wegwijs().arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let open: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("note[N002]"))
        .collect();
    assert_eq!(open.len(), 6, "{text}");
    for slot in [
        "`gemeente-oov`",
        "`zvh`",
        "`sociaal-wijkteam`",
        "`meldpunt-zorgwekkend-gedrag-lokaal`",
        "`leerplicht`",
        "`lokaal-netwerk`",
    ] {
        assert!(open.iter().any(|l| l.contains(slot)), "{slot}: {text}");
    }
}

#[test]
fn the_minimal_example_checks_clean() {
    wegwijs()
        .args(["check", "--deny-warnings", "examples/minimal-rules.json"])
        .assert()
        .success()
        .stdout("0 errors, 0 warnings, 0 notes (1 file)\n");
}

#[test]
fn format_doc_shows_the_minimal_example_verbatim() {
    let doc = std::fs::read_to_string("rules/FORMAT.md").unwrap();
    let example = std::fs::read_to_string("examples/minimal-rules.json").unwrap();
    let marker = "## A complete small example";
    let section = &doc[doc.find(marker).expect("example section")..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let end = section[start..].find("```").unwrap() + start;
    assert_eq!(&section[start..end], example);
}

#[test]
fn every_diagnostic_code_is_documented() {
    let doc = std::fs::read_to_string("rules/FORMAT.md").unwrap();
    let source = std::fs::read_to_string("src/diagnostic/mod.rs").unwrap();
    let codes: Vec<&str> = source
        .match_indices("=> \"")
        .map(|(i, _)| &source[i + 4..i + 8])
        .filter(|c| c.chars().skip(1).all(|ch| ch.is_ascii_digit()))
        .collect();
    assert!(codes.len() >= 25, "{codes:?}");
    for code in codes {
        assert!(
            doc.contains(&format!("| {code} |")),
            "{code} is not in rules/FORMAT.md"
        );
    }
}
