//! Laying out a [`Diff`]: text for a terminal, Markdown for release notes and pull requests,
//! JSON for scripts. Text and Markdown share one outline of sections and lines
//! made of spans, so the two cannot drift apart; only how a span is written differs.

use std::io::{self, Write};

use serde_json::Value;

use super::{Change, Diff, Ending, FieldChange, ItemChange, RecommendationEvent, Word};
use crate::i18n::{Lang, Message};
use crate::render::{Format, markdown_escape};
use crate::text::sanitize;

/// Writes `diff` in `format`.
pub fn write(diff: &Diff, format: Format, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, diff)?;
            writeln!(out)
        }
        Format::Text => text(&outline(diff, lang), out),
        Format::Markdown => markdown(&outline(diff, lang), out),
    }
}

/// A piece of a line.
enum Span {
    /// Words of the tool.
    Words(String),
    /// An id or path from the graph (a code span in Markdown).
    Id(String),
    /// A value from the graph (escaped in Markdown).
    Value(String),
    /// Spaces that line text up (nothing in Markdown).
    Pad(usize),
}

/// A line with the lines below it.
struct Line {
    spans: Vec<Span>,
    below: Vec<Vec<Span>>,
}

struct Outline {
    title: Vec<Span>,
    intro: Vec<Vec<Span>>,
    sections: Vec<(String, Vec<Line>)>,
}

fn outline(d: &Diff, lang: Lang) -> Outline {
    let side = |g: &super::GraphRef| Span::Id(format!("{} {} ({})", g.id, g.version, g.reviewed));
    let title = vec![
        Span::Words(format!("{}: ", Word::Title.text(lang))),
        side(&d.old),
        Span::Words(" → ".into()),
        side(&d.new),
    ];
    let mut intro = Vec::new();
    for (label, g) in [(Word::OldSide, &d.old), (Word::NewSide, &d.new)] {
        if !g.files.is_empty() {
            intro.push(vec![
                Span::Words(format!("{}: ", label.text(lang))),
                Span::Id(g.files.join(" + ")),
            ]);
        }
    }
    let p = &d.plans;
    intro.push(Vec::new());
    if !p.compared_one_by_one {
        intro.push(vec![Span::Words(
            Word::TooMany {
                old: p.paths_old,
                new: p.paths_new,
                limit: p.limit,
            }
            .text(lang),
        )]);
    } else if p.changed == 0 {
        intro.push(vec![Span::Words(
            Word::NoChanges {
                compared: p.compared,
            }
            .text(lang),
        )]);
    } else {
        let summary = Word::Summary {
            changed: p.changed,
            compared: p.compared,
        }
        .text(lang);
        let breakdown = Word::Breakdown {
            content: p.changed_content,
            details: p.changed - p.changed_content,
        }
        .text(lang);
        intro.push(vec![Span::Words(format!("{summary} ({breakdown})."))]);
        intro.push(vec![Span::Words(
            Word::Basis {
                compared: p.compared,
                old: p.paths_old,
                new: p.paths_new,
            }
            .text(lang),
        )]);
    }
    if p.only_old > 0 {
        intro.push(vec![Span::Words(
            Word::OnlyOld { plans: p.only_old }.text(lang),
        )]);
    }
    if p.only_new > 0 {
        intro.push(vec![Span::Words(
            Word::OnlyNew { plans: p.only_new }.text(lang),
        )]);
    }

    let mut sections = Vec::new();
    let recs: Vec<Line> = d
        .recommendations
        .iter()
        .flat_map(|r| {
            r.changes.iter().map(move |c| {
                let plans = c.plans;
                let what = match c.change {
                    RecommendationEvent::Added => Word::AddedTo { plans },
                    RecommendationEvent::Removed => Word::RemovedFrom { plans },
                    RecommendationEvent::Moved => Word::MovedIn { plans },
                    RecommendationEvent::Reason => Word::ReasonIn { plans },
                };
                Line {
                    spans: vec![
                        Span::Id(format!("{}:{}", r.kind.as_str(), r.id)),
                        Span::Words(format!(": {}", what.text(lang))),
                    ],
                    below: examples(&c.examples, lang),
                }
            })
        })
        .collect();
    push(&mut sections, Word::Recommendations.text(lang), recs);
    let items = |list: &[ItemChange]| list.iter().map(|i| item(i, lang)).collect::<Vec<_>>();
    push(&mut sections, Word::Entries.text(lang), items(&d.entries));
    let (nodes, structure): (Vec<ItemChange>, Vec<ItemChange>) =
        d.structure.iter().cloned().partition(|i| i.kind == "node");
    push(&mut sections, Word::Structure.text(lang), items(&structure));
    push(&mut sections, Word::Nodes.text(lang), items(&nodes));
    let endings = d
        .endings
        .iter()
        .map(|e| {
            let mut spans = match &e.change {
                Ending::NowUrgent => vec![Span::Words(Word::NowUrgent.text(lang))],
                Ending::NoLongerUrgent => vec![Span::Words(Word::NoLongerUrgent.text(lang))],
                Ending::FirstStep { from, to } => {
                    let none = || Word::Nothing.text(lang);
                    vec![
                        Span::Words(format!("{} ", Word::FirstStep.text(lang))),
                        Span::Id(from.clone().unwrap_or_else(none)),
                        Span::Words(" → ".into()),
                        Span::Id(to.clone().unwrap_or_else(none)),
                    ]
                }
                Ending::Asks { question } => vec![Span::Words(
                    Word::NowAsks {
                        question: question.as_str(),
                    }
                    .text(lang),
                )],
                Ending::NoLongerAsks { question } => vec![Span::Words(
                    Word::NoLongerAsks {
                        question: question.as_str(),
                    }
                    .text(lang),
                )],
            };
            spans.push(Span::Words(format!(
                ": {}",
                Word::InPlans { plans: e.plans }
                    .text(lang)
                    .trim_start_matches("in ")
            )));
            Line {
                spans,
                below: examples(&e.examples, lang),
            }
        })
        .collect();
    push(&mut sections, Word::Endings.text(lang), endings);
    Outline {
        title,
        intro,
        sections,
    }
}

fn push(sections: &mut Vec<(String, Vec<Line>)>, heading: String, lines: Vec<Line>) {
    if !lines.is_empty() {
        sections.push((heading, lines));
    }
}

fn examples(list: &[String], lang: Lang) -> Vec<Vec<Span>> {
    list.iter()
        .enumerate()
        .map(|(i, e)| {
            let first = format!("{}: ", Word::ForExample.text(lang));
            // Later examples line up under the first in text.
            let lead = if i == 0 {
                Span::Words(first)
            } else {
                Span::Pad(first.chars().count())
            };
            vec![lead, Span::Id(e.clone())]
        })
        .collect()
}

fn item(i: &ItemChange, lang: Lang) -> Line {
    let change = match i.change {
        Change::Added => Word::Added,
        Change::Removed => Word::Removed,
        Change::Changed => Word::Changed,
    }
    .text(lang);
    let plans = i
        .plans
        .map(|n| format!(", {}", Word::InPlans { plans: n }.text(lang)))
        .unwrap_or_default();
    Line {
        spans: vec![
            Span::Id(format!("{}:{}", i.kind, i.id)),
            Span::Words(format!(": {change}{plans}")),
        ],
        below: i.fields.iter().map(|f| field(f, lang)).collect(),
    }
}

/// `contact.phone: 070 → 071` for short values; long texts only say that they changed.
fn field(f: &FieldChange, lang: Lang) -> Vec<Span> {
    let short = |v: &Option<Value>| match v {
        None => Some(Word::Nothing.text(lang)),
        Some(Value::String(s)) if s.chars().count() <= 60 && !s.contains('\n') => Some(s.clone()),
        Some(v @ (Value::Bool(_) | Value::Number(_))) => Some(v.to_string()),
        _ => None,
    };
    match (short(&f.old), short(&f.new)) {
        (Some(o), Some(n)) => vec![
            Span::Id(f.field.clone()),
            Span::Words(": ".into()),
            Span::Value(o),
            Span::Words(" → ".into()),
            Span::Value(n),
        ],
        _ => vec![
            Span::Id(f.field.clone()),
            Span::Words(format!(": {}", Word::Changed.text(lang))),
        ],
    }
}

fn text(o: &Outline, out: &mut dyn Write) -> io::Result<()> {
    let plain = |spans: &[Span]| -> String {
        spans
            .iter()
            .map(|s| match s {
                Span::Words(w) => w.clone(),
                Span::Pad(n) => " ".repeat(*n),
                Span::Id(t) | Span::Value(t) => sanitize(t).into_owned(),
            })
            .collect()
    };
    writeln!(out, "{}", plain(&o.title))?;
    for line in &o.intro {
        writeln!(out, "{}", plain(line))?;
    }
    for (heading, lines) in &o.sections {
        writeln!(out, "\n{heading}")?;
        for line in lines {
            writeln!(out, "  {}", plain(&line.spans))?;
            for below in &line.below {
                writeln!(out, "      {}", plain(below))?;
            }
        }
    }
    Ok(())
}

fn markdown(o: &Outline, out: &mut dyn Write) -> io::Result<()> {
    let md = |spans: &[Span]| -> String {
        spans
            .iter()
            .map(|s| match s {
                Span::Words(w) => markdown_escape(w),
                Span::Pad(_) => String::new(),
                Span::Id(t) => code(t),
                Span::Value(t) => markdown_escape(t),
            })
            .collect()
    };
    writeln!(out, "# {}", md(&o.title))?;
    for line in o.intro.iter().filter(|l| !l.is_empty()) {
        writeln!(out, "\n{}", md(line))?;
    }
    for (heading, lines) in &o.sections {
        writeln!(out, "\n## {}\n", markdown_escape(heading))?;
        for line in lines {
            writeln!(out, "- {}", md(&line.spans))?;
            for below in &line.below {
                writeln!(out, "  - {}", md(below))?;
            }
        }
    }
    Ok(())
}

/// A Markdown code span that holds any text: fenced with more backticks than the text has in
/// a row, and padded when the text starts or ends with one.
fn code(s: &str) -> String {
    let s = sanitize(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// The diff report's words are messages like any other (`diff/words.rs` holds their table).
impl Message for Word<'_> {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str(&self.text(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("partner:lse"), "`partner:lse`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }
}
