//! The manual page, in roff, in the chosen language: written here from the same texts as the
//! help (each command, each option, the examples), with the sections a manual page has (exit
//! status, environment, files) in [`ManText`].

use std::fmt::Write as _;

use clap::{Arg, Command};

use super::localize::{self, arg_help_line, arg_text, command_text, value_text};
use super::texts::Help;
use crate::i18n::{Lang, Message};

/// A fixed text of the manual page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is its own text, shown in `text`
pub enum ManText {
    Manual,
    Name,
    Synopsis,
    Description,
    Options,
    Commands,
    ExitStatus,
    Environment,
    Files,
    Examples,
    SynopsisCommand,
    Exit0,
    Exit1,
    Exit2,
    Exit3,
    Exit130,
    EnvLang,
    EnvToday,
    EnvLocale,
    EnvNoColor,
    FilesText,
}

impl ManText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.pick(self.words())
    }

    /// The words in every language, in the order of [`Lang::ALL`].
    fn words(self) -> (&'static str, &'static str) {
        match self {
            ManText::Manual => ("Gebruikersopdrachten", "User Commands"),
            ManText::Name => ("NAAM", "NAME"),
            ManText::Synopsis => ("OVERZICHT", "SYNOPSIS"),
            ManText::Description => ("BESCHRIJVING", "DESCRIPTION"),
            ManText::Options => ("OPTIES", "OPTIONS"),
            ManText::Commands => ("OPDRACHTEN", "COMMANDS"),
            ManText::ExitStatus => ("AFSLUITCODES", "EXIT STATUS"),
            ManText::Environment => ("OMGEVING", "ENVIRONMENT"),
            ManText::Files => ("BESTANDEN", "FILES"),
            ManText::Examples => ("VOORBEELDEN", "EXAMPLES"),
            ManText::SynopsisCommand => (
                "Zonder OPDRACHT stelt wegwijs in een terminal de vragen van `wegwijs ask`.",
                "Without a COMMAND, wegwijs asks the questions of `wegwijs ask` in a terminal.",
            ),
            ManText::Exit0 => (
                "Klaar; ook als de lezer van de uitvoer eerder stopte (`wegwijs plan … | head -1`).",
                "Done; also when the reader of the output went away early (`wegwijs plan … | head -1`).",
            ),
            ManText::Exit1 => (
                "De invoer is gelezen maar klopt niet: de regelset bevat fouten (of waarschuwingen met `check --deny-warnings`), een regeltest faalde (`wegwijs test`) of een regel van `batch` faalde. Bij `diff`: de regelsets verschillen.",
                "The input was read but is not sound: the rule graph has errors (or warnings with `check --deny-warnings`), a rule test failed (`wegwijs test`), or a `batch` line failed. For `diff`: the graphs differ.",
            ),
            ManText::Exit2 => (
                "Gebruiksfout: een verkeerd argument, een onbekende rol, zorg, vraag of optie (de melding noemt de dichtstbijzijnde geldige ids), een regelbestand dat niet te lezen is (`check` meldt het als E008 en controleert de andere bestanden; 2 alleen als geen enkel bestand te lezen was), `ask` zonder terminal.",
                "Usage error: a bad argument, an unknown role, concern, question or option (the message names the nearest valid ids), a rule file that cannot be read (`check` reports it as E008 and checks the other files; 2 only when no file could be read), `ask` without a terminal.",
            ),
            ManText::Exit3 => (
                "De uitvoer kon niet geschreven worden, door welke opdracht ook, `--help` en `--version` inbegrepen: een volle schijf voor stdout of `--save-answers`, of een `--output` BESTAND dat niet te schrijven is (het oude BESTAND blijft dan zoals het was).",
                "Output could not be written, by any command, `--help` and `--version` included: a full disk for stdout or `--save-answers`, or an `--output` FILE that cannot be written (the old FILE is left as it was).",
            ),
            ManText::Exit130 => ("Afgebroken door de gebruiker.", "Cancelled by the user."),
            ManText::EnvLang => (
                "De taal (`nl` of `en`) als `--lang` ontbreekt.",
                "The language (`nl` or `en`) when `--lang` is not given.",
            ),
            ManText::EnvToday => (
                "De datum (JJJJ-MM-DD) die als vandaag geldt bij het beoordelen van controledata, als `--today` ontbreekt.",
                "The date (YYYY-MM-DD) taken as today when judging review dates, when `--today` is not given.",
            ),
            ManText::EnvLocale => (
                "Zonder `--lang` en WEGWIJS_LANG spreekt wegwijs Nederlands als de eerste die gezet is met `nl` begint, anders Engels.",
                "Without `--lang` and WEGWIJS_LANG, wegwijs speaks Dutch when the first of these that is set starts with `nl`, else English.",
            ),
            ManText::EnvNoColor => (
                "Niet leeg: geen kleur in de uitvoer (net als TERM=dumb).",
                "Not empty: no colour in the output (as with TERM=dumb).",
            ),
            ManText::FilesText => (
                "wegwijs schrijft geen bestanden tenzij u erom vraagt: met `--output`, `--save-answers` of `init --output`. Het leest alleen de regelbestanden die u noemt (`--rules`, `check`, `diff`, `test`) en het antwoordbestand van `--answers`; zonder `--rules` gebruikt het de regelset die in het programma zit. Er is geen configuratiebestand.",
                "wegwijs writes no file unless asked: with `--output`, `--save-answers` or `init --output`. It reads only the rule files you name (`--rules`, `check`, `diff`, `test`) and the answers file of `--answers`; without `--rules` it uses the graph built into the program. There is no configuration file.",
            ),
        }
    }
}

impl Message for ManText {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str(self.text(lang))
    }
}

/// The manual page in `lang`, as roff for `man`.
pub fn page(lang: Lang) -> String {
    let root = localize::command(lang);
    let t = |m: ManText| m.text(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        ".TH wegwijs 1 \"\" \"wegwijs {}\" \"{}\"",
        env!("CARGO_PKG_VERSION"),
        t(ManText::Manual)
    );
    // No hyphenation and no justification: ids and options are copied as they are written.
    let _ = writeln!(out, ".nr HY 0\n.nh\n.ad l");
    section(&mut out, t(ManText::Name));
    let _ = writeln!(
        out,
        "wegwijs \\- {}",
        prose(localize::phrase(Help::About, lang))
    );

    section(&mut out, t(ManText::Synopsis));
    let _ = writeln!(
        out,
        "\\fBwegwijs\\fR [\\fI{}\\fR] [\\fI{}\\fR [\\fI{}\\fR] [\\fI{}\\fR]...]",
        bare(Help::OptionsToken.text(lang)),
        Help::PhCommand.text(lang),
        bare(Help::OptionsToken.text(lang)),
        Help::Arguments.text(lang).to_uppercase(),
    );
    let _ = writeln!(out, ".br");
    for sub in visible(&root) {
        let _ = writeln!(out, "{}", code(&usage(sub)));
        let _ = writeln!(out, ".br");
    }
    let _ = writeln!(out, ".PP\n{}", prose(t(ManText::SynopsisCommand)));

    section(&mut out, t(ManText::Description));
    paragraphs(&mut out, Help::AboutLong.text(lang));

    section(&mut out, t(ManText::Options));
    options(&mut out, &root, None, lang);

    section(&mut out, t(ManText::Commands));
    for sub in visible(&root) {
        let name = sub.get_name();
        let _ = writeln!(out, ".SS \"wegwijs {name}\"");
        if let Some((about, _, after)) = command_text(Some(name)) {
            paragraphs(&mut out, about.text(lang));
            let _ = writeln!(out, ".PP\n{}", code(&usage(sub)));
            options(&mut out, sub, Some(name), lang);
            after_help(&mut out, after.text(lang));
        }
    }

    section(&mut out, t(ManText::ExitStatus));
    for (code, text) in [
        ("0", ManText::Exit0),
        ("1", ManText::Exit1),
        ("2", ManText::Exit2),
        ("3", ManText::Exit3),
        ("130", ManText::Exit130),
    ] {
        let _ = writeln!(out, ".TP\n\\fB{code}\\fR\n{}", prose(t(text)));
    }

    section(&mut out, t(ManText::Environment));
    for (name, text) in [
        ("WEGWIJS_LANG", ManText::EnvLang),
        ("WEGWIJS_TODAY", ManText::EnvToday),
        ("LC_ALL, LC_MESSAGES, LANG", ManText::EnvLocale),
        ("NO_COLOR", ManText::EnvNoColor),
    ] {
        let _ = writeln!(out, ".TP\n\\fB{name}\\fR\n{}", prose(t(text)));
    }

    section(&mut out, t(ManText::Files));
    let _ = writeln!(out, "{}", prose(t(ManText::FilesText)));

    section(&mut out, t(ManText::Examples));
    let examples = Help::AfterRoot.text(lang);
    example_lines(&mut out, examples.lines().filter(|l| l.starts_with("  ")));
    ascii(&out)
}

/// Every character outside ASCII as a roff escape (`é` as `\[u00E9]`): groff reads its input
/// as Latin-1 unless told otherwise.
fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "\\[u{:04X}]", u32::from(c));
        }
    }
    out
}

/// The subcommands a reader looks up (not `help`).
fn visible(root: &Command) -> impl Iterator<Item = &Command> {
    root.get_subcommands().filter(|c| c.get_name() != "help")
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, ".SH \"{title}\"");
}

/// A command's usage line, from clap in the page's language.
fn usage(cmd: &Command) -> String {
    cmd.get_overridden_usage()
        .map(ToString::to_string)
        .unwrap_or_else(|| format!("wegwijs {}", cmd.get_name()))
}

/// `[OPTIES]` without its brackets.
fn bare(token: &str) -> &str {
    token.trim_start_matches('[').trim_end_matches(']')
}

/// The options of `cmd` as a tagged list, each with its help, default and values.
fn options(out: &mut String, cmd: &Command, name: Option<&str>, lang: Lang) {
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if name.is_some() && id == "help" {
            continue;
        }
        let Some(text) = arg_text(name, id) else {
            continue;
        };
        let _ = writeln!(out, ".TP\n{}", tag(arg));
        let _ = writeln!(out, "{}", prose(&arg_help_line(arg, text, lang)));
        let described: Vec<(String, Help)> = arg
            .get_possible_values()
            .iter()
            .filter_map(|v| Some((v.get_name().to_owned(), value_text(name, id, v.get_name())?)))
            .collect();
        if !described.is_empty() {
            let _ = writeln!(out, ".RS");
            for (value, help) in described {
                let _ = writeln!(
                    out,
                    ".TP\n\\fB{}\\fR\n{}",
                    escape(&value),
                    prose(help.text(lang))
                );
            }
            let _ = writeln!(out, ".RE");
        }
    }
}

/// How an option is written: `\fB\-r\fR, \fB\-\-role\fR \fIROL\fR`, or a positional's name.
fn tag(arg: &Arg) -> String {
    let names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| format!("\\fI{}\\fR", escape(n.as_str())))
        .collect();
    let mut flags = Vec::new();
    if let Some(short) = arg.get_short() {
        flags.push(format!("\\fB\\-{short}\\fR"));
    }
    if let Some(long) = arg.get_long() {
        flags.push(format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")));
    }
    let mut tag = flags.join(", ");
    if arg.get_action().takes_values() && !names.is_empty() {
        if !tag.is_empty() {
            tag.push(' ');
        }
        tag += &names.join(" ");
    }
    tag
}

/// A command's text after its options: paragraphs of prose, and its examples unfilled, so
/// that no command is broken across lines.
fn after_help(out: &mut String, text: &str) {
    for block in text.split("\n\n") {
        let mut lines = block.lines();
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        if first.ends_with(':') && !rest.is_empty() && rest.iter().all(|l| l.starts_with("  ")) {
            let _ = writeln!(out, ".PP\n{}", prose(first));
            example_lines(out, rest.into_iter());
        } else {
            paragraphs(out, block);
        }
    }
}

fn example_lines<'a>(out: &mut String, lines: impl Iterator<Item = &'a str>) {
    let _ = writeln!(out, ".PP\n.RS 4\n.EX");
    for line in lines {
        let _ = writeln!(out, "{}", code(line.trim_start()));
    }
    let _ = writeln!(out, ".EE\n.RE");
}

/// Paragraphs separated by blank lines, each filled by `man`.
fn paragraphs(out: &mut String, text: &str) {
    for block in text.split("\n\n") {
        let joined = block.lines().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, ".PP\n{}", prose(&joined));
    }
}

/// Escapes text for roff: backslashes, and a leading dot or quote that would read as a request.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e");
    format!("\\&{text}")
}

/// Code (a command line): every hyphen a real minus, so it can be copied.
fn code(text: &str) -> String {
    escape(text).replace('-', "\\-")
}

/// Prose: `code` in bold, and hyphens of options (words starting with `-`) as real minus signs;
/// hyphens inside words stay hyphens.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut bold = false;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let option = word.trim_start_matches(['`', '(', '[']).starts_with('-');
        for c in word.chars() {
            match c {
                '`' => {
                    out.push_str(if bold { "\\fR" } else { "\\fB" });
                    bold = !bold;
                }
                '-' if option || bold => out.push_str("\\-"),
                '\\' => out.push_str("\\e"),
                c => out.push(c),
            }
        }
    }
    if bold {
        out.push_str("\\fR");
    }
    format!("\\&{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_and_option_is_in_the_page() {
        for lang in Lang::ALL {
            let page = page(lang);
            for sub in visible(&localize::command(lang)) {
                assert!(
                    page.contains(&format!(".SS \"wegwijs {}\"", sub.get_name())),
                    "{}",
                    sub.get_name()
                );
                for arg in sub.get_arguments() {
                    if let Some(long) = arg.get_long() {
                        let long = format!("\\-\\-{}", long.replace('-', "\\-"));
                        assert!(page.contains(&long), "{long} of {}", sub.get_name());
                    }
                }
            }
        }
    }

    #[test]
    fn sections_in_the_page_s_language() {
        let nl = page(Lang::Nl);
        for s in [
            "NAAM",
            "OVERZICHT",
            "BESCHRIJVING",
            "OPDRACHTEN",
            "AFSLUITCODES",
            "OMGEVING",
            "BESTANDEN",
            "VOORBEELDEN",
        ] {
            assert!(nl.contains(&format!(".SH \"{s}\"")), "{s}");
        }
        let en = page(Lang::En);
        for s in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "COMMANDS",
            "EXIT STATUS",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
        ] {
            assert!(en.contains(&format!(".SH \"{s}\"")), "{s}");
        }
        assert!(!en.contains("SEE ALSO") && !nl.contains("ZIE OOK"));
    }

    #[test]
    fn the_dutch_page_has_no_english_words() {
        let root = localize::command(Lang::Nl);
        let values: Vec<String> = std::iter::once(&root)
            .chain(root.get_subcommands())
            .flat_map(Command::get_arguments)
            .flat_map(Arg::get_possible_values)
            .map(|v| v.get_name().to_owned())
            .collect();
        // The page as text: requests dropped, font changes and escapes undone.
        let mut text = String::new();
        for line in page(Lang::Nl).lines().filter(|l| !l.starts_with('.')) {
            let line = line
                .replace("\\fB", "")
                .replace("\\fI", "")
                .replace("\\fR", "")
                .replace("\\&", "")
                .replace("\\-", "-");
            text += &line;
            text.push('\n');
        }
        let english = crate::cli::texts::english_words(&text, &values);
        assert!(english.is_empty(), "{english:#?}");
    }

    #[test]
    fn prose_marks_code_and_options() {
        assert_eq!(
            prose("use `--role` or -v, e-mail"),
            "\\&use \\fB\\-\\-role\\fR or \\-v, e-mail"
        );
        assert_eq!(code(".x --a"), "\\&.x \\-\\-a");
    }
}
