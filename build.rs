//! Two jobs, both about files whose bytes must match something the binary carries:
//!
//! - The Content-Security-Policy hashes of the exported page's inline script and style, so that
//!   editing `src/export/page.js` or `page.css` needs no manual step: the policy always names
//!   exactly the bytes that `include_str!` puts into the page.
//! - Whether the prepared built-in graph (`src/graph/prepared/builtin.rs`, Rust written from
//!   `rules/default.json` by a test) is fresh: it records a hash of the files it was written
//!   from, and only when that hash is the hash of those files now does this script set
//!   `cfg(wegwijs_prepared)`, which compiles it in. Otherwise the binary parses the JSON at
//!   start-up as before (slower, never stale) and cargo prints how to write the file again.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    for (name, file) in [
        ("SCRIPT_SHA256", "src/export/page.js"),
        ("STYLE_SHA256", "src/export/page.css"),
    ] {
        println!("cargo::rerun-if-changed={file}");
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("reading {file}: {e}"));
        let hash = base64(&Sha256::digest(&bytes));
        code.push_str(&format!(
            "/// SHA-256 of `{file}` (base64), as the policy names it; computed by build.rs.\n\
             const {name}: &str = \"sha256-{hash}\";\n"
        ));
    }
    std::fs::write(Path::new(&out).join("csp_hashes.rs"), code).expect("writing csp_hashes.rs");
    prepared_graph();
}

/// Everything the prepared built-in graph is written from, or whose change could make it stop
/// compiling: the rules, and the code of the graph (the model, the index, the generator and the
/// constructors the generated file calls) and of dates. Whole folders rather than a list of
/// files, so that no file the generated code comes to depend on can be forgotten here.
const PREPARED_INPUTS: [&str; 3] = ["rules/default.json", "src/date.rs", "src/graph"];

/// The file the generator writes; its second line is `// inputs: <hash>`.
const PREPARED: &str = "src/graph/prepared/builtin.rs";

/// Sets `cfg(wegwijs_prepared)` when [`PREPARED`] was written from the [`PREPARED_INPUTS`] as
/// they are now, and hands the generator their hash in `WEGWIJS_PREPARED_INPUTS`.
fn prepared_graph() {
    println!("cargo::rustc-check-cfg=cfg(wegwijs_prepared)");
    println!("cargo::rerun-if-changed={PREPARED}");
    let mut files = Vec::new();
    for input in PREPARED_INPUTS {
        // A folder is watched as a whole: cargo looks at every file in it.
        println!("cargo::rerun-if-changed={input}");
        files_below(Path::new(input), &mut files);
    }
    files.retain(|f| f != Path::new(PREPARED));
    files.sort();
    let mut hasher = Sha256::new();
    for file in &files {
        let bytes =
            std::fs::read(file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let file = file.to_string_lossy().replace('\\', "/");
        // A checkout that turned line ends into CRLF has the same content.
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        hasher.update(file.as_bytes());
        hasher.update([0]);
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let inputs: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo::rustc-env=WEGWIJS_PREPARED_INPUTS={inputs}");
    let recorded = std::fs::read_to_string(PREPARED).ok().and_then(|text| {
        let line = text.lines().nth(1)?;
        Some(line.strip_prefix("// inputs: ")?.trim().to_owned())
    });
    if recorded.as_deref() == Some(inputs.as_str()) {
        println!("cargo::rustc-cfg=wegwijs_prepared");
    } else {
        println!(
            "cargo::warning={PREPARED} is out of date with rules/default.json or the code that \
             writes it, so this build parses the built-in graph at start-up; write it again with \
             `WEGWIJS_BLESS=1 cargo test --lib graph::prepared`"
        );
    }
}

/// `path` if it is a file, else every Rust file below it (an editor's backup is no input).
fn files_below(path: &Path, files: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        files.push(path.to_owned());
        return;
    }
    let entries =
        std::fs::read_dir(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
            .path();
        if path.is_dir() {
            files_below(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Standard base64 with padding (RFC 4648, section 4): the form a CSP hash source takes.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
