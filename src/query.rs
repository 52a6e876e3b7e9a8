//! What a user asks: a role, a concern and answers to follow-up questions, resolved against a
//! graph, with a "did you mean" for every id that does not exist.

use std::fmt;

use crate::echo::clip;
use crate::graph::keyed::KeyedStrings;
use crate::graph::lookup::Lookup;
use crate::graph::model::{ASK_CONCERN, ASK_ROLE};
use crate::graph::{Ask, Graph};
use crate::i18n::Lang;
use crate::suggest::{self, nearest, or_list};

/// A query as the user typed it: ids or aliases, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawQuery {
    /// Role id or alias.
    pub role: Option<String>,
    /// Concern id or alias.
    pub concern: Option<String>,
    /// `(question, option)` pairs in the order given.
    pub answers: Vec<(String, String)>,
}

impl RawQuery {
    /// A query from an answers object: question ids to option ids, in which `role` and
    /// `concern` may also be given. This is the one answers format: what `ask --save-answers`
    /// writes, `plan --answers` and `ask --answers` read, and a batch line's `answers` holds.
    pub fn from_answers(answers: &KeyedStrings) -> RawQuery {
        let mut raw = RawQuery::default();
        for (question, option) in answers.iter() {
            match question {
                ASK_ROLE => raw.role = Some(option.to_owned()),
                ASK_CONCERN => raw.concern = Some(option.to_owned()),
                _ => raw.answers.push((question.to_owned(), option.to_owned())),
            }
        }
        raw
    }

    /// A query for a role and concern with answers from a JSON object (question id to option
    /// id), as rule tests give them; `role` and `concern` override those of the object.
    pub fn with_answers(role: &str, concern: &str, answers: &KeyedStrings) -> RawQuery {
        let mut raw = RawQuery::from_answers(answers);
        raw.role = Some(role.to_owned());
        raw.concern = Some(concern.to_owned());
        raw
    }

    /// Sets the role and concern that were given (as flags, or as fields of a batch line),
    /// which override those of an answers object. Returns the overridden values, so that the
    /// caller can still check that they exist.
    pub fn override_with(
        &mut self,
        role: Option<&str>,
        concern: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let replace = |slot: &mut Option<String>, new: Option<&str>| match new {
            Some(new) => slot.replace(new.to_owned()),
            None => None,
        };
        (
            replace(&mut self.role, role),
            replace(&mut self.concern, concern),
        )
    }

    /// Adds a `question=option` answer as typed on the command line.
    pub fn push_answer(&mut self, text: &str) -> Result<(), QueryError> {
        match text.split_once('=') {
            Some((q, o)) if !q.trim().is_empty() && !o.trim().is_empty() => {
                self.answers
                    .push((q.trim().to_owned(), o.trim().to_owned()));
                Ok(())
            }
            _ => Err(QueryError::Malformed {
                given: text.to_owned(),
            }),
        }
    }
}

/// A query resolved against a graph: indexes only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Index of the role, once known.
    pub role: Option<u32>,
    /// Index of the concern, once known.
    pub concern: Option<u32>,
    /// Per question (by index), the chosen option.
    pub answers: Vec<Option<u32>>,
}

impl Query {
    /// A query with nothing answered yet.
    pub fn empty(graph: &Graph) -> Query {
        Query {
            role: None,
            concern: None,
            answers: vec![None; graph.rules.questions.len()],
        }
    }

    /// The answer given to a question, if any.
    pub fn answer(&self, ask: Ask) -> Option<u32> {
        match ask {
            Ask::Role => self.role,
            Ask::Concern => self.concern,
            Ask::Question(q) => self.answers[q as usize],
        }
    }

    /// Gives (or with `None` takes back) the answer to a question.
    pub fn set_answer(&mut self, ask: Ask, answer: Option<u32>) {
        match ask {
            Ask::Role => self.role = answer,
            Ask::Concern => self.concern = answer,
            Ask::Question(q) => self.answers[q as usize] = answer,
        }
    }

    /// Resolves every id in `raw`, failing on the first unknown one.
    pub fn resolve<'g>(graph: &'g Graph, raw: &RawQuery) -> Result<Query, QueryError> {
        let mut query = Query::empty(graph);
        let ix = &graph.index;
        // The ids and first aliases of a list, looked at only when a value is not found.
        let names = |list: &'g [crate::graph::model::Choice]| {
            move || -> Vec<Name<'g>> {
                list.iter()
                    .map(|c| (&*c.id, c.aliases.first().map(|a| &**a)))
                    .collect()
            }
        };
        if let Some(role) = &raw.role {
            let roles = names(&graph.rules.roles);
            query.role = Some(find(&ix.roles, role, ASK_ROLE, roles)?);
        }
        if let Some(concern) = &raw.concern {
            let concerns = names(&graph.rules.concerns);
            query.concern = Some(find(&ix.concerns, concern, ASK_CONCERN, concerns)?);
        }
        for (q, o) in &raw.answers {
            let qi = ix
                .questions
                .find(q)
                .ok_or_else(|| QueryError::UnknownQuestion {
                    given: q.clone(),
                    nearest: nearest(q, ix.questions.keys()),
                })?;
            let question = &graph.rules.questions[qi as usize];
            let options = || -> Vec<Name> {
                question
                    .options
                    .iter()
                    .map(|o| (&*o.id, o.aliases.first().map(|a| &**a)))
                    .collect()
            };
            let oi = find(&ix.options[qi as usize], o, &question.id, options)?;
            match query.answers[qi as usize] {
                Some(prev) if prev != oi => {
                    return Err(QueryError::Conflicting {
                        question: question.id.to_string(),
                        first: question.options[prev as usize].id.to_string(),
                        second: question.options[oi as usize].id.to_string(),
                    });
                }
                _ => query.answers[qi as usize] = Some(oi),
            }
        }
        Ok(query)
    }
}

/// An item's id and its first alias (the Dutch word, by the format's convention).
type Name<'g> = (&'g str, Option<&'g str>);

/// Finds `given` among the ids and aliases of `lookup`; `names` gives every item's id and first
/// alias by index, and is asked only when `given` is not there.
///
/// When it is not there, the suggestions are the closest ids, and an alias only when it is
/// closer than every id (`ja` for `jaa`, never `y` for `maybe`); with nothing close, the error
/// lists every valid id, and in Dutch every Dutch word.
fn find<'g>(
    lookup: &Lookup,
    given: &str,
    what: &str,
    names: impl FnOnce() -> Vec<Name<'g>>,
) -> Result<u32, QueryError> {
    lookup.find(given).ok_or_else(|| {
        let names = names();
        let ids: Vec<&str> = names.iter().map(|&(id, _)| id).collect();
        let by_id = suggest::scored(given, ids.iter().copied());
        let best_id = by_id.first().map_or(0.0, |s| s.0);
        let aliases = lookup.keys().filter(|k| !ids.iter().any(|id| id == k));
        let mut all = by_id;
        all.extend(
            suggest::scored(given, aliases)
                .into_iter()
                .filter(|(score, _)| *score > best_id),
        );
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        // One suggestion per entry: `radicalisation`, not also its alias `radicalization`.
        let mut seen: Vec<u32> = Vec::new();
        let nearest = suggest::best(all)
            .into_iter()
            .filter(|key| {
                let index = lookup.find(key);
                let fresh = index.is_some_and(|i| !seen.contains(&i));
                seen.extend(index);
                fresh
            })
            .collect();
        QueryError::UnknownAnswer {
            what: what.to_owned(),
            given: given.to_owned(),
            nearest,
            valid: ids.iter().map(|id| id.to_string()).collect(),
            // The Dutch word where the first alias names the same item, else the id.
            words: names
                .iter()
                .enumerate()
                .map(|(i, &(id, first))| match first {
                    Some(word) if lookup.find(word) == Some(i as u32) => word.to_owned(),
                    _ => id.to_owned(),
                })
                .collect(),
        }
    })
}

/// A query that names something the graph does not have. Callers map it to exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// An unknown role, concern or option of a question.
    UnknownAnswer {
        /// `role`, `concern` or the question id.
        what: String,
        /// The value as typed.
        given: String,
        /// The closest valid ids and aliases.
        nearest: Vec<String>,
        /// Every valid id, in graph order.
        valid: Vec<String>,
        /// The same, each as its Dutch word (its first alias) where it has one.
        words: Vec<String>,
    },
    /// A question id that does not exist.
    UnknownQuestion {
        /// The id as typed.
        given: String,
        /// The closest question ids.
        nearest: Vec<String>,
    },
    /// An `--answer` without `=`.
    Malformed {
        /// The argument as typed.
        given: String,
    },
    /// Two different answers to one question.
    Conflicting {
        /// The question.
        question: String,
        /// The first answer.
        first: String,
        /// The other answer.
        second: String,
    },
    /// A role or concern is required but missing.
    Missing {
        /// `role` or `concern`.
        what: &'static str,
    },
    /// The path reaches a question that has no answer and nothing to assume.
    Unanswered {
        /// The question.
        question: String,
        /// Its option ids.
        options: Vec<String>,
    },
}

impl QueryError {
    /// The one-line message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let or = match lang {
            Lang::Nl => "of",
            Lang::En => "or",
        };
        match self {
            QueryError::UnknownAnswer {
                what,
                given,
                nearest,
                valid,
                words,
            } => {
                let subject = match (what.as_str(), lang) {
                    (ASK_ROLE, Lang::Nl) => "onbekende rol".to_owned(),
                    (ASK_ROLE, Lang::En) => "unknown role".to_owned(),
                    (ASK_CONCERN, Lang::Nl) => "onbekende zorg".to_owned(),
                    (ASK_CONCERN, Lang::En) => "unknown concern".to_owned(),
                    (q, Lang::Nl) => format!("onbekend antwoord op {q}:"),
                    (q, Lang::En) => format!("unknown answer to {q}:"),
                };
                // In Dutch a suggested id comes with its Dutch word first (`docent` of
                // `teacher`): the user may have typed either, and both work.
                let dutch: Vec<String> = nearest
                    .iter()
                    .flat_map(|n| match valid.iter().position(|v| v == n) {
                        Some(i) if words[i] != *n => vec![words[i].clone(), n.clone()],
                        _ => vec![n.clone()],
                    })
                    .collect();
                let hint = if !nearest.is_empty() {
                    match lang {
                        Lang::Nl => format!("bedoelde u {}?", or_list(&dutch, or)),
                        Lang::En => format!("did you mean {}?", or_list(nearest, or)),
                    }
                } else {
                    match lang {
                        Lang::Nl => format!("kies uit {}", or_list(words, or)),
                        Lang::En => format!("choose {}", or_list(valid, or)),
                    }
                };
                format!("{subject} `{}`; {hint}", clip(given))
            }
            QueryError::UnknownQuestion { given, nearest } => {
                let given = clip(given);
                let hint = match (nearest.is_empty(), lang) {
                    (false, Lang::Nl) => format!("; bedoelde u {}?", or_list(nearest, or)),
                    (false, Lang::En) => format!("; did you mean {}?", or_list(nearest, or)),
                    (true, Lang::Nl) => "; `wegwijs list questions` toont ze".to_owned(),
                    (true, Lang::En) => "; `wegwijs list questions` shows them".to_owned(),
                };
                match lang {
                    Lang::Nl => format!("onbekende vraag `{given}`{hint}"),
                    Lang::En => format!("unknown question `{given}`{hint}"),
                }
            }
            QueryError::Malformed { given } => {
                let given = clip(given);
                match lang {
                    Lang::Nl => format!(
                        "`{given}` is geen antwoord; schrijf VRAAG=OPTIE, bijvoorbeeld acuut-gevaar=nee"
                    ),
                    Lang::En => format!(
                        "`{given}` is not an answer; write QUESTION=OPTION, e.g. acute-danger=no"
                    ),
                }
            }
            QueryError::Conflicting {
                question,
                first,
                second,
            } => match lang {
                Lang::Nl => format!(
                    "{question} kreeg twee antwoorden: `{first}` en `{second}`; geef er één"
                ),
                Lang::En => {
                    format!("{question} was answered twice: `{first}` and `{second}`; give one")
                }
            },
            QueryError::Unanswered { question, options } => {
                let choices = options.join("|");
                match lang {
                    Lang::Nl => format!(
                        "deze route heeft een antwoord op `{question}` nodig: --answer {question}={choices}"
                    ),
                    Lang::En => format!(
                        "this path needs an answer to `{question}`: --answer {question}={choices}"
                    ),
                }
            }
            QueryError::Missing { what } => match lang {
                Lang::Nl => format!("geef --{what} mee; `wegwijs list {what}s` toont de keuzes"),
                Lang::En => {
                    format!("--{what} is required; `wegwijs list {what}s` shows the choices")
                }
            },
        }
    }
}

impl crate::i18n::Message for QueryError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(&self.message(lang))
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for QueryError {}
