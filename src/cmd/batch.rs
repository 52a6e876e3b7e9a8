//! `wegwijs batch`: stdin to stdout, one query per line.

use std::io::BufReader;

use crate::batch::{self, BatchOptions};
use crate::config::Config;
use crate::exit::ExitCode;

use super::Io;

pub(super) fn run(config: &Config, io: &mut Io) -> anyhow::Result<ExitCode> {
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, true)? else {
        return Ok(ExitCode::Problems);
    };
    let opts = BatchOptions {
        lang: config.lang,
        today: config.today,
    };
    let mut input = BufReader::with_capacity(64 * 1024, std::io::stdin().lock());
    let summary = batch::run(&graph, &mut input, io.out, &opts)?;
    Ok(if summary.failed > 0 {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}
