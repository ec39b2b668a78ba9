//! The student's loop, driven through the real app state by accessibility labels (`egui_kittest`).
//!
//! Here: the loop itself, files that cannot be read, unsaved changes, the keyboard on the map;
//! the story and presentation are in `ui_story.rs`, findings, export, folding and focus mode in
//! `ui_map_view.rs`.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::{Map, Relation};
use warrant::ui::WarrantApp;

mod common;
use common::app::{app_on, started};
use common::small_map;
use common::steps::{menu, type_path};

const ARTICLE: &str = "Russia and NATO\n\nRussian officials call NATO a dangerously strong (even omnipotent)\nand unfriendly military bloc, and at the same time a relic of the Cold\nWar, incapable of providing security. These two views cannot both hold.\n\nThe memo ends with practical suggestions for both sides, to be taken in turn.\n";

#[test]
fn the_students_loop_claim_article_quote_link_undo_save_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("memo.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let mut h = started(Map::new("Homework"), Some(dir.path()));

    // A claim, typed in place.
    h.get_by_label("New claim").click();
    h.run();
    h.get_by_label("Claim text on the card")
        .type_text("NATO is a Cold War relic");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().map().claims.len(), 1);
    assert_eq!(h.state().map().claims[0].text, "NATO is a Cold War relic");
    let claim = h.state().map().claims[0].id.clone();

    // An article, through File → Add article… and the path prompt.
    menu(&mut h, "File", "Add article");
    type_path(&mut h, &article);
    assert_eq!(h.state().map().sources.len(), 1);
    assert_eq!(
        h.state().map().sources[0].text,
        ARTICLE,
        "kept byte for byte"
    );
    assert!(
        h.query_by_label_contains("Article text: Russia and NATO")
            .is_some()
    );

    // Select a passage across a line break (as a drag would) and quote it, with nothing selected.
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().select(warrant::ui::Selection::default());
    let text = &h.state().map().sources[0].text;
    let start = text.find("a relic of the Cold").unwrap();
    let end = text.find(", incapable").unwrap();
    let (start, end) = (text[..start].chars().count(), text[..end].chars().count());
    h.state_mut().reader_mut().select_source_range(start, end);
    h.run();
    h.run();
    h.get_all_by_label("Quote selection")
        .next()
        .unwrap()
        .click();
    h.run();
    let map = h.state().map();
    assert_eq!(map.quotes.len(), 1);
    assert_eq!(map.quotes[0].anchor.exact, "a relic of the Cold\nWar");
    assert_eq!(
        (map.quotes[0].anchor.start, map.quotes[0].anchor.end),
        (start, end)
    );
    assert!(
        map.links.is_empty(),
        "no claim was selected, so no link yet"
    );
    let quote = map.quotes[0].id.clone();

    // Link quote → claim: select both, "Link selected", choose "supports".
    h.get_by_label("Quote: a relic of the Cold\nWar").click();
    h.run();
    h.get_by_label("Claim: NATO is a Cold War relic")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(
        h.state().selection().nodes,
        vec![quote.clone(), claim.clone()]
    );
    h.get_by_label("Link selected").click();
    h.run();
    h.get_by_label("supports (is a reason for)").click();
    h.run();
    let links = &h.state().map().links;
    assert_eq!(links.len(), 1);
    assert_eq!(
        (&links[0].from, &links[0].to, links[0].relation),
        (&quote, &claim, Relation::Supports)
    );

    // The new link is selected; the inspector changes it to "opposes".
    h.get_by_label("opposes").click();
    h.run();
    assert_eq!(h.state().map().links[0].relation, Relation::Opposes);

    let after = h.state().map().clone();
    undo_three_and_redo(&mut h, &after);
    save_as_and_reopen(&mut h, dir.path(), &after);
}

/// Undo three times: opposes → supports, link gone, quote gone. Redo all three.
fn undo_three_and_redo(h: &mut Harness<'static, WarrantApp>, after: &Map) {
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(h.state().map().links.is_empty());
    assert!(h.state().map().quotes.is_empty());
    assert_eq!(h.state().map().sources.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().map(), after);
}

/// Save as, then open it again: the same map.
fn save_as_and_reopen(h: &mut Harness<'static, WarrantApp>, dir: &Path, after: &Map) {
    let saved = dir.join("homework.json");
    menu(h, "File", "Save as");
    type_path(h, &saved);
    assert!(!h.state().is_dirty());
    assert_eq!(
        &warrant::io::load(&saved).expect("the saved map loads"),
        after
    );
    assert!(h.state().window_title().starts_with("homework.json"));
    *h.state_mut() = app_on(Map::new("something else"), Some(dir));
    menu(h, "File", "Open…");
    type_path(h, &saved);
    assert_eq!(h.state().map(), after);
}

#[test]
fn a_broken_file_shows_an_error_and_leaves_the_map_alone() {
    let dir = tempfile::tempdir().unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/truncated.json");
    let map = small_map();
    let mut h = started(map.clone(), Some(dir.path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Typed into the prompt and confirmed with Enter, as a keyboard user would.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&broken.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Something went wrong").is_some());
    assert!(
        h.query_by_label_contains("truncated.json:").is_some(),
        "the message names the file and line"
    );
    assert_eq!(h.state().map(), &map);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map();
    let mut h = started(map.clone(), Some(dir.path()));
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().map().claims.len(), 1);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().map().claims.len(), 1, "Cancel keeps the map");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().map().claims.is_empty(), "a new, empty map");
    assert!(!h.state().is_dirty());
}

#[test]
fn keyboard_alone_moves_between_linked_cards_and_edits() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map();
    let mut h = started(map, Some(dir.path()));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().selection().nodes.len(),
        1,
        "an arrow key selects a first card"
    );
    let first = h.state().selection().nodes[0].clone();
    h.key_press(Key::ArrowRight);
    h.run();
    let second = h.state().selection().nodes[0].clone();
    assert_ne!(
        first, second,
        "the arrow key moved to the linked card on the right"
    );
    // Enter edits the selected claim; typing replaces nothing until typed; Esc leaves.
    let claim = if h.state().map().claim(&second).is_some() {
        second
    } else {
        first
    };
    h.state_mut()
        .select(warrant::ui::Selection::one(claim.clone()));
    h.key_press(Key::Enter);
    h.run();
    h.run();
    h.get_by_label("Claim text on the card")
        .type_text(" (edited)");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state()
            .map()
            .claim(&claim)
            .unwrap()
            .text
            .ends_with(" (edited)")
    );
    assert!(h.state().canvas().editing.is_none());
}
