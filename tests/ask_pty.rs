//! `wegwijs ask` in a real pseudo-terminal: keys in, plan and one-shot command out.
//!
//! Matches unique strings with generous timeouts; the machine may be busy.

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

const TIMEOUT_MS: u64 = 30_000;
const DOWN: &str = "\x1b[B";

/// Waits for `text` and then for the end of the frame it is drawn in (inquire shows the cursor
/// last). Keys sent earlier can be swallowed while the prompt asks the terminal where the
/// cursor is.
fn wait(p: &mut PtySession, text: &str) {
    p.exp_string(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    p.exp_string("\x1b[?25h")
        .unwrap_or_else(|e| panic!("waiting for the frame after {text:?}: {e}"));
}

/// rexpect hands over each byte as one `char`; this undoes that for non-ASCII text.
fn utf8(s: &str) -> String {
    String::from_utf8(s.chars().map(|c| c as u32 as u8).collect()).expect("UTF-8 output")
}

/// Types keys; rexpect buffers what it sends until flushed.
fn keys(p: &mut PtySession, typed: &str) {
    p.send(typed).unwrap();
    p.flush().unwrap();
}

fn ask(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    cmd.args(args)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("WEGWIJS_TODAY", "2026-12-01")
        .env_remove("WEGWIJS_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn in a pty")
}

#[test]
fn answers_goes_back_once_and_prints_the_plan_and_its_command() {
    let mut p = ask(&["ask", "--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    // Options are Yes, No: move down to No.
    keys(&mut p, &format!("{DOWN}\r"));
    wait(&mut p, "What is your role?");
    keys(&mut p, "youth-w\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "radical\r");
    wait(&mut p, "How concrete is your worry?");
    // Changed my mind: back to the concern, and choose exit support instead.
    keys(&mut p, "back\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "exit\r");
    wait(&mut p, "Does the person ask for help to leave?");
    keys(&mut p, "\r"); // Yes
    wait(&mut p, "Your answers. Are they right?");
    keys(&mut p, "\r"); // show the plan
    let head = p.exp_string("Leaving extremism (exit support)").unwrap();
    assert!(
        utf8(&head).ends_with("Referral plan: Youth worker · "),
        "{head}"
    );
    p.exp_string("Together with the person, contact Forsa")
        .unwrap();
    p.exp_string("The same plan without the questions:")
        .unwrap();
    p.exp_string(
        "wegwijs plan --role youth-worker --concern exit-support --answer acute-danger=no --answer exit-readiness=yes --lang en",
    )
    .unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
}

#[test]
fn the_printed_command_gives_the_same_plan() {
    let mut p = ask(&["ask", "--lang", "nl", "--format", "json"]);
    wait(&mut p, "acuut gevaar");
    keys(&mut p, "\r"); // Ja
    wait(&mut p, "Wat is uw rol?");
    keys(&mut p, "docent\r");
    wait(&mut p, "Waar maakt u zich zorgen over");
    keys(&mut p, "polarisatie\r");
    wait(&mut p, "Uw antwoorden");
    keys(&mut p, "\r");
    let (before, _) = p.exp_regex(r"Hetzelfde plan zonder vragen:\s+").unwrap();
    let command = p.read_line().unwrap();
    p.exp_eof().unwrap();
    let before = utf8(&before);
    let json_start = before.find('{').expect("a JSON plan");
    let json_end = before.rfind('}').expect("end of the JSON plan");
    let from_ask: serde_json::Value =
        serde_json::from_str(&before[json_start..=json_end].replace("\r\n", "\n")).unwrap();
    let words: Vec<&str> = command.trim().split(' ').collect();
    assert_eq!(words[..2], ["wegwijs", "plan"]);
    let out = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(&words[1..])
        .args(["--format", "json"])
        .env("WEGWIJS_TODAY", "2026-12-01")
        .output()
        .unwrap();
    let from_plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_ask["recommendations"], from_plan["recommendations"]);
    assert_eq!(from_ask["answers"], from_plan["answers"]);
    assert_eq!(from_plan["recommendations"][0]["id"], "call-112");
}

#[test]
fn escape_cancels_with_130_and_prints_no_plan() {
    let mut p = ask(&["ask", "--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    keys(&mut p, &format!("{DOWN}\r"));
    wait(&mut p, "What is your role?");
    keys(&mut p, "\x1b");
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains("Referral plan"), "{rest}");
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
}

#[test]
fn plain_wegwijs_in_a_terminal_starts_the_questionnaire() {
    let mut p = ask(&["--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
}

#[test]
fn prefilled_answers_are_skipped_and_saved_answers_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.json");
    let mut p = ask(&[
        "ask",
        "--lang",
        "en",
        "--answers",
        "examples/answers.json",
        "--save-answers",
        saved.to_str().unwrap(),
    ]);
    // acute-danger and case-stage come from the file: only role and concern are asked.
    wait(&mut p, "What is your role?");
    keys(&mut p, "police\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "radical\r");
    wait(&mut p, "Your answers. Are they right?");
    keys(&mut p, "\r");
    p.exp_string("--answer case-stage=concrete").unwrap();
    p.exp_eof().unwrap();
    let text = std::fs::read_to_string(&saved).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"role": "police-officer", "concern": "radicalisation", "acute-danger": "no", "case-stage": "concrete"})
    );
    // The saved file answers a one-shot plan just as well.
    let out = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args([
            "plan",
            "-r",
            "police-officer",
            "-c",
            "radicalisation",
            "--answers",
            saved.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["answers"]["case-stage"], "concrete");
}

#[test]
fn without_a_terminal_ask_refuses_at_once() {
    let out = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["ask", "--lang", "en"])
        .stdin(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("needs a terminal")
            && err.contains("wegwijs plan")
            && err.contains("--answers"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn export_to_a_terminal_says_to_redirect_and_prints_no_page() {
    let mut p = ask(&["export", "html", "--lang", "en"]);
    let all = p.exp_eof().unwrap();
    assert!(all.contains("redirect it"), "{all}");
    assert!(!all.contains("<html"), "{all}");
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 2)),
        "{status:?}"
    );
}

#[test]
fn the_questionnaire_applies_when_as_the_one_shot_plan_does() {
    // The small graph with `when`s: the care coordinator only for teachers, the local partner
    // only for youth groups at the concrete stage (asked at the node that adds it).
    let mut p = ask(&[
        "--rules",
        "tests/fixtures/export/conditions.json",
        "ask",
        "--lang",
        "en",
    ]);
    wait(&mut p, "Is there acute danger now?");
    keys(&mut p, &format!("{DOWN}\r")); // No
    wait(&mut p, "What is your role?");
    keys(&mut p, "teacher\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "youth\r");
    wait(&mut p, "How far has it gone?");
    keys(&mut p, &format!("{DOWN}\r")); // Concrete
    wait(&mut p, "Your answers. Are they right?");
    keys(&mut p, "\r");
    let plan = utf8(
        &p.exp_string("The same plan without the questions:")
            .unwrap(),
    );
    assert!(
        plan.contains("Ask the school's care coordinator."),
        "{plan}"
    );
    assert!(plan.contains("Welzijn Voorbeeld (fictional)"), "{plan}");
    assert!(!plan.contains("Discuss it in your team."), "{plan}");
    p.exp_string("--answer case-stage=concrete").unwrap();
    p.exp_eof().unwrap();
}
