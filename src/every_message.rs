//! Every message wegwijs writes, with sample data, in every language: none is empty, and none
//! of the Dutch ones reads as English.
//!
//! The samples list each variant of each message type. `Ui`'s come from [`Ui::ALL`], declared
//! with the enum from one list; for the types with data, a new variant is added to its sample
//! list by hand.

use std::path::PathBuf;

use crate::batch::Shape as LineShape;
use crate::check::report::Summary;
use crate::cmd::Notice;
use crate::diagnostic::os_text::OsProblem;
use crate::diagnostic::serde_text::{Expected, Found, SerdeMessage, Syntax};
use crate::diagnostic::{Problem, SafetyIssue, Shape};
use crate::diff::words::Word;
use crate::engine::EngineError;
use crate::exit::{
    Cancelled, Doing, FileAction, FileError, FileProblem, QuestionnaireFailed, UsageError,
};
use crate::i18n::{Lang, Message, Ui};
use crate::plan::PlanError;
use crate::query::QueryError;
use crate::render::report::{CaseMark, TestSummary};
use crate::ruletest::CaseProblem;

/// Words that mark an English sentence. (" of ", " is " and " was " are not among them: they
/// are Dutch words too.)
const ENGLISH: &[&str] = &[
    " the ",
    " and ",
    " must ",
    " file ",
    " not ",
    " cannot ",
    " missing ",
    " with ",
    " does ",
    " expected ",
    " unknown ",
    " invalid ",
    " should ",
    " found ",
    " there ",
    " has ",
    " which ",
    " only ",
    " this ",
    " to ",
    " at ",
    " line ",
    " column ",
];

/// The words of a message that are wegwijs's own: code in backticks and quoted values (sample
/// data, ids, JSON) removed.
fn own_words(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            (Some(_), _) => {}
        }
    }
    format!(" {} ", out.to_lowercase())
}

/// A message's name (its `Debug` form) and how to say it in a language.
type Sample = (String, Box<dyn Fn(Lang) -> String>);

fn samples() -> Vec<Sample> {
    let mut all: Vec<Sample> = Vec::new();
    fn add<M: Message + std::fmt::Debug + 'static>(all: &mut Vec<Sample>, m: M) {
        let name = format!("{m:?}");
        all.push((name, Box::new(move |lang| m.in_lang(lang).to_string())));
    }
    for ui in Ui::ALL {
        add(&mut all, *ui);
    }
    let ids = || vec!["alpha".to_string(), "beta".to_string()];
    for problem in problems() {
        let name = format!("{problem:?}");
        all.push((
            name,
            Box::new(move |lang| {
                let (message, help) = problem.describe(lang);
                format!("{message}\n{}", help.unwrap_or_default())
            }),
        ));
    }
    let serde = [
        SerdeMessage::MissingField("concern".into()),
        SerdeMessage::UnknownField {
            field: "colour".into(),
            expected: ids(),
        },
        SerdeMessage::UnknownVariant {
            value: "stap".into(),
            expected: ids(),
        },
        SerdeMessage::Duplicate("id".into()),
        SerdeMessage::InvalidType {
            found: Found::Text("\"hoog\"".into()),
            expected: Expected::WholeNumber { min: 0, max: 65535 },
        },
        SerdeMessage::InvalidValue {
            found: Found::Integer("70000".into()),
            expected: Expected::WholeNumber { min: 0, max: 65535 },
        },
        SerdeMessage::InvalidLength {
            len: "1".into(),
            expected: Expected::List,
        },
        SerdeMessage::NotADate("2026-02-30".into()),
        SerdeMessage::NotAPageDate("soon".into()),
        SerdeMessage::WhenEmptyList("role".into()),
        SerdeMessage::WhenEmpty,
        SerdeMessage::NotAnObject,
    ];
    for m in serde {
        add(&mut all, m);
    }
    let founds = [
        Found::Bool("true".into()),
        Found::Integer("1".into()),
        Found::Float("1.5".into()),
        Found::Text("\"x\"".into()),
        Found::Null,
        Found::List,
        Found::Object,
    ];
    let expecteds = [
        Expected::WholeNumber { min: 0, max: 255 },
        Expected::Number,
        Expected::Text,
        Expected::Bool,
        Expected::List,
        Expected::Object,
        Expected::ObjectOfTexts,
        Expected::ObjectOfLists,
    ];
    for (found, expected) in founds.into_iter().zip(expecteds.iter().cycle()) {
        add(
            &mut all,
            SerdeMessage::InvalidType {
                found,
                expected: expected.clone(),
            },
        );
    }
    for expected in expecteds {
        add(
            &mut all,
            SerdeMessage::InvalidType {
                found: Found::Null,
                expected,
            },
        );
    }
    for s in [
        Syntax::EofValue,
        Syntax::EofString,
        Syntax::EofList,
        Syntax::EofObject,
        Syntax::ExpectedColon,
        Syntax::ExpectedCommaOrBracket,
        Syntax::ExpectedCommaOrBrace,
        Syntax::ExpectedValue,
        Syntax::ExpectedIdent,
        Syntax::ExpectedQuote,
        Syntax::InvalidEscape,
        Syntax::InvalidNumber,
        Syntax::NumberOutOfRange,
        Syntax::InvalidUnicode,
        Syntax::ControlCharacter,
        Syntax::KeyMustBeString,
        Syntax::TrailingComma,
        Syntax::TrailingCharacters,
        Syntax::RecursionLimit,
        Syntax::LoneSurrogate,
        Syntax::EndOfHexEscape,
    ] {
        add(&mut all, s);
    }
    let os = [
        OsProblem::NotFound,
        OsProblem::PermissionDenied,
        OsProblem::IsADirectory,
        OsProblem::NotADirectory,
        OsProblem::StorageFull,
        OsProblem::ReadOnly,
        OsProblem::AlreadyExists,
        OsProblem::InvalidName,
        OsProblem::NotUtf8(12),
    ];
    for p in os {
        add(&mut all, p);
    }
    let path = || PathBuf::from("regels.json");
    for u in [
        UsageError::NeedsTerminal,
        UsageError::EmptyName,
        UsageError::OutputExists(path()),
        UsageError::PageToTerminal,
        UsageError::ExtraFile(path()),
        UsageError::AnswersFile {
            path: path(),
            problem: FileProblem::Os(OsProblem::NotFound),
        },
        UsageError::AnswersFile {
            path: path(),
            problem: FileProblem::Json {
                said: SerdeMessage::MissingField("role".into()),
                field: None,
                at: (1, 2),
            },
        },
        UsageError::TestFile {
            path: path(),
            problem: FileProblem::Os(OsProblem::PermissionDenied),
        },
        UsageError::TestFile {
            path: path(),
            problem: FileProblem::Content(Box::new(crate::diagnostic::Diagnostic::new(
                Problem::MissingField {
                    field: "cases".into(),
                },
                0,
                crate::location::JsonPath::root(),
            ))),
        },
    ] {
        add(&mut all, u);
    }
    add(&mut all, Cancelled);
    add(&mut all, QuestionnaireFailed("io".into()));
    for d in [
        Doing::WritingOutput,
        Doing::WritingFile(path()),
        Doing::SavingAnswers(path()),
    ] {
        add(&mut all, d);
    }
    for action in [
        FileAction::Write,
        FileAction::CreateBeside,
        FileAction::Replace,
    ] {
        add(
            &mut all,
            FileError {
                action,
                path: path(),
                problem: OsProblem::StorageFull,
            },
        );
    }
    add(
        &mut all,
        crate::graph::ReadError {
            path: path(),
            error: std::io::Error::from(std::io::ErrorKind::NotFound),
        },
    );
    for e in [
        EngineError::Unanswered(crate::graph::Ask::Role),
        EngineError::NoStart,
        EngineError::NoBranch { node: 1 },
        EngineError::Cycle,
    ] {
        add(&mut all, e);
    }
    for q in queries() {
        add(&mut all, PlanError::Query(q.clone()));
        add(&mut all, q);
    }
    add(&mut all, PlanError::Graph(EngineError::Cycle));
    for s in [
        LineShape::NotJson(SerdeMessage::Syntax(Syntax::EofObject)),
        LineShape::NotObject,
        LineShape::MustBeString("role"),
        LineShape::AnswersObject,
        LineShape::AnswerString("acute-danger".into()),
        LineShape::ExplainBool,
        LineShape::IdType,
        LineShape::Unknown("rol".into(), vec!["role".into()]),
        LineShape::Unknown("xyz".into(), Vec::new()),
        LineShape::Twice("role".into()),
        LineShape::Missing("concern"),
        LineShape::UnknownLang("de".into()),
    ] {
        add(&mut all, s);
    }
    for c in [
        CaseProblem::NoQueryPlan(QueryError::Missing { what: "role" }),
        CaseProblem::NoGraphPlan(EngineError::Cycle),
        CaseProblem::Missing("step:call-112".into()),
        CaseProblem::Unexpected("partner:forsa".into()),
        CaseProblem::Urgent { expected: true },
        CaseProblem::FirstSteps {
            expected: ids(),
            got: ids(),
        },
        CaseProblem::UnknownKind {
            id: "parnter:lse".into(),
            kind: "parnter".into(),
        },
        CaseProblem::UnknownId {
            id: "partner:forsaa".into(),
            kind: Some("partner"),
            nearest: ids(),
        },
        CaseProblem::UnknownId {
            id: "forsaa".into(),
            kind: None,
            nearest: Vec::new(),
        },
    ] {
        add(&mut all, c);
    }
    add(
        &mut all,
        TestSummary {
            passed: 10,
            failed: 1,
            files: 2,
        },
    );
    for n in [
        Notice::ErrorLabel,
        Notice::NoCommand,
        Notice::RulesHaveErrors,
        Notice::Wrote {
            file: path(),
            slots: 3,
        },
    ] {
        add(&mut all, n);
    }
    add(&mut all, CaseMark::Passed);
    add(&mut all, CaseMark::Failed);
    add(
        &mut all,
        Summary {
            errors: 1,
            warnings: 2,
            notes: 0,
            files: 1,
        },
    );
    // The diff report's words (no `Debug` name needed beyond the variant's).
    let words = [
        Word::Title,
        Word::OldSide,
        Word::NewSide,
        Word::Summary {
            changed: 3,
            compared: 10,
        },
        Word::Breakdown {
            content: 2,
            details: 1,
        },
        Word::Basis {
            compared: 10,
            old: 8,
            new: 9,
        },
        Word::NoChanges { compared: 10 },
        Word::TooMany {
            old: 9,
            new: 9,
            limit: 5,
        },
        Word::OnlyOld { plans: 2 },
        Word::OnlyNew { plans: 2 },
        Word::Recommendations,
        Word::Entries,
        Word::Structure,
        Word::Nodes,
        Word::Endings,
        Word::AddedTo { plans: 2 },
        Word::RemovedFrom { plans: 2 },
        Word::MovedIn { plans: 2 },
        Word::ReasonIn { plans: 2 },
        Word::Added,
        Word::Removed,
        Word::Changed,
        Word::InPlans { plans: 2 },
        Word::ForExample,
        Word::NowUrgent,
        Word::NoLongerUrgent,
        Word::FirstStep,
        Word::NowAsks { question: "q" },
        Word::NoLongerAsks { question: "q" },
        Word::Nothing,
    ];
    for word in words {
        add(&mut all, word);
    }
    all
}

fn queries() -> Vec<QueryError> {
    let ids = || vec!["alpha".to_string(), "beta".to_string()];
    vec![
        QueryError::UnknownAnswer {
            what: "role".into(),
            given: "astronaut".into(),
            nearest: Vec::new(),
            valid: ids(),
            words: ids(),
        },
        QueryError::UnknownAnswer {
            what: "acute-danger".into(),
            given: "jaa".into(),
            nearest: ids(),
            valid: ids(),
            words: ids(),
        },
        QueryError::UnknownQuestion {
            given: "acute".into(),
            nearest: Vec::new(),
        },
        QueryError::Malformed {
            given: "acute".into(),
        },
        QueryError::Conflicting {
            question: "acute-danger".into(),
            first: "yes".into(),
            second: "no".into(),
        },
        QueryError::Missing { what: "concern" },
        QueryError::Unanswered {
            question: "case-stage".into(),
            options: ids(),
        },
    ]
}

fn problems() -> Vec<Problem> {
    let ids = || vec!["alpha".to_string(), "beta".to_string()];
    let s = |t: &str| t.to_string();
    vec![
        Problem::Syntax {
            detail: s("expected value at line 1 column 2"),
        },
        Problem::Invalid {
            detail: s("invalid type: string \"hoog\", expected u16"),
        },
        Problem::MissingField { field: s("start") },
        Problem::UnknownField {
            field: s("emergncy"),
            nearest: ids(),
        },
        Problem::SchemaVersion { found: s("2") },
        Problem::UnknownValue {
            value: s("stap"),
            expected: ids(),
        },
        Problem::DuplicateKey { key: s("id") },
        Problem::Unreadable {
            detail: s("No such file or directory (os error 2)"),
        },
        Problem::DuplicateId {
            kind: "node",
            id: s("a"),
        },
        Problem::BadId {
            kind: "partner",
            id: s("A B"),
        },
        Problem::Dangling {
            kind: "node",
            id: s("plna"),
            nearest: ids(),
        },
        Problem::UnknownAnswer {
            question: s("acute-danger"),
            answer: s("maybe"),
            nearest: ids(),
        },
        Problem::NodeShape {
            node: s("a"),
            shape: Shape::AskWithoutBranches,
        },
        Problem::NodeShape {
            node: s("a"),
            shape: Shape::BranchesWithoutAsk,
        },
        Problem::NodeShape {
            node: s("a"),
            shape: Shape::AskAndNext,
        },
        Problem::Cycle { nodes: ids() },
        Problem::AskedTwice {
            question: s("q"),
            node: s("n"),
        },
        Problem::NoStep { path: ids() },
        Problem::NoBranch {
            node: s("n"),
            question: s("q"),
            answer: s("a"),
            path: ids(),
        },
        Problem::MissingTranslation { lang: s("en") },
        Problem::Safety {
            issue: SafetyIssue::NoQuestion,
        },
        Problem::Safety {
            issue: SafetyIssue::Several,
        },
        Problem::Safety {
            issue: SafetyIssue::NotFirst { question: s("q") },
        },
        Problem::Safety {
            issue: SafetyIssue::NoUrgentOption,
        },
        Problem::Safety {
            issue: SafetyIssue::NoUrgentStep { path: ids() },
        },
        Problem::Empty { what: "roles" },
        Problem::OverlayBase {
            expected: s("x"),
            found: s("y"),
        },
        Problem::NotAnOverlay,
        Problem::UnknownInWhen {
            what: "role",
            id: s("x"),
            of: None,
            nearest: ids(),
        },
        Problem::UnknownInWhen {
            what: "answer",
            id: s("x"),
            of: Some(s("q")),
            nearest: Vec::new(),
        },
        Problem::SafetyPatch {
            what: "new urgent step",
            id: s("x"),
            field: s("text"),
        },
        Problem::SafetyPatch {
            what: "urgent step",
            id: s("x"),
            field: s("text"),
        },
        Problem::WhenTooComplex {
            questions: ids(),
            states: 5000,
            limit: 4096,
        },
        Problem::WhenNeverHolds {
            node: s("n"),
            addition: s("step:x"),
        },
        Problem::SourceOlderThanReview {
            id: s("x"),
            dated: s("2020-01-01"),
            reviewed: s("2026-01-01"),
            days: 2000,
            max_days: 730,
        },
        Problem::Unreachable { node: s("n") },
        Problem::Unused {
            kind: "partner",
            id: s("x"),
        },
        Problem::Stale {
            id: s("x"),
            reviewed: s("2024-01-01"),
            days: 800,
            max_days: 365,
        },
        Problem::Unverified {
            id: s("x"),
            caveat: false,
        },
        Problem::Unverified {
            id: s("x"),
            caveat: true,
        },
        Problem::BadContact {
            field: "website",
            value: s("x"),
        },
        Problem::BadContact {
            field: "email",
            value: s("x"),
        },
        Problem::BadContact {
            field: "phone",
            value: s("x"),
        },
        Problem::ControlCharacters,
        Problem::UndeclaredLanguage { lang: s("de") },
        Problem::SlotWithoutProvenance {
            id: s("x"),
            overlay: s("o"),
            missing: vec!["source", "reviewed"],
        },
        Problem::SlotContactInBase { id: s("x") },
        Problem::OpenSlot {
            kind: "partner",
            id: s("x"),
        },
    ]
}

#[test]
fn every_message_has_words_in_every_language_and_dutch_ones_are_dutch() {
    let mut wrong = Vec::new();
    for (name, say) in samples() {
        for lang in Lang::ALL {
            let text = say(lang);
            if text.trim().is_empty() {
                wrong.push(format!("{name} in {lang}: empty"));
            }
            if lang == Lang::Nl {
                let words = own_words(&text);
                if let Some(w) = ENGLISH.iter().find(|w| words.contains(*w)) {
                    wrong.push(format!("{name} in nl has English {w:?}: {text}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_english_word_list_catches_english() {
    assert_ne!(
        own_words("the file is missing"),
        own_words("het bestand ontbreekt")
    );
    assert!(
        ENGLISH
            .iter()
            .any(|w| own_words("cannot read `x`").contains(w))
    );
    assert!(
        !ENGLISH
            .iter()
            .any(|w| own_words("kan `the file` niet lezen").contains(w))
    );
}
