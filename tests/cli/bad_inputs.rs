//! The bad-input table: every way a user or a file can be wrong, each with the exit code and the
//! words of the message that says what is wrong. Nothing may panic, hang, or reach the terminal
//! raw.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::wegwijs;
use crate::{deadline, external};

/// What the case's input file holds.
enum File {
    None,
    Text(String),
    Bytes(Vec<u8>),
    Dir,
}

struct Case {
    name: &'static str,
    file: File,
    /// Arguments; `{file}` is replaced by the input file's path.
    args: &'static [&'static str],
    stdin: Option<Vec<u8>>,
    code: i32,
    stdout: &'static [&'static str],
    stderr: &'static [&'static str],
}

fn minimal() -> String {
    std::fs::read_to_string("examples/minimal-rules.json").unwrap()
}

fn with(old: &str, new: &str) -> File {
    let text = minimal();
    assert!(text.contains(old), "{old}");
    File::Text(text.replacen(old, new, 1))
}

const PLAN: &[&str] = &[
    "--rules",
    "{file}",
    "plan",
    "-r",
    "youth-worker",
    "-c",
    "polarisation",
];
const CHECK: &[&str] = &["check", "{file}"];
const BUILTIN: &[&str] = &["plan", "-r", "teacher", "-c", "polarisation"];

fn cases() -> Vec<Case> {
    let case = |name,
                file,
                args,
                code,
                stdout: &'static [&'static str],
                stderr: &'static [&'static str]| Case {
        name,
        file,
        args,
        stdin: None,
        code,
        stdout,
        stderr,
    };
    let batch = |name,
                 input: &[u8],
                 code,
                 stdout: &'static [&'static str],
                 stderr: &'static [&'static str]| Case {
        name,
        file: File::None,
        args: &["batch"],
        stdin: Some(input.to_vec()),
        code,
        stdout,
        stderr,
    };
    let nested = format!("{}1{}", "{\"a\": ".repeat(10_000), "}".repeat(10_000));
    let nested_lists = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let ansi = minimal().replacen(
        "Discuss it in your team.",
        "Discuss \\u001b[31mit\\u001b[0m \\u0007 in \\u202e your team.",
        1,
    );
    vec![
        // Files that are not there or not text.
        case("missing rules file", File::None, &["--rules", "no/such/file.json", "plan", "-r", "x", "-c", "y"], 2, &[], &["cannot read rule file no/such/file.json", "file not found"]),
        case("a directory as rules file", File::Dir, PLAN, 2, &[], &["cannot read rule file", "it is a directory"]),
        case("empty rules file", File::Text(String::new()), CHECK, 1, &["error[E001]", "EOF while parsing", ":1:1"], &[]),
        case("whitespace-only rules file", File::Text("  \n\n ".into()), CHECK, 1, &["error[E001]", "EOF while parsing"], &[]),
        case("invalid UTF-8", File::Bytes(b"{\"id\": \"caf\xe9\"}".to_vec()), CHECK, 1, &["error[E008]", "not UTF-8 text (invalid byte at offset 11)"], &[]),
        case("a UTF-8 byte-order mark is accepted", File::Text(format!("\u{feff}{}", minimal())), PLAN, 0, &["Referral plan: Youth worker"], &[]),
        case("NUL bytes", File::Bytes(b"{\"schema_version\": 1,\0\0}".to_vec()), CHECK, 1, &["error[E001]"], &[]),
        case("JSON objects nested 10 000 deep", File::Text(nested), CHECK, 1, &["error[E001]", "recursion limit exceeded"], &[]),
        case("JSON lists nested 10 000 deep", File::Text(nested_lists), CHECK, 1, &["error[E002]", "a rule file holds one JSON object"], &[]),
        case("truncated JSON", with("\"nodes\": [", "\"nodes\": [ {\"id\": "), CHECK, 1, &["error[E001]"], &[]),
        case("a trailing comma", with("\"start\": \"start\",", "\"start\": \"start\",,"), CHECK, 1, &["error[E001]", "key must be a string"], &[]),
        case("a comment in JSON", with("{\n", "{\n  // a comment\n"), CHECK, 1, &["error[E001]", ":2:3"], &[]),
        case("an array instead of an object", File::Text("[1, 2]".into()), CHECK, 1, &["error[E002]", "a rule file holds one JSON object"], &[]),
        case("a number where a string belongs", with("\"id\": \"voorbeeld-minimaal\"", "\"id\": 5"), CHECK, 1, &["error[E002]", "`id` must be a string, not 5", "(id)"], &[]),
        case("a string where a number belongs", with("\"priority\": 10", "\"priority\": \"10\""), CHECK, 1, &["error[E002]", "`priority` must be a whole number from 0 to 65535, not \"10\"", "nodes[2].add[0].priority"], &[]),
        case("a priority out of range", with("\"priority\": 10", "\"priority\": 70000"), CHECK, 1, &["error[E002]", "70000"], &[]),
        case("a negative priority", with("\"priority\": 10", "\"priority\": -1"), CHECK, 1, &["error[E002]", "-1"], &[]),
        case("an impossible date", with("\"reviewed\": \"2026-11-29\"", "\"reviewed\": \"2026-02-30\""), CHECK, 1, &["error[E002]", "`2026-02-30` is not a date of the form YYYY-MM-DD"], &[]),
        case("duplicate object keys", with("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"2\","), CHECK, 1, &["error[E007]", "`version` appears twice"], &[]),
        case("an unknown field", with("\"next\": \"plan\" }", "\"nxet\": \"plan\" }"), CHECK, 1, &["error[E004]", "unknown field `nxet`", "did you mean `next`?"], &[]),
        case("a missing required field", with("\"start\": \"start\",", ""), CHECK, 1, &["error[E003]", "`start` is missing"], &[]),
        case("a wrong schema_version", with("\"schema_version\": 1", "\"schema_version\": 7"), CHECK, 1, &["error[E005]", "schema_version 7 is not supported"], &[]),
        case("an unknown recommendation kind", with("\"kind\": \"partner\"", "\"kind\": \"partners\""), CHECK, 1, &["error[E006]", "expected `partner`"], &[]),
        case("an id with capitals and spaces", with("\"id\": \"talk-to-team\"", "\"id\": \"Talk to team\""), CHECK, 1, &["error[E011]"], &[]),
        case("duplicate ids", with("{ \"id\": \"stay-open\"", "{ \"id\": \"stay-open\", \"text\": { \"nl\": \"x\", \"en\": \"x\" } },\n    { \"id\": \"stay-open\""), CHECK, 1, &["error[E010]", "`stay-open` is used more than once"], &[]),
        case("a dangling id", with("\"next\": \"plan\" }", "\"next\": \"plna\" }"), CHECK, 1, &["error[E012]", "there is no node with id `plna`", "did you mean `plan`?"], &[]),
        case("a cycle", with("\"no\": \"plan\" }", "\"no\": \"start\" }"), CHECK, 1, &["error[E015]", "start -> start"], &[]),
        case("an empty role list", with("\"roles\": [", "\"roles\": [], \"x-roles\": ["), CHECK, 1, &["error[E004]"], &[]),
        case("no roles at all", File::Text(minimal().replace("\"aliases\": [\"jongerenwerker\"]", "\"aliases\": []").replacen("\"roles\": [\n    {\n      \"id\": \"youth-worker\",\n      \"label\": { \"nl\": \"Jongerenwerker\", \"en\": \"Youth worker\" },\n      \"description\": { \"nl\": \"Werkt met jongeren.\", \"en\": \"Works with young people.\" },\n      \"aliases\": []\n    }\n  ]", "\"roles\": []", 1)), CHECK, 1, &["error[E021]", "`roles` must not be empty"], &[]),
        case("a broken file stops plan with its diagnostics", with("\"next\": \"plan\" }", "\"next\": \"plna\" }"), PLAN, 1, &[], &["error[E012]", ":68:93 (nodes[1].next)"]),
        // Text that must never reach a terminal raw.
        case("escape sequences in a text, as text", File::Text(ansi.clone()), PLAN, 0, &["Discuss \\u{1b}[31mit\\u{1b}[0m \\u{7} in \\u{202e} your team."], &[]),
        case("escape sequences in a text, as JSON", File::Text(ansi.clone()), &["--rules", "{file}", "plan", "-r", "youth-worker", "-c", "polarisation", "--format", "json"], 0, &["Discuss \\u001b[31mit\\u001b[0m \\u0007 in \u{202e} your team."], &[]),
        case("escape sequences in a text, as Markdown", File::Text(ansi.clone()), &["--rules", "{file}", "plan", "-r", "youth-worker", "-c", "polarisation", "--format", "markdown"], 0, &["\\\\u{1b}\\[31mit"], &[]),
        case("escape sequences in a text, warned by check", File::Text(ansi), CHECK, 0, &["warning[W006]", "steps[1].text.en"], &[]),
        // Queries a user types.
        case("an unknown role", File::None, &["plan", "-r", "youth-wroker", "-c", "polarisation"], 2, &[], &["unknown role `youth-wroker`; did you mean `youth-worker`?"]),
        case("an unknown concern", File::None, &["plan", "-r", "teacher", "-c", "radicalism"], 2, &[], &["unknown concern `radicalism`", "`radicalisation`"]),
        case("an unknown question", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "danger-now=yes"], 2, &[], &["unknown question `danger-now`"]),
        case("an unknown option", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "acute-danger=perhaps"], 2, &[], &["unknown answer to acute-danger: `perhaps`", "choose `yes` or `no`"]),
        case("an answer without =", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "acute-danger"], 2, &[], &["is not an answer; write QUESTION=OPTION"]),
        case("two different answers to one question", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "acute-danger=yes", "-a", "acute-danger=no"], 2, &[], &["answered twice: `yes` and `no`"]),
        case("the same answer twice is fine", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "acute-danger=no", "-a", "acuut-gevaar=nee"], 0, &["Referral plan"], &[]),
        case("an answer off the path is listed, not used", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "-a", "travel=plans"], 0, &["Not used on this path: travel=plans"], &[]),
        case("an unknown --lang", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "--lang", "fr"], 2, &[], &["invalid value 'fr'", "possible values: nl, en"]),
        case("a --format typo", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "--format", "josn"], 2, &[], &["invalid value 'josn'", "json"]),
        case("an unknown subcommand", File::None, &["pla"], 2, &[], &["unrecognized subcommand 'pla'", "plan"]),
        case("a missing --role", File::None, &["plan", "-c", "polarisation"], 2, &[], &["--role"]),
        case("an impossible --today", File::None, &["--today", "2026-13-01", "check"], 2, &[], &["`2026-13-01` is not a date"]),
        case("a negative --max-age-days", File::None, &["check", "--max-age-days", "-5"], 2, &[], &["unexpected argument '-5'"]),
        case("an overlay for another graph", File::Text(r#"{"schema_version": 1, "overlay": "x", "extends": "other", "version": "1", "reviewed": "2026-11-29"}"#.into()), PLAN, 1, &[], &["error[E022]", "written for `other`"]),
        case("ask without a terminal", File::None, &["ask"], 2, &[], &["needs a terminal", "wegwijs plan"]),
        // Answers and test files.
        case("a missing answers file", File::None, &["plan", "-r", "teacher", "-c", "polarisation", "--answers", "no/answers.json"], 2, &[], &["answers file no/answers.json"]),
        case("a malformed answers file", File::Text("{\"acute-danger\": }".into()), &["plan", "-r", "teacher", "-c", "polarisation", "--answers", "{file}"], 2, &[], &["answers file", "line 1 column 18"]),
        case("an answers file with a number", File::Text("{\"acute-danger\": 1}".into()), &["plan", "-r", "teacher", "-c", "polarisation", "--answers", "{file}"], 2, &[], &["answers file", "line 1 column 18: `acute-danger` must be a string, not 1"]),
        case("a missing test file", File::None, &["test", "no/tests.json"], 2, &[], &["cannot read test file no/tests.json"]),
        // batch
        batch("batch with a bad line among good ones", b"{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n{\"role\":\"teacher\"}\n{\"role\":\"teacher\",\"concern\":\"exit\"}\n", 1, &["\"concern\":{\"id\":\"polarisation\"", "{\"line\":2,\"error\":{\"kind\":\"json\",\"message\":\"concern is required, in the line or in its answers", "\"concern\":{\"id\":\"exit-support\""], &[]),
        batch("batch with an invalid UTF-8 line", b"{\"role\":\"te\xffcher\",\"concern\":\"polarisation\"}\n{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n", 1, &["{\"line\":1,\"error\":{\"kind\":\"json\"", "\"role\":{\"id\":\"teacher\""], &[]),
        batch("batch with no input", b"", 0, &[], &[]),
        batch("batch with a query that is not an object", b"[\"teacher\"]\n", 1, &["{\"line\":1,\"error\":{\"kind\":\"json\""], &[]),
        case("plain text when not a terminal", File::None, BUILTIN, 0, &["Referral plan: Teacher or school staff"], &[]),
    ]
}

/// The codes FORMAT.md documents for reading a file, before any rule is looked at: the ones
/// numbered below E010 (JSON, types, fields, version, fixed sets, duplicate keys, unreadable or
/// non-UTF-8 files).
fn reading_codes() -> Vec<String> {
    let doc = std::fs::read_to_string("rules/FORMAT.md").unwrap();
    let codes: Vec<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| E"))
        .filter_map(|l| l.get(..3)?.parse::<u16>().ok())
        .filter(|n| *n < 10)
        .map(|n| format!("E{n:03}"))
        .collect();
    assert!(codes.len() >= 8, "FORMAT.md's code table moved: {codes:?}");
    codes
}

/// A new way for a file to be unreadable (a code in FORMAT.md) or a part of a query that can
/// be wrong needs its row in the table; so does each place input comes from.
#[test]
fn the_table_covers_every_file_reading_code_and_every_part_of_a_query() {
    let cases = cases();
    let expects = |word: &str| {
        cases
            .iter()
            .any(|c| c.stdout.iter().chain(c.stderr).any(|w| w.contains(word)))
    };
    for code in reading_codes() {
        assert!(expects(&format!("[{code}]")), "no bad input yields {code}");
    }
    for wrong in [
        "unknown role",
        "unknown concern",
        "unknown question",
        "unknown answer",
        "is not an answer",
        "answered twice",
        "invalid value",
        "unrecognized subcommand",
    ] {
        assert!(expects(wrong), "no bad input yields {wrong:?}");
    }
    for (source, found) in [
        ("--rules", cases.iter().any(|c| c.args.contains(&"--rules"))),
        (
            "--answers",
            cases.iter().any(|c| c.args.contains(&"--answers")),
        ),
        ("a test file", cases.iter().any(|c| c.args[0] == "test")),
        ("batch's stdin", cases.iter().any(|c| c.stdin.is_some())),
    ] {
        assert!(found, "no bad input through {source}");
    }
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "two rows share a name");
}

#[test]
fn every_bad_input_gets_its_exit_code_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (i, case) in cases().into_iter().enumerate() {
        let path = dir.path().join(format!("case-{i}.json"));
        match &case.file {
            File::None => {}
            File::Text(t) => std::fs::write(&path, t).unwrap(),
            File::Bytes(b) => std::fs::write(&path, b).unwrap(),
            File::Dir => std::fs::create_dir(&path).unwrap(),
        }
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| a.replace("{file}", path.to_str().unwrap()))
            .collect();
        let mut cmd = wegwijs();
        cmd.args(&args);
        if let Some(input) = &case.stdin {
            cmd.write_stdin(input.clone());
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = Vec::new();
        if out.status.code() != Some(case.code) {
            problems.push(format!(
                "exit code {:?}, expected {}",
                out.status.code(),
                case.code
            ));
        }
        for word in case.stdout {
            if !stdout.contains(word) {
                problems.push(format!("stdout lacks {word:?}"));
            }
        }
        for word in case.stderr {
            if !stderr.contains(word) {
                problems.push(format!("stderr lacks {word:?}"));
            }
        }
        if stderr.contains("panicked") || stdout.contains('\u{1b}') || stderr.contains('\u{1b}') {
            problems.push("a panic or a raw escape sequence".into());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n  stdout: {}\n  stderr: {}",
                case.name,
                problems.join("; "),
                stdout.trim(),
                stderr.trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Builds a 300 000-node graph and 50 MB of garbage: a minute in a debug build, so it runs in
/// release from `.ci/run` (`cargo test --release --locked --test cli -- --ignored`).
#[test]
#[ignore = "writes 100 MB of files; run in release with --ignored"]
fn a_50_megabyte_graph_is_checked_and_50_megabytes_of_garbage_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    let graph = wegwijs::synth::generate(&wegwijs::synth::SynthOptions::with_nodes(300_000, 3));
    std::fs::write(&big, serde_json::to_vec(&graph).unwrap()).unwrap();
    assert!(big.metadata().unwrap().len() > 50_000_000);
    wegwijs()
        .arg("check")
        .arg(&big)
        .assert()
        .success()
        .stdout("0 errors, 0 warnings, 0 notes (1 file)\n");
    let garbage = dir.path().join("garbage.json");
    let mut text = String::from("{\"nodes\": [");
    text.push_str(&"{\"id\": \"x\"}, ".repeat(4_000_000));
    text.push_str("oops]}");
    std::fs::write(&garbage, text).unwrap();
    wegwijs()
        .arg("check")
        .arg(&garbage)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error[E001]"));
}

/// A full disk while writing the plan is an output error (exit 3), said once.
#[test]
fn a_full_disk_for_stdout_is_exit_3() {
    if !external::dev_full() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["plan", "-r", "teacher", "-c", "learn-share"])
        .stdin(Stdio::null())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = deadline::finish(child, "wegwijs plan onto /dev/full");
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no space left on device"), "{stderr}");
}

/// `--save-answers` to a full disk, in a real terminal: the plan is shown, then the write fails
/// with exit code 3 and a message naming the file.
#[test]
fn save_answers_to_a_full_disk_is_exit_3() {
    if !external::dev_full() {
        return;
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    cmd.args([
        "ask",
        "--lang",
        "en",
        "--answers",
        "examples/answers.json",
        "--save-answers",
        "/dev/full",
    ])
    .env("TERM", "xterm")
    .env("NO_COLOR", "1");
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).unwrap();
    for (prompt, keys) in [
        ("Is anyone in acute danger right now", "no\r"),
        ("What is your role?", "teacher\r"),
        ("What are you worried about", "radical\r"),
        ("Your answers.", "\r"),
    ] {
        p.exp_string(prompt).unwrap();
        p.exp_string("\x1b[?25h").unwrap();
        p.send(keys).unwrap();
        p.flush().unwrap();
    }
    p.exp_string("Referral plan").unwrap();
    p.exp_string("cannot write answers to /dev/full").unwrap();
    p.exp_eof().unwrap();
    let status = deadline::ended(&mut p);
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 3)),
        "{status:?}"
    );
}

/// Closing the pipe early is not an error: `wegwijs plan | head -1`, `wegwijs batch | head`.
#[test]
fn closed_pipes_end_quietly() {
    for (args, input) in [
        (vec!["plan", "-r", "teacher", "-c", "learn-share"], None),
        (vec!["list", "partners"], None),
        (
            vec!["batch"],
            Some(b"{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n".repeat(2000)),
        ),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        if let Some(input) = input {
            let _ = stdin.write_all(&input);
        }
        drop(stdin);
        let out = deadline::finish(child, &format!("{args:?} with its reader gone"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
