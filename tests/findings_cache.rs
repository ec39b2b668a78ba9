//! The findings panel's analysis is keyed on what the map says, not where its cards are: dragging
//! a card must not rerun the quote search and the rest on every frame of the drag.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::ui::{Settings, WarrantApp};

mod common;

fn harness() -> Harness<'static, WarrantApp> {
    harness_with(false)
}

/// The app on the small map; `background` analyses on the worker thread as the window does.
fn harness_with(background: bool) -> Harness<'static, WarrantApp> {
    let mut app = WarrantApp::with_map(common::small_map(), Settings::default());
    app.analyse_in_background(background);
    common::app::harness(app)
}

#[test]
fn dragging_a_card_does_not_rerun_the_analysis_but_editing_does() {
    let mut h = harness();
    h.run();
    h.get_by_label("Findings").click();
    h.run();
    let runs = h.state().findings().runs();
    assert!(runs >= 1, "the panel shows an analysis");
    let before = h.state().map().claims[0].pos;

    // Drag "NATO is obsolete" across the canvas, frame by frame.
    let start = h.get_by_label("Claim: NATO is obsolete").rect().center();
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for step in 1..=12 {
        h.hover_at(start + egui::vec2(10.0 * step as f32, 4.0 * step as f32));
        h.run();
    }
    h.drop_at(start + egui::vec2(120.0, 48.0));
    h.run();
    assert_ne!(h.state().map().claims[0].pos, before, "the card moved");
    assert_eq!(
        h.state().findings().runs(),
        runs,
        "moving a card does not recompute the findings"
    );

    // Undoing the move is still only a move.
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo").last().unwrap().click();
    h.run();
    assert_eq!(h.state().map().claims[0].pos, before, "undo put it back");
    assert_eq!(h.state().findings().runs(), runs);

    // A change of content does: delete the claim (Delete key on the selected card).
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(h.state().map().claims.len(), 1, "the claim is gone");
    assert_eq!(
        h.state().findings().runs(),
        runs + 1,
        "the findings follow the change"
    );
}

/// Runs frames until the findings of the map as it is now have arrived from the worker thread.
/// The bound is in frames, generous: the small map's analysis takes a few milliseconds.
fn until_analysed(h: &mut Harness<'static, WarrantApp>) {
    for _ in 0..20_000 {
        let revision = h.state().history().content_revision();
        if !h.state().findings().is_stale(revision) {
            h.run();
            return;
        }
        h.step();
        std::thread::yield_now();
    }
    panic!("the findings never arrived from the worker thread");
}

#[test]
fn the_window_analyses_on_a_worker_thread_and_shows_the_result_when_it_arrives() {
    let mut h = harness_with(true);
    h.get_by_label("Findings").click();
    h.step();
    until_analysed(&mut h);
    assert!(
        h.query_by_label("Contradictions (1)").is_some(),
        "the worker's findings are shown"
    );
    assert!(h.query_by_label("analysing…").is_none(), "and are current");
    let runs = h.state().findings().runs();
    let on_worker = h.state().findings().runs_on_worker();
    assert!(on_worker >= 1, "the shown findings came from the worker");

    // Delete a claim of the contradiction: the worker analyses the new content.
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.key_press(egui::Key::Delete);
    h.step();
    assert_eq!(h.state().map().claims.len(), 1, "the claim is gone");
    until_analysed(&mut h);
    assert!(
        h.query_by_label("Contradictions (0)").is_some(),
        "the findings follow the change once the worker is done"
    );
    assert_eq!(h.state().findings().runs(), runs + 1);
    assert_eq!(
        h.state().findings().runs_on_worker(),
        on_worker + 1,
        "the new analysis ran on the worker thread, not on the UI thread"
    );
}
