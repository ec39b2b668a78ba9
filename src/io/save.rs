//! Saving that never leaves a half-written file.
//!
//! The new content goes to a temporary file in the target's folder, is flushed to disk, and then
//! renamed over the target in one step (tempfile's `persist`). Before that, the previous file
//! is kept as `NAME.bak` beside it, made the same way. A crash at any instant leaves the old file
//! or the new one, never a truncated one.

use super::error::SaveError;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The backup kept beside `path`: `map.json` → `map.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new temporary file beside `path`, synced to disk. It gets the permissions
/// of the file it replaces, or those of any new file (tempfile's own default, owner-only, would
/// make a handed-in map or an exported slide unreadable to anyone else).
fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Like any new file: 0666 less the user's umask.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(folder_of(path))?;
    if let Ok(meta) = fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Makes the directory entry changes durable (the rename itself).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Replaces `path` with `bytes` atomically. With `backup`, the previous content is kept at
/// [`backup_path`].
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let tmp = write_temp(path, bytes).map_err(io)?;
    if backup && path.is_file() {
        let previous = fs::read(path).map_err(io)?;
        let bak = backup_path(path);
        write_temp(&bak, &previous)
            .and_then(|t| t.persist(&bak).map(drop).map_err(|e| e.error))
            .map_err(|source| SaveError::Io { path: bak, source })?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    sync_folder(path);
    Ok(())
}

/// Saves `bytes` to a new file, refusing to replace one that exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let tmp = write_temp(path, bytes).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            SaveError::Exists {
                path: path.to_owned(),
            }
        } else {
            SaveError::Io {
                path: path.to_owned(),
                source: e.error,
            }
        }
    })?;
    sync_folder(path);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path)
            .expect("the file exists")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn saving_keeps_the_permissions_of_the_file_it_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn a_new_file_is_made_like_any_other_not_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        // What this process's umask gives a plain new file.
        let plain = dir.path().join("plain");
        fs::write(&plain, b"x").unwrap();
        let path = dir.path().join("slide.png");
        write_atomic(&path, b"png", false).unwrap();
        assert_eq!(mode(&path), mode(&plain));
        let other = dir.path().join("handed-in.json");
        write_new(&other, b"{}").unwrap();
        assert_eq!(mode(&other), mode(&plain));
    }
}
