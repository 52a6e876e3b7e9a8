//! The command line for shell completions: the help in the chosen language, and the ids of a
//! loaded graph, with their aliases in every language, as the values of `--role`, `--concern`
//! and `--answer`.
//!
//! clap_complete offers a value's name only, not its aliases, so each alias is a value of its
//! own here. Bash, zsh and fish complete values; clap_complete's PowerShell and elvish scripts
//! complete commands and options only.

use clap::Command;
use clap::builder::{PossibleValue, PossibleValuesParser};

use super::localize::{self, value_text};
use crate::graph::Graph;
use crate::graph::model::Choice;
use crate::i18n::Lang;

/// Whether a word can be offered as a completion: shells split on spaces.
fn completable(word: &str) -> bool {
    !word.is_empty() && !word.contains(char::is_whitespace)
}

/// Each choice's id and aliases, described by its label in `lang`.
fn choices(list: &[Choice<'_>], lang: &str) -> Vec<PossibleValue> {
    let mut values = Vec::new();
    for choice in list {
        let label = choice.label.get(lang).to_owned();
        values.push(PossibleValue::new(choice.id.to_string()).help(label.clone()));
        for alias in choice.aliases.iter().filter(|a| completable(a)) {
            values.push(
                PossibleValue::new(alias.to_string()).help(format!("{label} ({})", choice.id)),
            );
        }
    }
    values
}

/// Every `QUESTION=OPTION` pair, ids and aliases on both sides.
fn answers(graph: &Graph<'_>, lang: &str) -> Vec<PossibleValue> {
    let mut values = Vec::new();
    for q in &graph.rules.questions {
        let questions: Vec<String> = std::iter::once(q.id.to_string())
            .chain(
                q.aliases
                    .iter()
                    .filter(|a| completable(a))
                    .map(|a| a.to_string()),
            )
            .collect();
        for o in &q.options {
            let options: Vec<String> = std::iter::once(o.id.to_string())
                .chain(
                    o.aliases
                        .iter()
                        .filter(|a| completable(a))
                        .map(|a| a.to_string()),
                )
                .collect();
            let help = format!("{} {}", q.text.get(lang), o.label.get(lang));
            for question in &questions {
                for option in &options {
                    values.push(
                        PossibleValue::new(format!("{question}={option}")).help(help.clone()),
                    );
                }
            }
        }
    }
    values
}

/// The command line in `lang` with `graph`'s ids and aliases as the values of `plan --role`,
/// `plan --concern`, `plan --answer`, `graph --role` and `graph --concern`, and every other
/// value described in `lang`.
pub fn command_with_ids(graph: &Graph<'_>, lang: Lang) -> Command {
    let content = graph.content_lang(lang.code());
    let roles = choices(&graph.rules.roles, content);
    let concerns = choices(&graph.rules.concerns, content);
    let answers = answers(graph, content);
    let mut root = described(localize::command(lang), None, lang);
    let names: Vec<String> = root
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        root = root.mut_subcommand(&name, |sub| {
            let sub = described(sub, Some(&name), lang);
            match name.as_str() {
                "plan" => sub
                    .mut_arg("role", |a| {
                        a.value_parser(PossibleValuesParser::new(roles.clone()))
                    })
                    .mut_arg("concern", |a| {
                        a.value_parser(PossibleValuesParser::new(concerns.clone()))
                    })
                    .mut_arg("answers", |a| {
                        a.value_parser(PossibleValuesParser::new(answers.clone()))
                    }),
                "graph" => sub
                    .mut_arg("role", |a| {
                        a.value_parser(PossibleValuesParser::new(roles.clone()))
                    })
                    .mut_arg("concern", |a| {
                        a.value_parser(PossibleValuesParser::new(concerns.clone()))
                    }),
                _ => sub,
            }
        });
    }
    root
}

/// `cmd` with each fixed value (formats, list kinds, languages) described in `lang`, for the
/// shells that show descriptions beside values.
fn described(mut cmd: Command, name: Option<&str>, lang: Lang) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.get_possible_values().is_empty())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            let values: Vec<PossibleValue> = arg
                .get_possible_values()
                .into_iter()
                .map(|v| {
                    let help = value_text(name, &id, v.get_name()).map(|h| h.text(lang));
                    PossibleValue::new(v.get_name().to_owned()).help(help)
                })
                .collect();
            arg.value_parser(PossibleValuesParser::new(values))
        });
    }
    cmd
}

/// The bash script with `QUESTION=OPTION` completing after the `=` too.
///
/// Readline splits a word at `=` (it is in `COMP_WORDBREAKS`), so `--answer acuut-gevaar=j`
/// reaches the completion function as `acuut-gevaar`, `=`, `j`. clap_complete's function is
/// kept under another name; the wrapper joins the three words again, lets it complete the
/// pair, and offers only what follows the `=`, which is the part readline replaces.
pub fn bash_joining_pairs(script: &str) -> String {
    const WRAPPER: &str = r#"
_wegwijs() {
    local cur="$2" prev="$3" question=""
    if [[ "$prev" == "=" && ${COMP_CWORD} -ge 3 ]]; then
        question="${COMP_WORDS[COMP_CWORD-2]}"
        local -a COMP_WORDS=("${COMP_WORDS[@]:0:COMP_CWORD-2}" "$question=$cur")
    elif [[ "$cur" == "=" && ${COMP_CWORD} -ge 2 ]]; then
        question="$prev"
        cur=""
        local -a COMP_WORDS=("${COMP_WORDS[@]:0:COMP_CWORD-1}" "$question=")
    fi
    if [[ -z "$question" ]]; then
        _wegwijs_clap "$@"
        return
    fi
    local COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _wegwijs_clap "$1" "$question=$cur" "${COMP_WORDS[COMP_CWORD-1]}"
    COMPREPLY=("${COMPREPLY[@]#"$question="}")
}
"#;
    let renamed = script.replacen("_wegwijs() {", "_wegwijs_clap() {", 1);
    match renamed.find("\nif [[ \"${BASH_VERSINFO[0]}\"") {
        Some(at) => format!("{}{WRAPPER}{}", &renamed[..at], &renamed[at..]),
        None => format!("{renamed}{WRAPPER}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(shell: clap_complete::Shell, lang: Lang) -> String {
        let graph = crate::graph::builtin();
        let mut cmd = command_with_ids(&graph, lang);
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut cmd, "wegwijs", &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn scripts_offer_ids_and_aliases_in_both_languages() {
        use clap_complete::Shell;
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = script(shell, Lang::Nl);
            for word in [
                "youth-worker",
                "jongerenwerker",
                "radicalisation",
                "radicalisering",
                "acute-danger=yes",
                "acuut-gevaar=ja",
                "case-stage=multi-agency",
            ] {
                assert!(script.contains(word), "{shell} lacks {word}");
            }
        }
    }

    #[test]
    fn graph_offers_roles_and_concerns_as_plan_does() {
        let mut cmd = command_with_ids(&crate::graph::builtin(), Lang::En);
        for name in ["plan", "graph"] {
            let sub = cmd.find_subcommand_mut(name).unwrap();
            for (id, word) in [("role", "jongerenwerker"), ("concern", "radicalisering")] {
                let arg = sub.get_arguments().find(|a| a.get_id() == id).unwrap();
                assert!(
                    arg.get_possible_values()
                        .iter()
                        .any(|v| v.get_name() == word),
                    "{name} --{id} lacks {word}"
                );
            }
        }
    }

    #[test]
    fn values_are_described_in_the_chosen_language() {
        let fish = script(clap_complete::Shell::Fish, Lang::Nl);
        assert!(fish.contains("Leesbare tekst"), "{fish}");
        assert!(fish.contains("Jongerenwerker") || fish.contains("jongerenwerker"));
    }
}
