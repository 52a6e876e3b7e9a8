//! Local slots: the catalog entries a national graph leaves to each municipality, and which
//! overlay (if any) filled each of them.
//!
//! A slot is an entry with `local` (see [`super::model::Local`]). It is *filled* when it has
//! contact details; the filler is the file that set them, found through [`super::Origins`]. This
//! module only answers "which slots, filled by whom"; `check` judges them, plans show them.

use super::entries::catalog;
use super::model::Entry;
use super::origins::OverlayInfo;
use super::{Graph, Kind};
use crate::diagnostic::SourceId;
use crate::location::{JsonPath, Seg};

/// The catalog kinds that can hold slots, in plan order.
pub const SLOT_KINDS: [Kind; 4] = [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network];

/// Who filled a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filler {
    /// Nobody: plans show the generic text and how to find the local party.
    Open,
    /// The overlay at this index of the graph's `overlays`.
    Overlay(usize),
    /// The base graph itself carries contact details for it (a national graph should not;
    /// `check` warns).
    Base,
}

/// One local slot of a graph.
#[derive(Debug, Clone)]
pub struct Slot<'g, 'a> {
    /// Its catalog.
    pub kind: Kind,
    /// Its index in that catalog.
    pub index: usize,
    /// The entry as merged.
    pub entry: &'g Entry<'a>,
    /// Who filled it.
    pub filler: Filler,
    /// The file that set its contact details (the base graph when open), and the path of the
    /// item there.
    pub contact_from: (SourceId, JsonPath),
}

impl<'a> Graph<'a> {
    /// Every local slot of the graph, in catalog order.
    pub fn slots(&self) -> Vec<Slot<'_, 'a>> {
        let mut out = Vec::new();
        for kind in SLOT_KINDS {
            for (index, entry) in catalog(&self.rules, kind).iter().enumerate() {
                if entry.local.is_some() {
                    out.push(self.slot(kind, index, entry));
                }
            }
        }
        out
    }

    /// The slot `entry` (entry `index` of `kind`) forms, if it is local.
    pub fn slot_of<'g>(&'g self, kind: Kind, index: usize) -> Option<Slot<'g, 'a>> {
        let entry = catalog(&self.rules, kind).get(index)?;
        entry.local.as_ref()?;
        Some(self.slot(kind, index, entry))
    }

    fn slot<'g>(&'g self, kind: Kind, index: usize, entry: &'g Entry<'a>) -> Slot<'g, 'a> {
        let contact_from = contact_origin(self, kind.section(), index);
        let filler = if entry.contact.is_empty() {
            Filler::Open
        } else {
            match self
                .origins
                .overlays
                .iter()
                .rposition(|o| o.source == contact_from.0)
            {
                Some(o) => Filler::Overlay(o),
                None => Filler::Base,
            }
        };
        Slot {
            kind,
            index,
            entry,
            filler,
            contact_from,
        }
    }

    /// The overlay that filled a slot, when one did.
    pub fn filled_by(&self, slot: &Slot) -> Option<&OverlayInfo> {
        match slot.filler {
            Filler::Overlay(o) => self.origins.overlays.get(o),
            Filler::Open | Filler::Base => None,
        }
    }
}

/// The file that last set any contact field of `section[index]`, and the item's path there.
fn contact_origin(graph: &Graph, section: &'static str, index: usize) -> (SourceId, JsonPath) {
    let Some(origin) = graph.origins.get(section, index) else {
        return (graph.origins.base, JsonPath::item(section, index));
    };
    let set_contact = origin
        .fields
        .iter()
        .rev()
        .find(|f| matches!(f.prefix.first(), Some(Seg::Key(k)) if k == "contact"));
    match set_contact {
        // The overlay's path to the contact value, cut back to the item (`partners[0]`).
        Some(f) => (
            f.source,
            JsonPath(f.path.0.iter().take(2).cloned().collect()),
        ),
        None => (origin.source, JsonPath::item(section, origin.index)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Selection, Sources, load};

    fn loaded_with(overlay: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.json");
        std::fs::write(&path, overlay).unwrap();
        (dir, path)
    }

    #[test]
    fn the_built_in_slots_are_open() {
        let graph = crate::graph::builtin();
        let slots = graph.slots();
        assert!(!slots.is_empty());
        assert!(slots.iter().all(|s| s.filler == Filler::Open));
    }

    #[test]
    fn an_overlay_that_sets_a_contact_field_fills_the_slot_and_is_named() {
        let graph = crate::graph::builtin();
        let slot = graph.slots()[0].clone();
        let section = slot.kind.section();
        let (_dir, path) = loaded_with(&format!(
            r#"{{"schema_version": 1, "overlay": "o", "version": "1", "reviewed": "2026-11-29",
                "{section}": [{{"id": "{}", "contact": {{"website": "https://o.example"}}}}]}}"#,
            slot.entry.id
        ));
        let mut sources = Sources::new();
        let selection = Selection { files: vec![path] };
        let loaded = load(&selection, &mut sources).unwrap();
        let graph = loaded.graph.expect("loads");
        let filled = graph
            .slots()
            .into_iter()
            .find(|s| s.entry.id == slot.entry.id)
            .unwrap();
        assert_eq!(filled.filler, Filler::Overlay(0));
        assert_eq!(graph.filled_by(&filled).unwrap().id, "o");
        assert_eq!(filled.contact_from.1.to_string(), format!("{section}[0]"));
        // The other slots stay open.
        assert!(
            graph
                .slots()
                .iter()
                .filter(|s| s.entry.id != slot.entry.id)
                .all(|s| s.filler == Filler::Open)
        );
    }
}
