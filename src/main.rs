//! The `wegwijs` binary: parse the command line, run it, exit with its code.

use std::io::{self, BufWriter};

use wegwijs::cmd::{self, Io};
use wegwijs::config::Terminal;

fn main() {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr().lock();
    let mut io = Io {
        out: &mut out,
        err: &mut err,
    };
    let code = cmd::run_args(
        std::env::args_os(),
        Terminal::detect(),
        &|k| std::env::var(k).ok(),
        &mut io,
    );
    drop(out);
    std::process::exit(code.code());
}
