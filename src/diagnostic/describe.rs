//! The words of every diagnostic, in Dutch and in English: one `match` arm per problem, so a
//! new problem does not compile until it has both.

use super::{Problem, SafetyIssue, Shape};
use crate::i18n::Lang;
use crate::suggest::or_list;

impl Problem {
    /// The message and an optional hint, in `lang`.
    pub fn describe(&self, lang: Lang) -> (String, Option<String>) {
        // Values in messages come from the file, of any length: quote at most a line of each.
        let (message, help) = self.describe_whole(lang);
        let clip = |m: String| match crate::echo::clip_quoted(&m) {
            std::borrow::Cow::Borrowed(_) => m,
            std::borrow::Cow::Owned(cut) => cut,
        };
        (clip(message), help.map(clip))
    }

    fn describe_whole(&self, lang: Lang) -> (String, Option<String>) {
        let nl = lang == Lang::Nl;
        let or = if nl { "of" } else { "or" };
        let did_you_mean = |nearest: &[String]| {
            (!nearest.is_empty()).then(|| {
                if nl {
                    format!("bedoelde u {}?", or_list(nearest, or))
                } else {
                    format!("did you mean {}?", or_list(nearest, or))
                }
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
            Problem::Syntax { detail } => (
                if nl {
                    format!("geen geldige JSON: {detail}")
                } else {
                    format!("not valid JSON: {detail}")
                },
                None,
            ),
            Problem::Invalid { detail } => (
                if nl {
                    format!("ongeldige waarde: {detail}")
                } else {
                    format!("invalid value: {detail}")
                },
                None,
            ),
            Problem::MissingField { field } => (
                if nl {
                    format!("verplicht veld `{field}` ontbreekt")
                } else {
                    format!("required field `{field}` is missing")
                },
                None,
            ),
            Problem::UnknownField { field, nearest } => (
                if nl {
                    format!("onbekend veld `{field}`")
                } else {
                    format!("unknown field `{field}`")
                },
                did_you_mean(nearest),
            ),
            Problem::SchemaVersion { found } => (
                if nl {
                    format!("schema_version {found} wordt niet ondersteund")
                } else {
                    format!("schema_version {found} is not supported")
                },
                Some(if nl {
                    "deze versie van wegwijs leest schema_version 1".into()
                } else {
                    "this build of wegwijs reads schema_version 1".into()
                }),
            ),
            Problem::UnknownValue { value, expected } => (
                if nl {
                    format!("onbekende waarde `{value}`")
                } else {
                    format!("unknown value `{value}`")
                },
                Some(if nl {
                    format!("toegestaan: {}", or_list(expected, or))
                } else {
                    format!("expected {}", or_list(expected, or))
                }),
            ),
            Problem::DuplicateKey { key } => (
                if nl {
                    format!("sleutel `{key}` staat twee keer in hetzelfde object")
                } else {
                    format!("key `{key}` appears twice in one object")
                },
                None,
            ),
            Problem::Unreadable { detail } => (
                if nl {
                    format!("bestand niet leesbaar: {detail}")
                } else {
                    format!("cannot read the file: {detail}")
                },
                None,
            ),
            Problem::DuplicateId { kind, id } => (
                if nl {
                    format!("{kind}-id `{id}` komt meer dan eens voor")
                } else {
                    format!("{kind} id `{id}` is used more than once")
                },
                Some(if nl {
                    "ids en aliassen moeten uniek zijn binnen hun soort".into()
                } else {
                    "ids and aliases must be unique within their kind".into()
                }),
            ),
            Problem::BadId { kind, id } => (
                if nl {
                    format!("{kind}-id `{id}` mag alleen kleine letters, cijfers en streepjes bevatten")
                } else {
                    format!("{kind} id `{id}` may only hold lowercase letters, digits and dashes")
                },
                None,
            ),
            Problem::Dangling { kind, id, nearest } => (
                if nl {
                    format!("er is geen {kind} met id `{id}`")
                } else {
                    format!("there is no {kind} with id `{id}`")
                },
                did_you_mean(nearest),
            ),
            Problem::UnknownAnswer {
                question,
                answer,
                nearest,
            } => (
                if nl {
                    format!("`{question}` heeft geen antwoord `{answer}`")
                } else {
                    format!("`{question}` has no answer `{answer}`")
                },
                did_you_mean(nearest),
            ),
            Problem::UnknownInWhen {
                what,
                id,
                of,
                nearest,
            } => (
                match (of, nl) {
                    (Some(q), true) => format!("`when` noemt `{id}`, maar `{q}` heeft geen antwoord met die id"),
                    (Some(q), false) => format!("`when` lists `{id}`, but `{q}` has no answer with that id"),
                    (None, true) => format!("`when` noemt {what} `{id}`, maar die bestaat niet"),
                    (None, false) => format!("`when` names {what} `{id}`, which does not exist"),
                },
                did_you_mean(nearest),
            ),
            Problem::WhenTooComplex {
                questions,
                states,
                limit,
            } => (
                if nl {
                    format!(
                        "de `when`-voorwaarden noemen {} vragen ({}) met samen {states} antwoordcombinaties; de controle volgt er hoogstens {limit}",
                        questions.len(),
                        questions.join(", ")
                    )
                } else {
                    format!(
                        "the `when` conditions mention {} questions ({}) with {states} combinations of answers; the path proofs track at most {limit}",
                        questions.len(),
                        questions.join(", ")
                    )
                },
                Some(if nl {
                    "splits op `role` of `concern` in knooppunten, of noem minder vragen in `when`".into()
                } else {
                    "branch on `role` or `concern` with nodes instead, or mention fewer questions in `when`".into()
                }),
            ),
            Problem::WhenNeverHolds { node, addition } => (
                if nl {
                    format!("`when` van {addition} in knooppunt `{node}` geldt op geen enkel pad dat daar komt")
                } else {
                    format!("the `when` of {addition} in node `{node}` holds on no path that reaches it")
                },
                Some(if nl {
                    "een vraag in `when` moet op het pad ervoor (of in dit knooppunt) gesteld worden".into()
                } else {
                    "a question in `when` must be asked on the path before it (or at this node)".into()
                }),
            ),
            Problem::SourceOlderThanReview {
                id,
                dated,
                reviewed,
                days,
                max_days,
            } => (
                if nl {
                    format!("de bronpagina van `{id}` is van {dated}, {days} dagen vóór de controle op {reviewed} (grens {max_days})")
                } else {
                    format!("the source page of `{id}` is dated {dated}, {days} days before its review on {reviewed} (limit {max_days})")
                },
                Some(if nl {
                    "een controle tegen een oude pagina is geen actueel feit: zoek een recente pagina, of zet `verified` op false met een `caveat`".into()
                } else {
                    "a review against an old page is not a current fact: cite a current page, or set `verified` to false with a `caveat`".into()
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
                    if nl {
                        format!("knooppunt `{node}` {dutch}")
                    } else {
                        format!("node `{node}` {en}")
                    },
                    None,
                )
            }
            Problem::Cycle { nodes } => (
                if nl {
                    format!("kringloop in de beslisboom: {}", nodes.join(" -> "))
                } else {
                    format!("the decision graph has a cycle: {}", nodes.join(" -> "))
                },
                Some(if nl {
                    "de beslisboom moet zonder kringlopen zijn; haal één van deze verwijzingen weg".into()
                } else {
                    "the decision graph must be acyclic; remove one of these edges".into()
                }),
            ),
            Problem::AskedTwice { question, node } => (
                if nl {
                    format!("`{question}` wordt op één pad twee keer gevraagd (opnieuw in `{node}`)")
                } else {
                    format!("`{question}` can be asked twice on one path (again at `{node}`)")
                },
                None,
            ),
            Problem::NoStep { path } => (
                if nl {
                    format!("een pad eindigt zonder volgende stap{}", path_text(path))
                } else {
                    format!("a path ends without any next step{}", path_text(path))
                },
                Some(if nl {
                    "voeg op dit pad een `step` toe".into()
                } else {
                    "add a `step` somewhere on this path".into()
                }),
            ),
            Problem::NoBranch {
                node,
                question,
                answer,
                path,
            } => (
                if nl {
                    format!(
                        "knooppunt `{node}` heeft geen vervolg voor {question}={answer}{}",
                        path_text(path)
                    )
                } else {
                    format!(
                        "node `{node}` has no branch for {question}={answer}{}",
                        path_text(path)
                    )
                },
                Some(if nl {
                    format!("voeg `{answer}` toe aan `then` of geef een `default`")
                } else {
                    format!("add `{answer}` to `then` or give a `default`")
                }),
            ),
            Problem::MissingTranslation { lang } => (
                if nl {
                    format!("vertaling in `{lang}` ontbreekt")
                } else {
                    format!("translation for `{lang}` is missing")
                },
                None,
            ),
            Problem::Safety { issue } => match issue {
                SafetyIssue::NoQuestion => (
                    if nl {
                        "geen vraag is gemarkeerd als veiligheidsvraag (`\"safety\": true`)".into()
                    } else {
                        "no question is marked as the safety question (`\"safety\": true`)".into()
                    },
                    Some(if nl {
                        "acuut gevaar moet op elk pad als eerste gevraagd worden".into()
                    } else {
                        "acute danger must be asked first on every path".into()
                    }),
                ),
                SafetyIssue::Several => (
                    if nl {
                        "meer dan één vraag is gemarkeerd als veiligheidsvraag".into()
                    } else {
                        "more than one question is marked as the safety question".into()
                    },
                    None,
                ),
                SafetyIssue::NotFirst { question } => (
                    if nl {
                        format!("het startknooppunt stelt niet de veiligheidsvraag `{question}`")
                    } else {
                        format!("the start node does not ask the safety question `{question}`")
                    },
                    Some(if nl {
                        format!("laat de start `\"ask\": \"{question}\"` hebben")
                    } else {
                        format!("give the start node `\"ask\": \"{question}\"`")
                    }),
                ),
                SafetyIssue::NoUrgentOption => (
                    if nl {
                        "de veiligheidsvraag heeft geen optie met `\"urgent\": true`".into()
                    } else {
                        "the safety question has no option with `\"urgent\": true`".into()
                    },
                    None,
                ),
                SafetyIssue::NoUrgentStep { path } => (
                    if nl {
                        format!("na een acuut antwoord ontbreekt een urgente stap{}", path_text(path))
                    } else {
                        format!("a path after an urgent answer has no urgent step{}", path_text(path))
                    },
                    Some(if nl {
                        "voeg een stap met `\"urgent\": true` toe (bel 112)".into()
                    } else {
                        "add a step with `\"urgent\": true` (call 112)".into()
                    }),
                ),
            },
            Problem::Empty { what } => (
                if nl {
                    format!("`{what}` mag niet leeg zijn")
                } else {
                    format!("`{what}` must not be empty")
                },
                None,
            ),
            Problem::OverlayBase { expected, found } => (
                if nl {
                    format!("deze aanvulling is geschreven voor `{expected}`, maar de basis is `{found}`")
                } else {
                    format!("this overlay was written for `{expected}`, but the base is `{found}`")
                },
                Some(if nl {
                    "laad de juiste basis als eerste --rules-bestand, of pas `extends` aan".into()
                } else {
                    "load the right base as the first --rules file, or change `extends`".into()
                }),
            ),
            Problem::SafetyPatch { what, id, field } => (
                if *what == "new urgent step" {
                    if nl {
                        format!("deze aanvulling voegt een spoedstap `{id}` toe; alleen de basis heeft spoedstappen")
                    } else {
                        format!("this overlay adds an urgent step `{id}`; only the base graph has urgent steps")
                    }
                } else if nl {
                    let what = match *what {
                        "safety question" => "de veiligheidsvraag",
                        "urgent step" => "de spoedstap",
                        _ => "de stap",
                    };
                    format!("deze aanvulling wijzigt `{field}` van {what} `{id}` van de basis")
                } else {
                    format!("this overlay changes `{field}` of the base's {what} `{id}`")
                },
                Some(if nl {
                    "de vraag naar acuut gevaar en de spoedstappen (zoals 112 bellen) liggen vast; voeg een nieuwe, niet-urgente stap toe met een eigen id".into()
                } else {
                    "the acute-danger question and the urgent steps (such as calling 112) are fixed; add a new, non-urgent step with its own id instead".into()
                }),
            ),
            Problem::NotAnOverlay => (
                if nl {
                    "alleen het eerste --rules-bestand mag een volledige regelset zijn; dit bestand is geen aanvulling".into()
                } else {
                    "only the first --rules file may be a whole graph; this file is not an overlay".into()
                },
                Some(if nl {
                    "een aanvulling heeft een veld `\"overlay\": \"id\"`".into()
                } else {
                    "an overlay has a field `\"overlay\": \"id\"`".into()
                }),
            ),
            Problem::Unreachable { node } => (
                if nl {
                    format!("knooppunt `{node}` is vanaf de start niet bereikbaar")
                } else {
                    format!("node `{node}` cannot be reached from the start")
                },
                None,
            ),
            Problem::Unused { kind, id } => (
                if nl {
                    format!("{kind} `{id}` wordt door geen enkel pad gebruikt")
                } else {
                    format!("{kind} `{id}` is not used on any path")
                },
                None,
            ),
            Problem::Stale {
                id,
                reviewed,
                days,
                max_days,
            } => (
                if nl {
                    format!("`{id}` is sinds {reviewed} niet gecontroleerd ({days} dagen, grens {max_days})")
                } else {
                    format!("`{id}` was last reviewed {reviewed} ({days} days ago, limit {max_days})")
                },
                Some(if nl {
                    "controleer de gegevens bij de bron en werk `reviewed` bij".into()
                } else {
                    "check the facts against the source and update `reviewed`".into()
                }),
            ),
            Problem::Unverified { id, caveat } => (
                if nl {
                    format!("`{id}` is gemarkeerd als niet geverifieerd")
                } else {
                    format!("`{id}` is marked unverified")
                },
                Some(match (caveat, nl) {
                    (true, true) => "plannen tonen de `caveat`; controleer de gegevens en zet `verified` op true".into(),
                    (true, false) => "plans show its `caveat`; confirm the facts and set `verified` to true".into(),
                    (false, true) => "zeg in `caveat` wat er gecontroleerd moet worden, of controleer en zet `verified` op true".into(),
                    (false, false) => "say in `caveat` what to check, or confirm the facts and set `verified` to true".into(),
                }),
            ),
            Problem::BadContact { field, value } => (
                if nl {
                    format!("{field} `{value}` ziet er niet geldig uit")
                } else {
                    format!("{field} `{value}` does not look valid")
                },
                Some(
                    match (*field, nl) {
                        ("website", true) => "een website begint met http:// of https://",
                        ("website", false) => "a website starts with http:// or https://",
                        ("email", true) => "een e-mailadres heeft de vorm naam@domein",
                        ("email", false) => "an e-mail address looks like name@domain",
                        (_, true) => "een telefoonnummer bevat alleen cijfers, spaties, +, -, ( en )",
                        (_, false) => "a phone number holds only digits, spaces, +, -, ( and )",
                    }
                    .into(),
                ),
            ),
            Problem::ControlCharacters => (
                if nl {
                    "tekst bevat stuurtekens of terminal-escapes".into()
                } else {
                    "text contains control characters or terminal escape sequences".into()
                },
                Some(if nl {
                    "haal ze weg; wegwijs toont ze nooit rauw".into()
                } else {
                    "remove them; wegwijs never shows them raw".into()
                }),
            ),
            Problem::UndeclaredLanguage { lang } => (
                if nl {
                    format!("tekst in taal `{lang}` die de regelset niet in `languages` noemt")
                } else {
                    format!("text in language `{lang}`, which the graph's `languages` does not declare")
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
                    .join(if nl { " en " } else { " and " });
                (
                    if nl {
                        format!("overlay `{overlay}` vult de lokale plek `{id}` in zonder eigen {fields}")
                    } else {
                        format!("overlay `{overlay}` fills the local slot `{id}` without its own {fields}")
                    },
                    Some(if nl {
                        "zet in dezelfde patch `source` (een bron in `sources` van de overlay) en `reviewed` (de datum waarop u de gegevens controleerde)".into()
                    } else {
                        "set `source` (a source in the overlay's `sources`) and `reviewed` (the day you checked the details) in the same patch".into()
                    }),
                )
            }
            Problem::SlotContactInBase { id } => (
                if nl {
                    format!("lokale plek `{id}` heeft contactgegevens in de basisregelset")
                } else {
                    format!("local slot `{id}` has contact details in the base graph")
                },
                Some(if nl {
                    "een landelijke regelset kan de lokale partij niet noemen: zet de gegevens in een overlay, of haal `local` weg als de ingang landelijk is".into()
                } else {
                    "a national graph cannot name the local party: put the details in an overlay, or remove `local` if the entry is national".into()
                }),
            ),
            Problem::OpenSlot { kind, id } => (
                if nl {
                    format!("lokale plek {kind} `{id}` is niet ingevuld; plannen tonen de algemene route")
                } else {
                    format!("local slot {kind} `{id}` is not filled in; plans show the generic route")
                },
                Some(if nl {
                    "vul hem in met een overlay: `wegwijs init overlay --name \"Gemeente …\" --output overlay.json`".into()
                } else {
                    "fill it in an overlay: `wegwijs init overlay --name \"Gemeente …\" --output overlay.json`".into()
                }),
            ),
        }
    }
}
