//! `wegwijs ask`: the questionnaire in the terminal, then the plan and its one-shot command.

use std::io::Write;

use anyhow::Context;

use crate::ask::{self, InquirePrompter, PromptError};
use crate::cli::AskArgs;
use crate::config::Config;
use crate::exit::{Doing, ExitCode, QuestionnaireFailed, UsageError};
use crate::graph::Ask;
use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{ASK_CONCERN, ASK_ROLE};
use crate::i18n::Ui;
use crate::plan::{Plan, PlanOptions};
use crate::query::{Query, RawQuery};
use crate::render::Format;

use super::Io;

pub(super) fn run(config: &Config, args: &AskArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    // The questions need a keyboard on stdin and a screen to draw on: inquire draws on the
    // terminal itself (`/dev/tty`), so stderr may go to a log (`ask 2>log`) and stdout to a
    // file. Without a terminal it must never sit waiting for input that will not come.
    let t = config.terminal;
    if !(t.stdin && (t.stdout || t.stderr)) {
        return Err(UsageError::NeedsTerminal.into());
    }
    let json = args.format == Format::Json;
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    let prefill = match &args.answers_file {
        Some(path) => Query::resolve(&graph, &super::read_answers(path)?)?,
        None => Query::resolve(&graph, &RawQuery::default())?,
    };
    // The questions are drawn on the terminal, whichever of stdout and stderr is one.
    let mut prompter = InquirePrompter::new(config.lang, config.err_color || config.style.color);
    let finished = match ask::run(&graph, &mut prompter, prefill, config.lang) {
        Ok(f) => f,
        // Esc or Ctrl-C: the prompter wiped the question; stop without a word (README).
        Err(PromptError::Cancelled) => return Ok(ExitCode::Cancelled),
        Err(PromptError::NotATerminal) => {
            return Err(UsageError::NeedsTerminal.into());
        }
        Err(PromptError::Failed(why)) => return Err(QuestionnaireFailed(why).into()),
    };

    let opts = PlanOptions {
        explain: args.explain,
        today: config.today,
        ..PlanOptions::new(config.lang)
    };
    let plan = Plan::build(&graph, &finished.outcome, &opts);
    args.format.renderer(config.style).render(&plan, io.out)?;
    io.out.flush()?;
    let command = ask::one_shot_command(&graph, &finished, config.lang, &config.selection.files);
    let repeat = Ui::RepeatWith.get(config.lang);
    match args.format {
        // stdout holds exactly one JSON document; the command goes to stderr.
        Format::Json => writeln!(io.err, "{repeat}\n  {command}")?,
        Format::Markdown => writeln!(io.out, "\n{repeat}\n\n```sh\n{command}\n```")?,
        Format::Text => writeln!(io.out, "\n{repeat}\n  {command}")?,
    }
    io.out.flush()?;

    if let Some(path) = &args.save_answers {
        save(&graph, &finished.query, &finished.outcome, path)
            .with_context(|| Doing::SavingAnswers(path.clone()))?;
    }
    Ok(ExitCode::Success)
}

/// Writes role, concern and the answers on the path as one JSON object, the shape `--answers`
/// reads.
fn save(
    graph: &crate::graph::Graph,
    query: &Query,
    outcome: &crate::engine::Outcome,
    path: &std::path::Path,
) -> std::io::Result<()> {
    let rules = &graph.rules;
    let mut map = KeyedStrings::default();
    if let Some(r) = query.role {
        map.insert(ASK_ROLE, &rules.roles[r as usize].id);
    }
    if let Some(c) = query.concern {
        map.insert(ASK_CONCERN, &rules.concerns[c as usize].id);
    }
    for visit in &outcome.path {
        if let Some((Ask::Question(q), o, _)) = visit.answer {
            let q = &rules.questions[q as usize];
            map.insert(&q.id, &q.options[o as usize].id);
        }
    }
    let mut text = serde_json::to_string_pretty(&map)?;
    text.push('\n');
    let mut file = std::fs::File::create(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
