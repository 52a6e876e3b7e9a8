//! Computes the Content-Security-Policy hashes of the exported page's inline script and style,
//! so that editing `src/export/page.js` or `page.css` needs no manual step: the policy always
//! names exactly the bytes that `include_str!` puts into the page.

use std::path::Path;

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
