//! The local route of a recommendation: which overlay filled the local slot it points at, or
//! how to find the local party while none has (see [`crate::graph::slots`]).

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Date;
use crate::graph::slots::Filler;
use crate::graph::{Graph, Kind};

/// A recommendation that points at a local slot: filled by an overlay, or still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LocalRoute<'g> {
    /// The slot's entry id (for a step, its partner's).
    pub slot: &'g str,
    /// The overlay whose details the plan shows; absent while the slot is open, and the plan
    /// shows the generic text and `find`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filled_by: Option<FilledBy<'g>>,
    /// How to find the local party (shown while the slot is open).
    pub find: &'g str,
}

/// The overlay that filled a local slot, as a printed plan names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FilledBy<'g> {
    /// The overlay's id.
    pub overlay: &'g str,
    /// Its title in the plan's language (else its id): usually the municipality's name.
    pub name: &'g str,
    /// Its version.
    pub version: &'g str,
    /// Its review date.
    pub reviewed: Date,
}

impl<'g> LocalRoute<'g> {
    /// The route for catalog entry `index` of `kind`, when that entry is a local slot whose
    /// details did not come from the base graph itself.
    pub fn of(graph: &'g Graph<'_>, kind: Kind, index: usize, lang: &str) -> Option<Self> {
        let slot = graph.slot_of(kind, index)?;
        let find = slot.entry.local.as_ref()?.find.get(lang);
        let filled_by = match slot.filler {
            Filler::Open => None,
            Filler::Overlay(_) => graph.filled_by(&slot).map(|o| FilledBy {
                overlay: &o.id,
                name: o.name(lang),
                version: &o.version,
                reviewed: o.reviewed,
            }),
            // `check` warns (W011); the plan shows the details as those of any national entry.
            Filler::Base => return None,
        };
        Some(LocalRoute {
            slot: &slot.entry.id,
            filled_by,
            find,
        })
    }

    /// True while no overlay filled the slot.
    pub fn is_open(&self) -> bool {
        self.filled_by.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::plan::{Plan, PlanOptions, plan_for};
    use crate::query::RawQuery;

    fn plan_for_radicalisation<'g>(graph: &'g Graph<'_>) -> Plan<'g> {
        let raw = RawQuery {
            role: Some("youth-worker".into()),
            concern: Some("radicalisation".into()),
            ..RawQuery::default()
        };
        plan_for(graph, &raw, &PlanOptions::new(Lang::En)).unwrap()
    }

    #[test]
    fn a_step_naming_an_open_slot_carries_the_route_to_find_it() {
        let graph = crate::graph::builtin();
        let plan = plan_for_radicalisation(&graph);
        let step = plan
            .of_kind(Kind::Step)
            .find(|r| r.local.as_ref().is_some_and(|l| l.slot == "gemeente-oov"))
            .expect("the radicalisation path names the OOV slot in a step");
        let local = step.local.as_ref().unwrap();
        assert!(local.is_open());
        assert!(!local.find.is_empty());
        assert!(step.contact.is_empty());
    }

    #[test]
    fn entries_that_are_not_slots_have_no_local_route() {
        let graph = crate::graph::builtin();
        let plan = plan_for_radicalisation(&graph);
        let national: Vec<_> = plan
            .recommendations
            .iter()
            .filter(|r| r.kind != Kind::Step && r.kind != Kind::Advice)
            .filter(|r| graph.slots().iter().all(|s| s.entry.id != r.id))
            .collect();
        assert!(!national.is_empty());
        assert!(national.iter().all(|r| r.local.is_none()));
    }
}
