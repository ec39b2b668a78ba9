//! The story editor: the presentation's steps, made from the selection, reordered, renamed,
//! annotated, deleted and previewed — each change an edit, with undo.
//!
//! The panel reads a [`StoryCtx`] and pushes [`Command`]s; it owns only [`StoryPanel`] (which
//! step is open).

use super::app::Selection;
use super::command::Command;
use crate::edit::{Edit, Item, ItemId};
use crate::model::{Map, NodeId, Step};
use egui::{RichText, TextEdit};

/// Which step the story editor has open.
#[derive(Default)]
pub struct StoryPanel {
    pub open: Option<usize>,
}

/// What the story editor reads of the app.
pub struct StoryCtx<'a> {
    pub map: &'a Map,
    /// The cards a new step shows, or an open step is set to.
    pub selection: &'a Selection,
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

fn submit(label: &'static str, merge: Option<String>, edit: Edit) -> Command {
    Command::Submit {
        label,
        merge,
        edits: vec![edit],
    }
}

/// Moves step `from` to `to` (if both are in the story) and keeps it open there.
fn move_open(
    story: &[Step],
    from: usize,
    to: Option<usize>,
    panel: &mut StoryPanel,
    out: &mut Vec<Command>,
) {
    if let Some(edit) = to.and_then(|to| move_step(story, from, to)) {
        out.push(submit("Move step", None, edit));
        panel.open = to;
    }
}

/// The story panel.
pub fn story_ui(
    ui: &mut egui::Ui,
    cx: &StoryCtx<'_>,
    panel: &mut StoryPanel,
    out: &mut Vec<Command>,
) {
    let story = &cx.map.story;
    ui.add_space(4.0);
    ui.heading("Story");
    ui.label(RichText::new("The steps of the presentation. A step shows cards (earlier steps' cards stay, dimmed) and highlights some of them.").weak());
    ui.add_space(4.0);
    let selected = &cx.selection.nodes;
    ui.horizontal_wrapped(|ui| {
        let add = ui
            .add_enabled(
                !selected.is_empty(),
                egui::Button::new("Add step from selection"),
            )
            .on_disabled_hover_text("Select the cards this step should show first");
        if add.clicked() {
            let step = Step {
                id: cx.map.new_step_id(),
                title: format!("Step {}", story.len() + 1),
                show: selected.clone(),
                focus: selected.clone(),
                note: String::new(),
            };
            let index = panel.open.map_or(story.len(), |i| i + 1);
            let item = Item::Step(step);
            out.push(submit("Add step", None, Edit::Insert { index, item }));
            panel.open = Some(index);
        }
        if ui.button("Present from the start").clicked() {
            out.push(Command::PresentFrom(0));
        }
    });
    // Alt+Up / Alt+Down move the open step (when no text field has the keys).
    if let Some(i) = panel.open
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
        move_open(story, i, to, panel, out);
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
                // A step clicked open shows its editor from the next frame on.
                let open = panel.open == Some(i);
                step_row_ui(ui, story, i, panel, out);
                if open {
                    ui.indent(("step", i), |ui| {
                        step_editor_ui(ui, story, i, step, selected, panel, out);
                    });
                }
            }
        });
}

/// Step `i`'s line in the list: click to open it and select its cards, drag to move it.
fn step_row_ui(
    ui: &mut egui::Ui,
    story: &[Step],
    i: usize,
    panel: &mut StoryPanel,
    out: &mut Vec<Command>,
) {
    let step = &story[i];
    let open = panel.open == Some(i);
    ui.horizontal(|ui| {
        let label = format!("{}. {}", i + 1, step.title);
        let r = ui
            .add(egui::Button::selectable(open, label).sense(egui::Sense::click_and_drag()))
            .on_hover_text("Open this step and select its cards; drag to move it (or Alt+Up/Down)");
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
        if let Some(from) = r.dnd_release_payload::<DraggedStep>() {
            move_open(story, from.0, Some(i), panel, out);
        }
        if r.clicked() {
            panel.open = Some(i);
            out.push(Command::Select(Selection {
                nodes: step.show.clone(),
                link: None,
            }));
        }
    });
}

/// The open step: its title, note, cards, and the buttons to move, preview or delete it.
fn step_editor_ui(
    ui: &mut egui::Ui,
    story: &[Step],
    i: usize,
    step: &Step,
    selected: &[NodeId],
    panel: &mut StoryPanel,
    out: &mut Vec<Command>,
) {
    let replace = |f: &dyn Fn(&mut Step)| {
        let mut s = step.clone();
        f(&mut s);
        Edit::Replace(Item::Step(s))
    };
    let mut title = step.title.clone();
    let r = ui.add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Step title"));
    if r.changed() {
        let merge = Some(format!("step title {}", step.id));
        out.push(submit(
            "Rename step",
            merge,
            replace(&|s| s.title.clone_from(&title)),
        ));
    }
    if r.lost_focus() {
        out.push(Command::Seal);
    }
    let mut note = step.note.clone();
    let r = ui.add(
        TextEdit::multiline(&mut note)
            .hint_text("Note for the teacher")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Step note"));
    if r.changed() {
        let merge = Some(format!("step note {}", step.id));
        out.push(submit(
            "Edit step note",
            merge,
            replace(&|s| s.note.clone_from(&note)),
        ));
    }
    if r.lost_focus() {
        out.push(Command::Seal);
    }
    ui.label(
        RichText::new(format!(
            "Shows {} cards, highlights {}.",
            step.show.len(),
            step.focus.len()
        ))
        .weak(),
    );
    ui.horizontal_wrapped(|ui| {
        let any = !selected.is_empty();
        if ui
            .add_enabled(any, egui::Button::new("Show the selection"))
            .clicked()
        {
            let edit = replace(&|s| {
                s.show = selected.to_vec();
                s.focus.retain(|n| selected.contains(n));
            });
            out.push(submit("Set step cards", None, edit));
        }
        if ui
            .add_enabled(any, egui::Button::new("Highlight the selection"))
            .clicked()
        {
            let edit = replace(&|s| {
                for n in selected {
                    if !s.show.contains(n) {
                        s.show.push(n.clone());
                    }
                }
                s.focus = selected.to_vec();
            });
            out.push(submit("Set step highlight", None, edit));
        }
    });
    ui.horizontal(|ui| {
        let up = ui.add_enabled(i > 0, egui::Button::new("Move up"));
        let down = ui.add_enabled(i + 1 < story.len(), egui::Button::new("Move down"));
        let to = if up.clicked() {
            i.checked_sub(1)
        } else if down.clicked() {
            Some(i + 1)
        } else {
            None
        };
        move_open(story, i, to, panel, out);
        if ui
            .button("Preview")
            .on_hover_text("Present from this step")
            .clicked()
        {
            out.push(Command::PresentFrom(i));
        }
        if ui.button("Delete step").clicked() {
            let edit = Edit::Remove(ItemId::Step(step.id.clone()));
            out.push(submit("Delete step", None, edit));
            panel.open = None;
        }
    });
    ui.add_space(6.0);
}

#[cfg(test)]
mod tests {
    use super::{StoryCtx, StoryPanel, story_ui};
    use crate::ui::app::Selection;
    use crate::ui::command::Command;
    use crate::ui::panel_bench::{Bench, id, small_map};
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The story editor alone, on the small map (no steps yet).
    fn harness() -> Harness<'static, Bench<StoryPanel>> {
        Bench::new(small_map(), StoryPanel::default()).harness(
            egui::vec2(320.0, 700.0),
            |ui, b, out| {
                let cx = StoryCtx {
                    map: &b.map,
                    selection: &b.selection,
                };
                story_ui(ui, &cx, &mut b.state, out);
            },
        )
    }

    #[test]
    fn a_step_is_added_from_the_selection_opened_renamed_and_previewed() {
        let mut h = harness();
        h.run();
        h.state_mut().selection = Selection::one(id("q1"));
        h.run();
        h.get_by_label("Add step from selection").click();
        h.run();
        assert_eq!(h.state().submitted(), ["Add step"]);
        let story = &h.state().map.story;
        assert_eq!(story.len(), 1);
        assert_eq!(
            (story[0].show.clone(), story[0].focus.clone()),
            (vec![id("q1")], vec![id("q1")])
        );
        assert_eq!(h.state().state.open, Some(0), "the new step is open");
        h.get_by_label("Step title").focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Step title").type_text("The evidence");
        h.run();
        assert_eq!(h.state().map.story[0].title, "The evidence");
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().sent.last(), Some(&Command::Seal));
        h.get_by_label("Preview").click();
        h.run();
        assert_eq!(h.state().sent.last(), Some(&Command::PresentFrom(0)));
    }

    #[test]
    fn clicking_a_step_selects_its_cards_and_alt_down_moves_it() {
        let mut h = harness();
        h.run();
        for card in ["c1", "c2"] {
            h.state_mut().selection = Selection::one(id(card));
            h.run();
            h.get_by_label("Add step from selection").click();
            h.run();
        }
        h.state_mut().selection = Selection::default();
        h.get_by_label("1. Step 1").click();
        h.run();
        assert_eq!(h.state().selection, Selection::one(id("c1")));
        assert_eq!(h.state().state.open, Some(0));
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
        h.run();
        let titles: Vec<&str> = h
            .state()
            .map
            .story
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["Step 2", "Step 1"]);
        assert_eq!(h.state().state.open, Some(1), "the moved step stays open");
    }
}
