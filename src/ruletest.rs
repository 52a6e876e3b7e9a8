//! Rule tests: expected outcomes pinned next to a graph, so a content change that breaks a
//! route shows up before a professional meets it.
//!
//! A test file holds cases; each case is a query (role, concern, answers) and expectations: ids
//! that must be in the plan, ids that must not, whether it is urgent, and optionally the order
//! of its first steps. Ids are written `kind:id` (`partner:lse`) or bare (`lse`, any kind). An
//! expected id the graph does not know is itself a failure, so a typo in `exclude` cannot pass
//! silently.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::engine::EngineError;
use crate::graph::keyed::KeyedStrings;
use crate::graph::str::Str;
use crate::graph::{Graph, Kind};
use crate::i18n::{Lang, Message};
use crate::plan::{PlanError, PlanOptions, plan_for};
use crate::query::{QueryError, RawQuery};
use crate::suggest::{nearest, or_list};

/// A file of rule tests.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct TestFile<'a> {
    /// Where editors find the JSON Schema of this file; ignored by wegwijs.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Str<'a>>,
    /// The cases, run in order.
    pub cases: Vec<Case<'a>>,
}

impl<'a> TestFile<'a> {
    /// Reads a test file's text (a byte-order mark is skipped); a malformed file is the
    /// diagnostic that says where and what, as for a rule file.
    pub fn parse(text: &'a str) -> Result<TestFile<'a>, Box<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let at = crate::graph::decode::convert_path(e.path());
            Box::new(crate::graph::decode::problem_at(text, 0, at, e.inner()))
        })
    }
}

/// One pinned outcome.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Case<'a> {
    /// What the case is about, shown when it fails.
    pub name: String,
    /// Role id or alias.
    pub role: String,
    /// Concern id or alias.
    pub concern: String,
    /// Answers: question id to option id; unanswered questions take their assumed answer.
    #[serde(default)]
    pub answers: KeyedStrings<'a>,
    /// What the plan must look like.
    pub expect: Expect,
}

/// Expectations of a case.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Ids that must be in the plan (`kind:id` or a bare id).
    #[serde(default)]
    pub include: Vec<String>,
    /// Ids that must not be in the plan.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Whether the plan must (or must not) open with urgent steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent: Option<bool>,
    /// The ids of the plan's first steps, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_steps: Option<Vec<String>>,
}

/// The result of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The file the case is in.
    pub file: String,
    /// The case's name.
    pub name: String,
    /// Whether every expectation held.
    pub passed: bool,
    /// What differed.
    pub problems: Vec<CaseProblem>,
}

/// One way a case's plan differs from what it expects: data, said by its [`Message`] impl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseProblem {
    /// The query gives no plan (an unknown id, a missing answer), in the words of the error.
    NoQueryPlan(QueryError),
    /// The graph gives no plan.
    NoGraphPlan(EngineError),
    /// An expected id is not in the plan.
    Missing(String),
    /// An excluded id is in the plan.
    Unexpected(String),
    /// The plan is (or is not) urgent against the expectation.
    Urgent {
        /// What the case expects.
        expected: bool,
    },
    /// The first steps differ.
    FirstSteps {
        /// The ids expected, in order.
        expected: Vec<String>,
        /// The ids the plan has.
        got: Vec<String>,
    },
    /// `kind:id` with a kind that does not exist.
    UnknownKind {
        /// The id as written.
        id: String,
        /// The kind as written.
        kind: String,
    },
    /// An id the graph does not have.
    UnknownId {
        /// The id as written.
        id: String,
        /// The kind it was looked up in, or `None` for any kind.
        kind: Option<&'static str>,
        /// The nearest ids that exist.
        nearest: Vec<String>,
    },
}

impl Message for CaseProblem {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let or = match lang {
            Lang::Nl => "of",
            Lang::En => "or",
        };
        match self {
            CaseProblem::NoQueryPlan(e) => match lang {
                Lang::Nl => write!(out, "geen plan: {}", e.message(lang)),
                Lang::En => write!(out, "no plan: {}", e.message(lang)),
            },
            CaseProblem::NoGraphPlan(why) => match lang {
                Lang::Nl => write!(out, "geen plan: {}", why.in_lang(lang)),
                Lang::En => write!(out, "no plan: {}", why.in_lang(lang)),
            },
            CaseProblem::Missing(id) => match lang {
                Lang::Nl => write!(out, "ontbreekt: {id}"),
                Lang::En => write!(out, "missing: {id}"),
            },
            CaseProblem::Unexpected(id) => match lang {
                Lang::Nl => write!(out, "onverwacht: {id}"),
                Lang::En => write!(out, "unexpected: {id}"),
            },
            CaseProblem::Urgent { expected } => match lang {
                Lang::Nl => write!(out, "acuut: verwacht {expected}, kreeg {}", !expected),
                Lang::En => write!(out, "urgent: expected {expected}, got {}", !expected),
            },
            CaseProblem::FirstSteps { expected, got } => {
                let (want, got) = (expected.join(", "), got.join(", "));
                match lang {
                    Lang::Nl => write!(out, "eerste stappen: verwacht [{want}], kreeg [{got}]"),
                    Lang::En => write!(out, "first steps: expected [{want}], got [{got}]"),
                }
            }
            CaseProblem::UnknownKind { id, kind } => {
                let names: Vec<String> = Kind::ALL.iter().map(|k| k.as_str().to_owned()).collect();
                let names = or_list(&names, or);
                match lang {
                    Lang::Nl => write!(out, "`{id}`: onbekende soort `{kind}`; kies {names}"),
                    Lang::En => write!(out, "`{id}`: unknown kind `{kind}`; expected {names}"),
                }
            }
            CaseProblem::UnknownId { id, kind, nearest } => {
                match (kind, lang) {
                    (Some(k), Lang::Nl) => {
                        write!(out, "`{id}`: er is geen {} met deze id", kind_noun(k))?
                    }
                    (Some(k), Lang::En) => write!(out, "`{id}`: there is no {k} with this id")?,
                    (None, Lang::Nl) => write!(out, "`{id}`: er is niets met deze id")?,
                    (None, Lang::En) => write!(out, "`{id}`: there is no entry with this id")?,
                }
                if nearest.is_empty() {
                    return Ok(());
                }
                match lang {
                    Lang::Nl => write!(out, "; bedoelde u {}?", or_list(nearest, or)),
                    Lang::En => write!(out, "; did you mean {}?", or_list(nearest, or)),
                }
            }
        }
    }
}

/// The Dutch noun for a kind of recommendation.
fn kind_noun(kind: &str) -> &str {
    match kind {
        "step" => "stap",
        "advice" => "advies",
        "resource" => "hulpmiddel",
        "network" => "netwerk",
        other => other,
    }
}

/// Runs one case against a graph.
pub fn run_case(graph: &Graph<'_>, file: &str, case: &Case<'_>, opts: &PlanOptions) -> CaseResult {
    let mut problems = Vec::new();
    let raw = RawQuery::with_answers(&case.role, &case.concern, &case.answers);
    match plan_for(graph, &raw, opts) {
        Err(PlanError::Query(e)) => problems.push(CaseProblem::NoQueryPlan(e)),
        Err(PlanError::Graph(e)) => problems.push(CaseProblem::NoGraphPlan(e)),
        Ok(plan) => {
            let has = |wanted: &str| {
                plan.recommendations
                    .iter()
                    .any(|r| match wanted.split_once(':') {
                        Some((kind, id)) => r.kind.as_str() == kind && r.id == id,
                        None => r.id == wanted,
                    })
            };
            for id in &case.expect.include {
                if let Some(problem) = unknown(graph, id) {
                    problems.push(problem);
                } else if !has(id) {
                    problems.push(CaseProblem::Missing(id.clone()));
                }
            }
            for id in &case.expect.exclude {
                if let Some(problem) = unknown(graph, id) {
                    problems.push(problem);
                } else if has(id) {
                    problems.push(CaseProblem::Unexpected(id.clone()));
                }
            }
            if let Some(urgent) = case.expect.urgent {
                if plan.urgent != urgent {
                    problems.push(CaseProblem::Urgent { expected: urgent });
                }
            }
            if let Some(first) = &case.expect.first_steps {
                let got: Vec<&str> = plan
                    .of_kind(Kind::Step)
                    .take(first.len())
                    .map(|r| r.id)
                    .collect();
                let want: Vec<&str> = first
                    .iter()
                    .map(|s| s.strip_prefix("step:").unwrap_or(s))
                    .collect();
                if got != want {
                    problems.push(CaseProblem::FirstSteps {
                        expected: want.iter().map(|s| s.to_string()).collect(),
                        got: got.iter().map(|s| s.to_string()).collect(),
                    });
                }
            }
        }
    }
    CaseResult {
        file: file.to_owned(),
        name: case.name.to_string(),
        passed: problems.is_empty(),
        problems,
    }
}

/// A message when `id` names nothing in the graph, with the nearest ids.
fn unknown(graph: &Graph<'_>, id: &str) -> Option<CaseProblem> {
    let (kinds, bare): (Vec<Kind>, &str) = match id.split_once(':') {
        Some((k, bare)) => match Kind::ALL.iter().find(|kind| kind.as_str() == k) {
            Some(kind) => (vec![*kind], bare),
            None => {
                return Some(CaseProblem::UnknownKind {
                    id: id.to_owned(),
                    kind: k.to_owned(),
                });
            }
        },
        None => (Kind::ALL.to_vec(), id),
    };
    let found = kinds
        .iter()
        .any(|k| graph.index.entries(*k).find(bare).is_some());
    if found {
        return None;
    }
    let candidates: Vec<&str> = kinds
        .iter()
        .flat_map(|k| graph.index.entries(*k).keys())
        .collect();
    let close = nearest(bare, candidates);
    Some(CaseProblem::UnknownId {
        id: id.to_owned(),
        kind: (kinds.len() == 1).then(|| kinds[0].as_str()),
        nearest: close,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(expect: Expect) -> Case<'static> {
        Case {
            name: "t".into(),
            role: "teacher".into(),
            concern: "exit-support".into(),
            answers: KeyedStrings::default(),
            expect,
        }
    }

    fn run(expect: Expect) -> Vec<String> {
        let graph = crate::graph::builtin();
        let opts = PlanOptions {
            today: "2026-12-01".parse().unwrap(),
            ..PlanOptions::new(Lang::En)
        };
        run_case(&graph, "f.json", &case(expect), &opts)
            .problems
            .iter()
            .map(|p| p.in_lang(Lang::En).to_string())
            .collect()
    }

    #[test]
    fn passing_expectations_report_nothing() {
        let p = run(Expect {
            include: vec!["partner:forsa".into(), "lse".into()],
            exclude: vec!["step:call-112".into()],
            urgent: Some(false),
            first_steps: Some(vec!["internal-school".into()]),
        });
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn every_difference_is_named() {
        let p = run(Expect {
            include: vec!["partner:zvh".into()],
            exclude: vec!["partner:forsa".into()],
            urgent: Some(true),
            first_steps: Some(vec!["call-112".into()]),
        });
        assert_eq!(
            p,
            [
                "missing: partner:zvh",
                "unexpected: partner:forsa",
                "urgent: expected true, got false",
                "first steps: expected [call-112], got [internal-school]"
            ]
        );
    }

    #[test]
    fn unknown_ids_fail_with_a_suggestion() {
        let p = run(Expect {
            exclude: vec!["partner:forsaa".into(), "parnter:lse".into()],
            ..Expect::default()
        });
        assert_eq!(
            p[0],
            "`partner:forsaa`: there is no partner with this id; did you mean `forsa`?"
        );
        assert!(
            p[1].starts_with("`parnter:lse`: unknown kind `parnter`"),
            "{p:?}"
        );
    }
}
