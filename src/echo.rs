//! How much of a user's input a message repeats back.
//!
//! Messages quote the value they are about (`unknown role `x``), and a value can be any length:
//! a 50 MB answer came back as a 50 MB line. Values are cut at [`LIMIT`] characters, with an
//! ellipsis and the full length, which is enough to recognise the value and never floods a
//! terminal or a log.

use std::borrow::Cow;

/// The most characters of one value a message repeats.
pub const LIMIT: usize = 80;

/// `value`, cut to its first [`LIMIT`] characters with "…" and its length when it is longer.
pub fn clip(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(LIMIT) {
        None => Cow::Borrowed(value),
        Some((end, _)) => {
            let total = value.chars().count();
            Cow::Owned(format!("{}… ({total} chars)", &value[..end]))
        }
    }
}

/// Room for the "… (N chars)" that [`clip`] appends: a quoted value no longer than
/// `LIMIT + MARK` is left alone by [`clip_quoted`], so a value clipped once is never clipped
/// again (which would report the clipped length instead of the real one).
const MARK: usize = 32;

/// `message` with every value quoted in it (between backticks or double quotes) clipped.
pub fn clip_quoted(message: &str) -> Cow<'_, str> {
    if message.len() <= LIMIT {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len().min(4 * LIMIT));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let Some(close) = rest.find(quote) else {
            // An unclosed quote: what follows it is the value.
            out.push_str(&clip(rest));
            return Cow::Owned(out);
        };
        let value = &rest[..close];
        if value.chars().nth(LIMIT + MARK).is_some() {
            out.push_str(&clip(value));
        } else {
            out.push_str(value);
        }
        out.push_str(quote);
        rest = &rest[close + 1..];
    }
    // The message's own words (and the answer paths it describes) are never cut.
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a 100 000-character answer was reported as "… (96 chars)": the message
    /// quoting the clipped value was clipped again.
    #[test]
    fn a_clipped_value_keeps_its_real_length_in_a_clipped_message() {
        let value = "x".repeat(100_000);
        let m = format!("unknown answer `{}` for `acute-danger`", clip(&value));
        let cut = clip_quoted(&m);
        assert!(cut.contains("… (100000 chars)`"), "{cut}");
        assert_eq!(cut, m);
    }

    #[test]
    fn the_words_around_the_values_are_never_cut() {
        let path = "role=youth-worker, acute-danger=no, case-stage=signals, ".repeat(3);
        let m = format!("a path ends without any next step ({path})");
        assert_eq!(clip_quoted(&m), m);
        let long = "x".repeat(500);
        let m = format!("unknown role `{long}` on the path ({path})");
        let cut = clip_quoted(&m);
        assert!(cut.ends_with(&format!("` on the path ({path})")), "{cut}");
        assert!(cut.contains("… (500 chars)"), "{cut}");
    }

    #[test]
    fn short_values_are_kept_whole() {
        assert_eq!(clip("youth-worker"), "youth-worker");
        let m = "unknown role `astronaut`; did you mean `teacher`?";
        assert_eq!(clip_quoted(m), m);
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis_and_their_length() {
        let long = "é".repeat(1_000_000);
        let cut = clip(&long);
        assert!(cut.starts_with(&"é".repeat(LIMIT)));
        assert!(
            cut.ends_with("… (1000000 chars)"),
            "{}",
            &cut[cut.len() - 30..]
        );
        let m = format!("invalid type: string \"{long}\", expected `{long}` or `x`");
        let cut = clip_quoted(&m);
        assert!(cut.len() < 600, "{}", cut.len());
        assert!(cut.starts_with("invalid type: string \"éé"));
        assert!(cut.ends_with("(1000000 chars)` or `x`"), "{cut}");
    }
}
