//! What the operating system said about a file, in wegwijs's words.
//!
//! An [`std::io::Error`] prints the system's own sentence (`No such file or directory (os
//! error 2)`), in English whatever the user's language. [`OsProblem`] keeps only its kind and
//! says it in the user's language; [`OsProblem::Other`] keeps the system's text for kinds with
//! no words of their own.

use std::fmt;
use std::io;

use crate::i18n::{Lang, Message};

/// Why the system refused to read or write a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OsProblem {
    /// The file or a folder on its path does not exist.
    NotFound,
    /// No permission.
    PermissionDenied,
    /// The path names a folder.
    IsADirectory,
    /// A folder on the path is a file.
    NotADirectory,
    /// The disk (or quota) is full.
    StorageFull,
    /// The file system is read-only.
    ReadOnly,
    /// The file exists already.
    AlreadyExists,
    /// The path does not name a file (empty, or ending in `..`).
    InvalidName,
    /// The file is not UTF-8 text; the first bad byte is at this offset.
    NotUtf8(usize),
    /// Anything else: the system's own sentence.
    Other(String),
}

impl OsProblem {
    /// The problem an I/O error describes.
    pub fn from_io(e: &io::Error) -> OsProblem {
        match e.kind() {
            io::ErrorKind::NotFound => OsProblem::NotFound,
            io::ErrorKind::PermissionDenied => OsProblem::PermissionDenied,
            io::ErrorKind::IsADirectory => OsProblem::IsADirectory,
            io::ErrorKind::NotADirectory => OsProblem::NotADirectory,
            io::ErrorKind::StorageFull => OsProblem::StorageFull,
            io::ErrorKind::ReadOnlyFilesystem => OsProblem::ReadOnly,
            io::ErrorKind::AlreadyExists => OsProblem::AlreadyExists,
            io::ErrorKind::InvalidInput => OsProblem::InvalidName,
            io::ErrorKind::InvalidData => OsProblem::NotUtf8(0),
            _ => OsProblem::Other(e.to_string()),
        }
    }

    /// Reads back the text of an I/O error that was kept as a string (`… (os error 2)`, `it is
    /// a directory`, `not UTF-8 text (invalid byte at offset 12)`).
    pub fn parse(text: &str) -> OsProblem {
        if let Some(code) = text
            .rsplit_once("(os error ")
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .and_then(|n| n.parse::<i32>().ok())
        {
            let kind = OsProblem::from_io(&io::Error::from_raw_os_error(code));
            if !matches!(kind, OsProblem::Other(_)) {
                return kind;
            }
        }
        if text == "it is a directory" {
            return OsProblem::IsADirectory;
        }
        if let Some(offset) = text
            .strip_prefix("not UTF-8 text (invalid byte at offset ")
            .and_then(|r| r.strip_suffix(')'))
            .and_then(|n| n.parse().ok())
        {
            return OsProblem::NotUtf8(offset);
        }
        OsProblem::Other(text.to_owned())
    }
}

impl Message for OsProblem {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, lang) {
            (OsProblem::NotFound, Lang::Nl) => out.write_str("bestand niet gevonden"),
            (OsProblem::NotFound, Lang::En) => out.write_str("file not found"),
            (OsProblem::PermissionDenied, Lang::Nl) => out.write_str("geen toegang"),
            (OsProblem::PermissionDenied, Lang::En) => out.write_str("permission denied"),
            (OsProblem::IsADirectory, Lang::Nl) => out.write_str("dit is een map, geen bestand"),
            (OsProblem::IsADirectory, Lang::En) => out.write_str("it is a directory"),
            (OsProblem::NotADirectory, Lang::Nl) => {
                out.write_str("een deel van het pad is een bestand, geen map")
            }
            (OsProblem::NotADirectory, Lang::En) => {
                out.write_str("a part of the path is a file, not a directory")
            }
            (OsProblem::StorageFull, Lang::Nl) => out.write_str("de schijf is vol"),
            (OsProblem::StorageFull, Lang::En) => out.write_str("no space left on device"),
            (OsProblem::ReadOnly, Lang::Nl) => out.write_str("alleen-lezen bestandssysteem"),
            (OsProblem::ReadOnly, Lang::En) => out.write_str("read-only file system"),
            (OsProblem::AlreadyExists, Lang::Nl) => out.write_str("bestaat al"),
            (OsProblem::AlreadyExists, Lang::En) => out.write_str("already exists"),
            (OsProblem::InvalidName, Lang::Nl) => out.write_str("dit pad noemt geen bestand"),
            (OsProblem::InvalidName, Lang::En) => out.write_str("the path does not name a file"),
            (OsProblem::NotUtf8(at), Lang::Nl) => {
                write!(out, "geen UTF-8-tekst (ongeldige byte op positie {at})")
            }
            (OsProblem::NotUtf8(at), Lang::En) => {
                write!(out, "not UTF-8 text (invalid byte at offset {at})")
            }
            // The system's sentence is all there is; say that it is the system's.
            (OsProblem::Other(text), Lang::Nl) => write!(out, "systeemfout ({text})"),
            (OsProblem::Other(text), Lang::En) => out.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_said_in_each_language() {
        let e = std::fs::read("/nonexistent/wegwijs/nosuch.json").unwrap_err();
        let p = OsProblem::from_io(&e);
        assert_eq!(p.in_lang(Lang::Nl).to_string(), "bestand niet gevonden");
        assert_eq!(p.in_lang(Lang::En).to_string(), "file not found");
        assert_eq!(OsProblem::parse(&e.to_string()), OsProblem::NotFound);
    }

    #[test]
    fn kept_texts_are_read_back() {
        assert_eq!(
            OsProblem::parse("it is a directory"),
            OsProblem::IsADirectory
        );
        assert_eq!(
            OsProblem::parse("not UTF-8 text (invalid byte at offset 395)"),
            OsProblem::NotUtf8(395)
        );
    }
}
