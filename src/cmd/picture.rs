//! `wegwijs graph`: a picture of the decision graph (DOT or Mermaid).

use crate::cli::GraphArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::picture::{Focus, draw};
use crate::query::{Query, RawQuery};

use super::Io;

pub(super) fn run(config: &Config, args: &GraphArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, false)? else {
        return Ok(ExitCode::Problems);
    };
    let raw = RawQuery {
        role: args.role.clone(),
        concern: args.concern.clone(),
        answers: Vec::new(),
    };
    let query = Query::resolve(&graph, &raw)?;
    let focus = Focus {
        role: query.role,
        concern: query.concern,
    };
    draw(&graph, focus, config.lang, args.format, io.out)?;
    Ok(ExitCode::Success)
}
