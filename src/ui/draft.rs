//! A text field for a value the map keeps trimmed (comments, rubric notes).

use egui::{Id, Response, TextEdit};

/// Shows `stored` in the field `make` builds. The text as typed is kept under `id` while it says
/// the same as the stored (trimmed) value, so a space typed between words is not taken away by
/// the trim. Returns the field's response, and the new text when the user changed it.
pub(crate) fn trimmed_field(
    ui: &mut egui::Ui,
    id: Id,
    stored: &str,
    make: fn(&mut String) -> TextEdit<'_>,
) -> (Response, Option<String>) {
    let draft: Option<String> = ui.data(|d| d.get_temp(id));
    let mut text = draft
        .filter(|d| d.trim() == stored)
        .unwrap_or_else(|| stored.to_owned());
    let before = text.clone();
    let r = ui.add(make(&mut text));
    if r.changed() && text != before {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        return (r, Some(text));
    }
    (r, None)
}
