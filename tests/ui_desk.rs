//! The student's desk (issue 17): saving says so, and prompts name the map. Driven through the
//! real app state by accessibility labels (`egui_kittest`).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::Map;
use warrant::ui::WarrantApp;

mod common;
use common::app::started;
use common::small_map;
use common::steps::{fill_path, menu};

#[test]
fn the_first_save_proposes_the_title_as_file_name_and_confirms_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = started(Map::new("Russia and NATO, 1996"), Some(dir.path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let proposed = h.get_by_label("File path").value().unwrap_or_default();
    assert_eq!(
        Path::new(&proposed).file_name(),
        Some("russia-and-nato-1996.warrant".as_ref()),
        "{proposed}"
    );
    // Keep the proposed name, in the test's folder.
    let out = dir.path().join("russia-and-nato-1996.warrant");
    fill_path(&mut h, &out);
    h.key_press(Key::Enter);
    h.run();
    assert!(out.exists(), "the map was written");
    assert!(
        h.query_by_label_contains("Saved to").is_some()
            && h.query_by_label_contains("russia-and-nato-1996.warrant")
                .is_some(),
        "a notice confirms the save and names the file"
    );
    assert!(!h.state().is_dirty());
}

/// The small map saved as `student.json` in `dir` and opened; then a card clicked and deleted
/// (unsaved work). Returns the window and the map as saved.
fn a_card_deleted_from_a_saved_map(dir: &Path) -> (Harness<'static, WarrantApp>, Map) {
    let file = dir.join("student.json");
    let map = small_map();
    warrant::io::save(&file, &map).expect("the map is saved");
    let mut h = started(Map::new("x"), Some(dir));
    h.state_mut().open_path(&file);
    h.run();
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    (h, map)
}

#[test]
fn saving_again_is_confirmed_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = a_card_deleted_from_a_saved_map(dir.path());
    assert!(h.query_by_label_contains("Saved to").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label_contains("Saved to").is_some());
    assert!(!h.state().is_dirty());
}

#[test]
fn the_unsaved_changes_prompt_names_the_map_not_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, map) = a_card_deleted_from_a_saved_map(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    let question = format!("The map “{}” (student.json) has changes", map.title);
    assert!(h.query_by_label_contains(&question).is_some(), "{question}");
    assert!(
        h.query_by_label_contains("— Warrant has changes").is_none(),
        "not the window title"
    );
}

#[test]
fn help_shows_keys_as_printed_on_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = started(small_map(), Some(dir.path()));
    menu(&mut h, "Help", "Keyboard");
    assert!(h.query_by_label("= / +").is_some(), "zoom in");
    assert!(h.query_by_label("-").is_some(), "zoom out");
    assert!(h.query_by_label_contains("Equals").is_none());
    assert!(h.query_by_label_contains("Minus").is_none());
}

/// A file dropped from the file manager, as the window system hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_warrant_file_dropped_on_the_window_opens_as_a_map_and_a_json_map_still_does() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["dropped.warrant", "dropped.json"] {
        let mut map = small_map();
        map.title = format!("Map from {name}");
        let path = dir.path().join(name);
        warrant::io::save(&path, &map).unwrap();
        let mut h = started(Map::new("Before the drop"), Some(dir.path()));
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path.clone())));
        h.run();
        h.run();
        assert_eq!(h.state().map().title, map.title, "{name} opened as a map");
    }
}
