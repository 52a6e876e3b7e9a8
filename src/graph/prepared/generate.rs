//! Writes `builtin.rs`: the built-in graph and its index as Rust source. A test runs it, and
//! fails while the committed file differs from what it writes now (`WEGWIJS_BLESS=1` rewrites
//! the file instead, except in CI).
//!
//! Every model type is taken apart field by field, without `..`: a field added to the model is
//! a compile error here rather than a field the prepared graph silently lacks.

use std::fmt::Write;

use crate::date::{Date, SourceDate};
use crate::graph::index::{Index, tables};
use crate::graph::keyed::KeyedStrings;
use crate::graph::model::{
    Addition, AnswerOption, Choice, Contact, Entry, Local, Node, Question, RuleGraph, Source, Step,
    Text,
};
use crate::graph::str::Str;
use crate::graph::when::When;

/// The whole of `builtin.rs` for `rules` and its `index`; `inputs` is the hash `build.rs`
/// computed of the files it is written from.
pub(super) fn file(rules: &RuleGraph, index: &Index, inputs: &str) -> String {
    format!(
        "//! The built-in rule graph as Rust, written by `WEGWIJS_BLESS=1 cargo test --lib graph::prepared` (@generated: do not edit).\n\
         // inputs: {inputs}\n\
         \n\
         use super::parts::{{add, ks, s, ss, t, when}};\n\
         use crate::date::{{Date, SourceDate}};\n\
         use crate::graph::ask::Ask;\n\
         use crate::graph::index::Condition;\n\
         use crate::graph::index::tables::Tables;\n\
         use crate::graph::lookup::Lookup;\n\
         use crate::graph::model::{{\n    AnswerOption, Choice, Contact, Entry, Kind, Local, Node, Question, RuleGraph, Source, Step, Advice,\n}};\n\
         use crate::graph::slice::Slice;\n\
         \n\
         /// The graph's id.\n\
         pub(super) const ID: &str = {id:?};\n\
         /// Its content version.\n\
         pub(super) const VERSION: &str = {version:?};\n\
         /// When it was last reviewed as a whole.\n\
         pub(super) const REVIEWED: &str = \"{reviewed}\";\n\
         \n\
         /// The rules.\n\
         pub(super) fn rules() -> RuleGraph<'static> {{\n{body}}}\n\
         \n\
         /// The index built from them.\n\
         pub(super) static INDEX: Tables = {tables};\n",
        id = rules.id.as_str(),
        version = rules.version.as_str(),
        reviewed = rules.reviewed,
        body = graph(rules),
        tables = tables::write(index),
    )
}

/// The `RuleGraph { .. }` expression, indented as a function body.
fn graph(g: &RuleGraph) -> String {
    let RuleGraph {
        schema,
        schema_version,
        id,
        version,
        title,
        languages,
        reviewed,
        emergency,
        start,
        sources,
        roles,
        concerns,
        questions,
        steps,
        advice,
        partners,
        trainings,
        resources,
        networks,
        nodes,
    } = g;
    let mut w = String::new();
    let out = &mut w;
    // Writing to a String cannot fail.
    let _ = writeln!(out, "    RuleGraph {{");
    let _ = writeln!(out, "        schema: {},", opt(schema, str));
    let _ = writeln!(out, "        schema_version: {schema_version},");
    let _ = writeln!(out, "        id: {},", str(id));
    let _ = writeln!(out, "        version: {},", str(version));
    let _ = writeln!(out, "        title: {},", text(title));
    let _ = writeln!(out, "        languages: {},", strs(languages));
    let _ = writeln!(out, "        reviewed: {},", date(*reviewed));
    let _ = writeln!(out, "        emergency: {},", text(emergency));
    let _ = writeln!(out, "        start: {},", str(start));
    let _ = writeln!(out, "        sources: {},", list(sources, source));
    let _ = writeln!(out, "        roles: {},", list(roles, choice));
    let _ = writeln!(out, "        concerns: {},", list(concerns, choice));
    let _ = writeln!(out, "        questions: {},", list(questions, question));
    let _ = writeln!(out, "        steps: {},", list(steps, step));
    let _ = writeln!(
        out,
        "        advice: {},",
        list(advice, |a| {
            let crate::graph::model::Advice { id, text: body } = a;
            format!("Advice {{ id: {}, text: {} }}", str(id), text(body))
        })
    );
    for (name, entries) in [
        ("partners", partners),
        ("trainings", trainings),
        ("resources", resources),
        ("networks", networks),
    ] {
        let _ = writeln!(out, "        {name}: {},", list(entries, entry));
    }
    let _ = writeln!(out, "        nodes: {},", list(nodes, node));
    let _ = writeln!(out, "    }}");
    w
}

/// `vec![..]`, one item per line.
fn list<T>(items: &[T], each: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        return "Vec::new()".to_owned();
    }
    let mut out = "vec![\n".to_owned();
    for item in items {
        let _ = writeln!(out, "            {},", each(item));
    }
    out.push_str("        ]");
    out
}

fn str(s: &Str) -> String {
    format!("s({:?})", s.as_str())
}

fn opt<T>(value: &Option<T>, each: impl Fn(&T) -> String) -> String {
    match value {
        Some(v) => format!("Some({})", each(v)),
        None => "None".to_owned(),
    }
}

fn strs(list: &[Str]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("{:?}", s.as_str())).collect();
    format!("ss(&[{}])", items.join(", "))
}

/// The pairs as a static slice: a `const` block, so no text of the graph is allocated.
fn pairs(k: &KeyedStrings) -> String {
    let items: Vec<String> = k
        .iter()
        .map(|(k, v)| format!("(s({k:?}), s({v:?}))"))
        .collect();
    format!("const {{ &[{}] }}", items.join(", "))
}

fn text(t: &Text) -> String {
    format!("t({})", pairs(&t.0))
}

fn date(d: Date) -> String {
    format!("Date::from_days({}) /* {d} */", d.days())
}

fn source_date(d: SourceDate) -> String {
    match d {
        SourceDate::Day(d) => format!("SourceDate::Day({})", date(d)),
        SourceDate::Month(y, m) => format!("SourceDate::Month({y}, {m})"),
        SourceDate::Year(y) => format!("SourceDate::Year({y})"),
        SourceDate::Undated => "SourceDate::Undated".to_owned(),
    }
}

fn source(s: &Source) -> String {
    let Source {
        id,
        title,
        url,
        dated,
        publisher,
    } = s;
    format!(
        "Source {{ id: {}, title: {}, url: {}, dated: {}, publisher: {} }}",
        str(id),
        str(title),
        str(url),
        source_date(*dated),
        opt(publisher, str)
    )
}

fn choice(c: &Choice) -> String {
    let Choice {
        id,
        label,
        description,
        aliases,
    } = c;
    format!(
        "Choice {{ id: {}, label: {}, description: {}, aliases: {} }}",
        str(id),
        text(label),
        text(description),
        strs(aliases)
    )
}

fn question(q: &Question) -> String {
    let Question {
        id,
        text: asked,
        help,
        options,
        assume,
        safety,
        aliases,
    } = q;
    let options: Vec<String> = options.iter().map(option).collect();
    format!(
        "Question {{ id: {}, text: {}, help: {}, options: vec![{}], assume: {}, safety: {safety}, aliases: {} }}",
        str(id),
        text(asked),
        opt(help, text),
        options.join(", "),
        opt(assume, str),
        strs(aliases)
    )
}

fn option(o: &AnswerOption) -> String {
    let AnswerOption {
        id,
        label,
        help,
        urgent,
        aliases,
    } = o;
    format!(
        "AnswerOption {{ id: {}, label: {}, help: {}, urgent: {urgent}, aliases: {} }}",
        str(id),
        text(label),
        opt(help, text),
        strs(aliases)
    )
}

fn step(s: &Step) -> String {
    let Step {
        id,
        text: what,
        urgent,
        partner,
    } = s;
    format!(
        "Step {{ id: {}, text: {}, urgent: {urgent}, partner: {} }}",
        str(id),
        text(what),
        opt(partner, str)
    )
}

fn entry(e: &Entry) -> String {
    let Entry {
        id,
        name,
        summary,
        why,
        provider,
        contact,
        source,
        reviewed,
        verified,
        caveat,
        local,
        note,
    } = e;
    let Contact {
        website,
        phone,
        email,
    } = contact;
    format!(
        "Entry {{ id: {}, name: {}, summary: {}, why: {}, provider: {}, \
         contact: Contact {{ website: {}, phone: {}, email: {} }}, source: {}, reviewed: {}, \
         verified: {verified}, caveat: {}, local: {}, note: {} }}",
        str(id),
        text(name),
        text(summary),
        opt(why, text),
        opt(provider, str),
        opt(website, str),
        opt(phone, str),
        opt(email, str),
        str(source),
        date(*reviewed),
        opt(caveat, text),
        opt(local, |l: &Local| format!(
            "Local {{ find: {} }}",
            text(&l.find)
        )),
        opt(note, |n| format!("Box::new({})", str(n))),
    )
}

fn node(n: &Node) -> String {
    let Node {
        id,
        add,
        ask,
        then,
        default,
        next,
        note,
    } = n;
    let adds: Vec<String> = add.iter().map(addition).collect();
    format!(
        "Node {{ id: {}, add: Box::new([{}]), ask: {}, then: ks({}), default: {}, next: {}, note: {} }}",
        str(id),
        adds.join(", "),
        opt(ask, str),
        pairs(then),
        opt(default, str),
        opt(next, str),
        opt(note, |n| format!("Box::new({})", str(n))),
    )
}

fn addition(a: &Addition) -> String {
    let Addition {
        kind,
        id,
        priority,
        extra: _,
    } = a;
    format!(
        "add(Kind::{kind:?}, {:?}, {priority}, {}, {})",
        id.as_str(),
        opt(&a.why().cloned(), text),
        opt(&a.when().cloned(), when)
    )
}

fn when(w: &When) -> String {
    let items: Vec<String> = w
        .iter()
        .map(|(k, ids)| {
            let ids: Vec<String> = ids.iter().map(|i| format!("s({:?})", i.as_str())).collect();
            format!("(s({k:?}), Slice::Borrowed(&[{}]))", ids.join(", "))
        })
        .collect();
    format!("when(const {{ &[{}] }})", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{BUILTIN_TEXT, Graph, Origins, load};

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/graph/prepared/builtin.rs");

    fn parsed() -> Graph<'static> {
        let broken = "rules/default.json does not load, so no prepared graph is written from it; \
                      `cargo run -- check` says where and why";
        let rules = load::parse(BUILTIN_TEXT, 0)
            .unwrap_or_else(|problems| panic!("{broken}: {problems:?}"));
        let (graph, problems) = Graph::new(rules, Origins::single(0));
        assert!(problems.is_empty(), "{broken}: {problems:?}");
        graph
    }

    /// The committed `builtin.rs` is what the generator writes from the rules now.
    #[test]
    fn builtin_rs_is_written_from_the_rules_as_they_are() {
        let graph = parsed();
        let written = file(&graph.rules, &graph.index, env!("WEGWIJS_PREPARED_INPUTS"));
        let bless = std::env::var_os("WEGWIJS_BLESS").is_some_and(|v| !v.is_empty());
        // As the end-to-end tests read it (tests/cli/common.rs, `in_ci`).
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !(bless && in_ci),
            "WEGWIJS_BLESS rewrites the file a CI run is there to check: unset it"
        );
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        if committed == written {
            if !super::super::PREPARED {
                panic!("builtin.rs is up to date but this build did not compile it in: rebuild");
            }
            return;
        }
        if bless {
            std::fs::write(PATH, &written).expect("writing builtin.rs");
            // Past the harness's capture, as the end-to-end tests' notices are.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "notice: blessed {PATH}; the next build compiles it in"
            );
            return;
        }
        panic!(
            "src/graph/prepared/builtin.rs is out of date with rules/default.json or the code \
             that writes it; write it again with `WEGWIJS_BLESS=1 cargo test --lib graph::prepared`"
        );
    }

    /// The prepared graph and index are the parsed and built ones, part for part.
    #[cfg(wegwijs_prepared)]
    #[test]
    fn the_prepared_graph_is_the_parsed_graph() {
        let graph = parsed();
        let prepared = super::super::graph(Origins::single(0));
        assert_eq!(
            serde_json::to_value(&prepared.rules).unwrap(),
            serde_json::to_value(&graph.rules).unwrap()
        );
        assert_eq!(
            format!("{:?}", prepared.rules),
            format!("{:?}", graph.rules)
        );
        assert!(prepared.index == graph.index, "the indexes differ");
        let head = super::super::head().expect("a head");
        assert_eq!(
            (head.id, head.version),
            (graph.rules.id.as_str(), graph.rules.version.as_str())
        );
        assert_eq!(head.reviewed, graph.rules.reviewed.to_string());
    }
}
