//! Item by item: which catalog entries, questions, options, roles, concerns, sources (and, when
//! plans cannot be compared, nodes) were added, removed or changed, and in which fields.
//!
//! Items are matched by kind and id. Each item is compared as the JSON it serializes to,
//! flattened to dotted field names (`contact.phone`, `summary.en`), so a field the format gains
//! later is compared without a change here.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{Change, FieldChange, ItemChange};
use crate::graph::entries::catalog;
use crate::graph::{Graph, Kind};

/// The catalog entries (steps, partners, trainings, resources, networks, advice) that differ.
pub(super) fn entries(old: &Graph, new: &Graph) -> Vec<ItemChange> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let values = |g: &Graph| -> Vec<(String, String)> {
            match kind {
                Kind::Step => ids_and_json(&g.rules.steps, |s| s.id.as_str()),
                Kind::Advice => ids_and_json(&g.rules.advice, |a| a.id.as_str()),
                _ => ids_and_json(catalog(&g.rules, kind), |e| e.id.as_str()),
            }
        };
        // `verified` is left out when true; compare what it means.
        let normalize = |v: &mut Value| {
            if let (Value::Object(map), false) = (v, matches!(kind, Kind::Step | Kind::Advice)) {
                map.entry("verified").or_insert(Value::Bool(true));
            }
        };
        compare(
            kind.as_str(),
            &values(old),
            &values(new),
            normalize,
            &mut out,
        );
    }
    out
}

/// Roles, concerns, questions, options, sources and the graph's own texts that differ.
pub(super) fn structure(old: &Graph, new: &Graph) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let header = |g: &Graph| {
        let r = &g.rules;
        let v = serde_json::json!({
            "title": r.title, "emergency": r.emergency, "languages": r.languages,
        });
        vec![("graph".to_owned(), v.to_string())]
    };
    let same = |_: &mut Value| {};
    compare("graph", &header(old), &header(new), same, &mut out);
    compare(
        "role",
        &ids_and_json(&old.rules.roles, |r| r.id.as_str()),
        &ids_and_json(&new.rules.roles, |r| r.id.as_str()),
        same,
        &mut out,
    );
    compare(
        "concern",
        &ids_and_json(&old.rules.concerns, |c| c.id.as_str()),
        &ids_and_json(&new.rules.concerns, |c| c.id.as_str()),
        same,
        &mut out,
    );
    // Options are items of their own below.
    let without_options = |v: &mut Value| {
        if let Value::Object(map) = v {
            map.remove("options");
        }
    };
    compare(
        "question",
        &ids_and_json(&old.rules.questions, |q| q.id.as_str()),
        &ids_and_json(&new.rules.questions, |q| q.id.as_str()),
        without_options,
        &mut out,
    );
    let options = |g: &Graph| -> Vec<(String, String)> {
        g.rules
            .questions
            .iter()
            .flat_map(|q| {
                ids_and_json(&q.options, |o| o.id.as_str())
                    .into_iter()
                    .map(move |(o, v)| (format!("{}={o}", q.id), v))
            })
            .collect()
    };
    compare("option", &options(old), &options(new), same, &mut out);
    compare(
        "source",
        &ids_and_json(&old.rules.sources, |s| s.id.as_str()),
        &ids_and_json(&new.rules.sources, |s| s.id.as_str()),
        same,
        &mut out,
    );
    out
}

/// The nodes that differ: what a reader gets when there are too many plans to compare.
pub(super) fn nodes(old: &Graph, new: &Graph) -> Vec<ItemChange> {
    let mut out = Vec::new();
    compare(
        "node",
        &ids_and_json(&old.rules.nodes, |n| n.id.as_str()),
        &ids_and_json(&new.rules.nodes, |n| n.id.as_str()),
        |_| {},
        &mut out,
    );
    out
}

/// Each item's id and its JSON text: comparing texts is cheap, and only the few items that
/// differ are parsed into values to name their fields.
fn ids_and_json<T: Serialize>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<(String, String)> {
    list.iter()
        .map(|x| {
            (
                id(x).to_owned(),
                serde_json::to_string(x).unwrap_or_default(),
            )
        })
        .collect()
}

/// Appends the changes from `old` to `new`: removed items in old order, then added and changed
/// ones in new order. `normalize` makes two ways of writing the same thing equal.
fn compare(
    kind: &str,
    old: &[(String, String)],
    new: &[(String, String)],
    normalize: impl Fn(&mut Value),
    out: &mut Vec<ItemChange>,
) {
    let index: BTreeMap<&str, &String> = old.iter().map(|(i, v)| (i.as_str(), v)).collect();
    let new_ids: BTreeMap<&str, ()> = new.iter().map(|(i, _)| (i.as_str(), ())).collect();
    for (id, _) in old {
        if !new_ids.contains_key(id.as_str()) {
            out.push(item(kind, id, Change::Removed, Vec::new()));
        }
    }
    for (id, v) in new {
        match index.get(id.as_str()) {
            None => out.push(item(kind, id, Change::Added, Vec::new())),
            // Equal texts (nearly all) need no parsing.
            Some(&before) if before == v => {}
            Some(before) => {
                let parse = |text: &str| {
                    let mut v: Value = serde_json::from_str(text).unwrap_or_default();
                    normalize(&mut v);
                    if let Value::Object(map) = &mut v {
                        map.remove("id");
                    }
                    v
                };
                let fields = fields(&parse(before), &parse(v));
                if !fields.is_empty() {
                    out.push(item(kind, id, Change::Changed, fields));
                }
            }
        }
    }
}

fn item(kind: &str, id: &str, change: Change, fields: Vec<FieldChange>) -> ItemChange {
    ItemChange {
        kind: kind.to_owned(),
        id: id.to_owned(),
        change,
        fields,
        plans: None,
    }
}

/// The fields whose values differ, by dotted name, in name order.
pub(super) fn fields(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut before = BTreeMap::new();
    let mut after = BTreeMap::new();
    flatten("", old, &mut before);
    flatten("", new, &mut after);
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let (o, n) = (before.get(name), after.get(name));
            (o != n).then(|| FieldChange {
                field: name.clone(),
                old: o.cloned(),
                new: n.cloned(),
            })
        })
        .collect()
}

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&name, v, out);
            }
        }
        _ if prefix.is_empty() => {}
        other => {
            out.insert(prefix.to_owned(), other.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_fields_are_named_with_dots_and_absent_values_are_none() {
        let old = json!({"contact": {"phone": "1", "website": "https://a"}, "summary": {"nl": "x", "en": "y"}});
        let new = json!({"contact": {"phone": "2", "website": "https://a"}, "summary": {"nl": "x"}, "caveat": {"en": "c"}});
        let f = fields(&old, &new);
        let names: Vec<&str> = f.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, ["caveat.en", "contact.phone", "summary.en"]);
        assert_eq!(f[1].old, Some(json!("1")));
        assert_eq!(f[1].new, Some(json!("2")));
        assert_eq!(f[2].new, None);
    }

    #[test]
    fn items_are_matched_by_id_whatever_their_order() {
        let item = |id: &str, x: i32| (id.to_owned(), json!({ "x": x }).to_string());
        let old = vec![item("a", 1), item("b", 2)];
        let new = vec![item("b", 2), item("c", 3)];
        let mut out = Vec::new();
        compare("partner", &old, &new, |_| {}, &mut out);
        let got: Vec<(&str, Change)> = out.iter().map(|i| (i.id.as_str(), i.change)).collect();
        assert_eq!(got, [("a", Change::Removed), ("c", Change::Added)]);
    }
}
