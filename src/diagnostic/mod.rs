//! Diagnostics: what is wrong with a rule graph, where, and how to fix it.
//!
//! A diagnostic is data, not a string: a [`Problem`] (which fixes its stable code and severity)
//! plus the file and JSON path of the offending value. Messages are produced in the user's
//! language only when the diagnostic is shown (`describe.rs`). Loading produces the structural
//! ones; `check` the rest.

use schemars::JsonSchema;
use serde::Serialize;

mod describe;
pub mod os_text;
pub mod serde_text;

use crate::location::{JsonPath, Position};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The graph cannot be used.
    Error,
    /// The graph works, but something deserves a look.
    Warning,
    /// Worth knowing, already handled in the graph (e.g. an unverified entry whose caveat
    /// plans show). Notes never fail a check, not even with `--deny-warnings`.
    Note,
}

/// Index of a loaded file in [`crate::graph::Sources`].
pub type SourceId = usize;

/// Something wrong with a rule graph. Each variant has one stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// E001: the file is not valid JSON.
    Syntax {
        /// What the JSON parser said.
        detail: String,
    },
    /// E002: a value has the wrong type or an invalid value.
    Invalid {
        /// What the parser said.
        detail: String,
    },
    /// E003: a required field is missing.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// E004: a field the format does not know.
    UnknownField {
        /// The field as written.
        field: String,
        /// Known field names closest to it.
        nearest: Vec<String>,
    },
    /// E005: `schema_version` is not one this build reads.
    SchemaVersion {
        /// The version in the file.
        found: String,
    },
    /// E006: a value outside a fixed set (e.g. a recommendation `kind`).
    UnknownValue {
        /// The value as written.
        value: String,
        /// Allowed values closest to it, or all of them.
        expected: Vec<String>,
    },
    /// E007: the same key twice in one JSON object.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// E008: the file cannot be read, or is not UTF-8 text.
    Unreadable {
        /// The reason.
        detail: String,
    },
    /// E010: two entries of one kind share an id or alias.
    DuplicateId {
        /// What kind of entry (`node`, `partner`, ...).
        kind: &'static str,
        /// The shared id.
        id: String,
    },
    /// E011: an id that is not lowercase ASCII letters, digits and dashes.
    BadId {
        /// What kind of entry.
        kind: &'static str,
        /// The id as written.
        id: String,
    },
    /// E012: a reference to something that does not exist.
    Dangling {
        /// What kind of thing was expected (`node`, `partner`, `question`, ...).
        kind: &'static str,
        /// The id as written.
        id: String,
        /// Existing ids closest to it.
        nearest: Vec<String>,
    },
    /// E013: a branch on an answer the asked question does not have.
    UnknownAnswer {
        /// The question (or `role` / `concern`).
        question: String,
        /// The answer as written.
        answer: String,
        /// Existing answers closest to it, or all of them.
        nearest: Vec<String>,
    },
    /// E014: a node that combines fields that do not go together.
    NodeShape {
        /// The node.
        node: String,
        /// Which combination.
        shape: Shape,
    },
    /// E015: the decision graph has a cycle.
    Cycle {
        /// The nodes on the cycle, in order, the first repeated at the end.
        nodes: Vec<String>,
    },
    /// E016: a question can be asked twice on one path.
    AskedTwice {
        /// The question.
        question: String,
        /// The node asking it the second time.
        node: String,
    },
    /// E017: a path ends in a plan without any next step.
    NoStep {
        /// The answers along the path, as `question=answer`.
        path: Vec<String>,
    },
    /// E018: an answer has no branch and the node no `default`.
    NoBranch {
        /// The node.
        node: String,
        /// The question asked there.
        question: String,
        /// The answer without a branch.
        answer: String,
        /// The answers along the path to the node, as `question=answer`.
        path: Vec<String>,
    },
    /// E019: a text lacks a language the graph declares.
    MissingTranslation {
        /// The missing language.
        lang: String,
    },
    /// E020: the acute-danger route is missing or not first.
    Safety {
        /// What is wrong with it.
        issue: SafetyIssue,
    },
    /// E021: a list that must not be empty is.
    Empty {
        /// The list.
        what: &'static str,
    },
    /// E022: an overlay written for another graph than the base it is applied to.
    OverlayBase {
        /// The graph id the overlay names in `extends`.
        expected: String,
        /// The base graph's id.
        found: String,
    },
    /// E023: a whole graph where only an overlay may stand (any file after the first).
    NotAnOverlay,
    /// E024: a `when` names a question, role, concern or option that does not exist.
    UnknownInWhen {
        /// What was expected: `question`, `role`, `concern` or `option`.
        what: &'static str,
        /// The id as written.
        id: String,
        /// For an option: the question it should answer.
        of: Option<String>,
        /// Existing ids closest to it.
        nearest: Vec<String>,
    },
    /// E026: an overlay patches the acute-danger route of its base: the safety question, an
    /// urgent step, or whether a step is urgent (a new step of its own may not be urgent
    /// either). A local file must not be able to change what
    /// wegwijs says when someone is in danger.
    SafetyPatch {
        /// What it patches: `safety question`, `urgent step`, `step` (when it sets `urgent`) or
        /// `new urgent step`.
        what: &'static str,
        /// The item's id.
        id: String,
        /// The field the patch sets or removes.
        field: String,
    },
    /// E025: the `when`s of a graph mention so many answers that the path proofs cannot stay
    /// exact within their bound.
    WhenTooComplex {
        /// The questions mentioned in `when`s.
        questions: Vec<String>,
        /// How many combinations of their answers the proofs would track.
        states: u64,
        /// The most they track.
        limit: u64,
    },
    /// W008: a `when` that no path reaching its node can satisfy: the addition never applies.
    WhenNeverHolds {
        /// The node.
        node: String,
        /// The addition, as `kind:id`.
        addition: String,
    },
    /// W009: an entry's source page is dated much earlier than the entry's review.
    SourceOlderThanReview {
        /// The entry.
        id: String,
        /// The page's date as written.
        dated: String,
        /// The entry's review date.
        reviewed: String,
        /// Days between them.
        days: i64,
        /// The allowed difference in days.
        max_days: i64,
    },
    /// W001: a node no path reaches.
    Unreachable {
        /// The node.
        node: String,
    },
    /// W002: a catalog entry or question that nothing uses.
    Unused {
        /// What kind of entry.
        kind: &'static str,
        /// Its id.
        id: String,
    },
    /// W003: an entry not reviewed for longer than allowed.
    Stale {
        /// Its id.
        id: String,
        /// Its review date.
        reviewed: String,
        /// Days since then.
        days: i64,
        /// The allowed age in days.
        max_days: i64,
    },
    /// W004 (no caveat) or N001 (with a caveat that plans show): an entry marked unverified.
    Unverified {
        /// Its id.
        id: String,
        /// Whether the entry says what to check (`caveat`).
        caveat: bool,
    },
    /// W005: a contact field that does not look like one.
    BadContact {
        /// `website`, `phone` or `email`.
        field: &'static str,
        /// The value as written.
        value: String,
    },
    /// W006: text with control characters or terminal escape sequences.
    ControlCharacters,
    /// W007: a text in a language the graph does not declare.
    UndeclaredLanguage {
        /// The language code.
        lang: String,
    },
    /// W010: an overlay fills a local slot (sets its contact details) without setting the
    /// slot's `source` and `reviewed` itself, so the national entry's provenance would vouch
    /// for local facts it never saw.
    SlotWithoutProvenance {
        /// The slot's id.
        id: String,
        /// The overlay that filled it.
        overlay: String,
        /// Which of `source` and `reviewed` the overlay left to the base.
        missing: Vec<&'static str>,
    },
    /// W011: a local slot carries contact details in a base graph, where only an overlay may
    /// name the local party.
    SlotContactInBase {
        /// The slot's id.
        id: String,
    },
    /// N002: a local slot no overlay fills; plans show the generic route to it.
    OpenSlot {
        /// What kind of entry.
        kind: &'static str,
        /// The slot's id.
        id: String,
    },
}

/// Fields of a node that do not go together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `ask` without `then` or `default`.
    AskWithoutBranches,
    /// `then` or `default` without `ask`.
    BranchesWithoutAsk,
    /// Both `ask` and `next`.
    AskAndNext,
}

/// What is wrong with the acute-danger route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SafetyIssue {
    /// No question has `"safety": true`.
    NoQuestion,
    /// More than one question has it.
    Several,
    /// The start node does not ask it.
    NotFirst {
        /// The safety question.
        question: String,
    },
    /// The safety question has no option with `"urgent": true`.
    NoUrgentOption,
    /// A path after an urgent answer has no urgent step.
    NoUrgentStep {
        /// The answers along that path.
        path: Vec<String>,
    },
}

impl Problem {
    /// The stable code, e.g. `E012`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Syntax { .. } => "E001",
            Problem::Invalid { .. } => "E002",
            Problem::MissingField { .. } => "E003",
            Problem::UnknownField { .. } => "E004",
            Problem::SchemaVersion { .. } => "E005",
            Problem::UnknownValue { .. } => "E006",
            Problem::DuplicateKey { .. } => "E007",
            Problem::Unreadable { .. } => "E008",
            Problem::DuplicateId { .. } => "E010",
            Problem::BadId { .. } => "E011",
            Problem::Dangling { .. } => "E012",
            Problem::UnknownAnswer { .. } => "E013",
            Problem::NodeShape { .. } => "E014",
            Problem::Cycle { .. } => "E015",
            Problem::AskedTwice { .. } => "E016",
            Problem::NoStep { .. } => "E017",
            Problem::NoBranch { .. } => "E018",
            Problem::MissingTranslation { .. } => "E019",
            Problem::Safety { .. } => "E020",
            Problem::Empty { .. } => "E021",
            Problem::OverlayBase { .. } => "E022",
            Problem::NotAnOverlay => "E023",
            Problem::UnknownInWhen { .. } => "E024",
            Problem::WhenTooComplex { .. } => "E025",
            Problem::SafetyPatch { .. } => "E026",
            Problem::WhenNeverHolds { .. } => "W008",
            Problem::SourceOlderThanReview { .. } => "W009",
            Problem::Unreachable { .. } => "W001",
            Problem::Unused { .. } => "W002",
            Problem::Stale { .. } => "W003",
            Problem::Unverified { caveat: false, .. } => "W004",
            Problem::Unverified { caveat: true, .. } => "N001",
            Problem::BadContact { .. } => "W005",
            Problem::ControlCharacters => "W006",
            Problem::UndeclaredLanguage { .. } => "W007",
            Problem::SlotWithoutProvenance { .. } => "W010",
            Problem::SlotContactInBase { .. } => "W011",
            Problem::OpenSlot { .. } => "N002",
        }
    }

    /// Errors make a graph unusable; warnings do not; notes are for information.
    pub fn severity(&self) -> Severity {
        match self.code().as_bytes()[0] {
            b'E' => Severity::Error,
            b'W' => Severity::Warning,
            _ => Severity::Note,
        }
    }
}

/// One problem, where it is, and (once located) at which line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong.
    pub problem: Problem,
    /// Which loaded file the offending value is in.
    pub source: Option<SourceId>,
    /// The JSON path of the offending value in that file.
    pub path: JsonPath,
    /// Line and column, filled in by [`crate::graph::Sources::locate`].
    pub position: Option<Position>,
}

impl Diagnostic {
    /// A diagnostic about the value at `path` in file `source`.
    pub fn new(problem: Problem, source: SourceId, path: JsonPath) -> Diagnostic {
        Diagnostic {
            problem,
            source: Some(source),
            path,
            position: None,
        }
    }

    /// Shorthand for `self.problem.severity()`.
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// Shorthand for `self.problem.code()`.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity() == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn codes_fix_severity() {
        assert_eq!(Problem::Cycle { nodes: vec![] }.severity(), Severity::Error);
        assert_eq!(Problem::ControlCharacters.severity(), Severity::Warning);
    }

    #[test]
    fn dangling_suggests_in_both_languages() {
        let p = Problem::Dangling {
            kind: "node",
            id: "urgnt".into(),
            nearest: vec!["urgent".into()],
        };
        let (msg, help) = p.describe(Lang::En);
        assert_eq!(msg, "there is no node with id `urgnt`");
        assert_eq!(help.as_deref(), Some("did you mean `urgent`?"));
        let (msg, help) = p.describe(Lang::Nl);
        assert_eq!(msg, "er is geen knooppunt met id `urgnt`");
        assert_eq!(help.as_deref(), Some("bedoelde u `urgent`?"));
    }
}
