//! Naming who holds a claim and what it is about: the field that suggests the map's actors (or
//! tags) as a name is typed, and the list that merges two of them.
//!
//! Names are compared folded (case and accents aside, spaces collapsed), so "medvedev" finds
//! "Médvédev" and typing an existing name again reuses it instead of making a second one.

use super::command::Command;
use egui::{Key, Modifiers, RichText, TextEdit};
use unicode_normalization::UnicodeNormalization as _;

/// How many suggestions the field lists at most.
const MAX_SUGGESTIONS: usize = 6;

/// `name` as compared: lower case, accents dropped, runs of spaces as one, trimmed.
pub fn fold(name: &str) -> String {
    let bare: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the name that is `typed` once folded, if any.
pub fn same_name<'a>(names: &[(&'a str, &str)], typed: &str) -> Option<&'a str> {
    let typed = fold(typed);
    names
        .iter()
        .find(|(_, n)| fold(n) == typed)
        .map(|(id, _)| *id)
}

/// The (id, name)s that `typed` may mean: names that start with it first, then names with a
/// word that starts with it, then names that contain it; in the map's order within each group.
pub fn suggestions<'a>(names: &[(&'a str, &'a str)], typed: &str) -> Vec<(&'a str, &'a str)> {
    let typed = fold(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let rank = |name: &str| {
        let name = fold(name);
        if name.starts_with(&typed) {
            Some(0)
        } else if name.split(' ').any(|w| w.starts_with(&typed)) {
            Some(1)
        } else if name.contains(&typed) {
            Some(2)
        } else {
            None
        }
    };
    let mut ranked: Vec<(u8, (&str, &str))> = names
        .iter()
        .filter_map(|&(id, n)| rank(n).map(|r| (r, (id, n))))
        .collect();
    // Stable: the map's order stays within a rank.
    ranked.sort_by_key(|(r, _)| *r);
    ranked
        .into_iter()
        .map(|(_, x)| x)
        .take(MAX_SUGGESTIONS)
        .collect()
}

/// The name being typed in a field, and which suggestion the arrow keys point at.
#[derive(Default)]
pub struct NameField {
    pub text: String,
    /// Index into the suggestions; `None`: Enter takes the typed name.
    highlight: Option<usize>,
}

/// What the user chose in a name field.
#[derive(Debug, PartialEq, Eq)]
pub enum Choice {
    /// One of the map's (its id).
    Existing(String),
    /// A name typed that the map may not have yet.
    New(String),
}

/// A field to type a name in (after what `before` draws on its row), with the map's matching
/// names listed under it as it is typed: Up and Down point at one, Enter or a click takes it;
/// Enter with none pointed at takes the typed name (the caller reuses an existing one of that
/// name). `names` are the (id, name)s the claim does not carry yet.
pub fn name_field_ui(
    ui: &mut egui::Ui,
    what: &str,
    names: &[(&str, &str)],
    field: &mut NameField,
    before: impl FnOnce(&mut egui::Ui) -> Option<Choice>,
) -> Option<Choice> {
    let id = egui::Id::unique(("name field", what));
    let found = suggestions(names, &field.text);
    if ui.memory(|m| m.has_focus(id)) {
        arrow_keys(ui, field, found.len());
    }
    field.highlight = field.highlight.filter(|h| *h < found.len());
    let (mut chosen, r) = ui
        .horizontal(|ui| {
            let chosen = before(ui);
            let r = ui.add(
                TextEdit::singleline(&mut field.text)
                    .id(id)
                    .hint_text(format!("new {what}"))
                    .desired_width(160.0),
            );
            (chosen, r)
        })
        .inner;
    r.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("New {what} name"))
    });
    if r.changed() {
        field.highlight = None;
    }
    if chosen.is_none() && r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        chosen = match field.highlight.and_then(|h| found.get(h)) {
            Some((id, _)) => Some(Choice::Existing((*id).to_owned())),
            None => Some(field.text.trim().to_owned())
                .filter(|t| !t.is_empty())
                .map(Choice::New),
        };
    }
    if chosen.is_none() {
        chosen = suggestions_ui(ui, what, &found, field.highlight);
    }
    if chosen.is_some() && !field.text.is_empty() {
        field.text.clear();
        field.highlight = None;
        // Taken from the field: stay there, so the next name can be typed, or Tab moves on.
        r.request_focus();
    }
    chosen
}

/// Up and Down move the pointer through `n` suggestions (before the field sees the keys).
fn arrow_keys(ui: &egui::Ui, field: &mut NameField, n: usize) {
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
        )
    });
    if n == 0 {
        return;
    }
    if down {
        field.highlight = Some(field.highlight.map_or(0, |h| (h + 1).min(n - 1)));
    }
    if up {
        field.highlight = field.highlight.and_then(|h| h.checked_sub(1));
    }
}

/// One row of a list chosen from with Down, Up and Enter: the row pointed at (`on`) is
/// outlined as well as tinted.
pub(super) fn pointed_row(ui: &mut egui::Ui, on: bool, text: &str) -> egui::Response {
    let row = ui.selectable_label(on, text);
    if on {
        ui.painter().rect_stroke(
            row.rect,
            2.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    row
}

/// The suggestions under the field, the one pointed at marked; returns the one clicked.
fn suggestions_ui(
    ui: &mut egui::Ui,
    what: &str,
    found: &[(&str, &str)],
    highlight: Option<usize>,
) -> Option<Choice> {
    if found.is_empty() {
        return None;
    }
    let mut chosen = None;
    ui.label(RichText::new(format!("Existing {what}s (Down, Up and Enter, or click):")).weak());
    for (i, (id, name)) in found.iter().enumerate() {
        let r = pointed_row(ui, highlight == Some(i), name)
            .on_hover_text(format!("Use the {what} {name}"));
        if r.clicked() {
            chosen = Some(Choice::Existing((*id).to_owned()));
        }
    }
    chosen
}

/// Each of the map's actors (or tags) with how many claims carry it, then one "Merge actors…"
/// menu under the list: in it, each name opens the list of the others to merge it into. One
/// menu instead of a button per name keeps a long list calm to read; it is reached with Tab and
/// walked with the arrow keys and Enter like any menu. Merging is one undoable edit built by
/// `merge(keep, gone)`.
pub fn merge_list_ui(
    ui: &mut egui::Ui,
    what: &str,
    names: &[(&str, &str, usize)],
    out: &mut Vec<Command>,
    merge: impl Fn(&str, &str) -> Command,
) {
    for &(_, name, uses) in names {
        ui.label(format!("{name} ({uses})"));
    }
    if names.len() < 2 {
        return;
    }
    ui.menu_button(format!("Merge {what}s…"), |ui| {
        ui.label(RichText::new(format!("Which {what} goes into another?")).weak());
        for &(gone, name, _) in names {
            let sub = ui.menu_button(name, |ui| {
                ui.label(RichText::new(format!("Merge {name} into:")).weak());
                for &(keep, other, _) in names.iter().filter(|(k, ..)| *k != gone) {
                    if ui.button(other).clicked() {
                        out.push(merge(keep, gone));
                    }
                }
            });
            sub.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Merge {name} into…"))
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{fold, same_name, suggestions};

    const NAMES: [(&str, &str); 4] = [
        ("a1", "Russian officials"),
        ("a2", "Dmitri Médvédev"),
        ("a3", "NATO"),
        ("a4", "Officials in Kyiv"),
    ];

    #[test]
    fn names_fold_case_accents_and_spaces() {
        assert_eq!(fold("  Dmitri   MÉDVÉDEV "), "dmitri medvedev");
        assert_eq!(fold("Zelenskyy"), fold("ZELENSKYY"));
        assert_eq!(same_name(&NAMES, "dmitri medvedev"), Some("a2"));
        assert_eq!(same_name(&NAMES, "nato "), Some("a3"));
        assert_eq!(same_name(&NAMES, "NATO members"), None);
    }

    #[test]
    fn suggestions_put_names_that_start_with_the_text_first() {
        let ids = |typed| {
            suggestions(&NAMES, typed)
                .into_iter()
                .map(|(id, _)| id)
                .collect::<Vec<_>>()
        };
        // "offic": a4 starts with it, a1 has a word that does.
        assert_eq!(ids("offic"), ["a4", "a1"]);
        assert_eq!(ids("medv"), ["a2"], "accents aside");
        assert_eq!(ids("ssian"), ["a1"], "inside a word");
        assert!(ids("").is_empty());
        assert!(ids("xyz").is_empty());
    }
}
