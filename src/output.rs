//! Files replaced only on success: `--output FILE` writes to a temporary file beside the target
//! and renames it over the target once everything was written and flushed to disk.
//!
//! A coordinator who regenerates a page on a shared drive must never be left with an empty or
//! half-written page: the rename is atomic on one file system, so readers see the old file or
//! the new one, never a mix. On any failure the temporary file is removed and the target is
//! untouched. A target that is a symbolic link is followed (the link stays a link); a target
//! that exists but is not a regular file (`/dev/null`, `/dev/full`, a named pipe) cannot be
//! replaced by renaming, and is written directly. This module only writes files; what goes
//! into them is the commands' business.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::os_text::OsProblem;
use crate::exit::{FileAction, FileError};

/// A file being written in place of `target`. Nothing changes at `target` until [`commit`];
/// dropping it without committing removes the temporary file.
///
/// [`commit`]: AtomicFile::commit
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    /// The temporary file, or `None` when writing straight to a device or pipe.
    temp: Option<PathBuf>,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates a new temporary file in the directory of `target`, named after it
    /// (`.NAME.wegwijs-PID-N.tmp`), so the final rename never crosses file systems.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let mut target = target.to_path_buf();
        if fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
            if let Ok(real) = fs::canonicalize(&target) {
                target = real;
            }
        }
        let target = target.as_path();
        if let Ok(meta) = fs::metadata(target) {
            if meta.is_dir() {
                let e = io::Error::new(io::ErrorKind::IsADirectory, "it is a directory");
                return Err(with_path(e, FileAction::Write, target));
            }
            if !meta.is_file() {
                let file = OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map_err(|e| with_path(e, FileAction::Write, target))?;
                return Ok(AtomicFile {
                    target: target.to_path_buf(),
                    temp: None,
                    file: Some(BufWriter::new(file)),
                });
            }
        }
        let name = target
            .file_name()
            .ok_or_else(|| {
                with_path(
                    io::Error::from(io::ErrorKind::InvalidInput),
                    FileAction::Write,
                    target,
                )
            })?
            .to_string_lossy()
            .into_owned();
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // A few attempts: another wegwijs may be writing beside the same target.
        let mut last = None;
        for attempt in 0..16 {
            let temp = dir.join(format!(
                ".{name}.wegwijs-{}-{attempt}.tmp",
                std::process::id()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        temp: Some(temp),
                        file: Some(BufWriter::new(file)),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(with_path(e, FileAction::CreateBeside, target)),
            }
        }
        Err(with_path(
            last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)),
            FileAction::CreateBeside,
            target,
        ))
    }

    /// Flushes everything to disk and renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(buffered) = self.file.take() else {
            return Ok(());
        };
        let file = buffered
            .into_inner()
            .map_err(|e| with_path(e.into_error(), FileAction::Write, &self.target))?;
        let Some(temp) = &self.temp else {
            // A device or pipe: everything is written; there is nothing to rename.
            return Ok(());
        };
        file.sync_all()
            .map_err(|e| with_path(e, FileAction::Write, &self.target))?;
        drop(file);
        // Keep the mode of the file being replaced (a shared page stays readable to others).
        if let Ok(meta) = fs::metadata(&self.target) {
            let _ = fs::set_permissions(temp, meta.permissions());
        }
        fs::rename(temp, &self.target).map_err(|e| with_path(e, FileAction::Replace, &self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f
                .write(buf)
                .map_err(|e| with_path(e, FileAction::Write, &self.target)),
            // A programming error, never a user's: the file was committed already.
            None => Err(io::Error::from(io::ErrorKind::Other)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f
                .flush()
                .map_err(|e| with_path(e, FileAction::Write, &self.target)),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed, or the rename failed: the target keeps its old content. (Discard the
        // buffer first; flushing it into the temporary file would be wasted work.)
        if let Some(buffered) = self.file.take() {
            let _ = buffered.into_parts();
        }
        if let Some(temp) = &self.temp {
            if temp.exists() {
                let _ = fs::remove_file(temp);
            }
        }
    }
}

/// An I/O error that names the file, keeping its kind (the exit code depends on it); its
/// words come from [`FileError`]'s message.
fn with_path(e: io::Error, action: FileAction, path: &Path) -> io::Error {
    let problem = OsProblem::from_io(&e);
    io::Error::new(
        e.kind(),
        FileError {
            action,
            path: path.to_owned(),
            problem,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_target_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("page.html");
        fs::write(&target, "old").unwrap();
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        f.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn dropping_without_commit_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.md");
        fs::write(&target, "old").unwrap();
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_directory_that_is_a_file_fails_with_the_path_named() {
        // Permission bits do not stop root, so a parent that is a plain file is the reliable
        // way to make the creation fail in any test environment.
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-dir");
        fs::write(&blocker, "x").unwrap();
        let err = AtomicFile::create(&blocker.join("out.txt")).unwrap_err();
        assert!(err.to_string().contains("not-a-dir"), "{err}");
    }

    #[test]
    #[cfg(unix)]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut f = AtomicFile::create(&link).unwrap();
        f.write_all(b"new").unwrap();
        f.commit().unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    #[cfg(unix)]
    fn a_device_is_written_directly_and_a_full_one_fails() {
        let mut f = AtomicFile::create(Path::new("/dev/null")).unwrap();
        f.write_all(b"gone").unwrap();
        f.commit().unwrap();
        assert!(Path::new("/dev/null").exists());
        if Path::new("/dev/full").exists() {
            let mut f = AtomicFile::create(Path::new("/dev/full")).unwrap();
            f.write_all(b"x").unwrap();
            let err = f.commit().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        }
    }

    #[test]
    fn a_missing_directory_or_no_file_name_is_an_error() {
        let f = AtomicFile::create(Path::new("no-such-dir-wegwijs/x/y.txt"));
        assert!(f.is_err());
        assert!(AtomicFile::create(Path::new("/")).is_err());
    }
}
