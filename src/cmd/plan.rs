//! `wegwijs plan`: one query in, one rendered plan out.

use crate::cli::PlanArgs;
use crate::config::Config;
use crate::engine::{self, EngineError};
use crate::exit::{ExitCode, UsageError};
use crate::graph::Graph;
use crate::graph::index::Ask;
use crate::i18n::Lang;
use crate::plan::{Plan, PlanOptions};
use crate::query::{Query, RawQuery};
use crate::render::{Format, Json, Markdown, PlanRenderer, Text};

use super::Io;

pub(super) fn run(config: &Config, args: &PlanArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == Format::Json;
    let Some(graph) = super::load_graph(config, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    let mut raw = RawQuery {
        role: Some(args.role.clone()),
        concern: Some(args.concern.clone()),
        answers: Vec::new(),
    };
    for answer in &args.answers {
        raw.push_answer(answer)?;
    }
    let plan = plan_for(&graph, &raw, config, args.explain)?;
    let renderer: Box<dyn PlanRenderer> = match args.format {
        Format::Text => Box::new(Text(config.style)),
        Format::Markdown => Box::new(Markdown { lang: config.lang }),
        Format::Json => Box::new(Json::default()),
    };
    renderer.render(&plan, io.out)?;
    Ok(ExitCode::Success)
}

/// Resolves and evaluates a raw query and builds its plan; shared by `plan` and `batch`.
pub(crate) fn plan_for(
    graph: &Graph,
    raw: &RawQuery,
    config: &Config,
    explain: bool,
) -> anyhow::Result<Plan> {
    let query = Query::resolve(graph, raw)?;
    let outcome = engine::evaluate(graph, &query).map_err(|e| unanswered(graph, e, config.lang))?;
    let opts = PlanOptions {
        explain,
        today: config.today,
        ..PlanOptions::new(config.lang)
    };
    Ok(Plan::build(graph, &outcome, &opts))
}

/// A question the path needs but that has no answer and no assumption is a usage error that
/// names the question and its options; anything else means the graph is broken.
fn unanswered(graph: &Graph, e: EngineError, lang: Lang) -> anyhow::Error {
    let EngineError::Unanswered(ask) = e else {
        return anyhow::Error::new(e);
    };
    let (id, options): (&str, Vec<&str>) = match ask {
        Ask::Role => ("role", Vec::new()),
        Ask::Concern => ("concern", Vec::new()),
        Ask::Question(q) => {
            let q = &graph.rules.questions[q as usize];
            (&q.id, q.options.iter().map(|o| o.id.as_str()).collect())
        }
    };
    let choices = options.join("|");
    anyhow::Error::new(UsageError(match lang {
        Lang::Nl => {
            format!("deze route heeft een antwoord op `{id}` nodig: --answer {id}={choices}")
        }
        Lang::En => format!("this path needs an answer to `{id}`: --answer {id}={choices}"),
    }))
}
