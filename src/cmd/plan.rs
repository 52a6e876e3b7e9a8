//! `wegwijs plan`: one query in, one rendered plan out.

use crate::cli::PlanArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::plan::{PlanOptions, plan_for};
use crate::query::RawQuery;
use crate::render::Format;

use super::Io;

pub(super) fn run(config: &Config, args: &PlanArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == Format::Json;
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    let mut raw = match &args.answers_file {
        Some(path) => super::read_answers(path)?,
        None => RawQuery::default(),
    };
    // The flags override the file's role and concern; the file's must still exist.
    let overridden = raw.override_with(args.role.as_deref(), args.concern.as_deref());
    if overridden.0.is_some() || overridden.1.is_some() {
        super::check_overridden(&graph, overridden)?;
    }
    for answer in &args.answers {
        raw.push_answer(answer)?;
    }
    let opts = PlanOptions {
        explain: args.explain,
        today: config.today,
        ..PlanOptions::new(config.lang)
    };
    let plan = plan_for(&graph, &raw, &opts)?;
    args.format.renderer(config.style).render(&plan, io.out)?;
    // The process ends after one plan: freeing the graph's several hundred allocations was 8 %
    // of a one-shot plan's instructions (callgrind), work the operating system does for free.
    std::mem::forget(graph);
    Ok(ExitCode::Success)
}
