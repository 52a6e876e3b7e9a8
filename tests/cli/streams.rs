//! Where output goes and where input comes from: a full disk, a closed pipe, stdin, a FIFO,
//! files that cannot be read. Every command, `--help` and `--version` included, must exit 3
//! when stdout cannot be written, 0 when its reader left, and read each input exactly once.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common;
use crate::common::wegwijs;
use crate::{deadline, external};
use predicates::prelude::*;
use serde_json::Value;

/// Every kind of thing a person can ask wegwijs to print, one command line each.
const EVERY_OUTPUT: &[&[&str]] = &[
    &["--help"],
    &["--version"],
    &["-V"],
    &["plan", "--help"],
    &["help", "plan"],
    &["plan", "-r", "teacher", "-c", "learn-share"],
    &["list", "partners"],
    &["check"],
    &["check", "--format", "json"],
    &["test", "rules/tests/acute-danger.json"],
    &["graph"],
    &["export", "html"],
    &["schema", "plan"],
    &["completions", "bash"],
    &["completions", "zsh"],
    &["completions", "fish"],
    &["man"],
    &["review"],
    &["diff", "tests/fixtures/previous-release/default.json"],
];

/// Regression: `--help`, `--version` and `completions` exited 0 (or panicked, exit 101) when
/// stdout was a full disk, because clap and clap_complete wrote and ignored or unwrapped the
/// error themselves.
#[test]
fn every_command_exits_3_on_a_full_disk() {
    if !external::dev_full() {
        return;
    }
    for args in EVERY_OUTPUT {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .args(*args)
            .env("WEGWIJS_TODAY", common::TODAY)
            .stdin(Stdio::null())
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = deadline::finish(child, &format!("{args:?} onto /dev/full"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(
            stderr.contains("no space left on device"),
            "{args:?}: {stderr}"
        );
        // Every command says what it was doing, in the same words (JSON errors alike).
        assert!(stderr.contains("writing output"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Regression: `completions` panicked with a backtrace when its reader closed the pipe.
#[test]
fn every_command_ends_quietly_when_its_reader_leaves() {
    for args in EVERY_OUTPUT {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .args(*args)
            .env("WEGWIJS_TODAY", common::TODAY)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = deadline::finish(child, &format!("{args:?} with its reader gone"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// Regression: with `--format json`, clap's own argument errors (a missing `--concern`, a bad
/// `--lang`) were plain text on stderr, so a program reading the documented error object got
/// something else.
#[test]
fn argument_errors_of_json_commands_are_the_json_error_object() {
    for args in [
        &["plan", "--role", "teacher", "--format", "json"][..],
        &[
            "plan",
            "-r",
            "teacher",
            "-c",
            "polarisation",
            "--lang",
            "de",
            "-f",
            "json",
        ],
        &["--lang", "nl", "list", "nonsense", "--format=json"],
        &["check", "--max-age-days", "soon", "--format", "json"],
        &["batch", "--unknown-flag"],
        &["schema", "nothing"],
    ] {
        let out = wegwijs().args(args).assert().code(2).stdout("");
        let stderr = &out.get_output().stderr;
        let lines = String::from_utf8_lossy(stderr);
        assert_eq!(lines.lines().count(), 1, "{args:?}: {lines}");
        let v: Value = serde_json::from_slice(stderr).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(v["error"]["kind"], "usage", "{args:?}");
        assert_eq!(v["error"]["exit_code"], 2, "{args:?}");
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    // Without JSON, clap's text stays as it was.
    wegwijs()
        .args(["plan", "--role", "teacher", "--bogus"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: unexpected argument '--bogus'",
        ));
}

/// `--version` says which built-in rule graph the binary carries, so a plan can be traced to
/// the graph that made it.
#[test]
fn version_names_the_built_in_graph() {
    let graph: Value =
        serde_json::from_str(&std::fs::read_to_string("rules/default.json").unwrap()).unwrap();
    for (lang, reviewed) in [("en", "reviewed"), ("nl", "beoordeeld op")] {
        let out = wegwijs()
            .args(["--version", "--lang", lang])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            text.starts_with(concat!("wegwijs ", env!("CARGO_PKG_VERSION"), "\n")),
            "{text}"
        );
        for field in ["id", "version"] {
            assert!(text.contains(graph[field].as_str().unwrap()), "{text}");
        }
        let date = graph["reviewed"].as_str().unwrap();
        assert!(text.contains(&format!("{reviewed} {date}")), "{text}");
    }
}

/// Regression: `check FILE` read each file twice (once to tell a graph from an overlay), so
/// `cat g.json | wegwijs check /dev/stdin` saw an empty second read and reported E001 at 1:1.
#[test]
fn check_reads_stdin_once() {
    let graph = std::fs::read("examples/minimal-rules.json").unwrap();
    wegwijs()
        .args(["check", "/dev/stdin"])
        .write_stdin(graph.clone())
        .assert()
        .success()
        .stdout(predicates::str::contains("0 errors"));
    // And a broken graph is located in the text that was piped in.
    let broken = String::from_utf8(graph).unwrap().replacen(
        "\"start\": \"start\"",
        "\"start\": \"nowhere\"",
        1,
    );
    wegwijs()
        .args(["check", "/dev/stdin"])
        .write_stdin(broken)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("E012"))
        .stdout(predicates::str::contains("E001").not());
}

/// Regression: `check FIFO` hung, waiting for a second writer that never came.
#[cfg(unix)]
#[test]
fn check_reads_a_fifo_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("rules.fifo");
    if !external::program("mkfifo", "coreutils") {
        return;
    }
    let made = deadline::output(Command::new("mkfifo").arg(&fifo));
    assert!(made.status.success(), "{made:?}");
    let child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .arg("check")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // One writer, once: a second open of the FIFO by wegwijs would block forever. Opening the
    // FIFO waits for wegwijs to open it, so the writer has a thread of its own.
    let graph = std::fs::read("examples/minimal-rules.json").unwrap();
    let fifo_path = fifo.clone();
    std::thread::spawn(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&fifo_path)
            .unwrap()
            .write_all(&graph)
            .unwrap();
    });
    let out = deadline::finish(child, "`wegwijs check FIFO` (reading the FIFO twice hangs)");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors"));
}

/// Regression: `check a.json missing.json` stopped at the missing file and hid a.json's errors.
/// The unreadable file is a diagnostic (E008) and the rest is still checked; only when no file
/// at all could be read is it a usage error (exit 2).
#[test]
fn check_reports_an_unreadable_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let missing = missing.to_str().unwrap();
    let broken = "tests/fixtures/check/E012-dangling-node.json";
    for lang in ["en", "nl"] {
        wegwijs()
            .args(["check", broken, missing, "--lang", lang])
            .assert()
            .code(1)
            .stdout(
                predicates::str::contains("error[E012]")
                    .or(predicates::str::contains("fout[E012]")),
            )
            .stdout(predicates::str::contains("[E008]"))
            .stdout(predicates::str::contains(format!("{missing}:1:1")));
    }
    let out = wegwijs()
        .args(["check", "examples/minimal-rules.json", missing])
        .args(["--format", "json"])
        .assert()
        .code(1);
    let report: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["E008"], "{report}");
    wegwijs()
        .args(["check", missing, "also-missing.json"])
        .assert()
        .code(2)
        .stdout(predicates::str::contains("also-missing.json"));
}
