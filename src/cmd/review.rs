//! `wegwijs review`: the worksheet of facts to check, for the loaded graph and its overlays.

use crate::cli::ReviewArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::review::render::{self, ReviewFormat};
use crate::review::{ReviewOptions, worksheet};

use super::Io;

pub(super) fn run(config: &Config, args: &ReviewArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == ReviewFormat::Json;
    let mut sources = crate::graph::Sources::new();
    let Some((graph, files)) =
        super::load_graph_and_files(config, &mut sources, io, json, ExitCode::Problems)?
    else {
        return Ok(ExitCode::Problems);
    };
    let opts = ReviewOptions {
        lang: config.lang,
        today: config.today,
        older_than: args.older_than,
        max_paths: args.max_paths,
    };
    let names = (0..files.len()).map(|i| files.name(i).to_owned()).collect();
    let sheet = worksheet(&graph, files, names, &opts)?;
    render::write(&sheet, args.format, config.lang, io.out)?;
    Ok(ExitCode::Success)
}
