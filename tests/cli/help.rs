//! Help and clap's argument errors in the user's language, chosen before parsing by `--lang`
//! anywhere, `WEGWIJS_LANG` or the locale, with the stream and exit-code rules of every output.

use std::process::Stdio;

use crate::common::wegwijs;
use predicates::prelude::*;

#[test]
fn help_is_dutch_by_flag_variable_or_locale() {
    let dutch = ["Gebruik: wegwijs", "Opdrachten:", "Opties:", "Voorbeelden:"];
    let by_flag = wegwijs().args(["--help", "--lang", "nl"]).output().unwrap();
    let by_variable = wegwijs()
        .arg("-h")
        .env("WEGWIJS_LANG", "nl")
        .output()
        .unwrap();
    let by_locale = wegwijs()
        .arg("--help")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    for out in [by_flag, by_variable, by_locale] {
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for words in dutch {
            assert!(text.contains(words), "{words}\n{text}");
        }
    }
    wegwijs()
        .args(["--lang", "nl", "help", "plan"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--answer <VRAAG=OPTIE>"))
        .stdout(predicate::str::contains("--role <ROL>"));
    wegwijs()
        .args(["plan", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--answer <QUESTION=OPTION>"))
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn clap_errors_are_dutch_with_their_suggestions() {
    for (args, expected) in [
        (
            &["plan", "--rol", "docent"][..],
            &[
                "fout: onverwacht argument '--rol'",
                "tip: bedoelde u '--role'?",
                "Gebruik: wegwijs plan [OPTIES]",
            ][..],
        ),
        (
            &["test"],
            &[
                "fout: deze verplichte argumenten ontbreken:",
                "<BESTAND>...",
            ],
        ),
        (
            &["plan", "--format", "josn"],
            &[
                "fout: ongeldige waarde 'josn' voor '--format <VORM>'",
                "[mogelijke waarden: text, markdown, json]",
            ],
        ),
        (
            &["pla"],
            &["fout: onbekende opdracht 'pla'", "bedoelde u 'plan'?"],
        ),
    ] {
        let mut cmd = wegwijs();
        cmd.env("WEGWIJS_LANG", "nl")
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::function(|err: &str| {
                expected.iter().all(|e| err.contains(e))
            }));
    }
}

#[test]
fn a_json_command_gets_its_argument_error_as_a_dutch_json_object() {
    let out = wegwijs()
        .args(["--lang", "nl", "plan", "--bogus", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "usage");
    let message = v["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("onverwacht argument '--bogus'"),
        "{message}"
    );
}

#[test]
fn dutch_help_to_a_full_disk_is_exit_3_and_to_a_closed_pipe_exit_0() {
    if crate::external::dev_full() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
            .args(["--lang", "nl", "help", "plan"])
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = crate::deadline::finish(child, "help to /dev/full");
        assert_eq!(out.status.code(), Some(3));
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("fout: uitvoer schrijven"));
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args(["--lang", "nl", "--help"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(
        crate::deadline::finish(child, "help").status.code(),
        Some(0)
    );
}
