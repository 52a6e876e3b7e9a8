//! Which language to speak, and the user-interface strings in each language.
//!
//! Content (labels, advice, partner descriptions) lives in the rule graph. The strings here are
//! the tool's own words: headings, prompts, hints, errors, reports. Every message is a value (a
//! variant of [`Ui`], or of an error or report type that implements [`Message`]) and every
//! variant is matched for every [`Lang`], so the compiler refuses a missing translation.
//!
//! **A new language**: add a variant to [`Lang`] (and its code to `code`/`from_code`); the
//! compiler then lists every `match` that has no words for it yet: [`Ui::get`] and each
//! `impl Message` (errors in `exit.rs`, serde's and the OS's sentences in
//! `diagnostic/serde_text.rs` and `os_text.rs`, diagnostics in `diagnostic/describe.rs`, batch
//! lines in `batch.rs`, rule tests in `ruletest.rs`, reports in `render/report.rs` and
//! `check/report.rs`). The test in `every_message.rs` then renders every message in it.

use std::fmt;

use serde::Serialize;

/// A language wegwijs speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language code used in rule graphs (`nl`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a code such as `nl` or `EN`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Chooses the language: the flag, else `WEGWIJS_LANG`, else the locale variables
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, first one set) starting with `nl`, else English.
    ///
    /// `var` reads an environment variable; tests pass a closure over a fixed map.
    pub fn detect(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        if let Some(lang) = var("WEGWIJS_LANG").as_deref().and_then(Lang::from_code) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("nl") => Lang::Nl,
            _ => Lang::En,
        }
    }
}

impl Lang {
    /// Every language wegwijs speaks, for tests that render every message in each.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The one of `words` (one per language, in the order of [`Lang::ALL`]) in this language:
    /// for tables that keep each text's words side by side. A new language changes the tuple,
    /// and the compiler then names every table entry without words.
    pub fn pick<T>(self, words: (T, T)) -> T {
        let (nl, en) = words;
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// A sentence (or phrase) wegwijs writes itself, with the data it needs, in every language.
///
/// This is the one mechanism for wegwijs's own words: each message is a value (an enum variant
/// carrying its data) and `write` renders it with an exhaustive `match lang { .. }`, so adding a
/// [`Lang`] variant stops compiling at every message until it has words. Content (labels, advice,
/// partner texts) is not a `Message`: it comes from the rule graph.
pub trait Message {
    /// Writes the message in `lang`.
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The message in `lang`, for `write!`, `format!` or `to_string`.
    fn in_lang(&self, lang: Lang) -> InLang<'_, Self> {
        InLang(self, lang)
    }
}

/// A [`Message`] with its language chosen: displays as the message in that language.
pub struct InLang<'a, M: ?Sized>(&'a M, Lang);

impl<M: Message + ?Sized> fmt::Display for InLang<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(self.1, f)
    }
}

impl Message for Ui {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.get(lang))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Declares [`Ui`] and [`Ui::ALL`] from one list, so no list of the texts can miss one.
macro_rules! ui_texts {
    ($($v:ident),* $(,)?) => {
        /// A user-interface string. `Ui::X.get(lang)` gives it in that language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)] // each variant is its own text, shown in `get`
        pub enum Ui {
            $($v),*
        }

        impl Ui {
            /// Every text, in declaration order (for tests that go through them all).
            pub const ALL: &'static [Ui] = &[$(Ui::$v),*];
        }
    };
}

ui_texts!(
    PlanTitle,
    Role,
    Concern,
    AnswersHeading,
    Assumed,
    NotUsed,
    ChangeWith,
    Urgent,
    NextSteps,
    Partners,
    Trainings,
    Resources,
    Networks,
    Advice,
    WhatTheyOffer,
    WhyNow,
    OfferedBy,
    Website,
    Phone,
    Email,
    Source,
    PageDated,
    PageUndated,
    Reviewed,
    Unverified,
    ReviewedLongAgo,
    GraphFooter,
    Because,
    ConditionMet,
    Skipped,
    Sources,
    Id,
    Label,
    Aliases,
    Description,
    Options,
    AssumedWhenMissing,
    SafetyQuestion,
    Name,
    Kind,
    AskRole,
    AskConcern,
    Back,
    ShowPlan,
    Change,
    ReviewTitle,
    KeysHelp,
    RepeatWith,
    NeedsTerminal,
    Other,
    Trace,
    Next,
    CopyPlan,
    Copied,
    Print,
    StartAgain,
    ChangeAnswers,
    Language,
    PageIntro,
    NothingStored,
    CopyFailed,
    NeedsScript,
    OpensNewWindow,
    LocalFrom,
    LocalOpen,
    Version,
    FilledBy,
    NotFilled,
    BaseContact,
);

impl Ui {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Nl};
        match (self, lang) {
            (Ui::PlanTitle, Nl) => "Verwijsplan",
            (Ui::PlanTitle, En) => "Referral plan",
            (Ui::Role, Nl) => "Rol",
            (Ui::Role, En) => "Role",
            (Ui::Concern, Nl) => "Zorg",
            (Ui::Concern, En) => "Concern",
            (Ui::AnswersHeading, Nl) => "Antwoorden",
            (Ui::AnswersHeading, En) => "Answers",
            (Ui::Assumed, Nl) => "aangenomen",
            (Ui::Assumed, En) => "assumed",
            (Ui::NotUsed, Nl) => "Niet gebruikt op dit pad",
            (Ui::NotUsed, En) => "Not used on this path",
            (Ui::ChangeWith, Nl) => "Anders? Geef het antwoord mee met",
            (Ui::ChangeWith, En) => "Different? Give the answer with",
            (Ui::Urgent, Nl) => "Eerst: acuut",
            (Ui::Urgent, En) => "First: urgent",
            (Ui::NextSteps, Nl) => "Volgende stappen",
            (Ui::NextSteps, En) => "Next steps",
            (Ui::Partners, Nl) => "Partners om te benaderen",
            (Ui::Partners, En) => "Partners to contact",
            (Ui::Trainings, Nl) => "Trainingen en methodieken",
            (Ui::Trainings, En) => "Trainings and methods",
            (Ui::Resources, Nl) => "Informatie en hulpmiddelen",
            (Ui::Resources, En) => "Resources",
            (Ui::Networks, Nl) => "Netwerken om kennis te delen",
            (Ui::Networks, En) => "Networks to share and learn",
            (Ui::Advice, Nl) => "Algemeen advies",
            (Ui::Advice, En) => "General advice",
            (Ui::WhatTheyOffer, Nl) => "Aanbod",
            (Ui::WhatTheyOffer, En) => "Offers",
            (Ui::WhyNow, Nl) => "Waarom",
            (Ui::WhyNow, En) => "Why",
            (Ui::OfferedBy, Nl) => "Aangeboden door",
            (Ui::OfferedBy, En) => "Offered by",
            (Ui::Website, Nl) => "Website",
            (Ui::Website, En) => "Website",
            (Ui::Phone, Nl) => "Telefoon",
            (Ui::Phone, En) => "Phone",
            (Ui::Email, Nl) => "E-mail",
            (Ui::Email, En) => "E-mail",
            (Ui::Source, Nl) => "Bron",
            (Ui::Source, En) => "Source",
            (Ui::PageDated, Nl) => "pagina van",
            (Ui::PageDated, En) => "page dated",
            (Ui::PageUndated, Nl) => "pagina zonder datum",
            (Ui::PageUndated, En) => "page undated",
            (Ui::Reviewed, Nl) => "gecontroleerd",
            (Ui::Reviewed, En) => "reviewed",
            (Ui::Unverified, Nl) => "niet geverifieerd",
            (Ui::Unverified, En) => "unverified",
            (Ui::ReviewedLongAgo, Nl) => "controleer of dit nog klopt",
            (Ui::ReviewedLongAgo, En) => "check that this is still correct",
            (Ui::GraphFooter, Nl) => "Regelset",
            (Ui::GraphFooter, En) => "Rule graph",
            (Ui::ConditionMet, Nl) => "voorwaarde vervuld",
            (Ui::ConditionMet, En) => "condition met",
            (Ui::Skipped, Nl) => "niet toegevoegd, voorwaarde niet vervuld",
            (Ui::Skipped, En) => "not added, condition not met",
            (Ui::Because, Nl) => "want",
            (Ui::Because, En) => "because",
            (Ui::Sources, Nl) => "Bronnen",
            (Ui::Sources, En) => "Sources",
            (Ui::Id, Nl) => "id",
            (Ui::Id, En) => "id",
            (Ui::Label, Nl) => "naam",
            (Ui::Label, En) => "label",
            (Ui::Aliases, Nl) => "ook",
            (Ui::Aliases, En) => "aliases",
            (Ui::Description, Nl) => "omschrijving",
            (Ui::Description, En) => "description",
            (Ui::Options, Nl) => "opties",
            (Ui::Options, En) => "options",
            (Ui::AssumedWhenMissing, Nl) => "aangenomen zonder antwoord",
            (Ui::AssumedWhenMissing, En) => "assumed when not given",
            (Ui::SafetyQuestion, Nl) => "veiligheidsvraag, altijd eerst",
            (Ui::SafetyQuestion, En) => "safety question, always first",
            (Ui::Name, Nl) => "naam",
            (Ui::Name, En) => "name",
            (Ui::Kind, Nl) => "soort",
            (Ui::Kind, En) => "kind",
            (Ui::AskRole, Nl) => "Wat is uw rol?",
            (Ui::AskRole, En) => "What is your role?",
            (Ui::AskConcern, Nl) => "Waar maakt u zich zorgen over, of waar zoekt u hulp bij?",
            (Ui::AskConcern, En) => "What are you worried about, or looking for help with?",
            (Ui::Back, Nl) => "← Terug naar de vorige vraag",
            (Ui::Back, En) => "← Back to the previous question",
            (Ui::ShowPlan, Nl) => "✓ Klopt, toon het plan",
            (Ui::ShowPlan, En) => "✓ Correct, show the plan",
            (Ui::Change, Nl) => "Wijzig",
            (Ui::Change, En) => "Change",
            (Ui::ReviewTitle, Nl) => "Uw antwoorden. Kloppen ze?",
            (Ui::ReviewTitle, En) => "Your answers. Are they right?",
            (Ui::KeysHelp, Nl) => "↑↓ kiezen · typ om te filteren · Enter bevestigen · Esc stoppen",
            (Ui::KeysHelp, En) => "↑↓ move · type to filter · Enter to choose · Esc to stop",
            (Ui::RepeatWith, Nl) => "Hetzelfde plan zonder vragen:",
            (Ui::RepeatWith, En) => "The same plan without the questions:",
            (Ui::Next, Nl) => "Volgende",
            (Ui::Next, En) => "Next",
            (Ui::CopyPlan, Nl) => "Kopieer het plan als tekst",
            (Ui::CopyPlan, En) => "Copy the plan as text",
            (Ui::Copied, Nl) => "Het plan staat op het klembord.",
            (Ui::Copied, En) => "The plan is on the clipboard.",
            (Ui::Print, Nl) => "Afdrukken",
            (Ui::Print, En) => "Print",
            (Ui::StartAgain, Nl) => "Opnieuw beginnen",
            (Ui::StartAgain, En) => "Start again",
            (Ui::ChangeAnswers, Nl) => "Antwoorden wijzigen",
            (Ui::ChangeAnswers, En) => "Change answers",
            (Ui::Language, Nl) => "Taal",
            (Ui::Language, En) => "Language",
            (Ui::PageIntro, Nl) => {
                "Beantwoord een paar vragen over de situatie en uw rol. U krijgt een plan: met wie u kunt samenwerken en wat u nu kunt doen."
            }
            (Ui::PageIntro, En) => {
                "Answer a few questions about the situation and your role. You get a plan: whom to work with and what to do next."
            }
            (Ui::NothingStored, Nl) => {
                "Deze pagina vraagt niets over de persoon om wie u zich zorgen maakt, en slaat niets op of verstuurt niets."
            }
            (Ui::NothingStored, En) => {
                "This page asks nothing about the person you are worried about, and stores or sends nothing."
            }
            (Ui::CopyFailed, Nl) => {
                "Kopiëren lukte niet. De tekst staat hieronder geselecteerd: kopieer hem met Ctrl+C of ⌘C."
            }
            (Ui::CopyFailed, En) => {
                "Copying did not work. The text is selected below: copy it with Ctrl+C or ⌘C."
            }
            (Ui::NeedsScript, Nl) => {
                "Deze pagina heeft JavaScript nodig. Er wordt niets verstuurd: alles gebeurt in dit bestand."
            }
            (Ui::NeedsScript, En) => {
                "This page needs JavaScript. Nothing is sent anywhere: everything happens in this file."
            }
            (Ui::OpensNewWindow, Nl) => "opent in een nieuw venster",
            (Ui::OpensNewWindow, En) => "opens in a new window",
            (Ui::LocalFrom, Nl) => "Lokale gegevens van",
            (Ui::LocalFrom, En) => "Local details from",
            (Ui::LocalOpen, Nl) => "Lokale route, nog in te vullen",
            (Ui::LocalOpen, En) => "Local route, not filled in yet",
            (Ui::Version, Nl) => "versie",
            (Ui::Version, En) => "version",
            (Ui::FilledBy, Nl) => "ingevuld door",
            (Ui::FilledBy, En) => "filled by",
            (Ui::NotFilled, Nl) => "open, zo vindt u het",
            (Ui::NotFilled, En) => "open, how to find it",
            (Ui::BaseContact, Nl) => "contactgegevens in de basisregelset (check: W011)",
            (Ui::BaseContact, En) => "contact details in the base graph (check: W011)",
            (Ui::Trace, Nl) => "Doorlopen pad",
            (Ui::Trace, En) => "Path taken",
            (Ui::Other, Nl) => "anders",
            (Ui::Other, En) => "other",
            (Ui::NeedsTerminal, Nl) => {
                "`wegwijs ask` heeft een terminal nodig; gebruik in scripts `wegwijs plan --role ROL --concern ZORG`, met `--answers BESTAND` voor vaste antwoorden"
            }
            (Ui::NeedsTerminal, En) => {
                "`wegwijs ask` needs a terminal; in scripts use `wegwijs plan --role ROLE --concern CONCERN`, with `--answers FILE` for saved answers"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn flag_wins_over_everything() {
        let e = env(&[("WEGWIJS_LANG", "en"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(Lang::detect(Some(Lang::Nl), e), Lang::Nl);
    }

    #[test]
    fn wegwijs_lang_wins_over_locale() {
        let e = env(&[("WEGWIJS_LANG", "NL"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(Lang::detect(None, e), Lang::Nl);
    }

    #[test]
    fn locale_order_is_lc_all_then_lc_messages_then_lang() {
        let e = env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "nl_NL.UTF-8")]);
        assert_eq!(Lang::detect(None, e), Lang::En);
        let e = env(&[("LC_MESSAGES", "nl_BE"), ("LANG", "en_US")]);
        assert_eq!(Lang::detect(None, e), Lang::Nl);
        let e = env(&[("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")]);
        assert_eq!(Lang::detect(None, e), Lang::Nl);
    }

    #[test]
    fn a_message_renders_in_the_language_asked() {
        assert_eq!(Ui::PlanTitle.in_lang(Lang::Nl).to_string(), "Verwijsplan");
        assert_eq!(
            format!("{}", Ui::PlanTitle.in_lang(Lang::En)),
            "Referral plan"
        );
    }

    #[test]
    fn english_by_default_and_for_unknown_wegwijs_lang() {
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
        assert_eq!(Lang::detect(None, env(&[("WEGWIJS_LANG", "de")])), Lang::En);
    }
}
