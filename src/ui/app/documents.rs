//! Documents: opening, saving, recovering after a crash, asking before unsaved changes are lost,
//! importing articles, exporting, and loading a reference map.

use super::{LeftTab, MAX_RECENT, SAMPLE_MAP, Selection, WarrantApp};
use crate::edit::{History, ops};
use crate::io::{self, Autosave, Recovery};
use crate::model::Map;
use crate::ui::dialogs::Pending;
use crate::ui::files::FileRequest;
use crate::ui::reader::ReaderState;
use std::path::{Path, PathBuf};
use std::time::Instant;

impl WarrantApp {
    /// Asks for a reference map to compare this one with.
    pub fn request_reference(&mut self) {
        self.files
            .request(FileRequest::OpenReference, self.path.as_deref());
    }

    /// Loads a reference map for the comparison in the findings panel.
    pub fn open_reference(&mut self, path: &Path) {
        match io::load(path) {
            Ok(map) => {
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                self.findings.reference = Some((name, map));
                self.settings.left_tab = LeftTab::Findings;
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    pub(in crate::ui) fn replace_map(&mut self, map: Map, path: Option<PathBuf>) {
        self.history = History::new(map);
        self.path = path;
        self.selection = Selection::default();
        self.canvas.editing = None;
        self.canvas.fit_pending = true;
        self.canvas.opening = true;
        self.canvas.visibility = crate::view::Visibility::default();
        self.reader = ReaderState::default();
        self.autosave = Autosave::new(self.autosave.interval);
    }

    pub(in crate::ui) fn open_sample(&mut self) {
        match io::map_from_json(SAMPLE_MAP, Path::new("sample map")) {
            Ok(map) => self.replace_map(map, None),
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    pub(in crate::ui) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Opens a map file; on failure the current map stays and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match io::load(path) {
            Ok(map) => {
                self.discard_recovery();
                self.replace_map(map, Some(path.to_owned()));
                self.remember_recent(path);
                let n = self.problems().len();
                if n > 0 {
                    self.dialogs.notice = Some(format!(
                        "{} opened with {n} problem(s) to fix: see the list in the inspector.",
                        path.display()
                    ));
                }
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    /// Saves to `path`; on success it becomes the map's file.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("json")
        } else {
            path.to_owned()
        };
        match io::save(&path, self.history.map()) {
            Ok(()) => {
                self.discard_recovery();
                self.history.mark_saved();
                self.path = Some(path.clone());
                self.remember_recent(&path);
                true
            }
            Err(e) => {
                self.dialogs.error = Some(e.to_string());
                false
            }
        }
    }

    pub(in crate::ui) fn recovery(&self) -> Option<Recovery> {
        let dir = self.recovery_dir.as_deref()?;
        Some(Recovery::for_map(dir, self.path.as_deref()))
    }

    pub(in crate::ui) fn discard_recovery(&self) {
        if let Some(r) = self.recovery() {
            r.discard();
        }
    }

    /// Writes the recovery copy when there are unsaved changes and it is time.
    pub(in crate::ui) fn autosave_tick(&mut self) {
        let now = Instant::now();
        let generation = self.history.generation();
        if !self.autosave.due(now, self.history.is_dirty(), generation) {
            return;
        }
        if let Some(r) = self.recovery()
            && let Err(e) = r.write(self.history.map(), self.path.as_deref())
        {
            self.dialogs.error = Some(format!("Autosave failed: {e}"));
        }
        self.autosave.wrote(now, generation);
    }

    /// Restores a recovery copy left by a crash.
    pub fn restore(&mut self, recovery: &Recovery) {
        match recovery.load() {
            Ok(map) => {
                let origin = recovery.origin();
                self.replace_map(map, origin);
                self.history.mark_unsaved();
            }
            Err(e) => self.dialogs.error = Some(format!("The recovery copy cannot be read: {e}")),
        }
    }

    /// Runs `then` now, or after asking Save / Don't save / Cancel if there are unsaved changes.
    pub(in crate::ui) fn guard(&mut self, then: Pending) {
        if self.history.is_dirty() {
            self.dialogs.unsaved = Some(then);
        } else {
            self.proceed(then);
        }
    }

    /// Carries out what the unsaved-changes prompt was guarding.
    pub(in crate::ui) fn proceed(&mut self, then: Pending) {
        match then {
            Pending::New => {
                self.discard_recovery();
                self.replace_map(Map::new("Untitled map"), None);
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => self
                .files
                .request(FileRequest::OpenMap, self.path.as_deref()),
            Pending::Quit(ctx) => {
                self.discard_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves, then carries out `then` (the prompt's "Save" button).
    pub(in crate::ui) fn save_then(&mut self, then: Pending) {
        if let Some(path) = self.path.clone() {
            if self.save_to(&path) {
                self.proceed(then);
            }
        } else {
            self.dialogs.after_save = Some(then);
            self.files.request(FileRequest::SaveMap, None);
        }
    }

    pub(in crate::ui) fn add_article(&mut self, path: &Path) {
        match io::import_article(path) {
            Ok(imported) => {
                if let Some(note) = imported.note() {
                    self.dialogs.notice =
                        Some(format!("Added “{}”, {note}.", imported.source.title));
                }
                let (id, edits) = ops::add_source(self.history.map(), imported.source);
                self.submit("Add article", None, edits);
                self.reader.current = Some(id);
                self.settings.show_reader = true;
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }
}
