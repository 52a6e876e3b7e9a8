//! Laying out what wegwijs prints: one file per output format. Plans go through
//! [`PlanRenderer`] (chosen by [`Format::renderer`]); the reports of `list`, `check` and `test`
//! through [`report::ReportRenderer`] (`report_text.rs`, `report_json.rs`).
//!
//! A new plan format is one new file with a `PlanRenderer` and one arm in [`Format::renderer`]
//! (and a variant of [`Format`], which makes the compiler list every other match on it).
//!
//! A renderer decides how a plan looks, never what is in it. Text written to a terminal passes
//! through [`crate::text::sanitize`], so a rule file cannot smuggle escape sequences onto the screen.

mod json;
mod markdown;
pub mod report;
mod report_json;
mod report_text;
mod text;

use std::io::{self, Write};

pub use json::Json;
pub use markdown::Markdown;
pub(crate) use markdown::{
    email_link as markdown_email_link, esc as markdown_escape, link as markdown_link,
};
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
    /// The renderer for plans in this format, laid out as `style` says (its language, and for
    /// text its width and colour): the one place a plan's format is chosen (`plan` and `ask`
    /// both ask it).
    pub fn renderer(self, style: TextStyle) -> Box<dyn PlanRenderer> {
        match self {
            Format::Text => Box::new(Text(style)),
            Format::Markdown => Box::new(Markdown { lang: style.lang }),
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
