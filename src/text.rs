//! Making untrusted text safe to show: [`sanitize`] escapes what a terminal would act on.
//!
//! A leaf: the renderers, the checker (which warns about such characters in a rule file) and the
//! commands all read it, and it reads nothing of the crate.

use std::borrow::Cow;

/// Replaces control characters, terminal escape sequences and bidirectional-override marks by
/// visible escapes (`\u{1b}`), keeping newlines and tabs.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !has_dangerous(s.as_bytes()) {
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

/// Whether UTF-8 text holds a character [`is_dangerous`] names, read byte by byte: a plan is
/// mostly texts to check, and decoding each char cost more than the rest of the check. Every
/// dangerous char is a single byte below 0x20 or 0x7F, a C1 control (`C2 80`–`C2 9F`), or a
/// mark of U+200B–U+2069 (`E2 80 xx`, `E2 81 xx`); lead bytes never occur inside another char,
/// so matching at them finds exactly those chars. A test holds this equal to
/// [`is_dangerous`] for every char.
fn has_dangerous(bytes: &[u8]) -> bool {
    // First a pass without an early exit, which the compiler turns into wide compares: is there
    // any byte that is, or starts, a dangerous char? Most text has none and ends here.
    let suspect = |b: u8| {
        ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    };
    if !bytes.iter().fold(false, |any, &b| any | suspect(b)) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let dangerous = match b {
            b'\n' | b'\t' | 0x20..=0x7e => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => matches!(bytes.get(i), Some(0x80..=0x9f)),
            0xe2 => matches!(
                (bytes.get(i), bytes.get(i + 1)),
                (Some(0x80), Some(0x8b | 0x8e | 0x8f | 0xa8..=0xae))
                    | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if dangerous {
            return true;
        }
    }
    false
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
        assert!(matches!(sanitize("geüpdatet café"), Cow::Borrowed(_)));
        // C1 controls and the marks of U+200B–U+2069 start with the bytes the fast path refuses.
        assert_eq!(sanitize("a\u{85}b"), "a\\u{85}b");
        assert_eq!(sanitize("a\u{2066}b\u{200b}"), "a\\u{2066}b\\u{200b}");
        assert_eq!(sanitize("nbsp\u{a0}… – ’"), "nbsp\u{a0}… – ’");
    }

    /// The byte-wise check finds exactly the chars [`is_dangerous`] names, alone and between
    /// other text.
    #[test]
    fn the_byte_check_agrees_with_is_dangerous_for_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = format!("é{c}\u{2014}");
            assert_eq!(has_dangerous(text.as_bytes()), is_dangerous(c), "{c:?}");
        }
    }

    /// Regression: a zero-width space and the line separator reached the terminal raw.
    #[test]
    fn sanitize_escapes_zero_width_space_and_separators() {
        assert_eq!(sanitize("VCP\u{200b}"), "VCP\\u{200b}");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(sanitize("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}");
    }
}
