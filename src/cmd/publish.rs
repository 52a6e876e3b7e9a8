//! Commands that print wegwijs's own contracts: `schema`, `completions` and `man`.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, SchemaArgs, command_with_ids};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::schema;

use super::Io;

pub(super) fn schema(args: &SchemaArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    io.out.write_all(schema::to_text(args.kind).as_bytes())?;
    Ok(ExitCode::Success)
}

pub(super) fn completions(
    config: &Config,
    args: &CompletionsArgs,
    io: &mut Io,
) -> anyhow::Result<ExitCode> {
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, false)? else {
        return Ok(ExitCode::Problems);
    };
    let mut command = command_with_ids(&graph, graph.content_lang(config.lang.code()));
    // clap_complete panics when its writer fails; generate into memory and write it ourselves,
    // so a full disk is exit 3 and a closed pipe a quiet exit 0, as for every other command.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "wegwijs", &mut script);
    io.out.write_all(&script)?;
    Ok(ExitCode::Success)
}

pub(super) fn man(io: &mut Io) -> anyhow::Result<ExitCode> {
    clap_mangen::Man::new(Cli::command()).render(io.out)?;
    Ok(ExitCode::Success)
}
