//! What some tests need from outside Rust (Node.js with the packages in `tests/js`, Chromium,
//! Graphviz, jq, groff, `mkfifo`, `/dev/full`, the seed page), with one rule for all of them:
//! where it is missing, the test is skipped with a notice on a developer's machine, and fails in
//! CI (the `CI` environment variable is set), so that no check silently stops running there.
//! `.ci/run` installs the programs.
//!
//! Each function returns what the test uses (or whether it is there); a test that gets `None` or
//! `false` returns at once.

use std::path::{Path, PathBuf};

use crate::common::{in_ci, notice};

/// Whether `what` is here. When it is not: in CI the test fails, elsewhere it prints a notice
/// saying how to get it and the caller skips the check.
pub fn present(here: bool, what: &str, how: &str) -> bool {
    if here {
        return true;
    }
    assert!(!in_ci(), "{what} is required in CI: {how}");
    notice(&format!("skipped: {what} is missing; {how}"));
    false
}

/// Whether `program` is an executable file in one of the `PATH` folders.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let file = dir.join(program);
            std::fs::metadata(&file).is_ok_and(|m| m.is_file())
        })
    })
}

/// Whether a program from a Debian package is on `PATH` (`dot` from `graphviz`, `jq`, `groff`,
/// `mkfifo`).
pub fn program(name: &str, package: &str) -> bool {
    present(
        on_path(name),
        &format!("`{name}`"),
        &format!("install the Debian package `{package}`"),
    )
}

/// The `node` program, when the packages in `tests/js` are installed beside it.
pub fn node_with_packages() -> Option<&'static str> {
    let installed = Path::new("tests/js/node_modules/.package-lock.json").exists();
    present(
        on_path("node") && installed,
        "Node.js with the packages in tests/js",
        "install Node.js and run `npm ci --prefix tests/js`",
    )
    .then_some("node")
}

/// Chromium for the browser tests: `WEGWIJS_CHROMIUM`, else Debian's `/usr/bin/chromium`.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("WEGWIJS_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    present(
        path.exists(),
        &format!("Chromium at {}", path.display()),
        "install the Debian package `chromium` (or set WEGWIJS_CHROMIUM)",
    )
    .then_some(path)
}

/// Whether `/dev/full`, the device whose every write fails with "no space left", can be opened
/// for writing (Linux has it; macOS and Windows do not).
pub fn dev_full() -> bool {
    let writable = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .is_ok();
    present(
        writable,
        "a writable /dev/full",
        "run the tests on Linux, where every write to it fails as on a full disk",
    )
}

/// The folder holding the seed page (the ESS "professionals" page the project started from,
/// which is not part of the project): `WEGWIJS_SEED_DIR`, else `../shared/seed/` beside the
/// crate root.
pub fn seed_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("WEGWIJS_SEED_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/"),
        PathBuf::from,
    );
    present(
        dir.is_dir(),
        &format!("the seed page folder {}", dir.display()),
        "set WEGWIJS_SEED_DIR to the folder with the seed page's .txt files",
    )
    .then_some(dir)
}
