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
use warrant::ui::{Command, Settings, WarrantApp};

fn golz() -> Map {
    warrant::io::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json"),
    )
    .unwrap()
}

/// The reference, saved in its own folder of `dir`.
fn reference(dir: &Path) -> PathBuf {
    let folder = dir.join("teacher");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("golz.json");
    warrant::io::save(&path, &golz()).unwrap();
    path
}

const OWN_CLAIM: &str = "Students like long walks on sunny beaches";

/// A student's map: the article's last passage not quoted, and a claim of their own.
fn student() -> (Map, NodeId) {
    let mut map = golz();
    map.title = "Dana".into();
    let edits = ops::delete_nodes(&map, &[NodeId::from("q30")]);
    apply_all(&mut map, edits).unwrap();
    let (own, edits) = ops::add_claim(&map, OWN_CLAIM, Point::new(40.0, 40.0));
    apply_all(&mut map, edits).unwrap();
    (map, own)
}

fn harness(map: Map, reference: &Path) -> Harness<'static, WarrantApp> {
    let mut app = WarrantApp::with_map(map, Settings::default());
    app.use_path_prompt();
    app.open_reference(reference);
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut WarrantApp| app.ui(ui), app)
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
    let mut h = harness(map, &reference(dir.path()));
    h.run();
    let q30 = golz().quote(&NodeId::from("q30")).unwrap().clone();
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
    let mut h = harness(map, &reference(dir.path()));
    h.run();
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
    let mut app = WarrantApp::with_map(map, Settings::default());
    app.use_path_prompt();
    app.analyse_in_background(true);
    app.open_reference(&reference(dir.path()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut WarrantApp| app.ui(ui), app);
    until_compared(&mut h, |h| h.query_by_label(OWN_CLAIM).is_some());
    assert!(h.query_by_label_contains("1 added").is_some());

    // The student's own claim is deleted on the canvas: the panel follows once compared again.
    h.get_by_label(&format!("Claim: {OWN_CLAIM}")).click();
    h.run();
    h.key_press(egui::Key::Delete);
    until_compared(&mut h, |h| h.query_by_label_contains("0 added").is_some());
    assert!(h.query_by_label(OWN_CLAIM).is_none(), "its row is gone");
}

/// Three hand-ins from the sample: a copy of the reference; one with only the first ten
/// passages quoted; one whose article was altered (its passages are not the reference's); and
/// a file that is not a map at all.
fn class(dir: &Path) -> PathBuf {
    let folder = dir.join("class");
    std::fs::create_dir_all(&folder).unwrap();
    let reference = golz();
    let mut ann = reference.clone();
    ann.title = "Ann".into();
    let mut ben = reference.clone();
    ben.title = "Ben".into();
    let late: Vec<NodeId> = ben.quotes[10..].iter().map(|q| q.id.clone()).collect();
    let edits = ops::delete_nodes(&ben, &late);
    apply_all(&mut ben, edits).unwrap();
    let mut cleo = reference;
    cleo.title = "Cleo".into();
    let s = &mut cleo.sources[0];
    s.text = s.text.replace("NATO", "N.A.T.O.");
    s.sha256 = warrant::model::text_sha256(&s.text);
    for (name, map) in [("ann.json", ann), ("ben.json", ben), ("cleo.json", cleo)] {
        warrant::io::save(&folder.join(name), &map).unwrap();
    }
    // Not a map: left out. A broken hand-in: a row that says so.
    std::fs::write(folder.join("notes.txt"), "marking notes").unwrap();
    std::fs::write(folder.join("broken.json"), "{not json").unwrap();
    folder
}

#[test]
fn a_class_folder_lists_each_hand_in_and_a_row_opens_it_against_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let (map, _) = student();
    let mut h = harness(map, &reference(dir.path()));
    let folder = class(dir.path());
    h.run();
    h.state_mut().push(Command::ClassFolderPath(folder.clone()));
    h.run();
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
    let (map, _) = student();
    let mut h = harness(map, &reference(dir.path()));
    let folder = class(dir.path());
    h.run();
    h.state_mut().push(Command::ClassFolderPath(folder.clone()));
    h.run();
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
    let (map, own) = student();
    let mut h = harness(map, &reference(dir.path()));
    let folder = class(dir.path());
    h.run();
    // Unsaved work: the own claim deleted.
    let edits = ops::delete_nodes(h.state().map(), &[own]);
    h.state_mut().submit("Delete card", None, edits);
    h.state_mut().push(Command::ClassFolderPath(folder));
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
    let mut h = harness(map, &reference(dir.path()));
    h.run();
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
