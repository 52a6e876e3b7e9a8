//! The end-to-end tests of wegwijs, as one test crate so that the suite links once (as
//! ripgrep's `tests/tests.rs` does): one module per command or concern, the helpers beside
//! them, the fixtures in `tests/fixtures/` and the Node.js checks in `tests/js/`.
//!
//! - `cargo test --locked` runs them all, except those that build inputs of tens of megabytes;
//! - `cargo test --release --locked --test cli -- --ignored` runs those (`.ci/run` does both).
//!
//! Tests of what a command prints call the library's entry point in process
//! ([`common::run`], [`common::json`], [`common::stdout`]); tests of exit codes, streams,
//! files, the environment and the terminal run the real binary ([`common::wegwijs`], and
//! rexpect in `ask_pty`). A check that needs a program from outside Rust follows the rule in
//! [`external`]; blessed expected files follow [`expected`].

mod common;
mod deadline;
mod expected;
mod external;

mod ask_pty;
mod bad_inputs;
mod check;
mod completions;
mod conditions;
mod contract;
mod diff_review;
mod dutch;
mod export_html;
mod help;
mod in_process;
mod list;
mod local_slots;
mod man;
mod markdown;
mod overlay;
mod plan;
mod privacy;
mod properties;
mod queries;
mod rules;
mod seed_overlap;
mod sizes;
mod streams;
mod upkeep;

/// A new `tests/*.rs` file would be a test crate of its own, linked on its own: new end-to-end
/// tests go into a module here.
#[test]
fn every_end_to_end_test_is_a_module_of_this_crate() {
    let crates: Vec<String> = std::fs::read_dir("tests")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") || p.join("main.rs").is_file())
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        crates,
        ["tests/cli"],
        "make each of these a module of tests/cli/main.rs"
    );
}
