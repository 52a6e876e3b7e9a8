//! `list`, `check` and `test` as readable text, wrapped to the terminal.

use std::io::{self, Write};

use super::TextStyle;
use super::report::{CaseMark, ListItem, ReportRenderer, SlotItem, TestReport, TestSummary};
use crate::check::report::{self as check_report, Summary};
use crate::diagnostic::Diagnostic;
use crate::graph::Sources;
use crate::i18n::{Message, Ui};
use crate::text::sanitize;

/// The text layouts of the reports.
#[derive(Debug, Clone, Copy)]
pub struct TextReport {
    /// Width, colour and language.
    pub style: TextStyle,
    /// Also list the rule tests that passed.
    pub verbose: bool,
}

impl ReportRenderer for TextReport {
    fn list(&self, items: &[ListItem], out: &mut dyn Write) -> io::Result<()> {
        let lang = self.style.lang;
        let id_width = items
            .iter()
            .flat_map(|i| {
                std::iter::once(i.id.len()).chain(i.options.iter().map(|o| o.id.len() + 2))
            })
            .max()
            .unwrap_or(0)
            .min(28);
        let width = self.style.width;
        let line = |out: &mut dyn Write, indent: usize, id: &str, text: &str| -> io::Result<()> {
            let lead = format!(
                "{}{id:<w$}  ",
                " ".repeat(indent),
                w = id_width - indent.min(id_width)
            );
            let hang = " ".repeat(id_width + 2);
            let opts = textwrap::Options::new(width.max(40))
                .initial_indent(&lead)
                .subsequent_indent(&hang)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for l in textwrap::wrap(&sanitize(text), opts) {
                writeln!(out, "{}", l.trim_end())?;
            }
            Ok(())
        };
        for item in items {
            let mut text = item.label.to_string();
            if item.safety {
                text.push_str(&format!(" ({})", Ui::SafetyQuestion.get(lang)));
            }
            if let Some(d) = &item.description {
                text.push_str(&format!(" — {d}"));
            }
            line(out, 0, &item.id, &text)?;
            if !item.aliases.is_empty() {
                line(
                    out,
                    0,
                    "",
                    &format!("{}: {}", Ui::Aliases.get(lang), item.aliases.join(", ")),
                )?;
            }
            for o in &item.options {
                let mut text = o.label.to_string();
                if item.assume.as_deref() == Some(o.id.as_str()) {
                    text.push_str(&format!(" ({})", Ui::AssumedWhenMissing.get(lang)));
                }
                if !o.aliases.is_empty() {
                    text.push_str(&format!(
                        " [{}: {}]",
                        Ui::Aliases.get(lang),
                        o.aliases.join(", ")
                    ));
                }
                line(out, 2, &o.id, &text)?;
            }
        }
        Ok(())
    }

    fn slots(&self, slots: &[SlotItem], out: &mut dyn Write) -> io::Result<()> {
        let lang = self.style.lang;
        let wrap = |out: &mut dyn Write, text: &str, first: &str| -> io::Result<()> {
            let opts = textwrap::Options::new(self.style.width.max(40))
                .initial_indent(first)
                .subsequent_indent("    ")
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for l in textwrap::wrap(&sanitize(text), opts) {
                writeln!(out, "{}", l.trim_end())?;
            }
            Ok(())
        };
        for slot in slots {
            wrap(
                out,
                &format!("{} ({}): {}", slot.id, slot.kind, slot.name),
                "",
            )?;
            let state = match (&slot.filled_by, slot.state) {
                (Some(f), _) => format!(
                    "{}: {} ({} {} · {} {})",
                    Ui::FilledBy.get(lang),
                    f.name,
                    f.overlay,
                    f.version,
                    Ui::Reviewed.get(lang),
                    f.reviewed
                ),
                (None, "base") => Ui::BaseContact.get(lang).to_owned(),
                (None, _) => format!("{}: {}", Ui::NotFilled.get(lang), slot.find),
            };
            wrap(out, &state, "    ")?;
        }
        Ok(())
    }

    fn check(
        &self,
        diagnostics: &[Diagnostic],
        sources: &Sources,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let lang = self.style.lang;
        check_report::write_text(out, diagnostics, sources, lang, self.style.color)?;
        let summary = Summary::of(diagnostics, sources.len());
        writeln!(out, "{}", summary.in_lang(lang))
    }

    fn tests(&self, report: &TestReport, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.style.lang;
        for r in &report.cases {
            let mark = if r.passed {
                if !self.verbose {
                    continue;
                }
                CaseMark::Passed
            } else {
                CaseMark::Failed
            };
            // The marks line up: `ok    ` and `FAIL  ` (`FOUT  `) are six wide.
            let mark = format!("{:<6}", mark.in_lang(lang).to_string());
            writeln!(out, "{mark}{}: {}", sanitize(&r.file), sanitize(&r.name))?;
            for problem in &r.problems {
                let problem = problem.in_lang(lang).to_string();
                writeln!(out, "      {}", sanitize(&problem))?;
            }
        }
        let (passed, failed) = report.counts();
        let summary = TestSummary {
            passed,
            failed,
            files: report.files,
        };
        writeln!(out, "{}", summary.in_lang(lang))
    }
}
