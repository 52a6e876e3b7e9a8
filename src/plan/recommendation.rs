//! One recommendation of a plan: an item of the graph with its texts in one language, its
//! partner and contact details, the page its facts come from, and how old they are.

use schemars::JsonSchema;
use serde::Serialize;

use super::explain::Reason;
use super::local::LocalRoute;
use super::{Named, PlanOptions};
use crate::date::{Date, SourceDate};
use crate::graph::entries::catalog;
use crate::graph::model::{Contact, Entry, Source};
use crate::graph::{Graph, Kind};

/// The schema of a recommendation's `kind`: any string. Within one `schema_version` new kinds
/// may appear (README, "Versioning"), so a closed list would reject plans a consumer must
/// accept; today's kinds are the examples.
fn open_kind(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    schemars::json_schema!({
        "type": "string",
        "description": "Its kind. Later versions may add kinds; ignore a kind you do not know.",
        "examples": known
    })
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Recommendation<'g> {
    /// Its kind.
    #[schemars(schema_with = "open_kind")]
    pub kind: Kind,
    /// Stable id within its kind.
    pub id: &'g str,
    /// Lower comes first.
    pub priority: u16,
    /// An urgent step: do this before anything else.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub urgent: bool,
    /// For steps and advice the instruction; for other kinds the name.
    pub text: &'g str,
    /// What a partner, training, resource or network offers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'g str>,
    /// Why it fits this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'g str>,
    /// The partner that offers it, or that a step is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Named<'g>>,
    /// Contact details (of the entry, or of the step's partner).
    #[serde(skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact<'g>,
    /// The page its facts come from, with the date that page states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef<'g>>,
    /// When its facts were last checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// True when the review date is older than the allowed age: check before relying on it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review_due: bool,
    /// False when a fact is marked unverified in the graph.
    pub verified: bool,
    /// What to check before relying on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<&'g str>,
    /// With `--explain`: the nodes that added it and the answers that led there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<Vec<Reason<'g>>>,
    /// For a local slot (the entry, or the partner a step names): the overlay that filled it,
    /// or how to find the local party while none has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<LocalRoute<'g>>,
}

/// A source page cited by the plan: shown by its title and the date it states, never by the
/// graph's internal id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceRef<'g> {
    /// Title of the page.
    pub title: &'g str,
    /// The page's address.
    pub url: &'g str,
    /// The date the page states (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or `undated`.
    pub dated: SourceDate,
    /// Who published it, when the graph says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'g str>,
}

impl<'g> From<&'g Source<'_>> for SourceRef<'g> {
    fn from(s: &'g Source<'_>) -> SourceRef<'g> {
        SourceRef {
            title: &s.title,
            url: &s.url,
            dated: s.dated,
            publisher: s.publisher.as_deref(),
        }
    }
}

/// Recommendation `entry` of `kind` in `lang`, with its partner, contact, source and local
/// route; priority, urgency and reasons are the caller's.
pub(super) fn build<'g>(
    graph: &'g Graph<'_>,
    kind: Kind,
    entry: u32,
    lang: &str,
    opts: &PlanOptions,
) -> Recommendation<'g> {
    let rules = &graph.rules;
    let partner_of = |id: &str| {
        let p = graph.index.entries(Kind::Partner).find(id)?;
        Some(&rules.partners[p as usize])
    };
    let named = |partner: &'g Entry<'_>| Named {
        id: &partner.id,
        label: partner.name.get(lang),
    };
    let mut rec = Recommendation {
        kind,
        id: "",
        priority: 0,
        urgent: false,
        text: "",
        summary: None,
        why: None,
        partner: None,
        contact: Contact::default(),
        source: None,
        reviewed: None,
        review_due: false,
        verified: true,
        caveat: None,
        because: None,
        local: None,
    };
    match kind {
        Kind::Step => {
            let step = &rules.steps[entry as usize];
            rec.id = &step.id;
            rec.text = step.text.get(lang);
            // A step shows its partner's contact details, so it carries their caveat too.
            if let Some(partner) = step.partner.as_deref().and_then(partner_of) {
                rec.partner = Some(named(partner));
                rec.contact = partner.contact.borrowed();
                rec.verified = partner.verified;
                rec.caveat = partner.caveat.as_ref().map(|c| c.get(lang));
                // And their age: a phone number that is due for a check is flagged here too.
                rec.review_due = partner.reviewed.days_until(opts.today) > opts.max_age_days;
                let p = graph.index.entries(Kind::Partner).find(&partner.id);
                rec.local = p.and_then(|p| LocalRoute::of(graph, Kind::Partner, p as usize, lang));
            }
        }
        Kind::Advice => {
            let advice = &rules.advice[entry as usize];
            rec.id = &advice.id;
            rec.text = advice.text.get(lang);
        }
        _ => {
            let e = &catalog(rules, kind)[entry as usize];
            rec.id = &e.id;
            rec.text = e.name.get(lang);
            rec.summary = Some(e.summary.get(lang));
            rec.why = e.why.as_ref().map(|w| w.get(lang));
            if let Some(provider) = e.provider.as_deref() {
                rec.partner = partner_of(provider).map(named);
            }
            rec.contact = e.contact.borrowed();
            rec.source = graph
                .source_index(&e.source)
                .map(|i| SourceRef::from(&rules.sources[i]));
            rec.reviewed = Some(e.reviewed);
            rec.review_due = e.reviewed.days_until(opts.today) > opts.max_age_days;
            rec.verified = e.verified;
            rec.caveat = e.caveat.as_ref().map(|c| c.get(lang));
            rec.local = LocalRoute::of(graph, kind, entry as usize, lang);
        }
    }
    rec
}
