//! JSON Schemas (draft 2020-12) of the rule-graph file and of the JSON outputs, generated from
//! the Rust types so they cannot drift from what wegwijs reads and writes.
//!
//! Copies are committed under `rules/schema/`; a test keeps them equal to these.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::batch::LineError;
use crate::check::report::JsonReport;
use crate::diff::Diff;
use crate::exit::ErrorObject;
use crate::graph::RuleGraph;
use crate::graph::overlay::Overlay;
use crate::plan::Plan;
use crate::review::Worksheet;
use crate::ruletest::TestFile;

/// The documents wegwijs publishes a schema for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A rule-graph file (what `--rules` and `check` read).
    Rules,
    /// A plan (`plan --format json`, each line of `batch` that gives a plan).
    Plan,
    /// The report of `check --format json`.
    Check,
    /// An overlay file (local additions to a graph).
    Overlay,
    /// A rule-test file (`wegwijs test`).
    Tests,
    /// An error: a failed line of `batch`, or a command's error on stderr with `--format json`.
    Error,
    /// The report of `diff --format json`.
    Diff,
    /// The worksheet of `review --format json`.
    Review,
}

/// Either error document wegwijs writes, for the `error` schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ErrorDocument {
    /// A `batch` line that gave no plan.
    Line(LineError),
    /// A command's error with `--format json`.
    Command(ErrorObject),
}

impl SchemaKind {
    /// All kinds, in the order they are listed.
    pub const ALL: [SchemaKind; 8] = [
        SchemaKind::Rules,
        SchemaKind::Plan,
        SchemaKind::Check,
        SchemaKind::Overlay,
        SchemaKind::Tests,
        SchemaKind::Error,
        SchemaKind::Diff,
        SchemaKind::Review,
    ];

    /// The file name of the committed copy, e.g. `rules.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Rules => "rules.schema.json",
            SchemaKind::Plan => "plan.schema.json",
            SchemaKind::Check => "check.schema.json",
            SchemaKind::Overlay => "overlay.schema.json",
            SchemaKind::Tests => "tests.schema.json",
            SchemaKind::Error => "error.schema.json",
            SchemaKind::Diff => "diff.schema.json",
            SchemaKind::Review => "review.schema.json",
        }
    }
}

/// The schema of one kind of document.
pub fn schema(kind: SchemaKind) -> Value {
    let reading = SchemaSettings::draft2020_12();
    let writing = SchemaSettings::draft2020_12().for_serialize();
    match kind {
        SchemaKind::Rules => root::<RuleGraph>(reading, "wegwijs rule graph (schema_version 1)"),
        SchemaKind::Plan => root::<Plan>(writing, "wegwijs referral plan (schema_version 1)"),
        SchemaKind::Check => root::<JsonReport>(writing, "wegwijs check report"),
        SchemaKind::Overlay => root::<Overlay>(reading, "wegwijs overlay (schema_version 1)"),
        SchemaKind::Tests => root::<TestFile>(reading, "wegwijs rule tests"),
        SchemaKind::Error => {
            let mut value = root::<ErrorDocument>(writing, "wegwijs error object");
            if let Value::Object(map) = &mut value {
                map.insert("type".into(), Value::String("object".into()));
            }
            value
        }
        SchemaKind::Diff => root::<Diff>(writing, "wegwijs diff report (schema_version 1)"),
        SchemaKind::Review => {
            root::<Worksheet>(writing, "wegwijs review worksheet (schema_version 1)")
        }
    }
}

fn root<T: JsonSchema>(settings: SchemaSettings, title: &str) -> Value {
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut value = serde_json::to_value(schema).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String(title.into()));
    }
    value
}

/// The schema as committed: pretty JSON with a final newline.
pub fn to_text(kind: SchemaKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_draft_2020_12_objects() {
        for kind in SchemaKind::ALL {
            let s = schema(kind);
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{kind:?}"
            );
            assert_eq!(s["type"], "object", "{kind:?}");
        }
    }

    #[test]
    fn rules_schema_refuses_unknown_fields_and_requires_the_core() {
        let s = schema(SchemaKind::Rules);
        assert_eq!(s["additionalProperties"], false);
        let required: Vec<&str> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for field in [
            "schema_version",
            "id",
            "start",
            "roles",
            "concerns",
            "nodes",
        ] {
            assert!(required.contains(&field), "{field}");
        }
    }
}
