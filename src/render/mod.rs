//! Laying out what wegwijs prints: one file per output format. Plans go through
//! [`PlanRenderer`] (chosen by [`Format::renderer`]); the reports of `list`, `check` and `test`
//! through [`report::ReportRenderer`] (`report_text.rs`, `report_json.rs`).
//!
//! A new plan format is one new file with a `PlanRenderer` and one arm in [`Format::renderer`]
//! (and a variant of [`Format`], which makes the compiler list every other match on it).
//!
//! A renderer decides how a plan looks, never what is in it. Text written to a terminal passes
//! through [`sanitize`], so a rule file cannot smuggle escape sequences onto the screen.

mod json;
mod markdown;
pub mod report;
mod report_json;
mod report_text;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

pub use json::Json;
pub use markdown::Markdown;
pub(crate) use markdown::{esc as markdown_escape, link as markdown_link};
pub use report_json::JsonReport;
pub use report_text::TextReport;
pub use text::{Text, TextStyle};

use crate::date::SourceDate;
use crate::i18n::{Lang, Ui};
use crate::plan::{Plan, SourceRef};

/// The output formats of `plan` (and of other commands that print data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Readable text, wrapped to the terminal.
    #[default]
    Text,
    /// Markdown, to paste into a case note or an e-mail.
    Markdown,
    /// One JSON document, for programs.
    Json,
}

impl Format {
    /// The renderer for plans in this format, with the settings of `config`: the one place a
    /// plan's format is chosen (`plan` and `ask` both ask it).
    pub fn renderer(self, config: &crate::config::Config) -> Box<dyn PlanRenderer> {
        match self {
            Format::Text => Box::new(Text(config.style)),
            Format::Markdown => Box::new(Markdown { lang: config.lang }),
            Format::Json => Box::new(Json::PRETTY),
        }
    }
}

/// Writes a plan in one format.
pub trait PlanRenderer {
    /// Writes `plan` to `out`.
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()>;
}

/// How a plan names a cited page: its title, then the date the page states in brackets
/// (`Title (page dated 2023-03-28)`), so the reader sees how old the fact is next to the review
/// date. The graph's internal source id is never shown.
pub fn cited(source: &SourceRef, lang: Lang) -> (String, String) {
    let date = match source.dated {
        SourceDate::Undated => Ui::PageUndated.get(lang).to_owned(),
        dated => format!("{} {dated}", Ui::PageDated.get(lang)),
    };
    (source.title.to_owned(), date)
}

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
