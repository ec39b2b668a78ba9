//! The modal dialogs (unsaved changes, errors, link relation, a file changed on disk, recovery
//! after a crash, Help) and the notice line. They read a [`DialogCtx`], keep their own state in
//! [`Dialogs`], and push the user's answers as commands.

use super::command::{Command, TABLE, UnsavedAnswer};
use crate::io::Recovery;
use crate::model::{LinkId, Map, NodeId, Relation};
use egui::{Modal, RichText};
use std::path::{Path, PathBuf};

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    /// Open this file, or ask which (`None`).
    Open(Option<PathBuf>),
    Quit,
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
    pub relation: Option<(NodeId, NodeId, Option<LinkId>)>,
    /// Saving was stopped: this map's file was changed on disk by another program.
    pub disk_changed: Option<PathBuf>,
    /// Recovery copies found at start.
    pub recovery: Vec<Recovery>,
    pub help: bool,
    /// The welcome (first run, Help → Welcome).
    pub welcome: bool,
    /// Paste article, while it is open.
    pub paste: Option<super::paste_dialog::PasteArticle>,
    /// Link to…: choosing the other end of a link from the one card selected.
    pub link_to: Option<super::link_dialog::LinkTo>,
}

/// What the dialogs read: the map (card texts, its title) and its file.
#[derive(Clone, Copy, Debug)]
pub struct DialogCtx<'a> {
    pub map: &'a Map,
    pub path: Option<&'a Path>,
    /// Recently opened maps, newest first (the welcome lists them).
    pub recent: &'a [PathBuf],
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
fn notice_ui(dialogs: &mut Dialogs, ctx: &egui::Context) {
    let Some(text) = dialogs.notice.clone() else {
        dialogs.notice_shown = None;
        return;
    };
    let now = ctx.input(|i| i.time);
    let since = match &dialogs.notice_shown {
        Some((shown, t)) if *shown == text => *t,
        _ => {
            dialogs.notice_shown = Some((text.clone(), now));
            now
        }
    };
    let left = NOTICE_SECONDS - (now - since);
    if left <= 0.0 {
        dialogs.notice = None;
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
        dialogs.notice = None;
    }
}

/// Every modal dialog that is open, and the notice.
pub fn dialogs_ui(
    ctx: &egui::Context,
    dialogs: &mut Dialogs,
    cx: &DialogCtx<'_>,
    out: &mut Vec<Command>,
) {
    if dialogs.welcome {
        let w = super::welcome::WelcomeCtx { recent: cx.recent };
        dialogs.welcome = super::welcome::welcome_ui(ctx, &w, out);
    }
    unsaved_ui(ctx, dialogs, cx, out);
    super::link_dialog::link_to_ui(ctx, &mut dialogs.link_to, cx.map, out);
    relation_ui(ctx, dialogs, cx, out);
    disk_changed_ui(ctx, dialogs, out);
    recovery_ui(ctx, dialogs, out);
    super::paste_dialog::paste_dialog_ui(ctx, &mut dialogs.paste, out);
    if let Some(e) = dialogs.error.clone()
        && message_modal(ctx, "error", "Something went wrong", &e)
    {
        dialogs.error = None;
    }
    notice_ui(dialogs, ctx);
    if dialogs.help && help_ui(ctx) {
        dialogs.help = false;
    }
}

/// Save / Don't save / Cancel before the map is closed.
fn unsaved_ui(
    ctx: &egui::Context,
    dialogs: &mut Dialogs,
    cx: &DialogCtx<'_>,
    out: &mut Vec<Command>,
) {
    let Some(then) = dialogs.unsaved.clone() else {
        return;
    };
    // The map by its title (and file), not the window title with its "•" and "— Warrant".
    let title = &cx.map.title;
    let name = match cx.path.and_then(Path::file_name) {
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
                choice = Some(Some(UnsavedAnswer::Save));
            }
            if ui.button("Don't save").clicked() {
                choice = Some(Some(UnsavedAnswer::DontSave));
            }
            if ui.button("Cancel").clicked() {
                choice = Some(None);
            }
        });
    });
    if r.should_close() && choice.is_none() {
        choice = Some(None);
    }
    if let Some(answer) = choice {
        dialogs.unsaved = None;
        if let Some(answer) = answer {
            out.push(Command::Unsaved(then, answer));
        }
    }
}

/// A card's text on one line, cut short, as the relation dialog names the two ends.
fn card_line(map: &Map, id: &NodeId) -> String {
    let text = map.node(id).map_or_else(String::new, |n| match n {
        crate::model::NodeRef::Claim(c) => c.text.clone(),
        crate::model::NodeRef::Quote(q) => format!("“{}”", q.anchor.exact),
    });
    crate::text::ellipsize(&crate::text::flatten_ws(&text), 69).into_owned()
}

/// How are these related: the four relations between the two cards, or Cancel.
fn relation_ui(
    ctx: &egui::Context,
    dialogs: &mut Dialogs,
    cx: &DialogCtx<'_>,
    out: &mut Vec<Command>,
) {
    let Some((from, to, link)) = dialogs.relation.clone() else {
        return;
    };
    let mut chosen = None;
    let mut cancel = false;
    let r = Modal::new(egui::Id::unique("relation")).show(ctx, |ui| {
        ui.heading("How are these related?");
        ui.label(RichText::new(card_line(cx.map, &from)).strong());
        let mut buttons = Vec::new();
        for r in Relation::ALL {
            let label = match r {
                Relation::Supports => "supports (is a reason for)",
                Relation::Opposes => "opposes (is a reason against)",
                Relation::Contradicts => "contradicts (they cannot both be true)",
                Relation::Qualifies => "qualifies (a point granted that does not defeat it)",
            };
            let b = ui.button(label);
            if b.clicked() {
                chosen = Some(r);
            }
            buttons.push(b);
        }
        ui.label(RichText::new(card_line(cx.map, &to)).strong());
        ui.add_space(6.0);
        let c = ui.button("Cancel");
        cancel = c.clicked();
        // The keys start on the first answer: Down and Up (or Tab) move, Enter or Space
        // chooses, Esc cancels. Without this the focus stays on the card behind the dialog.
        if !c.has_focus()
            && !buttons.iter().any(egui::Response::has_focus)
            && let Some(first) = buttons.first()
        {
            first.request_focus();
        }
    });
    if let Some(relation) = chosen {
        dialogs.relation = None;
        out.push(Command::Relate {
            from,
            to,
            link,
            relation,
        });
    } else if cancel || r.should_close() {
        dialogs.relation = None;
    }
}

/// Saving was stopped because another program changed the file: overwrite, save as, reload.
fn disk_changed_ui(ctx: &egui::Context, dialogs: &mut Dialogs, out: &mut Vec<Command>) {
    let Some(path) = dialogs.disk_changed.clone() else {
        return;
    };
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
                .on_hover_text("Save over the file; its other version is kept as .bak beside it")
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
        dialogs.disk_changed = None;
        out.push(Command::DiskChanged(path, answer));
    }
}

/// Restore or discard each recovery copy found at start; restoring one drops the others'
/// questions (their files stay).
fn recovery_ui(ctx: &egui::Context, dialogs: &mut Dialogs, out: &mut Vec<Command>) {
    let Some(recovery) = dialogs.recovery.first().cloned() else {
        return;
    };
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
        dialogs.recovery.remove(0);
        if restore {
            dialogs.recovery.clear();
        }
        out.push(Command::Recover(recovery, restore));
    }
}

/// Keys and gestures that are no command of the table.
const GESTURES: [(&str, &str); 6] = [
    ("Move between linked cards", "Arrow keys"),
    ("Into a card's fields", "Tab (back: Shift+Tab)"),
    ("Leave editing, clear selection", "Esc"),
    ("Pan", "drag empty canvas, middle mouse, scroll"),
    ("Zoom", "Ctrl + scroll, pinch"),
    ("Interface size", "Ctrl+= / Ctrl+-"),
];

/// Help: every command of the table with its keys and what it does, then the gestures. True
/// when closed.
fn help_ui(ctx: &egui::Context) -> bool {
    let mut close = false;
    // The table is taller than a small window: it scrolls, bounded by the window's height so the
    // Close button below it stays on screen. It takes that height at once: a scroll area growing
    // into it frame by frame moved Close under the pointer.
    let room = (ctx.content_rect().height() - 150.0).max(120.0);
    // And no wider than the window: the descriptions wrap in their column.
    let wide = (ctx.content_rect().width() - 80.0).clamp(280.0, 900.0);
    let r = Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
        ui.set_max_width(wide);
        ui.heading("Keyboard");
        egui::ScrollArea::vertical()
            .max_height(room)
            .min_scrolled_height(room)
            .show(ui, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for entry in TABLE {
                        ui.label(entry.label);
                        ui.label(entry.keys_text(ui.ctx()).unwrap_or_default());
                        let help = egui::Label::new(RichText::new(entry.help).weak()).wrap();
                        // What the name and the keys leave (they take about 400 points).
                        ui.scope(|ui| {
                            ui.set_max_width((wide - 400.0).max(160.0));
                            ui.add(help);
                        });
                        ui.end_row();
                    }
                    for (label, keys) in GESTURES {
                        ui.label(label);
                        ui.label(keys);
                        ui.end_row();
                    }
                });
            });
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    close || r.should_close()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Point;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    struct State {
        dialogs: Dialogs,
        map: Map,
        out: Vec<Command>,
    }

    /// The dialogs alone, over a map of two claims, as the app draws them.
    fn harness(dialogs: Dialogs) -> Harness<'static, State> {
        let mut map = Map::new("Memo");
        for text in ["NATO is omnipotent", "NATO is a relic"] {
            let (_, edits) = crate::edit::ops::add_claim(&map, text, Point::new(0.0, 0.0));
            crate::edit::apply_all(&mut map, edits).unwrap();
        }
        let state = State {
            dialogs,
            map,
            out: Vec::new(),
        };
        Harness::builder()
            .with_size(egui::vec2(900.0, 900.0))
            .build_ui_state(
                |ui, s: &mut State| {
                    let cx = DialogCtx {
                        map: &s.map,
                        path: Some(Path::new("/maps/memo.json")),
                        recent: &[],
                    };
                    dialogs_ui(ui.ctx(), &mut s.dialogs, &cx, &mut s.out);
                },
                state,
            )
    }

    fn ids(map: &Map) -> (NodeId, NodeId) {
        (map.claims[0].id.clone(), map.claims[1].id.clone())
    }

    #[test]
    fn unsaved_names_the_map_and_sends_save_or_nothing_on_cancel() {
        let mut h = harness(Dialogs {
            unsaved: Some(Pending::New),
            ..Dialogs::default()
        });
        h.run();
        assert!(h.query_by_label_contains("“Memo” (memo.json)").is_some());
        h.get_by_label("Save").click();
        h.run();
        assert_eq!(
            h.state().out,
            [Command::Unsaved(Pending::New, UnsavedAnswer::Save)]
        );
        assert!(h.state().dialogs.unsaved.is_none());
        h.state_mut().dialogs.unsaved = Some(Pending::Quit);
        h.state_mut().out.clear();
        h.run();
        h.get_by_label("Cancel").click();
        h.run();
        assert!(h.state().out.is_empty() && h.state().dialogs.unsaved.is_none());
    }

    #[test]
    fn relation_shows_both_cards_and_sends_the_chosen_relation() {
        let mut h = harness(Dialogs::default());
        let (a, b) = ids(&h.state().map);
        h.state_mut().dialogs.relation = Some((a.clone(), b.clone(), None));
        h.run();
        assert!(h.query_by_label("NATO is a relic").is_some());
        h.get_by_label("contradicts (they cannot both be true)")
            .click();
        h.run();
        assert_eq!(
            h.state().out,
            [Command::Relate {
                from: a,
                to: b,
                link: None,
                relation: Relation::Contradicts
            }]
        );
        assert!(h.state().dialogs.relation.is_none());
    }

    #[test]
    fn a_file_changed_on_disk_sends_the_answer_for_its_path() {
        let path = PathBuf::from("/maps/memo.json");
        let mut h = harness(Dialogs {
            disk_changed: Some(path.clone()),
            ..Dialogs::default()
        });
        h.run();
        h.get_by_label("Reload from disk").click();
        h.run();
        assert_eq!(
            h.state().out,
            [Command::DiskChanged(path, DiskAnswer::Reload)]
        );
    }

    #[test]
    fn recovery_asks_copy_by_copy_and_restoring_one_ends_the_questions() {
        let dir = Path::new("/recovery");
        let first = Recovery::for_map(dir, Some(Path::new("/maps/a.json")));
        let second = Recovery::for_map(dir, Some(Path::new("/maps/b.json")));
        let mut h = harness(Dialogs {
            recovery: vec![first.clone(), second.clone()],
            ..Dialogs::default()
        });
        h.run();
        h.get_by_label("Discard the copy").click();
        h.run();
        assert_eq!(h.state().out, [Command::Recover(first, false)]);
        h.get_by_label("Restore").click();
        h.run();
        assert_eq!(h.state().out.last(), Some(&Command::Recover(second, true)));
        assert!(h.state().dialogs.recovery.is_empty());
    }

    #[test]
    fn help_lists_every_command_and_closes() {
        let mut h = harness(Dialogs {
            help: true,
            ..Dialogs::default()
        });
        for entry in TABLE {
            assert!(h.query_by_label(entry.help).is_some(), "{}", entry.label);
        }
        h.get_by_label("Close").click();
        h.run();
        assert!(!h.state().dialogs.help);
    }

    #[test]
    fn an_error_stays_until_ok() {
        let mut h = harness(Dialogs {
            error: Some("The file is not a map.".into()),
            ..Dialogs::default()
        });
        h.run();
        assert!(h.query_by_label("The file is not a map.").is_some());
        h.get_by_label("OK").click();
        h.run();
        assert!(h.state().dialogs.error.is_none());
    }
}
