//! A test that data flows one way: no file imports itself back through other files, and no
//! top-level module imports itself back through other top-level modules.
//!
//! What counts as an import of file A by file B (every source file of the library, `src/**/*.rs`
//! except `main.rs`, read up to its `#[cfg(test)] mod …` tests):
//! - a `use` declaration whose path starts with `crate::`, `super::` or `self::`, or with the name
//!   of a module that B declares (`use index::Add;` in `graph/mod.rs`);
//! - a path written out in code that starts with `crate::` or `super::`
//!   (`crate::graph::Kind::Step`, `super::load::problem_at(…)`).
//!
//! What does not count: `mod x;` declarations; a parent re-exporting its own child's items
//! (`pub use text::Text;` in `render/mod.rs`), which names the child's items under the parent
//! and is how a folder module shows its interface (the child may still use the parent's shared
//! trait); a parent's written-out paths into its own children (`index::build(…)`); paths to other
//! crates and the standard library; anything in comments and string literals.
//!
//! A path resolves to the file of its longest prefix that names a module: `crate::graph::index::Ask`
//! is `graph/index.rs`, `crate::graph::Graph` is `graph/mod.rs`.
//!
//! Files import each other in a cycle when A imports B and B, directly or through others,
//! imports A. Top-level modules (`graph`, `plan`, `render`, …: a file directly under `src/`, or a
//! folder with everything in it) are in a cycle when their files' imports across modules go
//! round.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module path of every library file, e.g. `["graph", "index"]`, with its text.
type Files = BTreeMap<Vec<String>, String>;

fn read_sources() -> Files {
    fn walk(dir: &Path, prefix: &[String], files: &mut Files) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name.to_string());
                walk(&path, &inner, files);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                if prefix.is_empty() && stem == "main" {
                    continue;
                }
                let mut module = prefix.to_vec();
                if stem != "mod" && stem != "lib" {
                    module.push(stem.to_string());
                }
                let text = std::fs::read_to_string(&path).expect("a readable source file");
                files.insert(module, text);
            }
        }
    }
    let mut files = Files::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut files,
    );
    files
}

/// `text` without comments, string and character literals, and cut before its test module.
fn code_of(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(out.chars().last())
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('a', '\n', '\'') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    match out.find("#[cfg(test)]\nmod ") {
        Some(at) => out[..at].to_string(),
        None => out,
    }
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Every path a `use` tree names, e.g. `a::{b, c::{d, e}}` gives `a::b`, `a::c::d`, `a::c::e`.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn go(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = segments(&tree[..open]);
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut full = prefix.to_vec();
            full.extend(head);
            let mut depth = 0;
            let mut start = 0;
            for (k, ch) in inner.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&full, &inner[start..k], out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            go(&full, &inner[start..], out);
        } else {
            let tree = tree.split(" as ").next().unwrap_or(tree);
            let mut full = prefix.to_vec();
            full.extend(segments(tree));
            out.push(full);
        }
    }
    let mut out = Vec::new();
    go(&[], tree, &mut out);
    out
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "*")
        .map(str::to_string)
        .collect()
}

/// Every module path `code` (of the file for module `module`) imports, unresolved.
fn imported_paths(
    module: &[String],
    code: &str,
    modules: &BTreeSet<Vec<String>>,
) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    // `use` declarations.
    let mut in_use = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("use ") {
        let start = from + at;
        from = start + 4;
        let before = code[..start].chars().last();
        if is_ident(before) || before == Some(':') {
            continue;
        }
        let Some(end) = code[from..].find(';') else {
            break;
        };
        let tree = &code[from..from + end];
        in_use.push(start..from + end);
        let re_export =
            code[..start].trim_end().ends_with("pub") || code[..start].trim_end().ends_with(')');
        for path in expand_use(tree) {
            let Some(first) = path.first() else { continue };
            let absolute = match first.as_str() {
                "crate" => path[1..].to_vec(),
                "self" if re_export => continue,
                "self" => [module, &path[1..]].concat(),
                "super" => {
                    let ups = path.iter().take_while(|s| *s == "super").count();
                    let keep = module.len().saturating_sub(ups);
                    [&module[..keep], &path[ups..]].concat()
                }
                child if modules.contains(&[module, &[child.to_string()]].concat()) => {
                    if re_export {
                        continue;
                    }
                    [module, &path[..]].concat()
                }
                _ => continue,
            };
            paths.push(absolute);
        }
        from += end;
    }
    // Paths written out from the crate root or the parent.
    for root in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(root) {
            let start = from + at;
            from = start + root.len();
            if is_ident(code[..start].chars().last())
                || code[..start].ends_with("::")
                || in_use.iter().any(|r| r.contains(&start))
            {
                // Part of a longer path, or of a `use` tree read above.
                continue;
            }
            let mut end = from;
            while end < bytes.len() && (is_ident(Some(bytes[end] as char)) || bytes[end] == b':') {
                end += 1;
            }
            let rest = segments(&code[from..end]);
            paths.push(if root == "crate::" {
                rest
            } else {
                [&module[..module.len().saturating_sub(1)], &rest[..]].concat()
            });
        }
    }
    paths
}

/// The module whose file holds `path`: its longest prefix that is a module.
fn file_of(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

type Edges = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

/// Which files each file imports.
fn file_imports(files: &Files) -> Edges {
    let modules: BTreeSet<Vec<String>> = files.keys().cloned().collect();
    let mut edges = Edges::new();
    for (module, text) in files {
        let code = code_of(text);
        let targets = edges.entry(module.clone()).or_default();
        for path in imported_paths(module, &code, &modules) {
            let file = file_of(&path, &modules);
            if file != *module && !file.is_empty() {
                targets.insert(file);
            }
        }
    }
    edges
}

/// Which top-level modules each top-level module imports.
fn module_imports(files: &Edges) -> Edges {
    let mut edges = Edges::new();
    for (from, targets) in files {
        let Some(top) = from.first() else { continue };
        let entry = edges.entry(vec![top.clone()]).or_default();
        for to in targets {
            if let Some(other) = to.first().filter(|t| *t != top) {
                entry.insert(vec![other.clone()]);
            }
        }
    }
    edges
}

/// Every cycle a depth-first search meets, each as the list of nodes round it.
fn cycles(edges: &Edges) -> Vec<Vec<Vec<String>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit(
        node: &Vec<String>,
        edges: &Edges,
        colour: &mut BTreeMap<Vec<String>, Colour>,
        stack: &mut Vec<Vec<String>>,
        found: &mut Vec<Vec<Vec<String>>>,
    ) {
        colour.insert(node.clone(), Colour::Grey);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(Colour::White) {
                Colour::White => visit(next, edges, colour, stack, found),
                Colour::Grey => {
                    let at = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(next.clone());
                    found.push(cycle);
                }
                Colour::Black => {}
            }
        }
        stack.pop();
        colour.insert(node.clone(), Colour::Black);
    }
    let mut colour = BTreeMap::new();
    let mut found = Vec::new();
    for node in edges.keys() {
        if colour.get(node).copied().unwrap_or(Colour::White) == Colour::White {
            visit(node, edges, &mut colour, &mut Vec::new(), &mut found);
        }
    }
    found
}

fn show(cycles: &[Vec<Vec<String>>], file: bool) -> String {
    let name = |m: &Vec<String>| {
        if !file {
            return m.join("::");
        }
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        if m.is_empty() {
            "lib.rs".into()
        } else if src.join(m.join("/")).join("mod.rs").exists() {
            format!("{}/mod.rs", m.join("/"))
        } else {
            format!("{}.rs", m.join("/"))
        }
    };
    cycles
        .iter()
        .map(|c| c.iter().map(name).collect::<Vec<_>>().join(" -> "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_file_imports_itself_back() {
    let edges = file_imports(&read_sources());
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "files import each other in a circle:\n{}",
        show(&found, true)
    );
}

#[test]
fn no_top_level_module_imports_itself_back() {
    let edges = module_imports(&file_imports(&read_sources()));
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "top-level modules import each other in a circle:\n{}",
        show(&found, false)
    );
}

/// The core of the program, in the order data flows through it: each may import only modules
/// before it in this list (and the leaves and helpers outside it), never one after it.
const FLOW: [&str; 6] = ["graph", "query", "engine", "walks", "plan", "render"];

#[test]
fn data_flows_file_graph_query_walk_plan_render() {
    let edges = module_imports(&file_imports(&read_sources()));
    let mut backwards = Vec::new();
    for (i, from) in FLOW.iter().enumerate() {
        for to in edges.get(&vec![from.to_string()]).into_iter().flatten() {
            if let Some(j) = FLOW.iter().position(|m| to == &vec![m.to_string()]) {
                if j > i {
                    backwards.push(format!("{from} imports {}", FLOW[j]));
                }
            }
        }
    }
    assert!(backwards.is_empty(), "{}", backwards.join("\n"));
    // The checker judges graphs: it reads the walk, never the plan or its layout.
    let check = &edges[&vec!["check".to_string()]];
    for later in ["plan", "render"] {
        assert!(
            !check.contains(&vec![later.to_string()]),
            "check imports {later}"
        );
    }
}

#[test]
fn the_import_reader_sees_use_trees_re_exports_and_written_out_paths() {
    let modules: BTreeSet<Vec<String>> = [
        vec![],
        vec!["graph".to_string()],
        vec!["graph".to_string(), "index".to_string()],
        vec!["plan".to_string()],
    ]
    .into_iter()
    .collect();
    let code = code_of(
        "//! uses crate::plan in a comment\n\
         pub use index::{Add, Ask as A};\n\
         use index::Links;\n\
         use super::{plan::Plan, graph};\n\
         fn f() { let s = \"crate::plan\"; crate::plan::go(); }\n\
         #[cfg(test)]\nmod tests { use crate::plan::Plan; }\n",
    );
    let module = vec!["graph".to_string()];
    let files: BTreeSet<Vec<String>> = imported_paths(&module, &code, &modules)
        .iter()
        .map(|p| file_of(p, &modules))
        .collect();
    let expected: BTreeSet<Vec<String>> = [
        vec!["graph".to_string(), "index".to_string()],
        vec!["plan".to_string()],
        vec!["graph".to_string()],
    ]
    .into_iter()
    .collect();
    assert_eq!(files, expected);
    let mut edges = Edges::new();
    edges.insert(vec!["a".into()], [vec!["b".into()]].into());
    edges.insert(vec!["b".into()], [vec!["a".into()]].into());
    assert_eq!(show(&cycles(&edges), false), "a -> b -> a");
}
