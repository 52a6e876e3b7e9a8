//! `schema`: prints wegwijs's own contracts. (`completions` and `man` live in their own files.)

use crate::cli::SchemaArgs;
use crate::exit::ExitCode;
use crate::schema;

use super::Io;

pub(super) fn schema(args: &SchemaArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    io.out.write_all(schema::to_text(args.kind).as_bytes())?;
    Ok(ExitCode::Success)
}
