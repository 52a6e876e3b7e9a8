//! `wegwijs export html`: the questionnaire as one self-contained HTML file, for people who
//! never open a terminal.
//!
//! The file holds the graph in its page form ([`data::PageData`]) as a JSON data block, plus
//! the page's own script and stylesheet inline. A Content-Security-Policy allows exactly that
//! script and that stylesheet (by hash) and nothing else: no request of any kind can leave the
//! page. The script builds every element with DOM calls and sets text with `textContent`, so no
//! text in a rule graph is ever read as markup.

pub mod data;

use crate::graph::Graph;
use crate::i18n::Lang;

pub use data::{PAGE_DATA_VERSION, PageData, page_languages};

const TEMPLATE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

// STYLE_SHA256 and SCRIPT_SHA256: the policy's hashes of STYLE and SCRIPT, computed by build.rs.
include!(concat!(env!("OUT_DIR"), "/csp_hashes.rs"));

/// Options for [`html`].
#[derive(Debug, Clone, Copy)]
pub struct HtmlOptions {
    /// The language the page opens in.
    pub lang: Lang,
    /// Entries reviewed longer ago than this many days are flagged, counted from the day the
    /// page is opened.
    pub max_age_days: i64,
}

/// The policy: this page's script and style, nothing else, and no way to send anything.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{SCRIPT_SHA256}'; style-src '{STYLE_SHA256}'; \
         img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; \
         object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; \
         base-uri 'none'; form-action 'none'"
    )
}

/// The whole page for `graph`.
pub fn html(graph: &Graph, opts: HtmlOptions) -> String {
    let data = PageData::new(graph, opts.lang, opts.max_age_days);
    let blob = serde_json::to_string(&data).expect("page data always serializes");
    let title = data
        .graph
        .title
        .get(data.lang)
        .copied()
        .unwrap_or("wegwijs");
    let noscript = crate::i18n::Ui::NeedsScript.get(opts.lang);
    // One pass over the template, so nothing inserted is ever searched for a placeholder.
    let mut out = String::with_capacity(TEMPLATE.len() + STYLE.len() + SCRIPT.len() + blob.len());
    let mut rest = TEMPLATE;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find("}}")
            .expect("template placeholders are closed")
            + at;
        match &rest[at + 2..end] {
            "lang" => out.push_str(data.lang),
            "csp" => out.push_str(&escape_html(&content_security_policy())),
            "title" => out.push_str(&escape_html(&crate::text::sanitize(title))),
            "noscript" => out.push_str(&escape_html(noscript)),
            "style" => out.push_str(STYLE),
            "data" => out.push_str(&escape_script_json(&blob)),
            "script" => out.push_str(SCRIPT),
            other => panic!("unknown template placeholder {other}"),
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Escapes text for an element or a double-quoted attribute.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes JSON safe inside a `<script>` element: no `</script>` or `<!--` can appear, because
/// no `<` does. The escapes are JSON escapes, so `JSON.parse` reads the same value.
fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn base64(bytes: &[u8]) -> String {
        const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn hash(s: &str) -> String {
        format!("sha256-{}", base64(&Sha256::digest(s.as_bytes())))
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_policy_names_the_hashes_of_the_inline_script_and_style() {
        // build.rs computes the constants; this checks its hashing against an independent one.
        assert_eq!(SCRIPT_SHA256, hash(SCRIPT), "SCRIPT_SHA256 is stale");
        assert_eq!(STYLE_SHA256, hash(STYLE), "STYLE_SHA256 is stale");
    }

    #[test]
    fn the_script_and_style_appear_in_the_page_exactly_as_hashed() {
        let page = html(
            &crate::graph::builtin(),
            HtmlOptions {
                lang: Lang::Nl,
                max_age_days: 365,
            },
        );
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
    }

    #[test]
    fn the_script_has_no_way_to_store_or_send() {
        for banned in [
            "localStorage",
            "sessionStorage",
            "indexedDB",
            "document.cookie",
            "fetch(",
            "XMLHttpRequest",
            "sendBeacon",
            "WebSocket",
            "EventSource",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ] {
            assert!(!SCRIPT.contains(banned), "page.js uses {banned}");
        }
    }

    #[test]
    fn the_script_asks_for_exactly_the_words_the_page_carries() {
        let used: std::collections::BTreeSet<&str> = SCRIPT
            .split("ui('")
            .skip(1)
            .map(|rest| &rest[..rest.find('\'').unwrap()])
            .collect();
        let carried: std::collections::BTreeSet<&str> =
            data::PAGE_UI.iter().map(|(k, _)| *k).collect();
        assert_eq!(used, carried);
    }

    /// The character class of `HIDDEN` in page.js, as the list of ranges it names.
    fn hidden_in_page() -> Vec<(u32, u32)> {
        let start = SCRIPT.find("const HIDDEN = /[").expect("HIDDEN in page.js") + 17;
        let class = &SCRIPT[start..start + SCRIPT[start..].find("]/g").unwrap()];
        let code = |s: &str| u32::from_str_radix(s.strip_prefix("\\u").unwrap(), 16).unwrap();
        let mut ranges = Vec::new();
        let mut rest = class;
        while !rest.is_empty() {
            let from = code(&rest[..6]);
            rest = &rest[6..];
            let to = match rest.strip_prefix('-') {
                Some(more) => {
                    rest = &more[6..];
                    code(&more[..6])
                }
                None => from,
            };
            ranges.push((from, to));
        }
        ranges
    }

    /// Regression: the page showed bidi overrides raw ("VCP \u{202e}evil" rendered reversed)
    /// while the command line escaped them. Both now hide exactly the same characters.
    #[test]
    fn the_page_hides_exactly_what_the_terminal_escapes() {
        let ranges = hidden_in_page();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let in_page = ranges.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)));
            assert_eq!(
                in_page,
                crate::text::is_dangerous(c),
                "U+{:04X}: page.js and text::is_dangerous disagree",
                c as u32
            );
        }
    }

    #[test]
    fn graph_text_cannot_close_the_data_block() {
        let json = r#"{"a":"</script><script>alert(1)</script><!-- & \u2028"}"#;
        let escaped = escape_script_json(json);
        assert!(!escaped.contains('<') && !escaped.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        let orig: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, orig);
    }

    #[test]
    fn the_page_opens_in_the_asked_language_when_the_graph_has_it() {
        let g = crate::graph::builtin();
        for lang in [Lang::Nl, Lang::En] {
            let page = html(
                &g,
                HtmlOptions {
                    lang,
                    max_age_days: 365,
                },
            );
            assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        }
    }
}
