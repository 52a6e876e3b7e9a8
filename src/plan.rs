//! A referral plan: everything a renderer shows, in one language, independent of format.
//!
//! [`Plan::build`] turns an engine [`Outcome`] into texts. Renderers (text, Markdown, JSON) only
//! lay a plan out; none of them decides what is in it. The JSON form of this type is a public
//! contract (`schema_version`), documented in the README.

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::{Date, SourceDate};
use crate::engine::{self, EngineError, Outcome};
use crate::graph::Ask;
use crate::graph::entries::catalog;
use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{Contact, Entry, Source};
use crate::graph::str::Str;
use crate::graph::{Graph, Kind};
use crate::i18n::Lang;
use crate::query::{Query, QueryError, RawQuery};

mod local;

pub use local::{FilledBy, LocalRoute};

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

/// The schema of a recommendation's `kind`: any string. Within one `schema_version` new kinds
/// may appear (README, "Versioning"), so a closed list would reject plans a consumer must
/// accept; today's kinds are the examples.
fn open_kind(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    schemars::json_schema!({
        "type": "string",
        "description": "Its kind. Later versions may add kinds; ignore a kind you do not know.",
        "examples": known
    })
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Recommendation<'g> {
    /// Its kind.
    #[schemars(schema_with = "open_kind")]
    pub kind: Kind,
    /// Stable id within its kind.
    pub id: &'g str,
    /// Lower comes first.
    pub priority: u16,
    /// An urgent step: do this before anything else.
    #[serde(skip_serializing_if = "is_false")]
    pub urgent: bool,
    /// For steps and advice the instruction; for other kinds the name.
    pub text: &'g str,
    /// What a partner, training, resource or network offers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'g str>,
    /// Why it fits this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'g str>,
    /// The partner that offers it, or that a step is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Named<'g>>,
    /// Contact details (of the entry, or of the step's partner).
    #[serde(skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact<'g>,
    /// The page its facts come from, with the date that page states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef<'g>>,
    /// When its facts were last checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// True when the review date is older than the allowed age: check before relying on it.
    #[serde(skip_serializing_if = "is_false")]
    pub review_due: bool,
    /// False when a fact is marked unverified in the graph.
    pub verified: bool,
    /// What to check before relying on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<&'g str>,
    /// With `--explain`: the nodes that added it and the answers that led there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<Vec<Reason<'g>>>,
    /// For a local slot (the entry, or the partner a step names): the overlay that filled it,
    /// or how to find the local party while none has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<LocalRoute<'g>>,
}

/// Why a recommendation is in the plan: a node that added it, and the answers that led there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reason<'g> {
    /// The node that added it.
    pub node: &'g str,
    /// The answers taken on the way to that node, in order (`question=option`).
    pub answers: Vec<String>,
    /// When the addition carries a `when`: each condition with the answer that met it
    /// (`role=teacher`, `case-stage=concrete`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<String>,
}

/// A source page cited by the plan: shown by its title and the date it states, never by the
/// graph's internal id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceRef<'g> {
    /// Title of the page.
    pub title: &'g str,
    /// The page's address.
    pub url: &'g str,
    /// The date the page states (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or `undated`.
    pub dated: SourceDate,
    /// Who published it, when the graph says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'g str>,
}

impl<'g> From<&'g Source<'_>> for SourceRef<'g> {
    fn from(s: &'g Source<'_>) -> SourceRef<'g> {
        SourceRef {
            title: &s.title,
            url: &s.url,
            dated: s.dated,
            publisher: s.publisher.as_deref(),
        }
    }
}

/// One node visited, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TraceStep<'g> {
    /// Node id.
    pub node: &'g str,
    /// The question asked there (`role`, `concern` or a question id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'g str>,
    /// The answer taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<&'g str>,
    /// True when that answer was assumed.
    #[serde(skip_serializing_if = "is_false")]
    pub assumed: bool,
    /// What the node added, as `kind:id`.
    pub added: Vec<String>,
    /// Additions of the node whose `when` did not hold on this path, as `kind:id`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
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
        EngineError::Unanswered(Ask::Question(q)) => {
            let q = &graph.rules.questions[q as usize];
            PlanError::Query(QueryError::Unanswered {
                question: q.id.to_string(),
                options: q.options.iter().map(|o| o.id.to_string()).collect(),
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
        let role = &rules.roles[outcome.role as usize];
        let concern = &rules.concerns[outcome.concern as usize];

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
                let question = &rules.questions[q as usize];
                (
                    Str::from(question.id.as_str()),
                    Str::from(question.options[o as usize].id.as_str()),
                )
            })
            .collect();

        let mut cited: Vec<SourceRef<'g>> = Vec::new();
        let recommendations = outcome
            .items
            .iter()
            .map(|item| {
                let mut rec = recommendation(graph, item.kind, item.entry, lang, opts);
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
                    rec.because = Some(reasons(graph, outcome, &item.from));
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
            role: Named {
                id: &role.id,
                label: role.label.get(lang),
            },
            concern: Named {
                id: &concern.id,
                label: concern.label.get(lang),
            },
            answers: KeyedStrings::from_pairs(answers),
            assumed: KeyedStrings::from_pairs(assumed),
            ignored: KeyedStrings::from_pairs(ignored),
            asked,
            urgent: outcome.urgent(),
            emergency: rules.emergency.get(lang),
            recommendations,
            sources,
            trace: opts.explain.then(|| trace(graph, outcome)),
        }
    }

    /// The recommendations of one kind, in plan order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Recommendation<'g>> {
        self.recommendations.iter().filter(move |r| r.kind == kind)
    }
}

fn recommendation<'g>(
    graph: &'g Graph<'_>,
    kind: Kind,
    entry: u32,
    lang: &str,
    opts: &PlanOptions,
) -> Recommendation<'g> {
    let rules = &graph.rules;
    let partner_of = |id: &str| {
        let p = graph.index.entries(Kind::Partner).find(id)?;
        Some(&rules.partners[p as usize])
    };
    let named = |partner: &'g Entry<'_>| Named {
        id: &partner.id,
        label: partner.name.get(lang),
    };
    let mut rec = Recommendation {
        kind,
        id: "",
        priority: 0,
        urgent: false,
        text: "",
        summary: None,
        why: None,
        partner: None,
        contact: Contact::default(),
        source: None,
        reviewed: None,
        review_due: false,
        verified: true,
        caveat: None,
        because: None,
        local: None,
    };
    match kind {
        Kind::Step => {
            let step = &rules.steps[entry as usize];
            rec.id = &step.id;
            rec.text = step.text.get(lang);
            // A step shows its partner's contact details, so it carries their caveat too.
            if let Some(partner) = step.partner.as_deref().and_then(partner_of) {
                rec.partner = Some(named(partner));
                rec.contact = partner.contact.borrowed();
                rec.verified = partner.verified;
                rec.caveat = partner.caveat.as_ref().map(|c| c.get(lang));
                let p = graph.index.entries(Kind::Partner).find(&partner.id);
                rec.local = p.and_then(|p| LocalRoute::of(graph, Kind::Partner, p as usize, lang));
            }
        }
        Kind::Advice => {
            let advice = &rules.advice[entry as usize];
            rec.id = &advice.id;
            rec.text = advice.text.get(lang);
        }
        _ => {
            let e = &catalog(rules, kind)[entry as usize];
            rec.id = &e.id;
            rec.text = e.name.get(lang);
            rec.summary = Some(e.summary.get(lang));
            rec.why = e.why.as_ref().map(|w| w.get(lang));
            if let Some(provider) = e.provider.as_deref() {
                rec.partner = partner_of(provider).map(named);
            }
            rec.contact = e.contact.borrowed();
            rec.source = graph
                .source_index(&e.source)
                .map(|i| SourceRef::from(&rules.sources[i]));
            rec.reviewed = Some(e.reviewed);
            rec.review_due = e.reviewed.days_until(opts.today) > opts.max_age_days;
            rec.verified = e.verified;
            rec.caveat = e.caveat.as_ref().map(|c| c.get(lang));
            rec.local = LocalRoute::of(graph, kind, entry as usize, lang);
        }
    }
    rec
}

/// The answer a `when` at path position `at` saw for `ask` (see [`engine::on_path`]).
fn seen_at(outcome: &Outcome, at: usize, ask: Ask) -> Option<u32> {
    match ask {
        Ask::Role => Some(outcome.role),
        Ask::Concern => Some(outcome.concern),
        Ask::Question(_) => outcome.path[..=at].iter().find_map(|v| match v.answer {
            Some((a, answer, _)) if a == ask => Some(answer),
            _ => None,
        }),
    }
}

/// Addition `k` of the node at path position `at`: `None` without a `when`, else whether it
/// held and each condition as `question=answer seen`.
fn condition_at(
    graph: &Graph,
    outcome: &Outcome,
    at: usize,
    k: usize,
) -> Option<(bool, Vec<String>)> {
    let node = outcome.path[at].node;
    let c = graph.index.condition(graph.index.condition_at(node, k)?);
    let held = c.holds(|ask| seen_at(outcome, at, ask));
    let met = c
        .clauses
        .iter()
        .filter_map(|&(ask, _)| {
            let answer = seen_at(outcome, at, ask)?;
            Some(graph.answer_text(ask, answer))
        })
        .collect();
    Some((held, met))
}

fn reasons<'g>(graph: &'g Graph<'_>, outcome: &Outcome, from: &[(u32, u32)]) -> Vec<Reason<'g>> {
    let mut out: Vec<Reason<'g>> = Vec::new();
    for &(node, k) in from {
        let node_id: &'g str = &graph.rules.nodes[node as usize].id;
        let at = outcome.path.iter().position(|v| v.node == node);
        let when = at
            .and_then(|at| condition_at(graph, outcome, at, k as usize))
            .map(|(_, met)| met)
            .unwrap_or_default();
        if let Some(r) = out.iter_mut().find(|r| r.node == node_id) {
            for w in when {
                if !r.when.contains(&w) {
                    r.when.push(w);
                }
            }
            continue;
        }
        let position = outcome
            .path
            .iter()
            .position(|v| v.node == node)
            .unwrap_or(0);
        let answers = outcome.path[..position]
            .iter()
            .filter_map(|v| {
                v.answer
                    .map(|(ask, answer, _)| graph.answer_text(ask, answer))
            })
            .collect();
        out.push(Reason {
            node: node_id,
            answers,
            when,
        });
    }
    out
}

fn trace<'g>(graph: &'g Graph<'_>, outcome: &Outcome) -> Vec<TraceStep<'g>> {
    outcome
        .path
        .iter()
        .enumerate()
        .map(|(at, visit)| {
            let node = &graph.rules.nodes[visit.node as usize];
            let (mut added, mut skipped) = (Vec::new(), Vec::new());
            for (k, a) in node.add.iter().enumerate() {
                let held = condition_at(graph, outcome, at, k).is_none_or(|(held, _)| held);
                let list = if held { &mut added } else { &mut skipped };
                list.push(format!("{}:{}", a.kind.as_str(), a.id));
            }
            let (question, answer, assumed) = match visit.answer {
                Some((ask, a, assumed)) => (
                    Some(graph.ask_id(ask)),
                    Some(graph.answer_id(ask, a)),
                    assumed,
                ),
                None => (None, None, false),
            };
            TraceStep {
                node: &node.id,
                question,
                answer,
                assumed,
                added,
                skipped,
            }
        })
        .collect()
}

fn is_false(b: &bool) -> bool {
    !*b
}
