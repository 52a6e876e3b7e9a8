//! Proving a rule graph sound: every check that produces [`Diagnostic`]s beyond loading.
//!
//! [`run`] works in phases, the way a compiler does: checks that look at one item at a time
//! always run; checks that walk paths run only when every reference resolved, and the path
//! checks that assume a DAG run only when there is no cycle. That way one mistake does not
//! cause a cascade of confusing follow-up diagnostics. Everything is linear in the size of the
//! graph: paths are never enumerated. With `when` on additions the path proofs run per role and
//! concern a `when` names, over a bounded number of answer combinations (the private module
//! `proofs`).

mod content;
mod local;
mod paths;
mod proofs;
pub mod report;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Problem, SafetyIssue, Severity, Shape};
use crate::graph::Graph;
use crate::graph::model::DEFAULT_MAX_AGE_DAYS;
use crate::location::Seg;

/// Settings of a check run.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// The date review ages are measured against.
    pub today: Date,
    /// Entries reviewed longer ago than this get a warning.
    pub max_age_days: i64,
    /// Entries whose source page is dated more than this many days before their review get a
    /// warning (W009).
    pub max_source_age_days: i64,
}

/// Four years: a page older than this at review time is no evidence of a current fact.
pub const DEFAULT_MAX_SOURCE_AGE_DAYS: i64 = 1461;

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            today: Date::today(),
            max_age_days: DEFAULT_MAX_AGE_DAYS,
            max_source_age_days: DEFAULT_MAX_SOURCE_AGE_DAYS,
        }
    }
}

/// Runs every check on a loaded graph. `loading` are the diagnostics from building the graph's
/// index (reference problems); they decide which later phases can run.
pub fn run(graph: &Graph, loading: &[Diagnostic], opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    node_shapes(graph, &mut out);
    safety_question(graph, &mut out);
    content::texts(graph, &mut out);
    content::freshness(graph, opts, &mut out);
    local::slots(graph, &mut out);
    if loading.iter().any(|d| d.severity() == Severity::Error) {
        return out;
    }
    paths::check(graph, &mut out);
    out
}

/// Sorts diagnostics by file, then position, then code, so output is stable and reads top down.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.source, a.position, a.code(), &a.path).cmp(&(b.source, b.position, b.code(), &b.path))
    });
}

fn node_shapes(graph: &Graph, out: &mut Vec<Diagnostic>) {
    for (i, n) in graph.rules.nodes.iter().enumerate() {
        let branches = !n.then.is_empty() || n.default.is_some();
        let shape = match (&n.ask, branches, &n.next) {
            (Some(_), false, _) => Some((Shape::AskWithoutBranches, "ask")),
            (Some(_), true, Some(_)) => Some((Shape::AskAndNext, "next")),
            (None, true, _) => Some((
                Shape::BranchesWithoutAsk,
                if n.then.is_empty() { "default" } else { "then" },
            )),
            _ => None,
        };
        if let Some((shape, field)) = shape {
            let (source, path) = graph.origins.path("nodes", i, &[Seg::Key(field.into())]);
            out.push(Diagnostic::new(
                Problem::NodeShape {
                    node: n.id.to_string(),
                    shape,
                },
                source,
                path,
            ));
        }
    }
}

fn safety_question(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let rules = &graph.rules;
    let marked: Vec<usize> = (0..rules.questions.len())
        .filter(|&i| rules.questions[i].safety)
        .collect();
    let mut push = |issue, section: &'static str, index: usize, rest: &[Seg]| {
        let (source, path) = if section.is_empty() {
            (
                graph.origins.base,
                crate::location::JsonPath::root().key("questions"),
            )
        } else {
            graph.origins.path(section, index, rest)
        };
        out.push(Diagnostic::new(Problem::Safety { issue }, source, path));
    };
    let q = match marked[..] {
        [] => return push(SafetyIssue::NoQuestion, "", 0, &[]),
        [q] => q,
        [_, second, ..] => {
            return push(
                SafetyIssue::Several,
                "questions",
                second,
                &[Seg::Key("safety".into())],
            );
        }
    };
    let question = &rules.questions[q];
    if !question.options.iter().any(|o| o.urgent) {
        push(
            SafetyIssue::NoUrgentOption,
            "questions",
            q,
            &[Seg::Key("options".into())],
        );
    }
    let start = graph.index.start.map(|s| &rules.nodes[s as usize]);
    if let Some((s, node)) = graph.index.start.zip(start) {
        let asks_it = node
            .ask
            .as_deref()
            .and_then(|a| graph.index.questions.find(a))
            .is_some_and(|a| a as usize == q);
        if !asks_it {
            push(
                SafetyIssue::NotFirst {
                    question: question.id.to_string(),
                },
                "nodes",
                s as usize,
                &[],
            );
        }
    }
}

/// Counts of errors, warnings and notes.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize, usize) {
    let count = |s| diagnostics.iter().filter(|d| d.severity() == s).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    )
}
