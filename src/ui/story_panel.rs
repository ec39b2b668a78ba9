//! The story editor: the presentation's steps, made from the selection, reordered, renamed,
//! annotated, deleted and previewed — each change an edit, with undo.

use super::app::{Selection, WarrantApp};
use super::command::Command;
use crate::edit::{Edit, Item, ItemId};
use crate::model::{NodeId, Step};
use egui::{RichText, TextEdit};

/// Which step the story editor has open.
#[derive(Default)]
pub struct StoryPanel {
    pub open: Option<usize>,
}

/// A step being dragged to a new place in the list.
struct DraggedStep(usize);

/// The edit that moves step `from` to position `to`.
fn move_step(story: &[Step], from: usize, to: usize) -> Option<Edit> {
    let step = story.get(from)?;
    (to < story.len() && to != from).then(|| Edit::Reorder {
        id: ItemId::Step(step.id.clone()),
        index: to,
    })
}

/// The story panel.
pub fn story_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let mut submits: Vec<(&'static str, Option<String>, Vec<Edit>)> = Vec::new();
    let mut select: Option<Selection> = None;
    let mut present_from: Option<usize> = None;
    let mut seal = false;
    let map = app.history.map();
    let story = &map.story;
    ui.add_space(4.0);
    ui.heading("Story");
    ui.label(RichText::new("The steps of the presentation. A step shows cards (earlier steps' cards stay, dimmed) and highlights some of them.").weak());
    ui.add_space(4.0);
    let selected: Vec<NodeId> = app.selection.nodes.clone();
    ui.horizontal_wrapped(|ui| {
        let add = ui
            .add_enabled(
                !selected.is_empty(),
                egui::Button::new("Add step from selection"),
            )
            .on_disabled_hover_text("Select the cards this step should show first");
        if add.clicked() {
            let step = Step {
                id: map.new_step_id(),
                title: format!("Step {}", story.len() + 1),
                show: selected.clone(),
                focus: selected.clone(),
                note: String::new(),
            };
            let index = app.story.open.map_or(story.len(), |i| i + 1);
            submits.push((
                "Add step",
                None,
                vec![Edit::Insert {
                    index,
                    item: Item::Step(step),
                }],
            ));
            app.story.open = Some(index);
        }
        if ui.button("Present from the start").clicked() {
            present_from = Some(0);
        }
    });
    // Alt+Up / Alt+Down move the open step (when no text field has the keys).
    if let Some(i) = app.story.open
        && !ui.ctx().egui_wants_keyboard_input()
    {
        let (up, down) = ui.input_mut(|inp| {
            (
                inp.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
                inp.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
            )
        });
        let to = if up {
            i.checked_sub(1)
        } else if down {
            Some(i + 1)
        } else {
            None
        };
        if let Some(edit) = to.and_then(|to| move_step(story, i, to)) {
            submits.push(("Move step", None, vec![edit]));
            app.story.open = to;
        }
    }
    if story.is_empty() {
        ui.add_space(8.0);
        ui.label("No steps yet: presenting walks through the map automatically (thesis, reasons, objections, contradictions).");
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, step) in story.iter().enumerate() {
                let open = app.story.open == Some(i);
                ui.horizontal(|ui| {
                    let label = format!("{}. {}", i + 1, step.title);
                    let r = ui
                        .add(
                            egui::Button::selectable(open, label)
                                .sense(egui::Sense::click_and_drag()),
                        )
                        .on_hover_text(
                            "Open this step and select its cards; drag to move it (or Alt+Up/Down)",
                        );
                    r.dnd_set_drag_payload(DraggedStep(i));
                    if let Some(from) = r.dnd_hover_payload::<DraggedStep>()
                        && from.0 != i
                    {
                        // Where the step will land: above or below this one.
                        let y = if from.0 > i {
                            r.rect.top()
                        } else {
                            r.rect.bottom()
                        };
                        ui.painter().hline(
                            r.rect.x_range(),
                            y,
                            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
                        );
                    }
                    if let Some(from) = r.dnd_release_payload::<DraggedStep>()
                        && let Some(edit) = move_step(story, from.0, i)
                    {
                        submits.push(("Move step", None, vec![edit]));
                        app.story.open = Some(i);
                    }
                    if r.clicked() {
                        app.story.open = Some(i);
                        select = Some(Selection {
                            nodes: step.show.clone(),
                            link: None,
                        });
                    }
                });
                if !open {
                    continue;
                }
                ui.indent(("step", i), |ui| {
                    let mut title = step.title.clone();
                    let r = ui.add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Step title")
                    });
                    if r.changed() {
                        let mut s = step.clone();
                        s.title = title;
                        submits.push((
                            "Rename step",
                            Some(format!("step title {}", step.id)),
                            vec![Edit::Replace(Item::Step(s))],
                        ));
                    }
                    seal |= r.lost_focus();
                    let mut note = step.note.clone();
                    let r = ui.add(
                        TextEdit::multiline(&mut note)
                            .hint_text("Note for the teacher")
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    );
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Step note")
                    });
                    if r.changed() {
                        let mut s = step.clone();
                        s.note = note;
                        submits.push((
                            "Edit step note",
                            Some(format!("step note {}", step.id)),
                            vec![Edit::Replace(Item::Step(s))],
                        ));
                    }
                    seal |= r.lost_focus();
                    ui.label(
                        RichText::new(format!(
                            "Shows {} cards, highlights {}.",
                            step.show.len(),
                            step.focus.len()
                        ))
                        .weak(),
                    );
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .add_enabled(
                                !selected.is_empty(),
                                egui::Button::new("Show the selection"),
                            )
                            .clicked()
                        {
                            let mut s = step.clone();
                            s.show.clone_from(&selected);
                            s.focus.retain(|n| selected.contains(n));
                            submits.push((
                                "Set step cards",
                                None,
                                vec![Edit::Replace(Item::Step(s))],
                            ));
                        }
                        if ui
                            .add_enabled(
                                !selected.is_empty(),
                                egui::Button::new("Highlight the selection"),
                            )
                            .clicked()
                        {
                            let mut s = step.clone();
                            for n in &selected {
                                if !s.show.contains(n) {
                                    s.show.push(n.clone());
                                }
                            }
                            s.focus.clone_from(&selected);
                            submits.push((
                                "Set step highlight",
                                None,
                                vec![Edit::Replace(Item::Step(s))],
                            ));
                        }
                    });
                    ui.horizontal(|ui| {
                        let up = ui.add_enabled(i > 0, egui::Button::new("Move up"));
                        let down =
                            ui.add_enabled(i + 1 < story.len(), egui::Button::new("Move down"));
                        let to = if up.clicked() {
                            i.checked_sub(1)
                        } else if down.clicked() {
                            Some(i + 1)
                        } else {
                            None
                        };
                        if let Some(edit) = to.and_then(|to| move_step(story, i, to)) {
                            submits.push(("Move step", None, vec![edit]));
                            app.story.open = to;
                        }
                        if ui
                            .button("Preview")
                            .on_hover_text("Present from this step")
                            .clicked()
                        {
                            present_from = Some(i);
                        }
                        if ui.button("Delete step").clicked() {
                            submits.push((
                                "Delete step",
                                None,
                                vec![Edit::Remove(ItemId::Step(step.id.clone()))],
                            ));
                            app.story.open = None;
                        }
                    });
                    ui.add_space(6.0);
                });
            }
        });
    for (label, merge, edits) in submits {
        app.submit(label, merge, edits);
    }
    if seal {
        app.history.seal();
    }
    if let Some(s) = select {
        app.selection = s;
    }
    if let Some(step) = present_from {
        app.push(Command::Present);
        app.present_from = Some(step);
    }
}
