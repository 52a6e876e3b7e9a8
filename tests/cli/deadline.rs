//! Waiting for a child process with a time limit. A read from a child that never writes, or a
//! wait for one that never ends, would hang the whole suite (and CI until its job limit); with
//! these the test fails after [`PATIENCE`] and says what it was waiting for.
//!
//! The binary run through [`crate::common::wegwijs`] has the same limit (assert_cmd's own
//! timeout); the pseudo-terminal tests have rexpect's for what they read, and [`ended`] for the
//! process's end.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rexpect::process::{Signal, WaitStatus};
use rexpect::session::PtySession;

pub use crate::common::PATIENCE;

/// The lines of a child's output, each waited for at most [`PATIENCE`].
pub struct Lines {
    lines: Receiver<std::io::Result<String>>,
}

impl Lines {
    /// Reads `from` line by line on a thread of its own.
    pub fn new(from: impl Read + Send + 'static) -> Lines {
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(from).lines() {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Lines { lines }
    }

    /// The next line (without its line end), or `None` at the end of the output. Fails the test
    /// when no line comes within [`PATIENCE`]; `what` says what the line was to be.
    pub fn next(&self, what: &str) -> Option<String> {
        match self.lines.recv_timeout(PATIENCE) {
            Ok(line) => Some(line.unwrap_or_else(|e| panic!("reading {what}: {e}"))),
            Err(RecvTimeoutError::Disconnected) => None,
            Err(RecvTimeoutError::Timeout) => {
                panic!("no {what} within {PATIENCE:?}: the child is stuck")
            }
        }
    }
}

/// Reads all of `from` on a thread of its own.
fn read_all(from: Option<impl Read + Send + 'static>) -> Option<JoinHandle<Vec<u8>>> {
    from.map(|mut from| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            // A read error ends the output; what came before it is what the test sees.
            let _ = from.read_to_end(&mut bytes);
            bytes
        })
    })
}

/// Waits for `child` to end, collecting what it writes to the stdout and stderr pipes it has
/// (a stream sent elsewhere stays empty). After [`PATIENCE`] the child is killed and the test
/// fails, naming `what`.
pub fn finish(child: Child, what: &str) -> Output {
    finish_within(child, what, PATIENCE)
}

/// [`finish`] with a time limit of its own, for a child with more to do than one command.
pub fn finish_within(mut child: Child, what: &str, limit: Duration) -> Output {
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {limit:?}; it was killed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let collect = |reader: Option<JoinHandle<Vec<u8>>>| {
        reader
            .map(|r| r.join().expect("the reader thread"))
            .unwrap_or_default()
    };
    Output {
        status,
        stdout: collect(stdout),
        stderr: collect(stderr),
    }
}

/// Runs `cmd` as `Command::output` does (no stdin, stdout and stderr collected), with the time
/// limit of [`finish`].
pub fn output(cmd: &mut Command) -> Output {
    output_within(cmd, PATIENCE)
}

/// [`output`] with a time limit of its own.
pub fn output_within(cmd: &mut Command, limit: Duration) -> Output {
    let what = format!("{cmd:?}");
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    finish_within(child, &what, limit)
}

/// How the process in `p` ended, waited for at most [`PATIENCE`]: after that it is killed and
/// the test fails.
pub fn ended(p: &mut PtySession) -> WaitStatus {
    let started = Instant::now();
    loop {
        match p.process().status() {
            Some(WaitStatus::StillAlive) => {}
            Some(status) => return status,
            None => panic!("the process in the terminal cannot be waited for"),
        }
        if started.elapsed() > PATIENCE {
            let _ = p.process_mut().signal(Signal::SIGKILL);
            panic!("the process in the terminal did not end within {PATIENCE:?}; it was killed");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
