//! The `wegwijs plan …` command that `ask` prints at the end: the same plan, without the
//! questionnaire, in the words of the user's language.
//!
//! In Dutch the command uses the Dutch words the graph gives as aliases (`--role
//! jongerenwerker --concern radicalisering --answer acuut-gevaar=nee`): a rule file lists an
//! item's Dutch word as its first alias. A word is used only when it finds the same item again,
//! so the command always gives the same plan; otherwise the id is.

use super::Finished;
use crate::graph::{Ask, Graph};
use crate::i18n::Lang;

/// The `wegwijs plan` command line that gives the same plan without the questionnaire.
pub fn one_shot_command(
    graph: &Graph,
    finished: &Finished,
    lang: Lang,
    rules: &[std::path::PathBuf],
) -> String {
    let mut words: Vec<String> = vec!["wegwijs".into()];
    for file in rules {
        words.push("--rules".into());
        words.push(shell_word(&file.display().to_string()));
    }
    words.push("plan".into());
    let query = &finished.query;
    for (flag, ask) in [("--role", Ask::Role), ("--concern", Ask::Concern)] {
        if let Some(answer) = query.answer(ask) {
            words.extend([
                flag.into(),
                shell_word(answer_word(graph, ask, answer, lang)),
            ]);
        }
    }
    for visit in &finished.outcome.path {
        if let Some((ask @ Ask::Question(_), answer, _)) = visit.answer {
            let pair = format!(
                "{}={}",
                question_word(graph, ask, lang),
                answer_word(graph, ask, answer, lang)
            );
            words.extend(["--answer".into(), shell_word(&pair)]);
        }
    }
    words.extend(["--lang".into(), lang.code().into()]);
    words.join(" ")
}

/// How the command names a question: its Dutch word in Dutch, else its id.
fn question_word<'g>(graph: &'g Graph, ask: Ask, lang: Lang) -> &'g str {
    match (lang, graph.ask_aliases(ask).first()) {
        (Lang::Nl, Some(word)) if graph.ask_named(word) == Some(ask) => word,
        _ => graph.ask_id(ask),
    }
}

/// How the command names an answer: its Dutch word in Dutch, else its id.
fn answer_word<'g>(graph: &'g Graph, ask: Ask, answer: u32, lang: Lang) -> &'g str {
    let a = graph.answer(ask, answer);
    match (lang, a.aliases.first()) {
        (Lang::Nl, Some(word)) if graph.answer_named(ask, word) == Some(answer) => word,
        _ => a.id,
    }
}

/// Quotes a word for POSIX shells when it holds anything but safe characters.
fn shell_word(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '=' | ':' | ',')
        });
    if safe {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::super::run;
    use super::super::scripted::{Script, ScriptedPrompter};
    use super::*;
    use crate::cli::{Cli, Command};
    use crate::plan::{Plan, PlanOptions, plan_for};
    use crate::query::{Query, RawQuery};

    #[test]
    fn one_shot_command_quotes_what_needs_quoting() {
        assert_eq!(shell_word("acute-danger=no"), "acute-danger=no");
        assert_eq!(shell_word("my rules.json"), "'my rules.json'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }

    /// Runs the questionnaire with `script`, then the printed command through the command-line
    /// parser and the library; both plans must be the same.
    fn command_gives_the_same_plan(script: &[Script], lang: Lang) -> String {
        let g = crate::graph::builtin();
        let mut p = ScriptedPrompter::new(script.iter().cloned());
        let done = run(&g, &mut p, Query::empty(&g), lang).unwrap();
        let command = one_shot_command(&g, &done, lang, &[]);
        assert!(!command.contains('\''), "{command}");
        let cli = Cli::try_parse_from(command.split(' ')).unwrap();
        let Some(Command::Plan(args)) = cli.command else {
            panic!("not a plan command: {command}");
        };
        assert_eq!(cli.global.lang, Some(lang), "{command}");
        let mut raw = RawQuery {
            role: args.role,
            concern: args.concern,
            answers: Vec::new(),
        };
        for a in &args.answers {
            raw.push_answer(a).unwrap();
        }
        let opts = PlanOptions {
            today: "2026-12-01".parse().unwrap(),
            ..PlanOptions::new(lang)
        };
        let printed = plan_for(&g, &raw, &opts).unwrap();
        assert_eq!(printed, Plan::build(&g, &done.outcome, &opts), "{command}");
        command
    }

    fn script() -> Vec<Script> {
        vec![
            Script::Pick("no"),
            Script::Pick("youth-worker"),
            Script::Pick("radicalisation"),
            Script::Pick("concrete"),
            Script::Pick("no"), // travel
            Script::Pick("no"), // home-safety
            Script::Confirm,
        ]
    }

    #[test]
    fn in_dutch_the_command_uses_the_dutch_words_and_gives_the_same_plan() {
        let command = command_gives_the_same_plan(&script(), Lang::Nl);
        assert_eq!(
            command,
            "wegwijs plan --role jongerenwerker --concern radicalisering \
             --answer acuut-gevaar=nee --answer fase=concreet --answer uitreis=nee \
             --answer thuis=nee --lang nl"
        );
    }

    #[test]
    fn in_english_the_command_uses_the_ids_and_gives_the_same_plan() {
        let command = command_gives_the_same_plan(&script(), Lang::En);
        assert_eq!(
            command,
            "wegwijs plan --role youth-worker --concern radicalisation \
             --answer acute-danger=no --answer case-stage=concrete --answer travel=no \
             --answer home-safety=no --lang en"
        );
    }
}
