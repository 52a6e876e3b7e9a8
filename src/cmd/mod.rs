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
mod diff;
mod export;
mod init;
mod list;
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
use crate::diagnostic::{Diagnostic, Severity, has_errors};
use crate::exit::{self, ErrorBody, ErrorObject, ExitCode, UsageError};
use crate::graph::keyed::KeyedStrings;
use crate::graph::{self, Graph, Sources};
use crate::i18n::Lang;
use crate::plan::PlanError;
use crate::query::{QueryError, RawQuery};
use crate::render::Format;

pub use args::{run_args, version_text};

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
    let mut config = Config::new(&cli.global, terminal, var);
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
        None => dispatch(&cli, &config, io),
    };
    let result = result.and_then(|code| {
        io.out.flush().context("writing output")?;
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
        Some(Command::Completions(args)) => publish::completions(config, args, io),
        Some(Command::Init(args)) => init::run(config, args, io),
        Some(Command::Man) => publish::man(io),
        None => no_command(config, io),
    }
}

fn wants_json(command: Option<&Command>) -> bool {
    match command {
        Some(Command::Plan(a)) => a.format == Format::Json,
        Some(Command::Ask(a)) => a.format == Format::Json,
        Some(Command::List(a)) => a.format == DataFormat::Json,
        Some(Command::Check(a)) => a.format == DataFormat::Json,
        Some(Command::Test(a)) => a.format == DataFormat::Json,
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
    let text = match config.lang {
        Lang::Nl => {
            "wegwijs: geef een opdracht, bijvoorbeeld `wegwijs plan --role jongerenwerker --concern radicalisering`.\nMeer: `wegwijs --help`."
        }
        Lang::En => {
            "wegwijs: give a command, e.g. `wegwijs plan --role youth-worker --concern radicalisation`.\nMore: `wegwijs --help`."
        }
    };
    writeln!(io.err, "{text}")?;
    Ok(ExitCode::Usage)
}

/// The message of an error in the user's language (typed errors know both languages).
fn message(err: &anyhow::Error, lang: Lang) -> String {
    match (
        err.downcast_ref::<QueryError>(),
        err.downcast_ref::<PlanError>(),
    ) {
        (Some(q), _) | (_, Some(PlanError::Query(q))) => q.message(lang),
        _ => format!("{err:#}"),
    }
}

fn report_error(
    err: &anyhow::Error,
    code: ExitCode,
    lang: Lang,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // The error may quote input of any length (an answer, a line of a file): clip it.
    let text = crate::echo::clip_quoted(&message(err, lang)).into_owned();
    if json {
        out.write_all(json_error_line(code, &text).as_bytes())
    } else {
        let label = match lang {
            Lang::Nl => "fout",
            Lang::En => "error",
        };
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
    let mut line = serde_json::to_string(&body).unwrap_or_default();
    line.push('\n');
    line
}

/// Reads an answers file: a JSON object of question ids to option ids, in which `role` and
/// `concern` may also be given ([`RawQuery::from_answers`]).
fn read_answers(path: &std::path::Path) -> anyhow::Result<RawQuery> {
    let usage = |detail: String| UsageError(format!("answers file {}: {detail}", path.display()));
    let text = std::fs::read_to_string(path).map_err(|e| usage(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let map: KeyedStrings = serde_json::from_str(text).map_err(|e| usage(e.to_string()))?;
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
    Ok(load_graph_and_files(config, sources, io, json)?.map(|(graph, _)| graph))
}

/// [`load_graph`], also giving the files read, for commands that name them.
fn load_graph_and_files<'s>(
    config: &Config,
    sources: &'s mut Sources,
    io: &mut Io,
    json: bool,
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
            failed,
            io.err,
        )?;
    }
    Ok(match (failed, loaded.graph) {
        (false, Some(graph)) => Some((graph, loaded.sources)),
        _ => None,
    })
}

/// Ends a graph's life without freeing it. Every command is the last thing the process does, and
/// freeing a large graph, millions of small allocations, would only delay the exit. (The file
/// texts it borrows from are single allocations, freed as usual.)
fn keep(graph: Graph<'_>) {
    std::mem::forget(graph);
}

/// Locates, sorts and prints diagnostics to `out` (as a JSON error object when `json`).
fn print_diagnostics(
    diagnostics: &mut [Diagnostic],
    sources: &Sources,
    config: &Config,
    json: bool,
    failed: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    sources.locate(diagnostics);
    crate::check::sort(diagnostics);
    if json {
        let message = match config.lang {
            Lang::Nl => "de regelset bevat fouten",
            Lang::En => "the rule graph has errors",
        };
        let value = ErrorObject {
            error: ErrorBody {
                kind: if failed { "rules" } else { "warnings" },
                exit_code: if failed { ExitCode::Problems.code() } else { 0 },
                message: message.into(),
            },
            report: Some(report::to_json(diagnostics, sources, config.lang)),
        };
        serde_json::to_writer(&mut *out, &value)?;
        writeln!(out)
    } else {
        report::write_text(out, diagnostics, sources, config.lang, config.err_color)?;
        if failed {
            let summary = crate::check::summary(diagnostics, sources.len(), config.lang);
            writeln!(out, "{summary}")?;
        }
        Ok(())
    }
}
