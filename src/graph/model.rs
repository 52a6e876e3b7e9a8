//! The rule-graph file format (v1), as serde types.
//!
//! These types mirror `rules/FORMAT.md` one to one: what a content owner writes is what is
//! deserialized here, strictly (`deny_unknown_fields`). They carry no derived data; indexes and
//! resolved references live in [`super::Graph`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::keyed::KeyedStrings;
use super::str::Str;
pub use super::when::When;
use crate::date::{Date, SourceDate};

/// The only rule-graph format version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The two answers every query has, which nodes may branch on like questions.
pub const ASK_ROLE: &str = "role";
/// See [`ASK_ROLE`].
pub const ASK_CONCERN: &str = "concern";

/// A whole rule-graph file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RuleGraph<'a> {
    /// Where editors find the JSON Schema of this file; ignored by wegwijs.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Str<'a>>,
    /// Format version; must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable id of this graph, e.g. `nl-sociale-stabiliteit`.
    pub id: Str<'a>,
    /// Content version, chosen by the graph's owner.
    pub version: Str<'a>,
    /// Title in every language.
    pub title: Text<'a>,
    /// Language codes this graph carries texts in; the first is the fallback.
    pub languages: Vec<Str<'a>>,
    /// When the graph as a whole was last reviewed.
    pub reviewed: Date,
    /// The line every plan carries about acute danger (call 112).
    pub emergency: Text<'a>,
    /// The node evaluation starts from.
    pub start: Str<'a>,
    /// Publications and pages the content is based on; catalog entries cite them by id.
    #[serde(default)]
    pub sources: Vec<Source<'a>>,
    /// Professional roles a user can choose.
    pub roles: Vec<Choice<'a>>,
    /// Concerns a user can bring.
    pub concerns: Vec<Choice<'a>>,
    /// Follow-up questions nodes can ask.
    #[serde(default)]
    pub questions: Vec<Question<'a>>,
    /// Concrete next steps.
    #[serde(default)]
    pub steps: Vec<Step<'a>>,
    /// General advice.
    #[serde(default)]
    pub advice: Vec<Advice<'a>>,
    /// Organisations to contact.
    #[serde(default)]
    pub partners: Vec<Entry<'a>>,
    /// Trainings and methods.
    #[serde(default)]
    pub trainings: Vec<Entry<'a>>,
    /// Publications and tools.
    #[serde(default)]
    pub resources: Vec<Entry<'a>>,
    /// Places to share practice and learn from colleagues.
    #[serde(default)]
    pub networks: Vec<Entry<'a>>,
    /// The decision graph.
    pub nodes: Vec<Node<'a>>,
}

/// Entries reviewed longer ago than this are out of date by default: plans flag them and
/// `check` warns about them.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 365;

/// A text in every language of the graph, keyed by language code: `{"nl": "..", "en": ".."}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent, bound(deserialize = "'de: 'a"))]
pub struct Text<'a>(pub KeyedStrings<'a>);

impl Text<'_> {
    /// The text in `lang`, else in the first language present.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.iter().next().map(|(_, v)| v))
            .unwrap_or("")
    }

    /// Whether the text has a non-empty translation for `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|t| !t.trim().is_empty())
    }
}

/// A publication or page the graph's facts come from.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Source<'a> {
    /// Id that entries cite in their `source` field.
    pub id: Str<'a>,
    /// Human-readable title.
    pub title: Str<'a>,
    /// The address of the one page the facts were read on.
    pub url: Str<'a>,
    /// The date that page states (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or `"undated"`.
    pub dated: SourceDate,
    /// Who published the page, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Str<'a>>,
}

/// A role or a concern: something the user picks from a list.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Choice<'a> {
    /// Stable ASCII id, e.g. `youth-worker`.
    pub id: Str<'a>,
    /// Short name shown in lists and plans.
    pub label: Text<'a>,
    /// One sentence saying who or what this is.
    pub description: Text<'a>,
    /// Other words users may type for it, e.g. `jongerenwerker`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Str<'a>>,
}

/// A follow-up question with a fixed set of options.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Question<'a> {
    /// Stable ASCII id, used in `--answer ID=OPTION`.
    pub id: Str<'a>,
    /// The question as asked.
    pub text: Text<'a>,
    /// Extra explanation shown with the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text<'a>>,
    /// The possible answers.
    pub options: Vec<AnswerOption<'a>>,
    /// The option assumed in one-shot use when no answer is given; plans say it was assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assume: Option<Str<'a>>,
    /// Marks the acute-danger question, which must be asked before any other.
    #[serde(default, skip_serializing_if = "is_false")]
    pub safety: bool,
    /// Other ids users may type for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Str<'a>>,
}

/// One possible answer to a [`Question`].
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct AnswerOption<'a> {
    /// Stable ASCII id, e.g. `yes`.
    pub id: Str<'a>,
    /// Short label shown to the user.
    pub label: Text<'a>,
    /// What choosing this option means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text<'a>>,
    /// On the safety question: this answer means acute danger.
    #[serde(default, skip_serializing_if = "is_false")]
    pub urgent: bool,
    /// Other ids users may type for it, e.g. `ja`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Str<'a>>,
}

/// A concrete action for the professional.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Step<'a> {
    /// Stable ASCII id.
    pub id: Str<'a>,
    /// What to do, as an instruction.
    pub text: Text<'a>,
    /// Urgent steps open the plan, before every other step.
    #[serde(default, skip_serializing_if = "is_false")]
    pub urgent: bool,
    /// A partner this step is about, whose contact details the plan shows with the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Str<'a>>,
}

/// A piece of general advice.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Advice<'a> {
    /// Stable ASCII id.
    pub id: Str<'a>,
    /// The advice.
    pub text: Text<'a>,
}

/// A catalog entry: a partner organisation, a training or method, a resource, or a network.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Entry<'a> {
    /// Stable ASCII id.
    pub id: Str<'a>,
    /// Name, usually the same in every language.
    pub name: Text<'a>,
    /// What it offers.
    pub summary: Text<'a>,
    /// Why a professional would turn to it; a node can give a more specific reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text<'a>>,
    /// The partner that offers it (trainings, resources and networks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Str<'a>>,
    /// Public contact details; only facts from the sources.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact<'a>,
    /// Id of the [`Source`] this entry's facts come from.
    pub source: Str<'a>,
    /// When the entry was last checked against its source.
    pub reviewed: Date,
    /// `false` when a fact could not be confirmed; `caveat` says which.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
    /// What to check before relying on the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Text<'a>>,
    /// Marks the entry as a local slot: the national graph cannot name the local party, and an
    /// overlay fills it in for its area (see [`Local`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<Local<'a>>,
    /// A remark for the people who maintain the file (a starter overlay says here what belongs
    /// in the entry); never shown in plans.
    // Boxed: few entries have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<Str<'a>>>,
}

/// What makes a catalog entry a local slot: the generic route to the local party.
///
/// In a national graph the entry keeps a generic `name` and `summary` and no `contact`; an
/// overlay fills the slot by patching the entry with contact details, a local name, and a
/// `source` and `reviewed` date of its own.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Local<'a> {
    /// How a professional finds the local party while no overlay names it
    /// ("ask your municipality's front desk for ...").
    pub find: Text<'a>,
}

/// Public contact details of a catalog entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Contact<'a> {
    /// Web address (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Str<'a>>,
    /// Phone number as people dial it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Str<'a>>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Str<'a>>,
}

impl<'a> Contact<'a> {
    /// A view borrowing this contact's strings: a plan shows contacts without copying them.
    pub fn borrowed(&self) -> Contact<'_> {
        fn view<'s>(s: &'s Option<Str<'_>>) -> Option<Str<'s>> {
            s.as_deref().map(Str::from)
        }
        Contact {
            website: view(&self.website),
            phone: view(&self.phone),
            email: view(&self.email),
        }
    }

    /// A copy that owns its strings, for outputs that outlive the graph.
    pub fn to_static(&self) -> Contact<'static> {
        let own = |s: &Option<Str<'_>>| s.as_ref().map(|s| s.clone().into_owned());
        Contact {
            website: own(&self.website),
            phone: own(&self.phone),
            email: own(&self.email),
        }
    }

    /// True when no contact field is set.
    pub fn is_empty(&self) -> bool {
        self.website.is_none() && self.phone.is_none() && self.email.is_none()
    }
}

/// A node of the decision graph.
///
/// Evaluation first applies `add`, then follows `then[answer]` (or `default`) when the node
/// asks something, else `next`; a node with neither ends the walk.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Node<'a> {
    /// Stable id.
    pub id: Str<'a>,
    /// Recommendations this node puts in the plan.
    #[serde(
        default,
        deserialize_with = "super::exact::boxed",
        skip_serializing_if = "<[_]>::is_empty"
    )]
    pub add: Box<[Addition<'a>]>,
    /// A question id, or `role` / `concern`, to branch on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<Str<'a>>,
    /// Answer id to the node that follows it.
    #[serde(default, skip_serializing_if = "KeyedStrings::is_empty")]
    pub then: KeyedStrings<'a>,
    /// The node that follows an answer `then` does not list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Str<'a>>,
    /// The node that follows when this node asks nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Str<'a>>,
    /// A remark for the people who maintain the graph; never shown in plans.
    // Boxed: few nodes have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<Str<'a>>>,
}

/// One recommendation a node adds to the plan.
///
/// Read and written as [`AdditionFields`] (the shape FORMAT.md documents); in memory its `why`
/// and `when` share one box, because most additions have neither and a large graph has
/// millions of additions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    from = "AdditionFields<'a>",
    into = "AdditionFields<'a>",
    bound(deserialize = "'de: 'a")
)]
pub struct Addition<'a> {
    /// Which catalog the id refers to.
    pub kind: Kind,
    /// Id in that catalog.
    pub id: Str<'a>,
    /// Lower comes first in the plan; default 50.
    pub priority: u16,
    /// Its reason and its condition, when it has either.
    pub extra: Option<Box<AdditionExtra<'a>>>,
}

/// The rarely given parts of an [`Addition`].
#[derive(Debug, Clone, Default)]
pub struct AdditionExtra<'a> {
    /// Why this recommendation fits this path; overrides the entry's own `why`.
    pub why: Option<Text<'a>>,
    /// Only add it when every condition holds.
    pub when: Option<When<'a>>,
}

impl<'a> Addition<'a> {
    /// An addition without reason or condition.
    pub fn new(kind: Kind, id: Str<'a>, priority: u16) -> Addition<'a> {
        Addition {
            kind,
            id,
            priority,
            extra: None,
        }
    }

    /// Why this recommendation fits this path, if the node says.
    pub fn why(&self) -> Option<&Text<'a>> {
        self.extra.as_ref()?.why.as_ref()
    }

    /// Its `when`, if it has one.
    pub fn when(&self) -> Option<&When<'a>> {
        self.extra.as_ref()?.when.as_ref()
    }

    /// Sets or clears its `when`.
    pub fn set_when(&mut self, when: Option<When<'a>>) {
        let extra = self.extra.take().map(|e| *e).unwrap_or_default();
        let extra = AdditionExtra { when, ..extra };
        self.extra = (extra.why.is_some() || extra.when.is_some()).then(|| Box::new(extra));
    }
}

impl JsonSchema for Addition<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Addition".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        AdditionFields::json_schema(generator)
    }
}

/// One recommendation a node adds to the plan.
// The shape of an [`Addition`] in a rule file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
#[schemars(rename = "Addition")]
pub struct AdditionFields<'a> {
    /// Which catalog the id refers to.
    pub kind: Kind,
    /// Id in that catalog.
    pub id: Str<'a>,
    /// Lower comes first in the plan; default 50.
    #[serde(default = "default_priority")]
    pub priority: u16,
    /// Why this recommendation fits this path; overrides the entry's own `why`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text<'a>>,
    /// Only add it when every condition holds: role, concern, or answers on the path so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When<'a>>,
}

impl<'a> From<AdditionFields<'a>> for Addition<'a> {
    fn from(f: AdditionFields<'a>) -> Addition<'a> {
        let extra = (f.why.is_some() || f.when.is_some()).then(|| {
            Box::new(AdditionExtra {
                why: f.why,
                when: f.when,
            })
        });
        Addition {
            kind: f.kind,
            id: f.id,
            priority: f.priority,
            extra,
        }
    }
}

impl<'a> From<Addition<'a>> for AdditionFields<'a> {
    fn from(a: Addition<'a>) -> AdditionFields<'a> {
        let extra = a.extra.map(|e| *e).unwrap_or_default();
        AdditionFields {
            kind: a.kind,
            id: a.id,
            priority: a.priority,
            why: extra.why,
            when: extra.when,
        }
    }
}

/// The kinds of recommendation a plan holds, in the order a plan shows them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A concrete action.
    Step,
    /// An organisation to contact.
    Partner,
    /// A training or method.
    Training,
    /// A publication or tool.
    Resource,
    /// A place to share and learn.
    Network,
    /// General advice.
    Advice,
}

impl Kind {
    /// All kinds, in plan order.
    pub const ALL: [Kind; 6] = [
        Kind::Step,
        Kind::Partner,
        Kind::Training,
        Kind::Resource,
        Kind::Network,
        Kind::Advice,
    ];

    /// The id as written in rule files (`partner`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Step => "step",
            Kind::Partner => "partner",
            Kind::Training => "training",
            Kind::Resource => "resource",
            Kind::Network => "network",
            Kind::Advice => "advice",
        }
    }

    /// The top-level array of the rule file that holds this kind (`partners`).
    pub fn section(self) -> &'static str {
        match self {
            Kind::Step => "steps",
            Kind::Partner => "partners",
            Kind::Training => "trainings",
            Kind::Resource => "resources",
            Kind::Network => "networks",
            Kind::Advice => "advice",
        }
    }
}

fn default_priority() -> u16 {
    50
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_first_language() {
        let t: Text = serde_json::from_str(r#"{"nl":"hallo","en":"hello"}"#).unwrap();
        assert_eq!(t.get("en"), "hello");
        assert_eq!(t.get("de"), "hallo");
        assert!(t.has("nl") && !t.has("de"));
    }

    #[test]
    fn addition_defaults_priority() {
        let a: Addition = serde_json::from_str(r#"{"kind":"partner","id":"lse"}"#).unwrap();
        assert_eq!((a.kind, a.priority), (Kind::Partner, 50));
    }

    #[test]
    fn unknown_node_field_is_refused() {
        let err = serde_json::from_str::<Node>(r#"{"id":"a","nxt":"b"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `nxt`"), "{err}");
    }
}
