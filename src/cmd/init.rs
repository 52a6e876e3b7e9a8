//! `wegwijs init overlay`: a starter overlay for a municipality or region to fill in.

use anyhow::Context;

use crate::cli::{InitArgs, InitWhat};
use crate::config::Config;
use crate::exit::{Doing, ExitCode, UsageError};
use crate::i18n::Message;

use super::Notice;
use crate::starter::{StarterOptions, starter_overlay};

use super::Io;

pub(super) fn run(config: &Config, args: &InitArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    if args.name.trim().is_empty() {
        return Err(UsageError::EmptyName.into());
    }
    // Refuse before loading anything, so a mistyped --output never costs the user a file.
    if let Some(path) = &args.output {
        if path.exists() && !args.force {
            return Err(UsageError::OutputExists(path.clone()).into());
        }
    }
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, false)? else {
        return Ok(ExitCode::Problems);
    };
    let text = match args.what {
        InitWhat::Overlay => starter_overlay(
            &graph,
            &StarterOptions {
                name: args.name.trim(),
                lang: config.lang,
                today: config.today,
            },
        ),
    };
    let slots = graph.slots().len();
    let Some(path) = &args.output else {
        io.out.write_all(text.as_bytes())?;
        return Ok(ExitCode::Success);
    };
    std::fs::write(path, text).with_context(|| Doing::WritingFile(path.clone()))?;
    let wrote = Notice::Wrote {
        file: path.clone(),
        slots,
    };
    let wrote = wrote.in_lang(config.lang).to_string();
    writeln!(io.err, "{}", crate::text::sanitize(&wrote))?;
    Ok(ExitCode::Success)
}
