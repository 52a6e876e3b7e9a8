//! `wegwijs check`: every diagnostic for one or more rule files, and an exit code CI can use.

use crate::check::{self, CheckOptions, report};
use crate::cli::{CheckArgs, DataFormat};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::exit::ExitCode;
use crate::graph::{self, Selection, Sources, overlay};

use super::Io;

pub(super) fn run(config: &Config, args: &CheckArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    // Without FILE arguments, check exactly what every other command would load (--rules, or
    // the built-in graph). With them, each graph file starts a graph of its own and the
    // overlays after it apply to it; overlays before any graph apply to the built-in graph.
    let mut selections: Vec<Selection> = Vec::new();
    for file in &args.files {
        let is_overlay = std::fs::read_to_string(file)
            .is_ok_and(|text| overlay::kind_of(&text) == overlay::FileKind::Overlay);
        match selections.last_mut() {
            Some(group) if is_overlay => group.files.push(file.clone()),
            _ => selections.push(Selection {
                files: vec![file.clone()],
            }),
        }
    }
    if selections.is_empty() {
        selections.push(config.selection.clone());
    }
    let opts = CheckOptions {
        today: config.today,
        max_age_days: i64::from(args.max_age_days),
        max_source_age_days: i64::from(args.max_source_age_days),
    };
    let mut sources = Sources::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for selection in &selections {
        let loaded = graph::load(selection, &mut sources)?;
        if let Some(g) = &loaded.graph {
            let more = check::run(g, &loaded.diagnostics, &opts);
            diagnostics.extend(more);
        }
        diagnostics.extend(loaded.diagnostics);
    }
    sources.locate(&mut diagnostics);
    check::sort(&mut diagnostics);

    let (errors, warnings, _notes) = check::counts(&diagnostics);
    if args.format == DataFormat::Json {
        serde_json::to_writer_pretty(
            &mut *io.out,
            &report::to_json(&diagnostics, &sources, config.lang),
        )?;
        writeln!(io.out)?;
    } else {
        report::write_text(
            io.out,
            &diagnostics,
            &sources,
            config.lang,
            config.style.color,
        )?;
        writeln!(
            io.out,
            "{}",
            check::summary(&diagnostics, sources.len(), config.lang)
        )?;
    }
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}
