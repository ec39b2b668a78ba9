//! What a user does in the window, step by step: choose a menu item, answer the path prompt
//! (the tests use the app's own prompt, not the system's file dialog).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::Path;
use warrant::ui::WarrantApp;

/// Clicks `menu`, then its item whose label contains `item`.
#[track_caller]
pub fn menu(h: &mut Harness<'static, WarrantApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    // The menu is drawn last, over anything else with the same label.
    h.get_all_by_label_contains(item)
        .last()
        .expect("menu item")
        .click();
    h.run();
}

/// Focuses the field named `label`, selects all it holds and types `text` over it.
#[track_caller]
pub fn type_over(h: &mut Harness<'static, WarrantApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Types `path` into the open prompt's field, over what it proposes; does not confirm.
#[track_caller]
pub fn fill_path(h: &mut Harness<'static, WarrantApp>, path: &Path) {
    type_over(h, "File path", &path.display().to_string());
}

/// Answers the open prompt with `path` and OK.
#[track_caller]
pub fn type_path(h: &mut Harness<'static, WarrantApp>, path: &Path) {
    h.run();
    fill_path(h, path);
    h.get_by_label("OK").click();
    h.run();
}

/// Presses `key` with `modifiers` and lets the window settle.
pub fn press(h: &mut Harness<'static, WarrantApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Whether a control named `label` has the keyboard focus.
pub fn focused(h: &Harness<'static, WarrantApp>, label: &str) -> bool {
    h.query_all_by_label(label)
        .any(|n| n.accesskit_node().is_focused())
}

/// Clicks the first “Present” button and checks the presentation has begun.
#[track_caller]
pub fn present(h: &mut Harness<'static, WarrantApp>) {
    h.get_all_by_label_contains("Present")
        .next()
        .expect("a Present button")
        .click();
    h.run_ok();
    assert!(h.state().presentation().is_some());
}
