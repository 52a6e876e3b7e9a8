//! The rule graph as the exported page reads it: resolved, numbered and in the page's languages.
//!
//! The page's script walks this form with the same rules as [`crate::engine`]: every reference
//! is already an index (as in [`crate::graph::index`]), every branch already falls back to the
//! node's `default`, and every text is already picked for each page language (with the graph's
//! own fallback, [`Graph::content_lang`]). So the script never resolves an id or a language, and
//! has nothing to get differently from the command line.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::graph::Ask;
use crate::graph::OverlayInfo;
use crate::graph::entries::catalog;
use crate::graph::model::{Choice, Contact, Entry, Text};
use crate::graph::slots::Filler;
use crate::graph::{Graph, Kind};
use crate::i18n::{Lang, Ui};
use crate::plan::SourceRef;

/// Version of the embedded form; the page refuses a blob of another version.
// 2: additions may carry `when`; entries cite their source by index into `sources`.
pub const PAGE_DATA_VERSION: u32 = 2;

/// A text in each page language, keyed by language code.
pub type Localized<'g> = BTreeMap<&'static str, &'g str>;

/// Everything the page needs, serialized into it as JSON.
#[derive(Debug, Serialize)]
pub struct PageData<'g> {
    /// [`PAGE_DATA_VERSION`].
    pub format: u32,
    /// The language the page opens in.
    pub lang: &'static str,
    /// The languages the page offers (a switch appears when there are two).
    pub languages: Vec<&'static str>,
    /// Entries reviewed longer ago than this many days get a warning (counted from the day the
    /// page is opened, not the day it was exported).
    pub max_age_days: i64,
    /// The tool's own words, per language.
    pub ui: BTreeMap<&'static str, BTreeMap<&'static str, &'static str>>,
    /// Identity of the graph.
    pub graph: GraphData<'g>,
    /// Index of the start node.
    pub start: u32,
    /// Index of the acute-danger question, asked first.
    pub safety: Option<u32>,
    /// Roles to choose from.
    pub roles: Vec<ChoiceData<'g>>,
    /// Concerns to choose from.
    pub concerns: Vec<ChoiceData<'g>>,
    /// Follow-up questions.
    pub questions: Vec<QuestionData<'g>>,
    /// Steps.
    pub steps: Vec<StepData<'g>>,
    /// Advice.
    pub advice: Vec<AdviceData<'g>>,
    /// Partners.
    pub partners: Vec<EntryData<'g>>,
    /// Trainings and methods.
    pub trainings: Vec<EntryData<'g>>,
    /// Resources.
    pub resources: Vec<EntryData<'g>>,
    /// Networks.
    pub networks: Vec<EntryData<'g>>,
    /// Sources, in graph order.
    pub sources: Vec<SourceRef<'g>>,
    /// Nodes, in graph order.
    pub nodes: Vec<NodeData<'g>>,
}

/// Identity of the graph.
#[derive(Debug, Serialize)]
pub struct GraphData<'g> {
    /// Graph id.
    pub id: &'g str,
    /// Content version.
    pub version: &'g str,
    /// Last review.
    pub reviewed: Date,
    /// Title.
    pub title: Localized<'g>,
    /// The acute-danger line.
    pub emergency: Localized<'g>,
    /// Overlays applied, in order.
    pub overlays: &'g [OverlayInfo],
}

/// A role or concern.
#[derive(Debug, Serialize)]
pub struct ChoiceData<'g> {
    /// Id.
    pub id: &'g str,
    /// Label.
    pub label: Localized<'g>,
    /// Help text.
    pub description: Localized<'g>,
}

/// A follow-up question.
#[derive(Debug, Serialize)]
pub struct QuestionData<'g> {
    /// Id.
    pub id: &'g str,
    /// The question.
    pub text: Localized<'g>,
    /// Help text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Localized<'g>>,
    /// The options.
    pub options: Vec<OptionData<'g>>,
}

/// An answer option.
#[derive(Debug, Serialize)]
pub struct OptionData<'g> {
    /// Id.
    pub id: &'g str,
    /// Label.
    pub label: Localized<'g>,
    /// Help text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Localized<'g>>,
    /// Choosing it means acute danger.
    pub urgent: bool,
}

/// A step.
#[derive(Debug, Serialize)]
pub struct StepData<'g> {
    /// Id.
    pub id: &'g str,
    /// The instruction.
    pub text: Localized<'g>,
    /// Urgent: shown before everything else.
    pub urgent: bool,
    /// Index of the partner it is about.
    pub partner: Option<u32>,
}

/// A piece of advice.
#[derive(Debug, Serialize)]
pub struct AdviceData<'g> {
    /// Id.
    pub id: &'g str,
    /// The advice.
    pub text: Localized<'g>,
}

/// A partner, training, resource or network.
#[derive(Debug, Serialize)]
pub struct EntryData<'g> {
    /// Id.
    pub id: &'g str,
    /// Name.
    pub name: Localized<'g>,
    /// What it offers.
    pub summary: Localized<'g>,
    /// Why it fits, unless a node says otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Localized<'g>>,
    /// Index of the partner that offers it.
    pub provider: Option<u32>,
    /// Contact details.
    pub contact: Contact<'g>,
    /// Index of its source in `sources`.
    pub source: Option<usize>,
    /// Last review.
    pub reviewed: Date,
    /// False when a fact is unverified.
    pub verified: bool,
    /// What to check first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Localized<'g>>,
    /// For a local slot: who filled it, or how to find the local party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<LocalData<'g>>,
}

/// A local slot as the page shows it (see [`crate::plan::LocalRoute`]).
#[derive(Debug, Serialize)]
pub struct LocalData<'g> {
    /// How to find the local party while the slot is open.
    pub find: Localized<'g>,
    /// The overlay that filled it; null while open.
    pub filled_by: Option<FilledByData<'g>>,
}

/// The overlay that filled a slot.
#[derive(Debug, Serialize)]
pub struct FilledByData<'g> {
    /// Its id.
    pub overlay: &'g str,
    /// Its title (else its id).
    pub name: Localized<'g>,
    /// Its version.
    pub version: &'g str,
    /// Its review date.
    pub reviewed: Date,
}

/// What a node asks: `"role"`, `"concern"` or a question index.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AskData {
    /// `"role"` or `"concern"`.
    Named(&'static str),
    /// A question index.
    Question(u32),
}

/// A node.
#[derive(Debug, Serialize)]
pub struct NodeData<'g> {
    /// What it asks, if anything.
    pub ask: Option<AskData>,
    /// For each option of what it asks, in option order: the next node (`default` applied),
    /// or null when the graph gives none.
    pub then: Vec<Option<u32>>,
    /// The next node when it asks nothing.
    pub next: Option<u32>,
    /// What it adds, in file order.
    pub add: Vec<AddData<'g>>,
}

/// One addition of a node.
#[derive(Debug, Serialize)]
pub struct AddData<'g> {
    /// Catalog.
    pub kind: Kind,
    /// Index in the catalog.
    pub entry: u32,
    /// Priority.
    pub priority: u16,
    /// Why it fits in this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Localized<'g>>,
    /// Its `when`, resolved: every clause must hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Vec<ClauseData>>,
}

/// One condition of a `when`: what it looks at and the answer indexes that match.
#[derive(Debug, Serialize)]
pub struct ClauseData {
    /// `"role"`, `"concern"` or a question index (answered on the path so far).
    pub ask: AskData,
    /// The answers that match.
    pub options: Vec<u32>,
}

/// What a node asks (or a `when` looks at), as the page names it.
fn ask_data(ask: Ask) -> AskData {
    match ask {
        Ask::Role => AskData::Named("role"),
        Ask::Concern => AskData::Named("concern"),
        Ask::Question(q) => AskData::Question(q),
    }
}

/// The tool's own words the page uses, by the key its script reads them under.
pub(super) const PAGE_UI: &[(&str, Ui)] = &[
    ("planTitle", Ui::PlanTitle),
    ("role", Ui::Role),
    ("concern", Ui::Concern),
    ("answers", Ui::AnswersHeading),
    ("urgent", Ui::Urgent),
    ("nextSteps", Ui::NextSteps),
    ("partners", Ui::Partners),
    ("trainings", Ui::Trainings),
    ("resources", Ui::Resources),
    ("networks", Ui::Networks),
    ("advice", Ui::Advice),
    ("whatTheyOffer", Ui::WhatTheyOffer),
    ("whyNow", Ui::WhyNow),
    ("offeredBy", Ui::OfferedBy),
    ("website", Ui::Website),
    ("phone", Ui::Phone),
    ("email", Ui::Email),
    ("source", Ui::Source),
    ("pageDated", Ui::PageDated),
    ("pageUndated", Ui::PageUndated),
    ("reviewed", Ui::Reviewed),
    ("unverified", Ui::Unverified),
    ("reviewedLongAgo", Ui::ReviewedLongAgo),
    ("graphFooter", Ui::GraphFooter),
    ("sources", Ui::Sources),
    ("safetyQuestion", Ui::SafetyQuestion),
    ("askRole", Ui::AskRole),
    ("askConcern", Ui::AskConcern),
    ("back", Ui::Back),
    ("showPlan", Ui::ShowPlan),
    ("change", Ui::Change),
    ("reviewTitle", Ui::ReviewTitle),
    ("next", Ui::Next),
    ("copyPlan", Ui::CopyPlan),
    ("copied", Ui::Copied),
    ("copyFailed", Ui::CopyFailed),
    ("print", Ui::Print),
    ("startAgain", Ui::StartAgain),
    ("changeAnswers", Ui::ChangeAnswers),
    ("language", Ui::Language),
    ("intro", Ui::PageIntro),
    ("nothingStored", Ui::NothingStored),
    ("opensNewWindow", Ui::OpensNewWindow),
    ("localFrom", Ui::LocalFrom),
    ("localOpen", Ui::LocalOpen),
    ("version", Ui::Version),
];

/// The languages a page for this graph offers: both when the graph has both, otherwise only
/// `lang` (its content then falls back as the command line's does).
pub fn page_languages(graph: &Graph, lang: Lang) -> Vec<Lang> {
    let has = |l: Lang| graph.rules.languages.iter().any(|g| g == l.code());
    if has(Lang::Nl) && has(Lang::En) {
        vec![Lang::Nl, Lang::En]
    } else {
        vec![lang]
    }
}

impl<'g> PageData<'g> {
    /// Builds the page's form of `graph`, opening in `lang`.
    ///
    /// The graph must have passed the loader's checks (a start node, every id resolved); the
    /// export command refuses graphs with errors before it gets here.
    pub fn new(graph: &'g Graph<'_>, lang: Lang, max_age_days: i64) -> PageData<'g> {
        let langs = page_languages(graph, lang);
        let rules = &graph.rules;
        let ix = &graph.index;
        let loc = |t: &'g Text<'_>| -> Localized<'g> {
            langs
                .iter()
                .map(|l| (l.code(), t.get(graph.content_lang(l.code()))))
                .collect()
        };
        let choices = |list: &'g [Choice<'_>]| -> Vec<ChoiceData<'g>> {
            list.iter()
                .map(|c| ChoiceData {
                    id: &c.id,
                    label: loc(&c.label),
                    description: loc(&c.description),
                })
                .collect()
        };
        let partner = |id: &str| ix.entries(Kind::Partner).find(id);
        let local = |kind: Kind, i: usize| -> Option<LocalData<'g>> {
            let slot = graph.slot_of(kind, i)?;
            if slot.filler == Filler::Base {
                // As in plans: `check` warns, and the details show as national ones.
                return None;
            }
            Some(LocalData {
                find: loc(&slot.entry.local.as_ref()?.find),
                filled_by: graph.filled_by(&slot).map(|o| FilledByData {
                    overlay: &o.id,
                    name: langs
                        .iter()
                        .map(|l| (l.code(), o.name(graph.content_lang(l.code()))))
                        .collect(),
                    version: &o.version,
                    reviewed: o.reviewed,
                }),
            })
        };
        let entries = |kind: Kind| -> Vec<EntryData<'g>> {
            catalog(rules, kind)
                .iter()
                .enumerate()
                .map(|(i, e): (usize, &'g Entry<'_>)| EntryData {
                    id: &e.id,
                    name: loc(&e.name),
                    summary: loc(&e.summary),
                    why: e.why.as_ref().map(&loc),
                    provider: e.provider.as_deref().and_then(partner),
                    contact: e.contact.borrowed(),
                    source: graph.source_index(&e.source),
                    reviewed: e.reviewed,
                    verified: e.verified,
                    caveat: e.caveat.as_ref().map(&loc),
                    local: local(kind, i),
                })
                .collect()
        };
        let nodes = (0..ix.node_count() as u32)
            .map(|n| {
                let links = ix.links(n);
                let (ask, options) = match links.ask {
                    None => (None, 0),
                    Some(Ask::Role) => (Some(AskData::Named("role")), rules.roles.len()),
                    Some(Ask::Concern) => (Some(AskData::Named("concern")), rules.concerns.len()),
                    Some(Ask::Question(q)) => (
                        Some(AskData::Question(q)),
                        rules.questions[q as usize].options.len(),
                    ),
                };
                let node = &rules.nodes[n as usize];
                NodeData {
                    ask,
                    then: (0..options as u32).map(|a| links.branch(a)).collect(),
                    next: links.next,
                    add: graph
                        .adds(n)
                        .map(|a| AddData {
                            kind: a.kind,
                            entry: a.entry,
                            priority: a.priority,
                            why: node.add[a.at as usize].why().map(&loc),
                            when: a.condition.map(|c| {
                                ix.condition(c)
                                    .clauses
                                    .iter()
                                    .map(|(ask, options)| ClauseData {
                                        ask: ask_data(*ask),
                                        options: options.to_vec(),
                                    })
                                    .collect()
                            }),
                        })
                        .collect(),
                }
            })
            .collect();
        PageData {
            format: PAGE_DATA_VERSION,
            // `page_languages` always includes `lang`.
            lang: lang.code(),
            languages: langs.iter().map(|l| l.code()).collect(),
            max_age_days,
            ui: langs
                .iter()
                .map(|&l| {
                    (
                        l.code(),
                        PAGE_UI.iter().map(|&(k, u)| (k, u.get(l))).collect(),
                    )
                })
                .collect(),
            graph: GraphData {
                id: &rules.id,
                version: &rules.version,
                reviewed: rules.reviewed,
                title: loc(&rules.title),
                emergency: loc(&rules.emergency),
                overlays: &graph.origins.overlays,
            },
            start: ix.start.unwrap_or(0),
            safety: ix.safety,
            roles: choices(&rules.roles),
            concerns: choices(&rules.concerns),
            questions: rules
                .questions
                .iter()
                .map(|q| QuestionData {
                    id: &q.id,
                    text: loc(&q.text),
                    help: q.help.as_ref().map(&loc),
                    options: q
                        .options
                        .iter()
                        .map(|o| OptionData {
                            id: &o.id,
                            label: loc(&o.label),
                            help: o.help.as_ref().map(&loc),
                            urgent: o.urgent,
                        })
                        .collect(),
                })
                .collect(),
            steps: rules
                .steps
                .iter()
                .map(|s| StepData {
                    id: &s.id,
                    text: loc(&s.text),
                    urgent: s.urgent,
                    partner: s.partner.as_deref().and_then(partner),
                })
                .collect(),
            advice: rules
                .advice
                .iter()
                .map(|a| AdviceData {
                    id: &a.id,
                    text: loc(&a.text),
                })
                .collect(),
            partners: entries(Kind::Partner),
            trainings: entries(Kind::Training),
            resources: entries(Kind::Resource),
            networks: entries(Kind::Network),
            sources: rules.sources.iter().map(SourceRef::from).collect(),
            nodes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Origins, RuleGraph};
    use serde::Deserialize;

    /// An English-only graph whose start node branches on `q` with a default.
    fn graph() -> Graph<'static> {
        let rules = RuleGraph::deserialize(serde_json::json!({
            "schema_version": 1, "id": "t", "version": "1", "title": {"en": "T"},
            "languages": ["en"], "reviewed": "2026-01-01", "emergency": {"en": "Call 112."},
            "start": "start",
            "roles": [{"id": "r", "label": {"en": "R"}, "description": {"en": "R"}}],
            "concerns": [{"id": "c", "label": {"en": "C"}, "description": {"en": "C"}}],
            "questions": [{"id": "q", "text": {"en": "Q?"}, "options": [
                {"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}},
                {"id": "c", "label": {"en": "C"}}]}],
            "steps": [{"id": "s", "text": {"en": "S"}}],
            "nodes": [
                {"id": "start", "ask": "q", "then": {"b": "two"}, "default": "one"},
                {"id": "one", "add": [{"kind": "step", "id": "s", "priority": 7,
                                       "why": {"en": "because"}}]},
                {"id": "two", "next": "one"}
            ]
        }))
        .unwrap();
        let (g, d) = Graph::new(rules, Origins::single(0));
        assert!(d.is_empty(), "{d:?}");
        g
    }

    #[test]
    fn every_option_has_its_branch_with_the_default_filled_in() {
        let g = graph();
        let data = PageData::new(&g, Lang::En, 365);
        let start = &data.nodes[0];
        assert!(matches!(start.ask, Some(AskData::Question(0))));
        assert_eq!(start.then, [Some(1), Some(2), Some(1)]);
        assert_eq!(data.nodes[2].next, Some(1));
        let add = &data.nodes[1].add[0];
        assert_eq!((add.kind, add.entry, add.priority), (Kind::Step, 0, 7));
        assert_eq!(add.why.as_ref().unwrap()["en"], "because");
    }

    #[test]
    fn a_one_language_graph_gives_one_page_language_with_its_own_texts() {
        let g = graph();
        let data = PageData::new(&g, Lang::Nl, 365);
        // Dutch was asked for: the tool's words are Dutch, the content falls back to English.
        assert_eq!(
            (data.lang, data.languages.as_slice()),
            ("nl", ["nl"].as_slice())
        );
        assert_eq!(data.ui["nl"]["next"], "Volgende");
        assert_eq!(data.questions[0].text["nl"], "Q?");
    }

    #[test]
    fn a_graph_in_both_languages_offers_both_and_opens_in_the_asked_one() {
        let g = crate::graph::builtin();
        for lang in [Lang::Nl, Lang::En] {
            let data = PageData::new(&g, lang, 365);
            assert_eq!(data.languages, ["nl", "en"]);
            assert_eq!(data.lang, lang.code());
            assert_ne!(data.roles[0].label["nl"], data.roles[0].label["en"]);
        }
    }

    #[test]
    fn every_ui_key_is_distinct() {
        let mut keys: Vec<&str> = PAGE_UI.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PAGE_UI.len());
    }
}
