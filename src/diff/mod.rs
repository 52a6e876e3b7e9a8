//! `wegwijs diff`: what a change to a rule graph does to the plans professionals get.
//!
//! [`compare`] walks every complete answer path of either graph (see [`crate::walks`]), gets
//! one plan from each graph for the same answers, and counts per recommendation in how many
//! plans it was added, removed, moved or given another reason. Next to that it compares the
//! graphs item by item (in `items`): catalog entries field by field (a changed phone number
//! changes no plan order, yet every plan that shows it), and questions, options, roles,
//! concerns and sources. When there are too many paths to walk, it says so and compares items
//! and nodes only. The result is a [`Diff`] value; [`render`] lays it out, and its JSON form is
//! a published contract (`wegwijs schema diff`).

mod items;
mod plans;
pub mod render;
pub(crate) mod words;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::date::Date;
use crate::engine::EngineError;
use crate::graph::{Graph, Kind};
use crate::walks::{self, Enumerated};

pub use words::Word;

/// Version of the diff's JSON form; the same rules as for plans decide when it changes.
pub const DIFF_SCHEMA_VERSION: u32 = 1;

/// Plans are compared one by one up to this many answer paths, by default.
pub const DEFAULT_MAX_PATHS: u64 = 200_000;

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
    let mut tally = plans::Tally::new(old, new, &entries);
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

#[cfg(test)]
mod tests {
    use super::*;

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
