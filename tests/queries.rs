//! What a user asks, and what comes back when it is wrong: answers files, batch lines, unknown
//! ids and the values that messages repeat.

mod common;

use common::wegwijs;
use predicates::prelude::*;
use serde_json::Value;

/// Regression (issue 14.8): errors echoed input of any length; a 50 MB answer came back as one
/// 50 MB line. Every message now quotes at most a line of a value.
#[test]
fn long_values_are_cut_in_every_message() {
    // One argument may hold at most 128 KiB; files and stdin take the full megabyte.
    let arg = "x".repeat(100_000);
    let long = "x".repeat(1_000_000);
    let bounded = |out: &[u8]| {
        let text = String::from_utf8_lossy(out);
        let start: String = text.chars().take(200).collect();
        assert!(text.len() < 2_000, "{} bytes: {start}", text.len());
        assert!(text.contains("…"), "{text}");
    };
    for lang in ["en", "nl"] {
        // An answer, a role, a question and a malformed --answer on the command line.
        for args in [
            vec!["-r", "teacher", "--answer", &*format!("acute-danger={arg}")],
            vec!["-r", &*arg],
            vec!["-r", "teacher", "--answer", &*format!("{arg}=yes")],
            vec!["-r", "teacher", "--answer", &*arg],
        ] {
            let out = wegwijs()
                .args(["plan", "-c", "polarisation", "--lang", lang])
                .args(&args)
                .assert()
                .code(2);
            bounded(&out.get_output().stderr);
        }
        // A batch line.
        let line = format!(
            "{{\"role\": 7, \"concern\": \"{long}\"}}\n{{\"role\": \"{long}\", \"concern\": \"x\"}}\n"
        );
        let out = wegwijs()
            .args(["batch", "--lang", lang])
            .write_stdin(line)
            .assert()
            .code(1);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].len() < 2_000, "{}", lines[0].len());
        bounded(lines[1].as_bytes());
    }
    // A rule file with a long dangling id.
    let graph = std::fs::read_to_string("examples/minimal-rules.json")
        .unwrap()
        .replacen("\"start\": \"start\"", &format!("\"start\": \"{long}\""), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-id.json");
    std::fs::write(&path, graph).unwrap();
    let out = wegwijs().arg("check").arg(&path).assert().code(1);
    bounded(&out.get_output().stdout);
}

/// Regression (issue 14.10): an unknown answer suggested a one-letter alias
/// (`acute-danger=maybe` → "did you mean `y`?", `jaa` → `j`). Ids come first, an alias only
/// when it is closer than every id, and with nothing close the valid options are listed.
#[test]
fn unknown_answers_suggest_ids_or_list_the_options() {
    for (lang, answer, expected) in [
        (
            "en",
            "maybe",
            "unknown answer to acute-danger: `maybe`; choose `yes` or `no`",
        ),
        (
            "nl",
            "maybe",
            "onbekend antwoord op acute-danger: `maybe`; kies uit `yes` of `no`",
        ),
        (
            "nl",
            "jaa",
            "onbekend antwoord op acute-danger: `jaa`; bedoelde u `ja`?",
        ),
        (
            "en",
            "yess",
            "unknown answer to acute-danger: `yess`; did you mean `yes`?",
        ),
    ] {
        wegwijs()
            .args([
                "plan",
                "-r",
                "teacher",
                "-c",
                "polarisation",
                "--lang",
                lang,
            ])
            .args(["--answer", &format!("acute-danger={answer}")])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(expected));
    }
}
