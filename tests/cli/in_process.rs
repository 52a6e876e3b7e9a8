//! The in-process runner ([`crate::common::run`]) stands for the binary: for the kinds of command
//! line the tests run in process, both give the same exit code, stdout and stderr.

use crate::common::{run, run_with_env, wegwijs};

#[test]
fn in_process_runs_match_the_binary() {
    let env: &[(&str, &str)] = &[("WEGWIJS_LANG", "nl")];
    for (args, env) in [
        (
            &["plan", "-r", "teacher", "-c", "polarisation"][..],
            &[][..],
        ),
        (
            &["plan", "-r", "teacher", "-c", "radicalisation", "-a"],
            &[],
        ),
        (
            &[
                "plan",
                "-r",
                "youth-worker",
                "-c",
                "exit-support",
                "--explain",
                "--format",
                "markdown",
            ],
            &[],
        ),
        (
            &[
                "plan",
                "-r",
                "social-worker",
                "-c",
                "family-support",
                "-f",
                "json",
            ],
            env,
        ),
        (&["plan", "-r", "astronaut", "-c", "polarisation"], env),
        (&["list", "roles"], &[]),
        (&["list", "questions", "--format", "json"], &[]),
        (
            &[
                "--rules",
                "examples/overlay-gemeente-voorbeeld.json",
                "list",
                "partners",
            ],
            env,
        ),
        (
            &[
                "--rules",
                "tests/fixtures/check/E012-dangling-node.json",
                "check",
            ],
            &[],
        ),
        (&["graph", "--format", "mermaid"], &[]),
    ] {
        let mut binary = wegwijs();
        binary.args(args);
        for (k, v) in env {
            binary.env(k, v);
        }
        let out = binary.output().unwrap();
        let inside = run_with_env(args, env);
        assert_eq!(out.status.code(), Some(inside.code), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            inside.stdout,
            "{args:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            inside.stderr,
            "{args:?}"
        );
    }
    // The test process's own `WEGWIJS_TODAY` (if any) does not reach an in-process run.
    assert_eq!(
        run(&[
            "plan",
            "--today",
            "2026-12-01",
            "-r",
            "teacher",
            "-c",
            "polarisation"
        ])
        .code,
        0
    );
}
