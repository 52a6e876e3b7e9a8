//! Laying out a [`Plan`]: one file per output format, all behind [`PlanRenderer`].
//!
//! A renderer decides how a plan looks, never what is in it. Text written to a terminal passes
//! through [`sanitize`], so a rule file cannot smuggle escape sequences onto the screen.

mod json;
mod markdown;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

pub use json::Json;
pub use markdown::Markdown;
pub(crate) use markdown::{esc as markdown_escape, link as markdown_link};
pub use text::{Text, TextStyle};

use crate::plan::Plan;

/// The output formats of `plan` (and of other commands that print data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable text, wrapped to the terminal.
    #[default]
    Text,
    /// Markdown, to paste into a case note or an e-mail.
    Markdown,
    /// One JSON document, for programs.
    Json,
}

/// Writes a plan in one format.
pub trait PlanRenderer {
    /// Writes `plan` to `out`.
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()>;
}

/// Replaces control characters, terminal escape sequences and bidirectional-override marks by
/// visible escapes (`\u{1b}`), keeping newlines and tabs.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
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

/// Whether a character must not reach a terminal raw.
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
}
