//! `wegwijs check`: every diagnostic for one or more rule files, and an exit code CI can use.

use crate::check::{self, CheckOptions};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, SourceId};
use crate::exit::ExitCode;
use crate::graph::{self, Sources, overlay};

use super::Io;

pub(super) fn run(config: &Config, args: &CheckArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let opts = CheckOptions {
        today: config.today,
        max_age_days: i64::from(args.max_age_days),
        max_source_age_days: i64::from(args.max_source_age_days),
    };
    let mut sources = Sources::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    // Without FILE arguments, check exactly what every other command would load (--rules, or
    // the built-in graph). With them, each graph file starts a graph of its own and the
    // overlays after it apply to it; overlays before any graph apply to the built-in graph.
    let mut groups: Vec<(Vec<SourceId>, Vec<Diagnostic>)> = Vec::new();
    let mut read_any = args.files.is_empty();
    for file in &args.files {
        // Each file is read once, here: stdin or a FIFO has nothing left for a second read.
        // A file that cannot be read is reported like one that is not text: it fails its own
        // group (and the overlays after it), and the other groups are still checked.
        let (id, problem, read) = sources.read_or_report(file);
        read_any |= read;
        let is_overlay = overlay::kind_of(&sources.file(id).text) == overlay::FileKind::Overlay;
        match groups.last_mut() {
            Some((ids, _)) if is_overlay && problem.is_none() => ids.push(id),
            _ => groups.push((vec![id], problem.into_iter().collect())),
        }
    }
    if args.files.is_empty() {
        let loaded = graph::load(&config.selection, &mut sources)?;
        if let Some(g) = &loaded.graph {
            diagnostics.extend(check::run(g, &loaded.diagnostics, &opts));
        }
        diagnostics.extend(loaded.diagnostics);
    }
    for (ids, problems) in groups {
        let loaded = graph::load_read(ids, problems, &mut sources);
        if let Some(g) = &loaded.graph {
            diagnostics.extend(check::run(g, &loaded.diagnostics, &opts));
        }
        diagnostics.extend(loaded.diagnostics);
    }
    sources.locate(&mut diagnostics);
    check::sort(&mut diagnostics);

    let (errors, warnings, _notes) = check::counts(&diagnostics);
    super::report_renderer(args.format, config).check(&diagnostics, &sources, io.out)?;
    Ok(if !read_any {
        // Nothing could be read: a usage error, like a missing --rules file elsewhere.
        ExitCode::Usage
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::Problems
    } else {
        ExitCode::Success
    })
}
