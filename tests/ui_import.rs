//! File → Import in the window: a Kialo discussion opens as a new untitled map, laid out, with
//! the import report as a notice; a broken file leaves the open map alone and says why.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use warrant::model::Map;
use warrant::ui::WarrantApp;

mod common;
use common::app::started;
use common::steps::{menu, type_path};

fn formats() -> PathBuf {
    std::env::var_os("WARRANT_FORMATS")
        .map_or_else(|| PathBuf::from("/work/shared/formats"), PathBuf::from)
}

/// File → Import…, then the path typed into the prompt.
fn import_through_the_menu(h: &mut Harness<'static, WarrantApp>, path: &Path) {
    menu(h, "File", "Import…");
    type_path(h, path);
}

#[test]
fn file_import_opens_a_kialo_discussion_as_a_new_laid_out_map_with_its_report() {
    let mut h = started(Map::new("Homework"), None);
    import_through_the_menu(
        &mut h,
        &formats().join("kialo/kialo_6148_should-hate-speech-be-illegal.txt"),
    );
    let app = h.state();
    assert_eq!(app.map().title, "Should hate speech be illegal?");
    assert_eq!(app.map().claims.len(), 105);
    assert_eq!(app.map().links.len(), 105);
    assert!(
        app.map().claims.iter().all(|c| c.pos.is_placed()),
        "laid out"
    );
    assert!(
        app.path().is_none(),
        "a new untitled map, not the Kialo file"
    );
    assert!(app.history().is_dirty(), "closing asks to save it");
    let notice = app.dialogs().notice.clone().unwrap_or_default();
    assert!(
        notice.contains("105 claims") && notice.contains("-> See"),
        "{notice}"
    );
}

#[test]
fn a_broken_file_leaves_the_open_map_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.argdown");
    std::fs::write(&bad, "[A]: fine\n  + [B: never closed\n").unwrap();
    let mut h = started(Map::new("Homework"), None);
    import_through_the_menu(&mut h, &bad);
    assert_eq!(h.state().map().title, "Homework");
    let error = h.state().dialogs().error.clone().unwrap_or_default();
    assert!(error.contains("line 2"), "{error}");
}

#[test]
fn in_the_window_the_file_is_read_and_laid_out_on_a_thread() {
    let mut app = common::app::app_on(Map::new("Homework"), None);
    app.analyse_in_background(true);
    let mut h = common::app::harness(app);
    h.run();
    h.state_mut()
        .import_path(&formats().join("kialo/kialo_6148_should-hate-speech-be-illegal.txt"));
    assert_eq!(
        h.state().map().title,
        "Homework",
        "not read on the window's thread"
    );
    for _ in 0..200_000 {
        if h.state().map().title != "Homework" {
            break;
        }
        h.step();
        std::thread::yield_now();
    }
    let app = h.state();
    assert_eq!(app.map().title, "Should hate speech be illegal?");
    assert!(app.map().claims.iter().all(|c| c.pos.is_placed()));
    assert!(app.history().is_dirty(), "closing asks to save it");
    assert!(
        app.dialogs()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("105 claims"))
    );
}
