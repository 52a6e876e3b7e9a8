//! Pictures of the decision graph, as Graphviz DOT or a Mermaid flowchart.
//!
//! Question nodes are drawn as hexagons, nodes that only recommend as rounded boxes; edges carry
//! the answers that take them (answers to the same node share one edge). With a role or a
//! concern given, only the part of the graph reachable for it is drawn. Every label is escaped
//! for its format, so quotes, brackets and non-ASCII text in a rule file cannot break the
//! picture.

use std::collections::{HashMap, VecDeque};
use std::io::{self, Write};

use crate::graph::Ask;
use crate::graph::entries::entry_name;
use crate::graph::{Graph, Kind};
use crate::i18n::{Lang, Message, Ui};
use crate::text::sanitize;

/// The picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PictureFormat {
    /// Graphviz DOT (`dot -Tsvg`).
    #[default]
    Dot,
    /// A Mermaid flowchart (renders on GitLab, GitHub and in many wikis).
    Mermaid,
}

/// Which part of the graph to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Focus {
    /// Follow only this role's branch where the graph asks the role.
    pub role: Option<u32>,
    /// Follow only this concern's branch where the graph asks the concern.
    pub concern: Option<u32>,
}

/// A node as drawn.
struct Shape {
    question: bool,
    lines: Vec<String>,
}

/// An edge as drawn: its answers joined. Built with node indexes, drawn with positions.
struct Arrow {
    from: usize,
    to: usize,
    label: Option<String>,
}

/// Longest recommendation text shown in a node before it is cut.
const TEXT_WIDTH: usize = 44;
/// Most recommendations listed in one node.
const MAX_ITEMS: usize = 5;

/// Draws the graph (or its focused part) in `format`.
pub fn draw(
    graph: &Graph,
    focus: Focus,
    lang: Lang,
    format: PictureFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (order, arrows) = layout(graph, focus, lang);
    let shapes: Vec<Shape> = order.iter().map(|&n| shape(graph, n, lang)).collect();
    let position: HashMap<u32, usize> = order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let ids: Vec<&str> = order
        .iter()
        .map(|&n| graph.rules.nodes[n as usize].id.as_str())
        .collect();
    let arrows: Vec<Arrow> = arrows
        .into_iter()
        .map(|a| Arrow {
            from: position[&(a.from as u32)],
            to: position[&(a.to as u32)],
            label: a.label,
        })
        .collect();
    match format {
        PictureFormat::Dot => dot(&ids, &shapes, &arrows, out),
        PictureFormat::Mermaid => mermaid(&shapes, &arrows, out),
    }
}

/// Nodes in breadth-first order from the start, and the edges between them (by node index).
fn layout(graph: &Graph, focus: Focus, lang: Lang) -> (Vec<u32>, Vec<Arrow>) {
    let content = graph.content_lang(lang.code());
    let mut order = Vec::new();
    let mut arrows = Vec::new();
    let Some(start) = graph.index.start else {
        return (order, arrows);
    };
    let mut seen = vec![false; graph.rules.nodes.len()];
    let mut queue = VecDeque::from([start]);
    seen[start as usize] = true;
    while let Some(n) = queue.pop_front() {
        order.push(n);
        let links = graph.index.links(n);
        // (target, answer labels) in first-seen order.
        let mut targets: Vec<(u32, Vec<String>)> = Vec::new();
        let mut add = |target: u32, label: Option<String>| match targets
            .iter_mut()
            .find(|(t, _)| *t == target)
        {
            Some((_, labels)) => labels.extend(label),
            None => targets.push((target, label.into_iter().collect())),
        };
        match links.ask {
            None => {
                if let Some(next) = links.next {
                    add(next, None);
                }
            }
            Some(ask) => {
                let only = match ask {
                    Ask::Role => focus.role,
                    Ask::Concern => focus.concern,
                    Ask::Question(_) => None,
                };
                let count = graph.answer_count(ask);
                let mut other = false;
                for answer in 0..count as u32 {
                    if only.is_some_and(|o| o != answer) {
                        continue;
                    }
                    match links.then.iter().find(|(a, _)| *a == answer) {
                        Some(&(_, target)) => add(
                            target,
                            Some(graph.answer_label(ask, answer, content).to_owned()),
                        ),
                        None if links.default.is_some() => other = true,
                        None => {}
                    }
                }
                if let (true, Some(default)) = (other, links.default) {
                    let label = if only.is_some() {
                        only.map(|o| graph.answer_label(ask, o, content).to_owned())
                    } else {
                        Some(Ui::Other.get(lang).to_owned())
                    };
                    add(default, label);
                }
            }
        }
        for (target, labels) in targets {
            let label = (!labels.is_empty()).then(|| labels.join(" / "));
            arrows.push(Arrow {
                from: n as usize,
                to: target as usize,
                label,
            });
            if !seen[target as usize] {
                seen[target as usize] = true;
                queue.push_back(target);
            }
        }
    }
    (order, arrows)
}

fn shape(graph: &Graph, n: u32, lang: Lang) -> Shape {
    let content = graph.content_lang(lang.code());
    let node = &graph.rules.nodes[n as usize];
    let links = graph.index.links(n);
    let mut lines = vec![node.id.to_string()];
    if let Some(ask) = links.ask {
        lines.push(match ask {
            Ask::Role => format!("{}?", Ui::Role.get(lang)),
            Ask::Concern => format!("{}?", Ui::Concern.get(lang)),
            Ask::Question(_) => graph
                .ask_text(ask, content)
                .map_or_else(String::new, |(text, _)| text.to_owned()),
        });
    }
    let count = graph.adds(n).count();
    for add in graph.adds(n).take(MAX_ITEMS) {
        let text = entry_name(&graph.rules, add.kind, add.entry as usize, content).to_owned();
        // A conditional addition says when it applies: `[role=teacher; case-stage=concrete]`.
        let when = graph.rules.nodes[n as usize].add[add.at as usize]
            .when()
            .map(|w| {
                let clauses: Vec<String> = w
                    .iter()
                    .map(|(k, ids)| {
                        let ids: Vec<&str> = ids.iter().map(|i| i.as_str()).collect();
                        format!("{k}={}", ids.join("|"))
                    })
                    .collect();
                format!(" [{}]", clauses.join("; "))
            })
            .unwrap_or_default();
        lines.push(format!(
            "+ {}: {}{when}",
            Tag(add.kind).in_lang(lang),
            cut(&text, TEXT_WIDTH)
        ));
    }
    if count > MAX_ITEMS {
        lines.push(format!("+ … ({})", count - MAX_ITEMS));
    }
    Shape {
        question: links.ask.is_some(),
        lines,
    }
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}

/// A DOT double-quoted string: backslashes and quotes escaped, control characters made visible.
fn dot_text(s: &str) -> String {
    sanitize(s).replace('\\', "\\\\").replace('"', "\\\"")
}

fn dot(ids: &[&str], shapes: &[Shape], arrows: &[Arrow], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph wegwijs {{")?;
    writeln!(out, "  graph [rankdir=TB, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (id, s) in ids.iter().zip(shapes) {
        // `\l` ends a left-aligned line; the first line (the node id) is the title.
        let body: String = s
            .lines
            .iter()
            .map(|l| format!("{}\\l", dot_text(l)))
            .collect();
        let style = if s.question {
            "shape=hexagon, style=filled, fillcolor=\"#fff4cc\""
        } else {
            "shape=box, style=\"rounded,filled\", fillcolor=\"#e8f1fb\""
        };
        writeln!(out, "  \"{}\" [{style}, label=\"{body}\"];", dot_text(id))?;
    }
    for a in arrows {
        let from = dot_text(ids[a.from]);
        let to = dot_text(ids[a.to]);
        match &a.label {
            Some(label) => writeln!(
                out,
                "  \"{from}\" -> \"{to}\" [label=\"{}\"];",
                dot_text(label)
            )?,
            None => writeln!(out, "  \"{from}\" -> \"{to}\";")?,
        }
    }
    writeln!(out, "}}")
}

/// A Mermaid quoted label: every character Mermaid could read as syntax becomes an entity code.
fn mermaid_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        match c {
            '"' | '#' | '<' | '>' | '&' | '`' | '|' => out.push_str(&format!("#{};", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

fn mermaid(shapes: &[Shape], arrows: &[Arrow], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "flowchart TD")?;
    // Node ids are generated: rule ids may be Mermaid keywords (`end`) or hold dots.
    for (i, s) in shapes.iter().enumerate() {
        let label: Vec<String> = s.lines.iter().map(|l| mermaid_text(l)).collect();
        let label = label.join("<br/>");
        if s.question {
            writeln!(out, "  n{i}{{{{\"{label}\"}}}}")?;
        } else {
            writeln!(out, "  n{i}(\"{label}\")")?;
        }
    }
    for a in arrows {
        match &a.label {
            Some(label) => writeln!(
                out,
                "  n{} -->|\"{}\"| n{}",
                a.from,
                mermaid_text(label),
                a.to
            )?,
            None => writeln!(out, "  n{} --> n{}", a.from, a.to)?,
        }
    }
    writeln!(out, "  classDef question fill:#fff4cc,stroke:#b38f00")?;
    let questions: Vec<String> = shapes
        .iter()
        .enumerate()
        .filter(|(_, s)| s.question)
        .map(|(i, _)| format!("n{i}"))
        .collect();
    if !questions.is_empty() {
        writeln!(out, "  class {} question", questions.join(","))?;
    }
    Ok(())
}

/// The tag before an addition in a drawn node: `+ step:` in English, `+ stap:` in Dutch.
struct Tag(Kind);

impl Message for Tag {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str(match (self.0, lang) {
            (_, Lang::En) => self.0.as_str(),
            (Kind::Step, Lang::Nl) => "stap",
            (Kind::Partner, Lang::Nl) => "partner",
            (Kind::Training, Lang::Nl) => "training",
            (Kind::Resource, Lang::Nl) => "hulpmiddel",
            (Kind::Network, Lang::Nl) => "netwerk",
            (Kind::Advice, Lang::Nl) => "advies",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_escapes_quotes_and_backslashes() {
        assert_eq!(dot_text(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(dot_text("bell\u{7}"), "bell\\\\u{7}");
    }

    #[test]
    fn mermaid_escapes_syntax_characters() {
        assert_eq!(
            mermaid_text(r#"a "b" <c> #d"#),
            "a #34;b#34; #60;c#62; #35;d"
        );
        assert_eq!(mermaid_text("[x] (y) {z} é"), "[x] (y) {z} é");
    }

    fn drawn(focus: Focus, format: PictureFormat) -> String {
        let g = crate::graph::builtin();
        let mut out = Vec::new();
        draw(&g, focus, Lang::En, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn focus_keeps_only_the_reachable_part() {
        let g = crate::graph::builtin();
        let focus = Focus {
            role: g.index.roles.find("youth-worker"),
            concern: g.index.concerns.find("exit-support"),
        };
        let picture = drawn(focus, PictureFormat::Dot);
        for node in [
            "\"start\"",
            "\"c-exit-support\"",
            "\"exit-ready\"",
            "\"r-youth-worker\"",
            "\"general\"",
        ] {
            assert!(picture.contains(node), "{node}");
        }
        for node in ["\"c-radicalisation\"", "\"r-teacher\""] {
            assert!(!picture.contains(node), "{node}");
        }
        assert!(
            picture.contains("\"start\" -> \"urgent\" [label=\"Yes\"];"),
            "{picture}"
        );
        let whole = drawn(Focus::default(), PictureFormat::Dot);
        assert!(whole.contains("\"c-radicalisation\"") && whole.contains("\"r-teacher\""));
    }

    #[test]
    fn answers_to_the_same_node_share_one_edge() {
        let picture = drawn(Focus::default(), PictureFormat::Mermaid);
        assert!(picture.contains("|\"No / Not sure\"|"), "{picture}");
        assert!(picture.starts_with("flowchart TD\n"));
    }
}
