//! File → Export…: which format, which part of the map, and where — the format, the PNG scale,
//! the PDF's story pages and the folder are remembered across runs.

use super::app::WarrantApp;
use super::command::Command;
use super::files::FileRequest;
use crate::export::{self, Format, Scope};
use crate::model::{Map, NodeId};
use egui::{Modal, RichText};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the Export dialog remembers across runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportPrefs {
    pub kind: Format,
    /// The folder the last export went to.
    pub folder: Option<PathBuf>,
    /// PNG pixels per canvas unit.
    pub scale: f32,
    /// PDF: after the whole map, one page per story step.
    pub story_pages: bool,
    /// PDF: a map too big for one readable page, tiled or as its outline.
    pub pages: export::PageMode,
}

impl Default for ExportPrefs {
    fn default() -> Self {
        Self {
            kind: Format::Png,
            folder: None,
            scale: 2.0,
            story_pages: false,
            pages: export::PageMode::Tile,
        }
    }
}

/// Which part of the map a drawing shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Map,
    Selection,
    /// The cards the canvas shows (with folds or focus).
    Shown,
    /// Story step `i`, counting from 0.
    Step(usize),
}

/// The dialog while it is open, and the part chosen for the export under way.
#[derive(Clone, Debug, Default)]
pub struct ExportDialog {
    pub open: bool,
    pub part: Part,
}

/// The file's bytes: the same exporters as `warrant export`. `cards` are those of the
/// selection or of the canvas, as `part` says.
pub fn export_bytes(
    map: &Map,
    prefs: &ExportPrefs,
    part: Part,
    cards: &[NodeId],
) -> Result<Vec<u8>, String> {
    let scope = match part {
        Part::Map => Scope::Map,
        Part::Selection | Part::Shown => Scope::Selection(cards.iter().cloned().collect()),
        Part::Step(i) => Scope::Step(i),
    };
    let render = export::Render {
        format: prefs.kind,
        scope,
        scale: prefs.scale.clamp(0.25, 8.0),
        story_pages: prefs.story_pages,
        pages: prefs.pages,
    };
    export::render(map, &render).map_err(|e| e.to_string())
}

/// The suggested file: in the last export folder (else the map's), named after the map and part.
pub fn suggested_path(
    prefs: &ExportPrefs,
    map_path: Option<&Path>,
    map_title: &str,
    part: Part,
) -> PathBuf {
    let folder = prefs
        .folder
        .clone()
        .or_else(|| map_path.and_then(Path::parent).map(Path::to_owned))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let stem = map_path.and_then(Path::file_stem).map_or_else(
        || file_stem_of(map_title),
        |s| s.to_string_lossy().into_owned(),
    );
    let stem = match (prefs.kind, part) {
        (kind, _) if kind.whole_map_only() => stem,
        (_, Part::Map) => stem,
        (_, Part::Selection) => format!("{stem}-selection"),
        (_, Part::Shown) => format!("{stem}-view"),
        (_, Part::Step(i)) => format!("{stem}-step-{}", i + 1),
    };
    folder.join(format!("{stem}.{}", prefs.kind.extension()))
}

/// A title as a file name: letters, digits and dashes.
pub(crate) fn file_stem_of(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "map".to_owned()
    } else {
        stem.chars().take(60).collect()
    }
}

impl WarrantApp {
    /// Opens File → Export…, starting on the selection when several cards are selected, else on
    /// what the canvas shows when folds or focus hide cards.
    pub fn open_export_dialog(&mut self) {
        self.export.open = true;
        self.export.part = if self.selection.nodes.len() > 1 {
            Part::Selection
        } else if self.canvas.shown_ids().is_some() {
            Part::Shown
        } else {
            Part::Map
        };
    }

    /// Writes the chosen part in the remembered format to `path`, and remembers its folder.
    pub fn export_to(&mut self, path: &Path) {
        // Never an export over the open map or any other map.
        if let Err(why) = crate::io::refuse_export_over_map(path, self.path.as_deref()) {
            self.dialogs.error = Some(why);
            return;
        }
        let map = self.map();
        let (map, cards) = match self.export.part {
            // As drawn: an arranged focus has moved the cards (in the view only).
            Part::Shown => {
                let shown = self.canvas.shown_cards().unwrap_or_default();
                let at: std::collections::HashMap<&NodeId, crate::model::Point> =
                    shown.iter().map(|(id, p)| (id, *p)).collect();
                let mut drawn = map.clone();
                for c in &mut drawn.claims {
                    c.pos = at.get(&c.id).copied().unwrap_or(c.pos);
                }
                for q in &mut drawn.quotes {
                    q.pos = at.get(&q.id).copied().unwrap_or(q.pos);
                }
                let ids = shown.into_iter().map(|(id, _)| id).collect();
                (std::borrow::Cow::Owned(drawn), ids)
            }
            _ => (
                std::borrow::Cow::Borrowed(map),
                self.selection.nodes.clone(),
            ),
        };
        let bytes = export_bytes(&map, &self.settings.export, self.export.part, &cards);
        let written =
            bytes.and_then(|b| crate::io::write_atomic(path, &b, false).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.settings.export.folder = path.parent().map(Path::to_owned);
                self.dialogs.notice = Some(format!("Exported to {}", path.display()));
            }
            Err(e) => {
                self.dialogs.error = Some(format!("Cannot export to {}: {e}", path.display()));
            }
        }
    }
}

/// What the dialog reads: the map (its title and story), its file, the remembered options, and
/// how many cards the selection and the canvas hold.
#[derive(Clone, Copy, Debug)]
pub struct ExportCtx<'a> {
    pub map: &'a Map,
    pub path: Option<&'a Path>,
    pub prefs: &'a ExportPrefs,
    /// Cards selected.
    pub selected: usize,
    /// Cards the canvas shows, when folds or focus hide some.
    pub on_canvas: Option<usize>,
}

/// The dialog: format, part, options, then a file to write. Changed options are sent at once
/// (they are remembered even if the dialog is cancelled); "Choose file" asks for the file.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut ExportDialog,
    cx: &ExportCtx<'_>,
    out: &mut Vec<Command>,
) {
    if !dialog.open {
        return;
    }
    let mut prefs = cx.prefs.clone();
    let mut choose = false;
    let modal = Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("Export");
        ui.add_space(4.0);
        ui.label(RichText::new("Format").strong());
        for kind in Format::IN_DIALOG {
            ui.radio_value(&mut prefs.kind, kind, kind.label());
        }
        ui.add_space(6.0);
        if prefs.kind.whole_map_only() {
            ui.label("The outline covers the whole map: thesis, reasons, objections, quotes.");
        } else {
            part_ui(ui, &mut dialog.part, cx);
        }
        options_ui(ui, &mut prefs, cx.map.story.len());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Choose file and export…").clicked() {
                choose = true;
            }
            if ui.button("Cancel").clicked() {
                ui.close();
            }
        });
    });
    if prefs != *cx.prefs {
        out.push(Command::SetExportPrefs(prefs.clone()));
    }
    if modal.should_close() {
        dialog.open = false;
    }
    if choose {
        dialog.open = false;
        if prefs.kind.whole_map_only() {
            dialog.part = Part::Map;
        }
        let near = suggested_path(&prefs, cx.path, &cx.map.title, dialog.part);
        out.push(Command::AskFile(
            FileRequest::Export(prefs.kind),
            Some(near),
        ));
    }
}

/// What to draw: the whole map, the selection, what the canvas shows, or one story step.
fn part_ui(ui: &mut egui::Ui, part: &mut Part, cx: &ExportCtx<'_>) {
    let (selected, steps) = (cx.selected, cx.map.story.len());
    ui.label(RichText::new("What to draw").strong());
    ui.radio_value(part, Part::Map, "The whole map");
    ui.add_enabled_ui(selected > 0, |ui| {
        ui.radio_value(
            part,
            Part::Selection,
            format!(
                "The selection ({selected} card{})",
                if selected == 1 { "" } else { "s" }
            ),
        );
    });
    if let Some(n) = cx.on_canvas {
        ui.radio_value(
            part,
            Part::Shown,
            format!("What the canvas shows ({n} cards)"),
        );
    }
    ui.add_enabled_ui(steps > 0, |ui| {
        let story = &cx.map.story;
        let title = |i: usize| {
            story
                .get(i)
                .map(|s| format!("{}. {}", i + 1, s.title))
                .unwrap_or_default()
        };
        let shown = match *part {
            Part::Step(i) => title(i),
            _ => "choose…".to_owned(),
        };
        egui::ComboBox::from_label("One story step")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for i in 0..steps {
                    ui.selectable_value(part, Part::Step(i), title(i));
                }
            });
    });
}

/// The PNG's scale, the PDF's story pages and what becomes of a map too big for a page.
fn options_ui(ui: &mut egui::Ui, prefs: &mut ExportPrefs, steps: usize) {
    match prefs.kind {
        Format::Png => {
            ui.add_space(6.0);
            ui.add(
                egui::Slider::new(&mut prefs.scale, 0.5..=4.0)
                    .step_by(0.5)
                    .text("× the canvas at 100 % (2 is sharp on slides)"),
            );
        }
        Format::Pdf => {
            ui.add_space(6.0);
            ui.add_enabled_ui(steps > 0, |ui| {
                ui.checkbox(&mut prefs.story_pages, "Then one page per story step");
            });
            ui.add_space(4.0);
            ui.label("A map too big for one page at a readable size (7.5 pt or more):");
            ui.radio_value(
                &mut prefs.pages,
                export::PageMode::Tile,
                "Tiled over pages at full size, after an overview",
            );
            ui.radio_value(
                &mut prefs.pages,
                export::PageMode::Outline,
                "As its outline (text pages)",
            );
        }
        Format::Svg | Format::Markdown | Format::Dot | Format::Argdown | Format::Aif => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_follow_the_map_part_and_last_folder() {
        let mut prefs = ExportPrefs::default();
        let map = Path::new("/maps/memo.json");
        assert_eq!(
            suggested_path(&prefs, Some(map), "", Part::Map),
            Path::new("/maps/memo.png")
        );
        prefs.folder = Some("/slides".into());
        prefs.kind = Format::Svg;
        assert_eq!(
            suggested_path(&prefs, Some(map), "", Part::Step(2)),
            Path::new("/slides/memo-step-3.svg")
        );
        prefs.kind = Format::Markdown;
        assert_eq!(
            suggested_path(&prefs, None, "NATO: a relic?", Part::Selection),
            Path::new("/slides/nato-a-relic.md")
        );
    }
}

#[cfg(test)]
mod dialog_tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    struct State {
        dialog: ExportDialog,
        prefs: ExportPrefs,
        map: Map,
        out: Vec<Command>,
    }

    #[test]
    fn the_dialog_alone_sends_the_format_and_asks_for_a_file_named_after_the_part() {
        let map = Map::new("Memo");
        let state = State {
            dialog: ExportDialog {
                open: true,
                part: Part::Map,
            },
            prefs: ExportPrefs::default(),
            map,
            out: Vec::new(),
        };
        let mut h = Harness::new_ui_state(
            |ui, s: &mut State| {
                let cx = ExportCtx {
                    map: &s.map,
                    path: Some(Path::new("/maps/memo.json")),
                    prefs: &s.prefs,
                    selected: 0,
                    on_canvas: None,
                };
                export_dialog_ui(ui.ctx(), &mut s.dialog, &cx, &mut s.out);
                // The app applies the options it is sent.
                for c in &s.out {
                    if let Command::SetExportPrefs(p) = c {
                        s.prefs = p.clone();
                    }
                }
            },
            state,
        );
        h.run();
        h.get_by_label("SVG drawing").click();
        h.run();
        assert_eq!(h.state().prefs.kind, Format::Svg);
        h.get_by_label("Choose file and export…").click();
        h.run();
        let asked: Vec<&Command> = h
            .state()
            .out
            .iter()
            .filter(|c| matches!(c, Command::AskFile(..)))
            .collect();
        assert_eq!(
            asked,
            [&Command::AskFile(
                FileRequest::Export(Format::Svg),
                Some(PathBuf::from("/maps/memo.svg"))
            )]
        );
        assert!(!h.state().dialog.open);
    }
}
