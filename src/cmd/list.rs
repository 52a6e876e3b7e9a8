//! `wegwijs list`: the ids, labels and aliases a user can type.

use std::io::Write;

use serde::Serialize;

use crate::cli::{DataFormat, ListArgs, ListWhat};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::graph::entries::catalog;
use crate::graph::model::{Choice, Contact};
use crate::graph::slots::Filler;
use crate::graph::str::to_strings;
use crate::graph::{Graph, Kind};
use crate::i18n::Ui;
use crate::text::sanitize;

use super::Io;

/// One listed item, in the chosen language.
#[derive(Debug, Serialize)]
struct Item {
    id: String,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assume: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    safety: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    options: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<String>,
    #[serde(skip_serializing_if = "Contact::is_empty")]
    contact: Contact<'static>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verified: Option<bool>,
}

impl Item {
    fn new(id: &str, label: &str) -> Item {
        Item {
            id: id.to_owned(),
            label: label.to_owned(),
            description: None,
            aliases: Vec::new(),
            assume: None,
            safety: false,
            options: Vec::new(),
            provider: None,
            contact: Contact::default(),
            reviewed: None,
            verified: None,
        }
    }
}

pub(super) fn run(config: &Config, args: &ListArgs, io: &mut Io) -> anyhow::Result<ExitCode> {
    let json = args.format == DataFormat::Json;
    let mut sources = crate::graph::Sources::new();
    let Some(graph) = super::load_graph(config, &mut sources, io, json)? else {
        return Ok(ExitCode::Problems);
    };
    if args.what == ListWhat::Slots {
        let slots = slots(&graph, graph.content_lang(config.lang.code()));
        if json {
            serde_json::to_writer_pretty(&mut *io.out, &slots)?;
            writeln!(io.out)?;
        } else {
            write_slots(io.out, &slots, config)?;
        }
        super::keep(graph);
        return Ok(ExitCode::Success);
    }
    let items = items(&graph, args.what, graph.content_lang(config.lang.code()));
    if json {
        serde_json::to_writer_pretty(&mut *io.out, &items)?;
        writeln!(io.out)?;
    } else {
        write_text(io.out, &items, config)?;
    }
    super::keep(graph);
    Ok(ExitCode::Success)
}

fn items(graph: &Graph, what: ListWhat, lang: &str) -> Vec<Item> {
    let rules = &graph.rules;
    let choice = |c: &Choice| Item {
        description: Some(c.description.get(lang).to_owned()),
        aliases: to_strings(&c.aliases),
        ..Item::new(&c.id, c.label.get(lang))
    };
    let kind = match what {
        ListWhat::Roles => return rules.roles.iter().map(choice).collect(),
        ListWhat::Concerns => return rules.concerns.iter().map(choice).collect(),
        ListWhat::Questions => {
            return rules
                .questions
                .iter()
                .map(|q| Item {
                    description: q.help.as_ref().map(|h| h.get(lang).to_owned()),
                    aliases: to_strings(&q.aliases),
                    assume: q.assume.as_ref().map(|a| a.to_string()),
                    safety: q.safety,
                    options: q
                        .options
                        .iter()
                        .map(|o| Item {
                            description: o.help.as_ref().map(|h| h.get(lang).to_owned()),
                            aliases: to_strings(&o.aliases),
                            ..Item::new(&o.id, o.label.get(lang))
                        })
                        .collect(),
                    ..Item::new(&q.id, q.text.get(lang))
                })
                .collect();
        }
        ListWhat::Steps => {
            return rules
                .steps
                .iter()
                .map(|s| Item::new(&s.id, s.text.get(lang)))
                .collect();
        }
        ListWhat::Advice => {
            return rules
                .advice
                .iter()
                .map(|a| Item::new(&a.id, a.text.get(lang)))
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
        .map(|e| Item {
            description: Some(e.summary.get(lang).to_owned()),
            provider: e.provider.as_ref().map(|p| p.to_string()),
            contact: e.contact.to_static(),
            reviewed: Some(e.reviewed.to_string()),
            verified: Some(e.verified),
            ..Item::new(&e.id, e.name.get(lang))
        })
        .collect()
}

/// One local slot and who filled it.
#[derive(Debug, Serialize)]
struct SlotItem {
    id: String,
    kind: &'static str,
    name: String,
    /// `open`, `overlay` (an overlay filled it) or `base` (the base graph has contact details
    /// for it, which `check` warns about).
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    filled_by: Option<SlotFiller>,
    find: String,
}

/// The overlay that filled a slot.
#[derive(Debug, Serialize)]
struct SlotFiller {
    overlay: String,
    name: String,
    version: String,
    reviewed: String,
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

fn write_slots(out: &mut dyn Write, slots: &[SlotItem], config: &Config) -> std::io::Result<()> {
    let lang = config.lang;
    let wrap = |out: &mut dyn Write, text: &str, first: &str| -> std::io::Result<()> {
        let opts = textwrap::Options::new(config.style.width.max(40))
            .initial_indent(first)
            .subsequent_indent("    ")
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for l in textwrap::wrap(&sanitize(text), opts) {
            writeln!(out, "{}", l.trim_end())?;
        }
        Ok(())
    };
    for slot in slots {
        wrap(
            out,
            &format!("{} ({}): {}", slot.id, slot.kind, slot.name),
            "",
        )?;
        let state = match (&slot.filled_by, slot.state) {
            (Some(f), _) => format!(
                "{}: {} ({} {} · {} {})",
                Ui::FilledBy.get(lang),
                f.name,
                f.overlay,
                f.version,
                Ui::Reviewed.get(lang),
                f.reviewed
            ),
            (None, "base") => match lang {
                crate::i18n::Lang::Nl => "contactgegevens in de basisregelset (check: W011)".into(),
                crate::i18n::Lang::En => "contact details in the base graph (check: W011)".into(),
            },
            (None, _) => format!("{}: {}", Ui::NotFilled.get(lang), slot.find),
        };
        wrap(out, &state, "    ")?;
    }
    Ok(())
}

fn write_text(out: &mut dyn Write, items: &[Item], config: &Config) -> std::io::Result<()> {
    let lang = config.lang;
    let id_width = items
        .iter()
        .flat_map(|i| std::iter::once(i.id.len()).chain(i.options.iter().map(|o| o.id.len() + 2)))
        .max()
        .unwrap_or(0)
        .min(28);
    let width = config.style.width;
    let line = |out: &mut dyn Write, indent: usize, id: &str, text: &str| -> std::io::Result<()> {
        let lead = format!(
            "{}{id:<w$}  ",
            " ".repeat(indent),
            w = id_width - indent.min(id_width)
        );
        let hang = " ".repeat(id_width + 2);
        let opts = textwrap::Options::new(width.max(40))
            .initial_indent(&lead)
            .subsequent_indent(&hang)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for l in textwrap::wrap(&sanitize(text), opts) {
            writeln!(out, "{}", l.trim_end())?;
        }
        Ok(())
    };
    for item in items {
        let mut text = item.label.to_string();
        if item.safety {
            text.push_str(&format!(" ({})", Ui::SafetyQuestion.get(lang)));
        }
        if let Some(d) = &item.description {
            text.push_str(&format!(" — {d}"));
        }
        line(out, 0, &item.id, &text)?;
        if !item.aliases.is_empty() {
            line(
                out,
                0,
                "",
                &format!("{}: {}", Ui::Aliases.get(lang), item.aliases.join(", ")),
            )?;
        }
        for o in &item.options {
            let mut text = o.label.to_string();
            if item.assume.as_deref() == Some(o.id.as_str()) {
                text.push_str(&format!(" ({})", Ui::AssumedWhenMissing.get(lang)));
            }
            if !o.aliases.is_empty() {
                text.push_str(&format!(
                    " [{}: {}]",
                    Ui::Aliases.get(lang),
                    o.aliases.join(", ")
                ));
            }
            line(out, 2, &o.id, &text)?;
        }
    }
    Ok(())
}
