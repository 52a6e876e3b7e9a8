//! Overlays: a small file that adds to or changes a base graph without copying it.
//!
//! An overlay lists items by id in the same sections as a graph. An id the base lacks adds a
//! complete new item; an id it has patches that item field by field, the way JSON Merge Patch
//! (RFC 7396) does: objects merge key by key (so `{"contact": {"phone": ".."}}` keeps the
//! website), `null` removes an optional field, anything else replaces. `attach` appends
//! recommendations to existing nodes. Every patched or attached value remembers which file and
//! JSON path it came from, so a diagnostic about the merged graph points into the right file.
//! The acute-danger route is the base graph's alone: a patch of the safety question or of an
//! urgent step, or an overlay step marked urgent, is refused (E026) and not applied.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::keyed::KeyedStrings;
use super::model::{
    Addition, Advice, Choice, Entry, Node, Question, RuleGraph, SCHEMA_VERSION, Source, Step, Text,
};
use super::origins::{FieldOrigin, ItemOrigin, Origins, OverlayInfo};
use super::str::Str;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Problem, SourceId};
use crate::location::{JsonPath, Seg};

/// An overlay file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Overlay<'a> {
    /// Where editors find the JSON Schema of this file; ignored by wegwijs.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub schema_version: u32,
    /// The overlay's own id; its presence marks the file as an overlay.
    pub overlay: Str<'a>,
    /// The id of the graph this overlay was written for; a different base is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Str<'a>>,
    /// The overlay's content version.
    pub version: Str<'a>,
    /// When the overlay was last reviewed.
    pub reviewed: Date,
    /// What the overlay adds, in every language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'a>>,
    /// New or patched sources.
    #[serde(default)]
    pub sources: Vec<Value>,
    /// New or patched roles.
    #[serde(default)]
    pub roles: Vec<Value>,
    /// New or patched concerns.
    #[serde(default)]
    pub concerns: Vec<Value>,
    /// New or patched questions.
    #[serde(default)]
    pub questions: Vec<Value>,
    /// New or patched steps.
    #[serde(default)]
    pub steps: Vec<Value>,
    /// New or patched advice.
    #[serde(default)]
    pub advice: Vec<Value>,
    /// New or patched partners.
    #[serde(default)]
    pub partners: Vec<Value>,
    /// New or patched trainings.
    #[serde(default)]
    pub trainings: Vec<Value>,
    /// New or patched resources.
    #[serde(default)]
    pub resources: Vec<Value>,
    /// New or patched networks.
    #[serde(default)]
    pub networks: Vec<Value>,
    /// New or patched nodes.
    #[serde(default)]
    pub nodes: Vec<Value>,
    /// Recommendations to append to existing nodes.
    #[serde(default)]
    pub attach: Vec<Attach<'a>>,
}

/// Extra recommendations for an existing node.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct Attach<'a> {
    /// The node's id.
    pub node: Str<'a>,
    /// What to append to its `add` list.
    pub add: Vec<Addition<'a>>,
}

/// What kind of rule file a text is, judged by its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A whole graph.
    Graph,
    /// An overlay (it has an `overlay` key).
    Overlay,
}

/// Tells an overlay from a graph without building either.
pub fn kind_of(text: &str) -> FileKind {
    #[derive(Deserialize)]
    struct Probe {
        overlay: Option<serde::de::IgnoredAny>,
    }
    // A graph never has this key, so most graphs are told apart without parsing.
    if !text.contains("\"overlay\"") {
        return FileKind::Graph;
    }
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe { overlay: Some(_) }) => FileKind::Overlay,
        _ => FileKind::Graph,
    }
}

/// Parses an overlay file; structural problems are located in that file.
pub fn parse(text: &str, source: SourceId) -> Result<Overlay<'_>, Vec<Diagnostic>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<Overlay<'_>, _> = serde_path_to_error::deserialize(&mut de);
    match parsed {
        Ok(o) if o.schema_version == SCHEMA_VERSION => Ok(o),
        Ok(o) => Err(vec![Diagnostic::new(
            Problem::SchemaVersion {
                found: o.schema_version.to_string(),
            },
            source,
            JsonPath::root().key("schema_version"),
        )]),
        Err(e) => {
            let path = super::decode::convert_path(e.path());
            let inner = e.into_inner();
            Err(vec![super::decode::problem_at(text, source, path, &inner)])
        }
    }
}

/// Applies `overlay` (read from `source`) to `base`, recording where every change came from.
pub fn apply<'a>(
    base: &mut RuleGraph<'a>,
    origins: &mut Origins,
    overlay: Overlay<'a>,
    source: SourceId,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(expected) = &overlay.extends {
        if **expected != *base.id {
            diags.push(Diagnostic::new(
                Problem::OverlayBase {
                    expected: expected.to_string(),
                    found: base.id.to_string(),
                },
                source,
                JsonPath::root().key("extends"),
            ));
            return;
        }
    }
    let mut m = Merger {
        origins,
        source,
        diags,
    };
    m.section(
        "sources",
        &mut base.sources,
        overlay.sources,
        |s: &Source| &s.id,
    );
    m.section("roles", &mut base.roles, overlay.roles, |c: &Choice<'a>| {
        c.id.as_str()
    });
    m.section(
        "concerns",
        &mut base.concerns,
        overlay.concerns,
        |c: &Choice| &c.id,
    );
    m.section(
        "questions",
        &mut base.questions,
        overlay.questions,
        |q: &Question| &q.id,
    );
    m.section("steps", &mut base.steps, overlay.steps, |s: &Step<'a>| {
        s.id.as_str()
    });
    m.section("advice", &mut base.advice, overlay.advice, |a: &Advice| {
        &a.id
    });
    m.section(
        "partners",
        &mut base.partners,
        overlay.partners,
        |e: &Entry| &e.id,
    );
    m.section(
        "trainings",
        &mut base.trainings,
        overlay.trainings,
        |e: &Entry| &e.id,
    );
    m.section(
        "resources",
        &mut base.resources,
        overlay.resources,
        |e: &Entry| &e.id,
    );
    m.section(
        "networks",
        &mut base.networks,
        overlay.networks,
        |e: &Entry| &e.id,
    );
    m.section("nodes", &mut base.nodes, overlay.nodes, |n: &Node<'a>| {
        n.id.as_str()
    });
    let nodes: HashMap<String, usize> = base
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.to_string(), i))
        .collect();
    for (j, attach) in overlay.attach.into_iter().enumerate() {
        let at = JsonPath::item("attach", j);
        let Some(&i) = nodes.get(attach.node.as_str()) else {
            let nearest = crate::suggest::nearest(&attach.node, nodes.keys().map(String::as_str));
            m.diags.push(Diagnostic::new(
                Problem::Dangling {
                    kind: "node",
                    id: attach.node.to_string(),
                    nearest,
                },
                source,
                at.key("node"),
            ));
            continue;
        };
        let node = &mut base.nodes[i];
        let mut add = std::mem::take(&mut node.add).into_vec();
        for (k, addition) in attach.add.into_iter().enumerate() {
            let prefix = vec![Seg::Key("add".into()), Seg::Index(add.len())];
            m.record("nodes", i, prefix, at.clone().key("add").index(k));
            add.push(addition);
        }
        node.add = add.into_boxed_slice();
    }
    let title = overlay.title.as_ref().map(|t| {
        Text(KeyedStrings::from_pairs(
            t.0.iter()
                .map(|(k, v)| (Str::from(k.to_owned()), Str::from(v.to_owned())))
                .collect(),
        ))
    });
    origins.overlays.push(OverlayInfo {
        id: overlay.overlay.to_string(),
        version: overlay.version.to_string(),
        reviewed: overlay.reviewed,
        title,
        source,
    });
}

struct Merger<'a> {
    origins: &'a mut Origins,
    source: SourceId,
    diags: &'a mut Vec<Diagnostic>,
}

impl Merger<'_> {
    fn section<'a, T>(
        &mut self,
        section: &'static str,
        items: &mut Vec<T>,
        patches: Vec<Value>,
        id_of: fn(&T) -> &str,
    ) where
        T: Serialize + Deserialize<'a>,
    {
        let mut by_id: HashMap<String, usize> = items
            .iter()
            .enumerate()
            .map(|(i, t)| (id_of(t).to_owned(), i))
            .collect();
        for (j, mut patch) in patches.into_iter().enumerate() {
            let at = JsonPath::item(section, j);
            drop_empty_contact_fields(&mut patch);
            let Some(id) = patch.get("id").and_then(Value::as_str).map(str::to_owned) else {
                self.diags.push(Diagnostic::new(
                    Problem::MissingField { field: "id".into() },
                    self.source,
                    at,
                ));
                continue;
            };
            match by_id.get(&id).copied() {
                Some(i) => {
                    let Ok(mut merged) = serde_json::to_value(&items[i]) else {
                        continue;
                    };
                    if let Some(problem) = safety_patch(section, &id, &merged, &patch) {
                        let field = match &problem {
                            Problem::SafetyPatch { field, .. } => field.clone(),
                            _ => String::new(),
                        };
                        self.diags
                            .push(Diagnostic::new(problem, self.source, at.key(&field)));
                        continue;
                    }
                    merge_patch(&mut merged, &patch);
                    match from_value::<T>(merged) {
                        Ok(item) => {
                            items[i] = item;
                            for prefix in patched_paths(&patch) {
                                let mut in_overlay = at.clone();
                                in_overlay.0.extend(prefix.iter().cloned());
                                self.record(section, i, prefix, in_overlay);
                            }
                        }
                        Err((path, e)) => {
                            // A field the patch set is the overlay's fault; the rest the base's.
                            // A required field the patch removed (`"source": null`) is missing
                            // at the item itself: it, too, is the overlay's, at that `null`.
                            let removed = e
                                .to_string()
                                .strip_prefix("missing field `")
                                .and_then(|r| r.split('`').next())
                                .filter(|f| path.0.is_empty() && patch.get(*f).is_some())
                                .map(str::to_owned);
                            let from_patch = matches!(path.0.first(), Some(Seg::Key(k)) if patch.get(k).is_some());
                            let (source, at) = if let Some(field) = removed {
                                (self.source, at.clone().key(&field))
                            } else if from_patch {
                                (self.source, at.clone())
                            } else {
                                let (s, p) = self.origins.path(section, i, &[]);
                                (s, p)
                            };
                            self.diags
                                .push(super::decode::data_problem(source, at, path, &e));
                        }
                    }
                }
                // Only the base graph says what is urgent, so a new step may not be either.
                None if section == "steps" && patch.get("urgent") == Some(&Value::Bool(true)) => {
                    self.diags.push(Diagnostic::new(
                        Problem::SafetyPatch {
                            what: "new urgent step",
                            id,
                            field: "urgent".into(),
                        },
                        self.source,
                        at.key("urgent"),
                    ));
                }
                None => match from_value::<T>(patch) {
                    Ok(item) => {
                        by_id.insert(id, items.len());
                        self.origins.set(
                            section,
                            items.len(),
                            ItemOrigin {
                                source: self.source,
                                index: j,
                                fields: Vec::new(),
                            },
                        );
                        items.push(item);
                    }
                    Err((path, e)) => {
                        self.diags
                            .push(super::decode::data_problem(self.source, at, path, &e))
                    }
                },
            }
        }
    }

    fn record(&mut self, section: &'static str, index: usize, prefix: Vec<Seg>, path: JsonPath) {
        let (source, at) = self.origins.path(section, index, &[]);
        let origin = self.origins.entry(section, index, || ItemOrigin {
            source,
            index: match at.0.get(1) {
                Some(Seg::Index(i)) => *i,
                _ => index,
            },
            fields: Vec::new(),
        });
        origin.fields.push(FieldOrigin {
            prefix,
            source: self.source,
            path,
        });
    }
}

/// The E026 problem of patching `base` (an item of `section`) with `patch`, if any: the safety
/// question and urgent steps are the base's, and so is whether a step is urgent. New items are
/// not patches, so an overlay can still add steps of its own.
fn safety_patch(section: &str, id: &str, base: &Value, patch: &Value) -> Option<Problem> {
    let is_true = |v: &Value, key| v.get(key) == Some(&Value::Bool(true));
    let fields = patch.as_object()?.keys().filter(|k| *k != "id");
    let (what, field) = match section {
        "questions" if is_true(base, "safety") => ("safety question", fields.min()?),
        "steps" if is_true(base, "urgent") => ("urgent step", fields.min()?),
        "steps" if patch.get("urgent").is_some() => ("step", &"urgent".to_owned()),
        _ => return None,
    };
    Some(Problem::SafetyPatch {
        what,
        id: id.to_owned(),
        field: field.to_owned(),
    })
}

/// Deserializes an item from an overlay's JSON value; its strings are owned.
fn from_value<'a, T: Deserialize<'a>>(v: Value) -> Result<T, (JsonPath, serde_json::Error)> {
    serde_path_to_error::deserialize(v)
        .map_err(|e| (super::decode::convert_path(e.path()), e.into_inner()))
}

/// In an overlay, an empty contact field (`"phone": ""`) means "not filled in yet", as a starter
/// overlay writes it: it changes nothing, so an untouched starter leaves every slot open.
fn drop_empty_contact_fields(patch: &mut Value) {
    let Some(item) = patch.as_object_mut() else {
        return;
    };
    if let Some(Value::Object(contact)) = item.get_mut("contact") {
        contact.retain(|_, v| v.as_str().is_none_or(|s| !s.trim().is_empty()));
        if contact.is_empty() {
            item.remove("contact");
        }
    }
}

/// RFC 7396: objects merge recursively, `null` removes, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(target) = target {
        for (key, value) in patch {
            if value.is_null() {
                target.remove(key);
            } else {
                merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The paths of the values a patch sets: into objects, down to the first non-object.
fn patched_paths(patch: &Value) -> Vec<Vec<Seg>> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<Seg>, &Value)> = vec![(Vec::new(), patch)];
    while let Some((prefix, value)) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    if prefix.is_empty() && k == "id" {
                        continue;
                    }
                    let mut p = prefix.clone();
                    p.push(Seg::Key(k.clone()));
                    stack.push((p, v));
                }
            }
            Value::Null => {}
            _ => out.push(prefix),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_follows_rfc_7396() {
        let mut target = json!({"a": "b", "c": {"d": "e", "f": "g"}, "l": [1, 2]});
        merge_patch(&mut target, &json!({"a": "z", "c": {"f": null}, "l": [3]}));
        assert_eq!(target, json!({"a": "z", "c": {"d": "e"}, "l": [3]}));
    }

    #[test]
    fn patched_paths_reach_leaves_of_objects_only() {
        let mut paths = patched_paths(
            &json!({"id": "x", "contact": {"phone": "1"}, "aliases": ["a"], "why": null}),
        );
        paths.sort();
        assert_eq!(
            paths,
            [
                vec![Seg::Key("aliases".into())],
                vec![Seg::Key("contact".into()), Seg::Key("phone".into())]
            ]
        );
    }

    #[test]
    fn empty_contact_fields_change_nothing() {
        let mut patch = json!({"id": "x", "contact": {"phone": "", "email": " ", "website": "https://a.example"}});
        drop_empty_contact_fields(&mut patch);
        assert_eq!(
            patch,
            json!({"id": "x", "contact": {"website": "https://a.example"}})
        );
        let mut untouched =
            json!({"id": "x", "contact": {"phone": "", "email": "", "website": ""}});
        drop_empty_contact_fields(&mut untouched);
        assert_eq!(untouched, json!({"id": "x"}));
    }

    #[test]
    fn overlays_are_told_from_graphs() {
        assert_eq!(
            kind_of(r#"{"overlay": "x", "nodes": []}"#),
            FileKind::Overlay
        );
        assert_eq!(kind_of(r#"{"id": "x", "nodes": []}"#), FileKind::Graph);
        assert_eq!(kind_of("not json"), FileKind::Graph);
    }
}
