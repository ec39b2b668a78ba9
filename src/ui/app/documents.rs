//! Documents: opening, saving, recovering after a crash, asking before unsaved changes are lost,
//! importing articles, exporting, and loading a reference map.

use super::{MAX_RECENT, Selection, WarrantApp};
use crate::edit::{History, ops};
use crate::io::{self, Autosave, FileStamp, Recovery};
use crate::model::Map;
use crate::ui::dialogs::{DiskAnswer, Pending};
use crate::ui::files::FileRequest;
use crate::ui::reader::ReaderState;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

impl WarrantApp {
    /// Asks for a reference map to compare this one with.
    pub fn request_reference(&mut self) {
        self.files
            .request(FileRequest::OpenReference, self.path.as_deref());
    }

    /// Loads a reference map and shows the compare panel.
    pub fn open_reference(&mut self, path: &Path) {
        match io::load(path) {
            Ok(map) => {
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                self.compare.set_reference(name, Some(path.to_owned()), map);
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    pub(in crate::ui) fn replace_map(&mut self, map: Map, path: Option<PathBuf>) {
        // A map put in place otherwise (a recovery copy restored, say) wins over a file still
        // being read: that file must not replace it when it arrives. Articles still being read
        // were asked for the map that was open: they are not added to this one.
        self.opening.forget();
        self.articles.reading.clear();
        self.history = History::new(map);
        self.path = path;
        self.selection = Selection::default();
        self.canvas.editing = None;
        self.canvas.fit_pending = true;
        self.canvas.opening = true;
        self.canvas.visibility = crate::view::Visibility::default();
        self.reader = ReaderState::default();
        self.autosave = Autosave::new(self.autosave.quiet, self.autosave.longest);
        self.disk_stamp = None;
        self.findings.forget();
        self.compare.forget();
        self.tidying.forget();
        self.problems_notice = None;
    }

    /// Opens sample map number `i` (of `samples::ALL`) as an unsaved copy.
    pub(in crate::ui) fn open_sample(&mut self, i: usize) {
        let Some(sample) = crate::samples::ALL.get(i) else {
            return;
        };
        match io::map_from_json(sample.bytes, Path::new(sample.file)) {
            Ok(map) => {
                self.discard_recovery();
                self.replace_map(map, None);
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    pub(in crate::ui) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Saves to `path`; on success it becomes the map's file. If another program changed the
    /// map's file since it was opened or saved, nothing is written and the user is asked first.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.save_checked(path, false)
    }

    /// Saves to `path` even if another program changed it (the user chose to overwrite).
    pub(in crate::ui) fn save_over(&mut self, path: &Path) -> bool {
        self.save_checked(path, true)
    }

    fn save_checked(&mut self, path: &Path, overwrite: bool) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension(crate::io::MAP_EXTENSION)
        } else {
            path.to_owned()
        };
        if !overwrite
            && self.path.as_deref() == Some(path.as_path())
            && self
                .disk_stamp
                .as_ref()
                .is_some_and(|s| s.changed_on_disk(&path, io::MAX_MAP_BYTES))
        {
            self.dialogs.disk_changed = Some(path);
            return false;
        }
        match io::save_stamped(&path, self.history.map()) {
            Ok(stamp) => {
                self.discard_recovery();
                self.history.mark_saved();
                self.path = Some(path.clone());
                self.disk_stamp = Some(stamp);
                self.remember_recent(&path);
                // Confirmed as Export is: the title's "•" alone goes unseen in full screen.
                self.dialogs.notice = Some(format!("Saved to {}", path.display()));
                true
            }
            Err(e) => {
                self.dialogs.error = Some(e.to_string());
                false
            }
        }
    }

    /// Asks where to save: the map's file, or for an untitled map a file named after its title.
    pub(in crate::ui) fn request_save_as(&mut self) {
        let near = self.path.clone().unwrap_or_else(|| {
            let name = crate::ui::files::map_file_name(&self.map().title);
            std::env::current_dir().unwrap_or_default().join(name)
        });
        self.files.request(FileRequest::SaveMap, Some(&near));
    }

    /// The answer to "the file changed on disk": overwrite it, save elsewhere, reload it
    /// (dropping the changes made here), or cancel. What the save was for (quitting, say)
    /// goes on only after a save.
    pub(in crate::ui) fn answer_disk_changed(&mut self, path: &Path, answer: DiskAnswer) {
        match answer {
            DiskAnswer::Overwrite => {
                if self.save_over(path)
                    && let Some(then) = self.dialogs.after_save.take()
                {
                    self.proceed(then);
                }
            }
            DiskAnswer::SaveAs => self.files.request(FileRequest::SaveMap, Some(path)),
            DiskAnswer::Reload => {
                self.dialogs.after_save = None;
                self.open_path(path);
            }
            DiskAnswer::Cancel => self.dialogs.after_save = None,
        }
    }

    pub(in crate::ui) fn recovery(&self) -> Option<Recovery> {
        let dir = self.recovery_dir.as_deref()?;
        Some(Recovery::for_map(dir, self.path.as_deref()))
    }

    /// Removes the recovery copy of the map on screen: only one this session wrote or restored,
    /// never a copy found at start that the restore prompt still offers.
    pub(in crate::ui) fn discard_recovery(&mut self) {
        if let Some(r) = self.recovery_owned.take() {
            self.recovery_writer.discard(r);
        }
    }

    /// Writes the recovery copy a moment after the last change (see [`Autosave`]), on the
    /// writer's thread, and wakes the UI when the next one is due.
    pub(in crate::ui) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(e) = self.recovery_writer.failure()
            && self.dialogs.error.is_none()
        {
            self.dialogs.error = Some(format!("Autosave failed: {e}"));
        }
        let now = Duration::from_secs_f64(ctx.input(|i| i.time).max(0.0));
        let generation = self.history.generation();
        if self.autosave.tick(now, self.history.is_dirty(), generation) {
            if let Some(r) = self.recovery() {
                if let Some(old) = self.recovery_owned.take()
                    && old != r
                {
                    self.recovery_writer.discard(old);
                }
                self.recovery_writer.write(
                    r.clone(),
                    self.history.map().clone(),
                    self.path.clone(),
                );
                self.recovery_owned = Some(r);
            }
            self.autosave.wrote(generation);
        }
        if let Some(wait) = self.autosave.wait(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Waits until the recovery copies asked for so far are written or removed (tests use this).
    pub fn flush_recovery(&mut self) {
        self.recovery_writer.flush();
    }

    /// Restores a recovery copy left by a crash.
    pub fn restore(&mut self, recovery: &Recovery) {
        match recovery.load() {
            Ok(map) => {
                let origin = recovery.origin();
                // Saving over the file later asks only if it changes from what it is now.
                let stamp = origin
                    .as_deref()
                    .and_then(|p| io::read_map_bytes(p).ok())
                    .map(|b| FileStamp::of_bytes(&b));
                self.replace_map(map, origin);
                self.disk_stamp = stamp;
                self.recovery_owned = Some(recovery.clone());
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
            Pending::Sample(i) => self.open_sample(i),
            // interchange
            Pending::Import(Some(path)) => self.import_path(&path),
            Pending::Import(None) => self
                .files
                .request(FileRequest::ImportMap, self.path.as_deref()),
            Pending::Quit => {
                self.discard_recovery();
                self.allow_close = true;
                // Sent at the end of the frame, where the context is at hand.
                self.close_now = true;
            }
        }
    }

    /// Saves, then carries out `then` (the prompt's "Save" button).
    pub(in crate::ui) fn save_then(&mut self, then: Pending) {
        if let Some(path) = self.path.clone() {
            // Kept until the save is done: the file may have changed on disk and need a question.
            self.dialogs.after_save = Some(then);
            if self.save_to(&path)
                && let Some(then) = self.dialogs.after_save.take()
            {
                self.proceed(then);
            }
        } else {
            self.dialogs.after_save = Some(then);
            self.request_save_as();
        }
    }

    /// Adds the article at `path`. The window reads and decodes it (up to 10 MiB) on a thread
    /// and adds it when ready (see [`WarrantApp::poll_articles`]); tests add it right away.
    pub(in crate::ui) fn add_article(&mut self, ctx: &egui::Context, path: &Path) {
        if !self.articles.background {
            self.article_read(io::import_article(path));
            return;
        }
        let path = path.to_owned();
        match super::job::spawn("article", Some(ctx.clone()), move || {
            io::import_article(&path)
        }) {
            Ok(rx) => self.articles.reading.push(rx),
            Err(e) => self.dialogs.error = Some(format!("Add article: {e}")),
        }
    }

    /// Reads added articles on a thread (`true`, as the window does) or right away (`false`, the
    /// default of [`WarrantApp::with_map`], which tests use).
    pub fn read_articles_in_background(&mut self, background: bool) {
        self.articles.background = background;
    }

    /// Adds the articles whose reading finished since the last frame.
    pub(in crate::ui) fn poll_articles(&mut self) {
        let mut done = Vec::new();
        self.articles.reading.retain(|rx| match rx.try_recv() {
            Ok(result) => {
                done.push(result);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => false,
        });
        for result in done {
            self.article_read(result);
        }
    }

    /// Whether an article is being read off the UI thread (the toolbar shows it).
    pub fn reading_articles(&self) -> bool {
        !self.articles.reading.is_empty()
    }

    pub(super) fn article_read(&mut self, result: Result<io::Imported, io::ImportError>) {
        match result {
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

/// Articles being read and decoded on threads, so a large or slow file does not freeze the window.
#[derive(Default)]
pub(super) struct ArticleReads {
    /// Whether to read on a thread (the window) or right away (tests).
    pub(super) background: bool,
    reading: Vec<mpsc::Receiver<Result<io::Imported, io::ImportError>>>,
}
