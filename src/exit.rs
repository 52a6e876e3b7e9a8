//! The process exit codes, and the one place that maps an outcome to a code.
//!
//! Documented in the README; scripts rely on them, so they never change meaning.

use std::fmt;
use std::io;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::report::JsonReport;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::os_text::OsProblem;
use crate::diagnostic::serde_text::SerdeMessage;
use crate::engine::EngineError;
use crate::graph::ReadError;
use crate::i18n::{Lang, Message, Ui};
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
///
/// Each variant carries data, never words: its [`Message`] impl says it in the user's language
/// (and `Display` in English, for logs and `{:?}`-free contexts).
#[derive(Debug)]
pub enum UsageError {
    /// `ask` without a terminal to draw the questions on.
    NeedsTerminal,
    /// `init overlay --name` with an empty name.
    EmptyName,
    /// `--output FILE` names a file that exists, without `--force`.
    OutputExists(PathBuf),
    /// `export html` with stdout on a terminal.
    PageToTerminal,
    /// `diff` given a file beyond the two graphs.
    ExtraFile(PathBuf),
    /// An answers file (`--answers FILE`) that cannot be used.
    AnswersFile {
        /// The file as given.
        path: PathBuf,
        /// What is wrong with it.
        problem: FileProblem,
    },
    /// A rule-test file (`wegwijs test FILE`) that cannot be used.
    TestFile {
        /// The file as given.
        path: PathBuf,
        /// What is wrong with it.
        problem: FileProblem,
    },
}

/// Why a file given on the command line cannot be used.
#[derive(Debug)]
pub enum FileProblem {
    /// The system would not give its text.
    Os(OsProblem),
    /// Its JSON is wrong: serde's sentence as data, at a line and column.
    Json {
        /// What is wrong.
        said: SerdeMessage,
        /// The key of the wrong value, when serde_path_to_error found one.
        field: Option<String>,
        /// The 1-based line and column.
        at: (usize, usize),
    },
    /// Its content is wrong, as a located diagnostic (rule-test files).
    Content(Box<Diagnostic>),
}

impl FileProblem {
    /// The problem a serde_json error describes.
    pub fn json(e: &serde_json::Error) -> FileProblem {
        match e.io_error_kind() {
            Some(kind) => FileProblem::Os(OsProblem::from_io(&io::Error::from(kind))),
            None => FileProblem::Json {
                said: SerdeMessage::parse(&e.to_string()),
                field: None,
                // serde_json counts the column from 0 at the start of a line; messages count from 1,
                // as they do for rule files.
                at: (e.line(), e.column().max(1)),
            },
        }
    }

    /// The problem a serde_path_to_error error describes, naming the key of the wrong value.
    pub fn json_at(e: &serde_path_to_error::Error<serde_json::Error>) -> FileProblem {
        let field = e.path().iter().next_back().and_then(|seg| match seg {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        match FileProblem::json(e.inner()) {
            FileProblem::Json { said, at, .. } => FileProblem::Json { said, field, at },
            other => other,
        }
    }
}

impl Message for FileProblem {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Os(os) => os.write(lang, out),
            FileProblem::Json {
                said,
                field,
                at: (line, column),
            } => {
                let said = said.about(field.as_deref());
                match lang {
                    Lang::Nl => write!(out, "regel {line} kolom {column}: {}", said.in_lang(lang)),
                    Lang::En => write!(out, "line {line} column {column}: {}", said.in_lang(lang)),
                }
            }
            FileProblem::Content(d) => {
                // Placed right after the file's name: `FILE:LINE:COLUMN (json.path): message`.
                if let Some(p) = d.position {
                    write!(out, ":{}:{}", p.line, p.column)?;
                }
                let (message, help) = d.describe(lang);
                write!(out, " ({}): {message}", d.path)?;
                match help {
                    Some(h) => write!(out, "; {h}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Message for UsageError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::NeedsTerminal => Ui::NeedsTerminal.write(lang, out),
            UsageError::EmptyName => match lang {
                Lang::Nl => out.write_str(
                    "--name mag niet leeg zijn, bijvoorbeeld --name \"Gemeente Voorbeeld\"",
                ),
                Lang::En => {
                    out.write_str("--name must not be empty, e.g. --name \"Gemeente Voorbeeld\"")
                }
            },
            UsageError::OutputExists(path) => {
                let path = path.display();
                match lang {
                    Lang::Nl => write!(
                        out,
                        "{path} bestaat al; kies een ander --output of overschrijf het met --force"
                    ),
                    Lang::En => write!(
                        out,
                        "{path} already exists; choose another --output or overwrite it with --force"
                    ),
                }
            }
            UsageError::PageToTerminal => match lang {
                Lang::Nl => out.write_str(
                    "de pagina is een bestand, geen uitvoer voor de terminal: stuur hem door, bijvoorbeeld `wegwijs export html > wegwijs.html`",
                ),
                Lang::En => out.write_str(
                    "the page is a file, not terminal output: redirect it, e.g. `wegwijs export html > wegwijs.html`",
                ),
            },
            UsageError::ExtraFile(path) => {
                let path = path.display();
                match lang {
                    Lang::Nl => write!(
                        out,
                        "{path} is één bestand te veel: --old-rules en --new-rules geven de twee regelsets al"
                    ),
                    Lang::En => write!(
                        out,
                        "{path} is one file too many: --old-rules and --new-rules already give both graphs"
                    ),
                }
            }
            UsageError::AnswersFile { path, problem } => {
                let (path, problem) = (path.display(), problem.in_lang(lang));
                match lang {
                    Lang::Nl => write!(out, "antwoordenbestand {path}: {problem}"),
                    Lang::En => write!(out, "answers file {path}: {problem}"),
                }
            }
            UsageError::TestFile { path, problem } => {
                let path = path.display();
                match (problem, lang) {
                    (FileProblem::Content(_), Lang::Nl) => write!(out, "testbestand {path}")?,
                    (FileProblem::Content(_), Lang::En) => write!(out, "test file {path}")?,
                    (_, Lang::Nl) => write!(out, "kan testbestand {path} niet lezen: ")?,
                    (_, Lang::En) => write!(out, "cannot read test file {path}: ")?,
                }
                problem.write(lang, out)
            }
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(Lang::En, f)
    }
}

impl std::error::Error for UsageError {}

/// The user cancelled. Maps to exit code 130.
#[derive(Debug)]
pub struct Cancelled;

impl Message for Cancelled {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match lang {
            Lang::Nl => "afgebroken",
            Lang::En => "cancelled",
        })
    }
}

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(Lang::En, f)
    }
}

impl std::error::Error for Cancelled {}

/// What a command was doing when an error below it happened: the context of an
/// `anyhow::Error` (`.context(Doing::WritingOutput)`), said before the cause.
#[derive(Debug)]
pub enum Doing {
    /// Writing the command's output.
    WritingOutput,
    /// Writing a file the command makes (`init overlay --output`).
    WritingFile(PathBuf),
    /// Saving the answers of `ask --save-answers`.
    SavingAnswers(PathBuf),
}

impl Message for Doing {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, lang) {
            (Doing::WritingOutput, Lang::Nl) => out.write_str("uitvoer schrijven"),
            (Doing::WritingOutput, Lang::En) => out.write_str("writing output"),
            (Doing::WritingFile(p), Lang::Nl) => write!(out, "{} schrijven", p.display()),
            (Doing::WritingFile(p), Lang::En) => write!(out, "writing {}", p.display()),
            (Doing::SavingAnswers(p), Lang::Nl) => {
                write!(out, "kan de antwoorden niet opslaan in {}", p.display())
            }
            (Doing::SavingAnswers(p), Lang::En) => {
                write!(out, "cannot write answers to {}", p.display())
            }
        }
    }
}

impl fmt::Display for Doing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(Lang::En, f)
    }
}

/// The questionnaire's interface failed (a broken terminal, a test script that ran out).
#[derive(Debug)]
pub struct QuestionnaireFailed(pub String);

impl Message for QuestionnaireFailed {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The reason is the terminal library's own text: kept, as nothing else says why.
        match lang {
            Lang::Nl => write!(out, "de vragenlijst liep vast ({})", self.0),
            Lang::En => write!(out, "the questionnaire failed: {}", self.0),
        }
    }
}

impl fmt::Display for QuestionnaireFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(Lang::En, f)
    }
}

impl std::error::Error for QuestionnaireFailed {}

impl Message for ReadError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        let why = OsProblem::from_io(&self.error);
        let why = why.in_lang(lang);
        match lang {
            Lang::Nl => write!(out, "kan regelbestand {path} niet lezen: {why}"),
            Lang::En => write!(out, "cannot read rule file {path}: {why}"),
        }
    }
}

impl Message for EngineError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match (self, lang) {
            (EngineError::Unanswered(_), Lang::Nl) => "een vraag op dit pad heeft geen antwoord",
            (EngineError::Unanswered(_), Lang::En) => "a question on this path has no answer",
            (EngineError::NoStart, Lang::Nl) => "de regelset heeft geen startknooppunt",
            (EngineError::NoStart, Lang::En) => "the rule graph has no start node",
            (EngineError::NoBranch { .. }, Lang::Nl) => {
                "een knooppunt heeft geen tak voor het antwoord"
            }
            (EngineError::NoBranch { .. }, Lang::En) => "a node has no branch for the answer",
            (EngineError::Cycle, Lang::Nl) => "de regelset heeft een kringloop",
            (EngineError::Cycle, Lang::En) => "the rule graph has a cycle",
        })
    }
}

impl Message for PlanError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Query(q) => q.write(lang, out),
            PlanError::Graph(g) => g.write(lang, out),
        }
    }
}

/// An error that names the file it happened to, keeping the I/O error's kind (the exit code
/// depends on it). `crate::output` wraps its errors in it: `io::Error::new(kind, FileError)`.
#[derive(Debug)]
pub struct FileError {
    /// What was being done.
    pub action: FileAction,
    /// The file.
    pub path: PathBuf,
    /// What the system said.
    pub problem: OsProblem,
}

/// What was being done to a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Writing it.
    Write,
    /// Making a temporary file beside it.
    CreateBeside,
    /// Renaming the finished file over it.
    Replace,
}

impl Message for FileError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        let why = self.problem.in_lang(lang);
        match (self.action, lang) {
            (FileAction::Write, Lang::Nl) => write!(out, "kan {path} niet schrijven: {why}"),
            (FileAction::Write, Lang::En) => write!(out, "cannot write {path}: {why}"),
            (FileAction::CreateBeside, Lang::Nl) => {
                write!(out, "kan geen bestand maken naast {path}: {why}")
            }
            (FileAction::CreateBeside, Lang::En) => {
                write!(out, "cannot create a file beside {path}: {why}")
            }
            (FileAction::Replace, Lang::Nl) => write!(out, "kan {path} niet vervangen: {why}"),
            (FileAction::Replace, Lang::En) => write!(out, "cannot replace {path}: {why}"),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(Lang::En, f)
    }
}

impl std::error::Error for FileError {}

/// The message of an error that ended a command, in `lang`: each cause in the chain in
/// wegwijs's words, joined by `: ` as `{:#}` would (a cause no type here knows keeps its own
/// text).
pub fn message(err: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut chain = err.chain();
    // A context is found by asking the error itself; in the chain it is a wrapper of anyhow's.
    if let Some(doing) = err.downcast_ref::<Doing>() {
        parts.push(doing.in_lang(lang).to_string());
        chain.next();
    }
    for cause in chain {
        let (text, whole) = speak(cause, lang);
        parts.push(text);
        if whole {
            break;
        }
    }
    parts.join(": ")
}

/// One cause in `lang`, and whether its words already say everything below it.
fn speak(cause: &(dyn std::error::Error + 'static), lang: Lang) -> (String, bool) {
    let say = |m: &dyn MessageDyn| m.say(lang);
    if let Some(e) = cause.downcast_ref::<UsageError>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<QueryError>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<PlanError>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<ReadError>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<Cancelled>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<QuestionnaireFailed>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<FileError>() {
        return (say(e), true);
    }
    if let Some(e) = cause.downcast_ref::<io::Error>() {
        if let Some(file) = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<FileError>())
        {
            return (say(file), true);
        }
        return (say(&OsProblem::from_io(e)), true);
    }
    if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
        return (say(&FileProblem::json(e)), true);
    }
    (cause.to_string(), false)
}

/// A [`Message`] behind a reference, said into a `String` (the trait itself is not object safe
/// because of its generic helper).
trait MessageDyn {
    fn say(&self, lang: Lang) -> String;
}

impl<M: Message> MessageDyn for M {
    fn say(&self, lang: Lang) -> String {
        self.in_lang(lang).to_string()
    }
}

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
        let err = anyhow::Error::new(UsageError::EmptyName).context("while planning");
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
