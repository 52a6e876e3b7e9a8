//! `wegwijs test`: run rule tests against the loaded graph.

use serde::Serialize;

use crate::cli::{DataFormat, TestArgs};
use crate::config::Config;
use crate::exit::{ExitCode, UsageError};
use crate::i18n::Lang;
use crate::plan::PlanOptions;
use crate::ruletest::{CaseResult, TestFile, run_case};
use crate::text::sanitize;

use super::Io;

#[derive(Serialize)]
struct Report {
    passed: usize,
    failed: usize,
    cases: Vec<CaseResult>,
}

pub(super) fn run(config: &Config, args: &TestArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == DataFormat::Json;
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    // Tests judge content, so their wording is fixed; the review date is the caller's today.
    let opts = PlanOptions {
        today: config.today,
        ..PlanOptions::new(Lang::En)
    };
    let mut results = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| UsageError(format!("cannot read test file {name}: {e}")))?;
        let file = parse(&text, &name)?;
        results.extend(
            file.cases
                .iter()
                .map(|case| run_case(&graph, &name, case, &opts)),
        );
    }
    super::keep(graph);
    let failed = results.iter().filter(|r| !r.passed).count();
    let passed = results.len() - failed;
    if json {
        let report = Report {
            passed,
            failed,
            cases: results,
        };
        serde_json::to_writer_pretty(&mut *io.out, &report)?;
        writeln!(io.out)?;
    } else {
        for r in &results {
            if r.passed {
                if config.verbose {
                    writeln!(io.out, "ok    {}: {}", sanitize(&r.file), sanitize(&r.name))?;
                }
                continue;
            }
            writeln!(io.out, "FAIL  {}: {}", sanitize(&r.file), sanitize(&r.name))?;
            for problem in &r.problems {
                writeln!(io.out, "      {}", sanitize(problem))?;
            }
        }
        let files = args.files.len();
        let noun = if files == 1 { "file" } else { "files" };
        writeln!(io.out, "{passed} passed, {failed} failed ({files} {noun})")?;
    }
    Ok(if failed > 0 {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}

/// Parses a test file; a malformed one is a usage error that says where.
fn parse<'t>(text: &'t str, name: &str) -> anyhow::Result<TestFile<'t>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<TestFile<'t>, _> = serde_path_to_error::deserialize(&mut de);
    parsed.map_err(|e| {
        let at = crate::graph::decode::convert_path(e.path());
        let d = crate::graph::decode::problem_at(text, 0, at, e.inner());
        let (message, help) = d.problem.describe(Lang::En);
        let pos = d
            .position
            .map(|p| format!(":{}:{}", p.line, p.column))
            .unwrap_or_default();
        let help = help.map(|h| format!("; {h}")).unwrap_or_default();
        UsageError(format!(
            "test file {name}{pos} ({}): {message}{help}",
            d.path
        ))
        .into()
    })
}
