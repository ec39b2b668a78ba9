//! Opening a large map does not check its quotes on the window's thread: a map file is untrusted
//! input, and locating thousands of quotes in a long article grows with what the file holds. The
//! window opens at once, shows "checking the quotes…", and tells the problems when they arrive.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use egui_kittest::kittest::Queryable as _;
use std::fmt::Write as _;
use warrant::anchor::{CharIndex, anchor_from_range_in};
use warrant::model::{Map, Point, Quote, Source};
use warrant::ui::{Settings, WarrantApp};

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
    let runs = h.state().findings().runs();
    let on_worker = h.state().findings().runs_on_worker();

    h.state_mut().open_path(&path);
    assert_eq!(h.state().map().quotes.len(), QUOTES, "the map is open");
    assert_eq!(
        h.state().findings().runs(),
        runs,
        "opening returned before any check of the new map ran"
    );
    assert!(
        h.state().problems().is_none(),
        "its problems are not known yet"
    );
    assert!(h.state().dialogs().notice.is_none(), "nor told");

    // The first frame sends the map to the worker and says the quotes are being checked.
    h.step();
    assert!(
        h.query_by_label("checking the quotes…").is_some(),
        "the inspector says the quotes are being checked"
    );
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
