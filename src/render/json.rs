//! The plan as one JSON document: the contract for programs (see the README).
//!
//! Control characters in texts stay in the data as JSON escapes (`\u001b`), as JSON requires;
//! it is the consumer's job not to print them raw.

use std::io::{self, Write};

use super::PlanRenderer;
use crate::plan::Plan;

/// The JSON renderer: pretty-printed, or one line per plan for JSON Lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json {
    /// One line, no indentation (for `batch`).
    pub compact: bool,
}

impl PlanRenderer for Json {
    fn render(&self, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
        if self.compact {
            serde_json::to_writer(&mut *out, plan)?;
        } else {
            serde_json::to_writer_pretty(&mut *out, plan)?;
        }
        writeln!(out)
    }
}
