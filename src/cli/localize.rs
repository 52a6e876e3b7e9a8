//! clap's `Command` in the chosen language: the derive types give the shape, [`texts`] the
//! words. Every argument of every subcommand gets its help, placeholder and heading here, and
//! clap's own fixed words (`Usage:`, `[OPTIONS]`, `[default: ..]`, `[possible values: ..]`) are
//! written from the table instead, so nothing in the help is left in another language.
//!
//! [`texts`]: super::texts

use clap::builder::{PossibleValue, PossibleValuesParser, StyledStr};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use super::texts::Help;
use crate::i18n::Lang;

/// The command line in `lang`, ready to parse or to print help from.
pub fn command(lang: Lang) -> Command {
    let mut root = localize(Cli::command(), None, lang);
    let names: Vec<String> = root
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in &names {
        root = root.mut_subcommand(name, |c| localize(c, Some(name), lang));
    }
    root = root
        .disable_help_subcommand(true)
        .subcommand(help_command(&names, lang));
    with_usages(root, lang)
}

/// The help and placeholders of one argument.
#[derive(Debug, Clone, Copy)]
pub struct ArgText {
    /// What the argument does.
    pub help: Help,
    /// The placeholder of each value it takes (none for a flag).
    pub values: &'static [Help],
}

/// The text of argument `id` of subcommand `command` (`None`: the top level, and the global
/// options every subcommand inherits). `None` when the table lacks it, which a test forbids.
pub fn arg_text(command: Option<&str>, id: &str) -> Option<ArgText> {
    use Help as H;
    let t = |help, values: &'static [Help]| Some(ArgText { help, values });
    match (command.unwrap_or(""), id) {
        ("plan", "role") => t(H::Role, &[H::PhRole]),
        ("plan", "concern") => t(H::Concern, &[H::PhConcern]),
        ("plan", "answers") => t(H::Answer, &[H::PhAnswer]),
        ("plan", "answers_file") => t(H::AnswersFile, &[H::PhFile]),
        ("ask", "answers_file") => t(H::AskAnswersFile, &[H::PhFile]),
        ("ask", "save_answers") => t(H::SaveAnswers, &[H::PhFile]),
        ("ask", "format") => t(H::AskFormat, &[H::PhFormat]),
        ("list", "what") => t(H::ListWhat, &[H::PhWhat]),
        ("check", "files") => t(H::CheckFiles, &[H::PhFile]),
        ("check", "deny_warnings") => t(H::DenyWarnings, &[]),
        ("check", "max_age_days") => t(H::CheckMaxAge, &[H::PhDays]),
        ("check", "max_source_age_days") => t(H::MaxSourceAge, &[H::PhDays]),
        ("graph", "role") => t(H::GraphRole, &[H::PhRole]),
        ("graph", "concern") => t(H::GraphConcern, &[H::PhConcern]),
        ("export", "format") => t(H::ExportWhat, &[H::PhWhat]),
        ("export", "max_age_days") => t(H::ExportMaxAge, &[H::PhDays]),
        ("test", "files") => t(H::TestFiles, &[H::PhFile]),
        ("schema", "kind") => t(H::SchemaKind, &[H::PhKind]),
        ("diff", "files") => t(H::DiffFiles, &[H::PhOld, H::PhNew]),
        ("diff", "old_rules") => t(H::OldRules, &[H::PhFile]),
        ("diff", "new_rules") => t(H::NewRules, &[H::PhFile]),
        ("diff", "max_paths") => t(H::DiffMaxPaths, &[H::PhN]),
        ("review", "older_than") => t(H::OlderThan, &[H::PhDays]),
        ("review", "max_paths") => t(H::ReviewMaxPaths, &[H::PhN]),
        ("completions", "shell") => t(H::Shell, &[H::PhShell]),
        ("init", "what") => t(H::InitWhat, &[H::PhWhat]),
        ("init", "name") => t(H::InitName, &[H::PhName]),
        ("init", "force") => t(H::Force, &[]),
        ("help", "command") => t(H::HelpCommand, &[H::PhCommand]),
        ("plan" | "list" | "check" | "graph" | "test" | "diff" | "review", "format") => {
            t(H::Format, &[H::PhFormat])
        }
        ("plan" | "ask", "explain") => t(H::Explain, &[]),
        ("plan" | "graph" | "export" | "schema" | "diff" | "review" | "init", "output") => {
            t(H::Output, &[H::PhFile])
        }
        // The top level's options, which every subcommand inherits.
        (_, "rules") => t(H::Rules, &[H::PhFile]),
        (_, "lang") => t(H::Lang, &[H::PhLang]),
        (_, "verbose") => t(H::Verbose, &[]),
        (_, "today") => t(H::Today, &[H::PhDate]),
        (_, "help") => t(H::HelpFlag, &[]),
        (_, "version") => t(H::VersionFlag, &[]),
        _ => None,
    }
}

/// What a value of argument `id` of `command` means, for the long help and the completions.
/// `None` for values that say what they are (shell names).
pub fn value_text(command: Option<&str>, id: &str, value: &str) -> Option<Help> {
    use Help as H;
    Some(match (command.unwrap_or(""), id, value) {
        (_, "lang", "nl") => H::ValNl,
        (_, "lang", "en") => H::ValEn,
        ("review", "format", "markdown") => H::ValChecklist,
        ("review", "format", "csv") => H::ValCsv,
        (_, "format", "text") => H::ValText,
        (_, "format", "markdown") => H::ValMarkdown,
        (_, "format", "json") => H::ValJson,
        ("graph", "format", "dot") => H::ValDot,
        ("graph", "format", "mermaid") => H::ValMermaid,
        ("export", "format", "html") => H::ValHtml,
        ("init", "what", "overlay") => H::ValOverlay,
        ("list", "what", "roles") => H::ValRoles,
        ("list", "what", "concerns") => H::ValConcerns,
        ("list", "what", "questions") => H::ValQuestions,
        ("list", "what", "steps") => H::ValSteps,
        ("list", "what", "partners") => H::ValPartners,
        ("list", "what", "trainings") => H::ValTrainings,
        ("list", "what", "resources") => H::ValResources,
        ("list", "what", "networks") => H::ValNetworks,
        ("list", "what", "advice") => H::ValAdvice,
        ("list", "what", "slots") => H::ValSlots,
        ("schema", "kind", "rules") => H::ValSchemaRules,
        ("schema", "kind", "plan") => H::ValSchemaPlan,
        ("schema", "kind", "check") => H::ValSchemaCheck,
        ("schema", "kind", "overlay") => H::ValSchemaOverlay,
        ("schema", "kind", "tests") => H::ValSchemaTests,
        ("schema", "kind", "error") => H::ValSchemaError,
        ("schema", "kind", "diff") => H::ValSchemaDiff,
        ("schema", "kind", "review") => H::ValSchemaReview,
        _ => return None,
    })
}

/// What a command is for, what its long help says, and what its help says after the options.
pub fn command_text(command: Option<&str>) -> Option<(Help, Help, Help)> {
    use Help as H;
    let same = |about, after| Some((about, about, after));
    match command {
        None => Some((H::About, H::AboutLong, H::AfterRoot)),
        Some("plan") => same(H::PlanAbout, H::PlanAfter),
        Some("ask") => same(H::AskAbout, H::AskAfter),
        Some("list") => same(H::ListAbout, H::ListAfter),
        Some("check") => same(H::CheckAbout, H::CheckAfter),
        Some("graph") => same(H::GraphAbout, H::GraphAfter),
        Some("export") => same(H::ExportAbout, H::ExportAfter),
        Some("test") => same(H::TestAbout, H::TestAfter),
        Some("batch") => same(H::BatchAbout, H::BatchAfter),
        Some("schema") => same(H::SchemaAbout, H::SchemaAfter),
        Some("diff") => same(H::DiffAbout, H::DiffAfter),
        Some("review") => same(H::ReviewAbout, H::ReviewAfter),
        Some("completions") => same(H::CompletionsAbout, H::CompletionsAfter),
        Some("init") => same(H::InitAbout, H::InitAfter),
        Some("man") => same(H::ManAbout, H::ManAfter),
        Some("help") => Some((H::HelpAbout, H::HelpAbout, H::HelpAbout)),
        Some(_) => None,
    }
}

/// The help line of an argument: its text, then its default and its values in brackets.
pub fn arg_help_line(arg: &Arg, text: ArgText, lang: Lang) -> String {
    let mut line = phrase(text.help, lang).to_owned();
    if !arg.get_action().takes_values() {
        return line;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        line += &format!(" [{}: {}]", Help::Default.text(lang), defaults.join(", "));
    }
    let values = shown_values(arg);
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        line += &format!(
            " [{}: {}]",
            Help::PossibleValues.text(lang),
            names.join(", ")
        );
    }
    line
}

/// A text as clap shows a one-line help: without its closing full stop.
pub fn phrase(text: Help, lang: Lang) -> &'static str {
    let text = text.text(lang);
    text.strip_suffix('.').unwrap_or(text)
}

/// The values clap lists for `arg` (hidden ones left out).
fn shown_values(arg: &Arg) -> Vec<PossibleValue> {
    arg.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

fn localize(mut cmd: Command, name: Option<&str>, lang: Lang) -> Command {
    if let Some((about, long, after)) = command_text(name) {
        cmd = cmd
            .about(phrase(about, lang))
            .long_about(if long == about {
                phrase(long, lang)
            } else {
                long.text(lang)
            })
            .after_help(after.text(lang));
    }
    let styles = cmd.get_styles().clone();
    let heading = styles.get_usage();
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{heading}{}:{heading:#} {{usage}}\n\n{{all-args}}{{after-help}}",
            Help::Usage.text(lang)
        ))
        .subcommand_help_heading(Help::Commands.text(lang))
        .subcommand_value_name(Help::PhCommand.text(lang))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    if name.is_none() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| localize_arg(arg, name, lang));
    }
    cmd
}

fn localize_arg(mut arg: Arg, command: Option<&str>, lang: Lang) -> Arg {
    let id = arg.get_id().to_string();
    let Some(text) = arg_text(command, &id) else {
        return arg;
    };
    let line = arg_help_line(&arg, text, lang);
    let described: Vec<(String, Help)> = shown_values(&arg)
        .iter()
        .filter_map(|v| {
            Some((
                v.get_name().to_owned(),
                value_text(command, &id, v.get_name())?,
            ))
        })
        .collect();
    let long = if described.is_empty() {
        None
    } else {
        let mut long = format!(
            "{}\n\n{}:",
            phrase(text.help, lang),
            Help::PossibleValuesHeading.text(lang)
        );
        for (value, help) in &described {
            long += &format!("\n- {value}: {}", help.text(lang));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            long += &format!(
                "\n\n[{}: {}]",
                Help::Default.text(lang),
                defaults.join(", ")
            );
        }
        Some(long)
    };
    let heading = if arg.is_positional() {
        Help::Arguments
    } else {
        Help::Options
    };
    if arg.get_action().takes_values() {
        arg = arg
            .value_names(text.values.iter().map(|v| v.text(lang)))
            .hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true);
    }
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None::<&'static str>),
    };
    arg.help(line).help_heading(heading.text(lang))
}

/// `wegwijs help [COMMAND]`, in place of clap's own (whose texts are fixed in English).
fn help_command(names: &[String], lang: Lang) -> Command {
    let command = Arg::new("command").value_parser(PossibleValuesParser::new(names.to_vec()));
    localize(Command::new("help").arg(command), Some("help"), lang)
}

/// Sets each command's usage line with `[OPTIONS]` in `lang`: clap writes that word itself.
fn with_usages(mut root: Command, lang: Lang) -> Command {
    let mut built = root.clone();
    built.build();
    let usage = |cmd: &mut Command| -> StyledStr {
        let styles = cmd.get_styles().clone();
        let title = format!("{}Usage:{:#} ", styles.get_usage(), styles.get_usage());
        let text = cmd.render_usage().ansi().to_string();
        let text = text.strip_prefix(&title).unwrap_or(&text);
        text.replace("[OPTIONS]", Help::OptionsToken.text(lang))
            .into()
    };
    root = root.override_usage(usage(&mut built));
    let names: Vec<String> = built
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let Some(sub) = built.find_subcommand_mut(&name) else {
            continue;
        };
        let line = usage(sub);
        root = root.mut_subcommand(&name, |c| c.override_usage(line));
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::texts::english_words;

    /// Every command of `root`, with its name (`None` for wegwijs itself).
    fn commands(root: &Command) -> Vec<(Option<String>, &Command)> {
        let mut all = vec![(None, root)];
        all.extend(
            root.get_subcommands()
                .map(|c| (Some(c.get_name().to_owned()), c)),
        );
        all
    }

    #[test]
    fn every_argument_of_every_command_has_its_words_in_every_language() {
        for lang in Lang::ALL {
            let mut root = command(lang);
            root.build();
            for (name, cmd) in commands(&root) {
                let name = name.as_deref();
                let (about, _, after) =
                    command_text(name).unwrap_or_else(|| panic!("no texts for command {name:?}"));
                assert_eq!(
                    cmd.get_about().map(ToString::to_string).as_deref(),
                    Some(phrase(about, lang)),
                    "{name:?}"
                );
                assert!(!after.text(lang).is_empty(), "{name:?}");
                for arg in cmd.get_arguments() {
                    let id = arg.get_id().as_str();
                    let text = arg_text(name, id)
                        .unwrap_or_else(|| panic!("no help text for {id} of {name:?}"));
                    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                    assert!(
                        !help.is_empty() && help.starts_with(phrase(text.help, lang)),
                        "{id} of {name:?} in {lang}: {help:?}"
                    );
                    if arg.get_action().takes_values() {
                        let names = arg.get_value_names().unwrap_or_default();
                        assert!(
                            !text.values.is_empty()
                                && names
                                    .iter()
                                    .map(|n| n.as_str())
                                    .eq(text.values.iter().map(|v| v.text(lang))),
                            "placeholder of {id} of {name:?} in {lang}: {names:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dutch_help_has_no_english_words() {
        let mut root = command(Lang::Nl);
        root.build();
        // Values such as `error` (a schema) are what the user types, not sentences.
        let values: Vec<String> = commands(&root)
            .into_iter()
            .flat_map(|(_, c)| c.get_arguments())
            .flat_map(Arg::get_possible_values)
            .map(|v| v.get_name().to_owned())
            .collect();
        let mut pages = vec![root.render_help(), root.render_long_help()];
        for name in root
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect::<Vec<_>>()
        {
            let sub = root.find_subcommand_mut(&name).unwrap();
            pages.push(sub.render_help());
            pages.push(sub.render_long_help());
        }
        for page in pages {
            let page = page.to_string();
            assert!(page.contains("Gebruik: wegwijs"), "{page}");
            let english = english_words(&page, &values);
            assert!(english.is_empty(), "{english:#?}\n{page}");
        }
    }

    #[test]
    fn english_help_keeps_clap_s_words() {
        let mut root = command(Lang::En);
        let page = root.render_long_help().to_string();
        for words in [
            "Usage: wegwijs [OPTIONS] [COMMAND]",
            "Commands:",
            "Options:",
            "--rules <FILE>",
            "Examples:",
        ] {
            assert!(page.contains(words), "{words}\n{page}");
        }
        let plan = root.find_subcommand_mut("plan").unwrap().render_help();
        assert!(
            plan.to_string().contains("--answer <QUESTION=OPTION>"),
            "{plan}"
        );
        assert!(plan.to_string().contains("[default: text]"), "{plan}");
    }

    #[test]
    fn dutch_placeholders_and_headings() {
        let mut root = command(Lang::Nl);
        let plan = root
            .find_subcommand_mut("plan")
            .unwrap()
            .render_help()
            .to_string();
        // One space for each run of spaces and line breaks: clap wraps long help lines.
        let plan = plan.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [
            "Gebruik: wegwijs plan [OPTIES]",
            "Opties:",
            "--role <ROL>",
            "--concern <ZORG>",
            "--answer <VRAAG=OPTIE>",
            "--output <BESTAND>",
            "[standaard: text]",
            "[mogelijke waarden: text, markdown, json]",
            "Voorbeelden: wegwijs plan",
        ] {
            assert!(plan.contains(words), "{words}\n{plan}");
        }
        let check = root
            .find_subcommand_mut("check")
            .unwrap()
            .render_help()
            .to_string();
        assert!(check.contains("Argumenten:\n  [BESTAND]..."), "{check}");
    }

    /// args.rs parses with the bare command and only builds this one for help and errors: the
    /// two must read every command line alike.
    #[test]
    fn the_localized_command_parses_as_the_bare_one() {
        use clap::{FromArgMatches, Parser};
        for line in [
            "wegwijs plan -r teacher -c polarisation -a acute-danger=yes --format json",
            "wegwijs --lang nl --rules a.json --rules b.json list roles",
            "wegwijs check x.json --deny-warnings --max-age-days 10 -v",
            "wegwijs --today 2026-01-01 review --format csv --older-than 3",
            "wegwijs diff old.json new.json --max-paths 5",
            "wegwijs graph -f mermaid --role x",
            "wegwijs schema plan -o out.json",
            "wegwijs init overlay --name Gemeente --force",
            "wegwijs completions fish",
            "wegwijs man",
            "wegwijs",
        ] {
            let words: Vec<&str> = line.split(' ').collect();
            let bare = format!("{:?}", Cli::try_parse_from(&words).unwrap());
            for lang in Lang::ALL {
                let matches = command(lang).try_get_matches_from(&words).unwrap();
                let here = format!("{:?}", Cli::from_arg_matches(&matches).unwrap());
                assert_eq!(here, bare, "{line} in {lang}");
            }
        }
    }

    #[test]
    fn the_english_word_check_finds_english() {
        assert!(!english_words("Print the plan for a role", &[]).is_empty());
        assert!(english_words("Toon het plan voor een rol of zorg", &[]).is_empty());
        assert!(english_words("  wegwijs plan --role teacher --format json", &[]).is_empty());
    }
}
