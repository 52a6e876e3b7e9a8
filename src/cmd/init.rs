//! `wegwijs init overlay`: a starter overlay for a municipality or region to fill in.

use anyhow::Context;

use crate::cli::{InitArgs, InitWhat};
use crate::config::Config;
use crate::exit::{ExitCode, UsageError};
use crate::i18n::Lang;
use crate::starter::{StarterOptions, starter_overlay};

use super::Io;

pub(super) fn run(config: &Config, args: &InitArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    if args.name.trim().is_empty() {
        return Err(UsageError(match config.lang {
            Lang::Nl => {
                "--name mag niet leeg zijn, bijvoorbeeld --name \"Gemeente Voorbeeld\"".into()
            }
            Lang::En => "--name must not be empty, e.g. --name \"Gemeente Voorbeeld\"".into(),
        })
        .into());
    }
    // Refuse before loading anything, so a mistyped --output never costs the user a file.
    if let Some(path) = &args.output {
        if path.exists() && !args.force {
            return Err(UsageError(match config.lang {
                Lang::Nl => format!(
                    "{} bestaat al; kies een ander --output of overschrijf het met --force",
                    path.display()
                ),
                Lang::En => format!(
                    "{} already exists; choose another --output or overwrite it with --force",
                    path.display()
                ),
            })
            .into());
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
    super::keep(graph);
    let Some(path) = &args.output else {
        io.out.write_all(text.as_bytes())?;
        return Ok(ExitCode::Success);
    };
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    let file = path.display();
    let next = match config.lang {
        Lang::Nl => format!(
            "{file} geschreven: {slots} lokale plekken om in te vullen (zie de `note` bij elke plek).\n\
             Daarna: wegwijs check {file}"
        ),
        Lang::En => format!(
            "wrote {file}: {slots} local slots to fill in (see the `note` of each).\n\
             Then: wegwijs check {file}"
        ),
    };
    writeln!(io.err, "{}", crate::text::sanitize(&next))?;
    Ok(ExitCode::Success)
}
