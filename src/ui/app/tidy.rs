//! Tidy off the UI thread: laying a map out grows with it (every drawing Tidy tries is laid out
//! and its links counted along their routes), and a map file is untrusted input. The window
//! hands a copy of the map to a thread and keeps working; the result becomes one undo step when
//! it arrives, if no edit came in between (then it is dropped and the user is told).

use super::WarrantApp;
use crate::edit::{Edit, ops};
use std::sync::mpsc::{Receiver, TryRecvError};

/// A Tidy being computed on its thread, for the map as it was at `generation`.
pub(crate) struct TidyJob {
    generation: u64,
    result: Receiver<Vec<Edit>>,
}

/// Where Tidy runs: on a thread in the window; at once where a test drives the app.
#[derive(Default)]
pub(crate) struct Tidying {
    pub(crate) background: bool,
    job: Option<TidyJob>,
}

impl Tidying {
    /// Whether a Tidy is being computed.
    pub(crate) fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Drops the Tidy of a map no longer open (its thread ends unheard).
    pub(crate) fn forget(&mut self) {
        self.job = None;
    }
}

fn edits_for(map: &crate::model::Map) -> Vec<Edit> {
    ops::tidy(
        map,
        &crate::layout::LayoutSettings::default(),
        &crate::layout::card::card_size,
    )
}

impl WarrantApp {
    /// Lays the map out (one undo step), or says it is already tidy; in the window, on a
    /// thread (see [`Self::poll_tidy`]).
    pub(super) fn tidy(&mut self, ctx: &egui::Context) {
        if self.tidying.busy() {
            return;
        }
        if self.tidying.background {
            let map = self.history.map().clone();
            if let Ok(result) =
                super::job::spawn("tidy", Some(ctx.clone()), move || edits_for(&map))
            {
                self.tidying.job = Some(TidyJob {
                    generation: self.history.generation(),
                    result,
                });
                return;
            }
        }
        let edits = edits_for(self.history.map());
        self.apply_tidy(edits);
    }

    /// Takes the thread's Tidy when it is done: applied if the map is as it was sent.
    pub(super) fn poll_tidy(&mut self) {
        let Some(job) = &self.tidying.job else {
            return;
        };
        let edits = match job.result.try_recv() {
            Ok(edits) => edits,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                self.tidying.job = None;
                self.dialogs.notice = Some("Tidy could not finish: the map is unchanged.".into());
                return;
            }
        };
        let generation = job.generation;
        self.tidying.job = None;
        if generation == self.history.generation() {
            self.apply_tidy(edits);
        } else {
            self.dialogs.notice = Some(
                "The map changed while Tidy was working, so its layout was not applied: \
                 press Tidy again."
                    .into(),
            );
        }
    }

    fn apply_tidy(&mut self, edits: Vec<Edit>) {
        if edits.is_empty() {
            self.dialogs.notice = Some("The map is already tidy.".into());
        } else {
            self.submit("Tidy", None, edits);
            self.canvas.fit_pending = true;
        }
    }
}
