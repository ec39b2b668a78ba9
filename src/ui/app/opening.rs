//! Opening a map file off the UI thread: reading, checking and laying out a file grows with it
//! (cards written without positions are laid out as the file opens), and a map file is
//! untrusted input. Meanwhile the window shows what is being opened, with Cancel; the map that
//! was open stays as it was, untouched, until the new one arrives.

use super::WarrantApp;
use crate::io::{self, FileStamp, LoadError};
use crate::model::Map;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

type Loaded = Result<(Map, FileStamp), LoadError>;

/// A file being read on its thread.
pub(crate) struct OpenJob {
    path: PathBuf,
    result: Receiver<Loaded>,
}

/// Where map files are read: on a thread in the window; at once where a test drives the app.
#[derive(Default)]
pub(crate) struct Opening {
    pub(crate) background: bool,
    job: Option<OpenJob>,
}

impl Opening {
    /// Whether a file is being opened.
    pub(crate) fn busy(&self) -> bool {
        self.job.is_some()
    }
}

impl WarrantApp {
    /// Opens a map file; on failure the current map stays and the error is shown. In the
    /// window the file is read on a thread (see [`Self::poll_open`]).
    pub fn open_path(&mut self, path: &Path) {
        if self.opening.background {
            let (tx, result) = mpsc::channel();
            let file = path.to_owned();
            let spawned = std::thread::Builder::new()
                .name("open".into())
                .spawn(move || {
                    // The window may have stopped waiting (Cancel): nobody to tell then.
                    let _ = tx.send(io::load_stamped(&file));
                })
                .is_ok();
            if spawned {
                self.opening.job = Some(OpenJob {
                    path: path.to_owned(),
                    result,
                });
                return;
            }
        }
        let loaded = io::load_stamped(path);
        self.opened(path, loaded);
    }

    fn opened(&mut self, path: &Path, loaded: Loaded) {
        match loaded {
            Ok((map, stamp)) => {
                self.discard_recovery();
                self.replace_map(map, Some(path.to_owned()));
                self.disk_stamp = Some(stamp);
                self.remember_recent(path);
                // Told when the check (off the UI thread) is done.
                self.problems_notice = Some(path.to_owned());
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    /// Takes the opened map from its thread when it is read.
    pub(super) fn poll_open(&mut self) {
        let Some(job) = &self.opening.job else {
            return;
        };
        let loaded = match job.result.try_recv() {
            Ok(loaded) => loaded,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                let path = job.path.display().to_string();
                self.opening.job = None;
                self.dialogs.error = Some(format!(
                    "Could not open {path}: reading it stopped unexpectedly. The map that was \
                     open is unchanged."
                ));
                return;
            }
        };
        let Some(job) = self.opening.job.take() else {
            return;
        };
        self.opened(&job.path, loaded);
    }

    /// The window while a file opens: its name, a spinner, and Cancel (the map that was open
    /// stays).
    pub(super) fn opening_ui(&mut self, ui: &mut egui::Ui) {
        let Some(job) = &self.opening.job else {
            return;
        };
        let name = job
            .path
            .file_name()
            .unwrap_or(job.path.as_os_str())
            .to_string_lossy()
            .into_owned();
        let mut cancel = false;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                ui.add(egui::Spinner::new().size(32.0));
                ui.add_space(12.0);
                ui.heading(format!("Opening {name}…"));
                ui.label("A map whose cards have no positions yet is laid out as it opens.");
                ui.add_space(12.0);
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel {
            // The thread finishes unheard; the map that was open is as it was.
            self.opening.job = None;
        }
    }
}
