//! Checks of local slots: open slots as notes (N002), slots an overlay filled without its own
//! source and review date (W010), and slots that carry contact details in a base graph (W011).

use crate::diagnostic::{Diagnostic, Problem};
use crate::graph::Graph;
use crate::graph::slots::Filler;
use crate::location::Seg;

/// Every slot of `graph`, judged.
pub(super) fn slots(graph: &Graph, out: &mut Vec<Diagnostic>) {
    for slot in graph.slots() {
        let section = slot.kind.section();
        let id = slot.entry.id.to_string();
        match slot.filler {
            Filler::Open => {
                let (source, path) =
                    graph
                        .origins
                        .path(section, slot.index, &[Seg::Key("local".into())]);
                out.push(Diagnostic::new(
                    Problem::OpenSlot {
                        kind: slot.kind.as_str(),
                        id,
                    },
                    source,
                    path,
                ));
            }
            Filler::Overlay(o) => {
                let filler = slot.contact_from.0;
                let missing: Vec<&'static str> = ["source", "reviewed"]
                    .into_iter()
                    .filter(|field| {
                        let (set_by, _) =
                            graph
                                .origins
                                .path(section, slot.index, &[Seg::Key((*field).into())]);
                        set_by != filler
                    })
                    .collect();
                if !missing.is_empty() {
                    let (source, path) = slot.contact_from.clone();
                    out.push(Diagnostic::new(
                        Problem::SlotWithoutProvenance {
                            id,
                            overlay: graph.origins.overlays[o].id.clone(),
                            missing,
                        },
                        source,
                        path,
                    ));
                }
            }
            Filler::Base => {
                let (source, path) =
                    graph
                        .origins
                        .path(section, slot.index, &[Seg::Key("contact".into())]);
                out.push(Diagnostic::new(
                    Problem::SlotContactInBase { id },
                    source,
                    path,
                ));
            }
        }
    }
}
