//! Commands: what each menu item, button and shortcut does, and the shortcuts themselves.

use super::{Selection, WarrantApp};
use crate::edit::{Edit, Item, ops};
use crate::model::{LinkId, NodeId, Point, Relation};
use crate::ui::command::{Command, UnsavedAnswer};
use crate::ui::dialogs::Pending;
use crate::ui::files::FileRequest;

/// How many of the last commands [`WarrantApp::commands_run`] keeps.
const RAN_KEPT: usize = 64;

impl WarrantApp {
    /// Runs one command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.ran.push(command.clone());
        if self.ran.len() > RAN_KEPT {
            self.ran.remove(0);
        }
        match command {
            Command::NewMap
            | Command::Open
            | Command::OpenPath(_)
            | Command::OpenSample(_)
            | Command::Import
            | Command::ImportPath(_)
            | Command::Save
            | Command::SaveAs
            | Command::SaveTo(_)
            | Command::AddArticle
            | Command::AddArticlePath(_)
            | Command::PasteArticle
            | Command::AddPastedArticle { .. }
            | Command::CompareWithPath(_)
            | Command::Export
            | Command::ExportTo(..)
            | Command::Quit
            | Command::AskFile(..)
            | Command::SetExportPrefs(_) => self.run_file_command(ctx, command),
            Command::Unsaved(..) | Command::DiskChanged(..) | Command::Recover(..) => {
                self.run_answer(command);
            }
            Command::ZoomIn
            | Command::ZoomOut
            | Command::FitMap
            | Command::FoldBranch
            | Command::UnfoldAll
            | Command::FocusMode
            | Command::Present
            | Command::StopPresenting
            | Command::RememberPresentation(_)
            | Command::SetTheme(_)
            | Command::ShowInspector(_)
            | Command::ShowReader(_)
            | Command::ShowHelp
            | Command::NextPanel
            | Command::PreviousPanel
            | Command::Welcome => self.run_view_command(ctx, &command),
            Command::Tidy => self.tidy(ctx),
            Command::Undo
            | Command::Redo
            | Command::Delete
            | Command::SelectAll
            | Command::NewClaim
            | Command::LinkSelected
            | Command::QuoteSelection
            | Command::EditSelected
            | Command::Copy
            | Command::Paste
            | Command::Relate { .. } => self.run_edit_command(command),
            // sent by the panels while drawing
            command @ (Command::Submit { .. }
            | Command::Seal
            | Command::Select(_)
            | Command::SelectLink(_)
            | Command::Reveal(_)
            | Command::NewClaimAt(_)
            | Command::LinkCards(..)
            | Command::QuotePassage { .. }
            | Command::Notice(_)
            | Command::Frame(_)
            | Command::ShowQuote(_)
            | Command::Error(_)
            | Command::PresentFrom(_)
            | Command::CompareWith
            | Command::OpenClassFolder
            | Command::ClassFolderPath(_)
            | Command::SaveClassCsv
            | Command::ClassCsvPath(_)
            | Command::ToggleCompare
            | Command::ShowPassage { .. }) => self.run_panel_command(ctx, command),
        }
    }

    /// The commands run lately, oldest first (the last few dozen; tests read what a key did).
    pub fn commands_run(&self) -> &[Command] {
        &self.ran
    }

    /// Files: new, open, save, articles, export, quit.
    fn run_file_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewMap => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open(None)),
            Command::OpenPath(p) => self.guard(Pending::Open(Some(p))),
            Command::OpenSample(i) => self.guard(Pending::Sample(i)),
            // interchange
            Command::Import => self.guard(Pending::Import(None)),
            Command::ImportPath(p) => self.guard(Pending::Import(Some(p))),
            Command::Save => match self.path.clone() {
                Some(p) => {
                    self.save_to(&p);
                }
                None => self.request_save_as(),
            },
            Command::SaveAs => self.request_save_as(),
            Command::SaveTo(p) => {
                if self.save_to(&p)
                    && let Some(then) = self.dialogs.after_save.take()
                {
                    self.proceed(then);
                }
            }
            Command::AddArticle => self
                .files
                .request(FileRequest::AddArticle, self.path.as_deref()),
            Command::AddArticlePath(p) => self.add_article(ctx, &p),
            Command::PasteArticle => {
                self.dialogs.paste = Some(crate::ui::paste_dialog::PasteArticle::new());
            }
            Command::AddPastedArticle { title, text } => {
                self.article_read(crate::io::pasted_article(&title, &text));
            }
            Command::CompareWithPath(p) => self.open_reference(&p),
            Command::Export => self.open_export_dialog(),
            Command::ExportTo(kind, path) => {
                self.settings.export.kind = kind;
                self.export_to(&path);
            }
            Command::AskFile(request, near) => self.files.request(request, near.as_deref()),
            Command::SetExportPrefs(prefs) => self.settings.export = prefs,
            Command::Quit => self.guard(Pending::Quit),
            _ => {}
        }
    }

    /// The answers to the dialogs' questions.
    fn run_answer(&mut self, command: Command) {
        match command {
            Command::Unsaved(then, UnsavedAnswer::Save) => self.save_then(then),
            Command::Unsaved(then, UnsavedAnswer::DontSave) => self.proceed(then),
            Command::DiskChanged(path, answer) => self.answer_disk_changed(&path, answer),
            Command::Recover(recovery, true) => self.restore(&recovery),
            Command::Recover(recovery, false) => recovery.discard(),
            _ => {}
        }
    }

    /// The view: zoom, folds, focus, presenting, theme, panels.
    fn run_view_command(&mut self, ctx: &egui::Context, command: &Command) {
        match *command {
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitMap => self.canvas.fit_pending = true,
            Command::FoldBranch => self.toggle_selected_folds(),
            Command::UnfoldAll => self.canvas.visibility.expand_all(),
            Command::FocusMode => self.toggle_focus(),
            Command::Present => self.start_presenting(ctx),
            Command::StopPresenting => self.stop_presenting(ctx),
            Command::RememberPresentation(prefs) => self.settings.present = prefs,
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.apply_theme(ctx);
            }
            Command::ShowInspector(on) => self.settings.show_inspector = on,
            Command::ShowReader(on) => self.settings.show_reader = on,
            Command::ShowHelp => self.dialogs.help = true,
            Command::Welcome => self.dialogs.welcome = true,
            Command::NextPanel => self.focus_next_region(ctx, true),
            Command::PreviousPanel => self.focus_next_region(ctx, false),
            _ => {}
        }
    }

    /// Leaves the presentation: the editor's camera and selection were never touched.
    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.presenting.take().is_some() {
            // To the main window, even when Esc was pressed in the presenter view.
            ctx.send_viewport_cmd_to(
                egui::ViewportId::ROOT,
                egui::ViewportCommand::Fullscreen(false),
            );
        }
    }

    fn start_presenting(&mut self, ctx: &egui::Context) {
        self.canvas.editing = None;
        let mut p =
            crate::ui::present::Presentation::start(self.history.map(), self.settings.present);
        if let Some(step) = self.present_from.take() {
            p.step = step.min(p.steps.len().saturating_sub(1));
        }
        self.presenting = Some(p);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Changes to the map and the selection.
    fn run_edit_command(&mut self, command: Command) {
        match command {
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                self.selection = Selection {
                    nodes: self.map().nodes().map(|n| n.id().clone()).collect(),
                    link: None,
                };
            }
            Command::NewClaim => {
                let pos = self.canvas.free_spot_near_center();
                self.new_claim_at(pos);
            }
            Command::LinkSelected => {
                if let [a, b] = self.selection.nodes.as_slice() {
                    self.dialogs.relation = Some((a.clone(), b.clone(), None));
                } else if let [from] = self.selection.nodes.as_slice() {
                    // The other end is chosen by its text: the keyboard's way to link.
                    self.dialogs.link_to = Some(crate::ui::link_dialog::LinkTo::new(from.clone()));
                } else {
                    self.dialogs.notice =
                        Some("Select two cards (Shift-click) to link them, or drag from a card's handle onto another.".into());
                }
            }
            Command::QuoteSelection => self.quote_selection(),
            Command::EditSelected => {
                if let [id] = self.selection.nodes.as_slice()
                    && self.map().claim(id).is_some()
                {
                    self.canvas.start_editing(id.clone(), self.history.map());
                }
            }
            Command::Copy => self.copy_selection(),
            Command::Paste => self.paste(),
            Command::Relate {
                from,
                to,
                link,
                relation,
            } => self.relate(&from, &to, link.as_ref(), relation),
            _ => {}
        }
    }

    /// Takes back the last change.
    pub fn undo(&mut self) {
        self.canvas.editing = None;
        self.history.undo();
        self.prune_selection();
    }

    /// Makes the change taken back again.
    pub fn redo(&mut self) {
        self.canvas.editing = None;
        self.history.redo();
        self.prune_selection();
    }

    /// Links `from → to` with `relation` (or changes `link` to it) and selects the link.
    fn relate(&mut self, from: &NodeId, to: &NodeId, link: Option<&LinkId>, relation: Relation) {
        let result = match link {
            Some(link) => {
                ops::change_link(self.map(), link, relation, false).map(|e| (link.clone(), e))
            }
            None => ops::add_link_with_room(self.map(), from, to, relation),
        };
        match result {
            Ok((id, edits)) => {
                let label = if link.is_some() {
                    "Change link"
                } else {
                    "Link"
                };
                self.submit(label, None, edits);
                self.selection = Selection {
                    nodes: Vec::new(),
                    link: Some(id),
                };
                // The dialog that chose the relation is gone: its card has the keys again.
                self.canvas.focus = Some(from.clone());
            }
            Err(e) => self.dialogs.error = Some(format!("Cannot link these: {e}")),
        }
    }

    /// Creates an empty claim at `pos`, selects it, and starts editing its text.
    pub fn new_claim_at(&mut self, pos: Point) {
        let (id, edits) = ops::add_claim(self.history.map(), "", pos);
        self.submit("New claim", None, edits);
        self.selection = Selection::one(id.clone());
        self.canvas.start_editing(id, self.history.map());
    }

    fn delete_selection(&mut self) {
        if let Some(link) = self.selection.link.clone() {
            let edits = ops::delete_link(self.history.map(), &link);
            self.submit("Delete link", None, edits);
        } else if !self.selection.nodes.is_empty() {
            let edits = ops::delete_nodes(self.history.map(), &self.selection.nodes);
            let label = if self.selection.nodes.len() == 1 {
                "Delete card"
            } else {
                "Delete cards"
            };
            self.submit(label, None, edits);
        }
    }

    /// Makes a quote of the reader's selection, linked as support to the selected claim.
    pub fn quote_selection(&mut self) {
        let Some((source, start, end)) = self.reader.selection_in_source(self.history.map()) else {
            self.dialogs.notice = Some(
                "Select a passage in the article first (drag over the text), then press Quote."
                    .into(),
            );
            return;
        };
        self.quote_passage(&source, start, end);
    }

    /// Makes a quote of chars `start..end` of a source, linked as support to the selected claim.
    pub(super) fn quote_passage(
        &mut self,
        source: &crate::model::SourceId,
        start: usize,
        end: usize,
    ) {
        let claim = match self.selection.nodes.as_slice() {
            [id] if self.map().claim(id).is_some() => Some(id.clone()),
            _ => None,
        };
        let pos = self
            .canvas
            .spot_for_quote(self.history.map(), claim.as_ref());
        match ops::add_quote(self.history.map(), source, start, end, pos, claim.as_ref()) {
            Ok((id, edits)) => {
                self.submit("Add quote", None, edits);
                self.selection = Selection::one(id.clone());
                self.canvas.reveal = Some(id);
            }
            Err(e) => self.dialogs.error = Some(format!("Cannot quote this: {e}")),
        }
    }

    fn copy_selection(&mut self) {
        let map = self.history.map();
        self.clipboard = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| {
                map.claim(id)
                    .map(|c| Item::Claim(c.clone()))
                    .or_else(|| map.quote(id).map(|q| Item::Quote(q.clone())))
            })
            .collect();
    }

    /// Pastes copied cards with new ids, offset so they do not cover the originals.
    fn paste(&mut self) {
        if self.clipboard.is_empty() {
            return;
        }
        let mut scratch = self.history.map().clone();
        let mut edits = Vec::new();
        let mut ids = Vec::new();
        for item in &self.clipboard {
            let item = match item.clone() {
                Item::Claim(mut c) => {
                    c.id = scratch.new_claim_id();
                    c.pos = Point::new(c.pos.x + 30.0, c.pos.y + 30.0);
                    ids.push(c.id.clone());
                    Item::Claim(c)
                }
                Item::Quote(mut q) if scratch.source(&q.source).is_some() => {
                    q.id = scratch.new_quote_id();
                    q.pos = Point::new(q.pos.x + 30.0, q.pos.y + 30.0);
                    ids.push(q.id.clone());
                    Item::Quote(q)
                }
                _ => continue,
            };
            let edit = Edit::Insert {
                index: usize::MAX,
                item,
            };
            // Keep the scratch copy in step so the next new id is fresh.
            let _ = crate::edit::apply(&mut scratch, edit.clone());
            edits.push(edit);
        }
        self.submit("Paste", None, edits);
        self.selection = Selection {
            nodes: ids,
            link: None,
        };
    }

    /// Shortcuts: the commands of the table whose keys were pressed this frame. Text fields
    /// keep their own keys (Delete, Ctrl+Z, Ctrl+A…) while they have focus.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // A focused card (reached with Tab or F6) is the selection: its single-key shortcuts
        // (Delete, L, F5…) still work; any other focused widget may want the keys itself.
        let typing = ctx.memory(egui::Memory::focused).is_some_and(|f| {
            !self
                .selection
                .nodes
                .iter()
                .any(|n| crate::ui::canvas::card_widget_id(n) == f)
        });
        self.tab_between_card_and_fields(ctx);
        let fired = ctx.input_mut(|input| crate::ui::command::pressed(input, typing));
        self.pending.extend(fired);
    }
}
