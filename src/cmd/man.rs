//! `wegwijs man`: the manual page in the chosen language.

use crate::config::Config;
use crate::exit::ExitCode;

use super::Io;

pub(super) fn run(config: &Config, io: &mut Io) -> anyhow::Result<ExitCode> {
    io.out
        .write_all(crate::cli::man::page(config.lang).as_bytes())?;
    Ok(ExitCode::Success)
}
