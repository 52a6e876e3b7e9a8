//! With `--lang nl`, the sentences wegwijs writes itself are Dutch: errors about files, batch
//! lines, serde's complaints about a rule file, and the output of `wegwijs test` (issue 15).

use crate::common::wegwijs;
use predicates::prelude::*;
use std::io::Write;
use std::process::Stdio;

#[test]
fn a_missing_rules_file_is_not_found_in_dutch() {
    wegwijs()
        .args(["--lang", "nl", "--rules", "nosuch.json", "plan"])
        .args(["-r", "teacher", "-c", "polarisation"])
        .assert()
        .code(2)
        .stderr("fout: kan regelbestand nosuch.json niet lezen: bestand niet gevonden\n");
}

#[test]
fn a_batch_line_that_is_not_json_is_explained_in_dutch() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["--lang", "nl", "batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"role\": \"teacher\"\n{\"role\": \"teacher\", \"concern\": 1}\n")
        .unwrap();
    drop(stdin);
    let out = crate::deadline::finish(child, "batch");
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["error"]["message"],
        "geen vraag: de regel is geen JSON (de tekst houdt op binnen een object `{ … }`)"
    );
    assert_eq!(lines[1]["error"]["message"], "concern moet een tekst zijn");
}

#[test]
fn a_word_for_a_number_is_e002_in_dutch() {
    let fixture = std::fs::read_to_string("tests/fixtures/check/E002-wrong-type.json").unwrap();
    assert!(fixture.contains("\"priority\": \"high\""));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoog.json");
    std::fs::write(
        &path,
        fixture.replace("\"priority\": \"high\"", "\"priority\": \"hoog\""),
    )
    .unwrap();
    wegwijs()
        .args(["--lang", "nl", "check"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "fout[E002]: `priority` moet een heel getal van 0 tot en met 65535 zijn, niet \"hoog\"",
        ))
        .stdout(predicate::str::contains("invalid").not())
        .stdout(predicate::str::contains(
            "1 fout, 0 waarschuwingen, 0 opmerkingen (1 bestand)",
        ));
}

#[test]
fn rule_tests_report_in_dutch() {
    let out = wegwijs()
        .args([
            "--lang",
            "nl",
            "test",
            "tests/fixtures/ruletests/deliberately-wrong.json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("FOUT  tests/fixtures/ruletests/deliberately-wrong.json: "),
        "{out}"
    );
    assert!(out.contains("      ontbreekt: step:call-112"), "{out}");
    assert!(
        out.contains("      acuut: verwacht true, kreeg false"),
        "{out}"
    );
    assert!(
        out.contains("er is geen partner met deze id; bedoelde u `forsa`?"),
        "{out}"
    );
    assert!(
        out.ends_with("1 geslaagd, 3 mislukt (1 bestand)\n"),
        "{out}"
    );
    for english in ["FAIL", "missing:", "passed", "failed"] {
        assert!(!out.contains(english), "{english} in {out}");
    }
}

#[test]
fn the_review_worksheet_says_undated_pages_in_dutch() {
    let nl = crate::common::stdout(&["--lang", "nl", "review"]);
    assert!(nl.contains("(pagina zonder datum)"), "{nl}");
    assert!(!nl.contains("undated"), "{nl}");
    let en = crate::common::stdout(&["--lang", "en", "review"]);
    assert!(en.contains("(page undated)"), "{en}");
}
