//! What `list`, `check` and `test` print, as data, and the one trait each of their output
//! formats implements ([`ReportRenderer`]), as [`super::PlanRenderer`] is for plans.
//!
//! The commands in `cmd/` build these values and hand them to the renderer that
//! `cmd::report_renderer` chose; the layouts live in `report_text.rs` and `report_json.rs`.

use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::graph::Sources;
use crate::graph::model::Contact;
use crate::i18n::{Lang, Message};
use crate::ruletest::CaseResult;

/// Writes the reports of `list`, `check` and `test` in one format.
pub trait ReportRenderer {
    /// The ids, labels and aliases of `wegwijs list`.
    fn list(&self, items: &[ListItem], out: &mut dyn Write) -> io::Result<()>;
    /// The local slots of `wegwijs list slots`.
    fn slots(&self, slots: &[SlotItem], out: &mut dyn Write) -> io::Result<()>;
    /// The diagnostics of `wegwijs check` (located and sorted).
    fn check(
        &self,
        diagnostics: &[Diagnostic],
        sources: &Sources,
        out: &mut dyn Write,
    ) -> io::Result<()>;
    /// The results of `wegwijs test`.
    fn tests(&self, report: &TestReport, out: &mut dyn Write) -> io::Result<()>;
}

/// One listed item, in the chosen language.
#[derive(Debug, Serialize)]
pub struct ListItem {
    /// The id to type.
    pub id: String,
    /// Its label.
    pub label: String,
    /// What it is, when the graph says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Other ids that are accepted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For a question: the option assumed when it is not answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assume: Option<String>,
    /// For a question: whether it is the safety question.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub safety: bool,
    /// For a question: its options.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ListItem>,
    /// For a catalog entry: who offers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// For a catalog entry: how to reach it.
    #[serde(skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact<'static>,
    /// For a catalog entry: when it was last checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
    /// For a catalog entry: whether its facts are confirmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

impl ListItem {
    /// An item with only an id and a label.
    pub fn new(id: &str, label: &str) -> ListItem {
        ListItem {
            id: id.to_owned(),
            label: label.to_owned(),
            description: None,
            aliases: Vec::new(),
            assume: None,
            safety: false,
            options: Vec::new(),
            provider: None,
            contact: Contact::default(),
            reviewed: None,
            verified: None,
        }
    }
}

/// One local slot and who filled it.
#[derive(Debug, Serialize)]
pub struct SlotItem {
    /// The entry's id.
    pub id: String,
    /// Its kind (`partner`, ...).
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// `open`, `overlay` (an overlay filled it) or `base` (the base graph has contact details
    /// for it, which `check` warns about).
    pub state: &'static str,
    /// The overlay that filled it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filled_by: Option<SlotFiller>,
    /// How to find the local details.
    pub find: String,
}

/// The overlay that filled a slot.
#[derive(Debug, Serialize)]
pub struct SlotFiller {
    /// The overlay's id.
    pub overlay: String,
    /// Its name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// When it was checked.
    pub reviewed: String,
}

/// The results of a `wegwijs test` run.
#[derive(Debug)]
pub struct TestReport {
    /// Every case, in the order run.
    pub cases: Vec<CaseResult>,
    /// How many test files were read.
    pub files: usize,
}

impl TestReport {
    /// How many cases passed and failed.
    pub fn counts(&self) -> (usize, usize) {
        let failed = self.cases.iter().filter(|r| !r.passed).count();
        (self.cases.len() - failed, failed)
    }
}

/// The last line of `wegwijs test`: `10 passed, 0 failed (1 file)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestSummary {
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed.
    pub failed: usize,
    /// Test files read.
    pub files: usize,
}

impl Message for TestSummary {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let TestSummary {
            passed,
            failed,
            files,
        } = *self;
        match lang {
            Lang::Nl => {
                let noun = if files == 1 { "bestand" } else { "bestanden" };
                write!(out, "{passed} geslaagd, {failed} mislukt ({files} {noun})")
            }
            Lang::En => {
                let noun = if files == 1 { "file" } else { "files" };
                write!(out, "{passed} passed, {failed} failed ({files} {noun})")
            }
        }
    }
}

/// The mark before a case in `wegwijs test` text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseMark {
    /// The case passed (shown with `--verbose`).
    Passed,
    /// The case failed.
    Failed,
}

impl Message for CaseMark {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match (self, lang) {
            (CaseMark::Passed, Lang::Nl) => "ok",
            (CaseMark::Passed, Lang::En) => "ok",
            (CaseMark::Failed, Lang::Nl) => "FOUT",
            (CaseMark::Failed, Lang::En) => "FAIL",
        })
    }
}
