//! `list`, `check` and `test` as JSON documents, for programs.

use std::io::{self, Write};

use serde::Serialize;

use super::Json;
use super::report::{ListItem, ReportRenderer, SlotItem, TestReport};
use crate::check::report as check_report;
use crate::diagnostic::Diagnostic;
use crate::graph::Sources;
use crate::i18n::{Lang, Message};

/// The JSON form of the reports: pretty-printed, one document each.
#[derive(Debug, Clone, Copy)]
pub struct JsonReport {
    /// The language of messages inside the documents.
    pub lang: Lang,
}

/// The document `wegwijs test --format json` writes.
#[derive(Serialize)]
struct TestDocument<'r> {
    passed: usize,
    failed: usize,
    cases: Vec<CaseDocument<'r>>,
}

#[derive(Serialize)]
struct CaseDocument<'r> {
    file: &'r str,
    name: &'r str,
    passed: bool,
    problems: Vec<String>,
}

impl ReportRenderer for JsonReport {
    fn list(&self, items: &[ListItem], out: &mut dyn Write) -> io::Result<()> {
        Json::PRETTY.write(&items, out)
    }

    fn slots(&self, slots: &[SlotItem], out: &mut dyn Write) -> io::Result<()> {
        Json::PRETTY.write(&slots, out)
    }

    fn check(
        &self,
        diagnostics: &[Diagnostic],
        sources: &Sources,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        Json::PRETTY.write(&check_report::to_json(diagnostics, sources, self.lang), out)
    }

    fn tests(&self, report: &TestReport, out: &mut dyn Write) -> io::Result<()> {
        let (passed, failed) = report.counts();
        let cases = report
            .cases
            .iter()
            .map(|r| CaseDocument {
                file: &r.file,
                name: &r.name,
                passed: r.passed,
                problems: r
                    .problems
                    .iter()
                    .map(|p| p.in_lang(self.lang).to_string())
                    .collect(),
            })
            .collect();
        let document = TestDocument {
            passed,
            failed,
            cases,
        };
        Json::PRETTY.write(&document, out)
    }
}
