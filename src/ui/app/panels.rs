//! The left panel's tabs, each drawn from a narrow read-only context: what a panel asks for
//! goes into the app's command queue, run after the frame is drawn.

use super::{LeftTab, Selection, WarrantApp};
use crate::ui::command::Command;
use crate::ui::compare_panel::{CompareCtx, compare_panel_ui};
use crate::ui::files::FileRequest;
use crate::ui::findings::{FindingsCtx, findings_ui};
use crate::ui::inspector::{InspectorCtx, inspector_ui};
use crate::ui::story_panel::{StoryCtx, story_ui};

impl WarrantApp {
    /// The left panel's tab row.
    pub(super) fn left_tabs_ui(&mut self, ui: &mut egui::Ui) {
        let tab = &mut self.settings.left_tab;
        ui.horizontal(|ui| {
            ui.selectable_value(tab, LeftTab::Inspector, "Inspector");
            ui.selectable_value(tab, LeftTab::Story, "Story");
            ui.selectable_value(tab, LeftTab::Findings, "Findings");
        });
    }

    /// The tab chosen in the left panel.
    pub(super) fn left_tab_ui(&mut self, ui: &mut egui::Ui) {
        match self.settings.left_tab {
            LeftTab::Inspector => {
                let cx = InspectorCtx {
                    map: self.history.map(),
                    selection: &self.selection,
                    problems: self.findings.problems(),
                    checking: self.findings.is_stale(self.history.content_revision()),
                };
                inspector_ui(ui, &cx, &mut self.inspector, &mut self.pending);
            }
            LeftTab::Story => {
                let cx = StoryCtx {
                    map: self.history.map(),
                    selection: &self.selection,
                };
                story_ui(ui, &cx, &mut self.story, &mut self.pending);
            }
            LeftTab::Findings => {
                let cx = FindingsCtx {
                    map: self.history.map(),
                    revision: self.history.content_revision(),
                    findings: &self.findings,
                };
                findings_ui(ui, &cx, &mut self.pending);
            }
        }
    }

    /// The compare panel below the map, while it is open.
    pub(super) fn compare_ui(&mut self, ui: &mut egui::Ui) {
        if !self.compare.open {
            return;
        }
        egui::Panel::bottom("compare")
            .resizable(true)
            .default_size(330.0)
            .min_size(120.0)
            .show(ui, |ui| {
                let cx = CompareCtx {
                    map: self.history.map(),
                    revision: self.history.content_revision(),
                    path: self.path.as_deref(),
                };
                compare_panel_ui(ui, &cx, &mut self.compare, &mut self.pending);
            });
    }

    /// Asks for a folder of hand-ins to compare with the reference (the reference first).
    fn request_class_folder(&mut self) {
        if self.compare.reference().is_none() {
            self.dialogs.notice = Some(
                "Choose the reference map first (File → Compare with a reference map…), then the class folder.".into(),
            );
            return;
        }
        let near = self.compare.reference_path().map(std::path::Path::to_owned);
        self.files
            .request(FileRequest::ClassFolder, near.as_deref());
    }

    /// Writes the class table as `warrant compare --csv` does, never over a Warrant map.
    fn save_class_csv(&mut self, path: &std::path::Path) {
        let written =
            crate::io::refuse_export_over_map(path, self.path.as_deref()).and_then(|()| {
                crate::io::write_atomic(path, self.compare.class.csv().as_bytes(), false)
                    .map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => {
                self.dialogs.notice = Some(format!(
                    "Saved the class table ({} maps) to {}",
                    self.compare.class.len(),
                    path.display()
                ));
            }
            Err(e) => self.dialogs.error = Some(format!("The class table was not saved: {e}")),
        }
    }

    /// Runs what a panel asked for (the rest of the commands run in `run_command`).
    pub(super) fn run_panel_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Submit {
                label,
                merge,
                edits,
            } => {
                self.submit(label, merge, edits);
                // The panels drawn before this ran showed the map as it was.
                ctx.request_repaint();
            }
            Command::Seal => self.history.seal(),
            Command::Select(selection) => {
                self.selection = selection;
                ctx.request_repaint();
            }
            Command::Frame(ids) => {
                self.canvas.frame = Some(ids);
                ctx.request_repaint();
            }
            Command::ShowQuote(id) => {
                if let Some(quote) = self.history.map().quote(&id) {
                    self.reader.show_quote(quote);
                    ctx.request_repaint();
                }
            }
            Command::Error(message) => self.dialogs.error = Some(message),
            Command::PresentFrom(step) => {
                self.present_from = Some(step);
                self.run_command(ctx, Command::Present);
            }
            Command::CompareWith => self.request_reference(),
            Command::OpenClassFolder => self.request_class_folder(),
            Command::ClassFolderPath(folder) => {
                if let Err(message) = self.compare.open_class(&folder, ctx) {
                    self.dialogs.notice = Some(message);
                }
                ctx.request_repaint();
            }
            Command::SaveClassCsv => {
                let near = self.compare.class.folder().map(|f| f.join("class.csv"));
                self.files.request(FileRequest::ClassCsv, near.as_deref());
            }
            Command::ClassCsvPath(path) => {
                self.save_class_csv(&path);
                ctx.request_repaint();
            }
            Command::ToggleCompare => {
                if self.compare.reference().is_some() {
                    self.compare.open = !self.compare.open;
                    ctx.request_repaint();
                } else {
                    self.request_reference();
                }
            }
            Command::ShowPassage { source, start, end } => {
                self.reader.show_passage(source, start, end);
                self.settings.show_reader = true;
                ctx.request_repaint();
            }
            Command::SelectLink(link) => {
                self.selection = Selection {
                    nodes: Vec::new(),
                    link: Some(link),
                };
            }
            Command::Reveal(id) => self.canvas.reveal = Some(id),
            Command::NewClaimAt(p) => self.new_claim_at(p),
            Command::LinkCards(from, to) => self.dialogs.relation = Some((from, to, None)),
            Command::QuotePassage { source, start, end } => self.quote_passage(&source, start, end),
            Command::Notice(text) => self.dialogs.notice = Some(text),
            _ => {}
        }
    }
}
