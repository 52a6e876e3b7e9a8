//! Helpers shared by the end-to-end tests: the binary with a clean environment, the same command
//! line run inside the test process, JSON plans, and every answer path of a graph.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// The date every test takes as today, so review-age judgements never depend on the calendar.
pub const TODAY: &str = "2026-12-01";

/// How long a test waits for one run of the binary before it fails: generous, because the
/// machine may be busy, and still far below a CI job's limit.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// Whether the tests run in CI (the `CI` environment variable is set and not empty): then a
/// missing tool fails its test instead of skipping it, and blessing is refused.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Writes a line to the real stderr, past the test harness's capture, so that a notice (a skipped
/// check, a blessed file) shows in `cargo test`'s output although the test passes.
pub fn notice(text: &str) {
    use std::io::Write;
    let test = std::thread::current()
        .name()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let _ = writeln!(std::io::stderr(), "notice{test}: {text}");
}

/// The `wegwijs` binary with no language or colour settings inherited from the developer, and
/// [`PATIENCE`] as its time limit.
pub fn wegwijs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegwijs"));
    for var in [
        "WEGWIJS_LANG",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WEGWIJS_TODAY", TODAY).timeout(PATIENCE);
    cmd
}

/// What a command run in this process wrote, and its exit code.
#[derive(Debug)]
pub struct Run {
    /// The exit code the binary would have ended with.
    pub code: i32,
    /// What it wrote to stdout.
    pub stdout: String,
    /// What it wrote to stderr.
    pub stderr: String,
}

/// Runs `wegwijs ARGS` inside the test process, through the entry point the binary calls
/// (`wegwijs::cmd::run_args`), as the binary runs with stdout and stderr piped, today set to
/// [`TODAY`] and no other environment: the same output as [`wegwijs`] in milliseconds instead of
/// a process start. `in_process_runs_match_the_binary` holds the two equal.
pub fn run(args: &[&str]) -> Run {
    run_with_env(args, &[])
}

/// [`run`] with environment variables, as the binary would read them.
pub fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    // clap reads `WEGWIJS_TODAY` from the process's own environment, which a test must not
    // change: the flag says the same.
    let mut argv = vec!["wegwijs"];
    if !args.contains(&"--today") {
        argv.extend(["--today", TODAY]);
    }
    argv.extend_from_slice(args);
    let var = |name: &str| {
        env.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let not_a_terminal = wegwijs::config::Terminal {
        stdin: false,
        stdout: false,
        stderr: false,
        width: None,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = wegwijs::cmd::run_args(
        argv,
        not_a_terminal,
        &var,
        &mut wegwijs::cmd::Io {
            out: &mut out,
            err: &mut err,
        },
    );
    Run {
        code: code.code(),
        stdout: String::from_utf8(out).expect("stdout is UTF-8"),
        stderr: String::from_utf8(err).expect("stderr is UTF-8"),
    }
}

/// Runs `wegwijs ARGS --format json` in process, asserts success and parses stdout.
pub fn json(args: &[&str]) -> Value {
    let out = run(&[args, &["--format", "json"]].concat());
    assert_eq!(out.code, 0, "{args:?} failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// The ids of `wegwijs list WHAT`.
pub fn ids(what: &str) -> Vec<String> {
    json(&["list", what])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect()
}

/// `kind:id` of every recommendation of a JSON plan, in order.
pub fn recs(plan: &Value) -> Vec<String> {
    plan["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}:{}",
                r["kind"].as_str().unwrap(),
                r["id"].as_str().unwrap()
            )
        })
        .collect()
}

/// stdout of a successful run in process, as text.
pub fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.code, 0, "{args:?} failed: {}", out.stderr);
    out.stdout
}

/// Every complete answer path of every role and concern of the built-in graph: walks the graph
/// and branches on each option wherever the walk asks.
pub fn every_outcome() -> (
    wegwijs::graph::Graph<'static>,
    Vec<wegwijs::engine::Outcome>,
) {
    let graph = wegwijs::graph::builtin();
    let outcomes = every_outcome_in(&graph);
    (graph, outcomes)
}

/// Every complete answer path of every role and concern of `graph`, as the library's own
/// enumeration (`wegwijs::walks`) visits them.
pub fn every_outcome_in(graph: &wegwijs::graph::Graph) -> Vec<wegwijs::engine::Outcome> {
    let mut outcomes = Vec::new();
    wegwijs::walks::each_outcome(graph, u64::MAX, |o| outcomes.push(o.clone()))
        .expect("role and concern are set, so every walk ends");
    outcomes
}
