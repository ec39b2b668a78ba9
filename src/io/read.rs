//! Reading untrusted files safely, and telling whether a file changed on disk.
//!
//! Only regular files are read: a FIFO would block the reader forever and a device such as
//! `/dev/zero` (behind a symlink, say) never ends. Reads stop one byte past the limit, so a file
//! that grows while it is read is still bounded.

use sha2::{Digest, Sha256};
use std::io::Read as _;
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    Io(std::io::Error),
    /// Not a regular file: what it is instead ("a named pipe (FIFO)", "a device", …).
    NotAFile(&'static str),
    /// More than the limit: the size found.
    TooLarge(u64),
}

/// What a path that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Reads the regular file at `path` (symlinks followed), refusing anything else and anything
/// over `limit` bytes.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Look before opening: opening a FIFO for reading blocks until a writer appears.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // And again on what was opened, in case the path was swapped in between.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether `a` and `b` name the same file, through symlinks, `..` and hard links. False when
/// either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt as _;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a)),
        _ => false,
    }
}

/// Whether the file at `path` is a Warrant map: a regular file whose first 64 KiB declare the
/// `"format": "warrant-map"` (no more is read).
pub fn looks_like_map(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let compact: String = head.split_whitespace().collect();
    compact.contains(&format!("\"format\":\"{}\"", super::FORMAT))
}

/// Why an export may not be written to `out`: it is the map being exported, or another map
/// (an export written there would replace a student's work).
pub fn refuse_export_over_map(out: &Path, map: Option<&Path>) -> Result<(), String> {
    if map.is_some_and(|m| same_file(out, m)) {
        return Err(format!(
            "{} is the map being exported: writing the export there would replace the map. Choose another file name.",
            out.display()
        ));
    }
    if looks_like_map(out) {
        return Err(format!(
            "{} is a Warrant map: writing the export there would replace it. Choose another file name.",
            out.display()
        ));
    }
    Ok(())
}

/// What a file held when the app last read or wrote it: its size and the hash of its bytes.
/// The hash decides (a `touch` or a copy with the same bytes is no change); the size is a shortcut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    sha256: [u8; 32],
}

impl FileStamp {
    /// The stamp of these bytes.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Whether the file at `path` no longer holds what this stamp recorded. A file that is gone
    /// is no conflict (saving recreates it); one that cannot be read is, to be safe.
    pub fn changed_on_disk(&self, path: &Path, limit: u64) -> bool {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return false,
            Ok(m) if m.is_file() && m.len() != self.len => return true,
            _ => {}
        }
        match read_regular(path, limit) {
            Ok(bytes) => Self::of_bytes(&bytes) != *self,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(_) => true,
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_and_a_device_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(matches!(
            read_regular(&fifo, 100),
            Err(ReadError::NotAFile("a named pipe (FIFO)"))
        ));
        let zero = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_regular(&zero, 100),
            Err(ReadError::NotAFile("a device"))
        ));
    }

    #[test]
    fn a_stamp_tells_a_change_of_content_not_of_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, b"first").unwrap();
        let stamp = FileStamp::of_bytes(b"first");
        assert!(!stamp.changed_on_disk(&path, 100));
        // Same size, other bytes.
        std::fs::write(&path, b"fir5t").unwrap();
        assert!(stamp.changed_on_disk(&path, 100));
        std::fs::write(&path, b"first").unwrap();
        assert!(!stamp.changed_on_disk(&path, 100), "rewritten, same bytes");
        std::fs::remove_file(&path).unwrap();
        assert!(
            !stamp.changed_on_disk(&path, 100),
            "gone: saving recreates it"
        );
    }
}
