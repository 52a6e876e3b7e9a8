//! `wegwijs list`: the ids, labels and aliases a user can type.

use crate::cli::{ListArgs, ListWhat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::graph::entries::catalog;
use crate::graph::model::Choice;
use crate::graph::slots::Filler;
use crate::graph::str::to_strings;
use crate::graph::{Graph, Kind};
use crate::render::report::{ListItem, SlotFiller, SlotItem};

use super::Io;

pub(super) fn run(config: &Config, args: &ListArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let renderer = super::report_renderer(args.format, config);
    let mut sources = crate::graph::Sources::new();
    let json = super::is_json(args.format);
    let Some(graph) = super::load_graph(config, &mut sources, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    let lang = graph.content_lang(config.lang.code());
    match args.what {
        ListWhat::Slots => renderer.slots(&slots(&graph, lang), io.out)?,
        what => renderer.list(&items(&graph, what, lang), io.out)?,
    }
    Ok(ExitCode::Success)
}

fn items(graph: &Graph, what: ListWhat, lang: &str) -> Vec<ListItem> {
    let rules = &graph.rules;
    let choice = |c: &Choice| ListItem {
        description: Some(c.description.get(lang).to_owned()),
        aliases: to_strings(&c.aliases),
        ..ListItem::new(&c.id, c.label.get(lang))
    };
    let kind = match what {
        ListWhat::Roles => return rules.roles.iter().map(choice).collect(),
        ListWhat::Concerns => return rules.concerns.iter().map(choice).collect(),
        ListWhat::Questions => {
            return rules
                .questions
                .iter()
                .map(|q| ListItem {
                    description: q.help.as_ref().map(|h| h.get(lang).to_owned()),
                    aliases: to_strings(&q.aliases),
                    assume: q.assume.as_ref().map(|a| a.to_string()),
                    safety: q.safety,
                    options: q
                        .options
                        .iter()
                        .map(|o| ListItem {
                            description: o.help.as_ref().map(|h| h.get(lang).to_owned()),
                            aliases: to_strings(&o.aliases),
                            ..ListItem::new(&o.id, o.label.get(lang))
                        })
                        .collect(),
                    ..ListItem::new(&q.id, q.text.get(lang))
                })
                .collect();
        }
        ListWhat::Steps => {
            return rules
                .steps
                .iter()
                .map(|s| ListItem::new(&s.id, s.text.get(lang)))
                .collect();
        }
        ListWhat::Advice => {
            return rules
                .advice
                .iter()
                .map(|a| ListItem::new(&a.id, a.text.get(lang)))
                .collect();
        }
        ListWhat::Partners => Kind::Partner,
        ListWhat::Trainings => Kind::Training,
        ListWhat::Resources => Kind::Resource,
        ListWhat::Networks => Kind::Network,
        ListWhat::Slots => unreachable!("slots are listed by `slots`"),
    };
    catalog(rules, kind)
        .iter()
        .map(|e| ListItem {
            description: Some(e.summary.get(lang).to_owned()),
            provider: e.provider.as_ref().map(|p| p.to_string()),
            contact: e.contact.to_static(),
            reviewed: Some(e.reviewed.to_string()),
            verified: Some(e.verified),
            ..ListItem::new(&e.id, e.name.get(lang))
        })
        .collect()
}

fn slots(graph: &Graph, lang: &str) -> Vec<SlotItem> {
    graph
        .slots()
        .iter()
        .map(|slot| SlotItem {
            id: slot.entry.id.to_string(),
            kind: slot.kind.as_str(),
            name: slot.entry.name.get(lang).to_owned(),
            state: match slot.filler {
                Filler::Open => "open",
                Filler::Overlay(_) => "overlay",
                Filler::Base => "base",
            },
            filled_by: graph.filled_by(slot).map(|o| SlotFiller {
                overlay: o.id.clone(),
                name: o.name(lang).to_owned(),
                version: o.version.clone(),
                reviewed: o.reviewed.to_string(),
            }),
            find: slot
                .entry
                .local
                .as_ref()
                .map_or("", |l| l.find.get(lang))
                .to_owned(),
        })
        .collect()
}
