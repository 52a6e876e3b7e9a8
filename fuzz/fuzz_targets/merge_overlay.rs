//! Any bytes as an overlay on the built-in graph: parsing, merging, indexing and checking the
//! merged graph, and locating every diagnostic in the file it names. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegwijs::check::{self, CheckOptions};
use wegwijs::graph::{Graph, Origins, Sources, load, overlay};
use wegwijs::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Sources::new();
    let base = sources.add_builtin();
    let id = sources.add("overlay.json", text.to_owned());
    let mut rules = load::parse(load::BUILTIN_TEXT, base).expect("the built-in graph parses");
    let mut origins = Origins::single(base);
    let mut diagnostics = Vec::new();
    match overlay::parse(&sources.file(id).text, id) {
        Ok(o) => overlay::apply(&mut rules, &mut origins, o, id, &mut diagnostics),
        Err(d) => diagnostics.extend(d),
    }
    if diagnostics.is_empty() {
        let (graph, d) = Graph::new(rules, origins);
        let opts = CheckOptions {
            today: "2026-12-01".parse().unwrap(),
            max_age_days: 365,
            ..CheckOptions::default()
        };
        diagnostics.extend(check::run(&graph, &d, &opts));
        diagnostics.extend(d);
    }
    sources.locate(&mut diagnostics);
    let mut out = Vec::new();
    check::report::write_text(&mut out, &diagnostics, &sources, Lang::En, false).unwrap();
});
