//! What a user asks, and what comes back when it is wrong: answers files, batch lines, unknown
//! ids and the values that messages repeat.

use crate::common::wegwijs;
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
            "onbekend antwoord op acute-danger: `maybe`; kies uit `ja` of `nee`",
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

/// Regression (issue 14.11): `ask --save-answers` writes `role` and `concern`, but
/// `plan --answers` ignored them and still demanded the flags, and a file naming a role that
/// does not exist was accepted silently. One answers format for `ask`, `plan` and `batch`: the
/// file's role and concern are used, flags (or a batch line's fields) override them, and an
/// unknown id is an error with the valid choices.
#[test]
fn one_answers_format_for_plan_ask_and_batch() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.json");
    std::fs::write(
        &saved,
        r#"{"role": "teacher", "concern": "radicalisation", "case-stage": "concrete"}"#,
    )
    .unwrap();
    let plan = |extra: &[&str]| -> Value {
        let out = wegwijs()
            .args(["plan", "--format", "json", "--answers"])
            .arg(&saved)
            .args(extra)
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    };
    let p = plan(&[]);
    assert_eq!(p["role"]["id"], "teacher");
    assert_eq!(p["concern"]["id"], "radicalisation");
    assert_eq!(p["answers"]["case-stage"], "concrete");
    let p = plan(&["--concern", "polarisation"]);
    assert_eq!(p["role"]["id"], "teacher");
    assert_eq!(p["concern"]["id"], "polarisation");

    // The same object as a batch line's answers, with and without the line's own fields.
    let lines = r#"{"id": "a", "answers": {"role": "teacher", "concern": "radicalisation", "case-stage": "concrete"}}
{"id": "b", "concern": "polarisation", "answers": {"role": "teacher", "concern": "radicalisation"}}
"#;
    let out = wegwijs().arg("batch").write_stdin(lines).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let answers: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers[0]["concern"]["id"], "radicalisation");
    assert_eq!(answers[1]["concern"]["id"], "polarisation");

    // Unknown ids in the file are errors, in both languages, even when a flag overrides them.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"role": "teachr", "concern": "polarisation"}"#).unwrap();
    for (lang, words) in [
        ("en", "unknown role `teachr`; did you mean `teacher`?"),
        (
            "nl",
            "onbekende rol `teachr`; bedoelde u `docent` of `teacher`?",
        ),
    ] {
        for extra in [&[][..], &["--role", "teacher"]] {
            wegwijs()
                .args(["plan", "--lang", lang, "--answers"])
                .arg(&bad)
                .args(extra)
                .assert()
                .code(2)
                .stderr(predicates::str::contains(words));
        }
    }
    // Neither flag nor file: the flag is asked for.
    wegwijs()
        .args(["plan", "--concern", "polarisation"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--role is required"));
}

/// Regression (issue 14.17): a batch answer could be matched to its query only by counting
/// lines, and bad lines got serde's words (`invalid type: integer 1, expected a string`). A
/// query may carry an `id`, echoed in its plan or error, and errors speak of the query.
#[test]
fn batch_echoes_ids_and_explains_bad_lines_in_its_own_words() {
    let input = r#"{"id": "first", "role": "teacher", "concern": "polarisation"}

{"id": 7, "role": 1, "concern": "polarisation"}
{"id": "c", "role": "teacher", "concern": "polarisation", "answers": {"acute-danger": true}}
{"id": "d", "role": "teacher", "concern": "polarisation", "colour": "red"}
{"id": "e", "concern": "polarisation"}
not json
"#;
    let out = wegwijs()
        .args(["batch", "--lang", "en"])
        .write_stdin(input)
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[0]["concern"]["id"], "polarisation");
    let errors: Vec<(Value, Value, &str)> = lines[1..]
        .iter()
        .map(|l| {
            (
                l["line"].clone(),
                l["id"].clone(),
                l["error"]["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3.into(), 7.into(), "role must be a string"),
            (
                4.into(),
                "c".into(),
                "the answer to `acute-danger` must be a string (an option id)"
            ),
            (
                5.into(),
                "d".into(),
                "unknown field `colour`; a query has `role`, `concern`, `answers`, `lang`, `explain` and `id`"
            ),
            (
                6.into(),
                "e".into(),
                "role is required, in the line or in its answers"
            ),
            (
                7.into(),
                Value::Null,
                "not a query: the line is not JSON (expected ident)"
            ),
        ]
    );
    assert!(!stdout.contains("invalid type"), "{stdout}");
    let out = wegwijs()
        .args(["batch", "--lang", "nl"])
        .write_stdin(r#"{"id": "x", "role": 1, "concern": "polarisation"}"#)
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("role moet een tekst zijn"));
}

/// Regression (issue 14, docs): the README said the privacy test reads `cargo metadata` (it runs
/// `cargo tree`), showed a `batch` example that exits 1 without saying so, and its exit-code
/// table left a failing rule test out of code 1.
#[test]
fn the_readme_says_what_the_tests_and_examples_do() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let privacy = std::fs::read_to_string("tests/cli/privacy.rs").unwrap();
    assert!(privacy.contains("\"tree\""));
    assert!(readme.contains("dependency tree from `cargo tree`"));
    assert!(!readme.contains("from `cargo metadata`"));

    let example = "wegwijs batch < examples/batch-queries.jsonl";
    let at = readme.find(example).unwrap();
    let before = &readme[readme[..at].rfind("\n\n").unwrap()..at];
    assert!(before.contains("exits with code 1"), "{before}");
    let input = std::fs::read("examples/batch-queries.jsonl").unwrap();
    wegwijs().arg("batch").write_stdin(input).assert().code(1);

    let row = readme.lines().find(|l| l.starts_with("| 1 |")).unwrap();
    assert!(row.contains("rule test"), "{row}");
    wegwijs()
        .args(["test", "tests/fixtures/ruletests/deliberately-wrong.json"])
        .assert()
        .code(1);
}
