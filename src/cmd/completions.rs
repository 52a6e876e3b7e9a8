//! `wegwijs completions SHELL`: a completion script that knows the loaded graph's ids and
//! aliases, in both languages.

use crate::cli::CompletionsArgs;
use crate::config::Config;
use crate::exit::ExitCode;

use super::Io;

pub(super) fn run(
    config: &Config,
    args: &CompletionsArgs,
    io: &mut Io,
) -> anyhow::Result<ExitCode> {
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, false)? else {
        return Ok(ExitCode::Problems);
    };
    let mut command = crate::cli::complete::command_with_ids(&graph, config.lang);
    // clap_complete panics when its writer fails; generate into memory and write it ourselves,
    // so a full disk is exit 3 and a closed pipe a quiet exit 0, as for every other command.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "wegwijs", &mut script);
    if args.shell == clap_complete::Shell::Bash {
        let text = String::from_utf8_lossy(&script);
        script = crate::cli::complete::bash_joining_pairs(&text).into_bytes();
    }
    io.out.write_all(&script)?;
    Ok(ExitCode::Success)
}
