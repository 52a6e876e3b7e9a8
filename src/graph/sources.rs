//! The rule files a graph is loaded from: their names and texts ([`Sources`]), the built-in
//! graph's text, and the one error that stops loading before any parsing ([`ReadError`]).

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Problem, SourceId};
use crate::location::{JsonPath, LineIndex, locate};

/// The default rule graph, compiled into the binary.
pub const BUILTIN_TEXT: &str = include_str!("../../rules/default.json");

/// How the built-in graph is named in messages.
pub const BUILTIN_NAME: &str = "<built-in>/rules/default.json";

/// One loaded rule file: its name as shown in messages and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it, or [`BUILTIN_NAME`].
    pub name: String,
    /// The file's text, without a byte-order mark.
    pub text: Cow<'static, str>,
}

/// Every file a graph was loaded from, so diagnostics can name them and find positions.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

/// A rule file that could not be read at all (as opposed to one with wrong content).
#[derive(Debug)]
pub struct ReadError {
    /// The path as given.
    pub path: PathBuf,
    /// What the operating system said.
    pub error: std::io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read rule file {}: {}",
            self.path.display(),
            self.error
        )
    }
}

impl std::error::Error for ReadError {}

impl Sources {
    /// No files yet.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Registers a text under a name and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Cow<'static, str>>) -> SourceId {
        let text = match text.into() {
            Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix('\u{feff}').unwrap_or(s)),
            Cow::Owned(s) => match s.strip_prefix('\u{feff}') {
                Some(rest) => Cow::Owned(rest.to_owned()),
                None => Cow::Owned(s),
            },
        };
        self.files.push(SourceFile {
            name: name.into(),
            text,
        });
        self.files.len() - 1
    }

    /// Registers the built-in graph.
    pub fn add_builtin(&mut self) -> SourceId {
        self.add(BUILTIN_NAME, BUILTIN_TEXT)
    }

    /// Reads a file from disk and registers it.
    ///
    /// A file that exists but is not UTF-8 is registered empty and reported as a diagnostic;
    /// a file that cannot be read at all is a [`ReadError`].
    pub fn read(&mut self, path: &Path) -> Result<(SourceId, Option<Diagnostic>), ReadError> {
        let read_error = |error| ReadError {
            path: path.to_owned(),
            error,
        };
        if path.is_dir() {
            return Err(read_error(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a directory",
            )));
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        let name = path.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => Ok((self.add(name, text), None)),
            Err(e) => {
                let id = self.add(name, String::new());
                let detail = format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                );
                Ok((
                    id,
                    Some(Diagnostic::new(
                        Problem::Unreadable { detail },
                        id,
                        JsonPath::root(),
                    )),
                ))
            }
        }
    }

    /// Reads a file like [`Sources::read`], but registers one that cannot be read at all as an
    /// empty file with an E008 diagnostic, so that `check` can report it and go on. The flag
    /// says whether the file could be read (as bytes, UTF-8 or not).
    pub fn read_or_report(&mut self, path: &Path) -> (SourceId, Option<Diagnostic>, bool) {
        match self.read(path) {
            Ok((id, problem)) => (id, problem, true),
            Err(e) => {
                let id = self.add(path.display().to_string(), String::new());
                let detail = e.error.to_string();
                let problem = Problem::Unreadable { detail };
                (
                    id,
                    Some(Diagnostic::new(problem, id, JsonPath::root())),
                    false,
                )
            }
        }
    }

    /// The file with this id.
    pub fn file(&self, id: SourceId) -> &SourceFile {
        &self.files[id]
    }

    /// The display name of the file with this id.
    pub fn name(&self, id: SourceId) -> &str {
        &self.files[id].name
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Fills in the line and column of every diagnostic that has a path but no position yet,
    /// with one pass over each file involved.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        for (id, file) in self.files.iter().enumerate() {
            let todo: Vec<usize> = diagnostics
                .iter()
                .enumerate()
                .filter(|(_, d)| d.source == Some(id) && d.position.is_none())
                .map(|(i, _)| i)
                .collect();
            if todo.is_empty() {
                continue;
            }
            let paths: Vec<&JsonPath> = todo.iter().map(|&i| &diagnostics[i].path).collect();
            let offsets = locate(&file.text, &paths);
            let positions = LineIndex::new(&file.text).positions(&offsets);
            for (&i, position) in todo.iter().zip(positions) {
                diagnostics[i].position = Some(position);
            }
        }
    }
}
