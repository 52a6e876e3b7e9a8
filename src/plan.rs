//! A referral plan: everything a renderer shows, in one language, independent of format.
//!
//! [`Plan::build`] turns an engine [`Outcome`] into texts. Renderers (text, Markdown, JSON) only
//! lay a plan out; none of them decides what is in it. The JSON form of this type is a public
//! contract (`schema_version`), documented in the README.

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Date;
use crate::engine::{self, EngineError, Outcome};
use crate::graph::Ask;
use crate::graph::keyed::KeyedStrings;
use crate::graph::str::Str;
use crate::graph::{Graph, Kind};
use crate::i18n::Lang;
use crate::query::{Query, QueryError, RawQuery};

mod explain;
mod local;
mod recommendation;

pub use explain::{Reason, TraceStep};
pub use local::{FilledBy, LocalRoute};
pub use recommendation::{Recommendation, SourceRef};

/// Version of the plan's JSON form. See the README for what may change without a bump.
// 2: a recommendation's `source` is the cited page (title, address, date), no longer an id.
pub const PLAN_SCHEMA_VERSION: u32 = 2;

/// A referral plan.
// It borrows its texts from the graph it was built from, so building one copies no strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Plan<'g> {
    /// Version of this JSON form.
    pub schema_version: u32,
    /// The rule graph the plan came from.
    pub graph: GraphInfo<'g>,
    /// The language of every text in the plan.
    pub lang: &'g str,
    /// The role the plan is for.
    pub role: Named<'g>,
    /// The concern the plan is for.
    pub concern: Named<'g>,
    /// Answers given and used: question id to option id, in path order.
    pub answers: KeyedStrings<'g>,
    /// Answers assumed because none was given, in path order.
    pub assumed: KeyedStrings<'g>,
    /// Answers given for questions this path does not ask; they did not change the plan.
    pub ignored: KeyedStrings<'g>,
    /// The questions on the path with their answers, in order, for display.
    pub asked: Vec<AskedQuestion<'g>>,
    /// True when the plan opens with urgent steps (acute danger).
    pub urgent: bool,
    /// The acute-danger line every plan carries.
    pub emergency: &'g str,
    /// Everything recommended, in plan order.
    pub recommendations: Vec<Recommendation<'g>>,
    /// The sources cited by the recommendations.
    pub sources: Vec<SourceRef<'g>>,
    /// With `--explain`: every node visited, what was asked there and what it added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<TraceStep<'g>>>,
}

/// Identity and age of a rule graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GraphInfo<'g> {
    /// Graph id.
    pub id: &'g str,
    /// Content version.
    pub version: &'g str,
    /// When the graph was last reviewed.
    pub reviewed: Date,
    /// Title in the plan's language.
    pub title: &'g str,
    /// Overlays applied to the graph (local additions), in order.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub overlays: &'g [crate::graph::OverlayInfo],
}

/// An id with its label in the plan's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Named<'g> {
    /// Stable id.
    pub id: &'g str,
    /// Label in the plan's language.
    pub label: &'g str,
}

/// A question on the path and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AskedQuestion<'g> {
    /// Question id (`role` and `concern` included when the path branches on them).
    pub question: &'g str,
    /// The question's text.
    pub text: &'g str,
    /// Option id.
    pub answer: &'g str,
    /// Option label.
    pub label: &'g str,
    /// True when the answer was assumed.
    pub assumed: bool,
}

/// How to build a plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanOptions {
    /// The language of the texts.
    pub lang: Lang,
    /// Include the trace and the reasons.
    pub explain: bool,
    /// Today's date, to flag old review dates.
    pub today: Date,
    /// The allowed age of a review date, in days.
    pub max_age_days: i64,
}

impl PlanOptions {
    /// Plain options: no trace, today's date, the default maximum age.
    pub fn new(lang: Lang) -> PlanOptions {
        PlanOptions {
            lang,
            explain: false,
            today: Date::today(),
            max_age_days: crate::graph::model::DEFAULT_MAX_AGE_DAYS,
        }
    }
}

/// Why no plan could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The query names something the graph lacks, or misses an answer: the caller's to fix.
    Query(QueryError),
    /// The graph itself is broken (only possible for a graph that did not pass `check`).
    Graph(EngineError),
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::Query(e) => e.fmt(f),
            PlanError::Graph(e) => e.fmt(f),
        }
    }
}

// Display already says everything the inner error says, so there is no `source`.
impl std::error::Error for PlanError {}

impl From<QueryError> for PlanError {
    fn from(e: QueryError) -> PlanError {
        PlanError::Query(e)
    }
}

/// Resolves a query as typed, walks the graph and lays out the plan: the whole of one-shot use.
pub fn plan_for<'g>(
    graph: &'g Graph<'_>,
    raw: &RawQuery,
    opts: &PlanOptions,
) -> Result<Plan<'g>, PlanError> {
    if raw.role.is_none() {
        return Err(QueryError::Missing { what: "role" }.into());
    }
    if raw.concern.is_none() {
        return Err(QueryError::Missing { what: "concern" }.into());
    }
    let query = Query::resolve(graph, raw)?;
    let outcome = engine::evaluate(graph, &query).map_err(|e| match e {
        EngineError::Unanswered(ask @ Ask::Question(_)) => {
            PlanError::Query(QueryError::Unanswered {
                question: graph.ask_id(ask).to_string(),
                options: graph.answers(ask).map(|o| o.id.to_string()).collect(),
            })
        }
        other => PlanError::Graph(other),
    })?;
    Ok(Plan::build(graph, &outcome, opts))
}

impl<'g> Plan<'g> {
    /// Lays out an outcome as a plan in one language.
    pub fn build(graph: &'g Graph<'_>, outcome: &Outcome, opts: &PlanOptions) -> Plan<'g> {
        let rules = &graph.rules;
        let lang = graph.content_lang(opts.lang.code());
        let named = |ask, answer| Named {
            id: graph.answer_id(ask, answer),
            label: graph.answer_label(ask, answer, lang),
        };

        let mut answers = Vec::new();
        let mut assumed = Vec::new();
        let mut asked = Vec::new();
        for visit in &outcome.path {
            let Some((ask, answer, was_assumed)) = visit.answer else {
                continue;
            };
            let question = graph.ask_id(ask);
            let text = graph.ask_text(ask, lang).map_or("", |(text, _)| text);
            let option = graph.answer_id(ask, answer);
            let label = graph.answer_label(ask, answer, lang);
            if let Ask::Question(_) = ask {
                let pairs = if was_assumed {
                    &mut assumed
                } else {
                    &mut answers
                };
                pairs.push((Str::from(question), Str::from(option)));
            }
            asked.push(AskedQuestion {
                question,
                text,
                answer: option,
                label,
                assumed: was_assumed,
            });
        }
        let ignored = outcome
            .ignored
            .iter()
            .map(|&(q, o)| {
                let ask = Ask::Question(q);
                (
                    Str::from(graph.ask_id(ask)),
                    Str::from(graph.answer_id(ask, o)),
                )
            })
            .collect();

        let mut cited: Vec<SourceRef<'g>> = Vec::new();
        let recommendations = outcome
            .items
            .iter()
            .map(|item| {
                let mut rec = recommendation::build(graph, item.kind, item.entry, lang, opts);
                rec.priority = item.priority;
                rec.urgent = item.urgent;
                // The first node that gives a reason for this case wins over the entry's own.
                if let Some(why) = item
                    .from
                    .iter()
                    .find_map(|&(node, at)| rules.nodes[node as usize].add[at as usize].why())
                {
                    rec.why = Some(why.get(lang));
                }
                if opts.explain {
                    rec.because = Some(explain::reasons(graph, outcome, &item.from));
                }
                if let Some(source) = &rec.source {
                    if !cited.contains(source) {
                        cited.push(source.clone());
                    }
                }
                rec
            })
            .collect();
        // In graph order, as before, whatever order the recommendations cite them in.
        let sources = rules
            .sources
            .iter()
            .map(SourceRef::from)
            .filter(|s| cited.contains(s))
            .collect();

        Plan {
            schema_version: PLAN_SCHEMA_VERSION,
            graph: GraphInfo {
                id: &rules.id,
                version: &rules.version,
                reviewed: rules.reviewed,
                title: rules.title.get(lang),
                overlays: &graph.origins.overlays,
            },
            lang,
            role: named(Ask::Role, outcome.role),
            concern: named(Ask::Concern, outcome.concern),
            answers: KeyedStrings::from_pairs(answers),
            assumed: KeyedStrings::from_pairs(assumed),
            ignored: KeyedStrings::from_pairs(ignored),
            asked,
            urgent: outcome.urgent(),
            emergency: rules.emergency.get(lang),
            recommendations,
            sources,
            trace: opts.explain.then(|| explain::trace(graph, outcome)),
        }
    }

    /// The recommendations of one kind, in plan order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Recommendation<'g>> {
        self.recommendations.iter().filter(move |r| r.kind == kind)
    }
}
