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
    // The map keeps comments trimmed: the text as typed (a word's trailing space) is kept here
    // while it says the same, so typing is not undone by the trim.
    let draft_id = ui.make_persistent_id(("comment draft", &key));
    let draft: Option<String> = ui.data(|d| d.get_temp(draft_id));
    let mut text = draft
        .filter(|d| d.trim() == stored)
        .unwrap_or_else(|| stored.to_owned());
    let before = text.clone();
    let r = ui.add(
        TextEdit::multiline(&mut text)
            .hint_text("Feedback the student sees on this")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Comment text"));
    if r.changed() && text != before {
        let edits = ops::set_comment(map, on, &text);
        ui.data_mut(|d| d.insert_temp(draft_id, text));
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
