//! From the process's arguments to an exit code, with clap's own outputs written by wegwijs.
//!
//! clap prints `--help`, `--version` and argument errors itself and ignores write errors, so a
//! full disk looked like success and a `--format json` caller got plain text. Here clap only
//! parses; its texts go through [`Io`] like every other output, so `--help > /dev/full` exits 3,
//! `--help | head -1` exits 0, and an argument error of a JSON command is the documented JSON
//! error object on stderr.

use std::ffi::OsString;

use clap::builder::{StyledStr, Styles};
use clap::error::ErrorKind;
use clap::{Command, FromArgMatches, Parser};

use crate::cli::errors::{self, ClapText};
use crate::cli::{Cli, localize};
use crate::config::Terminal;
use crate::exit::{self, ExitCode};
use crate::i18n::{Lang, Message};

use super::Io;

/// Parses `args` (the program name first), runs the command, and returns its exit code.
///
/// The language is settled before parsing (`--lang` anywhere in `args`, `WEGWIJS_LANG`, the
/// locale), so that help and argument errors are in it too.
pub fn run_args<I, T>(
    args: I,
    terminal: Terminal,
    var: &dyn Fn(&str) -> Option<String>,
    io: &mut Io,
) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // A command line that parses needs no words: parse it with the bare command and start the
    // work. Help, version and errors parse again with the texts in the user's language (the
    // two commands differ only in their words, not in what they accept).
    let bare = Cli::try_parse_from(&args);
    let lang = Lang::detect(flag_value(&args, "--lang").and_then(Lang::from_code), var);
    let color = var("NO_COLOR").is_none_or(|v| v.is_empty());
    match bare {
        Ok(cli) => return super::run(cli, terminal, var, io),
        // `--version` has its own words (version_text) and needs no help texts either.
        Err(err) if err.kind() == ErrorKind::DisplayVersion => {
            return clap_outcome(&err, &args, lang, terminal, color, io);
        }
        Err(_) => {}
    }
    let mut command = localize::command(lang);
    let parsed =
        command
            .try_get_matches_from_mut(&args)
            .and_then(|matches| match matches.subcommand() {
                Some(("help", asked)) => Ok(Err(help_of(
                    &mut command,
                    asked.get_one::<String>("command").map(String::as_str),
                ))),
                _ => Cli::from_arg_matches(&matches).map(Ok),
            });
    match parsed {
        Ok(Ok(cli)) => super::run(cli, terminal, var, io),
        Ok(Err(help)) => {
            let text = if terminal.stdout && color {
                help.ansi().to_string()
            } else {
                help.to_string()
            };
            write_out(&text, lang, io)
        }
        Err(err) => clap_outcome(&err, &args, lang, terminal, color, io),
    }
}

/// `wegwijs help [COMMAND]`: the long help of the command named, or of wegwijs.
fn help_of(command: &mut Command, name: Option<&str>) -> StyledStr {
    command.build();
    match name.and_then(|n| command.find_subcommand_mut(n)) {
        Some(sub) => sub.render_long_help(),
        None => command.render_long_help(),
    }
}

/// Writes what clap would have written for `err`, in `lang`, and returns the code it stands
/// for.
fn clap_outcome(
    err: &clap::Error,
    args: &[OsString],
    lang: Lang,
    terminal: Terminal,
    color: bool,
    io: &mut Io,
) -> ExitCode {
    let render = |on_terminal: bool| {
        if on_terminal && color {
            err.render().ansi().to_string()
        } else {
            err.render().to_string()
        }
    };
    if err.use_stderr() {
        // A usage error (or help shown because something required was missing).
        let text = if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            render(terminal.stderr)
        } else if wants_json(args) {
            let message = errors::render(err, lang);
            super::json_error_line(ExitCode::Usage, message.trim_end())
        } else {
            let prefix = ClapText::Error.in_lang(lang).to_string();
            let prefix = if terminal.stderr && color {
                let style = Styles::styled().get_error().to_owned();
                format!("{style}{prefix}{style:#}")
            } else {
                prefix
            };
            format!("{prefix} {}", errors::render(err, lang))
        };
        // A failure to report the failure leaves nothing better to do.
        let _ = io.err.write_all(text.as_bytes());
        return ExitCode::Usage;
    }
    let text = match err.kind() {
        ErrorKind::DisplayVersion => version_text(lang),
        _ => render(terminal.stdout),
    };
    write_out(&text, lang, io)
}

/// Writes help or version text to stdout: a full disk is exit 3, a closed pipe a quiet 0.
fn write_out(text: &str, lang: Lang, io: &mut Io) -> ExitCode {
    let written = io
        .out
        .write_all(text.as_bytes())
        .and_then(|()| io.out.flush());
    match written {
        Ok(()) => ExitCode::Success,
        Err(e) => {
            let err = anyhow::Error::new(e).context(match lang {
                Lang::Nl => "uitvoer schrijven",
                Lang::En => "writing output",
            });
            let code = exit::for_error(&err);
            if code != ExitCode::Success {
                let _ = super::report_error(&err, code, lang, false, io.err);
            }
            code
        }
    }
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` in the raw arguments (the last one given).
fn flag_value<'a>(args: &'a [OsString], name: &str) -> Option<&'a str> {
    let mut found = None;
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == name {
            found = words.next().or(found);
        } else if let Some(value) = word.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            found = Some(value);
        }
    }
    found
}

/// Whether the command line asks for JSON: `--format json` (or `-f json`), or a command whose
/// output is always JSON (`batch`, `schema`), as [`super::wants_json`] decides for parsed ones.
fn wants_json(args: &[OsString]) -> bool {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let short =
        words.windows(2).any(|w| w[0] == "-f" && w[1] == "json") || words.contains(&"-fjson");
    if short || flag_value(args, "--format") == Some("json") {
        return true;
    }
    // The command is the first word that is neither an option nor a global option's value.
    let mut i = 0;
    while let Some(word) = words.get(i) {
        match *word {
            "--rules" | "--lang" | "--today" => i += 2,
            w if w.starts_with('-') => i += 1,
            w => return matches!(w, "batch" | "schema"),
        }
    }
    false
}

/// `--version`: the crate's version and which built-in rule graph this binary carries.
pub fn version_text(lang: Lang) -> String {
    let crate_line = format!("wegwijs {}", env!("CARGO_PKG_VERSION"));
    let Some(head) = crate::graph::prepared::head() else {
        return format!("{crate_line}\n");
    };
    let (what, reviewed) = match lang {
        Lang::Nl => ("ingebouwde regelset", "beoordeeld op"),
        Lang::En => ("built-in rule graph", "reviewed"),
    };
    format!(
        "{crate_line}\n{what}: {} {} ({reviewed} {})\n",
        head.id, head.version, head.reviewed
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn json_is_recognised_in_every_spelling() {
        for words in [
            &["wegwijs", "plan", "--format", "json"][..],
            &["wegwijs", "plan", "--format=json"],
            &["wegwijs", "plan", "-f", "json"],
            &["wegwijs", "plan", "-fjson"],
            &["wegwijs", "--lang", "nl", "batch", "--bogus"],
            &["wegwijs", "--rules", "x.json", "schema", "nope"],
        ] {
            assert!(wants_json(&os(words)), "{words:?}");
        }
        for words in [
            &["wegwijs", "plan", "--format", "text"][..],
            &["wegwijs", "--rules", "batch", "plan"],
            &["wegwijs", "check", "batch"],
        ] {
            assert!(!wants_json(&os(words)), "{words:?}");
        }
    }

    #[test]
    fn lang_flag_is_read_before_parsing() {
        let args = os(&["wegwijs", "--lang", "nl", "plan", "--lang=en"]);
        assert_eq!(flag_value(&args, "--lang"), Some("en"));
        assert_eq!(flag_value(&os(&["wegwijs", "plan"]), "--lang"), None);
    }

    #[test]
    fn version_names_the_built_in_graph() {
        let text = version_text(Lang::En);
        let graph = crate::graph::builtin();
        assert!(text.starts_with("wegwijs "), "{text}");
        assert!(text.contains(graph.rules.id.as_str()), "{text}");
        assert!(text.contains(graph.rules.version.as_str()), "{text}");
        assert!(
            text.contains(&format!("reviewed {}", graph.rules.reviewed)),
            "{text}"
        );
    }
}
