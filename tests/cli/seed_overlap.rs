//! The built-in graph's texts are written afresh, not copied from the seed page.
//!
//! The seed page (the ESS "professionals" page the project started from) is not part of the
//! project. It is read at run time from `../shared/seed/` next to the crate root, or from
//! `WEGWIJS_SEED_DIR`. Where it is absent the rule of [`crate::external`] applies: skipped with a
//! notice, a failure in CI.

use std::collections::HashMap;

use crate::external::seed_dir;

/// Runs of this many words shared with the seed page count as copied.
const RUN: usize = 8;

/// The words of a text: lowercase runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every string in a JSON value, with the JSON path where it sits.
fn strings(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                strings(item, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

/// The first run of [`RUN`] words that `text` shares with any seed text, if there is one.
fn shared_run(text: &str, seed: &HashMap<Vec<String>, String>) -> Option<String> {
    words(text)
        .windows(RUN)
        .find_map(|run| seed.get(run).cloned())
}

/// Every run of [`RUN`] words of the seed texts, with the file it comes from.
fn seed_runs(files: &[(String, String)]) -> HashMap<Vec<String>, String> {
    let mut runs = HashMap::new();
    for (name, text) in files {
        for run in words(text).windows(RUN) {
            runs.entry(run.to_vec()).or_insert_with(|| name.clone());
        }
    }
    runs
}

#[test]
fn no_graph_text_shares_eight_words_with_the_seed_page() {
    let Some(dir) = seed_dir() else {
        return;
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path.display().to_string(), text));
        }
    }
    assert!(
        !files.is_empty(),
        "no seed page (*.txt) in {}",
        dir.display()
    );
    let seed = seed_runs(&files);
    let graph: serde_json::Value = serde_json::from_str(wegwijs::graph::BUILTIN_TEXT).unwrap();
    let mut texts = Vec::new();
    strings(&graph, "$".to_owned(), &mut texts);
    let copied: Vec<String> = texts
        .iter()
        .filter_map(|(path, text)| {
            shared_run(text, &seed)
                .map(|file| format!("{path}: {text:?} (shares {RUN} words with {file})"))
        })
        .collect();
    assert!(
        copied.is_empty(),
        "texts copied from the seed page; write them afresh:\n{}",
        copied.join("\n")
    );
}

#[test]
fn a_copied_run_is_found_and_a_paraphrase_is_not() {
    let seed = seed_runs(&[(
        "seed".to_owned(),
        "Zorg dat u als professional open staat voor de signalen van de mensen om u heen."
            .to_owned(),
    )]);
    assert!(
        shared_run(
            "Tip: zorg dat u als professional OPEN staat voor de signalen, altijd.",
            &seed
        )
        .is_some()
    );
    assert!(shared_run("Let op wat mensen om u heen merken en vertellen.", &seed).is_none());
}
