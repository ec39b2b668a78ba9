//! Maps made to hurt: whatever a map file holds, the app shows it or says what is wrong with it,
//! and never panics.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::{Map, Step, StepId};
use warrant::ui::{Settings, WarrantApp};

fn good_small() -> Map {
    warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json")).unwrap()
}

/// Presents a one-step story that focuses the map's first quote (so its paragraph is shown).
fn present_first_quote(map: Map) -> Harness<'static, WarrantApp> {
    let mut map = map;
    map.story = vec![Step {
        id: StepId("st1".into()),
        title: "The relic".into(),
        show: map.nodes().map(|n| n.id().clone()).collect(),
        focus: vec![map.quotes[0].id.clone()],
        note: String::new(),
    }];
    let dir = tempfile::tempdir().unwrap();
    let mut app = WarrantApp::with_map(map, Settings::default());
    app.set_recovery_dir(Some(dir.path().join("recovery")));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut WarrantApp| app.ui(ui), app);
    h.run();
    h.get_all_by_label_contains("Present")
        .next()
        .expect("a Present button")
        .click();
    h.run_ok();
    assert!(h.state().presenting.is_some());
    h
}

#[test]
fn presenting_a_quote_with_reversed_or_outlying_offsets_shows_it_without_panicking() {
    for (start, end) in [(31, 8), (500, 9000), (8, 9000), (9000, 8)] {
        let mut map = good_small();
        map.quotes[0].anchor.start = start;
        map.quotes[0].anchor.end = end;
        // Such a quote loads (its text is found elsewhere): the loader is not the guard.
        let json = warrant::io::map_to_json(&map).unwrap();
        let map = warrant::io::map_from_json(&json, Path::new("hostile.json")).unwrap();
        let h = present_first_quote(map);
        assert!(
            h.query_by_label("“a relic of the Cold War”").is_some(),
            "the quote is shown ({start}..{end})"
        );
    }
}
