//! Plan by plan: what changed between the two plans of one joint answer path, counted over
//! every path into the recommendations and endings of a [`super::Diff`].

use std::collections::HashMap;

use super::{
    Change, Ending, EndingChange, ItemChange, Occurrence, RecommendationChange, RecommendationEvent,
};
use crate::engine::Outcome;
use crate::graph::entries::entry_id;
use crate::graph::{Graph, Kind, Text};
use crate::walks::{self, JointPath};

/// Example paths kept per change.
const EXAMPLES: usize = 3;

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
            id: entry_id(&g.rules, item.kind, item.entry as usize),
            why: item
                .from
                .iter()
                .find_map(|&(node, at)| g.rules.nodes[node as usize].add[at as usize].why()),
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
pub(super) struct Tally<'g> {
    old: &'g Graph<'g>,
    new: &'g Graph<'g>,
    /// Catalog entries in the item diff, by (kind, id), to their position there.
    tracked: HashMap<(Kind, String), usize>,
    /// Which of those changed fields (added and removed ones show up as plan changes).
    details: Vec<bool>,
    /// Per entry of the item diff, the plans that show it.
    pub(super) entry_plans: Vec<u64>,
    recs: HashMap<(Kind, &'g str, RecommendationEvent), Count>,
    rec_order: Vec<(Kind, &'g str, RecommendationEvent)>,
    endings: HashMap<Ending, Count>,
    ending_order: Vec<Ending>,
    /// Plans that change in any way.
    pub(super) changed: u64,
    /// Plans that change in what they recommend or ask.
    pub(super) changed_content: u64,
}

impl<'g> Tally<'g> {
    pub(super) fn new(old: &'g Graph<'g>, new: &'g Graph<'g>, entries: &[ItemChange]) -> Tally<'g> {
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
    pub(super) fn add(&mut self, path: &JointPath, o: &Outcome, n: &Outcome) {
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

    pub(super) fn recommendations(&mut self) -> Vec<RecommendationChange> {
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

    pub(super) fn endings(&mut self) -> Vec<EndingChange> {
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
}
