//! The teacher's comment on the selected card or link: written, changed and deleted here, each
//! change an undoable edit.

use super::super::command::Command;
use crate::edit::ops;
use crate::model::{Map, Target};
use egui::{RichText, TextEdit};

/// A short, stable name of what a comment is on (merge keys, widget ids).
fn target_key(on: &Target) -> String {
    match on {
        Target::Node(id) => format!("node {id}"),
        Target::Link(id) => format!("link {}", id.as_str()),
    }
}

/// The "Teacher's comment" field for `on`. Typing is one undo step per burst; clearing the
/// field, or "Delete comment", takes the comment out.
pub(super) fn comment_ui(ui: &mut egui::Ui, map: &Map, on: &Target, out: &mut Vec<Command>) {
    ui.add_space(8.0);
    ui.label(RichText::new("Teacher's comment").strong());
    let stored = map.comments_on(on).next().map_or("", |c| c.text.as_str());
    let key = target_key(on);
    let (r, changed) = crate::ui::draft::trimmed_field(
        ui,
        ui.make_persistent_id(("comment draft", &key)),
        stored,
        |t| {
            TextEdit::multiline(t)
                .hint_text("Feedback the student sees on this")
                .desired_rows(2)
                .desired_width(f32::INFINITY)
        },
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Comment text"));
    if let Some(text) = changed {
        let edits = ops::set_comment(map, on, &text);
        if !edits.is_empty() {
            let label = if stored.is_empty() {
                "Add comment"
            } else {
                "Edit comment"
            };
            out.push(Command::Submit {
                label,
                merge: Some(format!("comment {key}")),
                edits,
            });
        }
    }
    if r.lost_focus() {
        out.push(Command::Seal);
    }
    if !stored.is_empty() && ui.button("Delete comment").clicked() {
        out.push(Command::Seal);
        out.push(Command::Submit {
            label: "Delete comment",
            merge: None,
            edits: ops::set_comment(map, on, ""),
        });
    }
}
