//! The words of every diagnostic, in Dutch and in English: one `match` arm per problem, so a
//! new problem does not compile until it has both.

use super::os_text::OsProblem;
use super::serde_text::SerdeMessage;
use super::{Diagnostic, Problem, SafetyIssue, Shape};
use crate::i18n::{Lang, Message};
use crate::location::Seg;
use crate::suggest::or_list;

impl Diagnostic {
    /// The message and an optional hint, in `lang`: [`Problem::describe`], with a wrong value
    /// named by the field it is in (the last key of the diagnostic's path).
    pub fn describe(&self, lang: Lang) -> (String, Option<String>) {
        let field = match self.path.0.last() {
            Some(Seg::Key(key)) => Some(key.as_str()),
            _ => None,
        };
        self.problem.describe_about(lang, field)
    }
}

impl Problem {
    /// The message and an optional hint, in `lang`.
    pub fn describe(&self, lang: Lang) -> (String, Option<String>) {
        self.describe_about(lang, None)
    }

    fn describe_about(&self, lang: Lang, field: Option<&str>) -> (String, Option<String>) {
        // Values in messages come from the file, of any length: quote at most a line of each.
        let (message, help) = self.describe_whole(lang, field);
        let clip = |m: String| match crate::echo::clip_quoted(&m) {
            std::borrow::Cow::Borrowed(_) => m,
            std::borrow::Cow::Owned(cut) => cut,
        };
        (clip(message), help.map(clip))
    }

    fn describe_whole(&self, lang: Lang, field: Option<&str>) -> (String, Option<String>) {
        let or = match lang {
            Lang::Nl => "of",
            Lang::En => "or",
        };
        let did_you_mean = |nearest: &[String]| {
            (!nearest.is_empty()).then(|| match lang {
                Lang::Nl => format!("bedoelde u {}?", or_list(nearest, or)),
                Lang::En => format!("did you mean {}?", or_list(nearest, or)),
            })
        };
        let path_text = |path: &[String]| {
            if path.is_empty() {
                String::new()
            } else {
                format!(" ({})", path.join(", "))
            }
        };
        match self {
            Problem::Syntax { detail } => {
                let said = SerdeMessage::parse(detail);
                let said = said.in_lang(lang);
                (
                    match lang {
                        Lang::Nl => format!("geen geldige JSON: {said}"),
                        Lang::En => format!("not valid JSON: {said}"),
                    },
                    None,
                )
            }
            Problem::Invalid { detail } => {
                let said = SerdeMessage::parse(detail);
                (said.about(field).in_lang(lang).to_string(), None)
            }
            Problem::MissingField { field } => (
                match lang {
                    Lang::Nl => format!("verplicht veld `{field}` ontbreekt"),
                    Lang::En => format!("required field `{field}` is missing"),
                },
                None,
            ),
            Problem::UnknownField { field, nearest } => (
                match lang {
                    Lang::Nl => format!("onbekend veld `{field}`"),
                    Lang::En => format!("unknown field `{field}`"),
                },
                did_you_mean(nearest),
            ),
            Problem::SchemaVersion { found } => (
                match lang {
                    Lang::Nl => format!("schema_version {found} wordt niet ondersteund"),
                    Lang::En => format!("schema_version {found} is not supported"),
                },
                Some(match lang {
                    Lang::Nl => "deze versie van wegwijs leest schema_version 1".into(),
                    Lang::En => "this build of wegwijs reads schema_version 1".into(),
                }),
            ),
            Problem::UnknownValue { value, expected } => (
                match lang {
                    Lang::Nl => format!("onbekende waarde `{value}`"),
                    Lang::En => format!("unknown value `{value}`"),
                },
                Some(match lang {
                    Lang::Nl => format!("toegestaan: {}", or_list(expected, or)),
                    Lang::En => format!("expected {}", or_list(expected, or)),
                }),
            ),
            Problem::DuplicateKey { key } => (
                match lang {
                    Lang::Nl => format!("sleutel `{key}` staat twee keer in hetzelfde object"),
                    Lang::En => format!("key `{key}` appears twice in one object"),
                },
                None,
            ),
            Problem::Unreadable { detail } => {
                let why = OsProblem::parse(detail);
                let why = why.in_lang(lang);
                (
                    match lang {
                        Lang::Nl => format!("bestand niet leesbaar: {why}"),
                        Lang::En => format!("cannot read the file: {why}"),
                    },
                    None,
                )
            }
            Problem::DuplicateId { kind, id } => (
                match lang {
                    Lang::Nl => format!("{}-id `{id}` komt meer dan eens voor", kind_word(kind, lang)),
                    Lang::En => format!("{kind} id `{id}` is used more than once"),
                },
                Some(match lang {
                    Lang::Nl => "ids en aliassen moeten uniek zijn binnen hun soort".into(),
                    Lang::En => "ids and aliases must be unique within their kind".into(),
                }),
            ),
            Problem::BadId { kind, id } => (
                match lang {
                    Lang::Nl => format!("{}-id `{id}` mag alleen kleine letters, cijfers en streepjes bevatten", kind_word(kind, lang)),
                    Lang::En => format!("{kind} id `{id}` may only hold lowercase letters, digits and dashes"),
                },
                None,
            ),
            Problem::Dangling { kind, id, nearest } => (
                match lang {
                    Lang::Nl => format!("er is geen {} met id `{id}`", kind_word(kind, lang)),
                    Lang::En => format!("there is no {kind} with id `{id}`"),
                },
                did_you_mean(nearest),
            ),
            Problem::UnknownAnswer {
                question,
                answer,
                nearest,
            } => (
                match lang {
                    Lang::Nl => format!("`{question}` heeft geen antwoord `{answer}`"),
                    Lang::En => format!("`{question}` has no answer `{answer}`"),
                },
                did_you_mean(nearest),
            ),
            Problem::UnknownInWhen {
                what,
                id,
                of,
                nearest,
            } => (
                match (of, lang) {
                    (Some(q), Lang::Nl) => format!("`when` noemt `{id}`, maar `{q}` heeft geen antwoord met die id"),
                    (Some(q), Lang::En) => format!("`when` lists `{id}`, but `{q}` has no answer with that id"),
                    (None, Lang::Nl) => format!("`when` noemt {} `{id}`, maar die bestaat niet", kind_word(what, lang)),
                    (None, Lang::En) => format!("`when` names {what} `{id}`, which does not exist"),
                },
                did_you_mean(nearest),
            ),
            Problem::WhenTooComplex {
                questions,
                states,
                limit,
            } => (
                match lang {
                    Lang::Nl => format!(
                        "de `when`-voorwaarden noemen {} vragen ({}) met samen {states} antwoordcombinaties; de controle volgt er hoogstens {limit}",
                        questions.len(),
                        questions.join(", ")
                    ),
                    Lang::En => format!(
                        "the `when` conditions mention {} questions ({}) with {states} combinations of answers; the path proofs track at most {limit}",
                        questions.len(),
                        questions.join(", ")
                    ),
                },
                Some(match lang {
                    Lang::Nl => "splits op `role` of `concern` in knooppunten, of noem minder vragen in `when`".into(),
                    Lang::En => "branch on `role` or `concern` with nodes instead, or mention fewer questions in `when`".into(),
                }),
            ),
            Problem::WhenNeverHolds { node, addition } => (
                match lang {
                    Lang::Nl => format!("`when` van {addition} in knooppunt `{node}` geldt op geen enkel pad dat daar komt"),
                    Lang::En => format!("the `when` of {addition} in node `{node}` holds on no path that reaches it"),
                },
                Some(match lang {
                    Lang::Nl => "een vraag in `when` moet op het pad ervoor (of in dit knooppunt) gesteld worden".into(),
                    Lang::En => "a question in `when` must be asked on the path before it (or at this node)".into(),
                }),
            ),
            Problem::SourceOlderThanReview {
                id,
                dated,
                reviewed,
                days,
                max_days,
            } => (
                match lang {
                    Lang::Nl => format!("de bronpagina van `{id}` is van {dated}, {days} dagen vóór de controle op {reviewed} (grens {max_days})"),
                    Lang::En => format!("the source page of `{id}` is dated {dated}, {days} days before its review on {reviewed} (limit {max_days})"),
                },
                Some(match lang {
                    Lang::Nl => "een controle tegen een oude pagina is geen actueel feit: zoek een recente pagina, of zet `verified` op false met een `caveat`".into(),
                    Lang::En => "a review against an old page is not a current fact: cite a current page, or set `verified` to false with a `caveat`".into(),
                }),
            ),
            Problem::NodeShape { node, shape } => {
                let (en, dutch) = match shape {
                    Shape::AskWithoutBranches => (
                        "asks a question but has neither `then` nor `default`",
                        "stelt een vraag maar heeft geen `then` of `default`",
                    ),
                    Shape::BranchesWithoutAsk => (
                        "has `then` or `default` but asks nothing",
                        "heeft `then` of `default` maar stelt geen vraag",
                    ),
                    Shape::AskAndNext => (
                        "has both `ask` and `next`",
                        "heeft zowel `ask` als `next`",
                    ),
                };
                (
                    match lang {
                        Lang::Nl => format!("knooppunt `{node}` {dutch}"),
                        Lang::En => format!("node `{node}` {en}"),
                    },
                    None,
                )
            }
            Problem::Cycle { nodes } => (
                match lang {
                    Lang::Nl => format!("kringloop in de beslisboom: {}", nodes.join(" -> ")),
                    Lang::En => format!("the decision graph has a cycle: {}", nodes.join(" -> ")),
                },
                Some(match lang {
                    Lang::Nl => "de beslisboom moet zonder kringlopen zijn; haal één van deze verwijzingen weg".into(),
                    Lang::En => "the decision graph must be acyclic; remove one of these edges".into(),
                }),
            ),
            Problem::AskedTwice { question, node } => (
                match lang {
                    Lang::Nl => format!("`{question}` wordt op één pad twee keer gevraagd (opnieuw in `{node}`)"),
                    Lang::En => format!("`{question}` can be asked twice on one path (again at `{node}`)"),
                },
                None,
            ),
            Problem::NoStep { path } => (
                match lang {
                    Lang::Nl => format!("een pad eindigt zonder volgende stap{}", path_text(path)),
                    Lang::En => format!("a path ends without any next step{}", path_text(path)),
                },
                Some(match lang {
                    Lang::Nl => "voeg op dit pad een `step` toe".into(),
                    Lang::En => "add a `step` somewhere on this path".into(),
                }),
            ),
            Problem::NoBranch {
                node,
                question,
                answer,
                path,
            } => (
                match lang {
                    Lang::Nl => format!(
                        "knooppunt `{node}` heeft geen vervolg voor {question}={answer}{}",
                        path_text(path)
                    ),
                    Lang::En => format!(
                        "node `{node}` has no branch for {question}={answer}{}",
                        path_text(path)
                    ),
                },
                Some(match lang {
                    Lang::Nl => format!("voeg `{answer}` toe aan `then` of geef een `default`"),
                    Lang::En => format!("add `{answer}` to `then` or give a `default`"),
                }),
            ),
            Problem::MissingTranslation { lang: code } => (
                match lang {
                    Lang::Nl => format!("vertaling in `{code}` ontbreekt"),
                    Lang::En => format!("translation for `{code}` is missing"),
                },
                None,
            ),
            Problem::Safety { issue } => match issue {
                SafetyIssue::NoQuestion => (
                    match lang {
                        Lang::Nl => "geen vraag is gemarkeerd als veiligheidsvraag (`\"safety\": true`)".into(),
                        Lang::En => "no question is marked as the safety question (`\"safety\": true`)".into(),
                    },
                    Some(match lang {
                        Lang::Nl => "acuut gevaar moet op elk pad als eerste gevraagd worden".into(),
                        Lang::En => "acute danger must be asked first on every path".into(),
                    }),
                ),
                SafetyIssue::Several => (
                    match lang {
                        Lang::Nl => "meer dan één vraag is gemarkeerd als veiligheidsvraag".into(),
                        Lang::En => "more than one question is marked as the safety question".into(),
                    },
                    None,
                ),
                SafetyIssue::NotFirst { question } => (
                    match lang {
                        Lang::Nl => format!("het startknooppunt stelt niet de veiligheidsvraag `{question}`"),
                        Lang::En => format!("the start node does not ask the safety question `{question}`"),
                    },
                    Some(match lang {
                        Lang::Nl => format!("laat de start `\"ask\": \"{question}\"` hebben"),
                        Lang::En => format!("give the start node `\"ask\": \"{question}\"`"),
                    }),
                ),
                SafetyIssue::NoUrgentOption => (
                    match lang {
                        Lang::Nl => "de veiligheidsvraag heeft geen optie met `\"urgent\": true`".into(),
                        Lang::En => "the safety question has no option with `\"urgent\": true`".into(),
                    },
                    None,
                ),
                SafetyIssue::NoUrgentStep { path } => (
                    match lang {
                        Lang::Nl => format!("na een acuut antwoord ontbreekt een urgente stap{}", path_text(path)),
                        Lang::En => format!("a path after an urgent answer has no urgent step{}", path_text(path)),
                    },
                    Some(match lang {
                        Lang::Nl => "voeg een stap met `\"urgent\": true` toe (bel 112)".into(),
                        Lang::En => "add a step with `\"urgent\": true` (call 112)".into(),
                    }),
                ),
            },
            Problem::Empty { what } => (
                match lang {
                    Lang::Nl => format!("`{what}` mag niet leeg zijn"),
                    Lang::En => format!("`{what}` must not be empty"),
                },
                None,
            ),
            Problem::OverlayBase { expected, found } => (
                match lang {
                    Lang::Nl => format!("deze aanvulling is geschreven voor `{expected}`, maar de basis is `{found}`"),
                    Lang::En => format!("this overlay was written for `{expected}`, but the base is `{found}`"),
                },
                Some(match lang {
                    Lang::Nl => "laad de juiste basis als eerste --rules-bestand, of pas `extends` aan".into(),
                    Lang::En => "load the right base as the first --rules file, or change `extends`".into(),
                }),
            ),
            Problem::SafetyPatch { what, id, field } => (
                if *what == "new urgent step" {
                    match lang {
                        Lang::Nl => format!("deze aanvulling voegt een spoedstap `{id}` toe; alleen de basis heeft spoedstappen"),
                        Lang::En => format!("this overlay adds an urgent step `{id}`; only the base graph has urgent steps"),
                    }
                } else {
                    match lang {
                        Lang::Nl => {
                            let what = match *what {
                                "safety question" => "de veiligheidsvraag",
                                "urgent step" => "de spoedstap",
                                _ => "de stap",
                            };
                            format!("deze aanvulling wijzigt `{field}` van {what} `{id}` van de basis")
                        }
                        Lang::En => format!("this overlay changes `{field}` of the base's {what} `{id}`"),
                    }
                },
                Some(match lang {
                    Lang::Nl => "de vraag naar acuut gevaar en de spoedstappen (zoals 112 bellen) liggen vast; voeg een nieuwe, niet-urgente stap toe met een eigen id".into(),
                    Lang::En => "the acute-danger question and the urgent steps (such as calling 112) are fixed; add a new, non-urgent step with its own id instead".into(),
                }),
            ),
            Problem::NotAnOverlay => (
                match lang {
                    Lang::Nl => "alleen het eerste --rules-bestand mag een volledige regelset zijn; dit bestand is geen aanvulling".into(),
                    Lang::En => "only the first --rules file may be a whole graph; this file is not an overlay".into(),
                },
                Some(match lang {
                    Lang::Nl => "een aanvulling heeft een veld `\"overlay\": \"id\"`".into(),
                    Lang::En => "an overlay has a field `\"overlay\": \"id\"`".into(),
                }),
            ),
            Problem::Unreachable { node } => (
                match lang {
                    Lang::Nl => format!("knooppunt `{node}` is vanaf de start niet bereikbaar"),
                    Lang::En => format!("node `{node}` cannot be reached from the start"),
                },
                None,
            ),
            Problem::Unused { kind, id } => (
                match lang {
                    Lang::Nl => format!("{} `{id}` wordt door geen enkel pad gebruikt", kind_word(kind, lang)),
                    Lang::En => format!("{kind} `{id}` is not used on any path"),
                },
                None,
            ),
            Problem::Stale {
                id,
                reviewed,
                days,
                max_days,
            } => (
                match lang {
                    Lang::Nl => format!("`{id}` is sinds {reviewed} niet gecontroleerd ({days} dagen, grens {max_days})"),
                    Lang::En => format!("`{id}` was last reviewed {reviewed} ({days} days ago, limit {max_days})"),
                },
                Some(match lang {
                    Lang::Nl => "controleer de gegevens bij de bron en werk `reviewed` bij".into(),
                    Lang::En => "check the facts against the source and update `reviewed`".into(),
                }),
            ),
            Problem::Unverified { id, caveat } => (
                match lang {
                    Lang::Nl => format!("`{id}` is gemarkeerd als niet geverifieerd"),
                    Lang::En => format!("`{id}` is marked unverified"),
                },
                Some(match (caveat, lang) {
                    (true, Lang::Nl) => "plannen tonen de `caveat`; controleer de gegevens en zet `verified` op true".into(),
                    (true, Lang::En) => "plans show its `caveat`; confirm the facts and set `verified` to true".into(),
                    (false, Lang::Nl) => "zeg in `caveat` wat er gecontroleerd moet worden, of controleer en zet `verified` op true".into(),
                    (false, Lang::En) => "say in `caveat` what to check, or confirm the facts and set `verified` to true".into(),
                }),
            ),
            Problem::BadContact { field, value } => (
                match lang {
                    Lang::Nl => format!("{} `{value}` ziet er niet geldig uit", kind_word(field, lang)),
                    Lang::En => format!("{field} `{value}` does not look valid"),
                },
                Some(
                    match (*field, lang) {
                        ("website", Lang::Nl) => "een website begint met http:// of https://",
                        ("website", Lang::En) => "a website starts with http:// or https://",
                        ("email", Lang::Nl) => "een e-mailadres heeft de vorm naam@domein",
                        ("email", Lang::En) => "an e-mail address looks like name@domain",
                        (_, Lang::Nl) => "een telefoonnummer bevat alleen cijfers, spaties, +, -, ( en )",
                        (_, Lang::En) => "a phone number holds only digits, spaces, +, -, ( and )",
                    }
                    .into(),
                ),
            ),
            Problem::ControlCharacters => (
                match lang {
                    Lang::Nl => "tekst bevat stuurtekens of terminal-escapes".into(),
                    Lang::En => "text contains control characters or terminal escape sequences".into(),
                },
                Some(match lang {
                    Lang::Nl => "haal ze weg; wegwijs toont ze nooit rauw".into(),
                    Lang::En => "remove them; wegwijs never shows them raw".into(),
                }),
            ),
            Problem::UndeclaredLanguage { lang: code } => (
                match lang {
                    Lang::Nl => format!("tekst in taal `{code}` die de regelset niet in `languages` noemt"),
                    Lang::En => format!("text in language `{code}`, which the graph's `languages` does not declare"),
                },
                None,
            ),
            Problem::SlotWithoutProvenance {
                id,
                overlay,
                missing,
            } => {
                let fields = missing
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(match lang {
                        Lang::Nl => " en ",
                        Lang::En => " and ",
                    });
                (
                    match lang {
                        Lang::Nl => format!("overlay `{overlay}` vult de lokale plek `{id}` in zonder eigen {fields}"),
                        Lang::En => format!("overlay `{overlay}` fills the local slot `{id}` without its own {fields}"),
                    },
                    Some(match lang {
                        Lang::Nl => "zet in dezelfde patch `source` (een bron in `sources` van de overlay) en `reviewed` (de datum waarop u de gegevens controleerde)".into(),
                        Lang::En => "set `source` (a source in the overlay's `sources`) and `reviewed` (the day you checked the details) in the same patch".into(),
                    }),
                )
            }
            Problem::SlotContactInBase { id } => (
                match lang {
                    Lang::Nl => format!("lokale plek `{id}` heeft contactgegevens in de basisregelset"),
                    Lang::En => format!("local slot `{id}` has contact details in the base graph"),
                },
                Some(match lang {
                    Lang::Nl => "een landelijke regelset kan de lokale partij niet noemen: zet de gegevens in een overlay, of haal `local` weg als de ingang landelijk is".into(),
                    Lang::En => "a national graph cannot name the local party: put the details in an overlay, or remove `local` if the entry is national".into(),
                }),
            ),
            Problem::OpenSlot { kind, id } => (
                match lang {
                    Lang::Nl => format!("lokale plek {} `{id}` is niet ingevuld; plannen tonen de algemene route", kind_word(kind, lang)),
                    Lang::En => format!("local slot {kind} `{id}` is not filled in; plans show the generic route"),
                },
                Some(match lang {
                    Lang::Nl => "vul hem in met een overlay: `wegwijs init overlay --name \"Gemeente …\" --output overlay.json`".into(),
                    Lang::En => "fill it in an overlay: `wegwijs init overlay --name \"Gemeente …\" --output overlay.json`".into(),
                }),
            ),
        }
    }
}

/// The word for a kind of entry (`node`, `partner`, `question`, ...) or a contact field in
/// `lang`: the graph's own names are English, the Dutch messages use Dutch nouns.
fn kind_word(kind: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => kind,
        Lang::Nl => match kind {
            "node" => "knooppunt",
            "step" => "stap",
            "advice" => "advies",
            "partner" => "partner",
            "training" => "training",
            "resource" => "hulpmiddel",
            "network" => "netwerk",
            "question" => "vraag",
            "option" => "optie",
            "source" => "bron",
            "role" => "rol",
            "concern" => "zorg",
            "website" => "website",
            "email" => "e-mailadres",
            "phone" => "telefoonnummer",
            other => other,
        },
    }
}
