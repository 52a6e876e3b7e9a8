//! Expected output kept in files (the `check` fixtures' `.expected`, `docs/changes.md`), and
//! blessing: with `WEGWIJS_BLESS=1` a test writes what the program printed into the files
//! that differ, names them, and goes on with every other assertion; without it a difference
//! fails the test. Blessing in CI is a failure, so a CI run can never pass by rewriting what it
//! checks. Review blessed files like code.

use crate::common::{in_ci, notice};

/// Whether this run rewrites expected files. Fails the test in CI.
pub fn blessing() -> bool {
    let bless = std::env::var_os("WEGWIJS_BLESS").is_some_and(|v| !v.is_empty());
    assert!(
        !(bless && in_ci()),
        "WEGWIJS_BLESS rewrites the expected files a CI run is there to check: unset it"
    );
    bless
}

/// Compares `actual` with the file at `path`. A difference (or a missing file) is returned as a
/// message for the test to report, unless this run is [`blessing`]: then the file is rewritten,
/// named in a notice, and the comparison holds.
pub fn compare(path: &str, actual: &str) -> Result<(), String> {
    // Asked first, so that blessing in CI fails even where nothing differs.
    let bless = blessing();
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    if bless {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("cannot bless {path}: {e}"));
        notice(&format!("blessed {path}: it changed; review the diff"));
        return Ok(());
    }
    Err(match expected {
        None => format!("{path} is missing; run with WEGWIJS_BLESS=1 to write it"),
        Some(expected) => format!(
            "{path} differs (run with WEGWIJS_BLESS=1 to accept):\n--- expected\n{expected}--- actual\n{actual}"
        ),
    })
}
