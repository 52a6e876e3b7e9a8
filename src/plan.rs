//! A referral plan: everything a renderer shows, in one language, independent of format.
//!
//! [`Plan::build`] turns an engine [`Outcome`] into texts. Renderers (text, Markdown, JSON) only
//! lay a plan out; none of them decides what is in it. The JSON form of this type is a public
//! contract (`schema_version`), documented in the README.

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Date;
use crate::engine::{self, EngineError, Outcome};
use crate::graph::index::{Ask, catalog};
use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{Contact, Entry};
use crate::graph::{Graph, Kind};
use crate::i18n::Lang;
use crate::query::{Query, QueryError, RawQuery};

/// Version of the plan's JSON form. See the README for what may change without a bump.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// Entries reviewed longer ago than this are flagged in plans by default.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 365;

/// A referral plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Plan {
    /// Version of this JSON form.
    pub schema_version: u32,
    /// The rule graph the plan came from.
    pub graph: GraphInfo,
    /// The language of every text in the plan.
    pub lang: String,
    /// The role the plan is for.
    pub role: Named,
    /// The concern the plan is for.
    pub concern: Named,
    /// Answers given and used: question id to option id, in path order.
    pub answers: KeyedStrings<'static>,
    /// Answers assumed because none was given, in path order.
    pub assumed: KeyedStrings<'static>,
    /// Answers given for questions this path does not ask; they did not change the plan.
    pub ignored: KeyedStrings<'static>,
    /// The questions on the path with their answers, in order, for display.
    pub asked: Vec<AskedQuestion>,
    /// True when the plan opens with urgent steps (acute danger).
    pub urgent: bool,
    /// The acute-danger line every plan carries.
    pub emergency: String,
    /// Everything recommended, in plan order.
    pub recommendations: Vec<Recommendation>,
    /// The sources cited by the recommendations.
    pub sources: Vec<SourceRef>,
    /// With `--explain`: every node visited, what was asked there and what it added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<TraceStep>>,
}

/// Identity and age of a rule graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GraphInfo {
    /// Graph id.
    pub id: String,
    /// Content version.
    pub version: String,
    /// When the graph was last reviewed.
    pub reviewed: Date,
    /// Title in the plan's language.
    pub title: String,
    /// Overlays applied to the graph (local additions), in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub overlays: Vec<crate::graph::overlay::OverlayInfo>,
}

/// An id with its label in the plan's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Named {
    /// Stable id.
    pub id: String,
    /// Label in the plan's language.
    pub label: String,
}

/// A question on the path and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AskedQuestion {
    /// Question id (`role` and `concern` included when the path branches on them).
    pub question: String,
    /// The question's text.
    pub text: String,
    /// Option id.
    pub answer: String,
    /// Option label.
    pub label: String,
    /// True when the answer was assumed.
    pub assumed: bool,
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Recommendation {
    /// Its kind.
    pub kind: Kind,
    /// Stable id within its kind.
    pub id: String,
    /// Lower comes first.
    pub priority: u16,
    /// An urgent step: do this before anything else.
    #[serde(skip_serializing_if = "is_false")]
    pub urgent: bool,
    /// For steps and advice the instruction; for other kinds the name.
    pub text: String,
    /// What a partner, training, resource or network offers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Why it fits this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The partner that offers it, or that a step is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Named>,
    /// Contact details (of the entry, or of the step's partner).
    #[serde(skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact<'static>,
    /// Id of the source its facts come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    pub caveat: Option<String>,
    /// With `--explain`: the nodes that added it and the answers that led there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<Vec<Reason>>,
}

/// Why a recommendation is in the plan: a node that added it, and the answers that led there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reason {
    /// The node that added it.
    pub node: String,
    /// The answers taken on the way to that node, in order (`question=option`).
    pub answers: Vec<String>,
}

/// A source cited by the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceRef {
    /// Source id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Public address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the source was dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dated: Option<String>,
}

/// One node visited, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TraceStep {
    /// Node id.
    pub node: String,
    /// The question asked there (`role`, `concern` or a question id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The answer taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// True when that answer was assumed.
    #[serde(skip_serializing_if = "is_false")]
    pub assumed: bool,
    /// What the node added, as `kind:id`.
    pub added: Vec<String>,
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
            max_age_days: DEFAULT_MAX_AGE_DAYS,
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
pub fn plan_for(graph: &Graph, raw: &RawQuery, opts: &PlanOptions) -> Result<Plan, PlanError> {
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

impl Plan {
    /// Lays out an outcome as a plan in one language.
    pub fn build(graph: &Graph, outcome: &Outcome, opts: &PlanOptions) -> Plan {
        let rules = &graph.rules;
        let lang = graph.content_lang(opts.lang.code());
        let t = |text: &crate::graph::Text| text.get(lang).to_owned();
        let role = &rules.roles[outcome.role as usize];
        let concern = &rules.concerns[outcome.concern as usize];

        let mut answers = KeyedStrings::default();
        let mut assumed = KeyedStrings::default();
        let mut asked = Vec::new();
        for visit in &outcome.path {
            let Some((ask, answer, was_assumed)) = visit.answer else {
                continue;
            };
            let (question, text, option, label) = describe_answer(graph, ask, answer, lang);
            if let Ask::Question(_) = ask {
                let map = if was_assumed {
                    &mut assumed
                } else {
                    &mut answers
                };
                map.insert(&question, &option);
            }
            asked.push(AskedQuestion {
                question,
                text,
                answer: option,
                label,
                assumed: was_assumed,
            });
        }
        let mut ignored = KeyedStrings::default();
        for &(q, o) in &outcome.ignored {
            let question = &rules.questions[q as usize];
            ignored.insert(&question.id, &question.options[o as usize].id);
        }

        let mut cited: Vec<String> = Vec::new();
        let recommendations = outcome
            .items
            .iter()
            .map(|item| {
                let mut rec = recommendation(graph, item.kind, item.entry, lang, opts);
                rec.priority = item.priority;
                rec.urgent = item.urgent;
                // The first node that gives a reason for this case wins over the entry's own.
                if let Some(why) = item.from.iter().find_map(|&(node, at)| {
                    rules.nodes[node as usize].add[at as usize].why.as_ref()
                }) {
                    rec.why = Some(t(why));
                }
                if opts.explain {
                    rec.because = Some(reasons(graph, outcome, &item.from));
                }
                if let Some(source) = &rec.source {
                    if !cited.contains(source) {
                        cited.push(source.to_string());
                    }
                }
                rec
            })
            .collect();
        let sources = rules
            .sources
            .iter()
            .filter(|s| cited.iter().any(|c| *c == *s.id))
            .map(|s| SourceRef {
                id: s.id.to_string(),
                title: s.title.to_string(),
                url: s.url.as_ref().map(|u| u.to_string()),
                dated: s.dated.as_ref().map(|d| d.to_string()),
            })
            .collect();

        Plan {
            schema_version: PLAN_SCHEMA_VERSION,
            graph: GraphInfo {
                id: rules.id.to_string(),
                version: rules.version.to_string(),
                reviewed: rules.reviewed,
                title: t(&rules.title),
                overlays: rules.overlays.clone(),
            },
            lang: lang.to_owned(),
            role: Named {
                id: role.id.to_string(),
                label: t(&role.label),
            },
            concern: Named {
                id: concern.id.to_string(),
                label: t(&concern.label),
            },
            answers,
            assumed,
            ignored,
            asked,
            urgent: outcome.urgent(),
            emergency: t(&rules.emergency),
            recommendations,
            sources,
            trace: opts.explain.then(|| trace(graph, outcome)),
        }
    }

    /// The recommendations of one kind, in plan order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Recommendation> {
        self.recommendations.iter().filter(move |r| r.kind == kind)
    }
}

/// (question id, question text, option id, option label) for an answer on the path.
fn describe_answer(
    graph: &Graph,
    ask: Ask,
    answer: u32,
    lang: &str,
) -> (String, String, String, String) {
    let rules = &graph.rules;
    match ask {
        Ask::Role => {
            let r = &rules.roles[answer as usize];
            (
                "role".into(),
                String::new(),
                r.id.to_string(),
                r.label.get(lang).into(),
            )
        }
        Ask::Concern => {
            let c = &rules.concerns[answer as usize];
            (
                "concern".into(),
                String::new(),
                c.id.to_string(),
                c.label.get(lang).into(),
            )
        }
        Ask::Question(q) => {
            let q = &rules.questions[q as usize];
            let o = &q.options[answer as usize];
            (
                q.id.to_string(),
                q.text.get(lang).into(),
                o.id.to_string(),
                o.label.get(lang).into(),
            )
        }
    }
}

fn recommendation(
    graph: &Graph,
    kind: Kind,
    entry: u32,
    lang: &str,
    opts: &PlanOptions,
) -> Recommendation {
    let rules = &graph.rules;
    let partner_of = |id: &str| {
        let p = graph.index.entries(Kind::Partner).find(id)?;
        Some(&rules.partners[p as usize])
    };
    let named = |partner: &Entry<'_>| Named {
        id: partner.id.to_string(),
        label: partner.name.get(lang).to_owned(),
    };
    let mut rec = Recommendation {
        kind,
        id: String::new(),
        priority: 0,
        urgent: false,
        text: String::new(),
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
    };
    match kind {
        Kind::Step => {
            let step = &rules.steps[entry as usize];
            rec.id = step.id.to_string();
            rec.text = step.text.get(lang).to_owned();
            // A step shows its partner's contact details, so it carries their caveat too.
            if let Some(partner) = step.partner.as_deref().and_then(partner_of) {
                rec.partner = Some(named(partner));
                rec.contact = partner.contact.to_static();
                rec.verified = partner.verified;
                rec.caveat = partner.caveat.as_ref().map(|c| c.get(lang).to_owned());
            }
        }
        Kind::Advice => {
            let advice = &rules.advice[entry as usize];
            rec.id = advice.id.to_string();
            rec.text = advice.text.get(lang).to_owned();
        }
        _ => {
            let e = &catalog(rules, kind)[entry as usize];
            rec.id = e.id.to_string();
            rec.text = e.name.get(lang).to_owned();
            rec.summary = Some(e.summary.get(lang).to_owned());
            rec.why = e.why.as_ref().map(|w| w.get(lang).to_owned());
            if let Some(provider) = e.provider.as_deref() {
                rec.partner = partner_of(provider).map(named);
            }
            rec.contact = e.contact.to_static();
            rec.source = Some(e.source.to_string());
            rec.reviewed = Some(e.reviewed);
            rec.review_due = e.reviewed.days_until(opts.today) > opts.max_age_days;
            rec.verified = e.verified;
            rec.caveat = e.caveat.as_ref().map(|c| c.get(lang).to_owned());
        }
    }
    rec
}

fn reasons(graph: &Graph, outcome: &Outcome, from: &[(u32, u32)]) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for &(node, _) in from {
        let position = outcome
            .path
            .iter()
            .position(|v| v.node == node)
            .unwrap_or(0);
        let answers = outcome.path[..position]
            .iter()
            .filter_map(|v| {
                v.answer.map(|(ask, answer, _)| {
                    let (q, _, o, _) = describe_answer(graph, ask, answer, "");
                    format!("{q}={o}")
                })
            })
            .collect();
        let node = graph.rules.nodes[node as usize].id.to_string();
        if !out.iter().any(|r| r.node == node) {
            out.push(Reason { node, answers });
        }
    }
    out
}

fn trace(graph: &Graph, outcome: &Outcome) -> Vec<TraceStep> {
    outcome
        .path
        .iter()
        .map(|visit| {
            let node = &graph.rules.nodes[visit.node as usize];
            let (question, answer, assumed) = match visit.answer {
                Some((ask, a, assumed)) => {
                    let (q, _, o, _) = describe_answer(graph, ask, a, "");
                    (Some(q), Some(o), assumed)
                }
                None => (None, None, false),
            };
            TraceStep {
                node: node.id.to_string(),
                question,
                answer,
                assumed,
                added: node
                    .add
                    .iter()
                    .map(|a| format!("{}:{}", a.kind.as_str(), a.id))
                    .collect(),
            }
        })
        .collect()
}

fn is_false(b: &bool) -> bool {
    !*b
}
