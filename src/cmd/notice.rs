//! The sentences the commands write besides their output: the error label, the hint without a
//! command, "the rule graph has errors", what `init` wrote.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{Lang, Message};

/// A sentence a command writes on stderr (or in its JSON error object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The label before an error message: `error: …`.
    ErrorLabel,
    /// `wegwijs` without a command, and no terminal to ask on.
    NoCommand,
    /// The message of the JSON error object for a broken rule graph.
    RulesHaveErrors,
    /// `init overlay --output FILE` wrote the file.
    Wrote {
        /// The file.
        file: PathBuf,
        /// How many local slots it has to fill in.
        slots: usize,
    },
}

impl Message for Notice {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::ErrorLabel => out.write_str(match lang {
                Lang::Nl => "fout",
                Lang::En => "error",
            }),
            Notice::NoCommand => out.write_str(match lang {
                Lang::Nl => {
                    "wegwijs: geef een opdracht, bijvoorbeeld `wegwijs plan --role jongerenwerker --concern radicalisering`.\nMeer: `wegwijs --help`."
                }
                Lang::En => {
                    "wegwijs: give a command, e.g. `wegwijs plan --role youth-worker --concern radicalisation`.\nMore: `wegwijs --help`."
                }
            }),
            Notice::RulesHaveErrors => out.write_str(match lang {
                Lang::Nl => "de regelset bevat fouten",
                Lang::En => "the rule graph has errors",
            }),
            Notice::Wrote { file, slots } => {
                let file = file.display();
                match lang {
                    Lang::Nl => write!(
                        out,
                        "{file} geschreven: {slots} lokale plekken om in te vullen (zie de `note` bij elke plek).\nDaarna: wegwijs check {file}"
                    ),
                    Lang::En => write!(
                        out,
                        "wrote {file}: {slots} local slots to fill in (see the `note` of each).\nThen: wegwijs check {file}"
                    ),
                }
            }
        }
    }
}
