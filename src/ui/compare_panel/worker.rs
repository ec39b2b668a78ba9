//! The comparison off the UI thread: it grows with both maps (every claim's wording against every
//! other, every quote located), runs again after each edit, and a map is untrusted input, so the
//! window hands it to a thread and keeps showing the last result until the new one arrives.

use crate::analysis::{Comparison, compare};
use crate::model::Map;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

/// Which comparison: the reference's number and the student map's content revision.
pub(super) type Key = (u64, u64);

/// One comparison to make.
struct Job {
    key: Key,
    reference: Arc<Map>,
    student: Map,
    ctx: egui::Context,
}

/// A thread that compares the maps sent to it, the newest first.
pub(super) struct Worker {
    jobs: Sender<Job>,
    results: Receiver<(Key, Comparison)>,
    /// The key last sent, whose result is awaited.
    awaited: Option<Key>,
}

impl Worker {
    fn spawn() -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("compare".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest revision matters: those queued meanwhile are skipped.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let comparison = compare(&job.reference, &job.student);
                    if result_tx.send((job.key, comparison)).is_err() {
                        break;
                    }
                    job.ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self {
            jobs,
            results,
            awaited: None,
        })
    }

    /// The newest result the thread finished with reference number `reference`. It may be of
    /// an earlier revision than the one awaited: while the teacher keeps typing on a map that
    /// takes long to compare, the panel still moves on with each comparison done.
    pub(super) fn take(&mut self, reference: u64) -> Option<(Key, Comparison)> {
        let mut arrived = None;
        // Results come in the order the jobs were sent: the last one is the newest.
        while let Ok((key, comparison)) = self.results.try_recv() {
            if key.0 == reference {
                arrived = Some((key, comparison));
            }
        }
        arrived
    }

    /// Whether the comparison for `key` has been asked for and not yet received.
    pub(super) fn is_awaiting(&self, key: Key) -> bool {
        self.awaited == Some(key)
    }
}

/// Sends the comparison of `student` with `reference` to the worker in `slot` (starting one when
/// there is none or it ended); `false` when no thread can be started.
pub(super) fn send(
    slot: &mut Option<Worker>,
    key: Key,
    reference: &Arc<Map>,
    student: &Map,
    ctx: &egui::Context,
) -> bool {
    let mut job = Job {
        key,
        reference: Arc::clone(reference),
        student: student.clone(),
        ctx: ctx.clone(),
    };
    for _ in 0..2 {
        if slot.is_none() {
            *slot = Worker::spawn();
        }
        let Some(w) = slot else { break };
        match w.jobs.send(job) {
            Ok(()) => {
                w.awaited = Some(key);
                return true;
            }
            // The thread ended (it cannot panic on a map by design, but a new one is cheap).
            Err(mpsc::SendError(back)) => {
                job = back;
                *slot = None;
            }
        }
    }
    false
}
