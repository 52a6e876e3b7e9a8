//! Many queries, one per line: JSON Lines in, one JSON plan (or error object) per line out.
//!
//! The input is read and answered one line at a time, so memory stays flat however long it is.
//! Output is flushed whenever the input has nothing buffered, so a program that writes one
//! query and waits gets its answer at once, while a large file streams at full speed.

use std::io::{self, BufRead, BufReader, Read, Write};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::graph::Graph;
use crate::graph::keyed::KeyedStrings;
use crate::graph::str::Str;
use crate::i18n::Lang;
use crate::plan::{PlanError, PlanOptions, plan_for};
use crate::query::RawQuery;

/// One input line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct BatchQuery<'a> {
    /// Role id or alias.
    pub role: Str<'a>,
    /// Concern id or alias.
    pub concern: Str<'a>,
    /// Answers: question id to option id.
    #[serde(default)]
    pub answers: KeyedStrings<'a>,
    /// `nl` or `en`; the command's language when absent.
    #[serde(default)]
    pub lang: Option<Str<'a>>,
    /// Include the trace.
    #[serde(default)]
    pub explain: bool,
}

/// The error object written for a line that gave no plan.
#[derive(Debug, Clone, Serialize)]
pub struct LineError {
    /// The 1-based input line.
    pub line: u64,
    /// What went wrong.
    pub error: LineErrorBody,
}

/// Kind and message of a failed line.
#[derive(Debug, Clone, Serialize)]
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
            Ok(plan) => serde_json::to_writer(&mut answer_line, &plan)?,
            Err(body) => {
                summary.failed += 1;
                serde_json::to_writer(
                    &mut answer_line,
                    &LineError {
                        line: number,
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

fn answer<'g>(
    graph: &'g Graph<'_>,
    line: &[u8],
    opts: &BatchOptions,
) -> Result<crate::plan::Plan<'g>, LineErrorBody> {
    let query: BatchQuery<'_> = serde_json::from_slice(line).map_err(|e| LineErrorBody {
        kind: "json",
        message: crate::echo::clip_quoted(&format!("not a query: {e}")).into_owned(),
    })?;
    let lang = match query.lang.as_deref() {
        None => opts.lang,
        Some(code) => Lang::from_code(code).ok_or_else(|| LineErrorBody {
            kind: "query",
            message: format!("unknown lang `{code}`; choose `nl` or `en`"),
        })?,
    };
    let raw = RawQuery::with_answers(&query.role, &query.concern, &query.answers);
    let plan_opts = PlanOptions {
        explain: query.explain,
        today: opts.today,
        ..PlanOptions::new(lang)
    };
    plan_for(graph, &raw, &plan_opts).map_err(|e| match e {
        PlanError::Query(q) => LineErrorBody {
            kind: "query",
            message: q.message(lang),
        },
        PlanError::Graph(g) => LineErrorBody {
            kind: "graph",
            message: g.to_string(),
        },
    })
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
                .contains("unknown field `colour`")
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
