//! The app: one open map, its history, what is selected, and the panels around the canvas.

mod access;
mod commands;
mod documents;
mod folds;
mod job;
mod opening;
mod panels;
mod regions;
mod tidy;

use super::canvas::CanvasState;
use super::command::Command;
use super::dialogs::{Dialogs, Pending};
use super::files::FileDialogs;
use super::focus_regions::Region;
use super::reader::ReaderState;
use crate::check::Problem;
use crate::edit::{Edit, History, Item};
use crate::io::{Autosave, FileStamp, Recovery, RecoveryWriter};
use crate::model::{LinkId, Map, NodeId};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

const SETTINGS_KEY: &str = "warrant-settings";
const MAX_RECENT: usize = 10;

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// What is remembered across runs (window size and panel widths are kept by eframe itself).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub ui_zoom: f32,
    pub canvas_zoom: f32,
    pub show_reader: bool,
    pub show_inspector: bool,
    /// Which tab the left panel shows.
    pub left_tab: LeftTab,
    /// File → Export's last format, folder and options.
    pub export: super::export_dialog::ExportPrefs,
    /// The presentation's theme and type size.
    pub present: super::present::PresentPrefs,
    /// The welcome was shown once (it opens by itself on the first run only).
    pub welcomed: bool,
}

/// The tabs of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftTab {
    #[default]
    Inspector,
    Story,
    Findings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            ui_zoom: 1.0,
            canvas_zoom: 1.0,
            show_reader: true,
            show_inspector: true,
            left_tab: LeftTab::Inspector,
            export: super::export_dialog::ExportPrefs::default(),
            present: super::present::PresentPrefs::default(),
            welcomed: false,
        }
    }
}

/// What is selected: cards, or one link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub nodes: Vec<NodeId>,
    pub link: Option<LinkId>,
}

impl Selection {
    pub fn one(id: NodeId) -> Self {
        Self {
            nodes: vec![id],
            link: None,
        }
    }

    pub fn contains(&self, id: &NodeId) -> bool {
        self.nodes.contains(id)
    }

    /// Adds or removes a card (Shift-click).
    pub fn toggle(&mut self, id: &NodeId) {
        self.link = None;
        if let Some(i) = self.nodes.iter().position(|n| n == id) {
            self.nodes.remove(i);
        } else {
            self.nodes.push(id.clone());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.link.is_none()
    }
}

/// The whole app state. The eframe `App` and the UI tests drive the same value.
pub struct WarrantApp {
    /// The open map and every change made to it: changed only through `submit`, `undo`, `redo`;
    /// read through [`WarrantApp::map`] and [`WarrantApp::history`].
    history: History,
    /// Where the map is saved; `None` for a new or sample map.
    pub(crate) path: Option<PathBuf>,
    pub(crate) selection: Selection,
    pub(crate) settings: Settings,
    pub(crate) canvas: CanvasState,
    reader: ReaderState,
    pub(crate) dialogs: Dialogs,
    /// The presentation running, if any (the editor is hidden meanwhile).
    presenting: Option<super::present::Presentation>,
    /// Start the next presentation at this step (the story editor's Preview).
    present_from: Option<usize>,
    /// The story editor's state.
    story: super::story_panel::StoryPanel,
    /// The inspector's own state (names being typed).
    inspector: super::inspector::InspectorState,
    /// The analysis of the map.
    findings: super::findings::Findings,
    /// The comparison with a teacher's reference map, and a class of hand-ins.
    pub(crate) compare: super::compare_panel::ComparePanel,
    /// File → Export's dialog.
    pub(crate) export: super::export_dialog::ExportDialog,
    /// The map just opened, to tell how many problems it has once they are found (they are
    /// found off the UI thread, with the findings: a map is untrusted input of any size).
    problems_notice: Option<PathBuf>,
    files: FileDialogs,
    autosave: Autosave,
    recovery_dir: Option<PathBuf>,
    /// Writes recovery copies off the UI thread.
    recovery_writer: RecoveryWriter,
    /// The recovery copy this session wrote or restored: the only one it may remove (copies
    /// found at start belong to the restore prompt until it is answered).
    recovery_owned: Option<Recovery>,
    /// What the map's file held when it was opened or last saved, to notice another program
    /// changing it meanwhile.
    disk_stamp: Option<FileStamp>,
    /// Articles being added, read off the UI thread.
    articles: documents::ArticleReads,
    /// Commands collected while drawing, run after the frame's UI.
    pending: Vec<Command>,
    /// The last commands run (see [`WarrantApp::commands_run`]).
    ran: Vec<Command>,
    /// Quitting was confirmed: close the window at the end of the frame.
    close_now: bool,
    clipboard: Vec<Item>,
    shown_title: String,
    allow_close: bool,
    /// The card fonts are added on the first frame (before any text, so they apply at once).
    fonts_installed: bool,
    /// Where the map, inspector and reader were drawn this frame (F6 moves between them).
    regions: super::focus_regions::FocusRegions,
    /// A Tidy being computed off the UI thread.
    tidying: tidy::Tidying,
    /// A map file being read on its thread.
    opening: opening::Opening,
}

impl WarrantApp {
    /// The app as the window starts it: settings from storage, then `file`, the last map, or
    /// the sample; then any recovery copy left by a crash is offered.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        data_dir: Option<PathBuf>,
        file: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_map(Map::new("Untitled map"), settings);
        app.findings.set_background(true);
        app.compare.set_background(true);
        app.compare.class.background = true;
        app.articles.background = true;
        app.tidying.background = true;
        app.opening.background = true;
        app.recovery_dir = data_dir.map(|d| d.join("recovery"));
        app.apply_theme(ctx);
        if (app.settings.ui_zoom - 1.0).abs() > f32::EPSILON {
            ctx.set_zoom_factor(app.settings.ui_zoom.clamp(0.5, 3.0));
        }
        let found = app
            .recovery_dir
            .as_deref()
            .map(Recovery::find_all)
            .unwrap_or_default();
        // A file opened from the desktop or the command line is what the user came for: the
        // welcome waits for a start without one.
        let greet = !app.settings.welcomed && file.is_none();
        match file.or_else(|| app.settings.recent.first().cloned().filter(|p| p.is_file())) {
            Some(path) => app.open_path(&path),
            None => app.open_sample(0),
        }
        // The first run greets: what Warrant is for, and the ways in.
        if greet {
            app.settings.welcomed = true;
            app.dialogs.welcome = true;
        }
        if !found.is_empty() {
            app.dialogs.recovery = found;
        }
        app
    }

    /// An app showing `map`, with no storage, no recovery folder and no window (tests use this).
    pub fn with_map(map: Map, settings: Settings) -> Self {
        Self {
            history: History::new(map),
            path: None,
            selection: Selection::default(),
            canvas: CanvasState::new(settings.canvas_zoom),
            settings,
            reader: ReaderState::default(),
            dialogs: Dialogs::default(),
            presenting: None,
            present_from: None,
            story: super::story_panel::StoryPanel::default(),
            inspector: super::inspector::InspectorState::default(),
            findings: super::findings::Findings::default(),
            compare: super::compare_panel::ComparePanel::default(),
            export: super::export_dialog::ExportDialog::default(),
            problems_notice: None,
            files: FileDialogs::default(),
            autosave: Autosave::default(),
            recovery_dir: None,
            recovery_writer: RecoveryWriter::default(),
            recovery_owned: None,
            disk_stamp: None,
            articles: documents::ArticleReads::default(),
            pending: Vec::new(),
            ran: Vec::new(),
            close_now: false,
            clipboard: Vec::new(),
            shown_title: String::new(),
            allow_close: false,
            fonts_installed: false,
            regions: super::focus_regions::FocusRegions::default(),
            tidying: tidy::Tidying::default(),
            opening: opening::Opening::default(),
        }
    }

    /// Asks for file paths in the app's own prompt instead of native dialogs (tests use this).
    pub fn use_path_prompt(&mut self) {
        self.files.use_path_prompt();
    }

    /// Sets where recovery copies go (tests point it at a temporary folder).
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.recovery_dir = dir;
    }

    /// The map as it is now.
    pub fn map(&self) -> &Map {
        self.history.map()
    }

    /// The open map's history, to read (undo labels, unsaved changes, revisions).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Whether the map has changes not saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Queues a command to run after this frame's UI.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Submits edits as one undo step; an edit that cannot apply is shown as an error.
    pub fn submit(&mut self, label: &str, merge: Option<String>, edits: Vec<Edit>) {
        if let Err(e) = self.history.apply(label, merge, edits) {
            self.dialogs.error = Some(format!("{label}: {e}"));
        }
        self.prune_selection();
    }

    /// Drops selected things that no longer exist (after undo, delete, open).
    fn prune_selection(&mut self) {
        let map = self.history.map();
        let nodes: Vec<NodeId> = self
            .selection
            .nodes
            .iter()
            .filter(|n| map.node(n).is_some())
            .cloned()
            .collect();
        let link = self
            .selection
            .link
            .clone()
            .filter(|l| map.link(l).is_some());
        self.selection = Selection { nodes, link };
        if self
            .canvas
            .editing
            .as_ref()
            .is_some_and(|id| map.claim(id).is_none())
        {
            self.canvas.editing = None;
        }
    }

    /// Problems of the map as it is now (quotes that moved, altered articles); `None` while
    /// they are being checked (on the findings' worker, after each change of content).
    pub fn problems(&self) -> Option<&[Problem]> {
        let checking = self.findings.is_stale(self.history.content_revision());
        (!checking).then(|| self.findings.problems())
    }

    /// Brings the findings (and problems) towards the map as it is now; tells how many problems
    /// a map just opened has once they are known.
    fn update_findings(&mut self, ctx: &egui::Context) {
        self.findings
            .update(ctx, self.history.map(), self.history.content_revision());
        if self.problems_notice.is_none() {
            return;
        }
        let Some(n) = self.problems().map(<[Problem]>::len) else {
            return;
        };
        if let Some(path) = self.problems_notice.take()
            && n > 0
        {
            self.dialogs.notice = Some(format!(
                "{} opened with {n} problem(s) to fix: see the list in the inspector.",
                path.display()
            ));
        }
    }

    /// The file name and unsaved marker, as the title bar shows them.
    pub fn window_title(&self) -> String {
        let name = self.path.as_deref().map_or_else(
            || format!("{} (not saved yet)", self.map().title),
            |p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            },
        );
        let dirty = if self.history.is_dirty() { "• " } else { "" };
        format!("{dirty}{name} — Warrant")
    }

    pub(super) fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    /// Files dropped on the window: a map opens, an article is added.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if crate::io::MAP_EXTENSIONS.contains(&ext.as_str()) {
                self.pending.push(Command::OpenPath(path));
            } else {
                self.pending.push(Command::AddArticlePath(path));
            }
        }
    }

    /// The whole window, for one frame. The eframe app and the UI tests both call this.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            super::theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.closing(&ctx);
        self.poll_open();
        if self.opening.busy() {
            // Nothing reaches the map that was open while another is being read.
            self.opening_ui(ui);
            self.dialogs_ui(&ctx);
            self.run_pending(&ctx);
            return;
        }
        if let Some(p) = self.presenting.as_mut() {
            let cx = super::present::PresentCtx {
                map: self.history.map(),
                generation: self.history.generation(),
            };
            super::present::present_ui(ui, &cx, p, &mut self.pending);
            let layout = self
                .canvas
                .layout(self.history.map(), self.history.generation());
            let cx = super::presenter::PresenterCtx { layout };
            super::presenter::presenter_window(&ctx, cx, p);
            self.dialogs_ui(&ctx);
            self.run_pending(&ctx);
            return;
        }
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        for request in self.files.poll(&ctx) {
            self.pending.push(request);
        }
        self.poll_articles();
        self.poll_tidy();
        self.update_findings(&ctx);

        self.bars_ui(ui);
        self.regions.clear();
        if self.settings.show_inspector {
            egui::Panel::left("inspector")
                .resizable(true)
                .default_size(290.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    self.left_tabs_ui(ui);
                    ui.separator();
                    let content = ui.available_rect_before_wrap();
                    self.regions.record(Region::Inspector, ui, content);
                    self.left_tab_ui(ui);
                });
        }
        if self.settings.show_reader {
            egui::Panel::right("reader")
                .resizable(true)
                .default_size(440.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    let cx = super::reader::ReaderCtx {
                        map: self.history.map(),
                        selection: &self.selection,
                        findings: self.findings.latest(),
                    };
                    self.regions.record(Region::Reader, ui, ui.max_rect());
                    super::reader::reader_ui(ui, &cx, &mut self.reader, &mut self.pending);
                });
        }
        self.compare_ui(ui);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let cx = super::canvas::CanvasCtx {
                    map: self.history.map(),
                    generation: self.history.generation(),
                    selection: &self.selection,
                    findings: self.findings.latest(),
                };
                self.regions.record(Region::Canvas, ui, ui.max_rect());
                super::canvas::canvas_ui(ui, &cx, &mut self.canvas, &mut self.pending);
            });
        let export = super::export_dialog::ExportCtx {
            map: self.history.map(),
            path: self.path.as_deref(),
            prefs: &self.settings.export,
            selected: self.selection.nodes.len(),
            on_canvas: self.canvas.shown_ids().map(|ids| ids.len()),
        };
        super::export_dialog::export_dialog_ui(&ctx, &mut self.export, &export, &mut self.pending);
        self.dialogs_ui(&ctx);
        self.files.prompt_ui(&ctx, &mut self.pending);
        self.run_pending(&ctx);
        // An edit made by this frame's commands goes to the analysis now, not at the next input.
        self.update_findings(&ctx);
        self.autosave_tick(&ctx);
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.settings.ui_zoom = ctx.zoom_factor();
        self.settings.canvas_zoom = self.canvas.zoom;
    }

    /// Runs the commands collected this frame, then closes the window if quitting was confirmed.
    fn run_pending(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.pending) {
            self.run_command(ctx, command);
        }
        if std::mem::take(&mut self.close_now) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// What the menus and the toolbar grey out and tick.
    fn command_state<'a>(
        history: &'a History,
        selection: &Selection,
        canvas: &CanvasState,
    ) -> super::command::CommandState<'a> {
        super::command::CommandState {
            selected_cards: selection.nodes.len(),
            link_selected: selection.link.is_some(),
            undo: history.undo_label(),
            redo: history.redo_label(),
            any_folded: canvas.visibility.any_collapsed(),
            focused: canvas.visibility.focus().is_some(),
            tidying: false,
        }
    }

    /// The menu bar and the toolbar.
    fn bars_ui(&mut self, ui: &mut egui::Ui) {
        let reading_articles = self.reading_articles();
        let cx = super::menus::BarCtx {
            commands: super::command::CommandState {
                tidying: self.tidying.busy(),
                ..Self::command_state(&self.history, &self.selection, &self.canvas)
            },
            recent: &self.settings.recent,
            show_inspector: self.settings.show_inspector,
            show_reader: self.settings.show_reader,
            theme: self.settings.theme,
            canvas_zoom: self.canvas.zoom,
            reading_articles,
        };
        let out = &mut self.pending;
        egui::Panel::top("menu").show(ui, |ui| super::menus::menu_bar_ui(ui, &cx, out));
        egui::Panel::top("toolbar").show(ui, |ui| super::menus::toolbar_ui(ui, &cx, out));
    }

    /// The modal dialogs and the notice.
    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let cx = super::dialogs::DialogCtx {
            map: self.history.map(),
            path: self.path.as_deref(),
            recent: &self.settings.recent,
        };
        super::dialogs::dialogs_ui(ctx, &mut self.dialogs, &cx, &mut self.pending);
    }

    /// The window's close button: ask first if there are unsaved changes.
    fn closing(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.history.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialogs.unsaved = Some(Pending::Quit);
            } else {
                self.discard_recovery();
            }
        }
    }
}

impl eframe::App for WarrantApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        WarrantApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
