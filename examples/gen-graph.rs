//! Writes a synthetic, valid rule graph of a given size to stdout, for benchmarks and tests.
//!
//! `cargo run --release --example gen-graph -- --nodes 100000 --seed 1 > big.json`
//! `cargo run --release --example gen-graph -- --nodes 100000 --seed 1 --overlay 50 > local.json`
//! (then `wegwijs --rules big.json --rules local.json check`)

use std::io::{self, BufWriter, Write};

use clap::Parser;
use wegwijs::synth::{SynthOptions, generate, overlay};

/// Generate a synthetic rule graph.
#[derive(Parser)]
struct Args {
    /// Number of nodes.
    #[arg(long, default_value_t = 1000)]
    nodes: usize,
    /// Seed; the same seed and size always give the same file.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Pretty-print (larger, easier to read).
    #[arg(long)]
    pretty: bool,
    /// Print an overlay with this many local partners for the graph of the same size and seed,
    /// instead of the graph.
    #[arg(long, value_name = "PARTNERS")]
    overlay: Option<usize>,
}

fn main() -> io::Result<()> {
    let args = Args::parse();
    let opts = SynthOptions::with_nodes(args.nodes, args.seed);
    let mut out = BufWriter::new(io::stdout().lock());
    match (args.overlay, args.pretty) {
        (Some(count), true) => serde_json::to_writer_pretty(&mut out, &overlay(&opts, count))?,
        (Some(count), false) => serde_json::to_writer(&mut out, &overlay(&opts, count))?,
        (None, true) => serde_json::to_writer_pretty(&mut out, &generate(&opts))?,
        (None, false) => serde_json::to_writer(&mut out, &generate(&opts))?,
    }
    writeln!(out)?;
    out.flush()
}
