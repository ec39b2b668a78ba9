//! Opening a large map neither reads nor checks it on the window's thread: a map file is
//! untrusted input, and laying out cards without positions or locating thousands of quotes in a
//! long article grows with what the file holds. The window says what it is opening (Cancel keeps
//! the map that was open), then checks the quotes on the analysis worker, and tells the problems
//! when they arrive.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use egui_kittest::kittest::Queryable as _;
use std::fmt::Write as _;
use warrant::anchor::{CharIndex, anchor_from_range_in};
use warrant::model::{Map, Point, Quote, Source};
use warrant::ui::{Command, Settings, WarrantApp};

mod common;

const SENTENCES: usize = 6_000;
const QUOTES: usize = 3_000;
/// Quotes whose offsets point at another sentence: each one is a "moved" problem.
const MOVED: usize = 12;

/// An article of distinct numbered sentences (about 260,000 chars), and one quote on every
/// other sentence; the first `MOVED` quotes carry the offsets of the sentence after theirs.
fn large_map() -> Map {
    let mut text = String::new();
    for i in 0..SENTENCES {
        write!(text, "Sentence {i} of the long article says one thing. ").unwrap();
    }
    // The text is ASCII: byte offsets are char offsets.
    let starts: Vec<usize> = text.match_indices("Sentence ").map(|(b, _)| b).collect();
    let mut map = Map::new("Thousands of quotes");
    let mut source = Source::new("A long article", &text);
    source.id = "s1".into();
    map.sources.push(source);
    let idx = CharIndex::new(&text);
    for q in 0..QUOTES {
        let i = 2 * q;
        let (start, end) = (starts[i], starts[i + 1] - 1);
        let mut anchor = anchor_from_range_in(&idx, start, end).unwrap();
        if q < MOVED {
            let len = end - start;
            anchor.start = starts[i + 1];
            anchor.end = starts[i + 1] + len;
        }
        map.quotes.push(Quote {
            id: format!("q{q}").as_str().into(),
            source: "s1".into(),
            anchor,
            note: String::new(),
            pos: Point::new(300.0 * (q % 60) as f32, 150.0 * (q / 60) as f32),
        });
    }
    map
}

#[test]
fn a_large_map_opens_without_checking_its_quotes_on_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    warrant::io::save(&path, &large_map()).unwrap();

    let mut app = WarrantApp::with_map(Map::new("Untitled map"), Settings::default());
    app.analyse_in_background(true);
    let mut h = common::app::harness(app);
    h.run();
    // The empty map's own analysis is in first.
    for _ in 0..200_000 {
        if h.state().findings().is_ready() {
            break;
        }
        h.step();
        std::thread::yield_now();
    }
    let runs = h.state().findings().runs();
    let on_worker = h.state().findings().runs_on_worker();

    // The file is read on a thread; the window takes the map when it is in.
    h.state_mut().open_path(&path);
    for _ in 0..200_000 {
        if h.state().map().quotes.len() == QUOTES {
            break;
        }
        assert_eq!(
            h.state().map().title,
            "Untitled map",
            "the old map meanwhile"
        );
        h.step();
        std::thread::yield_now();
    }
    assert_eq!(h.state().map().quotes.len(), QUOTES, "the map is open");
    let findings = h.state().findings();
    assert_eq!(
        findings.runs() - findings.runs_on_worker(),
        runs - on_worker,
        "no check ran on the window's thread"
    );
    // The check is sent to the worker by the frame the map arrives in; the inspector says the
    // quotes are being checked until it is back (too quick here to be seen reliably).
    for _ in 0..200_000 {
        if h.state().problems().is_some() {
            break;
        }
        h.step();
        std::thread::yield_now();
    }
    let problems = h
        .state()
        .problems()
        .expect("the check finished on the worker");
    assert_eq!(problems.len(), MOVED, "{problems:?}");
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("it is found at"))
    );
    assert!(h.state().findings().runs_on_worker() > on_worker);
    let notice = h.state().dialogs().notice.clone().unwrap_or_default();
    assert!(
        notice.contains(&format!("opened with {MOVED} problem(s)")),
        "{notice}"
    );
    h.step();
    assert!(h.query_by_label("checking the quotes…").is_none());
}

#[test]
fn a_map_being_laid_out_as_it_opens_leaves_the_window_live_and_cancel_keeps_the_open_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dense.json");
    // 2,000 claims without positions, 10 links each: laid out as the file opens.
    warrant::io::save(&path, &common::generated::dense_map(2_000, 10, 7)).unwrap();

    let mut app = WarrantApp::with_map(Map::new("The student's map"), Settings::default());
    app.analyse_in_background(true);
    let mut h = common::app::harness(app);
    h.run();
    h.state_mut().push(Command::OpenPath(path));
    // The command runs after the frame that took it; the next one shows the file opening.
    h.step();
    h.step();
    assert!(h.query_by_label("Opening dense.json…").is_some());
    assert_eq!(
        h.state().map().title,
        "The student's map",
        "still open meanwhile"
    );

    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(h.query_by_label("Opening dense.json…").is_none());
    assert!(h.query_by_label("Map canvas").is_some(), "the map is back");
    assert_eq!(h.state().map().title, "The student's map");

    // Esc does the same.
    h.state_mut()
        .push(Command::OpenPath(dir.path().join("dense.json")));
    h.step();
    h.step();
    assert!(h.query_by_label("Opening dense.json…").is_some());
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert!(h.query_by_label("Opening dense.json…").is_none());
    assert_eq!(h.state().map().title, "The student's map");
}

#[test]
fn a_recovery_copy_restored_while_a_file_opens_is_not_replaced_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dense.json");
    warrant::io::save(&path, &common::generated::dense_map(2_000, 10, 7)).unwrap();
    // The work a crash interrupted, in the app's recovery folder.
    let recovery = warrant::io::Recovery::for_map(dir.path(), None);
    recovery.write(&Map::new("Unsaved homework"), None).unwrap();

    let mut app = WarrantApp::with_map(Map::new("Untitled map"), Settings::default());
    app.analyse_in_background(true);
    let mut h = common::app::harness(app);
    h.run();
    h.state_mut().open_path(&path);
    h.step();
    assert!(h.query_by_label("Opening dense.json…").is_some());
    // The start-up offer to restore it is taken while the file is still being read.
    h.state_mut().restore(&recovery);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(h.query_by_label("Opening dense.json…").is_none());
    assert_eq!(
        h.state().map().title,
        "Unsaved homework",
        "the restored work stays"
    );
}
