//! Writes a synthetic, valid rule graph of a given size to stdout, for benchmarks and tests.
//!
//! `cargo run --release --example gen-graph -- --nodes 100000 --seed 1 > big.json`

use std::io::{self, BufWriter, Write};

use clap::Parser;
use wegwijs::synth::{SynthOptions, generate};

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
}

fn main() -> io::Result<()> {
    let args = Args::parse();
    let graph = generate(&SynthOptions::with_nodes(args.nodes, args.seed));
    let mut out = BufWriter::new(io::stdout().lock());
    if args.pretty {
        serde_json::to_writer_pretty(&mut out, &graph)?;
    } else {
        serde_json::to_writer(&mut out, &graph)?;
    }
    writeln!(out)?;
    out.flush()
}
