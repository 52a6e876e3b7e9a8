//! `wegwijs test`: run rule tests against the loaded graph.

use crate::cli::TestArgs;
use crate::config::Config;
use crate::diagnostic::os_text::OsProblem;
use crate::exit::{ExitCode, FileProblem, UsageError};
use crate::i18n::Lang;
use crate::plan::PlanOptions;
use crate::render::report::TestReport;
use crate::ruletest::{TestFile, run_case};

use super::Io;

pub(super) fn run(config: &Config, args: &TestArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let renderer = super::report_renderer(args.format, config);
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, super::is_json(args.format))?
    else {
        return Ok(ExitCode::Problems);
    };
    // Tests judge content, so their wording is fixed; the review date is the caller's today.
    let opts = PlanOptions {
        today: config.today,
        ..PlanOptions::new(Lang::En)
    };
    let mut cases = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| UsageError::TestFile {
            path: path.clone(),
            problem: FileProblem::Os(OsProblem::from_io(&e)),
        })?;
        let file = TestFile::parse(&text).map_err(|d| UsageError::TestFile {
            path: path.clone(),
            problem: FileProblem::Content(d),
        })?;
        cases.extend(
            file.cases
                .iter()
                .map(|case| run_case(&graph, &name, case, &opts)),
        );
    }
    let report = TestReport {
        cases,
        files: args.files.len(),
    };
    renderer.tests(&report, io.out)?;
    Ok(if report.counts().1 > 0 {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}
