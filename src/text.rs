//! Making untrusted text safe to show: [`sanitize`] escapes what a terminal would act on.
//!
//! A leaf: the renderers, the checker (which warns about such characters in a rule file) and the
//! commands all read it, and it reads nothing of the crate.

use std::borrow::Cow;

/// Replaces control characters, terminal escape sequences and bidirectional-override marks by
/// visible escapes (`\u{1b}`), keeping newlines and tabs.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    // Most text is printable ASCII, which holds nothing dangerous; only other text is checked
    // char by char.
    let plain = |b: &u8| b.is_ascii_graphic() || matches!(b, b' ' | b'\n' | b'\t');
    if s.as_bytes().iter().all(plain) || !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_dangerous(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a character must not reach a terminal raw: control characters (but newline and
/// tab), bidirectional marks, overrides and isolates (which reorder what follows them), the
/// zero-width space (which hides a difference), and the line and paragraph separators (which
/// break a line where none seems to be). The exported page hides the same list (`page.js`).
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_terminal_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("bell\u{7}"), "bell\\u{7}");
        assert_eq!(sanitize("rtl\u{202e}x"), "rtl\\u{202e}x");
        assert_eq!(sanitize("line\nnext\ttab é"), "line\nnext\ttab é");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    /// Regression: a zero-width space and the line separator reached the terminal raw.
    #[test]
    fn sanitize_escapes_zero_width_space_and_separators() {
        assert_eq!(sanitize("VCP\u{200b}"), "VCP\\u{200b}");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(sanitize("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}");
    }
}
