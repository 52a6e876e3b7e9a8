//! `cargo bench`: wegwijs measured side by side with its floors, in one run.
//!
//! The machines this runs on are shared and noisy, so every figure that matters is a ratio of two
//! things measured alternately in the same run: loading and checking a graph against just parsing
//! its bytes as JSON, a batch of plans against serialising the same plans, `wegwijs plan` against
//! `wegwijs --version`. Absolute times are printed for orientation only.
//!
//! `WEGWIJS_BENCH_MAX_NODES=100000 cargo bench` stops at that graph size.

use std::hint::black_box;
use std::io::{BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use wegwijs::batch::{self, BatchOptions};
use wegwijs::check::{self, CheckOptions};
use wegwijs::engine;
use wegwijs::graph::{Graph, Origins, load};
use wegwijs::i18n::Lang;
use wegwijs::plan::{Plan, PlanOptions};
use wegwijs::query::Query;
use wegwijs::synth::{SynthOptions, generate};

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-load") {
        return child_load(&args[i + 1]);
    }
    let max_nodes: usize = std::env::var("WEGWIJS_BENCH_MAX_NODES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!(
        "wegwijs benchmark · {} · {} CPUs",
        machine(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    // First, while this process has no other children: peak RSS of `wegwijs plan`.
    one_shot();
    evaluation();
    loading(max_nodes);
}

/// The median of `runs` timings of `f`.
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT MET" }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpu} · {}", std::env::consts::ARCH)
}

// ---- 5. the one-shot command ---------------------------------------------------------------

fn one_shot() {
    let bin = env!("CARGO_BIN_EXE_wegwijs");
    let run = |args: &[&str]| {
        time(|| {
            let status = Command::new(bin)
                .args(args)
                .env("WEGWIJS_TODAY", "2026-12-01")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run wegwijs");
            assert!(status.success());
        })
    };
    let plan = [
        "plan",
        "--role",
        "youth-worker",
        "--concern",
        "radicalisation",
    ];
    // The same plan from the JSON file, which is parsed, indexed and checked at start-up as
    // any `--rules` file is: what a graph not prepared at build time costs a one-shot plan.
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/default.json");
    let parsed = [&plan[..], &["--rules", rules]].concat();
    // Warm the page cache, then alternate.
    run(&plan);
    run(&["--version"]);
    run(&parsed);
    let (mut p, mut v, mut j) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..20 {
        p.push(run(&plan));
        v.push(run(&["--version"]));
        j.push(run(&parsed));
    }
    let (p, v, j) = (median(p), median(v), median(j));
    let ratio = p.as_secs_f64() / v.as_secs_f64();
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    let peak_mib = usage.max_rss() as f64 / 1024.0;
    println!(
        "One-shot: `wegwijs plan --role youth-worker --concern radicalisation` vs `wegwijs --version`"
    );
    println!(
        "  median of 20 alternating runs: plan {:.2} ms, --version {:.2} ms",
        ms(p),
        ms(v)
    );
    println!("  ratio {ratio:.2} (goal ≤ 1.3: {})", verdict(ratio <= 1.3));
    println!(
        "  the same plan with `--rules rules/default.json` (parsed, indexed and checked at start-up): {:.2} ms, \
         {:.2} × --version, {:.2} × the built-in plan",
        ms(j),
        j.as_secs_f64() / v.as_secs_f64(),
        j.as_secs_f64() / p.as_secs_f64()
    );
    if !wegwijs::graph::prepared::PREPARED {
        println!(
            "  (this build parses the built-in graph too: src/graph/prepared/builtin.rs is out of date)"
        );
    }
    println!(
        "  peak RSS {peak_mib:.1} MiB (goal ≤ 10 MiB: {})",
        verdict(peak_mib <= 10.0)
    );
    println!();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

// ---- 3. plan evaluation and batch throughput ------------------------------------------------

fn evaluation() {
    let graph = wegwijs::graph::builtin();
    let today = "2026-12-01".parse().unwrap();
    let opts = PlanOptions {
        today,
        ..PlanOptions::new(Lang::En)
    };
    let mut queries = Vec::new();
    for role in 0..graph.rules.roles.len() as u32 {
        for concern in 0..graph.rules.concerns.len() as u32 {
            let mut q = Query::empty(&graph);
            q.role = Some(role);
            q.concern = Some(concern);
            queries.push(q);
        }
    }
    let mut per_plan = Vec::new();
    let mut per_walk = Vec::new();
    for _ in 0..200 {
        let t = time(|| {
            for q in &queries {
                black_box(engine::evaluate(&graph, q).unwrap());
            }
        });
        per_walk.push(t / queries.len() as u32);
        let t = time(|| {
            for q in &queries {
                let outcome = engine::evaluate(&graph, q).unwrap();
                black_box(Plan::build(&graph, &outcome, &opts));
            }
        });
        per_plan.push(t / queries.len() as u32);
    }
    println!(
        "Plan evaluation on the default graph, all {} role × concern pairs, no I/O",
        queries.len()
    );
    println!(
        "  median {} ns per walk, {} ns per plan (walk + texts)",
        median(per_walk).as_nanos(),
        median(per_plan).as_nanos()
    );

    // Batch: the real code path (parse each line, resolve, evaluate, build, write JSON) against
    // serialising the same plans alone.
    let lines = 20_000;
    let mut input = Vec::new();
    for i in 0..lines {
        let q = &queries[i % queries.len()];
        let role = &graph.rules.roles[q.role.unwrap() as usize].id;
        let concern = &graph.rules.concerns[q.concern.unwrap() as usize].id;
        writeln!(input, "{{\"role\":\"{role}\",\"concern\":\"{concern}\"}}").unwrap();
    }
    let plans: Vec<Plan> = (0..lines)
        .map(|i| {
            let outcome = engine::evaluate(&graph, &queries[i % queries.len()]).unwrap();
            Plan::build(&graph, &outcome, &opts)
        })
        .collect();
    let batch_opts = BatchOptions {
        lang: Lang::En,
        today,
    };
    let (mut b, mut s) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        b.push(time(|| {
            let mut sink = std::io::sink();
            batch::run(
                &graph,
                &mut BufReader::new(&input[..]),
                &mut sink,
                &batch_opts,
            )
            .unwrap()
        }));
        // The same writing as `batch`: each plan into a line buffer, one call on the output.
        s.push(time(|| {
            let mut sink = std::io::sink();
            let out: &mut dyn Write = &mut sink;
            let mut line = Vec::with_capacity(8 * 1024);
            for plan in &plans {
                line.clear();
                serde_json::to_writer(&mut line, plan).unwrap();
                line.push(b'\n');
                out.write_all(&line).unwrap();
            }
        }));
    }
    let (b, s) = (median(b), median(s));
    let ratio = b.as_secs_f64() / s.as_secs_f64();
    println!(
        "  batch: {:.0} plans/s through `batch` to a sink; serialising the same plans alone {:.0} plans/s",
        lines as f64 / b.as_secs_f64(),
        lines as f64 / s.as_secs_f64()
    );
    println!("  ratio {ratio:.2} (goal ≤ 3: {})", verdict(ratio <= 3.0));
    println!();
}

// ---- 1, 2, 4. loading and checking large graphs ---------------------------------------------

/// Parse, index and check: everything `wegwijs check FILE` does after reading the bytes.
fn load_and_check(text: &str) -> usize {
    let rules = load::parse(text, 0).expect("a valid generated graph");
    let (graph, loading) = Graph::new(rules, Origins::single(0));
    let opts = CheckOptions {
        today: "2026-11-29".parse().unwrap(),
        max_age_days: 365,
        ..CheckOptions::default()
    };
    let more = check::run(&graph, &loading, &opts);
    assert!(
        loading.is_empty() && more.is_empty(),
        "generated graphs check clean"
    );
    graph.rules.nodes.len()
}

fn loading(max_nodes: usize) {
    println!(
        "Load + check against serde_json::from_slice::<Value> on the same bytes (medians, alternating)"
    );
    println!(
        "  {:>9} {:>9} {:>11} {:>11} {:>7} {:>9} {:>10} {:>8}",
        "nodes", "MB", "Value ms", "wegwijs ms", "ratio", "scaling", "peak MiB", "× file"
    );
    let dir = std::env::temp_dir().join(format!("wegwijs-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut previous: Option<Duration> = None;
    let mut results = Vec::new();
    for nodes in SIZES.into_iter().filter(|&n| n <= max_nodes) {
        let text = serde_json::to_string(&generate(&SynthOptions::with_nodes(nodes, 1))).unwrap();
        let runs = match nodes {
            n if n <= 1_000 => 31,
            n if n <= 10_000 => 15,
            n if n <= 100_000 => 7,
            _ => 3,
        };
        let (mut floor, mut ours) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            floor.push(time(|| {
                serde_json::from_slice::<serde_json::Value>(text.as_bytes()).unwrap()
            }));
            ours.push(time(|| load_and_check(&text)));
        }
        let (floor, ours) = (median(floor), median(ours));
        let ratio = ours.as_secs_f64() / floor.as_secs_f64();
        let scaling = previous.map(|p| ours.as_secs_f64() / p.as_secs_f64());
        previous = Some(ours);

        let path = dir.join(format!("{nodes}.json"));
        std::fs::write(&path, &text).unwrap();
        let peak_kib = child_peak(&path);
        let peak_mib = peak_kib as f64 / 1024.0;
        let times_file = (peak_kib * 1024) as f64 / text.len() as f64;
        std::fs::remove_file(&path).ok();
        println!(
            "  {:>9} {:>9.1} {:>11.1} {:>11.1} {:>7.2} {:>9} {:>10.1} {:>8.2}",
            nodes,
            text.len() as f64 / 1e6,
            ms(floor),
            ms(ours),
            ratio,
            scaling.map_or("-".into(), |s| format!("{s:.1}")),
            peak_mib,
            times_file
        );
        results.push((nodes, ratio, scaling, times_file));
    }
    std::fs::remove_dir_all(&dir).ok();
    println!();
    for (nodes, ratio, scaling, times_file) in results {
        if nodes == 100_000 {
            println!(
                "  load ratio at 100k: {ratio:.2} (goal ≤ 2.0: {})",
                verdict(ratio <= 2.0)
            );
            println!(
                "  peak memory at 100k: {times_file:.2} × the file (goal ≤ 4: {})",
                verdict(times_file <= 4.0)
            );
        }
        if let Some(s) = scaling {
            println!(
                "  scaling to {nodes}: {s:.1} × the time of a tenth the size (goal ≤ 12: {})",
                verdict(s <= 12.0)
            );
        }
    }
}

/// Peak resident memory (KiB) of a fresh process that reads and checks `path`.
fn child_peak(path: &std::path::Path) -> u64 {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--child-load")
        .arg(path)
        .output()
        .expect("run the measuring child");
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().parse().unwrap_or_else(|_| {
        panic!(
            "child said {text:?}, {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// In the child: read and check a file, then report VmHWM (peak RSS, KiB).
fn child_load(path: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    black_box(load_and_check(&text));
    drop(text);
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmHWM in /proc/self/status");
    println!("{hwm}");
}
