//! Reading rule files: from disk or the built-in text, into [`RuleGraph`], with every structural
//! problem reported as a [`Diagnostic`].
//!
//! The happy path is one typed `serde_json` parse. Only when that fails does a second, slower
//! pass run: it parses the text as a plain JSON value and deserializes each element of each
//! top-level list on its own, so that a file with five broken entries gets five diagnostics,
//! not one.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::model::{
    Addition, Advice, AnswerOption, Choice, Entry, Node, Question, RuleGraph, SCHEMA_VERSION,
    Source, Step,
};
use crate::diagnostic::{Diagnostic, Problem, SourceId};
use crate::location::{JsonPath, LineIndex, Seg, locate};
use crate::suggest::nearest;

/// The default rule graph, compiled into the binary.
pub const BUILTIN_TEXT: &str = include_str!("../../rules/default.json");

/// How the built-in graph is named in messages.
pub const BUILTIN_NAME: &str = "<built-in>/rules/default.json";

/// One loaded rule file: its name as shown in messages and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it, or [`BUILTIN_NAME`].
    pub name: String,
    /// The file's text, without a byte-order mark.
    pub text: Cow<'static, str>,
}

/// Every file a graph was loaded from, so diagnostics can name them and find positions.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

/// A rule file that could not be read at all (as opposed to one with wrong content).
#[derive(Debug)]
pub struct ReadError {
    /// The path as given.
    pub path: PathBuf,
    /// What the operating system said.
    pub error: std::io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read rule file {}: {}",
            self.path.display(),
            self.error
        )
    }
}

impl std::error::Error for ReadError {}

impl Sources {
    /// No files yet.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Registers a text under a name and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Cow<'static, str>>) -> SourceId {
        let text = match text.into() {
            Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix('\u{feff}').unwrap_or(s)),
            Cow::Owned(s) => match s.strip_prefix('\u{feff}') {
                Some(rest) => Cow::Owned(rest.to_owned()),
                None => Cow::Owned(s),
            },
        };
        self.files.push(SourceFile {
            name: name.into(),
            text,
        });
        self.files.len() - 1
    }

    /// Registers the built-in graph.
    pub fn add_builtin(&mut self) -> SourceId {
        self.add(BUILTIN_NAME, BUILTIN_TEXT)
    }

    /// Reads a file from disk and registers it.
    ///
    /// A file that exists but is not UTF-8 is registered empty and reported as a diagnostic;
    /// a file that cannot be read at all is a [`ReadError`].
    pub fn read(&mut self, path: &Path) -> Result<(SourceId, Option<Diagnostic>), ReadError> {
        let read_error = |error| ReadError {
            path: path.to_owned(),
            error,
        };
        if path.is_dir() {
            return Err(read_error(std::io::Error::other("it is a directory")));
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        let name = path.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => Ok((self.add(name, text), None)),
            Err(e) => {
                let id = self.add(name, String::new());
                let detail = format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                );
                Ok((
                    id,
                    Some(Diagnostic::new(
                        Problem::Unreadable { detail },
                        id,
                        JsonPath::root(),
                    )),
                ))
            }
        }
    }

    /// Reads a file like [`Sources::read`], but registers one that cannot be read at all as an
    /// empty file with an E008 diagnostic, so that `check` can report it and go on. The flag
    /// says whether the file could be read (as bytes, UTF-8 or not).
    pub fn read_or_report(&mut self, path: &Path) -> (SourceId, Option<Diagnostic>, bool) {
        match self.read(path) {
            Ok((id, problem)) => (id, problem, true),
            Err(e) => {
                let id = self.add(path.display().to_string(), String::new());
                let detail = e.error.to_string();
                let problem = Problem::Unreadable { detail };
                (
                    id,
                    Some(Diagnostic::new(problem, id, JsonPath::root())),
                    false,
                )
            }
        }
    }

    /// The file with this id.
    pub fn file(&self, id: SourceId) -> &SourceFile {
        &self.files[id]
    }

    /// The display name of the file with this id.
    pub fn name(&self, id: SourceId) -> &str {
        &self.files[id].name
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Fills in the line and column of every diagnostic that has a path but no position yet,
    /// with one pass over each file involved.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        for (id, file) in self.files.iter().enumerate() {
            let todo: Vec<usize> = diagnostics
                .iter()
                .enumerate()
                .filter(|(_, d)| d.source == Some(id) && d.position.is_none())
                .map(|(i, _)| i)
                .collect();
            if todo.is_empty() {
                continue;
            }
            let paths: Vec<&JsonPath> = todo.iter().map(|&i| &diagnostics[i].path).collect();
            let offsets = locate(&file.text, &paths);
            let positions = LineIndex::new(&file.text).positions(&offsets);
            for (&i, position) in todo.iter().zip(positions) {
                diagnostics[i].position = Some(position);
            }
        }
    }
}

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

/// A diagnostic for any serde_json error at `path`, with the error's own position.
pub(crate) fn problem_at(
    text: &str,
    source: SourceId,
    path: JsonPath,
    e: &serde_json::Error,
) -> Diagnostic {
    if !e.is_data() {
        return syntax_problem(text, source, e);
    }
    let mut d = data_problem(source, JsonPath::root(), path, e);
    let lines = LineIndex::new(text);
    d.position = Some(lines.position(lines.offset_of_byte_column(e.line(), e.column())));
    d
}

fn syntax_problem(text: &str, source: SourceId, e: &serde_json::Error) -> Diagnostic {
    let lines = LineIndex::new(text);
    let offset = lines.offset_of_byte_column(e.line(), e.column());
    let mut d = Diagnostic::new(
        Problem::Syntax {
            detail: bare_message(e),
        },
        source,
        JsonPath::root(),
    );
    d.position = Some(lines.position(offset));
    d
}

/// Removes repeats, and a missing field that an unknown near-miss already explains: for
/// `"emergncy"`, "unknown field `emergncy`, did you mean `emergency`?" says it all.
fn tidy(mut all: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: Vec<(&'static str, JsonPath)> = Vec::new();
    all.retain(|d| {
        let key = (d.code(), d.path.clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    let misspelt: Vec<(JsonPath, String)> = all
        .iter()
        .filter_map(|d| match &d.problem {
            Problem::UnknownField { nearest, .. } => {
                let parent = JsonPath(d.path.0[..d.path.0.len().saturating_sub(1)].to_vec());
                nearest.first().map(|n| (parent, n.clone()))
            }
            _ => None,
        })
        .collect();
    all.retain(|d| match &d.problem {
        Problem::MissingField { field } => {
            !misspelt.iter().any(|(p, f)| *p == d.path && f == field)
        }
        _ => true,
    });
    all
}

/// serde_json appends " at line L column C"; diagnostics carry the position separately.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
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

fn element_error<'v, T: Deserialize<'v>>(item: &'v Value) -> Option<(JsonPath, serde_json::Error)> {
    serde_path_to_error::deserialize::<_, T>(item)
        .err()
        .map(|e| (convert_path(e.path()), e.into_inner()))
}

pub(crate) fn convert_path(path: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment;
    JsonPath(
        path.iter()
            .filter_map(|seg| match seg {
                Segment::Seq { index } => Some(Seg::Index(*index)),
                Segment::Map { key } => Some(Seg::Key(key.clone())),
                Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
                Segment::Unknown => None,
            })
            .collect(),
    )
}

fn unknown_field_name(msg: &str) -> Option<String> {
    msg.strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
        .map(str::to_owned)
}

/// Backticked names after "expected" in a serde message: the allowed fields or values.
fn expected_names(msg: &str) -> Vec<String> {
    let Some(i) = msg.find("expected") else {
        return Vec::new();
    };
    msg[i..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Turns a serde data error into a typed problem at `prefix` + `path`.
pub(crate) fn data_problem(
    source: SourceId,
    prefix: JsonPath,
    path: JsonPath,
    e: &serde_json::Error,
) -> Diagnostic {
    let msg = bare_message(e);
    let backticked = |m: &str| m.split('`').nth(1).unwrap_or_default().to_owned();
    let mut full = prefix;
    full.0.extend(path.0);
    let problem = if let Some(field) = unknown_field_name(&msg) {
        let expected = expected_names(&msg);
        if full.0.last() != Some(&Seg::Key(field.clone())) {
            full.0.push(Seg::Key(field.clone()));
        }
        Problem::UnknownField {
            nearest: nearest(&field, expected.iter().map(String::as_str)),
            field,
        }
    } else if msg.starts_with("missing field") {
        Problem::MissingField {
            field: backticked(&msg),
        }
    } else if msg.starts_with("unknown variant") {
        let value = backticked(&msg);
        let all = expected_names(&msg);
        let close = nearest(&value, all.iter().map(String::as_str));
        Problem::UnknownValue {
            value,
            expected: if close.is_empty() { all } else { close },
        }
    } else if msg.starts_with("duplicate field") || msg.starts_with("duplicate key") {
        Problem::DuplicateKey {
            key: backticked(&msg),
        }
    } else {
        Problem::Invalid { detail: msg }
    };
    Diagnostic::new(problem, source, full)
}

#[cfg(test)]
mod tests {
    use super::*;

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
