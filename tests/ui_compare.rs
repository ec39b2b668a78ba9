//! The teacher's compare panel in the real app (issue 15): a missed passage opens the article in
//! the reader scrolled to it; an added claim selects its card; a class folder lists one row per
//! hand-in, and a row opens that map against the same reference. Driven through accessibility
//! labels with `egui_kittest`.
#![allow(clippy::unwrap_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable as _, by};
use std::path::{Path, PathBuf};
use warrant::edit::{apply_all, ops};
use warrant::model::{Map, NodeId, Point};
use warrant::ui::{Command, WarrantApp};

mod common;
use common::class::{class_folder, reference};
use common::tools::{GOLZ, sample};

const OWN_CLAIM: &str = "Students like long walks on sunny beaches";

/// A student's map: the article's last passage not quoted, and a claim of their own.
fn student() -> (Map, NodeId) {
    let mut map = sample(GOLZ);
    map.title = "Dana".into();
    let edits = ops::delete_nodes(&map, &[NodeId::from("q30")]);
    apply_all(&mut map, edits).unwrap();
    let (own, edits) = ops::add_claim(&map, OWN_CLAIM, Point::new(40.0, 40.0));
    apply_all(&mut map, edits).unwrap();
    (map, own)
}

/// The teacher's desk: `map` against the reference saved in `dir`, in a 1920×1080 window, its
/// first frame drawn.
fn desk(map: Map, dir: &Path) -> Harness<'static, WarrantApp> {
    let mut app = common::app::app_on(map, None);
    app.open_reference(&reference(dir));
    let mut h = common::app::harness_sized(app, egui::vec2(1920.0, 1080.0), 240);
    h.run();
    h
}

/// Dana's map on the desk, with the class folder of `dir` opened in the panel.
fn class_open(dir: &Path) -> (Harness<'static, WarrantApp>, NodeId, PathBuf) {
    let (map, own) = student();
    let mut h = desk(map, dir);
    let folder = class_folder(dir);
    h.state_mut().push(Command::ClassFolderPath(folder.clone()));
    h.run();
    (h, own, folder)
}

/// The article's text as the reader shows it on screen now: its rows below the reader's
/// buttons and above the window's bottom edge, spaces flattened.
fn visible_article(h: &Harness<'static, WarrantApp>) -> String {
    // The reader's button (the toolbar has one too).
    let top = h
        .get_all_by_label("Quote selection")
        .map(|n| n.rect())
        .find(|r| r.left() > 1920.0 - 600.0)
        .unwrap()
        .bottom();
    let rows: Vec<String> = h
        .query_all(by().role(Role::TextRun))
        .filter(|n| {
            let r = n.rect();
            r.top() >= top && r.bottom() <= 1080.0 && r.left() > 1920.0 - 600.0
        })
        .filter_map(|n| n.value())
        .collect();
    flat(&rows.join(" "))
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn clicking_a_missed_passage_shows_it_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (map, _) = student();
    let source = map.sources[0].id.clone();
    let mut h = desk(map, dir.path());
    let q30 = sample(GOLZ).quote(&NodeId::from("q30")).unwrap().clone();
    let start: String = flat(&q30.anchor.exact).chars().take(40).collect();
    assert!(
        !visible_article(&h).contains(&start),
        "the passage is out of view at first"
    );
    h.get_by_label(&warrant::analysis::quoted(&q30.anchor.exact))
        .click();
    h.run();
    assert_eq!(h.state().reader().current, Some(source));
    assert!(
        visible_article(&h).contains(&start),
        "the reader scrolled to “{start}”"
    );
}

#[test]
fn clicking_an_added_claim_selects_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let (map, own) = student();
    let mut h = desk(map, dir.path());
    h.get_by_label(OWN_CLAIM).click();
    h.run();
    assert_eq!(h.state().selection().nodes, [own]);
}

/// Runs frames until `shown` holds of the window and no comparison is being made. The bound is
/// in frames, generous: comparing these maps takes milliseconds.
fn until_compared(
    h: &mut Harness<'static, WarrantApp>,
    shown: impl Fn(&Harness<'static, WarrantApp>) -> bool,
) {
    for _ in 0..5_000 {
        h.step();
        if h.query_by_label("comparing…").is_none() && shown(h) {
            return;
        }
        std::thread::yield_now();
    }
    panic!("the comparison never arrived from the worker thread");
}

#[test]
fn in_the_window_the_comparison_is_made_on_a_worker_and_follows_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (map, _) = student();
    let mut app = common::app::app_on(map, None);
    app.analyse_in_background(true);
    app.open_reference(&reference(dir.path()));
    let mut h = common::app::harness_sized(app, egui::vec2(1920.0, 1080.0), 240);
    until_compared(&mut h, |h| h.query_by_label(OWN_CLAIM).is_some());
    assert!(h.query_by_label_contains("1 added").is_some());

    // The student's own claim is selected from its row (the card may be off screen) and
    // deleted: the panel follows once compared again.
    h.get_by_label(OWN_CLAIM).click();
    h.run();
    h.key_press(egui::Key::Delete);
    until_compared(&mut h, |h| h.query_by_label_contains("0 added").is_some());
    assert!(h.query_by_label(OWN_CLAIM).is_none(), "its row is gone");
}

#[test]
fn a_class_folder_lists_each_hand_in_and_a_row_opens_it_against_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, folder) = class_open(dir.path());
    for name in ["ann.json", "ben.json", "cleo.json"] {
        assert!(h.query_by_label(name).is_some(), "{name} listed");
    }
    assert!(h.query_by_label("notes.txt").is_none());
    assert!(h.query_by_label("broken.json").is_some());
    assert!(h.query_by_label_contains("cannot be read: ").is_some());
    assert!(h.query_by_label("Class (4)").is_some());
    // Ann quoted all 30 passages; Ben the first 10; Cleo's altered article matches none.
    assert!(h.query_by_label("100 % (30 of 30)").is_some());
    assert!(h.query_by_label("33 % (10 of 30)").is_some());
    assert!(h.query_by_label("0 % (0 of 30)").is_some());

    h.get_by_label("ben.json").click();
    h.run();
    assert_eq!(h.state().path(), Some(folder.join("ben.json").as_path()));
    assert_eq!(h.state().map().title, "Ben");
    // The same reference, now against Ben's map: his 20 missed passages.
    assert!(
        h.query_by_label_contains("with the reference golz.json")
            .is_some()
    );
    assert!(h.query_by_label("Missed (20)").is_some());
}

#[test]
fn the_class_table_is_saved_as_csv_and_never_over_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, folder) = class_open(dir.path());
    // The prompt proposes class.csv in the class folder.
    h.get_by_label("Save as CSV…").click();
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let csv = std::fs::read_to_string(folder.join("class.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5, "a header and one row per hand-in: {csv}");
    assert!(lines[0].starts_with("file,"), "{}", lines[0]);
    let ann = lines.iter().find(|l| l.contains("ann.json")).unwrap();
    assert!(ann.contains(",Ann,100,30,30,"), "{ann}");
    assert!(
        h.query_by_label_contains("Saved the class table (4 maps)")
            .is_some()
    );

    // A hand-in is not replaced by the table.
    let ben = folder.join("ben.json");
    let before = std::fs::read(&ben).unwrap();
    h.state_mut().push(Command::ClassCsvPath(ben.clone()));
    h.run();
    assert!(h.query_by_label("Something went wrong").is_some());
    let error = h.state().dialogs().error.clone().unwrap_or_default();
    assert!(error.contains("ben.json is a Warrant map"), "{error}");
    assert_eq!(std::fs::read(&ben).unwrap(), before);
}

#[test]
fn opening_a_hand_in_asks_to_save_unsaved_work_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, own, _) = class_open(dir.path());
    // Unsaved work: the own claim deleted.
    let edits = ops::delete_nodes(h.state().map(), &[own]);
    h.state_mut().submit("Delete card", None, edits);
    h.run();
    h.get_by_label("ann.json").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    assert_eq!(h.state().map().title, "Dana", "nothing opened yet");
    assert!(h.state().path().is_none());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().is_dirty(), "the work is still there");
}

#[test]
fn the_view_menu_hides_and_shows_the_panel_and_keeps_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let (map, _) = student();
    let mut h = desk(map, dir.path());
    assert!(
        h.query_by_label_contains("with the reference golz.json")
            .is_some()
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(
        h.query_by_label_contains("with the reference golz.json")
            .is_none()
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Comparison panel").click();
    h.run();
    assert!(
        h.query_by_label_contains("with the reference golz.json")
            .is_some()
    );
    assert!(h.query_by_label("Missed (1)").is_some());
}
