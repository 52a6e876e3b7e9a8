//! The plan as one JSON document: the contract for programs (see the README).
//!
//! Control characters in texts stay in the data as JSON escapes (`\u001b`), as JSON requires;
//! it is the consumer's job not to print them raw.

use std::io::{self, Write};

use serde::Serialize;

use super::PlanRenderer;
use crate::plan::Plan;

/// The JSON renderer: pretty-printed, or one line per plan for JSON Lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json {
    /// One line, no indentation (for `batch`).
    pub compact: bool,
}

impl Json {
    /// Indented, for a person reading along (`plan --format json`, reports).
    pub const PRETTY: Json = Json { compact: false };
    /// One line per document (JSON Lines, for `batch`).
    pub const COMPACT: Json = Json { compact: true };

    /// Writes any document (a plan, a report, a `batch` answer) and ends its line: the one
    /// place wegwijs decides how JSON looks.
    ///
    /// Generic over the writer so that `batch`, which writes each answer into a buffer, pays no
    /// dynamic call per piece serde_json writes.
    pub fn write<T, W>(&self, value: &T, out: &mut W) -> io::Result<()>
    where
        T: Serialize + ?Sized,
        W: Write + ?Sized,
    {
        if self.compact {
            serde_json::to_writer(&mut *out, value)?;
        } else {
            serde_json::to_writer_pretty(&mut *out, value)?;
        }
        writeln!(out)
    }
}

impl PlanRenderer for Json {
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
        self.write(plan, out)
    }
}
