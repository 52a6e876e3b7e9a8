//! The words of the diff report in each language. Every message is a [`Word`] with its data,
//! and one match per language gives its text, so a missing translation does not compile.

use crate::i18n::Lang;

/// A message of the diff report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is its own text, shown in `text`
pub enum Word<'a> {
    Title,
    OldSide,
    NewSide,
    Summary { changed: u64, compared: u64 },
    Breakdown { content: u64, details: u64 },
    Basis { compared: u64, old: u64, new: u64 },
    NoChanges { compared: u64 },
    TooMany { old: u64, new: u64, limit: u64 },
    OnlyOld { plans: u64 },
    OnlyNew { plans: u64 },
    Recommendations,
    Entries,
    Structure,
    Nodes,
    Endings,
    AddedTo { plans: u64 },
    RemovedFrom { plans: u64 },
    MovedIn { plans: u64 },
    ReasonIn { plans: u64 },
    Added,
    Removed,
    Changed,
    InPlans { plans: u64 },
    ForExample,
    NowUrgent,
    NoLongerUrgent,
    FirstStep,
    NowAsks { question: &'a str },
    NoLongerAsks { question: &'a str },
    Nothing,
}

impl Word<'_> {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match lang {
            Lang::Nl => self.nl(),
            Lang::En => self.en(),
        }
    }

    fn en(self) -> String {
        let plans = |n: u64| format!("{n} plan{}", if n == 1 { "" } else { "s" });
        match self {
            Word::Title => "Changes".into(),
            Word::OldSide => "old".into(),
            Word::NewSide => "new".into(),
            Word::Summary { changed, compared } => {
                format!(
                    "{changed} of {} answer paths give a changed plan",
                    paths(compared)
                )
            }
            Word::Breakdown { content, details } => format!(
                "{content} in what they recommend or ask, {details} only in the details of an entry they show"
            ),
            Word::Basis { compared, old, new } => format!(
                "Compared: every answer path of either graph, for the roles and concerns both have, each answered by both graphs: {compared} (the old graph has {} paths, the new {}).",
                paths(old),
                paths(new)
            ),
            Word::NoChanges { compared } => {
                format!("No changes: both graphs give the same {}.", plans(compared))
            }
            Word::TooMany { old, new, limit } => format!(
                "Too many answer paths to compare plans one by one (old graph: {}, new graph: {}; limit: {limit}, see --max-paths). Compared entries and nodes instead.",
                paths(old),
                paths(new)
            ),
            Word::OnlyOld { plans: n } => format!(
                "{} only in the old graph (for its roles and concerns the new one lacks).",
                plans(n)
            ),
            Word::OnlyNew { plans: n } => format!(
                "{} only in the new graph (for its new roles and concerns).",
                plans(n)
            ),
            Word::Recommendations => "Recommendations".into(),
            Word::Entries => "Catalog entries".into(),
            Word::Structure => "Questions, options, roles, concerns and sources".into(),
            Word::Nodes => "Nodes".into(),
            Word::Endings => "Paths that end differently".into(),
            Word::AddedTo { plans: n } => format!("added to {}", plans(n)),
            Word::RemovedFrom { plans: n } => format!("removed from {}", plans(n)),
            Word::MovedIn { plans: n } => format!("moved in {}", plans(n)),
            Word::ReasonIn { plans: n } => format!("another reason in {}", plans(n)),
            Word::Added => "added".into(),
            Word::Removed => "removed".into(),
            Word::Changed => "changed".into(),
            Word::InPlans { plans: n } => format!("in {}", plans(n)),
            Word::ForExample => "for example".into(),
            Word::NowUrgent => "now open with an urgent step".into(),
            Word::NoLongerUrgent => "no longer open with an urgent step".into(),
            Word::FirstStep => "first step".into(),
            Word::NowAsks { question } => format!("now ask {question}"),
            Word::NoLongerAsks { question } => format!("no longer ask {question}"),
            Word::Nothing => "(none)".into(),
        }
    }

    fn nl(self) -> String {
        let plans = |n: u64| format!("{n} {}", if n == 1 { "plan" } else { "plannen" });
        match self {
            Word::Title => "Wijzigingen".into(),
            Word::OldSide => "oud".into(),
            Word::NewSide => "nieuw".into(),
            Word::Summary { changed, compared } => {
                format!(
                    "{changed} van {} antwoordpaden geven een ander plan",
                    paths(compared)
                )
            }
            Word::Breakdown { content, details } => format!(
                "{content} in wat ze aanraden of vragen, {details} alleen in de gegevens van een onderdeel dat ze tonen"
            ),
            Word::Basis { compared, old, new } => format!(
                "Vergeleken: elk antwoordpad van een van beide regelsets, voor de rollen en zorgen die ze allebei hebben, door allebei beantwoord: {compared} (de oude regelset heeft {} paden, de nieuwe {}).",
                paths(old),
                paths(new)
            ),
            Word::NoChanges { compared } => {
                format!(
                    "Geen wijzigingen: beide regelsets geven dezelfde {}.",
                    plans(compared)
                )
            }
            Word::TooMany { old, new, limit } => format!(
                "Te veel antwoordpaden om de plannen een voor een te vergelijken (oude regelset: {}, nieuwe: {}; grens: {limit}, zie --max-paths). Alleen onderdelen en knooppunten vergeleken.",
                paths(old),
                paths(new)
            ),
            Word::OnlyOld { plans: n } => format!(
                "{} alleen in de oude regelset (voor rollen en zorgen die de nieuwe niet heeft).",
                plans(n)
            ),
            Word::OnlyNew { plans: n } => format!(
                "{} alleen in de nieuwe regelset (voor nieuwe rollen en zorgen).",
                plans(n)
            ),
            Word::Recommendations => "Aanbevelingen".into(),
            Word::Entries => "Onderdelen van de catalogus".into(),
            Word::Structure => "Vragen, opties, rollen, zorgen en bronnen".into(),
            Word::Nodes => "Knooppunten".into(),
            Word::Endings => "Paden die anders eindigen".into(),
            Word::AddedTo { plans: n } => format!("toegevoegd aan {}", plans(n)),
            Word::RemovedFrom { plans: n } => format!("verdwenen uit {}", plans(n)),
            Word::MovedIn { plans: n } => format!("verschoven in {}", plans(n)),
            Word::ReasonIn { plans: n } => format!("andere reden in {}", plans(n)),
            Word::Added => "toegevoegd".into(),
            Word::Removed => "verwijderd".into(),
            Word::Changed => "gewijzigd".into(),
            Word::InPlans { plans: n } => format!("in {}", plans(n)),
            Word::ForExample => "bijvoorbeeld".into(),
            Word::NowUrgent => "openen nu met een urgente stap".into(),
            Word::NoLongerUrgent => "openen niet meer met een urgente stap".into(),
            Word::FirstStep => "eerste stap".into(),
            Word::NowAsks { question } => format!("vragen nu {question}"),
            Word::NoLongerAsks { question } => format!("vragen niet meer {question}"),
            Word::Nothing => "(geen)".into(),
        }
    }
}

/// A path count; the largest count stands for "at least that many" (counts saturate).
fn paths(n: u64) -> String {
    if n == u64::MAX {
        format!("≥ {n}")
    } else {
        n.to_string()
    }
}
