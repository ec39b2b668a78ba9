//! Commands: what each menu item, button and shortcut does, and the shortcuts themselves.

use super::{Selection, ThemeChoice, WarrantApp};
use crate::edit::{Edit, Item, ops};
use crate::model::Point;
use crate::ui::command::Command;
use crate::ui::dialogs::Pending;
use crate::ui::files::FileRequest;

impl WarrantApp {
    /// Runs one command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewMap => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open(None)),
            Command::OpenPath(p) => self.guard(Pending::Open(Some(p))),
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
            Command::CompareWithPath(p) => self.open_reference(&p),
            Command::Tidy => {
                let edits = ops::tidy(
                    self.history.map(),
                    &crate::layout::LayoutSettings::default(),
                    &crate::layout::card::card_size,
                );
                if edits.is_empty() {
                    self.dialogs.notice = Some("The map is already tidy.".into());
                } else {
                    self.submit("Tidy", None, edits);
                    self.canvas.fit_pending = true;
                }
            }
            Command::Export => self.open_export_dialog(),
            Command::ExportTo(kind, path) => {
                self.settings.export.kind = kind;
                self.export_to(&path);
            }
            Command::Quit => self.guard(Pending::Quit(ctx.clone())),
            Command::Undo => {
                self.canvas.editing = None;
                self.history.undo();
                self.prune_selection();
            }
            Command::Redo => {
                self.canvas.editing = None;
                self.history.redo();
                self.prune_selection();
            }
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
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitMap => self.canvas.fit_pending = true,
            Command::FoldBranch => crate::ui::canvas::folds::toggle_selected_folds(self),
            Command::UnfoldAll => self.canvas.visibility.expand_all(),
            Command::FocusMode => crate::ui::canvas::folds::toggle_focus(self),
            Command::Present => {
                self.canvas.editing = None;
                let mut p = crate::ui::present::Presentation::start(
                    self.history.map(),
                    self.settings.present,
                );
                if let Some(step) = self.present_from.take() {
                    p.step = step.min(p.steps.len().saturating_sub(1));
                }
                self.presenting = Some(p);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            Command::StopPresenting => {
                // The editor's camera and selection were never touched.
                if self.presenting.take().is_some() {
                    // To the main window, even when Esc was pressed in the presenter view.
                    ctx.send_viewport_cmd_to(
                        egui::ViewportId::ROOT,
                        egui::ViewportCommand::Fullscreen(false),
                    );
                }
            }
            Command::RememberPresentation(prefs) => self.settings.present = prefs,
            Command::ToggleTheme => {
                self.settings.theme = if ctx.theme() == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
                self.apply_theme(ctx);
            }
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
        let claim = match self.selection.nodes.as_slice() {
            [id] if self.map().claim(id).is_some() => Some(id.clone()),
            _ => None,
        };
        let pos = self
            .canvas
            .spot_for_quote(self.history.map(), claim.as_ref());
        match ops::add_quote(self.history.map(), &source, start, end, pos, claim.as_ref()) {
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

    /// Shortcuts: commands whose keys were pressed this frame.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for command in [
                Command::SaveAs,
                Command::Save,
                Command::Export,
                Command::NewMap,
                Command::Open,
                Command::AddArticle,
                Command::Quit,
                Command::Redo,
                Command::Undo,
                Command::QuoteSelection,
                Command::SelectAll,
                Command::Copy,
                Command::Paste,
                Command::Delete,
                Command::NewClaim,
                Command::LinkSelected,
                Command::EditSelected,
                Command::ZoomIn,
                Command::ZoomOut,
                // Before FitMap: F alone would also match Shift+F.
                Command::FocusMode,
                Command::FitMap,
                Command::FoldBranch,
                Command::Present,
            ] {
                // Text fields keep their own keys (Delete, Ctrl+Z, Ctrl+A…).
                if typing && command.is_canvas_key() {
                    continue;
                }
                let shortcuts = command
                    .shortcut()
                    .into_iter()
                    .chain(command.alternatives().iter().copied());
                for s in shortcuts {
                    if input.consume_shortcut(&s) {
                        fired.push(command.clone());
                        break;
                    }
                }
            }
        });
        self.pending.extend(fired);
    }

    /// Rows of (label, shortcut text) for the keyboard help.
    pub fn shortcut_help(ctx: &egui::Context) -> Vec<(&'static str, String)> {
        let commands = [
            Command::NewClaim,
            Command::EditSelected,
            Command::LinkSelected,
            Command::QuoteSelection,
            Command::Delete,
            Command::Undo,
            Command::Redo,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::FitMap,
            Command::FoldBranch,
            Command::FocusMode,
            Command::Present,
            Command::Save,
        ];
        commands
            .iter()
            .filter_map(|c| Some((c.label(), c.keys_text(ctx)?)))
            .collect()
    }
}
