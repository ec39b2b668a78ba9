//! The analysis and problems of the map as it is now, kept between frames and computed on a
//! worker thread in the window (right away in tests).

use crate::analysis::{Analysis, analyse};
use crate::check::{Problem, problems_from};
use crate::model::Map;
use std::sync::mpsc::{self, Receiver, Sender};

/// The analysis of the map as it is now, its problems, and the last comparison made.
///
/// The analysis grows with the map's content (quote search, grounded semantics, coverage), and
/// so do the problems (every article hashed, every quote located), so
/// the window computes them on a worker thread and keeps showing the last result, marked as stale,
/// until the one for the current content arrives. Tests may compute it on the UI thread instead.
#[derive(Default)]
pub struct Findings {
    /// The last analysis received and the content revision it describes.
    cache: Option<(u64, Analysis)>,
    /// The problems of the same content (quotes that moved, altered articles).
    problems: Vec<Problem>,
    /// How many times the analysis has run (it is the costly part of this panel).
    runs: usize,
    /// How many of those results came from the worker thread.
    from_worker: usize,
    /// The worker thread, when the analysis runs in the background.
    worker: Option<Worker>,
    /// Whether to analyse on a worker thread (the window) or right away (tests).
    background: bool,
}

/// The analysis of a map and its problems, computed together (they share the quote search).
type Checked = (Analysis, Vec<Problem>);

fn check(map: &Map) -> Checked {
    let analysis = analyse(map);
    let problems = problems_from(map, &analysis.quotes);
    (analysis, problems)
}

/// A thread that analyses maps sent to it, newest first.
struct Worker {
    jobs: Sender<(u64, Map, egui::Context)>,
    results: Receiver<(u64, Checked)>,
    /// The revision last sent, whose result is awaited.
    awaited: Option<u64>,
}

impl Worker {
    fn spawn() -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<(u64, Map, egui::Context)>();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("findings".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest map matters: older ones queued meanwhile are skipped.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let (revision, map, ctx) = job;
                    if result_tx.send((revision, check(&map))).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self {
            jobs,
            results,
            awaited: None,
        })
    }
}

impl Findings {
    /// Analyse on a worker thread (`true`, the window) or on the UI thread when asked (`false`).
    pub fn set_background(&mut self, background: bool) {
        self.background = background;
        if !background {
            self.worker = None;
        }
    }

    /// Brings the analysis towards `map` at content `revision`: takes any result the worker
    /// finished and sends it the map if its content changed. Without a worker it computes the
    /// analysis right away. Called every frame; cheap when nothing changed.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map, revision: u64) {
        if self.current(revision) {
            return;
        }
        if !self.background {
            self.store(revision, check(map));
            self.runs += 1;
            return;
        }
        if let Some(w) = &self.worker {
            let mut arrived = None;
            while let Ok((r, checked)) = w.results.try_recv() {
                self.runs += 1;
                self.from_worker += 1;
                // A result for a content that has changed since is dropped.
                if Some(r) == w.awaited {
                    arrived = Some((r, checked));
                }
            }
            if let Some((r, checked)) = arrived {
                self.store(r, checked);
            }
        }
        if self.current(revision) {
            return;
        }
        if self
            .worker
            .as_ref()
            .is_some_and(|w| w.awaited == Some(revision))
        {
            return;
        }
        let mut job = (revision, map.clone(), ctx.clone());
        for _ in 0..2 {
            if self.worker.is_none() {
                self.worker = Worker::spawn();
            }
            let Some(w) = &mut self.worker else { break };
            match w.jobs.send(job) {
                Ok(()) => {
                    w.awaited = Some(revision);
                    return;
                }
                // The thread ended (it cannot panic on a map by design, but a new one is cheap).
                Err(mpsc::SendError(back)) => {
                    job = back;
                    self.worker = None;
                }
            }
        }
        // No thread could be started: analyse here rather than never.
        self.store(revision, check(map));
        self.runs += 1;
    }

    fn store(&mut self, revision: u64, (analysis, problems): Checked) {
        self.cache = Some((revision, analysis));
        self.problems = problems;
    }

    /// Drops what was found in the previous map (another map was opened): nothing of it is
    /// shown on the new one while the new one is checked.
    pub fn forget(&mut self) {
        self.cache = None;
        self.problems.clear();
    }

    /// The problems found with the analysis shown by [`Findings::latest`] (possibly of an
    /// earlier content of the map, see [`Findings::is_stale`]); empty before the first result.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    fn current(&self, revision: u64) -> bool {
        self.cache.as_ref().is_some_and(|(r, _)| *r == revision)
    }

    /// The analysis as last computed (possibly of an earlier content of the map, see
    /// [`Findings::is_stale`]); empty before the first result arrives.
    pub fn latest(&self) -> &Analysis {
        self.cache.as_ref().map_or(&EMPTY, |(_, a)| a)
    }

    /// The analysis of `map` at history content `revision`; computed on the UI thread when no
    /// worker is used, else the latest result (recomputed only when what the map says changed:
    /// moving cards keeps the revision, see [`History::content_revision`]).
    ///
    /// [`History::content_revision`]: crate::edit::History::content_revision
    pub fn of(&mut self, map: &Map, revision: u64) -> &Analysis {
        if !self.background && !self.current(revision) {
            self.store(revision, check(map));
            self.runs += 1;
        }
        self.latest()
    }

    /// Whether the analysis shown is not (yet) the one of the map at content `revision`.
    pub fn is_stale(&self, revision: u64) -> bool {
        !self.current(revision)
    }

    /// Whether any analysis has arrived yet.
    pub fn is_ready(&self) -> bool {
        self.cache.is_some()
    }

    /// How many times the analysis has been computed since the app started.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// How many of the analyses were computed on the worker thread.
    pub fn runs_on_worker(&self) -> usize {
        self.from_worker
    }
}

/// What is shown before the first analysis arrives.
static EMPTY: Analysis = Analysis {
    contradictions: Vec::new(),
    inconsistent_actors: Vec::new(),
    gaps: Vec::new(),
    quotes: Vec::new(),
    standing: Vec::new(),
    coverage: Vec::new(),
};
