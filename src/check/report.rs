//! Showing diagnostics: `rustc`-style text for people, one JSON document for editors and CI.

use std::fmt;
use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::Sources;
use crate::i18n::{Lang, Message};
use crate::text::sanitize;

/// A diagnostic as it appears in JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JsonDiagnostic {
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// Stable code, e.g. `E012`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The file, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column, in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// JSON path of the offending value, e.g. `nodes[12].next`.
    pub path: String,
}

/// The whole JSON report of a check run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JsonReport {
    /// The files checked.
    pub files: Vec<String>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of notes.
    pub notes: usize,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// The last line of a check: `1 error, 0 warnings, 0 notes (1 file)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Notes found.
    pub notes: usize,
    /// Files read.
    pub files: usize,
}

impl Summary {
    /// The counts of `diagnostics` over `files` files.
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Summary {
        let (errors, warnings, notes) = crate::check::counts(diagnostics);
        Summary {
            errors,
            warnings,
            notes,
            files,
        }
    }
}

impl Message for Summary {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pick =
            |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        let Summary {
            errors: e,
            warnings: w,
            notes: n,
            files: f,
        } = *self;
        match lang {
            Lang::Nl => write!(
                out,
                "{e} {}, {w} {}, {n} {} ({f} {})",
                pick(e, "fout", "fouten"),
                pick(w, "waarschuwing", "waarschuwingen"),
                pick(n, "opmerking", "opmerkingen"),
                pick(f, "bestand", "bestanden"),
            ),
            Lang::En => write!(
                out,
                "{e} {}, {w} {}, {n} {} ({f} {})",
                pick(e, "error", "errors"),
                pick(w, "warning", "warnings"),
                pick(n, "note", "notes"),
                pick(f, "file", "files"),
            ),
        }
    }
}

/// Converts diagnostics for JSON output.
pub fn to_json(diagnostics: &[Diagnostic], sources: &Sources, lang: Lang) -> JsonReport {
    let diagnostics: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| {
            let (message, help) = d.describe(lang);
            JsonDiagnostic {
                severity: d.severity(),
                code: d.code(),
                message,
                help,
                file: d.source.map(|s| sources.name(s).to_owned()),
                line: d.position.map(|p| p.line),
                column: d.position.map(|p| p.column),
                path: d.path.to_string(),
            }
        })
        .collect();
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    JsonReport {
        files: (0..sources.len())
            .map(|i| sources.name(i).to_owned())
            .collect(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        notes: count(Severity::Note),
        diagnostics,
    }
}

/// Writes diagnostics as text, one block each.
pub fn write_text(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    lang: Lang,
    color: bool,
) -> io::Result<()> {
    for d in diagnostics {
        let (message, help) = d.describe(lang);
        let (label, paint) = match (d.severity(), lang) {
            (Severity::Error, Lang::Nl) => ("fout", "\x1b[1;31m"),
            (Severity::Error, Lang::En) => ("error", "\x1b[1;31m"),
            (Severity::Warning, Lang::Nl) => ("waarschuwing", "\x1b[1;33m"),
            (Severity::Warning, Lang::En) => ("warning", "\x1b[1;33m"),
            (Severity::Note, Lang::Nl) => ("opmerking", "\x1b[1;36m"),
            (Severity::Note, Lang::En) => ("note", "\x1b[1;36m"),
        };
        let head = format!("{label}[{}]", d.code());
        if color {
            writeln!(
                out,
                "{paint}{head}\x1b[0m\x1b[1m: {}\x1b[0m",
                sanitize(&message)
            )?;
        } else {
            writeln!(out, "{head}: {}", sanitize(&message))?;
        }
        let file = d.source.map_or("-", |s| sources.name(s));
        let at = match d.position {
            Some(p) => format!("{}:{}:{}", sanitize(file), p.line, p.column),
            None => sanitize(file).into_owned(),
        };
        if d.path.is_root() {
            writeln!(out, "  --> {at}")?;
        } else {
            writeln!(out, "  --> {at} ({})", sanitize(&d.path.to_string()))?;
        }
        if let Some(help) = help {
            let label = match lang {
                Lang::Nl => "tip",
                Lang::En => "help",
            };
            writeln!(out, "  = {label}: {}", sanitize(&help))?;
        }
    }
    Ok(())
}
