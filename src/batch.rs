//! Many queries, one per line: JSON Lines in, one JSON plan (or error object) per line out.
//!
//! The input is read and answered one line at a time, so memory stays flat however long it is.
//! Output is flushed whenever the input has nothing buffered, so a program that writes one
//! query and waits gets its answer at once, while a large file streams at full speed.

use std::io::{self, BufRead, BufReader, Read, Write};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::echo::clip;
use crate::graph::Graph;
use crate::graph::keyed::KeyedStrings;
use crate::graph::str::Str;
use crate::i18n::Lang;
use crate::plan::{PlanError, PlanOptions, plan_for};
use crate::query::{QueryError, RawQuery};
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
        match answer(graph, &line, opts) {
            Ok((plan, None)) => serde_json::to_writer(&mut answer_line, &plan)?,
            Ok((plan, Some(id))) => {
                serde_json::to_writer(
                    &mut answer_line,
                    &Answered {
                        id: &id,
                        plan: &plan,
                    },
                )?;
            }
            Err((body, id)) => {
                summary.failed += 1;
                serde_json::to_writer(
                    &mut answer_line,
                    &LineError {
                        line: number,
                        id,
                        error: body,
                    },
                )?;
            }
        }
        answer_line.push(b'\n');
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
        Some(code) => Lang::from_code(code).ok_or_else(|| LineErrorBody {
            kind: "query",
            message: match opts.lang {
                Lang::Nl => format!("onbekende taal `{}`; kies `nl` of `en`", clip(code)),
                Lang::En => format!("unknown lang `{}`; choose `nl` or `en`", clip(code)),
            },
        })?,
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
            message: g.to_string(),
        },
    })
}

/// What is wrong with the shape of a line, in wegwijs's words rather than serde's.
enum Shape {
    NotJson(String),
    NotObject,
    MustBeString(&'static str),
    AnswersObject,
    AnswerString(String),
    ExplainBool,
    IdType,
    Unknown(String, Vec<String>),
    Twice(String),
    Missing(&'static str),
}

/// The fields a line may have, for messages.
const FIELDS: [&str; 6] = ["role", "concern", "answers", "lang", "explain", "id"];

fn shape_error(lang: Lang, shape: Shape) -> LineErrorBody {
    let nl = lang == Lang::Nl;
    let or = if nl { "of" } else { "or" };
    let message = match (shape, nl) {
        (Shape::NotJson(why), false) => format!("not a query: the line is not JSON ({why})"),
        (Shape::NotJson(why), true) => format!("geen vraag: de regel is geen JSON ({why})"),
        (Shape::NotObject, false) => {
            "not a query: a query is a JSON object, {\"role\": .., \"concern\": ..}".to_owned()
        }
        (Shape::NotObject, true) => {
            "geen vraag: een vraag is een JSON-object, {\"role\": .., \"concern\": ..}".to_owned()
        }
        (Shape::MustBeString(field), false) => format!("{field} must be a string"),
        (Shape::MustBeString(field), true) => format!("{field} moet een tekst zijn"),
        (Shape::AnswersObject, false) => {
            "answers must be an object of question ids to option ids".to_owned()
        }
        (Shape::AnswersObject, true) => {
            "answers moet een object van vraag-ids naar optie-ids zijn".to_owned()
        }
        (Shape::AnswerString(q), false) => {
            format!(
                "the answer to `{}` must be a string (an option id)",
                clip(&q)
            )
        }
        (Shape::AnswerString(q), true) => {
            format!(
                "het antwoord op `{}` moet een tekst zijn (een optie-id)",
                clip(&q)
            )
        }
        (Shape::ExplainBool, false) => "explain must be true or false".to_owned(),
        (Shape::ExplainBool, true) => "explain moet true of false zijn".to_owned(),
        (Shape::IdType, false) => "id must be a string or a number".to_owned(),
        (Shape::IdType, true) => "id moet een tekst of een getal zijn".to_owned(),
        (Shape::Unknown(field, near), nl) => {
            let hint = if near.is_empty() {
                let all: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
                if nl {
                    format!("een vraag heeft {}", or_list(&all, "en"))
                } else {
                    format!("a query has {}", or_list(&all, "and"))
                }
            } else if nl {
                format!("bedoelde u {}?", or_list(&near, or))
            } else {
                format!("did you mean {}?", or_list(&near, or))
            };
            if nl {
                format!("onbekend veld `{}`; {hint}", clip(&field))
            } else {
                format!("unknown field `{}`; {hint}", clip(&field))
            }
        }
        (Shape::Twice(key), false) => format!("`{}` is given twice", clip(&key)),
        (Shape::Twice(key), true) => format!("`{}` staat er twee keer in", clip(&key)),
        (Shape::Missing(what), false) => {
            format!("{what} is required, in the line or in its answers")
        }
        (Shape::Missing(what), true) => {
            format!("{what} ontbreekt, in de regel of in de antwoorden")
        }
    };
    LineErrorBody {
        kind: "json",
        message,
    }
}

/// serde_json's message without " at line L column C": a batch line is one line.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
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
    let shape = if let Some(key) = bare(e)
        .strip_prefix("duplicate ")
        .and_then(|r| r.split('`').nth(1))
    {
        Shape::Twice(key.to_owned())
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
