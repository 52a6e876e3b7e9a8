//! Turning serde's errors into diagnostics: the JSON path of the value, its position, and a typed
//! [`Problem`] (an unknown field with the nearest known one, a missing field, an unknown value,
//! a duplicate key) instead of serde's sentence. Rule files ([`mod@super::load`]), overlays
//! ([`super::overlay`]) and rule-test files all report through here.

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::serde_text::expected_names;
use crate::diagnostic::{Diagnostic, Problem, SourceId};
use crate::location::{JsonPath, LineIndex, Seg};
use crate::suggest::nearest;

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

/// A JSON syntax error, at its position.
pub(crate) fn syntax_problem(text: &str, source: SourceId, e: &serde_json::Error) -> Diagnostic {
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
pub(crate) fn tidy(mut all: Vec<Diagnostic>) -> Vec<Diagnostic> {
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

/// The first error deserializing `item` as a `T` gives, with its path inside `item`.
pub(crate) fn element_error<'v, T: Deserialize<'v>>(
    item: &'v Value,
) -> Option<(JsonPath, serde_json::Error)> {
    serde_path_to_error::deserialize::<_, T>(item)
        .err()
        .map(|e| (convert_path(e.path()), e.into_inner()))
}

/// serde_path_to_error's path as a [`JsonPath`].
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

/// The field an "unknown field" message names.
pub(crate) fn unknown_field_name(msg: &str) -> Option<String> {
    msg.strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
        .map(str::to_owned)
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
