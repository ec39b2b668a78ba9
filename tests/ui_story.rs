//! The story and the presentation, driven through the real app state by accessibility labels
//! (`egui_kittest`): presenting steps through the story, the story editor, the presenter view.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::ui::WarrantApp;

mod common;
use common::app::started;
use common::small_map;
use common::steps::{present, type_over};
use common::tools::sample;

/// The sample map of the 2008 memo: a story of six steps, one contradiction.
const MEMO: &str = "memo-2008-russia-nato-mutually-exclusive-arguments.json";

#[test]
fn presenting_steps_through_the_story_and_esc_restores_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample(MEMO);
    let steps = map.story.len();
    assert!(steps >= 6);
    let mut h = started(map.clone(), Some(dir.path()));
    let first = map.claims[3].id.clone();
    h.state_mut()
        .select(warrant::ui::Selection::one(first.clone()));
    h.run();
    let camera = (h.state().canvas().center, h.state().canvas().zoom);

    present(&mut h);
    assert!(
        h.query_by_label("Inspector").is_none(),
        "panels and toolbars are hidden"
    );
    assert!(h.query_by_label_contains(&map.story[0].title).is_some());
    for _ in 0..3 {
        h.key_press(Key::ArrowRight);
        h.run_ok();
    }
    h.key_press(Key::ArrowLeft);
    h.run_ok();
    assert_eq!(h.state().presentation().unwrap().step, 2);
    assert!(h.query_by_label_contains(&map.story[2].title).is_some());
    h.key_press(Key::End);
    h.run_ok();
    assert_eq!(h.state().presentation().unwrap().step, steps - 1);

    h.key_press(Key::Escape);
    h.run_ok();
    assert!(h.state().presentation().is_none());
    assert_eq!(h.state().selection().nodes, vec![first]);
    assert_eq!((h.state().canvas().center, h.state().canvas().zoom), camera);
    assert_eq!(h.state().map(), &map, "presenting changes nothing");
}

fn story_titles(h: &Harness<'static, WarrantApp>) -> Vec<String> {
    h.state()
        .map()
        .story
        .iter()
        .map(|s| s.title.clone())
        .collect()
}

#[test]
fn the_story_editor_adds_renames_reorders_and_undoes_steps() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map();
    assert!(map.story.is_empty());
    let mut h = started(map, Some(dir.path()));
    h.get_by_label("Story").click();
    h.run();
    // Step 1: the first claim; step 2: the quote.
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Add step from selection").click();
    h.run();
    h.get_by_label("Quote: a relic of the Cold War").click();
    h.run_ok();
    h.get_by_label("Add step from selection").click();
    h.run();
    let story = &h.state().map().story;
    assert_eq!(story.len(), 2);
    assert_eq!(story[1].show, vec![warrant::model::NodeId("q1".into())]);
    // Rename the open (second) step, then move it up.
    type_over(&mut h, "Step title", "The evidence");
    h.get_by_label("Move up").click();
    h.run();
    let titles = story_titles(&h);
    assert_eq!(titles, ["The evidence", "Step 1"]);
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let titles = story_titles(&h);
    assert_eq!(
        titles,
        ["Step 1", "The evidence"],
        "undo puts the step back"
    );
    // Alt+Down moves the open step down.
    h.get_by_label("1. Step 1").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let titles = story_titles(&h);
    assert_eq!(titles, ["The evidence", "Step 1"], "Alt+Down moved it");
}

#[test]
fn the_presenter_view_shows_the_note_and_the_next_step_and_can_step() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample(MEMO);
    let (first, second) = (&map.story[0], &map.story[1]);
    assert!(!first.note.is_empty() && !second.note.is_empty());
    let mut h = started(map.clone(), Some(dir.path()));
    h.key_press(Key::F5);
    h.run_ok();
    assert!(h.query_by_label("Presenter view — Warrant").is_none());
    h.key_press(Key::P);
    h.run_ok();
    // No second native window in the test harness: it opens inside the main one.
    assert!(h.query_by_label_contains("Presenter view").is_some());
    assert!(
        h.query_by_label(&first.note).is_some(),
        "the note of step 1"
    );
    assert!(
        h.query_by_label(&format!("Next: {}", second.title))
            .is_some()
    );
    let counter = format!("Step 1 of {}", map.story.len());
    assert!(h.query_by_label(&counter).is_some(), "{counter}");

    h.get_by_label("Next step").click();
    h.run_ok();
    assert_eq!(h.state().presentation().map(|p| p.step), Some(1));
    assert!(
        h.query_by_label(&second.note).is_some(),
        "the note of step 2"
    );

    h.get_by_label("Close presenter view").click();
    h.run_ok();
    assert!(h.query_by_label(&second.note).is_none());
    assert!(h.state().presentation().is_some(), "still presenting");
}
