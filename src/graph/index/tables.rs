//! An [`Index`] as static tables: how the prepared built-in graph ([`crate::graph::prepared`])
//! carries its index, so that start-up copies arrays instead of resolving every id again.
//!
//! `write` (test only) turns a built index into the Rust source of a [`Tables`] value, for the
//! test that writes the prepared graph; [`Index::from_tables`] reads it back.

#[cfg(wegwijs_prepared)]
use super::Packed;
use super::{Condition, Index};
#[cfg(test)]
use crate::graph::ask::Ask;
#[cfg(wegwijs_prepared)]
use crate::graph::lookup::Lookup;

/// Every part of an [`Index`], as static data.
#[cfg(wegwijs_prepared)]
pub(crate) struct Tables {
    /// [`Index::roles`].
    pub roles: Lookup<'static>,
    /// [`Index::concerns`].
    pub concerns: Lookup<'static>,
    /// [`Index::questions`].
    pub questions: Lookup<'static>,
    /// [`Index::options`].
    pub options: &'static [Lookup<'static>],
    /// [`Index::entries`].
    pub entries: [Lookup<'static>; 6],
    /// [`Index::start`].
    pub start: Option<u32>,
    /// [`Index::safety`].
    pub safety: Option<u32>,
    /// Each node's packed links: ask, default, next, end of its branches, end of its additions.
    pub nodes: &'static [[u32; 5]],
    /// The branches of every node.
    pub branches: &'static [(u32, u32)],
    /// The catalog index of every addition.
    pub add_entries: &'static [u32],
    /// Every resolved `when`.
    pub conditions: &'static [Condition],
    /// Additions with a `when`, to their condition.
    pub condition_of: &'static [(u32, u32)],
}

#[cfg(wegwijs_prepared)]
impl Index<'static> {
    /// The index the tables describe.
    pub(crate) fn from_tables(t: &Tables) -> Index<'static> {
        Index {
            // Tables, conditions: views of static data, copied without allocating.
            roles: t.roles.clone(),
            concerns: t.concerns.clone(),
            questions: t.questions.clone(),
            options: t.options.to_vec(),
            entries: t.entries.clone(),
            start: t.start,
            safety: t.safety,
            nodes: t
                .nodes
                .iter()
                .map(|&[ask, default, next, then_end, add_end]| Packed {
                    ask,
                    default,
                    next,
                    then_end,
                    add_end,
                })
                .collect(),
            branches: t.branches.to_vec(),
            add_entries: t.add_entries.to_vec(),
            conditions: t.conditions.to_vec(),
            condition_of: t.condition_of.iter().copied().collect(),
        }
    }
}

/// The Rust source of a `Tables` value holding `index`, for a file that has `Tables`, `Ask`,
/// `Condition`, `Lookup`, `Slice` and the constructor `s` in scope.
#[cfg(test)]
pub(crate) fn write(index: &Index) -> String {
    use std::fmt::Write;

    fn keys(lookup: &crate::graph::lookup::Lookup) -> String {
        let at = |k: &str| lookup.get(k).expect("a key of the table");
        let mut sorted: Vec<&str> = lookup.keys().collect();
        sorted.sort_unstable();
        let sorted: Vec<String> = sorted
            .iter()
            .map(|k| format!("({k:?}, {})", at(k)))
            .collect();
        let keys: Vec<String> = lookup.keys().map(|k| format!("s({k:?})")).collect();
        format!(
            "Lookup::sorted(const {{ &[{}] }}, const {{ &[{}] }})",
            sorted.join(", "),
            keys.join(", ")
        )
    }
    fn list<T>(items: &[T], each: impl Fn(&T) -> String) -> String {
        let items: Vec<String> = items.iter().map(each).collect();
        format!("&[{}]", items.join(", "))
    }
    fn ask(a: Ask) -> String {
        match a {
            Ask::Role => "Ask::Role".to_owned(),
            Ask::Concern => "Ask::Concern".to_owned(),
            Ask::Question(q) => format!("Ask::Question({q})"),
        }
    }
    let Index {
        roles,
        concerns,
        questions,
        options,
        entries,
        start,
        safety,
        nodes,
        branches,
        add_entries,
        conditions,
        condition_of,
    } = index;
    let mut condition_of: Vec<(u32, u32)> = condition_of.iter().map(|(&a, &c)| (a, c)).collect();
    condition_of.sort_unstable();
    let mut out = String::new();
    let w = &mut out;
    // Writing to a String cannot fail.
    let _ = writeln!(w, "Tables {{");
    let _ = writeln!(w, "    roles: {},", keys(roles));
    let _ = writeln!(w, "    concerns: {},", keys(concerns));
    let _ = writeln!(w, "    questions: {},", keys(questions));
    let _ = writeln!(w, "    options: const {{ {} }},", list(options, keys));
    let _ = writeln!(w, "    entries: [");
    for e in entries {
        let _ = writeln!(w, "        {},", keys(e));
    }
    let _ = writeln!(w, "    ],");
    let _ = writeln!(w, "    start: {start:?},");
    let _ = writeln!(w, "    safety: {safety:?},");
    let _ = writeln!(
        w,
        "    nodes: {},",
        list(nodes, |p| format!(
            "[{}, {}, {}, {}, {}]",
            p.ask, p.default, p.next, p.then_end, p.add_end
        ))
    );
    let _ = writeln!(w, "    branches: {},", list(branches, |b| format!("{b:?}")));
    let _ = writeln!(w, "    add_entries: &{add_entries:?},");
    let _ = writeln!(
        w,
        "    conditions: {},",
        list(conditions, |c: &Condition| format!(
            "Condition {{ clauses: Slice::Borrowed({}) }}",
            list(&c.clauses, |(a, o)| format!(
                "({}, Slice::Borrowed(&{:?}))",
                ask(*a),
                &o[..]
            ))
        ))
    );
    let _ = writeln!(
        w,
        "    condition_of: {},",
        list(&condition_of, |p| format!("{p:?}"))
    );
    let _ = write!(w, "}}");
    out
}
