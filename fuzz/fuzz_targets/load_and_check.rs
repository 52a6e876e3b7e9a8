//! Any bytes as a rule file: loading, checking, locating and describing the diagnostics, and,
//! when the graph is sound, planning and rendering a few queries. Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegwijs::check::{self, CheckOptions};
use wegwijs::graph::{Graph, Origins, Sources, load};
use wegwijs::i18n::Lang;
use wegwijs::plan::{Plan, PlanOptions};
use wegwijs::render::{Json, Markdown, PlanRenderer, Text, TextStyle};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Sources::new();
    let id = sources.add("fuzz.json", text.to_owned());
    let text = &sources.file(id).text;
    let opts = CheckOptions {
        today: "2026-12-01".parse().unwrap(),
        max_age_days: 365,
        ..CheckOptions::default()
    };
    let mut diagnostics = match load::parse(text, id) {
        Err(d) => d,
        Ok(rules) => {
            let (graph, mut d) = Graph::new(rules, Origins::single(id));
            d.extend(check::run(&graph, &d, &opts));
            if d.iter().all(|d| d.severity() != wegwijs::diagnostic::Severity::Error) {
                plans(&graph);
            }
            d
        }
    };
    sources.locate(&mut diagnostics);
    check::sort(&mut diagnostics);
    let mut out = Vec::new();
    check::report::write_text(&mut out, &diagnostics, &sources, Lang::Nl, true).unwrap();
    serde_json::to_writer(&mut out, &check::report::to_json(&diagnostics, &sources, Lang::En)).unwrap();
});

fn plans(graph: &Graph<'_>) {
    let opts = PlanOptions {
        explain: true,
        today: "2026-12-01".parse().unwrap(),
        ..PlanOptions::new(Lang::En)
    };
    for role in 0..graph.rules.roles.len().min(3) as u32 {
        for concern in 0..graph.rules.concerns.len().min(3) as u32 {
            let mut q = wegwijs::query::Query::empty(graph);
            q.role = Some(role);
            q.concern = Some(concern);
            if let Ok(outcome) = wegwijs::engine::evaluate(graph, &q) {
                let plan = Plan::build(graph, &outcome, &opts);
                let mut out = Vec::new();
                Text(TextStyle::plain(Lang::En)).render(&plan, &mut out).unwrap();
                Markdown { lang: Lang::Nl }.render(&plan, &mut out).unwrap();
                Json::default().render(&plan, &mut out).unwrap();
            }
        }
    }
}
