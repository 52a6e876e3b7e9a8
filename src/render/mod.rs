//! Laying out a [`Plan`]: one file per output format, all behind [`PlanRenderer`].
//!
//! A renderer decides how a plan looks, never what is in it. Text written to a terminal passes
//! through [`crate::text::sanitize`], so a rule file cannot smuggle escape sequences onto the screen.

mod json;
mod markdown;
mod text;

use std::io::{self, Write};

pub use json::Json;
pub use markdown::Markdown;
pub(crate) use markdown::{esc as markdown_escape, link as markdown_link};
pub use text::{Text, TextStyle};

use crate::date::SourceDate;
use crate::i18n::{Lang, Ui};
use crate::plan::{Plan, SourceRef};

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
