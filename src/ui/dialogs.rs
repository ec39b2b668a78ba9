//! The menu bar, the toolbar, and the modal dialogs (unsaved changes, errors, link relation,
//! recovery after a crash).

use super::app::WarrantApp;
use super::command::Command;
use crate::edit::ops;
use crate::io::Recovery;
use crate::model::{NodeId, Relation};
use egui::{Button, Modal, RichText};
use std::path::{Path, PathBuf};

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug)]
pub enum Pending {
    New,
    /// Open this file, or ask which (`None`).
    Open(Option<PathBuf>),
    Quit(egui::Context),
    /// Open sample map number N.
    Sample(usize),
    /// interchange: import this file as a new map, or ask which (`None`).
    Import(Option<PathBuf>),
}

/// What to do about a map file another program changed while it was open here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Save over it: the other program's version is lost (kept as the `.bak` beside it).
    Overwrite,
    /// Save this version under another name.
    SaveAs,
    /// Open the file as it is now: the changes made here are lost.
    Reload,
    Cancel,
}

/// The state of the dialogs.
#[derive(Default)]
pub struct Dialogs {
    /// An error to show; the map is untouched.
    pub error: Option<String>,
    /// Information, not an error: shown for a while at the bottom, without stopping the user.
    pub notice: Option<String>,
    /// The notice on screen and when it appeared.
    notice_shown: Option<(String, f64)>,
    /// Asking Save / Don't save / Cancel before this.
    pub unsaved: Option<Pending>,
    /// Run after a Save As chosen from the unsaved prompt.
    pub after_save: Option<Pending>,
    /// Choosing the relation of a new link `from → to` (or of an existing link).
    pub relation: Option<(NodeId, NodeId, Option<crate::model::LinkId>)>,
    /// Saving was stopped: this map's file was changed on disk by another program.
    pub disk_changed: Option<PathBuf>,
    /// Recovery copies found at start.
    pub recovery: Vec<Recovery>,
    pub help: bool,
    /// The welcome (first run, Help → Welcome).
    pub welcome: bool,
}

fn command_button(app: &mut WarrantApp, ui: &mut egui::Ui, command: Command, enabled: bool) {
    let mut button = Button::new(command.label());
    if let Some(s) = command.shortcut() {
        button = button.shortcut_text(super::command::shortcut_text(ui.ctx(), s));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.push(command);
    }
}

/// File, Edit, View, Help.
pub fn menu_bar_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(app, ui, Command::NewMap, true);
            command_button(app, ui, Command::Open, true);
            ui.menu_button("Open recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.label("No recent maps");
                }
                for path in app.settings.recent.clone() {
                    let name = path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        app.push(Command::OpenPath(path));
                    }
                }
            });
            command_button(app, ui, Command::Import, true); // interchange
            ui.separator();
            command_button(app, ui, Command::Save, true);
            command_button(app, ui, Command::SaveAs, true);
            ui.separator();
            command_button(app, ui, Command::AddArticle, true);
            command_button(app, ui, Command::Export, true);
            ui.separator();
            command_button(app, ui, Command::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let undo = app.history.undo_label().map(|l| format!("Undo {l}"));
            let redo = app.history.redo_label().map(|l| format!("Redo {l}"));
            let fmt = |c: Command| {
                c.shortcut()
                    .map(|s| super::command::shortcut_text(ui.ctx(), s))
                    .unwrap_or_default()
            };
            let (undo_sc, redo_sc) = (fmt(Command::Undo), fmt(Command::Redo));
            if ui
                .add_enabled(
                    undo.is_some(),
                    Button::new(undo.unwrap_or_else(|| "Undo".into())).shortcut_text(undo_sc),
                )
                .clicked()
            {
                app.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    redo.is_some(),
                    Button::new(redo.unwrap_or_else(|| "Redo".into())).shortcut_text(redo_sc),
                )
                .clicked()
            {
                app.push(Command::Redo);
            }
            ui.separator();
            let has = !app.selection.is_empty();
            command_button(app, ui, Command::Copy, !app.selection.nodes.is_empty());
            command_button(app, ui, Command::Paste, true);
            command_button(app, ui, Command::Delete, has);
            command_button(app, ui, Command::SelectAll, true);
            ui.separator();
            command_button(app, ui, Command::NewClaim, true);
            command_button(
                app,
                ui,
                Command::EditSelected,
                app.selection.nodes.len() == 1,
            );
            command_button(
                app,
                ui,
                Command::LinkSelected,
                app.selection.nodes.len() == 2,
            );
            command_button(app, ui, Command::QuoteSelection, true);
        });
        ui.menu_button("View", |ui| {
            command_button(app, ui, Command::ZoomIn, true);
            command_button(app, ui, Command::ZoomOut, true);
            command_button(app, ui, Command::FitMap, true);
            ui.separator();
            let any = !app.selection.nodes.is_empty();
            command_button(app, ui, Command::FoldBranch, any);
            command_button(
                app,
                ui,
                Command::UnfoldAll,
                app.canvas.visibility.any_collapsed(),
            );
            command_button(
                app,
                ui,
                Command::FocusMode,
                any || app.canvas.visibility.focus().is_some(),
            );
            ui.separator();
            command_button(app, ui, Command::Present, true);
            ui.separator();
            ui.checkbox(&mut app.settings.show_inspector, "Inspector panel");
            ui.checkbox(&mut app.settings.show_reader, "Article reader panel");
            ui.separator();
            ui.label("Theme");
            let before = app.settings.theme;
            ui.radio_value(
                &mut app.settings.theme,
                super::app::ThemeChoice::System,
                "Follow the system",
            );
            ui.radio_value(
                &mut app.settings.theme,
                super::app::ThemeChoice::Light,
                "Light",
            );
            ui.radio_value(
                &mut app.settings.theme,
                super::app::ThemeChoice::Dark,
                "Dark",
            );
            if before != app.settings.theme {
                app.apply_theme(ui.ctx());
            }
            ui.separator();
            ui.label(format!(
                "Interface size: {:.0} % (Ctrl+= / Ctrl+-)",
                ui.ctx().zoom_factor() * 100.0
            ));
        });
        ui.menu_button("Help", |ui| {
            command_button(app, ui, Command::Welcome, true);
            if ui.button("Keyboard shortcuts").clicked() {
                app.dialogs.help = true;
            }
        });
    });
}

/// The buttons above the canvas.
pub fn toolbar_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (command, hint) in [
            (
                Command::NewClaim,
                "Add a claim in the middle of the view (or double-click the canvas)",
            ),
            (Command::LinkSelected, "Link the two selected cards"),
            (
                Command::QuoteSelection,
                "Make a quote card of the passage selected in the article",
            ),
        ] {
            let enabled = command != Command::LinkSelected || app.selection.nodes.len() == 2;
            if ui
                .add_enabled(enabled, Button::new(command.label()))
                .on_hover_text(hint)
                .clicked()
            {
                app.push(command);
            }
        }
        ui.separator();
        if ui
            .button("Tidy")
            .on_hover_text("Lay the map out: thesis on top, reasons and objections below, quotes under their claims (undoable)")
            .clicked()
        {
            app.push(Command::Tidy);
        }
        let focused = app.canvas.visibility.focus().is_some();
        if ui
            .selectable_label(focused, "Focus")
            .on_hover_text("Show only the selected cards and what is linked to them (Shift+F)")
            .clicked()
        {
            app.push(Command::FocusMode);
        }
        if ui
            .button("Present")
            .on_hover_text("Present the map's story full screen (F5)")
            .clicked()
        {
            app.push(Command::Present);
        }
        ui.separator();
        if ui
            .add_enabled(app.history.can_undo(), Button::new("Undo"))
            .clicked()
        {
            app.push(Command::Undo);
        }
        if ui
            .add_enabled(app.history.can_redo(), Button::new("Redo"))
            .clicked()
        {
            app.push(Command::Redo);
        }
        ui.separator();
        for command in [Command::ZoomOut, Command::ZoomIn, Command::FitMap] {
            if ui.button(command.label()).clicked() {
                app.push(command);
            }
        }
        ui.label(format!("{:.0} %", app.canvas.zoom * 100.0));
        if app.reading_articles() {
            ui.separator();
            ui.spinner();
            ui.label("Reading the article…");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.toggle_value(&mut app.settings.show_reader, "Reader");
            ui.toggle_value(&mut app.settings.show_inspector, "Left panel");
        });
    });
}

fn message_modal(ctx: &egui::Context, id: &str, title: &str, text: &str) -> bool {
    let mut close = false;
    let r = Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title);
        ui.add_space(6.0);
        ui.add(egui::Label::new(text).selectable(true));
        ui.add_space(10.0);
        if ui.button("OK").clicked() {
            close = true;
        }
    });
    close || r.should_close()
}

/// How long a notice stays, in seconds.
const NOTICE_SECONDS: f64 = 8.0;

/// The current notice, at the bottom of the window, until dismissed or timed out.
fn notice_ui(app: &mut WarrantApp, ctx: &egui::Context) {
    let Some(text) = app.dialogs.notice.clone() else {
        app.dialogs.notice_shown = None;
        return;
    };
    let now = ctx.input(|i| i.time);
    let since = match &app.dialogs.notice_shown {
        Some((shown, t)) if *shown == text => *t,
        _ => {
            app.dialogs.notice_shown = Some((text.clone(), now));
            now
        }
    };
    let left = NOTICE_SECONDS - (now - since);
    if left <= 0.0 {
        app.dialogs.notice = None;
        return;
    }
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
    let mut dismiss = false;
    egui::Area::new(egui::Id::unique("notice"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(560.0);
                ui.horizontal(|ui| {
                    ui.add(egui::Label::new(&text).selectable(true).wrap());
                    if ui.button("Dismiss").clicked() {
                        dismiss = true;
                    }
                });
            });
        });
    if dismiss {
        app.dialogs.notice = None;
    }
}

/// Every modal dialog that is open.
pub fn dialogs_ui(app: &mut WarrantApp, ctx: &egui::Context) {
    if app.dialogs.welcome {
        let mut out = Vec::new();
        let w = super::welcome::WelcomeCtx {
            recent: &app.settings.recent,
        };
        app.dialogs.welcome = super::welcome::welcome_ui(ctx, &w, &mut out);
        for command in out {
            app.push(command);
        }
    }
    if let Some(then) = app.dialogs.unsaved.clone() {
        // The map by its title (and file), not the window title with its "•" and "— Warrant".
        let title = &app.map().title;
        let name = match app.path.as_deref().and_then(Path::file_name) {
            Some(file) => format!("“{title}” ({})", file.to_string_lossy()),
            None => format!("“{title}”"),
        };
        let mut choice = None;
        let r = Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Save changes?");
            ui.label(format!(
                "The map {name} has changes that are not saved. Save them first?"
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(2);
                }
            });
        });
        if r.should_close() && choice.is_none() {
            choice = Some(2);
        }
        if let Some(c) = choice {
            app.dialogs.unsaved = None;
            match c {
                0 => app.save_then(then),
                1 => app.proceed(then),
                _ => {}
            }
        }
    }

    if let Some((from, to, existing)) = app.dialogs.relation.clone() {
        let mut chosen = None;
        let mut cancel = false;
        let r = Modal::new(egui::Id::unique("relation")).show(ctx, |ui| {
            ui.heading("How are these related?");
            let text = |id: &NodeId| {
                app.map().node(id).map_or_else(String::new, |n| match n {
                    crate::model::NodeRef::Claim(c) => c.text.clone(),
                    crate::model::NodeRef::Quote(q) => format!("“{}”", q.anchor.exact),
                })
            };
            let short = |s: String| {
                let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if s.chars().count() > 70 {
                    format!("{}…", s.chars().take(69).collect::<String>())
                } else {
                    s
                }
            };
            ui.label(RichText::new(short(text(&from))).strong());
            for r in Relation::ALL {
                let label = match r {
                    Relation::Supports => "supports (is a reason for)",
                    Relation::Opposes => "opposes (is a reason against)",
                    Relation::Contradicts => "contradicts (they cannot both be true)",
                    Relation::Qualifies => "qualifies (a point granted that does not defeat it)",
                };
                if ui.button(label).clicked() {
                    chosen = Some(r);
                }
            }
            ui.label(RichText::new(short(text(&to))).strong());
            ui.add_space(6.0);
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if let Some(relation) = chosen {
            app.dialogs.relation = None;
            let result = match &existing {
                Some(link) => {
                    ops::change_link(app.map(), link, relation, false).map(|e| (link.clone(), e))
                }
                None => ops::add_link_with_room(app.map(), &from, &to, relation),
            };
            match result {
                Ok((id, edits)) => {
                    app.submit(
                        if existing.is_some() {
                            "Change link"
                        } else {
                            "Link"
                        },
                        None,
                        edits,
                    );
                    app.selection = super::app::Selection {
                        nodes: Vec::new(),
                        link: Some(id),
                    };
                }
                Err(e) => app.dialogs.error = Some(format!("Cannot link these: {e}")),
            }
        } else if cancel || r.should_close() {
            app.dialogs.relation = None;
        }
    }

    if let Some(path) = app.dialogs.disk_changed.clone() {
        let mut answer = None;
        let r = Modal::new(egui::Id::unique("changed on disk")).show(ctx, |ui| {
            ui.set_max_width(500.0);
            ui.heading("The file was changed by another program");
            ui.label(format!(
                "{}
was changed on disk since you opened it here. Saving now would replace those changes with yours.",
                path.display()
            ));
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Overwrite it")
                    .on_hover_text(
                        "Save over the file; its other version is kept as .bak beside it",
                    )
                    .clicked()
                {
                    answer = Some(DiskAnswer::Overwrite);
                }
                if ui.button("Save as…").clicked() {
                    answer = Some(DiskAnswer::SaveAs);
                }
                if ui
                    .button("Reload from disk")
                    .on_hover_text("Open the file as it is now; the changes made here are lost")
                    .clicked()
                {
                    answer = Some(DiskAnswer::Reload);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(DiskAnswer::Cancel);
                }
            });
        });
        if r.should_close() && answer.is_none() {
            answer = Some(DiskAnswer::Cancel);
        }
        if let Some(answer) = answer {
            app.dialogs.disk_changed = None;
            app.answer_disk_changed(&path, answer);
        }
    }

    if let Some(recovery) = app.dialogs.recovery.first().cloned() {
        let origin = recovery
            .origin()
            .map_or_else(|| "an unsaved map".to_owned(), |p| p.display().to_string());
        let mut choice = None;
        Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading("Restore unsaved changes?");
            ui.label(format!(
                "Warrant closed without saving changes to {origin}. A copy of them was kept. Restore it?"
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard the copy").clicked() {
                    choice = Some(false);
                }
            });
        });
        if let Some(restore) = choice {
            app.dialogs.recovery.remove(0);
            if restore {
                app.restore(&recovery);
                app.dialogs.recovery.clear();
            } else {
                recovery.discard();
            }
        }
    }

    if let Some(e) = app.dialogs.error.clone()
        && message_modal(ctx, "error", "Something went wrong", &e)
    {
        app.dialogs.error = None;
    }
    notice_ui(app, ctx);

    if app.dialogs.help {
        let rows = WarrantApp::shortcut_help(ctx);
        let r = Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
            ui.heading("Keyboard");
            egui::Grid::new("keys").striped(true).show(ui, |ui| {
                for (label, keys) in rows {
                    ui.label(label);
                    ui.label(keys);
                    ui.end_row();
                }
                for (label, keys) in [
                    ("Move between linked cards", "Arrow keys / Tab"),
                    ("Leave editing, clear selection", "Esc"),
                    ("Pan", "drag empty canvas, middle mouse, scroll"),
                    ("Zoom", "Ctrl + scroll, pinch"),
                    ("Interface size", "Ctrl+= / Ctrl+-"),
                ] {
                    ui.label(label);
                    ui.label(keys);
                    ui.end_row();
                }
            });
            if ui.button("Close").clicked() {
                ui.close();
            }
        });
        if r.should_close() {
            app.dialogs.help = false;
        }
    }
}
