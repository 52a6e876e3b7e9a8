//! `wegwijs ask` in a real pseudo-terminal: keys in, plan and one-shot command out.
//!
//! Matches unique strings with generous timeouts; the machine may be busy.

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

use rexpect::process::WaitStatus;

use crate::common::TODAY;
use crate::deadline;

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

/// `s` as rexpect hands it over: one `char` per byte (the reverse of [`utf8`]).
fn as_sent(s: &str) -> String {
    s.bytes().map(char::from).collect()
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
        .env("WEGWIJS_TODAY", TODAY)
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
    let status = deadline::ended(&mut p);
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
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
    let out = deadline::output(
        Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .args(&words[1..])
            .args(["--format", "json"])
            .env("WEGWIJS_TODAY", TODAY),
    );
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
    let status = deadline::ended(&mut p);
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
}

#[test]
fn plain_wegwijs_in_a_terminal_starts_the_questionnaire() {
    let mut p = ask(&["--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let status = deadline::ended(&mut p);
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
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
    // case-stage, travel and home-safety come from the file; acute danger is always asked
    // afresh, then role and concern, which the file leaves open.
    wait(&mut p, "Is anyone in acute danger right now");
    keys(&mut p, "no\r");
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
        serde_json::json!({"role": "police-officer", "concern": "radicalisation", "acute-danger": "no", "case-stage": "concrete", "travel": "no", "home-safety": "no"})
    );
    // The saved file answers a one-shot plan just as well.
    let out = deadline::output(Command::new(env!("CARGO_BIN_EXE_wegwijs")).args([
        "plan",
        "-r",
        "police-officer",
        "-c",
        "radicalisation",
        "--answers",
        saved.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["answers"]["case-stage"], "concrete");
}

#[test]
fn without_a_terminal_ask_refuses_at_once() {
    let child = Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["ask", "--lang", "en"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = deadline::finish(child, "wegwijs ask without a terminal");
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
    let status = deadline::ended(&mut p);
    assert!(matches!(status, WaitStatus::Exited(_, 2)), "{status:?}");
}

/// Like [`ask`], on a colour terminal: `TERM=xterm-256color` and no `NO_COLOR`.
fn coloured(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env("WEGWIJS_TODAY", TODAY)
        .env_remove("WEGWIJS_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn in a pty")
}

fn exit_code(p: &mut PtySession) -> i32 {
    match deadline::ended(p) {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    }
}

/// Regression: the urgent heading was sanitized after it was styled, so a colour terminal
/// showed `\u{1b}[1;31mFIRST: URGENT\u{1b}[0m` as text.
#[test]
fn plan_on_a_colour_terminal_shows_the_urgent_heading_in_red() {
    for (lang, heading) in [("en", "FIRST: URGENT"), ("nl", "EERST: ACUUT")] {
        let mut p = coloured(&[
            "plan",
            "--role",
            "teacher",
            "--concern",
            "polarisation",
            "--answer",
            "acute-danger=yes",
            "--lang",
            lang,
        ]);
        let all = utf8(&p.exp_eof().unwrap());
        assert!(
            all.contains(&format!("\x1b[1;31m{heading}\x1b[0m")),
            "{all:?}"
        );
        assert!(!all.contains("\\u{1b}"), "{all:?}");
        assert_eq!(exit_code(&mut p), 0);
    }
}

/// Regression: "no" matched "There is danger now" in Yes's description and Enter answered Yes.
/// Typed answers pick their own option in both languages; the plan ends with the heading in
/// red (not as escape text) exactly when the answer was yes.
#[test]
fn typing_no_or_yes_on_the_safety_question_picks_that_answer() {
    for (lang, typed, urgent) in [
        ("en", "no", false),
        ("nl", "nee", false),
        ("en", "yes", true),
        ("nl", "ja", true),
    ] {
        // The text of this run's language.
        let say = |en: &'static str, nl: &'static str| if lang == "en" { en } else { nl };
        let mut p = coloured(&["ask", "--lang", lang]);
        wait(&mut p, "112");
        keys(&mut p, typed);
        // The filtered list is drawn before Enter, so Enter picks what the user sees.
        wait(&mut p, typed);
        keys(&mut p, "\r");
        wait(&mut p, say("What is your role?", "Wat is uw rol?"));
        keys(&mut p, "teacher\r");
        wait(
            &mut p,
            say(
                "What are you worried about",
                "Waar maakt u zich zorgen over",
            ),
        );
        keys(&mut p, "polarisation\r");
        wait(&mut p, say("Your answers", "Uw antwoorden"));
        keys(&mut p, "\r");
        let all = utf8(&p.exp_eof().unwrap());
        let heading = say("FIRST: URGENT", "EERST: ACUUT");
        assert_eq!(
            all.contains(&format!("\x1b[1;31m{heading}\x1b[0m")),
            urgent,
            "{lang}: typed {typed:?}: {all:?}"
        );
        // The one-shot command speaks the user's language: Dutch words in Dutch.
        let answer = match (lang, urgent) {
            ("en", true) => "acute-danger=yes",
            ("en", false) => "acute-danger=no",
            (_, true) => "acuut-gevaar=ja",
            (_, false) => "acuut-gevaar=nee",
        };
        assert!(all.contains(answer), "{lang}: typed {typed:?}: {all:?}");
        assert!(!all.contains("\\u{1b}"), "{all:?}");
        assert_eq!(exit_code(&mut p), 0);
    }
}

/// Regression: Esc printed inquire's `<canceled>` and `error: cancelled`, and Ctrl-C left the
/// option list on screen. Both wipe the question (restore the cursor saved before it was
/// drawn, erase below) as the last thing written, print nothing, and exit 130.
#[test]
fn esc_and_ctrl_c_wipe_the_question_and_print_nothing() {
    for key in ["\x1b", "\x03"] {
        let mut p = ask(&["ask", "--lang", "en"]);
        wait(&mut p, "Is anyone in acute danger right now");
        keys(&mut p, &format!("{DOWN}\r"));
        wait(&mut p, "What is your role?");
        keys(&mut p, "youth");
        wait(&mut p, "youth");
        keys(&mut p, key);
        let rest = utf8(&p.exp_eof().unwrap());
        for word in ["canceled", "cancelled", "error"] {
            assert!(!rest.contains(word), "{key:?}: {rest:?}");
        }
        assert!(rest.ends_with("\x1b8\x1b[J"), "{key:?}: {rest:?}");
        assert_eq!(exit_code(&mut p), 130, "{key:?}");
    }
}

/// Regression: `ask 2>log` refused with "needs a terminal" although stdin and stdout are one;
/// the questions are drawn on the terminal itself.
#[test]
fn ask_works_with_stderr_sent_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", r#"exec "$0" ask --lang en 2>"$1""#])
        .arg(env!("CARGO_BIN_EXE_wegwijs"))
        .arg(&log)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("WEGWIJS_TODAY", TODAY);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
    wait(&mut p, "Is anyone in acute danger right now");
    keys(&mut p, "no\r");
    wait(&mut p, "What is your role?");
    keys(&mut p, "police\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "polarisation\r");
    wait(&mut p, "Your answers");
    keys(&mut p, "\r");
    p.exp_string("Referral plan: Police officer").unwrap();
    p.exp_string("--answer acute-danger=no").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "");
}

/// Regression: option lines were cut to the width measured when `ask` started, so narrowing
/// the window wrapped and garbled them. Each redraw measures again.
#[test]
fn options_are_cut_to_the_width_after_a_resize() {
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        r#"stty cols 100 rows 40; tty; exec "$0" ask --lang en"#,
    ])
    .arg(env!("CARGO_BIN_EXE_wegwijs"))
    .env("TERM", "xterm")
    .env("NO_COLOR", "1");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).unwrap();
    let tty = p.read_line().unwrap().trim().to_owned();
    assert!(tty.starts_with("/dev/"), "{tty}");
    wait(&mut p, "the plan opens with 112.");
    let resized = deadline::output(Command::new("stty").args(["-F", &tty, "cols", "40"]));
    assert!(resized.status.success(), "{resized:?}");
    keys(&mut p, DOWN);
    // 40 columns leave 36 characters for a line.
    wait(&mut p, &as_sent("No — There is no immediate danger a…"));
    keys(&mut p, "\x03");
    p.exp_eof().unwrap();
}

/// Regression: changing an early answer in the review asked every later question again.
/// Only the changed question comes back; then the review, with the other answers kept.
#[test]
fn changing_the_first_answer_in_the_review_keeps_the_others() {
    let mut p = ask(&["ask", "--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    keys(&mut p, "no\r");
    wait(&mut p, "What is your role?");
    keys(&mut p, "teacher\r");
    wait(&mut p, "What are you worried about");
    keys(&mut p, "youth-groups\r");
    wait(&mut p, "crime");
    keys(&mut p, "yes\r");
    wait(&mut p, "Your answers. Are they right?");
    keys(&mut p, "acute\r");
    // The question's own help: the review line also names the question.
    wait(&mut p, "Think of a direct threat");
    keys(&mut p, "yes\r");
    let (between, _) = p.exp_regex("Your answers. Are they right").unwrap();
    assert!(!between.contains("What is your role?"), "{between}");
    keys(&mut p, "\r");
    p.exp_string(
        "wegwijs plan --role teacher --concern youth-groups --answer acute-danger=yes --answer crime=yes --lang en",
    )
    .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
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

/// Regression: after "yes, danger now" the 112 line came only with the plan, questions later.
/// It is on screen at once, before the role question.
#[test]
fn an_urgent_answer_shows_112_before_the_next_question() {
    let mut p = ask(&["ask", "--lang", "en"]);
    wait(&mut p, "Is anyone in acute danger right now");
    keys(&mut p, "yes\r");
    let (before, _) = p.exp_regex("What is your role\\?").unwrap();
    assert!(before.contains("FIRST: URGENT"), "{before:?}");
    assert!(before.contains("Call 112"), "{before:?}");
    keys(&mut p, "\x03");
    p.exp_eof().unwrap();
}
