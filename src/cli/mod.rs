//! The command line, as clap types. Nothing here does work; [`crate::config`] turns these into
//! plain settings and [`crate::cmd`] runs them.
//!
//! The derive types below give the shape (ids, flags, value types); the words a user reads come
//! from [`texts`] in the chosen language, put in place by [`localize::command`]. The doc comments
//! here are for readers of the code; the help shown replaces every one of them (a test walks
//! every argument and fails on one without its text).

pub mod complete;
pub mod errors;
pub mod localize;
pub mod man;
pub mod texts;

use std::path::PathBuf;

use clap::builder::{EnumValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Globals;
use crate::date::Date;
use crate::i18n::Lang;
use crate::picture::PictureFormat;
use crate::render::Format;
use crate::review::render::ReviewFormat;
use crate::schema::SchemaKind;

/// Whom to work with and what to do next: a referral plan for Dutch frontline professionals
/// facing social tensions, polarisation, radicalisation or troublesome youth groups.
///
/// In acute danger, call 112.
#[derive(Debug, Parser)]
#[command(name = "wegwijs", version, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Load this rule graph instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Language of the output [default: WEGWIJS_LANG, else nl when the locale is Dutch, else en].
    #[arg(long, global = true, value_parser = lib_enum::<LangArg, Lang>())]
    pub lang: Option<Lang>,
    /// Also show warnings about the rule graph on stderr.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Take this date (YYYY-MM-DD) as today when judging review dates, for reproducible output.
    #[arg(long, global = true, value_name = "DATE", env = "WEGWIJS_TODAY")]
    pub today: Option<Date>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the referral plan for a role and a concern.
    Plan(PlanArgs),
    /// Answer a few questions in the terminal and get the plan (what plain `wegwijs` does in a
    /// terminal).
    Ask(AskArgs),
    /// List roles, concerns, questions or catalog entries, to discover what to type.
    List(ListArgs),
    /// Check rule graphs for errors and warnings (no FILE: the built-in graph).
    Check(CheckArgs),
    /// Draw the decision graph (or the part one role and concern reach) as DOT or Mermaid.
    Graph(GraphArgs),
    /// Write the questionnaire as one self-contained HTML page, for people without a terminal.
    Export(ExportArgs),
    /// Run rule tests: pinned expected outcomes of the loaded graph.
    Test(TestArgs),
    /// Answer many queries: JSON Lines on stdin, one JSON plan (or error) per line on stdout.
    Batch,
    /// Print the JSON Schema of the rule file, of a plan, or of the check report.
    Schema(SchemaArgs),
    /// Compare two rule graphs by the plans they give: what a change does to professionals.
    Diff(DiffArgs),
    /// A worksheet of every fact that can go stale, with its source, riskiest first.
    Review(ReviewArgs),
    /// Print a shell completion script that offers the ids of the loaded graph.
    Completions(CompletionsArgs),
    /// Write a starter overlay with every local slot of the loaded graph, for a municipality
    /// or region to fill in.
    Init(InitArgs),
    /// Print the manual page (roff).
    Man,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// What to write.
    #[arg(value_enum)]
    pub what: InitWhat,
    /// The municipality or region the overlay is for, e.g. "Gemeente Voorbeeld".
    #[arg(long)]
    pub name: String,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// What `init` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitWhat {
    /// A starter overlay with every local slot of the loaded graph.
    Overlay,
}

/// Arguments of `graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Output format.
    #[arg(long, short, value_parser = lib_enum::<PictureFormatArg, PictureFormat>(), default_value = "dot")]
    pub format: PictureFormat,
    /// Draw only what this role (id or alias) reaches.
    #[arg(long, short)]
    pub role: Option<String>,
    /// Draw only what this concern (id or alias) reaches.
    #[arg(long, short)]
    pub concern: Option<String>,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Test files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which document.
    #[arg(value_parser = lib_enum::<SchemaKindArg, SchemaKind>())]
    pub kind: SchemaKind,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD and NEW rule files (see below).
    #[arg(value_names = ["OLD", "NEW"], num_args = 0..=2)]
    pub files: Vec<PathBuf>,
    /// The old graph: a base file and its overlays, in order (repeat; instead of OLD).
    #[arg(long, value_name = "FILE")]
    pub old_rules: Vec<PathBuf>,
    /// The new graph: a base file and its overlays, in order (repeat; instead of NEW).
    #[arg(long, value_name = "FILE")]
    pub new_rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_parser = lib_enum::<FormatArg, Format>(), default_value = "text")]
    pub format: Format,
    /// Compare plans one by one up to this many answer paths; beyond it compare entries and
    /// nodes only.
    #[arg(long, value_name = "N", default_value_t = crate::diff::DEFAULT_MAX_PATHS)]
    pub max_paths: u64,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Output format.
    #[arg(long, short, value_parser = lib_enum::<ReviewFormatArg, ReviewFormat>(), default_value = "markdown")]
    pub format: ReviewFormat,
    /// Only facts reviewed more than this many days ago.
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Count the plans of each fact up to this many answer paths.
    #[arg(long, value_name = "N", default_value_t = crate::review::DEFAULT_MAX_PATHS)]
    pub max_paths: u64,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Your role (id or alias), e.g. youth-worker or jongerenwerker [required unless the
    /// --answers file gives `role`].
    #[arg(long, short)]
    pub role: Option<String>,
    /// What you are worried about (id or alias), e.g. radicalisation or radicalisering
    /// [required unless the --answers file gives `concern`].
    #[arg(long, short)]
    pub concern: Option<String>,
    /// An answer to a follow-up question, as QUESTION=OPTION; repeat for more.
    #[arg(long = "answer", short, value_name = "QUESTION=OPTION")]
    pub answers: Vec<String>,
    /// Read answers from a JSON object {"role": .., "concern": .., "QUESTION": "OPTION", ...}
    /// (what `ask --save-answers` writes); --role, --concern and --answer override it.
    #[arg(long = "answers", value_name = "FILE")]
    pub answers_file: Option<PathBuf>,
    /// Say for every recommendation which node and answer put it in the plan.
    #[arg(long)]
    pub explain: bool,
    /// Output format.
    #[arg(long, short, value_parser = lib_enum::<FormatArg, Format>(), default_value = "text")]
    pub format: Format,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `ask`.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// Start from the answers in this JSON object (questions already answered are skipped).
    #[arg(long = "answers", value_name = "FILE")]
    pub answers_file: Option<PathBuf>,
    /// Write the answers given to this file as JSON (nothing is written without this).
    #[arg(long, value_name = "FILE")]
    pub save_answers: Option<PathBuf>,
    /// Say for every recommendation which node and answer put it in the plan.
    #[arg(long)]
    pub explain: bool,
    /// Output format of the plan.
    #[arg(long, short, value_parser = lib_enum::<FormatArg, Format>(), default_value = "text")]
    pub format: Format,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Professional roles.
    Roles,
    /// Concerns.
    Concerns,
    /// Follow-up questions and their options.
    Questions,
    /// Concrete next steps.
    Steps,
    /// Partner organisations.
    Partners,
    /// Trainings and methods.
    Trainings,
    /// Publications and tools.
    Resources,
    /// Networks to share and learn.
    Networks,
    /// General advice.
    Advice,
    /// Local slots (what each municipality fills in) and which overlay filled each.
    Slots,
}

/// Output formats for data other than plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DataFormat {
    /// Readable text.
    #[default]
    Text,
    /// JSON, for programs.
    Json,
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list.
    #[arg(value_enum)]
    pub what: ListWhat,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Flag entries reviewed longer ago than this many days, counted from the day the page is
    /// opened (not the day it was written).
    #[arg(long, value_name = "DAYS", default_value_t = 365)]
    pub max_age_days: u32,
    /// Write to this file instead of stdout; it is replaced only when everything was written.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One HTML file with the questionnaire, the graph, script and style inside.
    Html,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Rule files to check; none checks the built-in graph (or the --rules files).
    pub files: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Warn about entries reviewed longer ago than this many days.
    #[arg(long, value_name = "DAYS", default_value_t = 365)]
    pub max_age_days: u32,
    /// Warn about entries whose source page is dated more than this many days before the
    /// entry's review date (W009).
    #[arg(long, value_name = "DAYS", default_value_t = 1461)]
    pub max_source_age_days: u32,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
}

/// A value parser that reads the command line's own enum `A` and gives the library's type `L`
/// (converted in [`crate::config`]), so library types need not know clap.
fn lib_enum<A, L>() -> impl TypedValueParser<Value = L>
where
    A: ValueEnum + Clone + Send + Sync + 'static,
    L: From<A> + Clone + Send + Sync + 'static,
{
    EnumValueParser::<A>::new().map(L::from)
}

/// `--lang` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Dutch.
    Nl,
    /// English.
    En,
}

/// `--format` of `plan`, `ask` and `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// `--format` of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PictureFormatArg {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// `--format` of `review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormatArg {
    /// A Markdown checklist.
    Markdown,
    /// CSV.
    Csv,
    /// JSON.
    Json,
}

/// The document of `schema`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKindArg {
    /// A rule-graph file.
    Rules,
    /// A plan.
    Plan,
    /// The report of `check`.
    Check,
    /// An overlay file.
    Overlay,
    /// A rule-test file.
    Tests,
    /// An error object.
    Error,
    /// The report of `diff`.
    Diff,
    /// The worksheet of `review`.
    Review,
}
// The command line's value enums become the library's types here; nothing below the command
// line knows clap. Each match is exhaustive, so a new command-line value does not compile until
// it names the library value it stands for.

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

impl From<PictureFormatArg> for PictureFormat {
    fn from(arg: PictureFormatArg) -> PictureFormat {
        match arg {
            PictureFormatArg::Dot => PictureFormat::Dot,
            PictureFormatArg::Mermaid => PictureFormat::Mermaid,
        }
    }
}

impl From<ReviewFormatArg> for ReviewFormat {
    fn from(arg: ReviewFormatArg) -> ReviewFormat {
        match arg {
            ReviewFormatArg::Markdown => ReviewFormat::Markdown,
            ReviewFormatArg::Csv => ReviewFormat::Csv,
            ReviewFormatArg::Json => ReviewFormat::Json,
        }
    }
}

impl From<SchemaKindArg> for SchemaKind {
    fn from(arg: SchemaKindArg) -> SchemaKind {
        match arg {
            SchemaKindArg::Rules => SchemaKind::Rules,
            SchemaKindArg::Plan => SchemaKind::Plan,
            SchemaKindArg::Check => SchemaKind::Check,
            SchemaKindArg::Overlay => SchemaKind::Overlay,
            SchemaKindArg::Tests => SchemaKind::Tests,
            SchemaKindArg::Error => SchemaKind::Error,
            SchemaKindArg::Diff => SchemaKind::Diff,
            SchemaKindArg::Review => SchemaKind::Review,
        }
    }
}

impl From<&GlobalArgs> for Globals {
    fn from(args: &GlobalArgs) -> Globals {
        Globals {
            rules: args.rules.clone(),
            lang: args.lang,
            verbose: args.verbose,
            today: args.today,
        }
    }
}
