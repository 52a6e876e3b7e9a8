//! Reading a rule file's text into [`RuleGraph`], with every structural problem reported as a
//! [`Diagnostic`].
//!
//! The happy path is one typed `serde_json` parse. Only when that fails does a second, slower
//! pass run: it parses the text as a plain JSON value and deserializes each element of each
//! top-level list on its own, so that a file with five broken entries gets five diagnostics,
//! not one. The files themselves are [`super::sources`]'s; serde's errors become diagnostics in
//! [`super::decode`].

use serde::Deserialize;
use serde_json::Value;

use super::decode::{
    convert_path, data_problem, element_error, syntax_problem, tidy, unknown_field_name,
};
use super::model::{
    Addition, Advice, AnswerOption, Choice, Entry, Node, Question, RuleGraph, SCHEMA_VERSION,
    Source, Step,
};
use crate::diagnostic::{Diagnostic, Problem, SourceId};
use crate::location::{JsonPath, LineIndex, Seg};

/// Parses a rule file's text. On failure, returns every structural problem found.
pub fn parse(text: &str, source: SourceId) -> Result<RuleGraph<'_>, Vec<Diagnostic>> {
    // serde would read a JSON array as a struct's fields in order, and then complain about a
    // field's type; a file that is valid JSON but not an object deserves a plainer message.
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(vec![Diagnostic::new(
            Problem::Invalid {
                detail: "a rule file holds one JSON object ({ … }), not another kind of value"
                    .into(),
            },
            source,
            JsonPath::root(),
        )]);
    }
    // The happy path does not track paths; only a failure is parsed again to find where.
    let mut de = serde_json::Deserializer::from_str(text);
    let typed = RuleGraph::deserialize(&mut de).and_then(|g| de.end().map(|()| g));
    match typed {
        Ok(mut graph) if graph.schema_version == SCHEMA_VERSION => {
            shrink(&mut graph);
            Ok(graph)
        }
        Ok(graph) => Err(vec![Diagnostic::new(
            Problem::SchemaVersion {
                found: graph.schema_version.to_string(),
            },
            source,
            JsonPath::root().key("schema_version"),
        )]),
        Err(e) if e.is_data() => {
            let mut de = serde_json::Deserializer::from_str(text);
            let first_path = match serde_path_to_error::deserialize::<_, RuleGraph<'_>>(&mut de) {
                Err(tracked) => convert_path(tracked.path()),
                Ok(_) => JsonPath::root(),
            };
            // The typed error is exact (it has a position); the slow pass finds the others.
            let mut first = data_problem(source, JsonPath::root(), first_path, &e);
            let lines = LineIndex::new(text);
            first.position =
                Some(lines.position(lines.offset_of_byte_column(e.line(), e.column())));
            let mut all = structure_problems(text, source);
            if all.iter().any(|d| d.code() == "E005" || d.code() == "E001") {
                return Err(all);
            }
            all.push(first);
            Err(tidy(all))
        }
        Err(e) => Err(vec![syntax_problem(text, source, &e)]),
    }
}

/// Gives the node list its exact size (the per-node lists are read exactly already): serde grows
/// a vector by doubling while it reads a JSON array of unknown length. The list is one large
/// allocation, so shrinking it returns the memory rather than leaving holes.
fn shrink(graph: &mut RuleGraph<'_>) {
    graph.nodes.shrink_to_fit();
}

/// The top-level lists, each deserialized element by element in the slow pass.
const LISTS: [&str; 11] = [
    "sources",
    "roles",
    "concerns",
    "questions",
    "steps",
    "advice",
    "partners",
    "trainings",
    "resources",
    "networks",
    "nodes",
];

fn structure_problems(text: &str, source: SourceId) -> Vec<Diagnostic> {
    let mut root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![syntax_problem(text, source, &e)],
    };
    let mut out = Vec::new();
    if let Some(version) = root.get("schema_version") {
        if version.as_u64() != Some(u64::from(SCHEMA_VERSION)) {
            out.push(Diagnostic::new(
                Problem::SchemaVersion {
                    found: version.to_string(),
                },
                source,
                JsonPath::root().key("schema_version"),
            ));
            return out;
        }
    }
    if let Value::Object(map) = &mut root {
        for list in LISTS {
            let Some(Value::Array(items)) = map.get_mut(list) else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let prefix = JsonPath::item(list, i);
                let err = match list {
                    "sources" => element_error::<Source<'_>>(item),
                    "roles" | "concerns" => element_error::<Choice<'_>>(item),
                    "questions" => element_error::<Question<'_>>(item),
                    "steps" => element_error::<Step<'_>>(item),
                    "advice" => element_error::<Advice<'_>>(item),
                    "nodes" => element_error::<Node<'_>>(item),
                    _ => element_error::<Entry<'_>>(item),
                };
                if let Some((path, e)) = err {
                    out.push(data_problem(source, prefix.clone(), path, &e));
                    // One error per element would hide a second mistake in a nested list.
                    let nested = match list {
                        "nodes" => Some("add"),
                        "questions" => Some("options"),
                        _ => None,
                    };
                    if let Some(field) = nested {
                        if let Some(Value::Array(inner)) = item.get(field) {
                            for (k, v) in inner.iter().enumerate() {
                                let err = match field {
                                    "add" => element_error::<Addition<'_>>(v),
                                    _ => element_error::<AnswerOption<'_>>(v),
                                };
                                if let Some((path, e)) = err {
                                    let at = prefix.clone().key(field).index(k);
                                    out.push(data_problem(source, at, path, &e));
                                }
                            }
                        }
                    }
                }
            }
            // Checked element by element above; the top-level pass only needs the shape.
            items.clear();
        }
    }
    // The top level itself: report each bad field, removing it and trying again.
    let mut removed: Vec<String> = Vec::new();
    for _ in 0..64 {
        let Err(err) = serde_path_to_error::deserialize::<_, RuleGraph<'_>>(&root) else {
            break;
        };
        let path = convert_path(err.path());
        let e = err.into_inner();
        let problem_field = match path.0.first() {
            Some(Seg::Key(k)) => Some(k.clone()),
            _ => unknown_field_name(&e.to_string()),
        };
        let msg = e.to_string();
        let is_missing_removed = msg
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
            .is_some_and(|f| removed.iter().any(|r| r == f));
        if !is_missing_removed {
            out.push(data_problem(source, JsonPath::root(), path, &e));
        }
        let removed_now = match (problem_field, &mut root) {
            (Some(field), Value::Object(map)) => map.remove(&field).map(|_| field),
            _ => None,
        };
        match removed_now {
            Some(field) => removed.push(field),
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Sources;

    fn minimal() -> Value {
        serde_json::json!({
            "schema_version": 1, "id": "t", "version": "1", "title": {"en": "T"},
            "languages": ["en"], "reviewed": "2026-01-01", "emergency": {"en": "Call 112."},
            "start": "a", "roles": [], "concerns": [], "nodes": [{"id": "a"}]
        })
    }

    fn errors(v: &Value) -> Vec<Diagnostic> {
        let text = serde_json::to_string_pretty(v).unwrap();
        let mut sources = Sources::new();
        let id = sources.add("t.json", text.clone());
        let mut d = parse(&text, id).unwrap_err();
        sources.locate(&mut d);
        d
    }

    #[test]
    fn minimal_graph_parses() {
        let text = minimal().to_string();
        assert!(parse(&text, 0).is_ok());
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let mut sources = Sources::new();
        let id = sources.add("bom.json", format!("\u{feff}{}", minimal()));
        assert!(parse(&sources.file(id).text, id).is_ok());
    }

    #[test]
    fn syntax_error_has_position() {
        let d = parse("{\n  \"id\": ,\n}", 0).unwrap_err();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code(), "E001");
        let pos = d[0].position.unwrap();
        assert_eq!((pos.line, pos.column), (2, 9));
    }

    #[test]
    fn every_broken_element_is_reported() {
        let mut v = minimal();
        v["nodes"] = serde_json::json!([
            {"id": "a", "nxt": "b"},
            {"id": "b"},
            {"id": 7},
            {"id": "c", "add": [{"kind": "partnr", "id": "x"}]}
        ]);
        v["colour"] = serde_json::json!("red");
        let d = errors(&v);
        let got: Vec<(String, String)> = d
            .iter()
            .map(|d| (d.code().to_owned(), d.path.to_string()))
            .collect();
        let mut got = got;
        got.sort();
        assert_eq!(
            got,
            [
                ("E002".into(), "nodes[2].id".into()),
                ("E004".into(), "colour".into()),
                ("E004".into(), "nodes[0].nxt".into()),
                ("E006".into(), "nodes[3].add[0].kind".into()),
            ]
        );
        let d: Vec<&Diagnostic> = d
            .iter()
            .filter(|d| d.path.to_string() == "nodes[0].nxt")
            .collect();
        assert_eq!(
            d[0].problem,
            Problem::UnknownField {
                field: "nxt".into(),
                nearest: vec!["next".into()]
            }
        );
        assert!(d.iter().all(|d| d.position.is_some()));
    }

    #[test]
    fn missing_required_field_is_named() {
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("start");
        let d = errors(&v);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].problem,
            Problem::MissingField {
                field: "start".into()
            }
        );
    }

    #[test]
    fn wrong_schema_version_stops_early() {
        let mut v = minimal();
        v["schema_version"] = serde_json::json!(2);
        v["whatever"] = serde_json::json!(1);
        let d = errors(&v);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code(), "E005");
        assert_eq!(d[0].path.to_string(), "schema_version");
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let text = minimal()
            .to_string()
            .replacen("\"en\":\"T\"", "\"en\":\"T\",\"en\":\"U\"", 1);
        let d = parse(&text, 0).unwrap_err();
        assert_eq!(d[0].problem, Problem::DuplicateKey { key: "en".into() });
        let text = minimal()
            .to_string()
            .replacen("\"id\":\"t\"", "\"id\":\"t\",\"id\":\"u\"", 1);
        let d = parse(&text, 0).unwrap_err();
        assert_eq!(d[0].problem, Problem::DuplicateKey { key: "id".into() });
    }

    #[test]
    fn deep_nesting_is_a_clear_error() {
        let objects = format!("{}1{}", "{\"a\": ".repeat(10_000), "}".repeat(10_000));
        let d = parse(&objects, 0).unwrap_err();
        assert_eq!(d[0].code(), "E001");
        assert!(
            d[0].problem
                .describe(crate::i18n::Lang::En)
                .0
                .contains("recursion limit")
        );
        // Lists are not even an object: said as plainly, without recursing.
        let lists = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let d = parse(&lists, 0).unwrap_err();
        assert_eq!(d[0].code(), "E002");
        assert!(
            d[0].problem
                .describe(crate::i18n::Lang::En)
                .0
                .contains("one JSON object")
        );
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let text = format!("{} x", minimal());
        assert_eq!(parse(&text, 0).unwrap_err()[0].code(), "E001");
    }
}
