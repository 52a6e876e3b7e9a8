//! Many queries, one per line: JSON Lines in, one JSON plan (or error object) per line out.
//!
//! The input is read and answered one line at a time, so memory stays flat however long it is.
//! Output is flushed whenever the input has nothing buffered, so a program that writes one
//! query and waits gets its answer at once, while a large file streams at full speed.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::serde_text::SerdeMessage;
use crate::echo::clip;
use crate::graph::Graph;
use crate::graph::keyed::KeyedStrings;
use crate::graph::str::Str;
use crate::i18n::{Lang, Message};
use crate::plan::{PlanError, PlanOptions, plan_for};
use crate::query::{QueryError, RawQuery};
use crate::render::Json;
use crate::suggest::{nearest, or_list};

/// One input line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct BatchQuery<'a> {
    /// Role id or alias (else the `role` of `answers`).
    #[serde(default)]
    pub role: Option<Str<'a>>,
    /// Concern id or alias (else the `concern` of `answers`).
    #[serde(default)]
    pub concern: Option<Str<'a>>,
    /// Answers: question id to option id, in the answers-file format (it may hold `role` and
    /// `concern`, which the line's own fields override).
    #[serde(default)]
    pub answers: KeyedStrings<'a>,
    /// `nl` or `en`; the command's language when absent.
    #[serde(default)]
    pub lang: Option<Str<'a>>,
    /// Include the trace.
    #[serde(default)]
    pub explain: bool,
    /// The caller's name for this query (a string or a number), echoed in its answer so that
    /// output can be matched to input however many lines were blank.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
}

/// A plan written for a query that carried an `id`: the id, then the plan's fields.
#[derive(Serialize)]
struct Answered<'p, 'g> {
    id: &'p serde_json::Value,
    #[serde(flatten)]
    plan: &'p crate::plan::Plan<'g>,
}

/// The error object written for a line that gave no plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LineError {
    /// The 1-based input line.
    pub line: u64,
    /// The query's `id` (a string or a number), when it gave a usable one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<BatchId>")]
    pub id: Option<serde_json::Value>,
    /// What went wrong.
    pub error: LineErrorBody,
}

/// What a query's `id` may be, for the schema.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum BatchId {
    Text(String),
    Number(f64),
}

/// Kind and message of a failed line.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LineErrorBody {
    /// `json` (not a query), `query` (unknown id, missing answer) or `graph` (broken graph).
    pub kind: &'static str,
    /// The message in the line's language.
    pub message: String,
}

/// Settings of a batch run.
#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Language for lines that do not say.
    pub lang: Lang,
    /// The date review ages are judged against.
    pub today: Date,
}

/// Counts of a finished run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Non-blank lines read.
    pub queries: u64,
    /// Lines that failed.
    pub failed: u64,
}

/// Answers every line of `input`, writing one line to `out` per non-blank input line.
///
/// Only I/O errors end the run early (a closed output among them); a bad line is reported on
/// its own output line and the run goes on.
pub fn run<R: Read>(
    graph: &Graph,
    input: &mut BufReader<R>,
    out: &mut dyn Write,
    opts: &BatchOptions,
) -> io::Result<BatchSummary> {
    let mut summary = BatchSummary::default();
    let mut line = Vec::new();
    // Each answer is written into this buffer and handed to `out` in one call: serde_json
    // writes a plan in hundreds of small pieces, each a dynamic call on `out` otherwise.
    let mut answer_line = Vec::with_capacity(8 * 1024);
    let mut number = 0u64;
    loop {
        if input.buffer().is_empty() {
            out.flush()?;
        }
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        summary.queries += 1;
        answer_line.clear();
        // One line per answer: the compact form of the JSON renderer, as JSON Lines asks.
        let json = Json::COMPACT;
        match answer(graph, &line, opts) {
            Ok((plan, None)) => json.write(&plan, &mut answer_line)?,
            Ok((plan, Some(id))) => {
                let answered = Answered {
                    id: &id,
                    plan: &plan,
                };
                json.write(&answered, &mut answer_line)?;
            }
            Err((body, id)) => {
                summary.failed += 1;
                let error = LineError {
                    line: number,
                    id,
                    error: body,
                };
                json.write(&error, &mut answer_line)?;
            }
        }
        out.write_all(&answer_line)?;
    }
    out.flush()?;
    Ok(summary)
}

/// What a line answers: its plan, or why there is none; either way with the query's `id`.
type Answer<'g> = Result<
    (crate::plan::Plan<'g>, Option<serde_json::Value>),
    (LineErrorBody, Option<serde_json::Value>),
>;

fn answer<'g>(graph: &'g Graph<'_>, line: &[u8], opts: &BatchOptions) -> Answer<'g> {
    // serde reads a struct from a JSON array too (`["teacher"]` as the role); a query is an
    // object.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let shape = match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
            Ok(_) => Shape::NotObject,
            Err(e) => Shape::NotJson(bare_message(&e)),
        };
        return Err((shape_error(opts.lang, shape), None));
    }
    let query: BatchQuery<'_> = match serde_json::from_slice(line) {
        Ok(q) => q,
        Err(e) => return Err(not_a_query(line, &e, opts.lang)),
    };
    let id = query.id.clone();
    if id
        .as_ref()
        .is_some_and(|v| !(v.is_string() || v.is_number()))
    {
        let body = shape_error(opts.lang, Shape::IdType);
        return Err((body, None));
    }
    answer_query(graph, &query, opts)
        .map(|plan| (plan, id.clone()))
        .map_err(|body| (body, id))
}

fn answer_query<'g>(
    graph: &'g Graph<'_>,
    query: &BatchQuery<'_>,
    opts: &BatchOptions,
) -> Result<crate::plan::Plan<'g>, LineErrorBody> {
    let lang = match query.lang.as_deref() {
        None => opts.lang,
        Some(code) => Lang::from_code(code)
            .ok_or_else(|| shape_error(opts.lang, Shape::UnknownLang(code.to_owned())))?,
    };
    let mut raw = RawQuery::from_answers(&query.answers);
    let (role, concern) = raw.override_with(query.role.as_deref(), query.concern.as_deref());
    // What the answers name must exist even when the line's own fields override it.
    let overridden = RawQuery {
        role,
        concern,
        answers: Vec::new(),
    };
    let query_error = |q: QueryError| LineErrorBody {
        kind: "query",
        message: q.message(lang),
    };
    if overridden.role.is_some() || overridden.concern.is_some() {
        crate::query::Query::resolve(graph, &overridden).map_err(query_error)?;
    }
    for (what, given) in [("role", &raw.role), ("concern", &raw.concern)] {
        if given.is_none() {
            return Err(shape_error(lang, Shape::Missing(what)));
        }
    }
    let plan_opts = PlanOptions {
        explain: query.explain,
        today: opts.today,
        ..PlanOptions::new(lang)
    };
    plan_for(graph, &raw, &plan_opts).map_err(|e| match e {
        PlanError::Query(q) => query_error(q),
        PlanError::Graph(g) => LineErrorBody {
            kind: "graph",
            message: g.in_lang(lang).to_string(),
        },
    })
}

/// What is wrong with the shape of a line, in wegwijs's words rather than serde's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// The line is not JSON: serde_json's reason, as data.
    NotJson(SerdeMessage),
    /// The line is JSON, but not an object.
    NotObject,
    /// `role`, `concern` or `lang` is not a string.
    MustBeString(&'static str),
    /// `answers` is not an object.
    AnswersObject,
    /// An answer (to the question named) is not a string.
    AnswerString(String),
    /// `explain` is not a boolean.
    ExplainBool,
    /// `id` is neither a string nor a number.
    IdType,
    /// A field a query does not have, with the nearest ones it does.
    Unknown(String, Vec<String>),
    /// A key given twice.
    Twice(String),
    /// `role` or `concern` is missing from the line and its answers.
    Missing(&'static str),
    /// `lang` names a language wegwijs does not speak.
    UnknownLang(String),
}

/// The fields a line may have, for messages.
const FIELDS: [&str; 6] = ["role", "concern", "answers", "lang", "explain", "id"];

impl Message for Shape {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let or = match lang {
            Lang::Nl => "of",
            Lang::En => "or",
        };
        match self {
            Shape::NotJson(why) => {
                let why = why.in_lang(lang);
                match lang {
                    Lang::Nl => write!(out, "geen vraag: de regel is geen JSON ({why})"),
                    Lang::En => write!(out, "not a query: the line is not JSON ({why})"),
                }
            }
            Shape::NotObject => match lang {
                Lang::Nl => out.write_str(
                    "geen vraag: een vraag is een JSON-object, {\"role\": .., \"concern\": ..}",
                ),
                Lang::En => out.write_str(
                    "not a query: a query is a JSON object, {\"role\": .., \"concern\": ..}",
                ),
            },
            Shape::MustBeString(field) => match lang {
                Lang::Nl => write!(out, "{field} moet een tekst zijn"),
                Lang::En => write!(out, "{field} must be a string"),
            },
            Shape::AnswersObject => match lang {
                Lang::Nl => {
                    out.write_str("answers moet een object van vraag-ids naar optie-ids zijn")
                }
                Lang::En => {
                    out.write_str("answers must be an object of question ids to option ids")
                }
            },
            Shape::AnswerString(q) => match lang {
                Lang::Nl => write!(
                    out,
                    "het antwoord op `{}` moet een tekst zijn (een optie-id)",
                    clip(q)
                ),
                Lang::En => write!(
                    out,
                    "the answer to `{}` must be a string (an option id)",
                    clip(q)
                ),
            },
            Shape::ExplainBool => match lang {
                Lang::Nl => out.write_str("explain moet true of false zijn"),
                Lang::En => out.write_str("explain must be true or false"),
            },
            Shape::IdType => match lang {
                Lang::Nl => out.write_str("id moet een tekst of een getal zijn"),
                Lang::En => out.write_str("id must be a string or a number"),
            },
            Shape::Unknown(field, near) => {
                let field = clip(field);
                match lang {
                    Lang::Nl => write!(out, "onbekend veld `{field}`; ")?,
                    Lang::En => write!(out, "unknown field `{field}`; ")?,
                }
                if near.is_empty() {
                    let all: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
                    match lang {
                        Lang::Nl => write!(out, "een vraag heeft {}", or_list(&all, "en")),
                        Lang::En => write!(out, "a query has {}", or_list(&all, "and")),
                    }
                } else {
                    match lang {
                        Lang::Nl => write!(out, "bedoelde u {}?", or_list(near, or)),
                        Lang::En => write!(out, "did you mean {}?", or_list(near, or)),
                    }
                }
            }
            Shape::Twice(key) => match lang {
                Lang::Nl => write!(out, "`{}` staat er twee keer in", clip(key)),
                Lang::En => write!(out, "`{}` is given twice", clip(key)),
            },
            Shape::Missing(what) => match lang {
                Lang::Nl => write!(out, "{what} ontbreekt, in de regel of in de antwoorden"),
                Lang::En => write!(out, "{what} is required, in the line or in its answers"),
            },
            Shape::UnknownLang(code) => match lang {
                Lang::Nl => write!(out, "onbekende taal `{}`; kies `nl` of `en`", clip(code)),
                Lang::En => write!(out, "unknown lang `{}`; choose `nl` or `en`", clip(code)),
            },
        }
    }
}

fn shape_error(lang: Lang, shape: Shape) -> LineErrorBody {
    LineErrorBody {
        kind: match shape {
            Shape::UnknownLang(_) => "query",
            _ => "json",
        },
        message: shape.in_lang(lang).to_string(),
    }
}

/// serde_json's reason, as data, without its position: a batch line is one line.
fn bare_message(e: &serde_json::Error) -> SerdeMessage {
    SerdeMessage::parse(&e.to_string())
}

/// Why a line is not a query, found again on the slow path: the line as a plain JSON value,
/// field by field. Also recovers the line's `id`, so that even a failed line can be matched.
fn not_a_query(
    line: &[u8],
    e: &serde_json::Error,
    lang: Lang,
) -> (LineErrorBody, Option<serde_json::Value>) {
    use serde_json::Value;
    let bare = bare_message;
    if e.is_syntax() || e.is_eof() || e.is_io() {
        return (shape_error(lang, Shape::NotJson(bare(e))), None);
    }
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(line) else {
        return match serde_json::from_slice::<Value>(line) {
            Ok(_) => (shape_error(lang, Shape::NotObject), None),
            // serde_json's Value keeps the last of two equal keys; the typed parse refuses.
            Err(e) => (shape_error(lang, Shape::NotJson(bare(&e))), None),
        };
    };
    let id = map
        .get("id")
        .filter(|v| v.is_string() || v.is_number())
        .cloned();
    let shape = if let SerdeMessage::Duplicate(key) = bare(e) {
        Shape::Twice(key)
    } else if let Some(field) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        Shape::Unknown(field.clone(), nearest(field, FIELDS))
    } else if let Some(field) = ["role", "concern", "lang"]
        .into_iter()
        .find(|f| map.get(*f).is_some_and(|v| !v.is_string() && !v.is_null()))
    {
        Shape::MustBeString(field)
    } else if let Some(answers) = map.get("answers") {
        match answers {
            Value::Object(a) => match a.iter().find(|(_, v)| !v.is_string()) {
                Some((q, _)) => Shape::AnswerString(q.clone()),
                None => Shape::NotJson(bare(e)),
            },
            _ => Shape::AnswersObject,
        }
    } else if map.get("explain").is_some_and(|v| !v.is_boolean()) {
        Shape::ExplainBool
    } else {
        Shape::NotJson(bare(e))
    };
    (shape_error(lang, shape), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_text(input: &str) -> (String, BatchSummary) {
        let graph = crate::graph::builtin();
        let mut out = Vec::new();
        let opts = BatchOptions {
            lang: Lang::En,
            today: "2026-12-01".parse().unwrap(),
        };
        let summary = run(
            &graph,
            &mut BufReader::new(input.as_bytes()),
            &mut out,
            &opts,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), summary)
    }

    #[test]
    fn one_output_line_per_query_in_order_with_errors_in_place() {
        let input = r#"{"role":"teacher","concern":"polarisation"}

{"role":"teacher","concern":"radicalisatie"}
not json
{"role":"jongerenwerker","concern":"exit","answers":{"exit-readiness":"yes"},"lang":"nl"}
"#;
        let (out, summary) = run_text(input);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["concern"]["id"], "polarisation");
        assert_eq!(lines[1]["line"], 3);
        assert_eq!(lines[1]["error"]["kind"], "query");
        assert!(
            lines[1]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("did you mean `radicalisation`")
        );
        assert_eq!(lines[2]["line"], 4);
        assert_eq!(lines[2]["error"]["kind"], "json");
        assert_eq!(lines[3]["lang"], "nl");
        assert_eq!(lines[3]["answers"]["exit-readiness"], "yes");
        assert_eq!(
            summary,
            BatchSummary {
                queries: 4,
                failed: 2
            }
        );
    }

    #[test]
    fn unknown_fields_and_languages_are_line_errors() {
        let (out, summary) = run_text(
            "{\"role\":\"teacher\",\"concern\":\"polarisation\",\"colour\":1}\n{\"role\":\"teacher\",\"concern\":\"polarisation\",\"lang\":\"de\"}\n",
        );
        assert!(
            out.lines()
                .next()
                .unwrap()
                .contains("unknown field `colour`; a query has")
        );
        assert!(out.lines().nth(1).unwrap().contains("unknown lang `de`"));
        assert_eq!(summary.failed, 2);
    }

    #[test]
    fn invalid_utf8_fails_only_its_line() {
        let graph = crate::graph::builtin();
        let mut input = b"{\"role\":\"te\xffcher\",\"concern\":\"polarisation\"}\n".to_vec();
        input.extend_from_slice(b"{\"role\":\"teacher\",\"concern\":\"polarisation\"}\n");
        let mut out = Vec::new();
        let opts = BatchOptions {
            lang: Lang::En,
            today: "2026-12-01".parse().unwrap(),
        };
        let summary = run(&graph, &mut BufReader::new(&input[..]), &mut out, &opts).unwrap();
        assert_eq!(
            summary,
            BatchSummary {
                queries: 2,
                failed: 1
            }
        );
    }
}
