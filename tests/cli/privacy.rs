//! Privacy and safety guarantees: no networking code in the binary, and nothing written
//! anywhere unless the user asks (`--save-answers`, a shell redirect).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::PATIENCE;
use crate::deadline;

/// Crates that exist to talk over a network. None may be in wegwijs's normal dependency tree.
const NETWORKING: &[&str] = &[
    "async-std",
    "attohttpc",
    "curl",
    "curl-sys",
    "h2",
    "h3",
    "hickory-resolver",
    "http-body",
    "hyper",
    "hyper-util",
    "isahc",
    "native-tls",
    "openssl",
    "openssl-sys",
    "quinn",
    "reqwest",
    "rustls",
    "socket2",
    "surf",
    "tokio",
    "tokio-native-tls",
    "tokio-rustls",
    "trust-dns-resolver",
    "tungstenite",
    "ureq",
    "websocket",
    "webpki",
    "webpki-roots",
    "ws",
];

/// Every package the `wegwijs` library and binary depend on at run time on this machine's
/// platform (no dev or build dependencies), with the features cargo resolved for it.
///
/// `cargo tree --target` resolves features the way a build here does; `cargo metadata` unifies
/// them across every platform (so the Windows terminal backend would show up on Linux).
fn runtime_tree() -> BTreeMap<String, Vec<String>> {
    let rustc = deadline::output(
        Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into())).arg("-vV"),
    );
    let host = String::from_utf8(rustc.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = deadline::output(Command::new(cargo).args([
        "tree",
        "--locked",
        "--offline",
        "--edges",
        "normal",
        "--target",
        &host,
        "--prefix",
        "none",
        "--format",
        "{p}|{f}",
    ]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (package, features) = line.split_once('|')?;
            let name = package.split_whitespace().next()?.to_owned();
            let features = features
                .trim_end_matches(" (*)")
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect();
            Some((name, features))
        })
        .collect()
}

#[test]
fn no_networking_crate_is_in_the_runtime_dependency_tree() {
    let tree = runtime_tree();
    assert!(
        tree.contains_key("serde_json") && tree.contains_key("inquire"),
        "{tree:?}"
    );
    let found: Vec<&String> = tree
        .keys()
        .filter(|n| NETWORKING.contains(&n.as_str()))
        .collect();
    assert!(found.is_empty(), "networking crates in the tree: {found:?}");
    // On Windows mio comes with the terminal backend (crossterm), for its event loop only; its
    // sockets sit behind the "net" feature. On Unix the backend is termion and mio is absent.
    if let Some(features) = tree.get("mio") {
        assert!(
            !features.iter().any(|f| f == "net"),
            "mio with sockets: {features:?}"
        );
    }
}

#[test]
fn the_source_opens_no_sockets() {
    let mut files = vec![PathBuf::from("src")];
    let mut offenders = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for word in [
                "std::net",
                "TcpStream",
                "UdpSocket",
                "TcpListener",
                "UnixStream",
            ] {
                if text.contains(word) {
                    offenders.push(format!("{}: {word}", path.display()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:?}");
}

/// Every file under `dir`, with its size and content: a snapshot to compare.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn set_read_only(dir: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if read_only { 0o555 } else { 0o755 };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The main commands, run with a read-only home and working directory, succeed and leave both
/// exactly as they were. (As root the permissions do not stop a write, so the snapshot is what
/// proves it.)
#[test]
fn commands_write_nothing_unless_asked() {
    let project = std::env::current_dir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("notes.txt"),
        "a file that must stay as it is\n",
    )
    .unwrap();
    let rules = project.join("examples/minimal-rules.json");
    let overlay = project.join("examples/overlay-gemeente-voorbeeld.json");
    let tests = project.join("rules/tests/acute-danger.json");
    let answers = project.join("examples/answers.json");
    let before = (snapshot(home.path()), snapshot(work.path()));
    set_read_only(home.path(), true);
    set_read_only(work.path(), true);
    let runs: Vec<(Vec<&str>, Option<&str>)> = vec![
        (
            vec!["plan", "-r", "youth-worker", "-c", "radicalisation"],
            None,
        ),
        (
            vec![
                "plan",
                "-r",
                "teacher",
                "-c",
                "family-support",
                "--format",
                "json",
                "--explain",
            ],
            None,
        ),
        (
            vec![
                "plan",
                "-r",
                "teacher",
                "-c",
                "radicalisation",
                "--format",
                "markdown",
                "--answers",
                answers.to_str().unwrap(),
            ],
            None,
        ),
        (
            vec![
                "--rules",
                overlay.to_str().unwrap(),
                "plan",
                "-r",
                "youth-worker",
                "-c",
                "youth-groups",
            ],
            None,
        ),
        (vec!["list", "partners"], None),
        (vec!["check"], None),
        (
            vec!["check", rules.to_str().unwrap(), "--format", "json"],
            None,
        ),
        (vec!["test", tests.to_str().unwrap()], None),
        (vec!["graph", "--format", "mermaid"], None),
        (vec!["schema", "plan"], None),
        (vec!["completions", "bash"], None),
        (vec!["man"], None),
        (
            vec!["batch"],
            Some("{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n"),
        ),
    ];
    for (args, input) in runs {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wegwijs"));
        cmd.timeout(PATIENCE)
            .args(&args)
            .current_dir(work.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_CACHE_HOME", home.path().join(".cache"))
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env("TMPDIR", home.path());
        if let Some(input) = input {
            cmd.write_stdin(input);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    set_read_only(home.path(), false);
    set_read_only(work.path(), false);
    assert_eq!((snapshot(home.path()), snapshot(work.path())), before);
}
