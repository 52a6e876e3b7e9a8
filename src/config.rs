//! Settings every command reads, resolved once from the arguments, the environment and the
//! terminal. The command line ([`crate::cli`]) hands them over as [`Globals`], in the library's
//! own types: this module, like everything below the command line, does not know clap.

use std::io::IsTerminal;

use std::path::PathBuf;

use crate::date::Date;
use crate::graph::Selection;
use crate::i18n::Lang;
use crate::render::TextStyle;

/// What the command line says about the settings every command shares.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    /// Rule files to load instead of the built-in graph (the first) and overlays on it.
    pub rules: Vec<PathBuf>,
    /// The language asked for, if any (else the environment decides).
    pub lang: Option<Lang>,
    /// Also show rule-graph warnings.
    pub verbose: bool,
    /// The date to take as today, if given.
    pub today: Option<Date>,
}

/// Facts about the process's terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Terminal {
    /// stdin is a terminal.
    pub stdin: bool,
    /// stdout is a terminal.
    pub stdout: bool,
    /// stderr is a terminal.
    pub stderr: bool,
    /// Columns of the terminal on stdout, when known.
    pub width: Option<usize>,
}

impl Terminal {
    /// Asks the operating system.
    pub fn detect() -> Terminal {
        let stdout = std::io::stdout().is_terminal();
        Terminal {
            stdin: std::io::stdin().is_terminal(),
            stdout,
            stderr: std::io::stderr().is_terminal(),
            width: if stdout {
                terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
            } else {
                None
            },
        }
    }

    /// No terminal anywhere: what tests and pipes see.
    pub fn none() -> Terminal {
        Terminal::default()
    }
}

/// The resolved settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Language of output.
    pub lang: Lang,
    /// Which rule files to load.
    pub selection: Selection,
    /// Show rule-graph warnings on stderr.
    pub verbose: bool,
    /// The date review ages are measured against.
    pub today: Date,
    /// How text output looks.
    pub style: TextStyle,
    /// Whether messages on stderr may use colour.
    pub err_color: bool,
    /// The terminal facts these settings were made for.
    pub terminal: Terminal,
}

impl Config {
    /// Resolves the settings; `var` reads environment variables.
    pub fn new(
        global: &Globals,
        terminal: Terminal,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Config {
        let lang = Lang::detect(global.lang, var);
        let no_color = var("NO_COLOR").is_some_and(|v| !v.is_empty())
            || var("TERM").as_deref() == Some("dumb");
        let width = terminal
            .width
            .map_or(TextStyle::DEFAULT_WIDTH, |w| w.min(TextStyle::MAX_WIDTH));
        Config {
            lang,
            selection: Selection {
                files: global.rules.clone(),
            },
            verbose: global.verbose,
            today: global.today.unwrap_or_else(Date::today),
            style: TextStyle {
                width,
                color: terminal.stdout && !no_color,
                lang,
            },
            err_color: terminal.stderr && !no_color,
            terminal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> Globals {
        Globals::default()
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let tty = Terminal {
            stdout: true,
            width: Some(200),
            ..Terminal::none()
        };
        let c = Config::new(&args(), tty, &|_| None);
        assert!(c.style.color);
        assert_eq!(c.style.width, TextStyle::MAX_WIDTH);
        let c = Config::new(&args(), tty, &|k| (k == "NO_COLOR").then(|| "1".to_owned()));
        assert!(!c.style.color);
        let c = Config::new(&args(), Terminal::none(), &|_| None);
        assert!(!c.style.color);
        assert_eq!(c.style.width, TextStyle::DEFAULT_WIDTH);
    }
}
