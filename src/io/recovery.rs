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
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

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
        let bytes = super::read_map_bytes(&self.path)?;
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

/// When to write the recovery copy: once the map has been quiet for a moment after a change,
/// and at the latest some seconds after the first change not yet written, even while the user
/// keeps typing. So a crash loses at most those few seconds.
///
/// Times are durations since any fixed start (the UI passes its clock), so tests can drive it.
#[derive(Clone, Debug)]
pub struct Autosave {
    /// Write this long after the last change.
    pub quiet: Duration,
    /// But never let a change wait longer than this.
    pub longest: Duration,
    written: Option<u64>,
    /// The generation waiting to be written, when its first unwritten change and its last change
    /// were seen.
    waiting: Option<(u64, Duration, Duration)>,
}

impl Default for Autosave {
    fn default() -> Self {
        Self::new(Duration::from_secs(2), Duration::from_secs(4))
    }
}

impl Autosave {
    pub fn new(quiet: Duration, longest: Duration) -> Self {
        Self {
            quiet,
            longest,
            written: None,
            waiting: None,
        }
    }

    /// Notes the map's state at `now`: history `generation`, `dirty` or not. Returns whether
    /// to write the copy now.
    pub fn tick(&mut self, now: Duration, dirty: bool, generation: u64) -> bool {
        if !dirty || self.written == Some(generation) {
            self.waiting = None;
            return false;
        }
        let (first, last) = match self.waiting {
            Some((g, first, last)) if g == generation => (first, last),
            Some((_, first, _)) => (first, now),
            None => (now, now),
        };
        self.waiting = Some((generation, first, last));
        now.saturating_sub(last) >= self.quiet || now.saturating_sub(first) >= self.longest
    }

    /// How long from `now` until a write is due, if one is waiting (to wake the UI then).
    pub fn wait(&self, now: Duration) -> Option<Duration> {
        let (_, first, last) = self.waiting?;
        let due = (last + self.quiet).min(first + self.longest);
        Some(due.saturating_sub(now))
    }

    /// Records that `generation` was written.
    pub fn wrote(&mut self, generation: u64) {
        self.written = Some(generation);
        self.waiting = None;
    }
}

enum Job {
    Write(Recovery, Box<Map>, Option<PathBuf>),
    Discard(Recovery),
    Flush(Sender<()>),
}

/// Writes and removes recovery copies on a thread of its own, in the order asked, so a big map
/// never stalls the window. A copy discarded after a write stays discarded: the jobs are done in
/// order. Dropping the writer finishes the jobs queued.
#[derive(Default)]
pub struct RecoveryWriter {
    jobs: Option<Sender<Job>>,
    failures: Option<Receiver<SaveError>>,
    thread: Option<JoinHandle<()>>,
}

impl RecoveryWriter {
    /// The worker, started on first use (an app that never autosaves starts no thread).
    fn send(&mut self, job: Job) {
        if self.jobs.is_none() {
            let (tx, rx) = channel();
            let (fail_tx, fail_rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("recovery copies".into())
                .spawn(move || run_jobs(&rx, &fail_tx));
            let Ok(handle) = spawned else {
                // No thread to be had: do it here and now rather than not at all.
                let (fail_tx, fail_rx) = channel();
                do_job(job, &fail_tx);
                self.failures = Some(fail_rx);
                return;
            };
            self.jobs = Some(tx);
            self.failures = Some(fail_rx);
            self.thread = Some(handle);
        }
        if let Some(tx) = &self.jobs {
            let _ = tx.send(job);
        }
    }

    /// Queues writing `map` as the copy `recovery` (for the map saved at `origin`, if any).
    pub fn write(&mut self, recovery: Recovery, map: Map, origin: Option<PathBuf>) {
        self.send(Job::Write(recovery, Box::new(map), origin));
    }

    /// Queues removing the copy `recovery`.
    pub fn discard(&mut self, recovery: Recovery) {
        self.send(Job::Discard(recovery));
    }

    /// Waits until every job queued so far is done.
    pub fn flush(&mut self) {
        if self.jobs.is_none() {
            return;
        }
        let (tx, rx) = channel();
        self.send(Job::Flush(tx));
        let _ = rx.recv();
    }

    /// A write that failed since the last call, if any.
    pub fn failure(&self) -> Option<SaveError> {
        self.failures.as_ref()?.try_recv().ok()
    }
}

impl Drop for RecoveryWriter {
    fn drop(&mut self) {
        self.jobs = None; // ends the worker's loop once the queue is empty
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn do_job(job: Job, failures: &Sender<SaveError>) {
    match job {
        Job::Write(recovery, map, origin) => {
            if let Err(e) = recovery.write(&map, origin.as_deref()) {
                let _ = failures.send(e);
            }
        }
        Job::Discard(recovery) => recovery.discard(),
        Job::Flush(done) => {
            let _ = done.send(());
        }
    }
}

fn run_jobs(jobs: &Receiver<Job>, failures: &Sender<SaveError>) {
    while let Ok(first) = jobs.recv() {
        // Take what else is queued: a write followed by another job on the same copy is stale.
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        let later_touches = |i: usize, path: &Path| {
            batch[i + 1..].iter().any(|j| match j {
                Job::Write(r, ..) | Job::Discard(r) => r.path == path,
                Job::Flush(_) => false,
            })
        };
        let stale: Vec<bool> = (0..batch.len())
            .map(|i| matches!(&batch[i], Job::Write(r, ..) if later_touches(i, &r.path)))
            .collect();
        for (job, stale) in batch.into_iter().zip(stale) {
            if !stale {
                do_job(job, failures);
            }
        }
    }
}
