//! `wegwijs diff`: load two graphs (each a base and its overlays), compare, report.

use std::path::PathBuf;

use crate::cli::DiffArgs;
use crate::config::Config;
use crate::exit::{ExitCode, UsageError};
use crate::graph::{Selection, Sources};
use crate::render::Format;

use super::Io;

pub(super) fn run(config: &Config, args: &DiffArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == Format::Json;
    let (old, new) = sides(config, args)?;
    let with = |files| Config {
        selection: Selection { files },
        ..config.clone()
    };
    let mut old_sources = Sources::new();
    let mut new_sources = Sources::new();
    // A graph that cannot be compared is trouble (2), as for diff(1); 1 means "they differ".
    let Some((old, old_files)) =
        super::load_graph_and_files(&with(old), &mut old_sources, io, json, ExitCode::Usage)?
    else {
        return Ok(ExitCode::Usage);
    };
    let Some((new, new_files)) =
        super::load_graph_and_files(&with(new), &mut new_sources, io, json, ExitCode::Usage)?
    else {
        return Ok(ExitCode::Usage);
    };
    let diff = crate::diff::compare(
        &old,
        &new,
        names(old_files),
        names(new_files),
        args.max_paths,
    )?;
    crate::diff::render::write(&diff, args.format, config.lang, io.out)?;
    Ok(if diff.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::Problems
    })
}

/// The files of the old and the new graph. Positional files fill the sides that
/// `--old-rules`/`--new-rules` leave open, old first; an open new side is what `--rules`
/// selects, an open old side the built-in graph.
fn sides(config: &Config, args: &DiffArgs) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut files = args.files.iter().cloned();
    let old = match args.old_rules.is_empty() {
        false => args.old_rules.clone(),
        true => files.next().into_iter().collect(),
    };
    let new = match args.new_rules.is_empty() {
        false => args.new_rules.clone(),
        true => match files.next() {
            Some(f) => vec![f],
            None => config.selection.files.clone(),
        },
    };
    if let Some(extra) = files.next() {
        return Err(UsageError::ExtraFile(extra.clone()).into());
    }
    Ok((old, new))
}

fn names(sources: &Sources) -> Vec<String> {
    (0..sources.len())
        .map(|i| sources.name(i).to_owned())
        .collect()
}
