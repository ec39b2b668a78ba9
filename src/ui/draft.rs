//! A text field for a value the map keeps trimmed (comments, rubric notes).

use egui::{Id, Response, TextEdit};

/// Shows `stored` in the field `make` builds, with the widget id `id`. The text as typed is kept
/// under `id` while it says the same as the stored (trimmed) value, so a space typed between
/// words is not taken away by the trim; and while it is blank and the field has focus, so a
/// field cleared to be rewritten stays empty (the caller decides what a blank value means).
/// Returns the field's response, and the new text when the user changed it.
pub(crate) fn trimmed_field(
    ui: &mut egui::Ui,
    id: Id,
    stored: &str,
    make: fn(&mut String) -> TextEdit<'_>,
) -> (Response, Option<String>) {
    let draft: Option<String> = ui.data(|d| d.get_temp(id));
    let focused = ui.memory(|m| m.has_focus(id));
    let kept = draft.filter(|d| d.trim() == stored || (focused && d.trim().is_empty()));
    if kept.is_none() {
        // Out of date (the value changed elsewhere, or the field was left): never shown again.
        ui.data_mut(|d| d.remove_temp::<String>(id));
    }
    let mut text = kept.unwrap_or_else(|| stored.to_owned());
    let before = text.clone();
    let r = ui.add(make(&mut text).id(id));
    if r.changed() && text != before {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        return (r, Some(text));
    }
    (r, None)
}

/// Whether the user left the field `id` of [`trimmed_field`] cleared: call it before the field,
/// on the frame it loses focus (a blank text typed is kept only while the field has focus).
pub(crate) fn was_cleared(ui: &egui::Ui, id: Id) -> bool {
    let draft: Option<String> = ui.data(|d| d.get_temp(id));
    draft.is_some_and(|d| d.trim().is_empty())
}
