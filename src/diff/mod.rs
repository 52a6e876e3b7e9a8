//! `wegwijs diff`: what a change to a rule graph does to the plans professionals get.
//!
//! [`compare`] walks every complete answer path of either graph (see [`crate::walks`]), gets
//! one plan from each graph for the same answers, and counts per recommendation in how many
//! plans it was added, removed, moved or given another reason. Next to that it compares the
//! graphs item by item ([`items`]): catalog entries field by field (a changed phone number
//! changes no plan order, yet every plan that shows it), and questions, options, roles,
//! concerns and sources. When there are too many paths to walk, it says so and compares items
//! and nodes only. The result is a [`Diff`] value; [`render`] lays it out, and its JSON form is
//! a published contract (`wegwijs schema diff`).

mod items;
pub mod render;
mod words;

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::date::Date;
use crate::engine::{EngineError, Outcome};
use crate::graph::{Graph, Kind, Text};
use crate::walks::{self, Enumerated, JointPath};

pub use words::Word;

/// Version of the diff's JSON form; the same rules as for plans decide when it changes.
pub const DIFF_SCHEMA_VERSION: u32 = 1;

/// Plans are compared one by one up to this many answer paths, by default.
pub const DEFAULT_MAX_PATHS: u64 = 200_000;

/// Example paths kept per change.
const EXAMPLES: usize = 3;

/// What changed between two rule graphs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Diff {
    /// Version of this JSON form.
    pub schema_version: u32,
    /// The graph compared from.
    pub old: GraphRef,
    /// The graph compared to.
    pub new: GraphRef,
    /// How many plans were compared and how many change.
    pub plans: PlanSummary,
    /// Per recommendation (`kind` and `id`): in how many plans it was added, removed, moved or
    /// given another reason. Most plans first.
    pub recommendations: Vec<RecommendationChange>,
    /// Catalog entries (steps, partners, trainings, resources, networks, advice) added,
    /// removed or changed, with the fields that changed and the plans they appear in.
    pub entries: Vec<ItemChange>,
    /// The graph's texts, roles, concerns, questions, options (`question=option`) and sources
    /// added, removed or changed; nodes too when plans were not compared.
    pub structure: Vec<ItemChange>,
    /// Paths whose plan now opens or ends differently: urgency, first step, questions asked.
    pub endings: Vec<EndingChange>,
}

/// Which graph a side of the diff is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GraphRef {
    /// Graph id.
    pub id: String,
    /// Content version.
    pub version: String,
    /// When the graph was last reviewed.
    pub reviewed: Date,
    /// The files it was loaded from, base first, then overlays.
    pub files: Vec<String>,
}

/// The plans compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanSummary {
    /// False when there were too many answer paths to compare plans one by one; then only
    /// items and nodes are compared and the counts below are zero.
    pub compared_one_by_one: bool,
    /// The most answer paths compared one by one.
    pub limit: u64,
    /// Complete answer paths of the old graph (saturating).
    pub paths_old: u64,
    /// Complete answer paths of the new graph (saturating).
    pub paths_new: u64,
    /// Plans compared: answer paths, for the roles and concerns both graphs have, that give a
    /// plan in both.
    pub compared: u64,
    /// Plans that change in any way a reader sees.
    pub changed: u64,
    /// Of those, plans that change in what they recommend, its order or reasons, urgency or
    /// the questions asked (the rest change only in the details of an entry they show).
    pub changed_content: u64,
    /// Plans only the old graph gives (its roles and concerns the new graph lacks).
    pub only_old: u64,
    /// Plans only the new graph gives.
    pub only_new: u64,
}

/// How a recommendation moves through the plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RecommendationChange {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// What happened to it, and in how many plans.
    pub changes: Vec<Occurrence<RecommendationEvent>>,
}

/// What happened to a recommendation in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationEvent {
    /// In the new plan, not in the old.
    Added,
    /// In the old plan, not in the new.
    Removed,
    /// In both, in another place relative to the recommendations both have.
    Moved,
    /// In both, with another reason (`why`) for this path.
    Reason,
}

/// A change counted over plans, with a few example paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Occurrence<T> {
    /// The change.
    pub change: T,
    /// In how many plans.
    pub plans: u64,
    /// A few of those paths, as `role/concern: question=option, …`.
    pub examples: Vec<String>,
}

/// An item added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ItemChange {
    /// `step`, `partner`, `training`, `resource`, `network`, `advice`, `graph`, `role`,
    /// `concern`, `question`, `option`, `source` or `node`.
    pub kind: String,
    /// Its id (`question=option` for an option).
    pub id: String,
    /// What happened.
    pub change: Change,
    /// For a changed item, the fields that differ, by dotted name (`contact.phone`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// For catalog entries, when plans were compared: the plans that show it in either graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plans: Option<u64>,
}

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only in the new graph.
    Added,
    /// Only in the old graph.
    Removed,
    /// In both, with different fields.
    Changed,
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FieldChange {
    /// Dotted name, e.g. `contact.phone`, `summary.en`, `reviewed`.
    pub field: String,
    /// The old value (absent when the field was not set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value (absent when the field is no longer set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// How a path's plan opens or ends differently.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ending {
    /// The plan now opens with an urgent step.
    NowUrgent,
    /// The plan no longer opens with an urgent step.
    NoLongerUrgent,
    /// The first step of the plan is another one.
    FirstStep {
        /// The old first step's id (absent: there was none).
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// The new first step's id.
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    /// The path now asks this question.
    Asks {
        /// The question id.
        question: String,
    },
    /// The path no longer asks this question.
    NoLongerAsks {
        /// The question id.
        question: String,
    },
}

/// A path ending change counted over plans.
pub type EndingChange = Occurrence<Ending>;

impl Diff {
    /// True when the graphs give the same plans and no item differs: exit code 0.
    pub fn is_empty(&self) -> bool {
        self.plans.changed == 0
            && self.recommendations.is_empty()
            && self.entries.is_empty()
            && self.structure.is_empty()
            && self.endings.is_empty()
    }
}

/// Compares two graphs; `old_files` and `new_files` name the files each was loaded from.
/// Plans are compared one by one when neither graph has more than `max_paths` answer paths
/// (and the two together give no more than that).
pub fn compare(
    old: &Graph,
    new: &Graph,
    old_files: Vec<String>,
    new_files: Vec<String>,
    max_paths: u64,
) -> Result<Diff, EngineError> {
    let paths_old = walks::count(old);
    let paths_new = walks::count(new);
    let mut entries = items::entries(old, new);
    let mut structure = items::structure(old, new);
    let mut summary = PlanSummary {
        compared_one_by_one: false,
        limit: max_paths,
        paths_old: saturate(paths_old),
        paths_new: saturate(paths_new),
        compared: 0,
        changed: 0,
        changed_content: 0,
        only_old: saturate(only_in(old, new)),
        only_new: saturate(only_in(new, old)),
    };
    let mut recommendations = Vec::new();
    let mut endings = Vec::new();
    let small = paths_old <= u128::from(max_paths) && paths_new <= u128::from(max_paths);
    let mut tally = Tally::new(old, new, &entries);
    let enumerated = if small {
        walks::each_joint(old, new, max_paths, |path, o, n| tally.add(path, o, n))?
    } else {
        Enumerated::TooMany
    };
    match enumerated {
        Enumerated::All(compared) => {
            summary.compared_one_by_one = true;
            summary.compared = compared;
            summary.changed = tally.changed;
            summary.changed_content = tally.changed_content;
            for (i, entry) in entries.iter_mut().enumerate() {
                entry.plans = Some(tally.entry_plans[i]);
            }
            recommendations = tally.recommendations();
            endings = tally.endings();
        }
        Enumerated::TooMany => structure.extend(items::nodes(old, new)),
    }
    Ok(Diff {
        schema_version: DIFF_SCHEMA_VERSION,
        old: graph_ref(old, old_files),
        new: graph_ref(new, new_files),
        plans: summary,
        recommendations,
        entries,
        structure,
        endings,
    })
}

fn saturate(n: u128) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn graph_ref(g: &Graph, files: Vec<String>) -> GraphRef {
    GraphRef {
        id: g.rules.id.to_string(),
        version: g.rules.version.to_string(),
        reviewed: g.rules.reviewed,
        files,
    }
}

/// Paths of `a` for a role or concern `b` does not have.
fn only_in(a: &Graph, b: &Graph) -> u128 {
    let mut total = 0u128;
    for (r, role) in a.rules.roles.iter().enumerate() {
        let role_shared = b.rules.roles.iter().any(|x| x.id == role.id);
        for (c, concern) in a.rules.concerns.iter().enumerate() {
            if role_shared && b.rules.concerns.iter().any(|x| x.id == concern.id) {
                continue;
            }
            total = total.saturating_add(walks::count_for(a, r as u32, c as u32));
        }
    }
    total
}

/// One recommendation of a plan, as the diff sees it: identity, and the reason this path gives.
struct Rec<'g> {
    kind: Kind,
    id: &'g str,
    why: Option<&'g Text<'g>>,
}

/// The recommendations of an outcome, in plan order.
fn recs<'g>(g: &'g Graph<'_>, o: &Outcome) -> Vec<Rec<'g>> {
    o.items
        .iter()
        .map(|item| Rec {
            kind: item.kind,
            id: walks::entry_id(g, item.kind, item.entry),
            why: item.from.iter().find_map(|&(node, at)| {
                g.rules.nodes[node as usize].add[at as usize].why.as_deref()
            }),
        })
        .collect()
}

/// The questions a path asked, by id.
fn asked<'g>(g: &'g Graph<'_>, o: &Outcome) -> Vec<&'g str> {
    o.path
        .iter()
        .filter_map(|v| match v.answer {
            Some((crate::graph::Ask::Question(q), _, _)) => {
                Some(g.rules.questions[q as usize].id.as_str())
            }
            _ => None,
        })
        .collect()
}

#[derive(Default)]
struct Count {
    plans: u64,
    examples: Vec<String>,
}

impl Count {
    fn hit(&mut self, path: &JointPath) {
        self.plans += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(path.to_string());
        }
    }
}

/// Counts over the joint paths.
struct Tally<'g> {
    old: &'g Graph<'g>,
    new: &'g Graph<'g>,
    /// Catalog entries in the item diff, by (kind, id), to their position there.
    tracked: HashMap<(Kind, String), usize>,
    /// Which of those changed fields (added and removed ones show up as plan changes).
    details: Vec<bool>,
    entry_plans: Vec<u64>,
    recs: HashMap<(Kind, &'g str, RecommendationEvent), Count>,
    rec_order: Vec<(Kind, &'g str, RecommendationEvent)>,
    endings: HashMap<Ending, Count>,
    ending_order: Vec<Ending>,
    changed: u64,
    changed_content: u64,
}

impl<'g> Tally<'g> {
    fn new(old: &'g Graph<'g>, new: &'g Graph<'g>, entries: &[ItemChange]) -> Tally<'g> {
        let kind_of = |s: &str| Kind::ALL.into_iter().find(|k| k.as_str() == s);
        let mut tracked = HashMap::new();
        let mut details = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(kind) = kind_of(&e.kind) {
                tracked.insert((kind, e.id.clone()), i);
            }
            details.push(e.change == Change::Changed);
        }
        Tally {
            old,
            new,
            tracked,
            details,
            entry_plans: vec![0; entries.len()],
            recs: HashMap::new(),
            rec_order: Vec::new(),
            endings: HashMap::new(),
            ending_order: Vec::new(),
            changed: 0,
            changed_content: 0,
        }
    }

    fn rec(&mut self, kind: Kind, id: &'g str, event: RecommendationEvent, path: &JointPath) {
        let key = (kind, id, event);
        if !self.recs.contains_key(&key) {
            self.rec_order.push(key);
        }
        self.recs.entry(key).or_default().hit(path);
    }

    fn ending(&mut self, ending: Ending, path: &JointPath) {
        if !self.endings.contains_key(&ending) {
            self.ending_order.push(ending.clone());
        }
        self.endings.entry(ending).or_default().hit(path);
    }

    /// Compares the two plans of one path.
    fn add(&mut self, path: &JointPath, o: &Outcome, n: &Outcome) {
        let (old, new) = (self.old, self.new);
        let before = recs(old, o);
        let after = recs(new, n);
        let mut content = false;
        let position = |list: &[Rec<'g>]| -> HashMap<(Kind, &'g str), usize> {
            list.iter()
                .enumerate()
                .map(|(i, r)| ((r.kind, r.id), i))
                .collect()
        };
        let (at_old, at_new) = (position(&before), position(&after));
        for r in &after {
            if !at_old.contains_key(&(r.kind, r.id)) {
                self.rec(r.kind, r.id, RecommendationEvent::Added, path);
                content = true;
            }
        }
        // The recommendations both plans have, in old order, with their new places.
        let mut common = Vec::new();
        for r in &before {
            match at_new.get(&(r.kind, r.id)) {
                None => {
                    self.rec(r.kind, r.id, RecommendationEvent::Removed, path);
                    content = true;
                }
                Some(&j) => {
                    if r.why != after[j].why {
                        self.rec(r.kind, r.id, RecommendationEvent::Reason, path);
                        content = true;
                    }
                    common.push(j);
                }
            }
        }
        let kept = longest_increasing(&common);
        for (k, &j) in common.iter().enumerate() {
            if !kept[k] {
                self.rec(after[j].kind, after[j].id, RecommendationEvent::Moved, path);
                content = true;
            }
        }

        if o.urgent() != n.urgent() {
            let e = if n.urgent() {
                Ending::NowUrgent
            } else {
                Ending::NoLongerUrgent
            };
            self.ending(e, path);
            content = true;
        }
        let first_step = |list: &[Rec<'g>]| {
            list.iter()
                .find(|r| r.kind == Kind::Step)
                .map(|r| r.id.to_owned())
        };
        let (from, to) = (first_step(&before), first_step(&after));
        if from != to {
            self.ending(Ending::FirstStep { from, to }, path);
        }
        let (asked_old, asked_new) = (asked(old, o), asked(new, n));
        for q in &asked_new {
            if !asked_old.contains(q) {
                let question = (*q).to_owned();
                self.ending(Ending::Asks { question }, path);
                content = true;
            }
        }
        for q in &asked_old {
            if !asked_new.contains(q) {
                let question = (*q).to_owned();
                self.ending(Ending::NoLongerAsks { question }, path);
                content = true;
            }
        }

        let mut facts = Vec::new();
        walks::shown(old, o, &mut facts);
        walks::shown(new, n, &mut facts);
        facts.sort_unstable();
        facts.dedup();
        let mut details = false;
        for (kind, id) in facts {
            if let Some(&i) = self.tracked.get(&(kind, id.to_owned())) {
                self.entry_plans[i] += 1;
                details |= self.details[i];
            }
        }
        if content || details {
            self.changed += 1;
        }
        if content {
            self.changed_content += 1;
        }
    }

    fn recommendations(&mut self) -> Vec<RecommendationChange> {
        let mut out: Vec<RecommendationChange> = Vec::new();
        for key in std::mem::take(&mut self.rec_order) {
            let count = self.recs.remove(&key).unwrap_or_default();
            let occurrence = Occurrence {
                change: key.2,
                plans: count.plans,
                examples: count.examples,
            };
            match out.iter_mut().find(|r| r.kind == key.0 && r.id == key.1) {
                Some(r) => r.changes.push(occurrence),
                None => out.push(RecommendationChange {
                    kind: key.0,
                    id: key.1.to_owned(),
                    changes: vec![occurrence],
                }),
            }
        }
        for r in &mut out {
            r.changes.sort_by_key(|c| c.change as u8);
        }
        let most = |r: &RecommendationChange| r.changes.iter().map(|c| c.plans).max();
        out.sort_by(|a, b| {
            most(b)
                .cmp(&most(a))
                .then(a.kind.cmp(&b.kind))
                .then(a.id.cmp(&b.id))
        });
        out
    }

    fn endings(&mut self) -> Vec<EndingChange> {
        let mut out: Vec<EndingChange> = std::mem::take(&mut self.ending_order)
            .into_iter()
            .map(|e| {
                let count = self.endings.remove(&e).unwrap_or_default();
                Occurrence {
                    change: e,
                    plans: count.plans,
                    examples: count.examples,
                }
            })
            .collect();
        // Most plans first; the first-seen order breaks ties, so the output is stable.
        out.sort_by_key(|o| std::cmp::Reverse(o.plans));
        out
    }
}

/// Marks the elements of a longest strictly increasing subsequence of `xs` (O(n log n)):
/// the recommendations that kept their order; the others moved.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index in xs of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut kept = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = prev[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_recommendation_that_jumped_counts_as_moved() {
        // Old order a b c d; new order d a b c: d moved, the others kept their order.
        assert_eq!(longest_increasing(&[1, 2, 3, 0]), [true, true, true, false]);
        assert_eq!(longest_increasing(&[0, 1, 2]), [true, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(
            longest_increasing(&[1, 0]).iter().filter(|k| **k).count(),
            1
        );
    }

    #[test]
    fn a_graph_against_itself_has_no_changes() {
        let g = crate::graph::builtin();
        let d = compare(&g, &g, vec![], vec![], DEFAULT_MAX_PATHS).unwrap();
        assert!(d.is_empty(), "{d:#?}");
        assert!(d.plans.compared_one_by_one);
        assert_eq!(u128::from(d.plans.compared), walks::count(&g));
    }

    #[test]
    fn too_many_paths_falls_back_to_items_and_nodes() {
        let g = crate::graph::builtin();
        let d = compare(&g, &g, vec![], vec![], 5).unwrap();
        assert!(!d.plans.compared_one_by_one);
        assert_eq!(d.plans.compared, 0);
        assert!(d.is_empty());
    }
}
