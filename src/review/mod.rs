//! `wegwijs review`: a worksheet of every fact in a graph that can go stale, riskiest first.
//!
//! A *fact* is one value of a catalog entry (partner, training, resource, network) that the
//! world can make untrue: its name, its summary, its provider, each contact detail. Each fact
//! carries what a reviewer needs to check it: the entry's source page (title, address, the
//! page's date), the day it was last compared with that page, whether it is verified and what
//! to be careful about, how many plans show it, and the file it comes from (so a municipality
//! reviews only its own overlay). [`worksheet`] builds the [`Worksheet`]; [`render`] writes it
//! as a Markdown checklist, CSV or JSON.

pub mod render;

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Date;
use crate::engine::EngineError;
use crate::graph::entries::catalog;
use crate::graph::{Graph, Kind, Sources, Text};
use crate::i18n::Lang;
use crate::location::Seg;
use crate::walks::{self, Enumerated};

/// Version of the worksheet's JSON form.
pub const REVIEW_SCHEMA_VERSION: u32 = 1;

/// Plans are counted per fact up to this many answer paths, by default.
pub const DEFAULT_MAX_PATHS: u64 = 200_000;

/// Every fact due for review, riskiest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Worksheet {
    /// Version of this JSON form.
    pub schema_version: u32,
    /// The graph reviewed.
    pub graph: crate::diff::GraphRef,
    /// The day review ages are counted to.
    pub today: Date,
    /// With `--older-than`: only facts reviewed more than this many days ago are listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub older_than: Option<u32>,
    /// False when the graph has too many answer paths to count the plans of each fact.
    pub plans_counted: bool,
    /// The facts: unverified first, then the oldest review, then the most plans.
    pub facts: Vec<Fact>,
}

/// One value to check against its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Fact {
    /// The entry's kind.
    pub kind: Kind,
    /// The entry's id.
    pub id: String,
    /// The entry's name, in the worksheet's language.
    pub name: String,
    /// Which value: `name`, `summary` (or `summary.en` when the languages say different
    /// things), `provider`, `contact.website`, `contact.phone`, `contact.email`.
    pub fact: String,
    /// The value as the graph has it.
    pub value: String,
    /// The page the entry was checked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourcePage>,
    /// When the entry was last compared with its source.
    pub reviewed: Date,
    /// Days from `reviewed` to the worksheet's today.
    pub days_since_review: i64,
    /// False when the graph marks the entry as not confirmed.
    pub verified: bool,
    /// What to be careful about, in the worksheet's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
    /// In how many plans the fact appears (absent when there were too many to count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plans: Option<u64>,
    /// The file this value comes from (an overlay, when one set it).
    pub file: String,
}

/// A source page, as the graph names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourcePage {
    /// Source id.
    pub id: String,
    /// The page's title.
    pub title: String,
    /// The page's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's date, as the graph gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dated: Option<String>,
}

/// What to put on the worksheet.
#[derive(Debug, Clone, Copy)]
pub struct ReviewOptions {
    /// Language of names and caveats (and of the worksheet's own words).
    pub lang: Lang,
    /// The day ages are counted to.
    pub today: Date,
    /// Only facts reviewed more than this many days ago.
    pub older_than: Option<u32>,
    /// Count plans per fact only up to this many answer paths.
    pub max_paths: u64,
}

/// The catalogs whose entries carry sources and review dates.
const CATALOGS: [Kind; 4] = [Kind::Partner, Kind::Training, Kind::Resource, Kind::Network];

/// Builds the worksheet of `graph`, whose files are in `sources`.
pub fn worksheet(
    graph: &Graph,
    sources: &Sources,
    files: Vec<String>,
    opts: &ReviewOptions,
) -> Result<Worksheet, EngineError> {
    let lang = graph.content_lang(opts.lang.code()).to_owned();
    // Plans per entry, counted once over every path.
    let mut plans: [Vec<u64>; 6] = Default::default();
    for kind in CATALOGS {
        plans[kind as usize] = vec![0; catalog(&graph.rules, kind).len()];
    }
    let counted = walks::count(graph) <= u128::from(opts.max_paths)
        && matches!(
            walks::each_outcome(graph, opts.max_paths, |o| {
                let mut shown = Vec::new();
                walks::shown(graph, o, &mut shown);
                shown.sort_unstable();
                shown.dedup();
                for (kind, id) in shown {
                    if let Some(i) = graph.index.entries(kind).find(id) {
                        if let Some(n) = plans[kind as usize].get_mut(i as usize) {
                            *n += 1;
                        }
                    }
                }
            })?,
            Enumerated::All(_)
        );

    let mut facts = Vec::new();
    for kind in CATALOGS {
        let section = kind.section();
        for (i, e) in catalog(&graph.rules, kind).iter().enumerate() {
            let source = graph
                .rules
                .sources
                .iter()
                .find(|s| s.id == e.source.as_str())
                .map(|s| SourcePage {
                    id: s.id.to_string(),
                    title: s.title.to_string(),
                    url: Some(s.url.to_string()),
                    dated: Some(s.dated.to_string()),
                });
            let file = |path: &[&str]| {
                let rest: Vec<Seg> = path.iter().map(|k| Seg::Key((*k).to_owned())).collect();
                let (id, _) = graph.origins.path(section, i, &rest);
                sources.name(id).to_owned()
            };
            let mut values: Vec<(String, String, String)> = Vec::new();
            text_facts("name", &e.name, &file, &mut values);
            text_facts("summary", &e.summary, &file, &mut values);
            if let Some(p) = &e.provider {
                values.push(("provider".into(), p.to_string(), file(&["provider"])));
            }
            let c = &e.contact;
            for (field, value) in [
                ("website", &c.website),
                ("phone", &c.phone),
                ("email", &c.email),
            ] {
                if let Some(v) = value {
                    let name = format!("contact.{field}");
                    values.push((name, v.to_string(), file(&["contact", field])));
                }
            }
            for (fact, value, file) in values {
                facts.push(Fact {
                    kind,
                    id: e.id.to_string(),
                    name: e.name.get(&lang).to_owned(),
                    fact,
                    value,
                    source: source.clone(),
                    reviewed: e.reviewed,
                    days_since_review: e.reviewed.days_until(opts.today),
                    verified: e.verified,
                    caveat: e.caveat.as_ref().map(|c| c.get(&lang).to_owned()),
                    plans: counted.then(|| plans[kind as usize][i]),
                    file,
                });
            }
        }
    }
    if let Some(days) = opts.older_than {
        facts.retain(|f| f.days_since_review > i64::from(days));
    }
    // Stable: within one entry, facts keep their order (name, summary, provider, contact).
    facts.sort_by(|a, b| {
        a.verified
            .cmp(&b.verified)
            .then(a.reviewed.cmp(&b.reviewed))
            .then(b.plans.cmp(&a.plans))
            .then(a.kind.cmp(&b.kind))
            .then(a.id.cmp(&b.id))
    });
    Ok(Worksheet {
        schema_version: REVIEW_SCHEMA_VERSION,
        graph: crate::diff::GraphRef {
            id: graph.rules.id.to_string(),
            version: graph.rules.version.to_string(),
            reviewed: graph.rules.reviewed,
            files,
        },
        today: opts.today,
        older_than: opts.older_than,
        plans_counted: counted,
        facts,
    })
}

/// One fact for a text when every language says the same, else one per language.
fn text_facts(
    field: &str,
    text: &Text,
    file: &dyn Fn(&[&str]) -> String,
    out: &mut Vec<(String, String, String)>,
) {
    let mut values = text.0.iter();
    let same = match values.next() {
        Some((_, first)) => values.all(|(_, v)| v == first),
        None => return,
    };
    if same {
        let (lang, value) = text.0.iter().next().unwrap_or(("", ""));
        out.push((field.to_owned(), value.to_owned(), file(&[field, lang])));
    } else {
        for (lang, value) in text.0.iter() {
            let name = format!("{field}.{lang}");
            out.push((name, value.to_owned(), file(&[field, lang])));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_sheet(older_than: Option<u32>) -> Worksheet {
        let g = crate::graph::builtin();
        let mut sources = Sources::new();
        sources.add_builtin();
        let opts = ReviewOptions {
            lang: Lang::En,
            today: Date::new(2026, 12, 1).unwrap(),
            older_than,
            max_paths: DEFAULT_MAX_PATHS,
        };
        worksheet(&g, &sources, vec![], &opts).unwrap()
    }

    #[test]
    fn riskiest_first_unverified_then_oldest_then_most_plans() {
        let sheet = builtin_sheet(None);
        assert!(sheet.plans_counted);
        let key = |f: &Fact| (f.verified, f.reviewed, std::cmp::Reverse(f.plans));
        assert!(sheet.facts.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
        assert!(sheet.facts.iter().any(|f| !f.verified), "the seed has one");
    }

    #[test]
    fn every_contact_detail_is_a_fact_with_its_source() {
        let g = crate::graph::builtin();
        let sheet = builtin_sheet(None);
        for kind in CATALOGS {
            for e in catalog(&g.rules, kind) {
                if let Some(phone) = &e.contact.phone {
                    assert!(
                        sheet.facts.iter().any(|f| f.id == e.id.as_str()
                            && f.fact == "contact.phone"
                            && f.value == phone.as_str()
                            && f.source.is_some()),
                        "{}",
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn older_than_keeps_only_facts_due() {
        let all = builtin_sheet(None);
        let due = builtin_sheet(Some(30));
        assert!(due.facts.iter().all(|f| f.days_since_review > 30));
        assert!(due.facts.len() <= all.facts.len());
        assert!(builtin_sheet(Some(100_000)).facts.is_empty());
    }
}
