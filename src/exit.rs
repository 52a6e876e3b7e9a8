//! The process exit codes, and the one place that maps an outcome to a code.
//!
//! Documented in the README; scripts rely on them, so they never change meaning.

use std::io;

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::report::JsonReport;

use crate::graph::ReadError;
use crate::plan::PlanError;
use crate::query::QueryError;

/// What the process reports to its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: done (also when the reader of stdout went away early).
    Success,
    /// 1: the input was read but is not sound: a rule graph with errors (or with warnings
    /// under `--deny-warnings`), a failing rule test, a failed line in `batch`.
    Problems,
    /// 2: a usage error: bad arguments, an unknown id, a file that cannot be read, `ask`
    /// without a terminal.
    Usage,
    /// 3: output could not be written (e.g. a full disk for `--save-answers`).
    Output,
    /// 130: the user cancelled the questionnaire (Esc or Ctrl-C).
    Cancelled,
}

impl ExitCode {
    /// The number the process exits with.
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Problems => 1,
            ExitCode::Usage => 2,
            ExitCode::Output => 3,
            ExitCode::Cancelled => 130,
        }
    }
}

/// An error the user fixes by calling the tool differently. Maps to exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The user cancelled. Maps to exit code 130.
#[derive(Debug)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// True when the error chain holds a broken pipe: the reader left, which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| io_error_kind(e) == Some(io::ErrorKind::BrokenPipe))
}

/// The kind of a write error, whether it came straight from a writer or through serde_json
/// (which wraps the I/O error of a writer it serialises into, without exposing it as a source).
fn io_error_kind(e: &(dyn std::error::Error + 'static)) -> Option<io::ErrorKind> {
    if let Some(io) = e.downcast_ref::<io::Error>() {
        return Some(io.kind());
    }
    e.downcast_ref::<serde_json::Error>()
        .and_then(serde_json::Error::io_error_kind)
}

/// The exit code for an error that ended a command.
pub fn for_error(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::Success;
    }
    for cause in err.chain() {
        if cause.is::<Cancelled>() {
            return ExitCode::Cancelled;
        }
        let query = matches!(cause.downcast_ref::<PlanError>(), Some(PlanError::Query(_)));
        if query || cause.is::<UsageError>() || cause.is::<QueryError>() || cause.is::<ReadError>()
        {
            return ExitCode::Usage;
        }
        if io_error_kind(cause).is_some() {
            return ExitCode::Output;
        }
    }
    ExitCode::Problems
}

/// The error object a command prints on stderr when it was asked for JSON: one line,
/// `{"error": {"kind": .., "exit_code": .., "message": ..}}`, with the check report's fields
/// beside `error` when the rule graph is broken.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorObject {
    /// What went wrong.
    pub error: ErrorBody,
    /// The diagnostics, when the rule graph has errors (or warnings under `--verbose`).
    #[serde(flatten)]
    pub report: Option<JsonReport>,
}

/// Kind, exit code and message of a command's error object.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorBody {
    /// `usage`, `output`, `cancelled`, `failure`, `rules` or `warnings`; new kinds may be
    /// added.
    pub kind: &'static str,
    /// The code the process exits with (0 for `warnings`).
    pub exit_code: i32,
    /// What went wrong, in the chosen language.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        let codes: Vec<i32> = [
            ExitCode::Success,
            ExitCode::Problems,
            ExitCode::Usage,
            ExitCode::Output,
            ExitCode::Cancelled,
        ]
        .iter()
        .map(|c| c.code())
        .collect();
        assert_eq!(codes, [0, 1, 2, 3, 130]);
    }

    #[test]
    fn broken_pipe_is_success() {
        let err = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing the plan");
        assert!(is_broken_pipe(&err));
        assert_eq!(for_error(&err), ExitCode::Success);
    }

    #[test]
    fn usage_errors_map_to_2_even_with_context() {
        let err = anyhow::Error::new(UsageError("bad".into())).context("while planning");
        assert_eq!(for_error(&err), ExitCode::Usage);
        let err = anyhow::Error::new(QueryError::Missing { what: "role" });
        assert_eq!(for_error(&err), ExitCode::Usage);
    }

    #[test]
    fn write_failures_map_to_3_and_cancel_to_130() {
        let err = anyhow::Error::new(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(for_error(&err), ExitCode::Output);
        assert_eq!(
            for_error(&anyhow::Error::new(Cancelled)),
            ExitCode::Cancelled
        );
        assert_eq!(for_error(&anyhow::anyhow!("other")), ExitCode::Problems);
    }

    #[test]
    fn write_failures_inside_serde_json_map_like_any_write_failure() {
        // serde_json wraps its writer's error and does not expose it as a source.
        let write = |kind| {
            let mut failing = FailingWriter(kind);
            anyhow::Error::new(serde_json::to_writer(&mut failing, &[1, 2, 3]).unwrap_err())
        };
        assert_eq!(
            for_error(&write(io::ErrorKind::StorageFull)),
            ExitCode::Output
        );
        assert_eq!(
            for_error(&write(io::ErrorKind::BrokenPipe)),
            ExitCode::Success
        );
    }

    struct FailingWriter(io::ErrorKind);

    impl io::Write for FailingWriter {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
}
