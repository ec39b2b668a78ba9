//! The teacher's comments on the selected card or link: each one written, changed and deleted
//! here, and another added, every change an undoable edit (one step per burst of typing).

use super::super::command::Command;
use crate::edit::ops;
use crate::model::{CommentId, Map, Target};
use crate::ui::draft::{trimmed_field, was_cleared};
use egui::{Id, RichText, TextEdit};

/// A short, stable name of what a comment is on (widget ids).
fn target_key(on: &Target) -> String {
    match on {
        Target::Node(id) => format!("node {id}"),
        Target::Link(id) => format!("link {}", id.as_str()),
    }
}

/// The field of comment `id`. A comment not yet written has the id it will be given, so the
/// field keeps its focus and cursor when the first key typed creates the comment.
fn field_id(ui: &egui::Ui, id: &CommentId) -> Id {
    ui.make_persistent_id(("comment field", id.as_str()))
}

/// The merge key of typing in comment `id`: its creation and the typing after are one step.
fn merge_key(id: &CommentId) -> String {
    format!("comment {}", id.as_str())
}

fn multiline(t: &mut String) -> TextEdit<'_> {
    TextEdit::multiline(t)
        .hint_text("Feedback the student sees on this")
        .desired_rows(2)
        .desired_width(f32::INFINITY)
}

/// The "Teacher's comment" section for `on`: a field for each of its comments with a Delete
/// button, then a blank field for a new one (behind "Add another comment" once there is one).
/// A field left blank deletes its comment when it loses focus.
pub(super) fn comment_ui(ui: &mut egui::Ui, map: &Map, on: &Target, out: &mut Vec<Command>) {
    ui.add_space(8.0);
    let ids: Vec<CommentId> = map.comments_on(on).map(|c| c.id.clone()).collect();
    let n = ids.len();
    let heading = match n {
        0 | 1 => "Teacher's comment".to_owned(),
        n => format!("Teacher's comments ({n})"),
    };
    ui.label(RichText::new(heading).strong());
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            ui.add_space(4.0);
        }
        // Numbered only when there are several, so one comment reads as before.
        let number = if n > 1 {
            format!(" {}", i + 1)
        } else {
            String::new()
        };
        existing_ui(ui, map, id, &number, out);
    }
    let adding = ui.make_persistent_id(("adding comment", target_key(on)));
    let mut open = n == 0 || ui.data(|d| d.get_temp::<bool>(adding)).unwrap_or(false);
    let mut focus = false;
    if !open
        && ui
            .button("Add another comment")
            .on_hover_text("Write one more comment on this")
            .clicked()
    {
        ui.data_mut(|d| d.insert_temp(adding, true));
        (open, focus) = (true, true);
    }
    if open {
        new_ui(ui, map, on, n, focus, out);
    }
}

/// One comment's field, and its Delete button.
fn existing_ui(ui: &mut egui::Ui, map: &Map, id: &CommentId, number: &str, out: &mut Vec<Command>) {
    let stored = map
        .comments
        .iter()
        .find(|c| &c.id == id)
        .map_or("", |c| c.text.as_str());
    let fid = field_id(ui, id);
    let cleared = was_cleared(ui, fid);
    let (r, changed) = trimmed_field(ui, fid, stored, multiline);
    let name = format!("Comment{number} text");
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    // A blank text waits for the field to be left: the field stays while it is rewritten.
    if let Some(text) = changed.filter(|t| !t.trim().is_empty()) {
        let edits = ops::set_comment_text(map, id, &text);
        if !edits.is_empty() {
            out.push(Command::Submit {
                label: "Edit comment",
                merge: Some(merge_key(id)),
                edits,
            });
        }
    }
    let left_blank = r.lost_focus() && cleared;
    if r.lost_focus() {
        if left_blank {
            out.push(Command::Submit {
                label: "Delete comment",
                merge: Some(merge_key(id)),
                edits: ops::delete_comment(map, id),
            });
        }
        out.push(Command::Seal);
    }
    // Not twice in one frame (the field left blank as the button was pressed).
    if ui.button(format!("Delete comment{number}")).clicked() && !left_blank {
        out.push(Command::Seal);
        out.push(Command::Submit {
            label: "Delete comment",
            merge: None,
            edits: ops::delete_comment(map, id),
        });
    }
}

/// The blank field of a comment not written yet: typing in it adds the comment (`n` are there
/// already); `focus` puts the cursor in it (it was just asked for).
fn new_ui(
    ui: &mut egui::Ui,
    map: &Map,
    on: &Target,
    n: usize,
    focus: bool,
    out: &mut Vec<Command>,
) {
    let next = map.new_comment_id();
    let fid = field_id(ui, &next);
    let (r, changed) = trimmed_field(ui, fid, "", multiline);
    let name = if n == 0 {
        "Comment text"
    } else {
        "New comment text"
    };
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    if focus {
        r.request_focus();
    }
    let adding = ui.make_persistent_id(("adding comment", target_key(on)));
    if let Some(text) = changed {
        let edits = ops::add_comment(map, on, &text);
        if !edits.is_empty() {
            // From the next frame on it is a comment of the list, in the same field.
            ui.data_mut(|d| d.remove_temp::<bool>(adding));
            out.push(Command::Submit {
                label: "Add comment",
                merge: Some(merge_key(&next)),
                edits,
            });
        }
    }
    if r.lost_focus() {
        ui.data_mut(|d| d.remove_temp::<bool>(adding));
        out.push(Command::Seal);
    }
}
