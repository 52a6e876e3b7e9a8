//! `wegwijs export html`: the questionnaire as one HTML file.

use crate::cli::{ExportArgs, ExportFormat};
use crate::config::Config;
use crate::exit::{ExitCode, UsageError};
use crate::export::{self, HtmlOptions};

use super::Io;

pub(super) fn run(config: &Config, args: &ExportArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    if config.terminal.stdout && args.output.is_none() {
        // A page of script in a terminal helps nobody; say how to get the file instead.
        return Err(UsageError::PageToTerminal.into());
    }
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, false)? else {
        return Ok(ExitCode::Problems);
    };
    match args.format {
        ExportFormat::Html => {
            let page = export::html(
                &graph,
                HtmlOptions {
                    lang: config.lang,
                    max_age_days: i64::from(args.max_age_days),
                },
            );
            io.out.write_all(page.as_bytes())?;
        }
    }
    Ok(ExitCode::Success)
}
