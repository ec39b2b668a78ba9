//! Autosave: a recovery copy of a map with unsaved changes, offered back after a crash.
//!
//! The recovery file is separate from the map file (saving over the student's file without being
//! asked would be wrong); it is written atomically, and removed when the map is saved or closed
//! cleanly. Its name is derived from the map's path, so each open map has its own.

use super::error::{LoadError, SaveError};
use super::format::{map_from_json, map_to_json};
use super::save::write_atomic;
use crate::model::Map;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A recovery file and what it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// Where the recovery copy lives.
    pub path: PathBuf,
}

/// Names the map a recovery copy belongs to: a one-line file beside it.
fn origin_path(recovery: &Path) -> PathBuf {
    recovery.with_extension("origin")
}

impl Recovery {
    /// The recovery file in `dir` for the map saved at `map_path` (or an untitled map).
    pub fn for_map(dir: &Path, map_path: Option<&Path>) -> Self {
        let name = match map_path {
            Some(p) => {
                let digest = Sha256::digest(p.to_string_lossy().as_bytes());
                let tag = digest.iter().take(6).fold(String::new(), |mut s, b| {
                    use std::fmt::Write as _;
                    let _ = write!(s, "{b:02x}");
                    s
                });
                let stem = p.file_stem().unwrap_or_default().to_string_lossy();
                format!("{stem}-{tag}.json")
            }
            None => "untitled.json".to_owned(),
        };
        Self {
            path: dir.join(name),
        }
    }

    /// Writes the recovery copy (atomically) and notes which file it belongs to.
    pub fn write(&self, map: &Map, map_path: Option<&Path>) -> Result<(), SaveError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        write_atomic(&self.path, &map_to_json(map)?, false)?;
        let origin = map_path
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_atomic(&origin_path(&self.path), origin.as_bytes(), false)
    }

    /// Removes the recovery copy (after a save, or when the user declines to restore it).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(origin_path(&self.path));
    }

    /// The map in the recovery copy.
    pub fn load(&self) -> Result<Map, LoadError> {
        let bytes = std::fs::read(&self.path).map_err(|source| LoadError::Io {
            path: self.path.clone(),
            source,
        })?;
        map_from_json(&bytes, &self.path)
    }

    /// The map file this copy belongs to (`None` for an untitled map).
    pub fn origin(&self) -> Option<PathBuf> {
        std::fs::read_to_string(origin_path(&self.path))
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    }

    /// Every recovery copy left in `dir` (by a crash), newest first.
    pub fn find_all(dir: &Path) -> Vec<Recovery> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found: Vec<(std::time::SystemTime, Recovery)> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|path| {
                let t = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (t, Recovery { path })
            })
            .collect();
        found.sort_by_key(|x| std::cmp::Reverse(x.0));
        found.into_iter().map(|(_, r)| r).collect()
    }
}

/// When to write the recovery copy: some seconds after a change, at most once per interval.
#[derive(Clone, Debug)]
pub struct Autosave {
    pub interval: Duration,
    last_write: Option<Instant>,
    written_generation: Option<u64>,
}

impl Autosave {
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            last_write: None,
            written_generation: None,
        }
    }

    /// Whether to write now, for a map at history `generation` that is `dirty` or not.
    pub fn due(&self, now: Instant, dirty: bool, generation: u64) -> bool {
        dirty
            && self.written_generation != Some(generation)
            && self
                .last_write
                .is_none_or(|t| now.duration_since(t) >= self.interval)
    }

    /// Records a write of `generation` at `now`.
    pub fn wrote(&mut self, now: Instant, generation: u64) {
        self.last_write = Some(now);
        self.written_generation = Some(generation);
    }
}
