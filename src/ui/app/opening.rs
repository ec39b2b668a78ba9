//! Opening a map file, or importing another tool's, off the UI thread: reading, checking and
//! laying out a file grows with it (cards without positions are laid out as the file opens),
//! and a file is untrusted input. Meanwhile the window shows what is being opened, with
//! Cancel; the map that was open stays as it was, untouched, until the new one arrives.

use super::WarrantApp;
use crate::import::{ImportError, Imported};
use crate::io::{self, FileStamp, LoadError};
use crate::model::Map;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

type Loaded = Result<(Map, FileStamp), LoadError>;

/// What a thread read.
enum Read {
    /// A map file.
    Map(Loaded),
    /// Another tool's file, as a map laid out.
    Import(Result<Imported, ImportError>),
}

/// A file being read on its thread.
pub(crate) struct OpenJob {
    path: PathBuf,
    result: Receiver<Read>,
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

    /// Stops waiting for the file being read (its thread finishes unheard).
    pub(crate) fn forget(&mut self) {
        self.job = None;
    }
}

impl WarrantApp {
    /// Opens a map file; on failure the current map stays and the error is shown. In the
    /// window the file is read on a thread (see [`Self::poll_open`]).
    pub fn open_path(&mut self, path: &Path) {
        self.read(path, |file| Read::Map(io::load_stamped(file)));
    }

    /// interchange: imports another tool's file as a new untitled map, laid out, with what the
    /// map holds differently in a notice; on failure the current map stays and the error is
    /// shown. In the window the file is read and laid out on a thread.
    pub fn import_path(&mut self, path: &Path) {
        self.read(path, |file| {
            Read::Import(crate::import::import_file(file, None).map(|mut imported| {
                crate::layout::place_unplaced(&mut imported.map);
                imported
            }))
        });
    }

    /// Reads `path` with `read`: on a thread in the window, at once in tests.
    fn read(&mut self, path: &Path, read: fn(&Path) -> Read) {
        if self.opening.background {
            let file = path.to_owned();
            // No repaint asked for: the opening screen's spinner keeps the frames coming.
            if let Ok(result) = super::job::spawn("open", None, move || read(&file)) {
                self.opening.job = Some(OpenJob {
                    path: path.to_owned(),
                    result,
                });
                return;
            }
        }
        let done = read(path);
        self.arrived(path, done);
    }

    fn arrived(&mut self, path: &Path, read: Read) {
        match read {
            Read::Map(loaded) => self.opened(path, loaded),
            Read::Import(imported) => self.imported(path, imported),
        }
    }

    fn imported(&mut self, path: &Path, imported: Result<Imported, ImportError>) {
        match imported {
            Ok(Imported { map, report }) => {
                let mut notice = format!(
                    "Imported {} claims and {} links from {} ({}); not saved yet.",
                    map.claims.len(),
                    map.links.len(),
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    report.format.name()
                );
                for line in report.lines() {
                    notice.push_str("\n• ");
                    notice.push_str(&line);
                }
                self.discard_recovery();
                self.replace_map(map, None);
                // Nothing on disk holds this map: closing asks to save it.
                self.history.mark_unsaved();
                self.dialogs.notice = Some(notice);
            }
            Err(e) => {
                self.dialogs.error = Some(format!("Cannot import {}: {e}", path.display()));
            }
        }
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
        let read = match job.result.try_recv() {
            Ok(read) => read,
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
        self.arrived(&job.path, read);
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
                cancel = ui.button("Cancel").on_hover_text("Esc").clicked();
            });
        });
        // Esc cancels too, unless it is for a dialog shown over this screen.
        cancel |= ui.ctx().memory(|m| m.top_modal_layer().is_none())
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if cancel {
            // The map that was open is as it was.
            self.opening.forget();
        }
    }
}
