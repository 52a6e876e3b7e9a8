//! Running commands: each subcommand in its own file, all writing through [`Io`] so that the
//! library never touches the process's stdout or stderr itself.
//!
//! [`run`] is the single entry point the binary calls. It maps every outcome to an
//! [`ExitCode`] through [`crate::exit`], prints errors once (as JSON when the command was asked
//! for JSON), and treats a closed stdout as a normal end.

mod args;
mod ask;
mod batch;
mod check;
mod completions;
mod diff;
mod export;
mod init;
mod list;
mod man;
mod notice;
mod picture;
mod plan;
mod publish;
mod review;
mod test;

use std::io::Write;

use anyhow::Context;

use crate::check::{CheckOptions, report};
use crate::cli::{Cli, Command, DataFormat};
use crate::config::{Config, Terminal};
use crate::diagnostic::os_text::OsProblem;
use crate::diagnostic::{Diagnostic, Severity, has_errors};
use crate::exit::{self, Doing, ErrorBody, ErrorObject, ExitCode, FileProblem, UsageError};
use crate::graph::keyed::KeyedStrings;
use crate::graph::{self, Graph, Sources};
use crate::i18n::Lang;
use crate::i18n::Message;
use crate::query::{QueryError, RawQuery};
use crate::render::report::ReportRenderer;
use crate::render::{Format, Json, JsonReport, TextReport};

pub use args::{run_args, version_text};
pub use notice::Notice;

/// Where a command writes.
pub struct Io<'a> {
    /// The command's output (stdout).
    pub out: &'a mut dyn Write,
    /// Messages, warnings and errors (stderr).
    pub err: &'a mut dyn Write,
}

/// Runs a parsed command line and returns the exit code. `var` reads environment variables.
pub fn run(
    cli: Cli,
    terminal: Terminal,
    var: &dyn Fn(&str) -> Option<String>,
    io: &mut Io,
) -> ExitCode {
    let mut config = Config::new(&(&cli.global).into(), terminal, var);
    let json = wants_json(cli.command.as_ref());
    // --output FILE: the command writes to a temporary file beside FILE, renamed over it only
    // when the command produced its whole output (crate::output).
    let output = output_path(cli.command.as_ref());
    let mut file = match output.map(crate::output::AtomicFile::create).transpose() {
        Ok(file) => file,
        Err(e) => {
            let err = anyhow::Error::new(e);
            let _ = report_error(&err, ExitCode::Output, config.lang, json, io.err);
            return ExitCode::Output;
        }
    };
    if file.is_some() {
        // A file gets what a pipe gets: no colour, the default width.
        config.terminal.stdout = false;
        config.style = crate::render::TextStyle {
            width: crate::render::TextStyle::DEFAULT_WIDTH,
            color: false,
            lang: config.lang,
        };
    }
    let result = match file.as_mut() {
        Some(f) => dispatch(
            &cli,
            &config,
            &mut Io {
                out: f,
                err: &mut *io.err,
            },
        ),
        None => {
            let mut out = Watched {
                inner: &mut *io.out,
                failed: false,
            };
            let result = dispatch(
                &cli,
                &config,
                &mut Io {
                    out: &mut out,
                    err: &mut *io.err,
                },
            );
            // A command that failed while writing its output says so, as the flush below does,
            // whichever command it was and however much it had written.
            match result {
                Err(e) if out.failed && e.downcast_ref::<Doing>().is_none() => {
                    Err(e.context(Doing::WritingOutput))
                }
                result => result,
            }
        }
    };
    let result = result.and_then(|code| {
        io.out.flush().context(Doing::WritingOutput)?;
        Ok(code)
    });
    let result = match (result, file) {
        (Ok(code), Some(f)) if output_complete(cli.command.as_ref(), code) => {
            f.commit().map(|()| code).map_err(anyhow::Error::from)
        }
        (result, _) => result,
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let code = exit::for_error(&err);
            if code != ExitCode::Success {
                // A failure to report the failure leaves nothing better to do.
                let _ = report_error(&err, code, config.lang, json, io.err);
            }
            code
        }
    }
}

/// A writer that remembers whether a write to it failed, so that the error can be named as a
/// failure to write the output rather than whatever the command was doing.
struct Watched<'w> {
    inner: &'w mut dyn Write,
    failed: bool,
}

impl Write for Watched<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.failed |= result.is_err();
        result
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let result = self.inner.write_all(buf);
        self.failed |= result.is_err();
        result
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.failed |= result.is_err();
        result
    }
}

/// Runs the command itself, writing to `io`.
fn dispatch(cli: &Cli, config: &Config, io: &mut Io) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Plan(args)) => plan::run(config, args, io),
        Some(Command::Ask(args)) => ask::run(config, args, io),
        Some(Command::List(args)) => list::run(config, args, io),
        Some(Command::Check(args)) => check::run(config, args, io),
        Some(Command::Batch) => batch::run(config, io),
        Some(Command::Test(args)) => test::run(config, args, io),
        Some(Command::Graph(args)) => picture::run(config, args, io),
        Some(Command::Export(args)) => export::run(config, args, io),
        Some(Command::Diff(args)) => diff::run(config, args, io),
        Some(Command::Review(args)) => review::run(config, args, io),
        Some(Command::Schema(args)) => publish::schema(args, io),
        Some(Command::Completions(args)) => completions::run(config, args, io),
        Some(Command::Init(args)) => init::run(config, args, io),
        Some(Command::Man) => man::run(config, io),
        None => no_command(config, io),
    }
}

fn wants_json(command: Option<&Command>) -> bool {
    match command {
        Some(Command::Plan(a)) => a.format == Format::Json,
        Some(Command::Ask(a)) => a.format == Format::Json,
        Some(Command::List(a)) => is_json(a.format),
        Some(Command::Check(a)) => is_json(a.format),
        Some(Command::Test(a)) => is_json(a.format),
        Some(Command::Diff(a)) => a.format == Format::Json,
        Some(Command::Review(a)) => a.format == crate::review::render::ReviewFormat::Json,
        Some(Command::Batch | Command::Schema(_)) => true,
        Some(
            Command::Completions(_)
            | Command::Man
            | Command::Graph(_)
            | Command::Export(_)
            | Command::Init(_),
        )
        | None => false,
    }
}

/// The file `--output` names, for the commands that have it.
fn output_path(command: Option<&Command>) -> Option<&std::path::Path> {
    match command? {
        Command::Plan(a) => a.output.as_deref(),
        Command::Graph(a) => a.output.as_deref(),
        Command::Export(a) => a.output.as_deref(),
        Command::Schema(a) => a.output.as_deref(),
        Command::Diff(a) => a.output.as_deref(),
        Command::Review(a) => a.output.as_deref(),
        _ => None,
    }
}

/// Whether a command that ended with `code` wrote its whole output. `diff` exits 1 for "the
/// graphs differ" after writing the report; for every other command 1 means it stopped early.
fn output_complete(command: Option<&Command>, code: ExitCode) -> bool {
    code == ExitCode::Success
        || (matches!(command, Some(Command::Diff(_))) && code == ExitCode::Problems)
}

fn no_command(config: &Config, io: &mut Io) -> anyhow::Result<ExitCode> {
    if config.terminal.stdin && config.terminal.stdout {
        let args = crate::cli::AskArgs {
            answers_file: None,
            save_answers: None,
            explain: false,
            format: Format::Text,
        };
        return ask::run(config, &args, io);
    }
    writeln!(io.err, "{}", Notice::NoCommand.in_lang(config.lang))?;
    Ok(ExitCode::Usage)
}

fn report_error(
    err: &anyhow::Error,
    code: ExitCode,
    lang: Lang,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // The error may quote input of any length (an answer, a line of a file): clip it.
    let text = crate::echo::clip_quoted(&exit::message(err, lang)).into_owned();
    if json {
        out.write_all(json_error_line(code, &text).as_bytes())
    } else {
        let label = Notice::ErrorLabel.in_lang(lang);
        writeln!(out, "{label}: {}", crate::text::sanitize(&text))
    }
}

/// The documented JSON error object for an error that ends a command with `code`, as one line.
fn json_error_line(code: ExitCode, message: &str) -> String {
    let kind = match code {
        ExitCode::Usage => "usage",
        ExitCode::Output => "output",
        ExitCode::Cancelled => "cancelled",
        _ => "failure",
    };
    let body = ErrorObject {
        error: ErrorBody {
            kind,
            exit_code: code.code(),
            message: message.to_owned(),
        },
        report: None,
    };
    let mut line = Vec::new();
    // Writing into memory does not fail.
    let _ = Json::COMPACT.write(&body, &mut line);
    String::from_utf8(line).unwrap_or_default()
}

/// Reads an answers file: a JSON object of question ids to option ids, in which `role` and
/// `concern` may also be given ([`RawQuery::from_answers`]).
fn read_answers(path: &std::path::Path) -> anyhow::Result<RawQuery> {
    let usage = |problem| UsageError::AnswersFile {
        path: path.to_owned(),
        problem,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(FileProblem::Os(OsProblem::from_io(&e))))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Through serde_path_to_error, so that a wrong answer is named by its question.
    let mut de = serde_json::Deserializer::from_str(text);
    let map: KeyedStrings =
        serde_path_to_error::deserialize(&mut de).map_err(|e| usage(FileProblem::json_at(&e)))?;
    de.end().map_err(|e| usage(FileProblem::json(&e)))?;
    Ok(RawQuery::from_answers(&map))
}

/// Checks that a role and concern an answers file names exist, even when flags override them:
/// a file that names what the graph does not have is a mistake worth saying.
fn check_overridden(
    graph: &Graph,
    (role, concern): (Option<String>, Option<String>),
) -> Result<(), QueryError> {
    let raw = RawQuery {
        role,
        concern,
        answers: Vec::new(),
    };
    crate::query::Query::resolve(graph, &raw).map(|_| ())
}

/// Loads the configured graph into `sources`, which its strings borrow from. User files get
/// every check; the built-in graph is checked by the test suite and only parsed. Returns
/// `None` after printing the diagnostics when the graph has errors; warnings are printed only
/// with `--verbose`.
fn load_graph<'s>(
    config: &Config,
    sources: &'s mut Sources,
    io: &mut Io,
    json: bool,
) -> anyhow::Result<Option<Graph<'s>>> {
    Ok(
        load_graph_and_files(config, sources, io, json, ExitCode::Problems)?
            .map(|(graph, _)| graph),
    )
}

/// [`load_graph`], also giving the files read, for commands that name them.
///
/// `on_errors` is the code the caller exits with when the graph has errors, so that a JSON
/// error object names the code the process really ends with.
fn load_graph_and_files<'s>(
    config: &Config,
    sources: &'s mut Sources,
    io: &mut Io,
    json: bool,
    on_errors: ExitCode,
) -> anyhow::Result<Option<(Graph<'s>, &'s Sources)>> {
    let loaded = graph::load(&config.selection, sources)?;
    let mut diagnostics = loaded.diagnostics;
    if let (Some(g), false) = (&loaded.graph, config.selection.files.is_empty()) {
        let opts = CheckOptions {
            today: config.today,
            ..CheckOptions::default()
        };
        let more = crate::check::run(g, &diagnostics, &opts);
        diagnostics.extend(more);
    }
    let failed = has_errors(&diagnostics) || loaded.graph.is_none();
    if !config.verbose {
        diagnostics.retain(|d| d.severity() == Severity::Error);
    }
    if !diagnostics.is_empty() {
        print_diagnostics(
            &mut diagnostics,
            loaded.sources,
            config,
            json,
            failed.then_some(on_errors),
            io.err,
        )?;
    }
    Ok(match (failed, loaded.graph) {
        (false, Some(graph)) => Some((graph, loaded.sources)),
        _ => None,
    })
}

/// The renderer for the reports of `list`, `check` and `test` in `format`: the one place their
/// format is chosen.
fn report_renderer(format: DataFormat, config: &Config) -> Box<dyn ReportRenderer> {
    match format {
        DataFormat::Text => Box::new(TextReport {
            style: config.style,
            verbose: config.verbose,
        }),
        DataFormat::Json => Box::new(JsonReport { lang: config.lang }),
    }
}

/// Whether a report in `format` is for programs, so that errors go out as JSON too.
fn is_json(format: DataFormat) -> bool {
    match format {
        DataFormat::Text => false,
        DataFormat::Json => true,
    }
}

/// Locates, sorts and prints diagnostics to `out` (as a JSON error object when `json`).
/// `failed` is the exit code the command ends with because of them, if it fails.
fn print_diagnostics(
    diagnostics: &mut [Diagnostic],
    sources: &Sources,
    config: &Config,
    json: bool,
    failed: Option<ExitCode>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    sources.locate(diagnostics);
    crate::check::sort(diagnostics);
    if json {
        let message = Notice::RulesHaveErrors.in_lang(config.lang).to_string();
        let value = ErrorObject {
            error: ErrorBody {
                kind: if failed.is_some() {
                    "rules"
                } else {
                    "warnings"
                },
                exit_code: failed.map_or(0, ExitCode::code),
                message,
            },
            report: Some(report::to_json(diagnostics, sources, config.lang)),
        };
        Json::COMPACT.write(&value, out)
    } else {
        report::write_text(out, diagnostics, sources, config.lang, config.err_color)?;
        if failed.is_some() {
            let summary = report::Summary::of(diagnostics, sources.len());
            writeln!(out, "{}", summary.in_lang(config.lang))?;
        }
        Ok(())
    }
}
